/// `split(separator:maxSplits:omittingEmptySubsequences:)` on an ASCII separator, done on the UTF-8 bytes
/// when that gives the same pieces as the `Character` split.
///
/// `String.split(separator: " ")` compares `Character`s: it finds grapheme boundaries scalar by scalar
/// through Unicode tables, which made up a few per cent of extraction (name keys and phrases are split on
/// spaces many times over). For a plain string (``NormKey/isPlain(_:)``: ASCII, plain Arabic letters and
/// digits) no scalar joins its neighbour into one `Character` except CR before LF, so an ASCII separator other
/// than CR and LF is a `Character` of its own exactly where its byte is: the byte split gives the same pieces.
/// Any other string (or separator) takes `String`'s own split.
public extension StringProtocol where SubSequence == Substring {
    func plainSplit(separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        guard let sep = separator.asciiValue, sep != 0x0A, sep != 0x0D, PlainSplit.isPlain(self) else {
            return split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
        }
        return utf8.split(separator: sep, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
            .map { self[$0.startIndex..<$0.endIndex] }
    }
}

enum PlainSplit {
    static func isPlain<S: StringProtocol>(_ s: S) -> Bool {
        if let r = s.utf8.withContiguousStorageIfAvailable({ NormKey.isPlain($0) }) { return r }
        return NormKey.isPlain(String(s))
    }
}

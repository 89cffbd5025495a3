import Foundation

/// `split(separator:maxSplits:omittingEmptySubsequences:)` on an ASCII separator, done on the UTF-8 bytes
/// when that gives the same pieces as the `Character` split.
///
/// `String.split(separator: " ")` compares `Character`s: it finds grapheme boundaries scalar by scalar
/// through Unicode tables, which made up a few per cent of extraction and start-up (name keys, phrases and
/// gazetteer columns are split many times over). For a plain string (``NormKey/isPlain(_:)``: ASCII, plain
/// Arabic letters and digits) no scalar joins its neighbour into one `Character` except CR before LF, so an
/// ASCII separator other than CR and LF is a `Character` of its own exactly where its byte is: the byte split
/// gives the same pieces. Any other string (or separator) takes `String`'s own split.
extension String {
    /// (the whole string as a `Substring`: same storage, same pieces)
    public func plainSplit(separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        self[...].plainSplit(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }
}

extension Substring {
    public func plainSplit(separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        if let sep = PlainSplit.byte(separator) {
            var s = self
            if let r = s.withUTF8({ PlainSplit.ranges($0, sep, maxSplits, omittingEmptySubsequences) }) {
                let u = utf8, b = u.startIndex
                return r.map { self[u.index(b, offsetBy: $0.lowerBound)..<u.index(b, offsetBy: $0.upperBound)] }
            }
        }
        return split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }
}

extension String {
    /// `hasPrefix(prefix)`, decided on the UTF-8 bytes when they can decide (``PlainBytes/hasPrefix(_:_:)``), else
    /// `hasPrefix`, which walks `Character`s through the Unicode tables (the labeller's stem and the article were a
    /// few per cent of extraction).
    public func plainHasPrefix(_ prefix: String) -> Bool {
        var s = self, o = prefix
        return s.withUTF8 { a in o.withUTF8 { b in PlainBytes.hasPrefix(a, b) } } ?? hasPrefix(prefix)
    }
}

extension String {
    /// `hasSuffix(suffix)`, compared as UTF-8 bytes when both strings are plain (no plain scalar joins the one
    /// before it into a `Character`, except LF after CR: a suffix starting with LF goes through `hasSuffix`).
    public func plainHasSuffix(_ suffix: String) -> Bool {
        plainBytes(suffix, unless: { $0.first == 0x0A }) { a, b in
            b.count <= a.count && sameBytes(a.baseAddress.map { $0 + (a.count - b.count) }, b.baseAddress, b.count)
        } ?? hasSuffix(suffix)
    }

    /// `compare(self's UTF-8, other's UTF-8)` when both strings are plain and `unless(other's UTF-8)` is false; nil
    /// when the bytes cannot decide (the caller then compares `Character`s).
    @inline(__always)
    private func plainBytes(_ other: String, unless: (UnsafeBufferPointer<UInt8>) -> Bool,
                            _ compare: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        var s = self, o = other
        return s.withUTF8 { a in
            o.withUTF8 { b in
                guard NormKey.isPlain(a), NormKey.isPlain(b), !unless(b) else { return nil }
                return compare(a, b)
            }
        }
    }
}

extension String {
    /// `self == other`, decided on the UTF-8 bytes when they can decide (``PlainBytes/equal(_:_:)``), else `==`
    /// (which compares Arabic words through the Unicode tables).
    public func plainEquals(_ other: String) -> Bool {
        var s = self, o = other
        return s.withUTF8 { a in o.withUTF8 { b in PlainBytes.equal(a, b) } } ?? (self == other)
    }

    /// `self == mark` for a mark no other string is canonically equal to (not «;», «K», «`», «Å», «Ω», which other
    /// scalars decompose to): its bytes are the only spelling, so the bytes are compared.
    public func isMark(_ mark: StaticString) -> Bool {
        var s = self
        return s.withUTF8 { b in
            b.count == mark.utf8CodeUnitCount && (b.count == 0 || memcmp(b.baseAddress!, mark.utf8Start, b.count) == 0)
        }
    }
}

/// The `n` bytes at `x` and `y` are the same (no bytes when `n` is 0, where an empty buffer has no address).
@inline(__always)
private func sameBytes(_ x: UnsafePointer<UInt8>?, _ y: UnsafePointer<UInt8>?, _ n: Int) -> Bool {
    n == 0 || memcmp(x!, y!, n) == 0
}

enum PlainSplit {
    /// The byte of an ASCII separator other than CR and LF.
    static func byte(_ c: Character) -> UInt8? {
        // (a one-byte `Character` is that ASCII character: its bytes, not `asciiValue`, which went through the tables)
        let u = c.utf8
        guard u.count == 1, let b = u.first, b < 0x80, b != 0x0A, b != 0x0D else { return nil }
        return b
    }

    /// The byte ranges of the pieces, as `Collection.split` cuts them; nil when the text is not plain.
    static func ranges(_ b: UnsafeBufferPointer<UInt8>, _ sep: UInt8, _ maxSplits: Int, _ omitting: Bool) -> [Range<Int>]? {
        guard NormKey.isPlain(b) else { return nil }
        precondition(maxSplits >= 0, "Must take zero or more splits")
        var out: [Range<Int>] = []
        let n = b.count
        var start = 0
        if maxSplits == 0 || n == 0 {
            if !(omitting && n == 0) { out.append(0..<n) }
            return out
        }
        var i = 0
        while i < n {
            if b[i] == sep {
                let appended = !(omitting && start == i)
                if appended { out.append(start..<i) }
                i += 1
                start = i
                if appended && out.count == maxSplits { break }
                continue
            }
            i += 1
        }
        if start != n || !omitting { out.append(start..<n) }
        return out
    }
}

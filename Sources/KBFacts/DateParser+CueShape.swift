import KBText

extension DateParser {
    /// The last UTF-8 bytes of the words `dateCue` looks for, as the word itself or as a clitic-free stem (a table of
    /// 256 flags); nil (no table) if one of them is not plain (``NormKey/isPlain(_:)``).
    static let cueLastBytes: [Bool]? = {
        var table = [Bool](repeating: false, count: 256)
        for k in cueWords.union(cueStems) {
            guard NormKey.isPlain(k.string), let b = k.string.utf8.last else { return nil }
            table[Int(b)] = true
        }
        return table
    }()

    /// False when `dateCue(n)` is surely false, read from the bytes: `n` is Arabic letters only (U+0621–U+064A, two
    /// UTF-8 bytes each) and its last byte is no cue word's. Such a word is plain, so it equals a plain cue word only
    /// with its bytes; a clitic reading's stem is the word without a proclitic (or «ال» and the rest, for «لل»), so it
    /// ends as the word does; and a word of the Arabic block is no Latin month name in capitals. True otherwise
    /// (the look-up decides).
    @inline(__always)
    static func mayBeCue(_ n: String) -> Bool {
        guard let table = cueLastBytes else { return true }
        var u = n
        return u.withUTF8 { b -> Bool in
            let c = b.count
            guard c > 0, c % 2 == 0, !table[Int(b[c - 1])] else { return true }
            var i = 0
            while i < c {
                let x = b[i], y = b[i + 1]
                guard (x == 0xD8 && y >= 0xA1 && y <= 0xBF) || (x == 0xD9 && y >= 0x80 && y <= 0x8A) else { return true }
                i += 2
            }
            return false
        }
    }
}

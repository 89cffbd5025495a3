import KBGraph

/// What `Extractor.extract` does for each mention and fact it puts in the document's result, without building
/// strings it does not keep: the same values as the `String` code they stand for (equivalence tests in
/// Tests/KBFactsTests/SpeedEquivalenceDocumentResultTests.swift).
extension Extractor {
    /// `s.plainSplit(separator: " ").joined(separator: " ")` (runs of spaces made one, ends trimmed), the string
    /// itself when it has no space at either end and no two spaces in a row: then no piece is empty and the join
    /// gives back its bytes. (A `Character` equal to " " is the scalar U+0020 alone, so the separators are among
    /// the 0x20 bytes: two separators next to each other are two 0x20 bytes next to each other.)
    static func spacesCollapsed(_ s: String) -> String {
        var s = s
        let single = s.withUTF8 { b -> Bool in
            guard let f = b.first, let l = b.last else { return true }
            if f == 0x20 || l == 0x20 { return false }
            var previous: UInt8 = 0
            for x in b {
                if x == 0x20 && previous == 0x20 { return false }
                previous = x
            }
            return true
        }
        return single ? s : s.plainSplit(separator: " ").joined(separator: " ")
    }

    // (`FactKeys`, the keys a fact of the document is told apart by: Extractor+FactKeys.swift)

    /// `"f-" + String(StableID.hex("\(doc)|\(type)|\(subject)|\(object)|\(begin)|\(rule)").prefix(12))`, the FNV-1a
    /// hash taken over the pieces' bytes in turn instead of over the joined string.
    static func factID(doc: String, type: String, subject: String, object: String, begin: Int, rule: String) -> String {
        var h = FNV1a()
        h.add(doc); h.add(0x7C)
        h.add(type); h.add(0x7C)
        h.add(subject); h.add(0x7C)
        h.add(object); h.add(0x7C)
        h.add(String(begin)); h.add(0x7C)
        h.add(rule)
        return "f-" + h.hexPrefix12
    }

    /// ``StableID/fnv1a(_:)`` fed piece by piece.
    struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ b: UInt8) { value ^= UInt64(b); value = value &* 0x0000_0100_0000_01b3 }

        mutating func add(_ s: String) {
            var s = s
            var h = value
            s.withUTF8 { for b in $0 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 } }
            value = h
        }

        /// The first 12 of the 16 lowercase hex digits of the value (``StableID/hex(_:)``, zero-padded).
        var hexPrefix12: String {
            let top = value >> 16
            return String(unsafeUninitializedCapacity: 12) { buf in
                for k in 0..<12 {
                    let d = UInt8((top >> UInt64(4 * (11 - k))) & 0xF)
                    buf[k] = d < 10 ? 0x30 + d : 0x61 + d - 10
                }
                return 12
            }
        }
    }
}

extension String {
    /// `count < n` (in characters), without counting the characters past the n-th: a string has no more
    /// characters than scalars (and than UTF-8 bytes); a string whose scalars are all lone ones
    /// (``LoaderText/isLoneScalars(_:)``: none joins a neighbour) has as many characters as scalars.
    func hasFewerCharacters(than n: Int) -> Bool {
        if utf8.count < n { return true }
        var s = self
        let bytes = s.withUTF8 { b -> Bool? in
            var scalars = 0
            for x in b where x & 0xC0 != 0x80 { scalars += 1 }
            if scalars < n { return true }
            return LoaderText.isLoneScalars(b) ? false : nil
        }
        return bytes ?? (index(startIndex, offsetBy: n, limitedBy: endIndex) == nil)
    }
}

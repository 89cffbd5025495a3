/// A normalised word (or phrase) as a dictionary key that hashes and compares fast, with exactly the
/// meaning of `String` keys.
///
/// `String` hashes and compares by canonical equivalence: for non-ASCII text every hash and every
/// comparison checks (and if need be produces) the NFC form scalar by scalar through Unicode property
/// tables, which was the largest single cost of extraction (normalised Arabic words are looked up in
/// dictionaries many times per token). A string made only of ASCII and plain Arabic letters and digits
/// (U+0621–U+063A, U+0640–U+064A, U+0660–U+0669: no combining marks, all NFC quick-check Yes) is already
/// in NFC, so for two such strings byte equality is canonical equivalence, and `String`'s own hash is
/// its UTF-8 bytes followed by a 0xFF terminator. `NormKey` uses those byte forms for such strings and
/// falls back to `String`'s hash and `==` for any other, so a `[NormKey: V]` finds exactly what a
/// `[String: V]` finds. ``hashMatchesString`` checks the hash agreement once at start-up; if a
/// standard library ever hashed differently, every key takes `String`'s own path.
public struct NormKey: Hashable, Sendable {
    public let string: String
    @usableFromInline let simple: Bool

    @inlinable
    public init(_ s: String) {
        string = s
        simple = NormKey.fastHashing && NormKey.isSimple(s)
    }

    /// Only ASCII and the plain Arabic letters, tatweel and Arabic-Indic digits (checked on UTF-8 bytes).
    @usableFromInline
    static func isSimple(_ s: String) -> Bool { isPlain(s) }

    /// True when `s` has only ASCII, plain Arabic letters (U+0621–U+063A, U+0640–U+064A) and Arabic-Indic
    /// digits: such a string is in NFC, with no combining marks, so its `String` comparisons are byte comparisons.
    public static func isPlain(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let x = b[i]
                if x < 0x80 { i += 1; continue }
                guard i + 1 < n else { return false }
                let y = b[i + 1]
                switch x {
                case 0xD8: guard (0xA1...0xBA).contains(y) else { return false }        // U+0621–U+063A
                case 0xD9: guard (0x80...0x8A).contains(y) || (0xA0...0xA9).contains(y) else { return false }  // U+0640–U+064A, U+0660–U+0669
                default: return false
                }
                i += 2
            }
            return true
        }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        if simple {
            var s = string
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(0xFF as UInt8)
        } else {
            hasher.combine(string)
        }
    }

    @inlinable
    public static func == (a: NormKey, b: NormKey) -> Bool {
        if a.simple && b.simple {
            var x = a.string, y = b.string
            return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmpEqual(p, q)) } }
        }
        return a.string == b.string
    }

    @usableFromInline
    static func memcmpEqual(_ p: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<p.count where p[k] != q[k] { return false }
        return true
    }

    /// True when the byte hash of simple strings is `String`'s hash (checked once).
    @usableFromInline
    static let fastHashing: Bool = hashMatchesString

    /// Compares, for a few simple strings, the byte hash with `String`'s own.
    public static let hashMatchesString: Bool = {
        for w in ["", "a", "abc def", "الجزائر", "وزير الخارجية", "2024", "ابن مهـدي ٢٠٢٤", String(repeating: "مصر ", count: 20)] {
            var h1 = Hasher()
            h1.combine(w)
            var h2 = Hasher()
            var s = w
            s.withUTF8 { h2.combine(bytes: UnsafeRawBufferPointer($0)) }
            h2.combine(0xFF as UInt8)
            if h1.finalize() != h2.finalize() { return false }
        }
        return true
    }()

    /// `s.contains(needle)` for plain strings (see ``isPlain(_:)``), as a byte search; nil for others.
    public static func plainContains(_ s: String, _ needle: StaticString) -> Bool? {
        guard isPlain(s) else { return nil }
        var s = s
        return s.withUTF8 { h in
            let n = needle.utf8CodeUnitCount
            guard n > 0 else { return true }
            guard h.count >= n else { return false }
            let p = needle.utf8Start
            var i = 0
            while i + n <= h.count {
                var k = 0
                while k < n && h[i + k] == p[k] { k += 1 }
                if k == n { return true }
                i += 1
            }
            return false
        }
    }
}

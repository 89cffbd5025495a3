import Foundation

/// A normalised word (or phrase) as a dictionary key that hashes and compares fast, with exactly the
/// meaning of `String` keys.
///
/// `String` hashes and compares by canonical equivalence: for non-ASCII text every hash and every
/// comparison checks (and if need be produces) the NFC form scalar by scalar through Unicode property
/// tables, which was the largest single cost of extraction (normalised Arabic words are looked up in
/// dictionaries many times per token). A string made only of ASCII and plain Arabic letters and digits
/// (U+0621–U+063A, U+0640–U+064A, U+0660–U+0669: no combining marks, all NFC quick-check Yes) is already
/// in NFC, so for two such strings byte equality is canonical equivalence. `NormKey` compares such
/// strings (and strings whose NFC form is such a string) as bytes and hashes them with a fast byte hash
/// (``_rawHashValue(seed:)``), and falls back to `String`'s hash and `==` for any other; the two kinds are
/// never equal, so a `[NormKey: V]` finds exactly what a `[String: V]` finds.
public struct NormKey: Hashable, Sendable {
    public let string: String
    /// The hash of the bytes of a simple key (``fastHash(_:seed:)`` with seed 0), computed once: the table's
    /// seed is mixed in by ``_rawHashValue(seed:)``, and `==` rejects two keys of different hashes without
    /// reading their bytes. 0 for a key that is not simple.
    @usableFromInline let h: UInt64
    /// 0: simple, `string` is plain (its bytes are compared); 1: simple through its NFC form (a non-plain string
    /// canonically equal to a plain one, such as a decomposed hamza: the NFC form is compared, computed again
    /// when needed, which is rare); 2: not simple (`String`'s hash and `==`).
    /// One `String` per key (no second copy of the text): a key copied out of a table retains one object.
    @usableFromInline let kind: UInt8

    @usableFromInline var simple: Bool { kind != 2 }

    @inlinable
    public init(_ s: String) {
        string = s
        if let x = NormKey.plainHash(s) {
            kind = 0; h = x
        } else if let n = NormKey.plainNFC(s) {
            kind = 1; h = NormKey.plainHash(n) ?? 0
        } else {
            kind = 2; h = 0
        }
    }

    /// A plain key (``isPlain(_:)``) from its text and byte hash (PlainKeyIndex.swift).
    init(plain string: String, hash: UInt64) {
        self.string = string; h = hash; kind = 0
    }

    /// For a simple key, the text compared and hashed as bytes: `string`, or its NFC form when only that is
    /// plain; else empty.
    @usableFromInline var bytes: String {
        switch kind {
        case 0: return string
        case 1: return NormKey.plainNFC(string) ?? ""
        default: return ""
        }
    }

    /// Only ASCII and the plain Arabic letters, tatweel and Arabic-Indic digits (checked on UTF-8 bytes).
    @usableFromInline
    static func isSimple(_ s: String) -> Bool { isPlain(s) }

    /// The NFC form of a string that is not plain, when that form is plain (nil otherwise). Two canonically
    /// equal strings have the same NFC form, so a simple key (plain bytes) never equals a key that is not
    /// simple, and the two kinds may hash differently.
    /// Only a string with one of the scalars whose canonical mapping yields plain text can have such a form:
    /// the hamza and madda marks (which compose with ا و ي into أ إ آ ؤ ئ) and the singletons KELVIN SIGN,
    /// GREEK QUESTION MARK and GREEK VARIA (→ K ; `). Every other scalar that is not plain stays in the NFC form
    /// (or maps to scalars that are not plain), so the NFC form is computed only when one of those occurs.
    @usableFromInline
    static func plainNFC(_ s: String) -> String? {
        guard s.unicodeScalars.contains(where: { (0x0653...0x0655).contains($0.value) || $0.value == 0x212A || $0.value == 0x037E || $0.value == 0x1FEF })
        else { return nil }
        let n = s.precomposedStringWithCanonicalMapping
        return isPlain(n) ? n : nil
    }

    /// True when `s` has only ASCII, plain Arabic letters (U+0621–U+063A, U+0640–U+064A) and Arabic-Indic
    /// digits: such a string is in NFC, with no combining marks, so its `String` comparisons are byte comparisons.
    public static func isPlain(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { isPlain($0) }
    }

    @inline(__always)
    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// `fastHash(bytes, seed: 0)` of a plain string (see ``isPlain(_:)``), nil when it is not plain: one pass
    /// over the bytes for both.
    @usableFromInline
    static func plainHash(_ s: String) -> UInt64? {
        var s = s
        return s.withUTF8 { b in isPlain(b) ? UInt64(bitPattern: Int64(fastHash(b, seed: 0))) : nil }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        if simple {
            hasher.combine(h)
            hasher.combine(0xFF as UInt8)
        } else {
            hasher.combine(string)
        }
    }

    /// What `Set` and `Dictionary` use: for a simple key its byte hash (computed once) mixed with the table's
    /// seed (no SipHash rounds: the lookups of normalised words were a large share of extraction); for any
    /// other, `String`'s own. Simple and other keys are never equal (see `plainNFC`), so each kind is only
    /// compared with itself. Iteration order of such tables is not fixed anyway (seeds differ per process).
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        guard simple else { return string._rawHashValue(seed: seed) }
        var x = h ^ UInt64(bitPattern: Int64(seed))
        x = (x ^ (x >> 32)) &* 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        return Int(bitPattern: UInt(truncatingIfNeeded: x))
    }

    @usableFromInline
    static func fastHash(_ p: UnsafeBufferPointer<UInt8>, seed: Int) -> Int {
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(bitPattern: Int64(seed)) ^ (UInt64(p.count) &* m)
        let n = p.count
        var i = 0
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* m
                h ^= h >> 29
                i += 8
            }
            if i < n {
                var tail: UInt64 = 0
                var k = 0
                while i < n { tail |= UInt64(p[i]) << UInt64(8 * k); i += 1; k += 1 }
                h = (h ^ tail) &* m
                h ^= h >> 29
            }
        }
        h = (h ^ (h >> 32)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return Int(bitPattern: UInt(truncatingIfNeeded: h))
    }

    @inlinable
    public static func == (a: NormKey, b: NormKey) -> Bool {
        if a.kind == 2 || b.kind == 2 { return a.kind == b.kind && a.string == b.string }
        guard a.h == b.h else { return false }
        if a.kind == 0 && b.kind == 0 { return sameBits(a.string, b.string) || bytesEqual(a.string, b.string) }
        return bytesEqual(a.bytes, b.bytes)
    }

    /// Two `String` values with the same bits (the same small string, or the same storage): equal texts.
    @inlinable @inline(__always)
    static func sameBits(_ x: String, _ y: String) -> Bool {
        var x = x, y = y
        return withUnsafeBytes(of: &x) { p in withUnsafeBytes(of: &y) { q in
            p.loadUnaligned(as: UInt64.self) == q.loadUnaligned(as: UInt64.self)
                && p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == q.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        } }
    }

    /// Byte equality of two strings (for plain strings: `String` equality).
    @usableFromInline
    static func bytesEqual(_ x: String, _ y: String) -> Bool {
        let p = x.utf8, q = y.utf8
        guard p.count == q.count else { return false }
        if let r = p.withContiguousStorageIfAvailable({ p in q.withContiguousStorageIfAvailable { q in memcmpEqual(p, q) } }), let r {
            return r
        }
        var x = x, y = y
        return x.withUTF8 { p in y.withUTF8 { q in memcmpEqual(p, q) } }
    }

    @usableFromInline
    static func memcmpEqual(_ p: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count == q.count else { return false }
        guard p.count > 0, let a = p.baseAddress, let b = q.baseAddress else { return true }
        return memcmp(a, b, p.count) == 0
    }

    /// True when the byte hash of simple strings is `String`'s hash (checked once). (No longer needed for
    /// correctness: simple keys hash on their own; kept for the tests that document the byte form.)
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

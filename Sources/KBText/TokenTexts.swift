/// The text and norm of a short token, remembered per thread by its UTF-8 bytes: the same word again costs one
/// probe, not a new `String` (built through the standard library's UTF-8 check) and a probe of ``WordInterner``.
///
/// A token of 31 UTF-8 bytes or less (Arabic words of up to 15 letters, every number and mark) is keyed by its bytes,
/// their count and its kind, packed in 256 bits; equal keys mean equal scalars and kind, and text and norm are
/// functions of those (`ScalarClass.string`, `WordInterner.norm(of:)`, or the text itself for a mark), so what
/// the table gives is what `Tokenizer` made before. Longer tokens are made as before.
enum TokenTexts {
    final class Table {
        static let slots = 32768
        let keys: UnsafeMutablePointer<Key>
        let texts: UnsafeMutablePointer<String>
        let norms: UnsafeMutablePointer<String>
        init() {
            keys = .allocate(capacity: Table.slots)
            keys.initialize(repeating: (0, 0, 0, 0), count: Table.slots)   // (no key is all 0: its top byte holds the count)
            texts = .allocate(capacity: Table.slots)
            texts.initialize(repeating: "", count: Table.slots)
            norms = .allocate(capacity: Table.slots)
            norms.initialize(repeating: "", count: Table.slots)
        }
        deinit {
            keys.deinitialize(count: Table.slots); keys.deallocate()
            texts.deinitialize(count: Table.slots); texts.deallocate()
            norms.deinitialize(count: Table.slots); norms.deallocate()
        }
    }

    private static let perThread = PerThread { Table() }

    /// A token's key: 32 bytes, in memory order of the four words.
    typealias Key = (UInt64, UInt64, UInt64, UInt64)

    /// The key of `scalars[b..<e]` of `kind`: its UTF-8 bytes in order in bytes 0–30 (in memory order of the four
    /// words), the byte count (five bits) and the kind (three bits) in byte 31; nil when the bytes are more than 31
    /// (or the range is empty). (speed19 keyed 15 bytes in 128 bits; speed23 made it 31: longer words recur too.)
    @inline(__always)
    static func key(_ scalars: [Unicode.Scalar], _ b: Int, _ e: Int, _ kind: Token.Kind) -> Key? {
        var key: Key = (0, 0, 0, 0)
        let kindBits: UInt8
        switch kind {
        case .word: kindBits = 1
        case .number: kindBits = 2
        case .punctuation: kindBits = 3
        case .latin: kindBits = 4
        }
        let made = withUnsafeMutableBytes(of: &key) { p -> Bool in
            var n = 0, i = b
            while i < e {
                let v = scalars[i].value
                if v < 0x80 {
                    guard n < 31 else { return false }
                    p[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    guard n < 30 else { return false }
                    p[n] = UInt8(0xC0 | v >> 6); p[n + 1] = UInt8(0x80 | v & 0x3F); n += 2
                } else if v < 0x10000 {
                    guard n < 29 else { return false }
                    p[n] = UInt8(0xE0 | v >> 12); p[n + 1] = UInt8(0x80 | (v >> 6) & 0x3F); p[n + 2] = UInt8(0x80 | v & 0x3F)
                    n += 3
                } else {
                    guard n < 28 else { return false }
                    p[n] = UInt8(0xF0 | v >> 18); p[n + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    p[n + 2] = UInt8(0x80 | (v >> 6) & 0x3F); p[n + 3] = UInt8(0x80 | v & 0x3F)
                    n += 4
                }
                i += 1
            }
            guard n > 0 else { return false }
            p[31] = UInt8(n) | kindBits << 5
            return true
        }
        return made ? key : nil
    }

    /// `body` given this thread's table (read without retaining it).
    @inline(__always)
    static func withTable<R>(_ body: (Table) -> R) -> R { perThread.withValue(body) }

    /// The text and norm `Tokenizer` gives a token of `kind` at `scalars[b..<e]`.
    @inline(__always)
    static func texts(_ scalars: [Unicode.Scalar], _ b: Int, _ e: Int, _ kind: Token.Kind) -> (text: String, norm: String) {
        withTable { texts($0, scalars, b, e, kind) }
    }

    /// `texts(scalars, b, e, kind)` with the thread's table at hand.
    @inline(__always)
    static func texts(_ t: Table, _ scalars: [Unicode.Scalar], _ b: Int, _ e: Int, _ kind: Token.Kind) -> (text: String, norm: String) {
        guard let k = key(scalars, b, e, kind) else { return made(scalars, b, e, kind) }
        let mixed = (k.0 &* 0x9E37_79B9_7F4A_7C15) ^ (k.1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (k.2 &* 0x1656_67B1_9E37_79F9) ^ (k.3 &* 0x27D4_EB2F_1656_67C5)
        let slot = Int(truncatingIfNeeded: mixed >> 40) & (Table.slots - 1)
        if t.keys[slot] == k { return (t.texts[slot], t.norms[slot]) }
        let m = made(scalars, b, e, kind)
        t.keys[slot] = k
        t.texts[slot] = m.text
        t.norms[slot] = m.norm
        return m
    }

    /// The text and norm made afresh.
    static func made(_ scalars: [Unicode.Scalar], _ b: Int, _ e: Int, _ kind: Token.Kind) -> (text: String, norm: String) {
        let text = ScalarClass.string(scalars[b..<e])
        return (text, kind == .punctuation ? text : WordInterner.norm(of: text))
    }
}

import Foundation

/// The normalised form of a token's text, remembered per thread: the same word gets back the same `String`
/// (one storage), in every sentence and every document the thread reads.
///
/// Extraction asks many per-word memos (`Clitics` in KBFacts) about each token's `norm`; their first level
/// is keyed by the string's bits, so a word shared by storage is found there without hashing its text,
/// where a fresh copy per occurrence (a word of eight letters or more does not fit in a small string) misses
/// in every memo. Short words (small strings) need no sharing. Only texts of plain characters (``NormKey/isPlain(_:)``: byte equality is `String`
/// equality) are remembered, so the result is always `ArabicNormalizer.normalize(text)`.
public enum WordInterner {
    private final class Table {
        var norms: [NormKey: String] = [:]
        /// Short texts (15 bytes or less: small strings, whose 16 bytes are their text) and their norms, in a
        /// direct-mapped table keyed by those bytes: the same word again is normalised once per thread, not once
        /// per occurrence. Equal bits mean equal text (a longer string's bits point to its storage, which the
        /// table keeps alive), and `normalize` is a function of the text: the result is the same.
        static let slots = 4096
        let keys: UnsafeMutablePointer<String>
        let values: UnsafeMutablePointer<String>
        init() {
            keys = .allocate(capacity: Table.slots)
            keys.initialize(repeating: "", count: Table.slots)
            values = .allocate(capacity: Table.slots)
            values.initialize(repeating: ArabicNormalizer.normalize(""), count: Table.slots)
        }
        deinit {
            keys.deinitialize(count: Table.slots); keys.deallocate()
            values.deinitialize(count: Table.slots); values.deallocate()
        }

        func short(_ text: String) -> String {
            var t = text
            let b = withUnsafeBytes(of: &t) { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
            let mixed = (b.0 &* 0x9E37_79B9_7F4A_7C15) ^ (b.1 &* 0xC2B2_AE3D_27D4_EB4F)
            let slot = Int(truncatingIfNeeded: mixed >> 40) & (Table.slots - 1)
            let k = withUnsafeBytes(of: &keys[slot]) { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
            if k == b { return values[slot] }
            let n = ArabicNormalizer.normalize(text)
            keys[slot] = text
            values[slot] = n
            return n
        }
    }

    private static let perThread = PerThread { Table() }
    private static var table: Table { perThread.value }

    /// `ArabicNormalizer.normalize(text)`, the same storage for the same plain text on this thread.
    public static func norm(of text: String) -> String {
        // a small string (15 bytes or less) is stored in the value itself: equal texts already have equal bits
        guard text.utf8.count > 15 else { return table.short(text) }
        let k = NormKey(text)
        guard k.simple else { return ArabicNormalizer.normalize(text) }
        let t = table
        if let n = t.norms[k] { return n }
        let n = ArabicNormalizer.normalize(text)
        if t.norms.count >= 200_000 { t.norms.removeAll(keepingCapacity: true) }
        t.norms[k] = n
        return n
    }
}

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
    }

    private static let perThread = PerThread { Table() }
    private static var table: Table { perThread.value }

    /// `ArabicNormalizer.normalize(text)`, the same storage for the same plain text on this thread.
    public static func norm(of text: String) -> String {
        // a small string (15 bytes or less) is stored in the value itself: equal texts already have equal bits
        guard text.utf8.count > 15 else { return ArabicNormalizer.normalize(text) }
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

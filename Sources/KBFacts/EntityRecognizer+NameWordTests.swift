import KBText

/// Two per-word tests of the names pass (``EntityRecognizer/isRuleWordNotName(_:)`` but for «علي»'s spelling, and
/// ``EntityRecognizer/isPrepositionOnNonName(_:)``), remembered together per thread for plain words: pure functions
/// of the normalised word (fixed lists and lexicons), asked of the same words sentence after sentence at about 1.5 K
/// instructions a call. A word that is not plain is tested afresh.
extension EntityRecognizer {
    static let nameTestRuleWord: UInt8 = 1
    static let nameTestPreposition: UInt8 = 2

    private static let nameWordTestMemo = PerThread { WordMemo<UInt8>(slots: 4096) }

    /// Both tests of a plain word, nil for another.
    @inline(__always)
    static func nameWordTests(_ n: String) -> UInt8? {
        guard NormKey.isPlain(n) else { return nil }
        return nameWordTestMemo.withValue { $0.get(n, computeNameWordTests) }
    }

    static func computeNameWordTests(_ n: String) -> UInt8 {
        (isRuleWordNotNameWord(n) ? nameTestRuleWord : 0) | (computePrepositionOnNonName(n) ? nameTestPreposition : 0)
    }
}

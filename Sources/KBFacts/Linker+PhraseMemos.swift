import KBText

extension Linker {
    /// `s.plainSplit(separator: " ").count >= 2`: for a plain string (``NormKey/isPlain(_:)``) the pieces are the runs of
    /// bytes other than the space (see `plainSplit`), counted up to two without splitting; any other string is split.
    static func hasTwoWords(_ s: String) -> Bool {
        let runs: Bool? = withBytes(s) { b in
            guard NormKey.isPlain(utf8: b) else { return nil }
            var count = 0, inRun = false
            for x in b {
                if x == 0x20 { inRun = false } else if !inRun {
                    inRun = true
                    count += 1
                    if count == 2 { return true }
                }
            }
            return false
        }
        return runs ?? (s.plainSplit(separator: " ").count >= 2)
    }

    /// The words of a role phrase (`plainSplit(separator: " ")` as strings), remembered per thread for a plain phrase.
    /// Only plain phrases are remembered or looked up: a plain string is equal (as a `NormKey`, the memo's key) to no
    /// other plain string, so the value found was made from these very bytes.
    static func phraseWords(_ p: String) -> [String] {
        guard NormKey.isPlain(p) else { return splitWords(p) }
        return phraseWordsMemo.withValue { $0.get(p, splitWords) }
    }

    /// `titleForms` of each word of a role phrase, remembered per thread for a plain phrase (as `phraseWords`).
    static func phraseTitleForms(_ p: String) -> [[NormKey]] {
        guard NormKey.isPlain(p) else { return computePhraseTitleForms(p) }
        return phraseFormsMemo.withValue { $0.get(p, computePhraseTitleForms) }
    }

    static func splitWords(_ p: String) -> [String] { p.plainSplit(separator: " ").map(String.init) }
    static func computePhraseTitleForms(_ p: String) -> [[NormKey]] { p.plainSplit(separator: " ").map { titleForms(String($0)) } }

    private static let phraseWordsMemo = PerThread { WordMemo<[String]>(slots: 1024) }
    private static let phraseFormsMemo = PerThread { WordMemo<[[NormKey]]>(slots: 1024) }
}

import KBText

/// «شارك وزير الخارجية X في المؤتمر بدعوة من نظيره الكندي»: a counterpart word (نظيره، نظيرته، ونظيره، بنظيره …)
/// followed by a nationality adjective names the state of the other side. The title with no state (`doc-country`) of
/// a person named before that word in the sentence, the possessor's side, is then not of that state, whatever the
/// document names most; a person named after it («مع نظيره اللبناني X، ورئيس الوزراء Y») may be of it.
extension Extractor {
    /// For each sentence, the states that a counterpart word with a nationality adjective names in it, each with the
    /// people named before the first such word (its possessor's side).
    static func counterpartStates(_ sentences: [Sentence], _ mentions: [[RawMention]]) -> [[String: Set<String>]] {
        sentences.indices.map { si in
            guard si < mentions.count else { return [:] }
            let tokens = sentences[si].tokens
            var out: [String: Set<String>] = [:]
            // (the mentions read in place, the flags before the strings: a `RawMention` copied costs a retain per field)
            mentions[si].withUnsafeBufferPointer { ms in
                for k in ms.indices {
                    let m = ms.baseAddress! + k
                    guard m.pointee.type == .place, m.pointee.isAdjective, m.pointee.subtype == "country", !m.pointee.key.isEmpty else { continue }
                    let i = m.pointee.range.lowerBound - 1
                    guard i >= 0, i < tokens.count, isCounterpartWord(tokens[i].norm) else { continue }
                    let before = ms.filter { $0.type == .person && $0.range.upperBound <= i && !$0.key.isEmpty }.map(\.key)
                    out[m.pointee.key, default: []].formUnion(before)
                }
            }
            return out
        }
    }

    /// «نظيره», «ونظيرته», «بنظيره», «لنظيرها»: a counterpart word, with or without a clitic.
    static func isCounterpartWord(_ norm: String) -> Bool {
        // (the seven prefixes joined once, not per word asked)
        for prefix in counterpartPrefixes where norm.plainHasPrefix(prefix) { return true }
        return false
    }
    /// `clitic + "نظير"` for each clitic of ``isCounterpartWord(_:)``, in its order.
    static let counterpartPrefixes = ["", "و", "ب", "ل", "وب", "ول", "ف"].map { $0 + "نظير" }
}

import KBText

/// The lexicon lists the role phrases' and organisations' loops ask about each word (five to nine set look-ups of
/// ~250 instructions a word), answered together by one memo probe: a plain word's bits remembered per thread
/// (for a plain word `String` equality is byte equality: any function of it may be keyed so), another's computed.
extension EntityRecognizer {
    static let lexRank: UInt16 = 1 << 0            // Lexicon.ranks
    static let lexStopword: UInt16 = 1 << 1        // Lexicon.stopwords
    static let lexVerb: UInt16 = 1 << 2            // Lexicon.verbs
    static let lexRoleHead: UInt16 = 1 << 3        // Lexicon.roleHeads
    static let lexConstruct: UInt16 = 1 << 4       // Lexicon.constructNouns
    /// In one of the lists that end an organisation's modifiers: stopwords, `lamNonNames`, `DateParser.past` and
    /// `coming`, ranks, role heads, naming words.
    static let lexNoModifier: UInt16 = 1 << 5
    /// ``isModifierWord(_:)``.
    static let lexModifier: UInt16 = 1 << 6

    private static let lexiconBitsMemo = PerThread { WordMemo<UInt16>(slots: 4096) }

    @inline(__always)
    static func lexiconBits(_ w: String) -> UInt16 {
        lexiconBitsMemo.withValue { m in
            if let p = m.cachedValue(w) { return p.pointee! }
            return NormKey.isPlain(w) ? m.get(w, computeLexiconBits) : computeLexiconBits(w)
        }
    }

    static func computeLexiconBits(_ w: String) -> UInt16 {
        var b: UInt16 = 0
        if Lexicon.ranks.contains(w) { b |= lexRank }
        if Lexicon.stopwords.contains(w) { b |= lexStopword }
        if Lexicon.verbs.contains(w) { b |= lexVerb }
        if Lexicon.roleHeads.contains(w) { b |= lexRoleHead }
        if Lexicon.constructNouns.contains(w) { b |= lexConstruct }
        if Lexicon.stopwords.contains(w) || lamNonNames.contains(w) || DateParser.past.contains(w) || DateParser.coming.contains(w)
            || Lexicon.ranks.contains(w) || Lexicon.roleHeads.contains(w) || Lexicon.namingWords.contains(w) { b |= lexNoModifier }
        if isModifierWord(w) { b |= lexModifier }
        return b
    }
}

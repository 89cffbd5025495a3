import KBText

extension Extractor {
    /// The sentences that state a vague time: a word of class `TIME_SPAN` followed by one of `TIME_SPAN_REL`
    /// («الشهر الماضي», «العام المقبل», «الفترة الأخيرة») or a word of `VAGUE_TIME` («مؤخرا»). An undated event
    /// there did not happen on the day the lead states; it keeps no date rather than a wrong one.
    static func vagueTimeSentences(_ sentences: [Sentence], _ lex: WordLexicon) -> Set<Int> {
        guard let ids = vagueTimeClasses(lex) else { return [] }
        var out = Set<Int>()
        for (si, s) in sentences.enumerated() where statesVagueTime(s.tokens, ids, { lex.classes(of: s.tokens[$0].norm) }) { out.insert(si) }
        return out
    }

    /// The class ids ``vagueTimeSentences(_:_:)`` reads (nil when the lexicon lacks `TIME_SPAN` or `TIME_SPAN_REL`).
    static func vagueTimeClasses(_ lex: WordLexicon) -> (span: Int, rel: Int, vague: Int?)? {
        guard let span = lex.classID("TIME_SPAN"), let rel = lex.classID("TIME_SPAN_REL") else { return nil }
        return (span, rel, lex.classID("VAGUE_TIME"))
    }

    /// Whether the tokens state a vague time (``vagueTimeSentences(_:_:)`` of one sentence), `classes(k)` being
    /// `lex.classes(of: tokens[k].norm)` (a sentence context's `tokenClasses`: looked up once per sentence).
    static func statesVagueTime(_ t: [Token], _ ids: (span: Int, rel: Int, vague: Int?), _ classes: (Int) -> [Int]) -> Bool {
        for k in t.indices where t[k].kind == .word {
            let cls = classes(k)
            if let v = ids.vague, cls.contains(v) { return true }
            if cls.contains(ids.span), k + 1 < t.count, classes(k + 1).contains(ids.rel) { return true }
        }
        return false
    }
}

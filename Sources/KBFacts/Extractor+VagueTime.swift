import KBText

extension Extractor {
    /// The sentences that state a vague time: a word of class `TIME_SPAN` followed by one of `TIME_SPAN_REL`
    /// («الشهر الماضي», «العام المقبل», «الفترة الأخيرة») or a word of `VAGUE_TIME` («مؤخرا»). An undated event
    /// there did not happen on the day the lead states; it keeps no date rather than a wrong one.
    static func vagueTimeSentences(_ sentences: [Sentence], _ lex: WordLexicon) -> Set<Int> {
        guard let span = lex.classID("TIME_SPAN"), let rel = lex.classID("TIME_SPAN_REL") else { return [] }
        let vague = lex.classID("VAGUE_TIME")
        var out = Set<Int>()
        for (si, s) in sentences.enumerated() {
            let t = s.tokens
            for k in t.indices where t[k].kind == .word {
                let cls = lex.classes(of: t[k].norm)
                if let v = vague, cls.contains(v) { out.insert(si); break }
                if cls.contains(span), k + 1 < t.count, lex.classes(of: t[k + 1].norm).contains(rel) { out.insert(si); break }
            }
        }
        return out
    }
}

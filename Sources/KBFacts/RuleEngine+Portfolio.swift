// A portfolio inside a title phrase: «وزير الدولة لشؤون الخليج والبحر الأحمر X», «وكيل الوزارة للشؤون السياسية
// والاقتصادية السفير X». The `phrase` option of the `after` finder stops at «و» and «وال…» (a second title or
// actor is conjoined there); the nouns a word of the class `PORTFOLIO` (لشؤون، للشؤون) governs are one phrase,
// conjoined or not, and are read through up to the holder's name.

extension RuleEngine {
    /// The token after the portfolio opened at k (a word of `PORTFOLIO`), or nil: it runs over at most five
    /// words and ends before a mention, punctuation, a title or rank ("السفير") or a preposition of place.
    static func portfolioEnd(_ k: Int, _ c: SentenceContext) -> Int? {
        guard c.inClass(k, "PORTFOLIO") else { return nil }
        var j = k + 1
        while j < c.tokens.count, j - k <= 5, c.mention(at: j) == nil, c.tokens[j].kind != .punctuation,
              !c.inClass(j, c.classInfo.roleHead), !Lexicon.ranks.contains(c.tokens[j].norm), !phraseEnds.contains(c.tokens[j].norm) {
            j += 1
        }
        return j
    }
}

// The finder option `not-patron` (README, "Rule files"): a group named with its patron («جماعة X الموالية لـ Y»,
// «الميليشيات المدعومة من Y», «الكتيبة التابعة لـ Y») — Y is the party the group is loyal to, backed by or part of,
// not the object of the verb before the group: «وهاجمت جماعة X الموالية لتنظيم Y بلدة Z» attacks Z, not Y.

extension RuleEngine {
    /// The prepositions that may stand alone between a word of PATRON_LINK and the patron («المدعومة من Y»).
    static let patronPreps: Set<String> = ["من", "ل", "لـ", "لدى", "الى", "إلى"]

    /// True when the mention (its title included) follows a word of class `PATRON_LINK` right before it, or with
    /// one preposition between.
    static func afterPatronLink(_ m: RawMention, _ c: SentenceContext) -> Bool {
        let lo = min(m.range.lowerBound, m.role?.range.lowerBound ?? Int.max)
        guard lo > 0, c.mention(at: lo - 1) == nil else { return false }
        if c.inClass(lo - 1, "PATRON_LINK") { return true }
        return lo > 1 && patronPreps.contains(c.tokens[lo - 1].norm) && c.mention(at: lo - 2) == nil && c.inClass(lo - 2, "PATRON_LINK")
    }
}

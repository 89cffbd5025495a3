// «استقبل الرئيس X الوزير Y، قبل أن يستقبل وزير الخارجية الجزائري Z»: after a clause word the verb's subject is
// elided (it goes on from before the clause word) and the one actor named after the verb is its object. The actor
// after the verb is read as its subject (VSO) first, «…، حيث استقبل رئيس المجلس الأعلى للدولة في ليبيا X الوزير Y»,
// and as its object only when that reading finds no second argument (RuleEngine+CarryOver.swift).

extension RuleEngine {
    /// The first of two actors named after the verb at i, up to twelve words and not across punctuation (people and
    /// organisations governed by no preposition, outside a title phrase): «…، حيث استقبل رئيس المجلس الأعلى للدولة في
    /// ليبيا X وزير الخارجية Y», «ثم استقبل الفريق أول X الوزير Y». Two actors are the verb's subject and object.
    static func titledActor(after i: Int, _ c: SentenceContext) -> Int? {
        var actors: [Int] = []
        var k = i + 1
        while k < c.tokens.count, k - i <= 12, c.tokens[k].kind != .punctuation, actors.count < 2 {
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .person || mm.type == .organization, !mm.isAdjective, !mm.inRolePhrase, !obliqueMention(m, c) {
                    actors.append(m)
                }
                k = max(k + 1, mm.range.upperBound)
                continue
            }
            k += 1
        }
        return actors.count == 2 ? actors[0] : nil
    }

    /// The actor m after the verb may be the rule's object: a person or organisation its object finders allow.
    static func actorIsObject(_ m: Int, of r: Rule, _ c: SentenceContext) -> Bool {
        let type = c.mentions[m].type
        guard type == .person || type == .organization else { return false }
        return r.object.contains { f in f.isAfter && (f.types?.contains(type) ?? true) }
    }

    /// A name with a title of its own before it (a role head, not a rank alone: «الرئيس الموريتاني X») and no comma
    /// right after it (`comma-if-titled`): a title that follows is another person's («… X وزير الخارجية الفرنسي»).
    static func titledWithoutComma(_ m: RawMention, _ c: SentenceContext) -> Bool {
        guard let role = m.role, role.range.lowerBound < m.range.lowerBound, c.inClass(role.range.lowerBound, c.classInfo.roleHead) else { return false }
        return m.range.upperBound < c.tokens.count && !c.isComma(m.range.upperBound)
    }
}

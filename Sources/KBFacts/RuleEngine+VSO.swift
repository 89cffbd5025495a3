import KBGraph
import KBText

/// Verb–subject–object order: in news Arabic a verb that opens its clause is followed by its subject
/// («فيما اتهمت الحركة الحكومة بـ…», «واستقبل الرئيس X نظيره Y»); a `before` finder would reach back over the clause
/// opener to an actor of the clause before.
extension RuleEngine {
    /// The rule's subject finders with its `after` ones first, when the verb at i opens its clause (the sentence's
    /// start, punctuation, a clause word — classes `CLAUSE_BREAK`, `CLAUSE_LINK`, `VSO_OPEN` — or a conjunction
    /// written on the verb) and an actor of the subject's types, governed by no preposition, starts right after
    /// it (its title or its name); nil otherwise (the rule's own order stands). A verb after a relative pronoun
    /// or after a name is not clause-initial; a verb carrying its object pronoun («استقبله») is read by the
    /// object-pronoun directive (RuleEngine+Pronouns.swift).
    static func vsoSubjectOrder(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ lex: WordLexicon,
                                allowedBits: UInt8) -> [ArgumentFinder]? {
        guard !r.objectFirst, i + 1 < c.tokens.count, c.classInfo.hasVerb(classes[i]),
              let firstBefore = r.subject.firstIndex(where: { if case .before = $0.kind { return true }; return false }),
              let firstAfter = r.subject.firstIndex(where: { $0.isAfter }), firstBefore < firstAfter,
              opensClause(i, c, classes, lex), !objectPronounVerb(at: i, classes, c, lex) else { return nil }
        guard let m = c.mention(at: i + 1) ?? c.mentions.indices.first(where: { c.mentions[$0].role?.range.lowerBound == i + 1 }) else {
            return nil
        }
        let mm = c.mentions[m]
        // (the types as bits: `RelationIndex.AllowedBits`)
        let types = r.subject[firstAfter].types.map(PlainConcat.bits) ?? allowedBits
        guard types & PlainConcat.bit(mm.type) != 0, !mm.isAdjective, !mm.inRolePhrase, !obliqueMention(m, c) else { return nil }
        return r.subject.filter { $0.isAfter } + r.subject.filter { !$0.isAfter }
    }

    static func opensClause(_ i: Int, _ c: SentenceContext, _ classes: [[Int]], _ lex: WordLexicon) -> Bool {
        if i == 0 || c.isStrongPunct(i - 1) || c.isComma(i - 1) { return true }
        guard c.mention(at: i - 1) == nil, !c.inClass(i - 1, c.classInfo.relative) else { return false }
        if c.inClass(i - 1, c.classInfo.clauseBreak) || c.inClass(i - 1, c.classInfo.clauseLink) || c.inClass(i - 1, c.classInfo.vsoOpen) { return true }
        // «واتهمت», «فاستقبل»: the conjunction on the verb (the word without it is a form of the same class)
        let n = c.tokens[i].norm
        guard n.plainHasPrefix("و") || n.plainHasPrefix("ف"), n.count > 3 else { return false }
        return !Set(lex.classes(of: String(n.dropFirst()))).isDisjoint(with: classes[i])
    }
}

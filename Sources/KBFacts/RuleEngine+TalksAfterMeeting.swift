import KBText

/// «يلتقي X بالرئيس Y، إذ يبحث معه …»: talks in a clause a clause word opens (class `CLAUSE_LINK` or
/// `CLAUSE_BREAK`: إذ، حيث، كما) that name no partner of their own are held by the sides of the meeting the
/// sentence told just before. Only when the sentence told exactly one meeting (one trigger, MEET or PLANS_MEET)
/// before the clause word; a planned meeting gives planned talks. No talks draft from that trigger may exist.
extension RuleEngine {
    static let talksAfterMeetingRule = "talks.after-meeting"

    static func talksAfterMeeting(_ drafts: [FactDraft], _ c: SentenceContext, _ classes: [[Int]], _ lex: WordLexicon) -> [FactDraft] {
        // (the meetings first: most sentences have none, and then the class set is not made)
        let meetings = drafts.filter { $0.type == "MEET" || $0.type == "PLANS_MEET" }
        guard !meetings.isEmpty else { return [] }
        let talkClasses = Set(["TALK_V", "TALK_N"].compactMap { lex.classID($0) })
        guard !talkClasses.isEmpty else { return [] }
        var out: [FactDraft] = []
        for i in c.tokens.indices where !classes[i].isEmpty && !talkClasses.isDisjoint(with: classes[i]) && c.mention(at: i) == nil {
            // the talks named partners of their own (or were already read): nothing to carry
            if drafts.contains(where: { $0.trigger == i && ($0.type == "TALKS" || $0.type == "PLANS_TALKS") }) { continue }
            // the clause word right before the talks, or before the one verb that governs them («إذ يجري مباحثات»)
            let w: Int
            if i >= 1, c.inClass(i - 1, c.classInfo.clauseLink) || c.inClass(i - 1, c.classInfo.clauseBreak) { w = i - 1 }
            else if i >= 2, c.mention(at: i - 1) == nil, c.tokens[i - 1].kind == .word,
                    c.inClass(i - 2, c.classInfo.clauseLink) || c.inClass(i - 2, c.classInfo.clauseBreak) { w = i - 2 }
            else { continue }
            // the clause names no partner: no person or organisation up to the next comma or full stop
            var k = i + 1, partner = false
            while k < c.tokens.count, !c.isStrongPunct(k), !c.isComma(k) {
                if let m = c.mention(at: k) {
                    let mm = c.mentions[m]
                    if (mm.type == .person || mm.type == .organization) && !mm.isAdjective { partner = true; break }
                    k = mm.range.upperBound; continue
                }
                k += 1
            }
            guard !partner else { continue }
            // exactly one meeting told before the clause word, in this sentence
            let before = meetings.filter { $0.trigger < w && $0.modality != .negated }
            guard let first = before.first, before.allSatisfy({ $0.trigger == first.trigger && $0.subject == first.subject }) else { continue }
            for m in before {
                var d = m
                d.type = m.type == "PLANS_MEET" ? "PLANS_TALKS" : "TALKS"
                d.trigger = i
                d.span = min(m.span.lowerBound, i)..<max(m.span.upperBound, i + 1)
                d.rule = talksAfterMeetingRule
                d.confidence = min(m.confidence, 0.6)
                out.append(d)
            }
        }
        if let t = c.trace { for d in out { t.note("swift rule \(d.rule) fired: \(d.type) \(label(c, d.subject)) → \(label(c, d.object))") } }
        return out
    }
}

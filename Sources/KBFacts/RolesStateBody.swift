// Which organisation or state a title phrase names, for the role resolver (FactRules+Roles.swift): a state body
// stands for its state, a party or council is itself; a place the holder is sent to or an adjective of a place
// names no employer; a member («عضو مجلس الوزراء») belongs to the body but holds no office of it.

import KBText

extension FactRules {
    /// True when a word of the organisation's name is of the lexicon class `GOV_BODY` ("مجلس الوزراء العراقي",
    /// "الحكومة الليبية", "رئاسة الجمهورية"): an organ of the state.
    static func isStateBody(_ c: SentenceContext, _ m: Int) -> Bool {
        c.mentions[m].range.contains { stemIn(c, $0, "GOV_BODY") }
    }

    /// True when the word at k, or its stem after a clitic («ومتحدث», «بوزارة»), is of the lexicon class.
    static func stemIn(_ c: SentenceContext, _ k: Int, _ name: String) -> Bool {
        let lexicon = c.rules.set.lexicon
        guard let id = lexicon.classID(name) else { return false }
        return ([c.tokens[k].norm] + Clitics.of(c.tokens[k].norm).map(\.stem)).contains { lexicon.classes(of: $0).contains(id) }
    }

    /// True when a preposition of destination (class `DESTINATION_PREP`: إلى، لدى) governs mention m ("المبعوث الدولي
    /// إلى سوريا X", "السفير لدى لبنان X"): the state the holder is sent to, not the one he serves. («نظيره في بوركينا
    /// X»: a state after «في» is his.)
    static func isDestination(_ c: SentenceContext, _ m: Int) -> Bool {
        let lo = c.mentions[m].range.lowerBound
        return c.mentions[m].type == .place && lo > 0 && c.inClass(lo - 1, "DESTINATION_PREP")
    }

    /// True when a word of the class `MEMBER_T` stands right before organisation m ("عضو مجلس الوزراء", "عضوا في
    /// المجلس"): membership, not an office.
    static func isMembershipOf(_ c: SentenceContext, _ m: Int) -> Bool {
        let lo = c.mentions[m].range.lowerBound
        guard c.mentions[m].type == .organization, lo > 0 else { return false }
        return c.inClass(lo - 1, "MEMBER_T") || (lo > 1 && c.tokens[lo - 1].norm == "في" && c.inClass(lo - 2, "MEMBER_T"))
    }

    /// True when the title at `title` is an office of the state (its head word of class `OFFICE_TITLE`: a minister, a
    /// spokesman) and organisation m a body of the state (a word of `GOV_BODY`, or its head of `STATE_OFFICE_BODY`: a
    /// presidency, a ministry): «وزير الدولة بوزارة الخارجية X», «المتحدث باسم الرئاسة X» hold an office, they are no
    /// members («مدير إدارة في وزارة الخارجية X» is a member of the ministry's staff).
    static func isStateOffice(_ c: SentenceContext, title: Int, body m: Int) -> Bool {
        guard c.mentions[m].type == .organization, stemIn(c, title, "OFFICE_TITLE") else { return false }
        return isStateBody(c, m) || stemIn(c, c.mentions[m].range.lowerBound, "STATE_OFFICE_BODY")
    }

    /// True when mention m is the adjective of a place head noun right before it ("العاصمة العمانية", "المدينة الليبية").
    static func qualifiesPlace(_ c: SentenceContext, _ m: Int) -> Bool {
        let lo = c.mentions[m].range.lowerBound
        return c.mentions[m].isAdjective && lo > 0 && RuleEngine.isPlaceHead(c.tokens[lo - 1].norm)
    }
}

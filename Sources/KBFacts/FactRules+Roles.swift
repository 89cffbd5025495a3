// Roles (HOLDS_ROLE from role phrases, known leaders), kinship, and the rule that a capital acts for its state.
// Capitals are data rules (rules/capitals.rules); a second office stacked in a title is roles.rules' role.title-in-body.

import KBGraph
import KBText

extension FactRules {
    /// HOLDS_ROLE from role phrases: "وزير الدفاع ساليفو مودي", "رئيس النيجر محمد يوسفو".
    static func roles(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        // (the mentions read in place: a `RawMention` copied costs a retain per field, and most are no person with a title)
        for pi in c.mentions.indices where c.mentions[pi].type == .person {
            guard let cue = c.mentions[pi].role else { continue }
            // "نجل الرئيس الأوغندي X": the office is the parent's, not X's
            if cue.range.lowerBound > 0, c.forms(cue.range.lowerBound - 1).contains(where: { Lexicon.kinship.contains($0) })
                || Lexicon.kinship.contains(c.tokens[max(0, cue.range.lowerBound - 1)].norm) { continue }
            if cue.isRankOnly || !cue.range.contains(where: { c.mention(at: $0).map { c.mentions[$0].type != .person } ?? false }) {
                // "الرئيس عبد المجيد تبون", "رئيسة الوزراء X": a title with no country; the gazetteer knows whose leader he is
                if let d = knownLeaderRole(c, pi, cue) { out.append(d); if cue.isRankOnly { continue } }
                else if cue.isRankOnly { continue }
            }
            var target: Int? = nil
            for k in cue.range {
                // "المبعوث الدولي إلى سوريا X": not the state he serves
                if let m = c.mention(at: k), c.mentions[m].range.lowerBound == k, isDestination(c, m) { break }
                if let m = c.mention(at: k), c.mentions[m].type == .organization
                    || (c.mentions[m].type == .place && c.mentions[m].subtype == "country") {
                    target = m; break
                }
            }
            // "رئيس مجلس الوزراء العراقي X": a government body the gazetteer does not know stands for its country;
            // a party, council or coalition ("رئيس الائتلاف الوطني السوري X") is the body itself (RolesStateBody.swift)
            if let t = target, c.mentions[t].type == .organization, c.mentions[t].gazetteerIDs.isEmpty, isStateBody(c, t),
               let country = c.mentions.indices.first(where: { m in
                   c.mentions[m].type == .place && c.mentions[m].subtype == "country" && !c.mentions[m].gazetteerIDs.isEmpty
                       && cue.range.contains(c.mentions[m].range.lowerBound) }) {
                target = country
            }
            if target == nil {
                // "من النيجر … ووزير الدفاع X" / "وفد تركي … وزراء الخارجية X": the country named before
                var j = cue.range.lowerBound - 1
                while j >= 0 {
                    if let m = c.mention(at: j), c.mentions[m].type == .place, c.mentions[m].subtype == "country" || c.mentions[m].isAdjective,
                       !c.mentions[m].inRolePhrase, (j > 0 && c.tokens[j - 1].norm == "من")
                        // "وفد تركي", "النفوذ الروسي", but not the adjective of another person ("المسؤول الليبي")
                        || (c.mentions[m].isAdjective && !(c.mentions[m].range.lowerBound > 0
                            && isPersonNoun(c.tokens[c.mentions[m].range.lowerBound - 1].norm))
                            // "في العاصمة العمانية": the adjective of a place names where, not whose delegation
                            && !qualifiesPlace(c, m)) { target = m; break }
                    j -= 1
                }
            }
            guard let t = target, c.mentions[t].key != c.mentions[pi].key else { continue }
            var d = FactDraft(type: "HOLDS_ROLE", subject: c.mentions[pi].key, object: c.mentions[t].key, trigger: cue.range.lowerBound,
                              span: c.span([pi, t], cue.range.lowerBound), rule: "role.apposition",
                              confidence: conf(0.85, abs(c.mentions[pi].range.lowerBound - cue.range.lowerBound), c, [pi, t]), role: cue.phrase)
            d.takesDate = false
            // "عضو مجلس الوزراء X": a member holds no office of the body (RolesStateBody.swift)
            let member = isMembershipOf(c, t)
            if !member { out.append(d) }
            // a role in an organisation makes its holder a member (the commander-in-chief aside)
            let head = ArabicNormalizer.normalize(String(PlainConcat.firstWord(cue.phrase) ?? ""))
            // the head of an army or a security service ("رئيس الأركان", "رئيس المخابرات") is one of its officers;
            // the commander-in-chief or the head of a state body leads it
            let orgHead = ArabicNormalizer.normalize(String(PlainConcat.firstWord(c.mentions[t].text) ?? ""))
            let forceOrService = ["army", "security_agency"].contains(c.gazetteer.entry(id: c.mentions[t].key)?.subtype ?? "")
                || ([orgHead] + Clitics.of(orgHead).map(\.stem)).contains { serviceHeads.contains($0) }
            let officer = ([head] + Clitics.of(head).map(\.stem)).contains("رييس") && forceOrService
            let leads = ([head] + Clitics.of(head).map(\.stem)).contains { FactRules.leaderHeads.contains($0) }
            // the staff of an intergovernmental organisation (its envoys, its secretary-general) serve it; its members are states
            let staff = c.gazetteer.entry(id: c.mentions[t].key)?.subtype == "intl_org"
            // «وزير الدولة بوزارة الخارجية X», «ومتحدث الرئاسة X»: an office of the state, not a membership
            let office = !member && isStateOffice(c, title: cue.range.lowerBound, body: t)
            if c.mentions[t].type == .organization, !leads || officer || member, !staff, !office {
                var m = d; m.type = "MEMBER_OF"; m.rule = "role.member"; out.append(m)
            }
        }
        return out
    }

    static let serviceHeads = Lexicon.set("قوات القوات جيش الجيش المخابرات مخابرات الاستخبارات استخبارات الشرطة الأمن")
    static let stateTitles = Lexicon.set("الرئيس رئيس الملك العاهل الأمير أمير ملك")
    static let leaderSubtypes: Set<String> = ["head_of_state", "head_of_government", "monarch", "minister"]

    /// HOLDS_ROLE from a title that names no country ("الرئيس X", "رئيس الوزراء X", "الوزير X") for a
    /// leader the gazetteer knows with the country he serves (`part_of`).
    static func knownLeaderRole(_ c: SentenceContext, _ pi: Int, _ cue: RoleCue) -> FactDraft? {
        let key = c.mentions[pi].key
        guard let e = c.gazetteer.entry(id: key), e.type == .person, leaderSubtypes.contains(e.subtype),
              let country = e.partOf, c.gazetteer.entry(id: country)?.subtype == "country" else { return nil }
        let head = ArabicNormalizer.normalize(String(PlainConcat.firstWord(cue.phrase) ?? ""))
        let heads = [head] + Clitics.of(head).map(\.stem)
        if cue.isRankOnly, !heads.contains(where: { stateTitles.contains($0) }) { return nil }   // "العقيد", "الشيخ": ranks, not offices
        // an adjective of another country in the phrase ("الرئيس الفرنسي") is handled by the phrase itself
        if cue.range.contains(where: { c.mention(at: $0).map { c.mentions[$0].isAdjective } ?? false }) { return nil }
        var d = FactDraft(type: "HOLDS_ROLE", subject: key, object: country, trigger: cue.range.lowerBound,
                          span: c.span([pi], cue.range.lowerBound), rule: "role.known-leader",
                          confidence: conf(0.8, 0, c, [pi]), role: cue.phrase)
        d.takesDate = false
        return d
    }

    /// CHILD_OF from kinship: "نجل حفتر خالد", "صدام خليفة حفتر".
    static func kinship(_ c: SentenceContext) -> [FactDraft] {
        c.mentions.enumerated().compactMap { (k, m) -> FactDraft? in
            guard let parent = m.parentKey, parent != m.key, !m.key.isEmpty else { return nil }
            var d = FactDraft(type: "CHILD_OF", subject: m.key, object: parent, trigger: m.range.lowerBound,
                              span: m.range, rule: "kinship", confidence: conf(0.85, 0, c, [k]))
            d.takesDate = false
            return d
        }
    }

    /// Relations between actors whose participant is a capital ("بين واشنطن ونيامي") concern the country.
    static let actorRelations: Set<String> = ["COOPERATE", "AGREEMENT", "SUPPORT", "ALLY_OF", "OPPOSE", "ACCUSE", "TALKS", "MEET",
                                              "ENDS_COOPERATION", "RECALL_AMBASSADOR", "INVITE", "RECEIVE", "HOSTS", "MEMBER_OF"]
    /// Actions whose agent may be named by its capital ("واشنطن تسحب قواتها"); the object stays the place.
    static let agentRelations: Set<String> = ["WITHDRAW_FROM", "DEPLOYED_IN", "ATTACK", "ARREST", "KILLED"]
    static func governmentByCapital(_ c: SentenceContext, _ d: inout FactDraft) {
        if agentRelations.contains(d.type), let e = c.gazetteer.entry(id: d.subject), let country = e.capitalOf { d.subject = country; return }
        // a city hosting a meeting is the place itself
        guard actorRelations.contains(d.type), !d.rule.hasPrefix("hosts.place") else { return }
        if let e = c.gazetteer.entry(id: d.subject), let country = e.capitalOf { d.subject = country }
        if let e = c.gazetteer.entry(id: d.object), let country = e.capitalOf { d.object = country }
    }
}

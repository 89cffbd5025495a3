// The procedural resolvers of visits and receptions that stay in Swift (listed in rules/zz-procedural.rules): a visit referred
// back to («الزيارة»), a delegation whose members are named in a list («وفد … يضم X وY»), a delegation named
// before its members («وصل وفد … إلى Y» … «ويضم الوفد …») and a reception committee («وكان في استقباله …»). The
// visits themselves are data rules (rules/meetings.rules; a guest received in a city, rules/migrated-received.rules).

import KBGraph
import KBText

extension FactRules {
    /// At a visit trigger: «الزيارة» with no one named (the visit of the guest received before, resolved by the
    /// extractor), the anchor of a delegation naming no one, and the members listed between the trigger and the
    /// destination.
    static func visitProcedural(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        let isNoun = c.matches(i, visitNouns)
        // "وشكلت الزيارة مناسبة …" with no one named: the visit of the guest received before; the extractor resolves it
        if ["الزياره", "والزياره"].contains(c.tokens[i].norm), !c.mentions.contains(where: { c.isActor($0) && $0.type == .person && !$0.inRolePhrase }) {
            return [FactDraft(type: "VISIT", subject: "", object: "", trigger: i, span: i..<(i + 1), rule: "visit.anaphora", confidence: 0.6)]
        }
        guard let dest = c.destinationAfter(i) ?? (c.matches(i, visitVerbs) || isNoun ? firstPlaceAfter(c, i) : nil) else { return [] }
        let destStart = c.mentions[dest].range.lowerBound
        let lead = c.actorAfter(i, limit: isNoun ? 10 : 24).flatMap { c.mentions[$0].range.lowerBound < destStart ? $0 : nil }
            ?? c.actorBefore(i, limit: isNoun ? 5 : 12)
        guard let lead else {
            // "زار مسؤولون … Z، من بينهم رئيس الوزراء X ووزير الدفاع Y": the people listed after the destination
            var listed: [Int] = []
            var k = c.mentions[dest].range.upperBound, inList = false
            while k < c.tokens.count {
                if c.isStrongPunct(k) || c.matches(k, clauseBreaks) { break }
                if c.matches(k, listCues) || c.tokens[k].norm == "ذلك" { inList = true }
                if inList, let m = c.mention(at: k) {
                    if c.mentions[m].type == .person { listed.append(m) }
                    k = c.mentions[m].range.upperBound; continue
                }
                k += 1
            }
            if !listed.isEmpty {
                let dests = c.conjuncts(of: dest, adjectives: true).filter { c.mentions[$0].type == .place && !c.mentions[$0].isAdjective }
                return listed.flatMap { v in dests.map { d in
                    FactDraft(type: "VISIT", subject: c.mentions[v].key, object: c.mentions[d].key, trigger: i, span: c.span([v, d], i),
                              rule: "visit.delegation", confidence: conf(0.8, abs(c.mentions[v].range.lowerBound - i), c, [v, d]))
                } }
            }
            // "وصل وفد مصري إلى الخرطوم" with no one named: the destination waits for "ويضم الوفد …" in a later sentence
            guard !isNoun, (i + 1..<min(c.tokens.count, i + 3)).contains(where: { delegationNouns.contains(c.tokens[$0].norm) }) else { return [] }
            return [FactDraft(type: "VISIT", subject: "", object: c.mentions[dest].key, trigger: i, span: c.span([dest], i),
                              rule: "visit.delegation-anchor", confidence: 0.5)]
        }
        // delegation members: "على رأس وفد ... يضم ..." / "ويضم الوفد ..." (the list ends at the destination)
        var out: [FactDraft] = []
        let leads = Set(c.conjuncts(of: lead))
        var k = i
        var inList = false
        let stop = destStart > i ? destStart : c.tokens.count
        while k < stop {
            if c.isStrongPunct(k) || (inList && c.matches(k, clauseBreaks)) { break }
            if c.matches(k, listCues) { inList = true }
            if inList, let m = c.mention(at: k), c.mentions[m].type == .person, !leads.contains(m) {
                out.append(FactDraft(type: "VISIT", subject: c.mentions[m].key, object: c.mentions[dest].key, trigger: i,
                                     span: c.span([m, dest], i), rule: "visit.delegation",
                                     confidence: conf(0.8, abs(k - i), c, [m, dest])))
            }
            if let m = c.mention(at: k) { k = c.mentions[m].range.upperBound } else { k += 1 }
        }
        return out
    }

    /// "اللقاء تناول …", "وبحث معه …", "النقاش بين الزعيمين": a meeting told before (no participants: the extractor
    /// gives it those of the last reception or meeting of the document). Dropped in `extract` when a rule found the
    /// participants on the same word.
    static func meetReferredBack(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        let anaphoric = c.matches(i, anaphoraNouns) || (type == "TALKS" && c.mentions.allSatisfy { !c.isActor($0) || $0.inRolePhrase })
            || (i + 1 < c.tokens.count && ["معه", "معها", "معهم"].contains(c.tokens[i + 1].norm))
        guard anaphoric else { return [] }
        return [FactDraft(type: type, subject: "", object: "", trigger: i, span: i..<(i + 1),
                          rule: type == "MEET" ? "meet.anaphora" : "talks.anaphora", confidence: 0.6)]
    }

    /// The first place after token i (within 12 tokens, not after «من»): what a visit verb names without a preposition.
    static func firstPlaceAfter(_ c: SentenceContext, _ i: Int) -> Int? {
        var k = i + 1
        while k < c.tokens.count, k - i <= 12 {
            if c.isStrongPunct(k) { return nil }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .place, !mm.isAdjective, !(k > 0 && c.tokens[k - 1].norm == "من") { return m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return nil
    }

    /// "وكان في استقباله (لدى وصوله) … X وY", "كان في استقبال الضيف … X": everyone named after the cue
    /// receives the guest; a guest named by a pronoun or a description is the visitor of the sentences before
    /// (the object is left empty here for the extractor to fill).
    static func receptionCommittee(_ c: SentenceContext, _ i: Int) -> [FactDraft]? {
        guard i >= 2, c.tokens[i - 1].norm == "في", ["كان", "وكان", "كانت", "وكانت"].contains(c.tokens[i - 2].norm) else { return nil }
        let n = c.tokens[i].norm
        var guest: Int? = nil
        if !(n.plainHasSuffix("ه") || n.plainHasSuffix("ها")), i + 1 < c.tokens.count, let g = c.mention(at: i + 1), c.mentions[g].type == .person {
            guest = g
        }
        var out: [FactDraft] = []
        var k = i + 1
        while k < c.tokens.count {
            if c.isStrongPunct(k) { break }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .person, m != guest, !mm.inRolePhrase, !out.contains(where: { $0.subject == mm.key }) {
                    let object = guest.map { c.mentions[$0].key } ?? ""
                    if object != mm.key {
                        out.append(FactDraft(type: "RECEIVE", subject: mm.key, object: object, trigger: i, span: c.span([m], i),
                                             rule: "receive.committee", confidence: conf(0.8, abs(mm.range.lowerBound - i), c, [m])))
                        // an official receiving a visitor at home serves the host country: "رئيس الوزراء X" with no
                        // country in the title holds the office there (the extractor fills in the visit's country)
                        if let cue = mm.role, !cue.isRankOnly, guest == nil,
                           !cue.range.contains(where: { c.mention(at: $0).map { c.mentions[$0].type != .person } ?? false }),
                           c.gazetteer.entry(id: mm.key) == nil {
                            var r = FactDraft(type: "HOLDS_ROLE", subject: mm.key, object: "", trigger: cue.range.lowerBound,
                                              span: c.span([m], cue.range.lowerBound), rule: "role.host-country",
                                              confidence: conf(0.7, 0, c, [m]), role: cue.phrase)
                            r.takesDate = false
                            out.append(r)
                        }
                    }
                }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return out
    }

    /// "كما يضم الوفد أيضا X، وY": members of a delegation whose visit was told in a sentence before; the
    /// extractor gives them that visit's destination (the object is left empty here).
    static func delegationContinued(_ c: SentenceContext) -> [FactDraft] {
        guard let cue = c.tokens.indices.first(where: { k in
            c.mention(at: k) == nil && Matcher.listCues.test(c, k)
                && ((k + 1 < c.tokens.count && c.tokens[k + 1].norm.plainHasSuffix("الوفد")) || (k > 0 && c.tokens[k - 1].norm.plainHasSuffix("الوفد")))
        }) else { return [] }
        var out: [FactDraft] = []
        var k = cue + 1
        while k < c.tokens.count {
            if c.isStrongPunct(k) || (c.mention(at: k) == nil && c.matches(k, clauseBreaks)) { break }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .person, !mm.inRolePhrase, !out.contains(where: { $0.subject == mm.key }) {
                    out.append(FactDraft(type: "VISIT", subject: mm.key, object: "", trigger: cue, span: c.span([m], cue),
                                         rule: "visit.delegation-continued", confidence: conf(0.75, abs(mm.range.lowerBound - cue), c, [m])))
                }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return out
    }
}

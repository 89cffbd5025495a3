// Roles (HOLDS_ROLE from role phrases, stacked offices, known leaders), kinship, capitals, and the rule that a
// capital acts for its state.

import KBGraph
import KBText

extension FactRules {
    /// HOLDS_ROLE from role phrases: "وزير الدفاع ساليفو مودي", "رئيس النيجر محمد يوسفو".
    static func roles(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        for (pi, p) in c.mentions.enumerated() where p.type == .person {
            guard let cue = p.role else { continue }
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
                if let m = c.mention(at: k), c.mentions[m].type == .organization
                    || (c.mentions[m].type == .place && c.mentions[m].subtype == "country") {
                    target = m; break
                }
            }
            // "رئيس مجلس الوزراء العراقي X": a government body the gazetteer does not know stands for its country
            if let t = target, c.mentions[t].type == .organization, c.mentions[t].gazetteerIDs.isEmpty,
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
                            && isPersonNoun(c.tokens[c.mentions[m].range.lowerBound - 1].norm))) { target = m; break }
                    j -= 1
                }
            }
            guard let t = target, c.mentions[t].key != p.key else { continue }
            out += stackedRoles(c, pi, cue, first: c.mentions[t].key)
            var d = FactDraft(type: "HOLDS_ROLE", subject: p.key, object: c.mentions[t].key, trigger: cue.range.lowerBound,
                              span: c.span([pi, t], cue.range.lowerBound), rule: "role.apposition",
                              confidence: conf(0.85, abs(p.range.lowerBound - cue.range.lowerBound), c, [pi, t]), role: cue.phrase)
            d.takesDate = false
            out.append(d)
            // a role in an organisation makes its holder a member (the commander-in-chief aside)
            let head = ArabicNormalizer.normalize(String(cue.phrase.split(separator: " ").first ?? ""))
            // the head of an army or a security service ("رئيس الأركان", "رئيس المخابرات") is one of its officers;
            // the commander-in-chief or the head of a state body leads it
            let orgHead = ArabicNormalizer.normalize(String(c.mentions[t].text.split(separator: " ").first ?? ""))
            let forceOrService = ["army", "security_agency"].contains(c.gazetteer.entry(id: c.mentions[t].key)?.subtype ?? "")
                || ([orgHead] + Clitics.of(orgHead).map(\.stem)).contains { serviceHeads.contains($0) }
            let officer = ([head] + Clitics.of(head).map(\.stem)).contains("رييس") && forceOrService
            let leads = ([head] + Clitics.of(head).map(\.stem)).contains { FactRules.leaderHeads.contains($0) }
            // the staff of an intergovernmental organisation (its envoys, its secretary-general) serve it; its members are states
            let staff = c.gazetteer.entry(id: c.mentions[t].key)?.subtype == "intl_org"
            if c.mentions[t].type == .organization, !leads || officer, !staff {
                var m = d; m.type = "MEMBER_OF"; m.rule = "role.member"; out.append(m)
            }
        }
        return out
    }

    /// A second office in the same title ("رئيس المجلس … القائد العام للجيش X"):
    /// each definite role head after the first opens a role of its own.
    static func stackedRoles(_ c: SentenceContext, _ pi: Int, _ cue: RoleCue, first: String) -> [FactDraft] {
        let starts = cue.range.filter { k in
            k > cue.range.lowerBound && c.mention(at: k) == nil && c.tokens[k].norm.hasPrefix("ال")
                && Lexicon.roleHeads.contains(c.tokens[k].norm) && !Lexicon.roleHeads.contains(c.tokens[k - 1].norm)
                // right after an organisation's name "الحاكم" qualifies it ("المجلس العسكري الحاكم": the ruling council)
                && !(["الحاكم", "الحاكمه"].contains(c.tokens[k].norm) && (c.mention(at: k - 1).map { c.mentions[$0].type == .organization } ?? false))
        }
        var out: [FactDraft] = []
        var seen: Set<String> = [first, c.mentions[pi].key]
        for (n, s) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : cue.range.upperBound
            guard let t = (s..<end).compactMap({ c.mention(at: $0) }).first(where: {
                c.mentions[$0].type == .organization || (c.mentions[$0].type == .place && c.mentions[$0].subtype == "country")
            }), seen.insert(c.mentions[t].key).inserted else { continue }
            let phrase = (s..<end).map { c.tokens[$0].text }.joined(separator: " ")
            var d = FactDraft(type: "HOLDS_ROLE", subject: c.mentions[pi].key, object: c.mentions[t].key, trigger: s,
                              span: c.span([pi, t], s), rule: "role.stacked", confidence: conf(0.8, abs(c.mentions[pi].range.lowerBound - s), c, [pi, t]),
                              role: phrase)
            d.takesDate = false
            out.append(d)
        }
        return out
    }

    static let serviceHeads = Lexicon.set("قوات القوات جيش الجيش المخابرات مخابرات الاستخبارات استخبارات الشرطة الأمن")
    static let stateTitles = Lexicon.set("الرئيس رئيس الملك العاهل الأمير أمير ملك")
    static let leaderSubtypes: Set<String> = ["head_of_state", "head_of_government", "monarch", "minister"]

    /// HOLDS_ROLE from a title that names no country ("الرئيس X", "رئيس الوزراء X", "الوزير X") for a
    /// leader the gazetteer knows with the country he serves (`part_of`).
    static func knownLeaderRole(_ c: SentenceContext, _ pi: Int, _ cue: RoleCue) -> FactDraft? {
        let p = c.mentions[pi]
        guard let e = c.gazetteer.entry(id: p.key), e.type == .person, leaderSubtypes.contains(e.subtype),
              let country = e.partOf, c.gazetteer.entry(id: country)?.subtype == "country" else { return nil }
        let head = ArabicNormalizer.normalize(String(cue.phrase.split(separator: " ").first ?? ""))
        let heads = [head] + Clitics.of(head).map(\.stem)
        if cue.isRankOnly, !heads.contains(where: { stateTitles.contains($0) }) { return nil }   // "العقيد", "الشيخ": ranks, not offices
        // an adjective of another country in the phrase ("الرئيس الفرنسي") is handled by the phrase itself
        if cue.range.contains(where: { c.mention(at: $0).map { c.mentions[$0].isAdjective } ?? false }) { return nil }
        var d = FactDraft(type: "HOLDS_ROLE", subject: p.key, object: country, trigger: cue.range.lowerBound,
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

    /// "العاصمة النيجيرية نيامي", "نيامي عاصمة النيجر".
    static func capitals(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        for i in c.tokens.indices where c.matches(i, FactRules.capitalWords) && c.mention(at: i) == nil {
            var country: Int? = nil, city: Int? = nil
            var k = i + 1
            while k < c.tokens.count, k - i <= 3 {
                guard let m = c.mention(at: k) else { break }
                let mm = c.mentions[m]
                if mm.type == .place, mm.isAdjective || mm.subtype == "country" { if country == nil { country = m } }
                else if mm.type == .place, city == nil { city = m }
                k = mm.range.upperBound
            }
            if city == nil, let co = country, i > 0 {
                // "نيامي، عاصمة النيجر"
                var j = i - 1
                if c.isComma(j) { j -= 1 }
                if let m = c.mention(at: j), c.mentions[m].type == .place, !c.mentions[m].isAdjective, c.mentions[m].key != c.mentions[co].key { city = m }
            }
            if country == nil, let ci = city, c.mentions[ci].range.lowerBound == i + 1,
               let known = c.gazetteer.entry(id: c.mentions[ci].key)?.capitalOf {
                // "إلى العاصمة طرابلس": the gazetteer knows whose capital it is (kept when the country is named in the document)
                var d = FactDraft(type: "CAPITAL_OF", subject: c.mentions[ci].key, object: known, trigger: i,
                                  span: c.span([ci], i), rule: "capital.known", confidence: conf(0.85, 0, c, [ci]))
                d.takesDate = false
                out.append(d)
                continue
            }
            guard let ci = city, let co = country, c.mentions[ci].key != c.mentions[co].key else { continue }
            var d = FactDraft(type: "CAPITAL_OF", subject: c.mentions[ci].key, object: c.mentions[co].key, trigger: i,
                              span: c.span([ci, co], i), rule: "capital.apposition", confidence: conf(0.9, 1, c, [ci, co]))
            d.takesDate = false
            out.append(d)
        }
        return out
    }

    /// Relations between actors whose participant is a capital ("بين واشنطن ونيامي") concern the country.
    static let actorRelations: Set<String> = ["COOPERATE", "AGREEMENT", "SUPPORT", "ALLY_OF", "OPPOSE", "ACCUSE", "TALKS", "MEET",
                                              "ENDS_COOPERATION", "RECALL_AMBASSADOR", "INVITE", "RECEIVE", "HOSTS"]
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

// The fact rules for visits, receptions, hosting, meetings and talks, invitations, appointments, signed
// agreements and bilateral ties, and delegations (FactRules.extract calls them by trigger word).

import KBGraph
import KBText

extension FactRules {
    /// "توجه إلى Z للقاء X ولبحث …": the traveller meets (and talks with) the person named after
    /// "للقاء"; a talk coordinated right after the meeting ("ولبحث") has the same pair.
    static func purposeMeeting(_ c: SentenceContext, _ i: Int, type: String) -> (Int, Int)? {
        func pair(at k: Int) -> (Int, Int)? {
            guard ["للقاء", "وللقاء"].contains(c.tokens[k].norm), let y = c.actorAfter(k, limit: 6, types: [.person]),
                  (c.mentions[y].role.map { min($0.range.lowerBound, c.mentions[y].range.lowerBound) } ?? c.mentions[y].range.lowerBound) == k + 1,
                  let x = c.actorBefore(k, limit: 14, excluding: [c.mentions[y].key], personsOnly: true) else { return nil }
            return (x, y)
        }
        if type == "MEET" { return pair(at: i) }
        guard c.tokens[i].norm.hasPrefix("لب") || c.tokens[i].norm.hasPrefix("ولب") else { return nil }
        for k in max(0, i - 5)..<i { if let p = pair(at: k) { return p } }
        return nil
    }

    static func meet(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        let n = c.tokens[i].norm
        var a: Int?, b: Int?
        let dual = n.hasSuffix("هما") || n.hasSuffix("ا") && type == "TALKS" && (n == "بحثا" || n == "ناقشا")
        // "مع X" / "ب X" after the trigger
        var withIdx: Int? = nil
        var k = i + 1
        while k < c.tokens.count, k - i <= 12 {
            if c.isStrongPunct(k) { break }
            if c.tokens[k].norm == "مع" || (c.tokens[k].norm.hasPrefix("ب") && c.mention(at: k) != nil && k == i + 1) {
                withIdx = c.actorAfter(k - 1, limit: 12); break
            }
            // "تلقى X اتصالا هاتفيا من Y": the caller
            if c.tokens[k].norm == "من", ["اتصالا", "مكالمه"].contains(c.tokens[i].norm) {
                withIdx = c.actorAfter(k, limit: 8); break
            }
            // "اجتمع X بالرئيس Y": the person whose title (or name) carries ب, after the subject
            if k > i + 1, c.tokens[k].norm.hasPrefix("ب"), let m = c.actorAfter(k - 1, limit: 6, types: [.person]),
               (c.mentions[m].role.map { min($0.range.lowerBound, c.mentions[m].range.lowerBound) } ?? c.mentions[m].range.lowerBound) - k <= 3,
               c.forms(k).contains(where: { Lexicon.roleHeads.contains($0) || Lexicon.ranks.contains($0) }) || c.mentions[m].range.lowerBound == k
                || Lexicon.roleHeads.contains(String(c.tokens[k].norm.dropFirst())) || Lexicon.roleHeads.contains(String(c.tokens[k].norm.dropFirst(3))) {
                withIdx = m; break
            }
            if let m = c.mention(at: k) { k = c.mentions[m].range.upperBound; continue }
            k += 1
        }
        if let w = withIdx {
            b = w
            a = c.actorBefore(i, limit: pronounBefore(c, i) ? 25 : 12, excluding: [c.mentions[w].key])
            // an agenda ("يتضمن جدول أعمال زيارة X لقاء مع Y، ثم لقاء مع Z"): every meeting is the visitor's
            if (0..<i).contains(where: { c.matches($0, agendaCues) }) {
                a = c.mentions.indices.first { c.mentions[$0].range.upperBound <= i && c.isActor(c.mentions[$0]) && !c.mentions[$0].inRolePhrase
                    && c.mentions[$0].type == .person && c.mentions[$0].key != c.mentions[w].key }
            }
            if a == nil, let after = c.actorAfter(i, limit: 8, excluding: [c.mentions[w].key]),
               c.mentions[after].range.lowerBound < c.mentions[w].range.lowerBound { a = after }
        } else if dual {
            let actors = c.mentions.indices.filter { c.isActor(c.mentions[$0]) && !c.mentions[$0].inRolePhrase && c.mentions[$0].type == .person }
            let keys = actors.reduce(into: [Int]()) { acc, m in if !acc.contains(where: { c.mentions[$0].key == c.mentions[m].key }) { acc.append(m) } }
            if keys.count >= 2 { a = keys[0]; b = keys[1] }
        } else if c.matches(i, FactRules.meetVerbs), pronounBefore(c, i) {
            // "أنه سيلتقي X": the subject is the person the sentence is about
            a = c.actorBefore(i, limit: 25, personsOnly: true); b = c.actorAfter(i, limit: 8)
        } else if c.matches(i, FactRules.meetVerbs) {
            a = c.actorBefore(i, limit: 8) ?? c.actorAfter(i, limit: 8)
            if let x = a { b = c.actorAfter(max(i, c.mentions[x].range.upperBound - 1), limit: 12, excluding: [c.mentions[x].key]) }
        }
        if a == nil || b == nil, let (x, y) = purposeMeeting(c, i, type: type) ?? jointSubject(c, i) { a = x; b = y }
        guard let x = a, let y = b, c.mentions[x].key != c.mentions[y].key else {
            // "اللقاء تناول …", "وبحث معه …", "النقاش بين الزعيمين": a meeting told before; the extractor
            // gives it the participants of the last reception or meeting of the document
            let anaphoric = c.matches(i, anaphoraNouns) || (type == "TALKS" && c.mentions.allSatisfy { !c.isActor($0) || $0.inRolePhrase })
                || (i + 1 < c.tokens.count && ["معه", "معها", "معهم"].contains(c.tokens[i + 1].norm))
            guard anaphoric, a == nil || b == nil else { return [] }
            return [FactDraft(type: type, subject: "", object: "", trigger: i, span: i..<(i + 1),
                              rule: type == "MEET" ? "meet.anaphora" : "talks.anaphora", confidence: 0.6)]
        }
        return [FactDraft(type: type, subject: c.mentions[x].key, object: c.mentions[y].key, trigger: i, span: c.span([x, y], i),
                          rule: type == "MEET" ? "meet.with" : "talks.with",
                          confidence: conf(0.85, abs(c.mentions[y].range.lowerBound - i), c, [x, y]))]
    }

    /// "وأكد مصدر عسكري X(adj) استمرار التعاون مع Y": a nationality adjective just before (outside a title)
    /// speaks for its country.
    static func sourceAdjectiveBefore(_ c: SentenceContext, _ i: Int, excluding: String) -> Int? {
        (max(0, i - 4)..<i).compactMap { c.mention(at: $0) }.last {
            c.mentions[$0].isAdjective && c.mentions[$0].type == .place && !c.mentions[$0].inRolePhrase && c.mentions[$0].key != excluding
        }
    }

    /// "وقعت مصر والسعودية اتفاقية …", "وقع X اتفاقا مع Y": the parties named with the signing verb.
    static func signed(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        guard let v = (max(0, i - 6)..<i).last(where: { c.mention(at: $0) == nil && c.matches($0, signWords) }) else { return [] }
        let between = (v + 1..<i).compactMap { c.mention(at: $0) }.filter { isParty(c, c.mentions[$0]) && !c.mentions[$0].inRolePhrase }
        var parties: [Int] = []
        for m in between where !parties.contains(where: { c.mentions[$0].key == c.mentions[m].key }) { parties.append(m) }
        if parties.count == 1, i + 1 < c.tokens.count {
            // "وقعت X اتفاقا مع Y"
            if let k = (i + 1..<min(c.tokens.count, i + 4)).first(where: { c.tokens[$0].norm == "مع" }),
               let y = partyAfter(c, k, limit: 3, excluding: [c.mentions[parties[0]].key], people: false) { parties.append(y) }
        }
        if parties.isEmpty, v > 0, ["شهدا", "وشهدا", "حضرا", "وحضرا", "ترأسا", "وترأسا"].contains(c.tokens[v - 1].norm)
            || ["وقعا", "ووقعا", "أبرما", "وأبرما"].map(ArabicNormalizer.normalize).contains(c.tokens[v].norm) {
            // "وشهدا توقيع اتفاقيتي تعاون": the two officials of the sentence sign for what they represent
            let people = c.mentions.indices.filter { c.mentions[$0].type == .person && !c.mentions[$0].inRolePhrase && c.mentions[$0].range.upperBound <= v }
            let represented = people.compactMap { p -> Int? in
                guard let cue = c.mentions[p].role else { return nil }
                return cue.range.compactMap { c.mention(at: $0) }.first {
                    c.mentions[$0].type == .organization || (c.mentions[$0].type == .place && (c.mentions[$0].isAdjective || c.mentions[$0].subtype == "country"))
                }
            }
            if people.count == 2, represented.count == 2, c.mentions[represented[0]].key != c.mentions[represented[1]].key {
                parties = represented
            }
        }
        guard parties.count >= 2 else { return [] }
        return (1..<parties.count).compactMap { draft(c, "AGREEMENT", parties[0], parties[$0], i, rule: "agreement.signed", base: 0.75) }
    }

    /// "التعاون الثنائي", "العلاقات بين البلدين … تتميز بالتعاون": cooperation of the two countries of the sentence.
    static func bilateral(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        let after = (i + 1..<min(c.tokens.count, i + 3)).contains { ["الثنايي", "الثناييه"].contains(c.tokens[$0].norm) }
        let betweenTwo = (max(0, i - 8)..<i).contains { k in
            c.tokens[k].norm == "بين" && k + 1 < c.tokens.count && c.matches(k + 1, dualPartyWords)
        }
        if after || betweenTwo { return dualParties(c, i, type: type) }
        // "ويسعى X وY إلى وضع تفاصيل الشراكة": two parties joined as the subject (not a topic of talks)
        guard !(max(0, i - 4)..<i).contains(where: { c.matches($0, talksWords) || c.matches($0, meetWords) }) else { return [] }
        // "وقعت X وY اتفاقية للتعاون": the agreement is the fact
        guard !(max(0, i - 3)..<i).contains(where: { c.matches($0, agreementWords) }) else { return [] }
        guard let (first, m) = jointSubject(c, i) else { return [] }
        // "بحث X وY التعاون": the verb before the subjects makes it a topic
        let firstStart = c.mentions[first].role.map { min($0.range.lowerBound, c.mentions[first].range.lowerBound) } ?? c.mentions[first].range.lowerBound
        guard !(max(0, firstStart - 3)..<i).contains(where: { c.mention(at: $0) == nil && (c.matches($0, talksWords) || c.matches($0, meetWords)) }),
              let d = draft(c, type, first, m, i, rule: type.lowercased() + ".joint-subject", base: 0.7) else { return [] }
        return [d]
    }

    /// "X وY" (or "الرئيس A X والرئيس B Y") as the subject just before token i: the two parties.
    static func jointSubject(_ c: SentenceContext, _ i: Int) -> (Int, Int)? {
        var k = i - 1
        while k >= 0, i - k <= 10 {
            if c.isStrongPunct(k) || c.isComma(k) { return nil }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                // the second joined with و (on the name or on its title)
                let start = mm.role.map { min($0.range.lowerBound, mm.range.lowerBound) } ?? mm.range.lowerBound
                guard isParty(c, mm), !mm.inRolePhrase, c.tokens[start].norm.hasPrefix("و"), start > 0,
                      let first = c.mention(at: start - 1), isParty(c, c.mentions[first]), !c.mentions[first].inRolePhrase,
                      c.mentions[first].key != mm.key else { return nil }
                return (first, m)
            }
            k -= 1
        }
        return nil
    }
}

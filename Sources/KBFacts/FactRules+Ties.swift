// The Swift rules of cooperation and agreements (the families cooperate and agreement): ties "between" two parties
// or "with" one, signed agreements, bilateral ties and the joint subject («X وY») (FactRules.extract calls them by
// trigger word). Visits, receptions, hosting and meetings are data rules
// (rules/meetings.rules); their procedural resolvers are in FactRules+Procedural.swift.

import KBGraph
import KBText

extension FactRules {
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

    /// "التعاون العسكري بين X و Y", "اتفاقية بين X و Y", "بالتعاون مع X".
    static func between(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        var k = i + 1
        while k < c.tokens.count, k - i <= 6 {
            if c.isStrongPunct(k) { return [] }
            let n = c.tokens[k].norm
            if n == "بين" {
                if k + 1 < c.tokens.count, c.matches(k + 1, dualPartyWords) { return dualParties(c, i, type: type) }
                guard let a = c.actorAfter(k, limit: 6, types: [.person, .organization, .place]) ?? c.adjectiveAfter(k, limit: 3) else { return [] }
                let conj = c.conjuncts(of: a, adjectives: true)
                if conj.count > 2 || (conj.count == 1 && c.mentions[a].subtype == "group") {
                    // "بين X وY وZ", "بين الدول الثلاث": every pair
                    let keys = conj.count > 2 ? "group:" + conj.map { c.mentions[$0].key }.joined(separator: "|") : c.mentions[a].key
                    return [FactDraft(type: type, subject: keys, object: keys, trigger: i, span: c.span(conj, i),
                                      rule: type.lowercased() + ".between-all", confidence: 0.7)]
                }
                var b: Int? = conj.count > 1 ? conj[1] : nil
                if b == nil {
                    let after = c.mentions[a].range.upperBound
                    if after < c.tokens.count, let m = c.mention(at: after), c.tokens[after].norm.hasPrefix("و") { b = m }
                }
                guard let bb = b, c.mentions[a].key != c.mentions[bb].key else { return [] }
                return [FactDraft(type: type, subject: c.mentions[a].key, object: c.mentions[bb].key, trigger: i,
                                  span: c.span([a, bb], i), rule: type.lowercased() + ".between",
                                  confidence: conf(0.8, abs(c.mentions[a].range.lowerBound - i), c, [a, bb]))]
            }
            if n == "مع" {
                // "تسعى الجزائر إلى تعزيز التعاون مع تونس": a state is a party too
                // "مع الجانب المصري", "مع القيادة المصرية": the country of the adjective
                guard let b = c.actorAfter(k, limit: 4, types: [.person, .organization, .place]) ?? partyAfter(c, k, limit: 3),
                      let a = c.actorBefore(i, limit: 12, excluding: [c.mentions[b].key])
                        ?? partyBefore(c, i, limit: 12, excluding: [c.mentions[b].key])
                        ?? sourceAdjectiveBefore(c, i, excluding: c.mentions[b].key) else { return [] }
                return [FactDraft(type: type, subject: c.mentions[a].key, object: c.mentions[b].key, trigger: i,
                                  span: c.span([a, b], i), rule: type.lowercased() + ".with",
                                  confidence: conf(0.7, abs(c.mentions[b].range.lowerBound - i), c, [a, b]))]
            }
            if c.mention(at: k) != nil { return [] }
            k += 1
        }
        return []
    }
}

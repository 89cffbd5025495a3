// The fact rules for conflicts, relations "between" two parties, control of territory, location, relations,
// membership, leadership, withdrawals and ambassador recalls.

import KBGraph
import KBText

extension FactRules {
    /// "اشتباكات الجيش وقوات X", "الصراع مع X" (the party before): the two sides of a conflict.
    static func conflictPair(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        if i + 1 < c.tokens.count, let a = c.mention(at: i + 1), isParty(c, c.mentions[a]), !c.mentions[a].inRolePhrase {
            let conj = c.conjuncts(of: a)
            guard conj.count == 2, let d = draft(c, "OPPOSE", conj[0], conj[1], i, rule: "oppose.conflict-of", base: 0.75) else { return [] }
            return [d]
        }
        if i + 1 < c.tokens.count, c.tokens[i + 1].norm == "مع" || c.tokens[i + 1].norm == "ضد",
           let b = partyAfter(c, i + 1, limit: 3, people: false),
           let a = partyBefore(c, i, limit: 14, excluding: [c.mentions[b].key]) {
            return draft(c, "OPPOSE", a, b, i, rule: "oppose.conflict-with", base: 0.7).map { [$0] } ?? []
        }
        return []
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
            if n == "مع" || (n == "من" && c.matches(i, FactRules.relationsPlural)) {
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

    static func controls(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        var place: Int? = nil
        var actor: Int? = nil
        // "سيطرة قواته على …": the forces of someone named elsewhere
        if i + 1 < c.tokens.count, ["قواته", "قواتها", "قواتهم"].contains(c.tokens[i + 1].norm) { return [] }
        // "X يسيطر على Y" / "يسيطر X على Y"
        var k = i + 1
        while k < c.tokens.count, k - i <= 14 {
            // an alias in brackets ("محمد حمدان دقلو (حميدتي)") does not end the clause
            if c.tokens[k].text == "(", let close = (k + 1..<min(c.tokens.count, k + 6)).first(where: { c.tokens[$0].text == ")" }) { k = close + 1; continue }
            if c.isStrongPunct(k) { break }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .place, !mm.isAdjective, place == nil { place = m }
                else if c.isActor(mm), actor == nil { actor = m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        // "السيطرة على Y" names no one: the agent of a definite masdar is not the subject before it
        let definiteMasdar = c.tokens[i].norm.hasSuffix("سيطره") && c.tokens[i].norm.contains("الس")
        if actor == nil, !definiteMasdar { actor = c.actorBefore(i, limit: 8) }
        // "Z، حيث يسيطر هناك X"
        if place == nil {
            var j = i - 1
            while j >= 0, i - j <= 5 {
                if let m = c.mention(at: j), c.mentions[m].type == .place, !c.mentions[m].isAdjective { place = m; break }
                j -= 1
            }
        }
        guard let a = actor, let p = place else { return [] }
        return [FactDraft(type: "CONTROLS", subject: c.mentions[a].key, object: c.mentions[p].key, trigger: i,
                          span: c.span([a, p], i), rule: "controls.verb", confidence: conf(0.8, abs(c.mentions[a].range.lowerBound - i), c, [a, p]))]
    }

    /// "في (شمال|جنوب|…) Y" starting at token k: the place Y.
    static func placeInAfter(_ c: SentenceContext, _ k: Int) -> Int? {
        guard k < c.tokens.count, c.tokens[k].norm == "في" else { return nil }
        var j = k + 1
        if j < c.tokens.count, ["شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"].contains(c.tokens[j].norm) { j += 1 }
        guard j < c.tokens.count, let m = c.mention(at: j), c.mentions[m].type == .place, !c.mentions[m].isAdjective else { return nil }
        return m
    }

    /// Relations between two parties: tense ones ("توتر", "تدهور") are TENSION_WITH; "يقيم علاقات (وثيقة) مع/من Y"
    /// is COOPERATE; plain "العلاقات الثنائية بين X وY" is neither (a topic, not a fact).
    static func relations(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        let tense = c.tokens.indices.contains { c.matches($0, tensionWords) }
        let indefinite = c.tokens[i].norm == "علاقات"
        guard tense || indefinite else { return [] }
        // "علاقاتها مع Y": the owner of the pronoun is the subject, not the nearest name before
        let possessive = c.tokens[i].norm.hasSuffix("ها") || c.tokens[i].norm.hasSuffix("ه") || c.tokens[i].norm.hasSuffix("هم")
        var drafts = possessive ? [] : between(c, i, type: tense ? "TENSION_WITH" : "COOPERATE")
        if drafts.isEmpty, possessive {
            // "علاقاتها مع فرنسا": the owner is the subject before
            var k = i + 1
            while k < c.tokens.count, k - i <= 3, c.tokens[k].norm != "مع" { k += 1 }
            if k < c.tokens.count, c.tokens[k].norm == "مع", let b = c.actorAfter(k, limit: 3, types: [.person, .organization, .place]),
               let a = ownerBefore(c, i, excluding: c.mentions[b].key, feminine: c.tokens[i].norm.hasSuffix("ها")) {
                drafts = [FactDraft(type: tense ? "TENSION_WITH" : "COOPERATE", subject: c.mentions[a].key, object: c.mentions[b].key,
                                    trigger: i, span: c.span([a, b], i), rule: "relations.with",
                                    confidence: conf(0.7, abs(c.mentions[b].range.lowerBound - i), c, [a, b]))]
            }
        }
        return drafts.map { var d = $0; d.rule = tense ? "relations.tense" : d.rule; return d }
    }

    /// The owner of a possessive ("علاقاتها"): the nearest party before; a feminine pronoun skips men
    /// (countries and most organisations are feminine in Arabic).
    static func ownerBefore(_ c: SentenceContext, _ i: Int, excluding: String, feminine: Bool) -> Int? {
        var skip: Set<String> = [excluding]
        for _ in 0..<4 {
            guard let a = c.actorBefore(i, limit: 12, excluding: skip, countries: true) else { return nil }
            if feminine, c.mentions[a].type == .person {
                // a woman's name cannot be told from a man's here: keep her only when her title is feminine
                let t = c.mentions[a].role.map { ArabicNormalizer.normalize($0.phrase) } ?? ""
                if !(t.hasPrefix("رييسه") || t.hasPrefix("وزيره") || t.hasPrefix("الرييسه") || t.hasPrefix("الوزيره")) {
                    skip.insert(c.mentions[a].key); continue
                }
            }
            return a
        }
        return nil
    }

    /// The later (nearer to what follows) of two mentions.
    static func nearest(_ c: SentenceContext, _ a: Int?, _ b: Int?) -> Int? {
        guard let x = a else { return b }
        guard let y = b else { return a }
        return c.mentions[y].range.lowerBound > c.mentions[x].range.lowerBound ? y : x
    }
}

// Pair finders: one finder names both sides of a tie between two parties (`between-parties`, `joint-subject`,
// `signing-parties`; rules/migrated-cooperation.rules, README "Rule files"), and cues looked for before the subject
// found (`before-subject`).

import KBGraph
import KBText

extension ArgumentFinder.Kind {
    /// A finder that names the subject and the object at once.
    var isPairFinder: Bool {
        switch self {
        case .betweenParties, .jointSubject, .signingParties: return true
        default: return false
        }
    }
    /// The finder's name in the rule files.
    var keyword: String {
        switch self {
        case .betweenParties: return "between-parties"
        case .jointSubject: return "joint-subject"
        case .signingParties: return "signing-parties"
        default: return "\(self)"
        }
    }
}

extension RuleEngine {
    /// The (subject, object) pairs a pair finder names around trigger i; a group mention («الدول الثلاث») is paired
    /// with itself, each pair of its members giving a fact (Extractor.expandGroups).
    static func partyPairs(_ f: ArgumentFinder, at i: Int, _ c: SentenceContext, allowed: Set<EntityType>?) -> [(Int, Int)] {
        func admits(_ m: Int) -> Bool {
            let mm = c.mentions[m]
            let types = f.types ?? allowed ?? [.person, .organization, .place]
            guard types.contains(mm.type), !mm.key.isEmpty, mm.subtype != "media", !mm.inRolePhrase else { return false }
            if mm.isAdjective, !f.adjectives { return false }
            if let st = f.subtypes, mm.type == .place, !st.contains(mm.subtype) { return false }
            return true
        }
        switch f.kind {
        case .betweenParties(let n): return betweenPairs(n, at: i, c, admits)
        case .jointSubject(let n): return jointSubjectPair(n, at: i, c, admits).map { [$0] } ?? []
        case .signingParties(let n): return signingPairs(n, at: i, c, admits)
        default: return []
        }
    }

    /// «التعاون العسكري بين X وY», «اتفاقية بين X وY وZ», «تحالف بين الدول الثلاث».
    static func betweenPairs(_ n: Int, at i: Int, _ c: SentenceContext, _ admits: (Int) -> Bool) -> [(Int, Int)] {
        guard let k = (i + 1..<min(c.tokens.count, i + 1 + n)).first(where: { c.inClass($0, "BETWEEN") }),
              !(i + 1..<k).contains(where: { c.isStrongPunct($0) || c.mention(at: $0) != nil }) else { return [] }
        // the first party within six words (a mention of another kind stepped over), else an adjective right after
        var a: Int? = nil
        var j = k + 1
        while j < c.tokens.count, j - k <= 6, !c.isStrongPunct(j) {
            if let m = c.mention(at: j) {
                if !c.mentions[m].isAdjective, admits(m) { a = m; break }
                if c.mentions[m].isAdjective, j - k <= 3, admits(m) { a = m; break }
                j = c.mentions[m].range.upperBound; continue
            }
            j += 1
        }
        guard let first = a else { return [] }
        var members: [Int] = []
        for m in c.conjuncts(of: first, adjectives: true) where admits(m) && !members.contains(where: { c.mentions[$0].key == c.mentions[m].key }) {
            members.append(m)
        }
        if members.count == 1, c.mentions[first].subtype == "group" { return [(first, first)] }
        if members.count == 1 {
            // «بين X، وY»: the mention right after the first, joined by و, of any kind
            let after = c.mentions[first].range.upperBound
            if after < c.tokens.count, let m = c.mention(at: after), c.tokens[after].norm.plainHasPrefix("و"), admits(m),
               c.mentions[m].key != c.mentions[first].key { members.append(m) }
        }
        guard members.count >= 2 else { return [] }
        if members.count == 2 { return [(members[0], members[1])] }
        return members.indices.flatMap { x in (x + 1..<members.count).map { (members[x], members[$0]) } }
    }

    /// «ويسعى X وY إلى …», «الرئيس A X والرئيس B Y …»: the nearest mention before the trigger is the second of a pair
    /// joined by و (on its name or its title) to the mention right before it.
    static func jointSubjectPair(_ n: Int, at i: Int, _ c: SentenceContext, _ admits: (Int) -> Bool) -> (Int, Int)? {
        var k = i - 1
        while k >= 0, i - k <= n {
            if c.isStrongPunct(k) || c.isComma(k) { return nil }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                let start = mm.role.map { min($0.range.lowerBound, mm.range.lowerBound) } ?? mm.range.lowerBound
                guard admits(m), !mm.isAdjective, start > 0, c.tokens[start].norm.plainHasPrefix("و"),
                      let first = c.mention(at: start - 1), admits(first), !c.mentions[first].isAdjective,
                      c.mentions[first].key != mm.key else { return nil }
                return (first, m)
            }
            k -= 1
        }
        return nil
    }

    /// «وقعت X وY اتفاقية», «وقع X اتفاقا مع Y», «… وشهدا توقيع اتفاقية»: the parties of a signing.
    static func signingPairs(_ n: Int, at i: Int, _ c: SentenceContext, _ admits: (Int) -> Bool) -> [(Int, Int)] {
        guard let v = (max(0, i - n)..<i).last(where: { c.mention(at: $0) == nil && c.inClass($0, "SIGN") }) else { return [] }
        var parties: [Int] = []
        for m in (v + 1..<i).compactMap({ c.mention(at: $0) }) where admits(m) && !c.mentions[m].isAdjective
            && !parties.contains(where: { c.mentions[$0].key == c.mentions[m].key }) { parties.append(m) }
        if parties.count == 1, let w = (i + 1..<min(c.tokens.count, i + 4)).first(where: { c.inClass($0, "WITH") }) {
            // «وقعت X اتفاقا مع Y»: the first party after «مع»
            var k = w + 1
            while k < c.tokens.count, k - w <= 3, !c.isStrongPunct(k) {
                if let m = c.mention(at: k) {
                    if admits(m), !c.mentions[m].isAdjective, c.mentions[m].key != c.mentions[parties[0]].key { parties.append(m); break }
                    k = c.mentions[m].range.upperBound; continue
                }
                k += 1
            }
        }
        if parties.isEmpty, (v > 0 && c.inClass(v - 1, "WITNESS_DUAL")) || c.inClass(v, "SIGN_DUAL") {
            // the two officials of the sentence sign for what their titles name
            let people = c.mentions.indices.filter { c.mentions[$0].type == .person && !c.mentions[$0].inRolePhrase && c.mentions[$0].range.upperBound <= v }
            let bodies = people.compactMap { p -> Int? in
                guard let cue = c.mentions[p].role else { return nil }
                return cue.range.compactMap { c.mention(at: $0) }.first {
                    c.mentions[$0].type == .organization || (c.mentions[$0].type == .place && (c.mentions[$0].isAdjective || c.mentions[$0].subtype == "country"))
                }
            }
            if people.count == 2, bodies.count == 2, c.mentions[bodies[0]].key != c.mentions[bodies[1]].key { parties = bodies }
        }
        guard parties.count >= 2 else { return [] }
        return (1..<parties.count).map { (parties[0], parties[$0]) }
    }

    /// `requires`/`unless CLASS before-subject N`: the cue looked for from N tokens before the subject found (its title
    /// included) up to the trigger: «بحث X وY التعاون» (the talks verb before the joint subject makes it a topic).
    static func subjectCuesFail(_ r: Rule, subject s: Int, at i: Int, _ c: SentenceContext, _ classes: [[Int]]) -> String? {
        guard s >= 0 else { return nil }
        let mm = c.mentions[s]
        let start = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max)
        func window(_ q: ContextCue) -> Range<Int> { max(0, min(start, i) - q.within)..<i }
        for q in r.requires where q.beforeSubject && has(classes, q.cls, window(q)) == nil {
            return "no \(q.className) before the subject"
        }
        for q in r.unless where q.beforeSubject {
            if let k = has(classes, q.cls, window(q)) { return "blocked by «\(c.tokens[k].text)» (\(q.className)) before the subject" }
        }
        return nil
    }
}

// Lists an argument finder gathers backwards from the mention it found (`back-list`).

extension RuleEngine {
    /// "بين X وY بدعم من Z": the mention m (found before the trigger) and the mentions joined to it by «و» before it
    /// («X وY»: the و on the name, on its title or a word of its own), in text order. Members are parties: people,
    /// organisations, and states (no adjective, no mention inside a title phrase).
    static func backConjuncts(of m: Int, _ c: SentenceContext) -> [Int] {
        var out = [m]
        var cur = m
        while out.count < 8 {
            let mm = c.mentions[cur]
            let start = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max)
            var prevEnd = start - 1
            if prevEnd >= 0, c.tokens[prevEnd].norm == "و" { prevEnd -= 1 }
            else if !c.tokens[start].norm.plainHasPrefix("و") { break }
            guard prevEnd >= 0, let p = c.mention(at: prevEnd), c.mentions[p].range.upperBound == prevEnd + 1 else { break }
            let pm = c.mentions[p]
            guard !pm.isAdjective, !pm.inRolePhrase, !pm.key.isEmpty, FactRules.isParty(c, pm),
                  !out.contains(where: { c.mentions[$0].key == pm.key }) else { break }
            out.insert(p, at: 0)
            cur = p
        }
        return out
    }
}

extension RuleEngine {
    /// The argument index that stands for the subject's state (`its-state`).
    static let itsStateIndex = -5

    /// `its-state` (the rule's object finder): the state of the subject mention s — the country the gazetteer
    /// makes a capital the capital of («إلى العاصمة X»), or an organisation's own country (the nationality in its
    /// name, «المجلس العسكري النيجري», else the gazetteer's); nil when the rule has no such finder or there is none.
    static func itsState(_ r: Rule, _ s: Int, _ c: SentenceContext) -> String? {
        guard s >= 0, r.object.contains(where: { $0.kind == .itsState }) else { return nil }
        let m = c.mentions[s]
        let state: String?
        switch m.type {
        case .place: state = m.isAdjective ? nil : c.gazetteer.entry(id: m.key)?.capitalOf
        case .organization: state = m.countryHint ?? c.gazetteer.country(of: m.key)
        default: state = nil
        }
        guard let k = state, !k.isEmpty, k != m.key else { return nil }
        return k
    }
}

extension RuleEngine {
    /// True when one of the tokens from...to carries the preposition ل (`lam`): «دعم X لسيادة Y», «لقوات X».
    static func hasLam(_ c: SentenceContext, _ from: Int, _ to: Int) -> Bool {
        guard from <= to else { return false }
        return (from...to).contains { k in
            // (the negation «لا» is no preposition)
            k < c.tokens.count && (c.tokens[k].norm.plainHasPrefix("ل") || c.tokens[k].norm.plainHasPrefix("ول")) && !["لا", "ولا"].contains(c.tokens[k].norm)
        }
    }
}

extension RuleEngine {
    /// True when token k is a colon opening a list: right after a word of class `LIST_COLON` («وزراء:»، «وهم:»،
    /// «كل من:»). `after N` finders step over it; any other colon (reported speech, a heading) ends their search.
    static func listColon(_ k: Int, _ c: SentenceContext) -> Bool {
        guard k > 0, c.tokens[k].kind == .punctuation, c.tokens[k].text == ":" else { return false }
        return c.mention(at: k - 1) == nil && c.inClass(k - 1, "LIST_COLON")
    }
}

extension RuleEngine {
    /// «في زيارة تستغرق يومين، يلتقي خلالها الرئيس X»: a present-tense verb (a form of a `CLASS.verb` with the prefix
    /// ي) followed within two words by a word of class `PROGRAMME` («خلالها», «خلاله») tells what the visit's
    /// programme holds: the event is planned. A past verb («التقى خلالها») stays asserted.
    static func programmeVerb(_ i: Int, _ c: SentenceContext, _ classes: [[Int]], _ cue: Cues, _ lex: WordLexicon) -> Bool {
        guard let p = cue.programme, has(classes, p, (i + 1)..<min(c.tokens.count, i + 3)) != nil, c.classInfo.hasVerb(classes[i]) else { return false }
        var n = Substring(c.tokens[i].norm)
        if n.hasPrefix("و") || n.hasPrefix("ف") { n = n.dropFirst() }
        return n.hasPrefix("ي") && n.count > 3
    }
}

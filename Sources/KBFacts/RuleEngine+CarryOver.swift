import KBGraph
import KBText

/// Subject carry-over: news continues a sentence's subject into the next without naming it again («وأضاف …»,
/// «كما يلتقي …», «قبل أن يستقبل السفيرة …», «خلال زيارته إلى …»). A rule of a type listed as `carry-subject`
/// that found no subject and object pair is tried once more with the document's earlier subject (`doc-subject`)
/// as subject, when its trigger shows the subject is elided:
/// - a finite verb with no actor before it in its clause (back to a comma, a relative or a clause word; a mention
///   a preposition governs is no actor), or
/// - a masdar carrying a pronoun suffix (زيارته، مباحثاتها، لقاءهم): the possessor is the agent.
/// The object is then looked for by the rule's own object finders.
extension RuleEngine {
    static func carriedSubject(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ cue: Cues,
                               _ lex: WordLexicon, _ table: RelationTable, _ set: RuleSet, _ why: String,
                               carry: UInt8? = nil) -> Outcome? {
        guard namesNoSubject(why) else { return nil }
        // (`carry`: the rule's `RuleSet.carryFlags`, else hashed from its type)
        let flags = carry ?? set.carryFlag(r.type)
        let both = flags & 1 != 0
        // only where no subject was found at all (a mention right after a verb may be its subject, VSO, with the
        // object missing), and only for rules whose subject is the verb's own (nearest before or after, a person
        // allowed; not the agent of a passive or the giver «من X», not a subject after its object)
        guard flags != 0, !r.objectFirst,
              r.subject.allSatisfy({ $0.isNearest && ($0.types?.contains(.person) ?? true) }) else { return nil }
        guard var kind = elidedSubject(at: i, c, classes, lex, masdar: both) else { return nil }
        // two actors after a verb are its subject and object, however long the first one's title
        // («واستقبل رئيس المجلس الأعلى للدولة في ليبيا X وزير الخارجية Y»): nothing is carried over
        if kind == .verb, titledActor(after: i, c) != nil { return nil }
        // a word both a past verb and a masdar (دعم) that the rule reads by its masdar class («بالدور في دعم Y») is
        // no finite verb: it carries a subject over only with a pronoun suffix («دعمه لـY»)
        if kind == .verb, r.triggers.allSatisfy({ !classes[i].contains($0) || c.classInfo.isNoun[$0] }) {
            let nouns = classes[i].filter { c.classInfo.isNoun[$0] }
            guard both, pronounSuffixed(c.tokens[i].norm, nouns, lex) else { return nil }
            kind = .masdar
        }
        var r2 = r
        // a suffixed masdar's possessor is the nearest actor before it in the sentence («يرافق X في زيارته»), else
        // the subject carried over; a verb's is the one carried over
        r2.subject = (kind == .masdar ? [ArgumentFinder(kind: .before(30))] : []) + [ArgumentFinder(kind: .documentSubject)]
        guard case .fired(var drafts) = apply(r2, at: i, c, classes, cue, lex, table) else { return nil }
        // resolved from the same or the previous sentence only (Extractor.resolveDocumentSubjects)
        for k in drafts.indices where drafts[k].subject == documentSubject { drafts[k].subject = carriedSubjectKey }
        return .fired(drafts)
    }

    /// `why.hasPrefix("trigger without a subject")`: on the bytes when they decide (the prefix is ASCII; a string
    /// with its bytes then an ASCII byte or nothing has it as its first characters, as no ASCII scalar but LF after
    /// CR joins the one before it, and a string without its bytes has not), else `hasPrefix`.
    static func namesNoSubject(_ why: String) -> Bool {
        let p: StaticString = "trigger without a subject"
        var w = why
        let fast: Bool? = w.withUTF8 { b in
            let n = p.utf8CodeUnitCount
            guard b.count >= n else { return false }
            for k in 0..<n where b[k] != p.utf8Start[k] { return false }
            return b.count == n || b[n] < 0x80 ? true : nil
        }
        return fast ?? why.hasPrefix("trigger without a subject")
    }

    /// True when the trigger at i names no subject of its own: a finite verb (a form of a `CLASS.verb`) with no
    /// actor before it in the sentence, or a masdar with a pronoun suffix.
    enum Elided { case verb, masdar }

    static func elidedSubject(at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ lex: WordLexicon, masdar: Bool = true) -> Elided? {
        // (the kinds of the word's classes from the lexicon's class info: `lex` is the context's lexicon)
        if c.classInfo.hasVerb(classes[i]) {
            // its clause: back to a comma, a relative or clause word («حيث», «إذ»), or the sentence's start
            var k = i - 1
            while k >= 0, !c.isStrongPunct(k), !c.isComma(k) {
                if let m = c.mention(at: k) {
                    let mm = c.mentions[m]
                    if (mm.type == .person || mm.type == .organization || mm.type == .place) && !mm.isAdjective && !obliqueMention(m, c) { return nil }
                    k = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max) - 1; continue
                }
                if c.inClass(k, c.classInfo.relative) || c.inClass(k, c.classInfo.clauseBreak) || c.inClass(k, c.classInfo.clauseLink) { break }
                k -= 1
            }
            return .verb
        }
        guard masdar else { return nil }
        let nouns = classes[i].filter { c.classInfo.isNoun[$0] }
        return !nouns.isEmpty && pronounSuffixed(c.tokens[i].norm, nouns, lex) ? .masdar : nil
    }

    /// "زيارته" (زيارة + ه), "مباحثاتهم", "اتفاقها": the form minus a pronoun suffix is a form of the same masdar class.
    static func pronounSuffixed(_ norm: String, _ nounClasses: [Int], _ lex: WordLexicon) -> Bool {
        for suffix in ["هما", "هم", "ها", "ه"] where norm.plainHasSuffix(suffix) && norm.count > suffix.count + 2 {
            let base = String(norm.dropLast(suffix.count))
            // the ta marbuta written open before a suffix: زيارت|ه → زياره
            let candidates = base.plainHasSuffix("ت") ? [base, String(base.dropLast()) + "ه"] : [base]
            if candidates.contains(where: { b in !Set(lex.classes(of: b)).isDisjoint(with: nounClasses) }) { return true }
        }
        return false
    }
}

extension ArgumentFinder {
    /// `before N` / `after N`: the nearest mention, whatever introduces it.
    var isNearest: Bool {
        switch kind { case .before, .after: return true; default: return false }
    }
    var isAfter: Bool {
        if case .after = kind { return true }
        return false
    }
}

extension RuleEngine {
    /// True when the trigger at i is a finite verb (a form of a `CLASS.verb`).
    static func verbTrigger(_ i: Int, _ classes: [[Int]], _ lex: WordLexicon) -> Bool {
        classes[i].contains { lex.classNames[$0].hasSuffix(".verb") }
    }

    /// Placeholder subject carried over from the same or the previous sentence (`carry-subject`).
    static let carriedSubjectKey = "@carry-subject"

    /// True when a preposition governs mention m, or the title before its name: a word of class `PREP` or
    /// `OBLIQUE_PREP` (مع، لدى، بين) right before, or the clitic ب / ل on the title or the name
    /// («بالرئيس X», «للوزير X», «بسفيرة ألمانيا X», «بموسكو»). Such a mention is an oblique argument, never a subject.
    static func obliqueMention(_ m: Int, _ c: SentenceContext) -> Bool {
        c.memo.oblique(m) { computeObliqueMention(m, c) }
    }

    /// ``obliqueMention(_:_:)`` computed (it is remembered per mention for the sentence: ``SentenceMemo``).
    static func computeObliqueMention(_ m: Int, _ c: SentenceContext) -> Bool {
        let mm = c.mentions[m]
        if governed(m, c) { return true }
        let lo = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max)
        if lo > 0, c.inClass(lo - 1, c.classInfo.prep) || c.inClass(lo - 1, c.classInfo.obliquePrep) { return true }
        guard lo < mm.range.lowerBound else { return false }
        // the title carries the clitic: "بالرئيس", "وبالرئيس", "للرئيس", "وللوزير"
        let t = c.tokens[lo].norm
        if ["بال", "وبال", "لل", "ولل"].contains(where: { t.plainHasPrefix($0) && t.count > $0.count + 2 }) { return true }
        // a title in construct carries it too: "بسفيرة ألمانيا X", "لرئيس الحكومة X"
        return ["ب", "وب", "ل", "ول"].contains { t.plainHasPrefix($0) && Lexicon.roleHeads.contains(String(t.dropFirst($0.count))) }
    }
}

extension RuleEngine {
    /// Placeholder pair resolved at document level (`doc-people`: «بحث الجانبان», «جدد الوزيران»).
    static let documentPeople = ("@doc-people-1", "@doc-people-2")
}

extension Extractor {
    /// `doc-people` arguments: the two people of the last meeting, talks or reception told in this sentence or the
    /// three before it (both sides people of the document). As subject and object: one fact between the two; as
    /// subject only: one fact for each of them (through `group:` keys, see `expandGroups`). Without such a pair the
    /// draft is dropped. A dated fact whose sentence states no date of its own takes the date of that meeting: the
    /// two go on about the day they met («التقى X Y يوم الثلاثاء … وجدد الوزيران الترحيب بـ…»).
    static func resolveDocumentPeople(_ drafts: [(Int, FactDraft)], people: Set<String>) -> [(Int, FactDraft)] {
        let (p1, p2) = RuleEngine.documentPeople
        guard drafts.contains(where: { $0.1.subject == p1 }) else { return drafts }
        let contacts: Set<String> = ["MEET", "TALKS", "RECEIVE", "PLANS_MEET", "PLANS_TALKS"]
        var last: (si: Int, a: String, b: String, date: FactDate?)? = nil
        var out: [(Int, FactDraft)] = []
        for (si, d) in drafts {
            if d.subject == p1 {
                guard let l = last, si - l.si <= 3, d.object != l.a, d.object != l.b else { continue }
                let group = "group:\(l.a)|\(l.b)"
                var x = d
                x.subject = group
                if x.object == p2 { x.object = group }
                if x.takesDate, x.date == nil { x.date = l.date }
                out.append((si, x)); continue
            }
            if contacts.contains(d.type), d.modality != .negated, people.contains(d.subject), people.contains(d.object), d.subject != d.object {
                last = (si, d.subject, d.object, d.date)
            }
            out.append((si, d))
        }
        return out
    }
}

extension RuleEngine {
    /// «التقى الرئيس X …، حيث وصل إلى الرياض»: a finite verb right after a clause word (class `CLAUSE_BREAK` or
    /// `CLAUSE_LINK`: حيث، إذ، ثم، كما) with no person or organisation right after it (one a preposition governs is
    /// none; a place there is the object: «ثم زار وهران») names
    /// no subject of its own: it continues the sentence's subject (`sentence-subject`), else the document's earlier
    /// one. A mention before the clause word is never taken for it; an actor after the verb is looked for by the
    /// rule's `after` finders only. After a relative pronoun (`RELATIVE`: الذي، التي) the subject is its antecedent,
    /// the actor right before it, or there is none («مع الملك الأردني الذي وصل …» is not the host's arrival). For the rules `carriedSubject` serves; nil
    /// for any other trigger (the rule's own finders then run).
    static func clauseElidedSubject(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ cue: Cues,
                                    _ lex: WordLexicon, _ table: RelationTable, _ set: RuleSet,
                                    _ positions: TriggerPositions? = nil, carry: UInt8? = nil) -> Outcome? {
        // (the tests on the trigger word first: they are shared by the rules tried on it; then the rule's carry flags)
        guard i > 0, i + 1 < c.tokens.count, !r.objectFirst, c.mention(at: i - 1) == nil, c.classInfo.hasVerb(classes[i]),
              let w = positions.map({ $0.clauseWord(before: i, c) }) ?? clauseWord(before: i, c),
              (carry ?? set.carryFlag(r.type)) != 0,
              r.subject.allSatisfy({ ($0.isNearest || $0.kind == .adjacentAfter) && ($0.types?.contains(.person) ?? true) })
        else { return nil }
        let relative = c.inClass(w, c.classInfo.relative)
        // an actor right after the verb, or the title before its name, is the verb's own subject (VSO)
        var r2 = r
        if let m = c.mentions.indices.first(where: { min(c.mentions[$0].range.lowerBound, c.mentions[$0].role?.range.lowerBound ?? Int.max) == i + 1 })
            ?? titledActor(after: i, c),
           c.mentions[m].type != .place, !obliqueMention(m, c) {
            // only the rule's finders after the verb look for it («ثم وصل الرئيس Y إلى …» is not X's arrival)
            // (an `after` finder reaches the actor however long its title: «رئيس المجلس الأعلى للدولة في ليبيا X»)
            let reach = c.mentions[m].range.lowerBound - i
            r2.subject = r.subject.filter { $0.isAfter || $0.kind == .adjacentAfter }.map { f in
                guard case .after(let n) = f.kind, n < reach else { return f }
                var g = f; g.kind = .after(reach); return g
            }
            guard !r2.subject.isEmpty else { return nil }
            let vso = apply(r2, at: i, c, classes, cue, lex, table)
            // «…، قبل أن يستقبل وزير الخارجية X»: with no second argument after it, the actor after the verb is
            // its object, and the subject goes on from before the clause word (RuleEngine+ElidedObject.swift)
            guard case .failed = vso, !relative, actorIsObject(m, of: r, c) else { return vso }
        }
        if relative {
            // «الملك X، الذي وصل …»: the relative's antecedent, right before it (a comma between), or none
            r2.subject = r.subject.filter { !$0.isAfter && $0.kind != .adjacentAfter }.map { var f = $0; f.kind = .before(3); return f }
            guard !r2.subject.isEmpty else { return nil }
            if case .fired(let d) = apply(r2, at: i, c, classes, cue, lex, table) { return .fired(d) }
            return .failed("the relative «\(c.tokens[w].text)» follows no actor")
        }
        // «… الهجوم الذي أصيب فيه الصحفي Y عندما توجه إلى …»: a clause word inside a relative clause that names its
        // own actor goes on with that actor (the nearest before it), never with the subject carried from before it
        if let k = relativeActor(before: w, c) {
            r2.subject = r.subject.filter { !$0.isAfter && $0.kind != .adjacentAfter }
            if !r2.subject.isEmpty, case .fired(let d) = apply(r2, at: i, c, classes, cue, lex, table) { return .fired(d) }
            return .failed("the clause after «\(c.tokens[w].text)» belongs to the relative «\(c.tokens[k].text)», which names its own actor")
        }
        r2.subject = [ArgumentFinder(kind: .sentenceSubject), ArgumentFinder(kind: .documentSubject)]
        guard case .fired(var drafts) = apply(r2, at: i, c, classes, cue, lex, table) else {
            return .failed("the subject is elided after «\(c.tokens[w].text)» and none is carried")
        }
        for k in drafts.indices where drafts[k].subject == documentSubject { drafts[k].subject = carriedSubjectKey }
        return .fired(drafts)
    }

    /// The clause word a verb at i follows (class `CLAUSE_BREAK`, `CLAUSE_LINK` or `RELATIVE`): right before it, or
    /// before the complementiser «أن» («قبل أن يستقبل …», «بعد أن زار …»: the clause goes on with the subject before).
    static func clauseWord(before i: Int, _ c: SentenceContext) -> Int? {
        let info = c.classInfo
        func opens(_ k: Int) -> Bool { c.inClass(k, info.clauseBreak) || c.inClass(k, info.clauseLink) || c.inClass(k, info.relative) }
        if opens(i - 1) { return i - 1 }
        if i >= 2, c.tokens[i - 1].norm == "ان", c.mention(at: i - 2) == nil, c.inClass(i - 2, info.clauseBreak) { return i - 2 }
        return nil
    }

    /// The relative pronoun (class `RELATIVE`) of the clause the word at w stands in, when a person or organisation
    /// governed by no preposition is named between the two: «الذي راح ضحيته المواطن Y عندما …». Nil otherwise.
    static func relativeActor(before w: Int, _ c: SentenceContext) -> Int? {
        var k = w - 1, actor = false
        while k >= 0, !c.isStrongPunct(k), !c.isComma(k) {
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if (mm.type == .person || mm.type == .organization) && !mm.isAdjective && !mm.inRolePhrase && !obliqueMention(m, c) { actor = true }
                k = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max) - 1; continue
            }
            if c.inClass(k, c.classInfo.relative) { return actor ? k : nil }
            k -= 1
        }
        return nil
    }

    /// The sentence's first actor (`sentence-subject`): the first person or organisation of the sentence, when it
    /// (or its title) starts within its first three tokens («التقى الرئيس اللبناني X», «X يصل …») and is governed
    /// by no preposition, and no complementiser of reported speech (`REPORT_THAT`) stands between it and the trigger.
    static func sentenceSubject(before i: Int, _ c: SentenceContext) -> Int? {
        guard let m = c.mentions.indices.filter({ k in
            let mm = c.mentions[k]
            return (mm.type == .person || mm.type == .organization) && !mm.isAdjective && !mm.inRolePhrase && !mm.key.isEmpty
        }).min(by: { c.mentions[$0].range.lowerBound < c.mentions[$1].range.lowerBound }) else { return nil }
        let mm = c.mentions[m]
        let lo = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max)
        guard lo <= 2, mm.range.upperBound <= i, !obliqueMention(m, c),
              !(mm.range.upperBound..<i).contains(where: { c.mention(at: $0) == nil && c.inClass($0, c.classInfo.reportThat) }) else { return nil }
        return m
    }
}

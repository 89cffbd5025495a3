import KBGraph
import KBText

/// Collects what the rules saw, sentence by sentence (`kbexport inspect`). Extraction without a trace
/// pays nothing for it.
public final class ExtractionTrace: @unchecked Sendable {
    public private(set) var lines: [Int: [String]] = [:]
    var sentence = 0
    public init() {}
    func note(_ s: String) { lines[sentence, default: []].append(s) }
}

extension Extractor {
    /// `doc-country` arguments: the state a person the gazetteer knows serves, else the country the document is about. News about a visit names the host's
    /// officials without their country: the country of the first place visited (or where a meeting was held);
    /// else the country the document names most often (by name or adjective, twice at least; the first named
    /// wins a tie; not the state of a received guest). Without one the draft is dropped.
    static func resolveDocumentCountry(_ drafts: [(Int, FactDraft)], _ mentions: [[RawMention]],
                                       countryOf: (String) -> String?) -> [(Int, FactDraft)] {
        guard drafts.contains(where: { $0.1.subject.hasPrefix("@doc-") || $0.1.object.hasPrefix("@doc-") }) else { return drafts }
        var count: [String: Int] = [:], first: [String: Int] = [:]
        for m in mentions.joined() where m.type == .place && m.subtype == "country" && !m.key.isEmpty {
            count[m.key, default: 0] += 1
            if first[m.key] == nil { first[m.key] = first.count }
        }
        var host: String? = nil
        for (_, d) in drafts where d.modality == .asserted {
            if d.type == "VISIT" { host = countryOf(d.object) }
            else if ["RECEIVE", "MEET", "TALKS", "HOSTS"].contains(d.type), let p = d.place { host = countryOf(p) }
            if host != nil { break }
        }
        // a guest's state is not the host's: "استقبل الرئيس X وزير الخارجية الروسي Y" is not about Russia
        let guests = Set(drafts.filter { $0.1.type == "RECEIVE" && $0.1.modality == .asserted }.map(\.1.object))
        let guestStates = Set(drafts.filter { $0.1.type == "HOLDS_ROLE" && guests.contains($0.1.subject) }.map(\.1.object))
        let best = host ?? count.filter { $0.value >= 2 && !guestStates.contains($0.key) }.max { a, b in a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]! }?.key
        // a person whose office the document states with its state or body keeps that one
        let stated = Set(drafts.filter { $0.1.type == "HOLDS_ROLE" && $0.1.object != RuleEngine.documentCountry }.map(\.1.subject))
        func companionState(_ p: String) -> String? {
            for (_, a) in drafts where a.type == "ACCOMPANIES" && a.subject == p {
                if let c = countryOf(a.object) { return c }
                if let r = drafts.first(where: { $0.1.type == "HOLDS_ROLE" && $0.1.subject == a.object && $0.1.object != RuleEngine.documentCountry }),
                   count[r.1.object] != nil { return r.1.object }
            }
            return nil
        }
        // "بين البلدين": the sentence's two states, else the states of the two sides of the last contact told so far,
        // else (no contact told) the two states the document has named
        func state(_ k: String) -> String? {
            if count[k] != nil { return k }
            if let c = countryOf(k) { return c }
            return drafts.first(where: { $0.1.type == "HOLDS_ROLE" && $0.1.subject == k && count[$0.1.object] != nil })?.1.object
        }
        func pair(_ si: Int) -> (String, String)? {
            var own: [String] = [], named: [String] = []
            if si < mentions.count {
                for m in mentions[si] where m.type == .place && m.subtype == "country" && !m.key.isEmpty && !own.contains(m.key) {
                    own.append(m.key)
                    if !m.isAdjective { named.append(m.key) }
                }
            }
            if own.count == 2 { return (own[0], own[1]) }
            // the last contact whose two sides serve two states (and the sentence's own state named by name among
            // them: an adjective alone, «الأزمة السورية», names a topic more often than a side)
            for (sj, d) in drafts.reversed() where sj <= si && RuleEngine.contactTypes.contains(d.type) {
                guard let a = state(d.subject), let b = state(d.object), a != b else { continue }
                return named.allSatisfy({ $0 == a || $0 == b }) && (own.count < 2 || own.allSatisfy({ $0 == a || $0 == b })) ? (a, b) : nil
            }
            // no contact told: the document's two states (RuleEngine+DocumentPair.swift)
            return twoStatesNamed(upTo: si, mentions, own: own)
        }
        return drafts.compactMap { (si, d) in
            if d.type == "HOLDS_ROLE", d.object == RuleEngine.documentCountry, stated.contains(d.subject) { return nil }
            var x = d
            if x.subject == RuleEngine.documentPair.0 {
                guard let p = pair(si) else { return nil }
                x.subject = p.0; x.object = p.1
                return (si, x)
            }
            guard x.subject == RuleEngine.documentCountry || x.object == RuleEngine.documentCountry else { return (si, x) }
            // a person the gazetteer knows serves the state it names; a companion serves the state of the one he accompanies
            let own = x.object == RuleEngine.documentCountry ? countryOf(x.subject) ?? companionState(x.subject) : nil
            guard let b = own ?? best else { return nil }
            if x.subject == RuleEngine.documentCountry { x.subject = b }
            if x.object == RuleEngine.documentCountry { x.object = b }
            return x.subject == x.object ? nil : (si, x)
        }
    }
}

/// Runs the rules of a `RuleSet` on one sentence: triggers from the lexicon, arguments from the finders,
/// entity types from the relation table, modality from the cue classes.
enum RuleEngine {
    /// Placeholder subject resolved at document level (`doc-subject`).
    static let documentSubject = "@doc-subject"
    /// Placeholder argument resolved at document level (`doc-country`).
    static let documentCountry = "@doc-country"
    /// Placeholder pair resolved at document level (`doc-pair`: "بين البلدين").
    static let documentPair = ("@doc-pair-1", "@doc-pair-2")
    /// The events whose two sides `doc-pair` takes.
    static let contactTypes: Set<String> = ["VISIT", "MEET", "TALKS", "RECEIVE", "PLANS_VISIT", "PLANS_MEET", "PLANS_TALKS"]

    static func run(_ c: SentenceContext, _ set: RuleSet, table: RelationTable = .standard, trace: ExtractionTrace? = nil) -> [FactDraft] {
        let lex = set.lexicon
        var classes = [[Int]](repeating: [], count: c.tokens.count)
        var any = false
        // words inside a name trigger nothing and serve as no cue
        for (i, t) in c.tokens.enumerated() where t.kind == .word && c.mention(at: i) == nil {
            let k = lex.classes(of: t.norm)
            if !k.isEmpty { classes[i] = k; any = true }
        }
        guard any else { return [] }
        if let trace {
            let seen = c.tokens.indices.filter { !classes[$0].isEmpty && c.mention(at: $0) == nil }
                .map { "«\(c.tokens[$0].text)» \(classes[$0].map { lex.classNames[$0] }.filter { !$0.contains(".") }.joined(separator: ","))" }
            if !seen.isEmpty { trace.note("triggers: " + seen.joined(separator: " ")) }
        }
        let cue = Cues(lex)
        var out: [FactDraft] = []
        // rules reading the facts other rules found on their trigger (`object-of`) run after them
        var deferred: [(rule: Int, at: Int)] = []
        for i in c.tokens.indices where !classes[i].isEmpty && c.mention(at: i) == nil {
            var tried = Set<Int>()
            var firedHere = Set<String>()
            for cls in classes[i] {
                for ri in set.rules(triggeredBy: cls) where tried.insert(ri).inserted {
                    let r = set.rules[ri]
                    if r.readsFacts { deferred.append((ri, i)); continue }
                    if let other = r.unlessFired.first(where: { firedHere.contains($0) }) {
                        trace?.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(other) fired")
                        continue
                    }
                    // «أكد X رفض Y لـ Z»: the masdar, not the verb (RuleEngine+Masdar.swift)
                    if let why = masdarAfterSpeech(r, at: i, c, classes, lex, say: cue.say) {
                        trace?.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(why)")
                        continue
                    }
                    // «…، حيث وصل إلى …»: a verb after a clause word continues the sentence's subject (RuleEngine+CarryOver.swift)
                    // «استقبله الرئيس X»: the object is the pronoun's referent (RuleEngine+Pronouns.swift)
                    var outcome = objectPronounReading(r, at: i, c, classes, cue, lex, table, set)
                        ?? clauseElidedSubject(r, at: i, c, classes, cue, lex, table, set) ?? apply(r, at: i, c, classes, cue, lex, table)
                    // a trigger naming no subject continues the document's earlier subject (RuleEngine+CarryOver.swift)
                    if case .failed(let why) = outcome, let carried = carriedSubject(r, at: i, c, classes, cue, lex, table, set, why) {
                        outcome = carried
                    }
                    switch outcome {
                    case .fired(let drafts):
                        firedHere.insert(r.name)
                        out += drafts
                        if let trace {
                            for d in drafts {
                                trace.note("rule \(r.name) fired on «\(c.tokens[i].text)»: \(d.type) \(label(c, d.subject)) → \(label(c, d.object))"
                                           + (d.modality == .asserted ? "" : " [\(d.modality.rawValue)]"))
                            }
                        }
                    case .failed(let why):
                        trace?.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(why)")
                    case .unmet(let q):
                        trace?.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(unmetReason(q))")
                    }
                }
            }
        }
        out += factObjectRules(deferred, c, set, classes, cue, lex, table, facts: out, trace: trace)
        // «…، إذ يجري مباحثات …» after one meeting: the talks of the same sides (RuleEngine+TalksAfterMeeting.swift)
        return out + talksAfterMeeting(out, c, classes, lex)
    }

    static func label(_ c: SentenceContext, _ key: String) -> String {
        if key == documentSubject || key == carriedSubjectKey || key == carriedObjectKey { return "(the document's earlier subject)" }
        if key == documentCountry { return "(the document's country)" }
        if key == documentPair.0 || key == documentPair.1 { return "(one of the two states)" }
        if key == documentPeople.0 || key == documentPeople.1 { return "(the two people of the last meeting)" }
        return c.mentions.first(where: { $0.key == key })?.text ?? key
    }

    struct Cues {
        let negation, denial, planned, plannedAfter, relative: Int?
        /// `PROGRAMME` («خلالها»): a present verb before it tells a visit's programme (RuleEngine+Lists.swift)
        let programme: Int?
        /// `REPORT_SAY` (RuleEngine+Masdar.swift)
        let say: Int?
        init(_ lex: WordLexicon) {
            say = lex.classID("REPORT_SAY")
            negation = lex.classID("NEGATION"); denial = lex.classID("DENIAL"); planned = lex.classID("PLANNED")
            plannedAfter = lex.classID("PLANNED_AFTER"); relative = lex.classID("RELATIVE"); programme = lex.classID("PROGRAMME")
        }
    }

    /// `unmet`: a `requires` cue missing, its reason (``unmetReason(_:)``) written only when traced.
    enum Outcome { case fired([FactDraft]), failed(String), unmet(ContextCue) }

    static func unmetReason(_ q: ContextCue) -> String { "no \(q.className) \(q.here ? "here" : q.before ? "before" : "after") it" }

    static func has(_ classes: [[Int]], _ cls: Int?, _ range: Range<Int>) -> Int? {
        guard let cls else { return nil }
        return range.first { $0 >= 0 && $0 < classes.count && classes[$0].contains(cls) }
    }

    static func window(_ i: Int, before: Bool, _ n: Int, _ count: Int) -> Range<Int> {
        before ? max(0, i - n)..<i : min(count, i + 1)..<min(count, i + 1 + n)
    }

    static func apply(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ cue: Cues,
                      _ lex: WordLexicon, _ table: RelationTable, facts: [FactDraft] = []) -> Outcome {
        // (the rule is copied only to be changed: a copy costs a retain per field)
        guard r.hasDualPeople else { return applyFinders(r, at: i, c, classes, cue, lex, table, facts: facts) }
        // `dual-people N`: the two people of the last contact when a dual names them here (RuleEngine+Pronouns.swift)
        var r = r
        let named = r.subject.contains { if case .dualPeople(let n) = $0.kind { return dualNamed(n, at: i, classes, c, lex) }; return false }
        func resolve(_ fs: [ArgumentFinder]) -> [ArgumentFinder] {
            fs.compactMap { f in
                guard case .dualPeople = f.kind else { return f }
                return named ? ArgumentFinder(kind: .documentPeople) : nil
            }
        }
        r.subject = resolve(r.subject); r.object = resolve(r.object)
        if r.subject.isEmpty { return .failed("no dual names the two sides") }
        return applyFinders(r, at: i, c, classes, cue, lex, table, facts: facts)
    }

    /// ``apply(_:at:_:_:_:_:_:facts:)`` once the rule's `dual-people` finders are resolved.
    static func applyFinders(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ cue: Cues,
                             _ lex: WordLexicon, _ table: RelationTable, facts: [FactDraft]) -> Outcome {
        func cueWindow(_ q: ContextCue) -> Range<Int> { q.here ? i..<(i + 1) : window(i, before: q.before, q.within, c.tokens.count) }
        for q in r.requires where !q.beforeSubject && has(classes, q.cls, cueWindow(q)) == nil {
            return .unmet(q)
        }
        for q in r.unless where !q.beforeSubject {
            if let k = has(classes, q.cls, cueWindow(q)) {
                return .failed("blocked by «\(c.tokens[k].text)» (\(q.className))")
            }
        }
        if r.freeTitle {
            if c.mentions.contains(where: { $0.type == .person && $0.range.lowerBound > i && ($0.role?.range.contains(i) ?? false) }) {
                return .failed("the title belongs to the name after it")
            }
            // "X، ورئيس …": a conjoined title is another person's
            let n = c.tokens[i].norm
            if n.hasPrefix("و"), !Set(lex.classes(of: String(n.dropFirst()))).isDisjoint(with: r.triggers) {
                return .failed("a conjoined title («\(c.tokens[i].text)») is not an apposition")
            }
        }
        let rel = table[r.type]
        var stateKey = ""
        func key(_ m: Int) -> String {
            m == itsStateIndex ? stateKey : m == -1 ? documentSubject : m == -2 ? documentCountry : m == -3 ? documentPair.0 : m == -4 ? documentPair.1
                : m == -7 ? documentPeople.0 : m == -8 ? documentPeople.1 : c.mentions[m].key
        }
        // the second argument looked for after the trigger is looked for after the first one
        func after(_ m: Int?) -> Int { m.map { $0 >= 0 && c.mentions[$0].range.lowerBound > i ? c.mentions[$0].range.upperBound - 1 : i } ?? i }
        let s: Int; var o: Int
        // a pair finder names both sides at once (RuleEngine+Parties.swift)
        var fixedPairs: [(Int, Int)]? = nil
        if let pf = r.subject.first, pf.kind.isPairFinder {
            let ps = partyPairs(pf, at: i, c, allowed: rel?.subjectTypes)
            guard let p0 = ps.first else { return .failed("\(pf.kind.keyword) finds no two parties") }
            fixedPairs = ps; s = p0.0; o = p0.1
        } else if case .factObject(let t)? = r.subject.first?.kind {
            // «استقبل X Y في Z»: each guest, and the object found after him (RuleEngine+FactObject.swift)
            let ps = factObjects(t, at: i, c, facts).compactMap { g in
                find(r.object, i, c, allowed: rel?.objectTypes, excluding: c.mentions[g].key, from: c.mentions[g].range.upperBound - 1).flatMap { $0 >= 0 ? (g, $0) : nil }
            }
            guard let p0 = ps.first else { return .failed("no object of an asserted \(t) here with an object of the allowed types after it") }
            fixedPairs = ps; s = p0.0; o = p0.1
        } else if r.objectFirst {
            guard let oo = find(r.object, i, c, allowed: rel?.objectTypes, excluding: nil), oo != -1 else {
                return .failed("trigger without an object of the allowed types")
            }
            guard let ss = find(r.subject, i, c, allowed: rel?.subjectTypes, excluding: key(oo), from: after(oo), subject: verbTrigger(i, classes, lex)) else {
                return .failed("trigger without a subject of the allowed types")
            }
            s = ss; o = oo
        } else {
            // a verb opening its clause takes the actor right after it (VSO: RuleEngine+VSO.swift)
            let subjectFinders = vsoSubjectOrder(r, at: i, c, classes, lex, allowed: rel?.subjectTypes) ?? r.subject
            guard let ss = find(subjectFinders, i, c, allowed: rel?.subjectTypes, excluding: nil, subject: verbTrigger(i, classes, lex)) else {
                return .failed("trigger without a subject of the allowed types")
            }
            // an object found as the document's subject ("وكان في مقدمة مستقبليه X": the visitor told before)
            if let st = itsState(r, ss, c) { stateKey = st }
            guard let oo = stateKey.isEmpty ? find(r.object, i, c, allowed: rel?.objectTypes, excluding: key(ss), from: after(ss)) : itsStateIndex,
                  !(oo == -1 && ss < 0) else {
                return .failed("trigger without an object of the allowed types")
            }
            s = ss; o = oo
        }
        if let why = subjectCuesFail(r, subject: s, at: i, c, classes) { return .failed(why) }
        if s == -3 { guard o == -3 else { return .failed("doc-pair names both sides") }; o = -4 }
        if s == -7, o == -7 { o = -8 }
        // modality: a planned cue right after the trigger or after its last argument ("يزور X الجزائر الأسبوع المقبل")
        let argEnd = [s, o].filter { $0 >= 0 }.map { c.mentions[$0].range.upperBound }.max() ?? i
        var modality = r.modality ?? .asserted
        if r.modality == nil {
            if let k = has(classes, cue.negation, max(0, i - 3)..<i) ?? has(classes, cue.denial, max(0, i - 6)..<i) {
                guard r.keepNegated else { return .failed("negated by «\(c.tokens[k].text)»") }
                modality = .negated
            }
            let lo = max(0, i - 8)
            let lastRelative = (lo..<i).last { k in has(classes, cue.relative, k..<(k + 1)) != nil }
            if modality != .negated, (max(0, i - 2)...i).contains(where: { lex.isFuture(c.tokens[$0].norm) }) || has(classes, cue.planned, (lastRelative.map { $0 + 1 } ?? lo)..<i) != nil
                || has(classes, cue.plannedAfter, (i + 1)..<min(c.tokens.count, max(i + 5, argEnd + 3))) != nil {
                modality = .planned
            }
        }
        if modality == .asserted, r.modality == nil, programmeVerb(i, c, classes, cue, lex) { modality = .planned }
        // "وصل X للتشاور مع Y": a masdar under the purpose lam is an intended event
        if modality == .asserted, r.plannedType != nil, isPurposeMasdar(c.tokens[i].norm, lex) { modality = .planned }
        var type = r.type
        if modality == .planned, let p = r.plannedType { type = p }
        if type.hasPrefix("PLANS_") { modality = .planned }
        func members(_ m: Int, _ fs: [ArgumentFinder]) -> [Int] {
            if m < 0 { return [m] }
            if fs.contains(where: { $0.wideList }) { return wideConjuncts(of: m, c, classes) }
            if fs.contains(where: { $0.backList }) { return backConjuncts(of: m, c) }
            return fs.contains(where: { $0.list }) ? c.conjuncts(of: m, adjectives: true) : [m]
        }
        let subjects = members(s, r.subject)
        let objects = members(o, r.object)
        var pairs: [(Int, Int)] = []
        if let fp = fixedPairs {
            pairs = fp
        } else if r.pairwise {
            // "وزراء خارجية مصر X والأردن Y": the i-th subject goes with the i-th object
            guard subjects.count == objects.count, subjects.count > 1 else { return .failed("lists of unequal length (pairwise)") }
            pairs = Array(zip(subjects, objects))
        } else {
            for a in subjects { for b in objects { pairs.append((a, b)) } }
        }
        var out: [FactDraft] = []
        for (a, b) in pairs {
            do {
                let sk = key(a), ok = key(b)
                // a group paired with itself is every pair of its members (Extractor.expandGroups)
                guard sk != ok || (fixedPairs != nil && sk.hasPrefix("group:")), !ok.isEmpty else { continue }
                let args = [a, b].filter { $0 >= 0 }
                let dist = args.map { m in min(abs(c.mentions[m].range.lowerBound - i), abs(c.mentions[m].range.upperBound - 1 - i)) }.max() ?? 0
                var d = FactDraft(type: type, subject: sk, object: ok, trigger: i, span: c.span(args.map { Optional($0) }, i),
                                  rule: r.name, confidence: FactRules.conf(r.confidence, dist, c, args))
                d.modality = modality
                d.takesDate = r.takesDate && ((table[type]?.kind ?? .event) == .event || r.dated)
                out.append(d)
            }
        }
        return out.isEmpty ? .failed("subject and object are the same entity") : .fired(out)
    }

    /// "للقاء", "للتشاور": a masdar (a form of a `.noun` class) behind the lam of purpose.
    static func isPurposeMasdar(_ norm: String, _ lex: WordLexicon) -> Bool {
        guard norm.hasPrefix("ل"), norm.count > 3 else { return false }
        // "لـ" + the masdar ("للقاء" = ل + لقاء), or + its article form ("للتشاور" = ل + التشاور)
        let bare = [String(norm.dropFirst())] + (norm.hasPrefix("لل") ? ["ال" + norm.dropFirst(2)] : [])
        return bare.contains { b in lex.classes(of: b).contains { lex.classNames[$0].hasSuffix(".noun") } }
    }

    /// The mention a finder names (-1 for the document's subject, -2 for its country), or nil.
    static func find(_ finders: [ArgumentFinder], _ i: Int, _ c: SentenceContext, allowed: Set<EntityType>?, excluding: String?,
                     from: Int? = nil, subject verbSubject: Bool = false) -> Int? {
        let start = from ?? i
        for f in finders {
            let types = f.types ?? allowed ?? [.person, .organization, .place]
            func ok(_ m: Int) -> Bool {
                // (the mention read in place: a `RawMention` copied costs a retain per field)
                c.mentions.withUnsafeBufferPointer { ms in
                    let mm = ms.baseAddress! + m
                    guard types.contains(mm.pointee.type), !mm.pointee.key.isEmpty, mm.pointee.key != excluding, mm.pointee.subtype != "media" else { return false }
                    // `people`: «مع الجانب المصري», the adjective after a word of PEOPLE_OF stands for its state
                    if mm.pointee.isAdjective, !f.adjectives, !(f.people && mm.pointee.range.lowerBound > 0 && c.inClass(mm.pointee.range.lowerBound - 1, "PEOPLE_OF")) { return false }
                    if !mm.pointee.isAdjective, f.adjectivesOnly { return false }
                    if f.roleOwner {
                        guard mm.pointee.range.lowerBound > 0, c.inClass(mm.pointee.range.lowerBound - 1, "ROLE_PLAYED") else { return false }
                    } else if mm.pointee.inRolePhrase, !f.inRole { return false }
                    if let st = f.subtypes, mm.pointee.type == .place, !st.contains(mm.pointee.subtype) { return false }
                    if let st = f.orgSubtypes, mm.pointee.type == .organization, !st.contains(mm.pointee.subtype) { return false }
                    if f.notEvent, mm.pointee.type == .organization, mm.pointee.subtype == "event" { return false }
                    if f.notStateBody, mm.pointee.type == .organization, FactRules.isStateBody(c, m) { return false }
                    if f.known, mm.pointee.gazetteerIDs.isEmpty { return false }
                    if f.named, mm.pointee.titleOnly { return false }
                    if f.notCountry, mm.pointee.type == .place, mm.pointee.subtype == "country" { return false }
                    if f.guessed, !mm.pointee.gazetteerIDs.isEmpty { return false }
                    if f.inTitle, !mm.pointee.inRolePhrase { return false }
                    if f.direct, governed(m, c) { return false }
                    if f.force, mm.pointee.type == .organization, !FactRules.canDeploy(c, mm.pointee) { return false }
                    if f.notLed, FactRules.afterLedBy(c, mm.pointee) { return false }
                    if f.lam, !hasLam(c, start + 1, mm.pointee.range.lowerBound) { return false }
                    // a verb's subject after it is never the object of a preposition («يلتقي بالرئيس X»): RuleEngine+CarryOver.swift
                    if verbSubject, f.isAfter, mm.pointee.type != .place, obliqueMention(m, c) { return false }
                    if f.joined {
                        // the و on the name or on its title, and the first of the pair right before it
                        let start = min(mm.pointee.range.lowerBound, mm.pointee.role?.range.lowerBound ?? Int.max)
                        guard start > 0, c.tokens[start].norm.hasPrefix("و"), let p = c.mention(at: start - 1), !c.mentions[p].inRolePhrase else { return false }
                    }
                    return true
                }
            }
            switch f.kind {
            case .documentSubject:
                return -1
            case .documentPair:
                return -3
            case .documentPeople:
                return -7   // -5 is `itsStateIndex`
            case .dualPeople:
                continue   // resolved in `apply`
            case .itsState:
                continue   // resolved from the subject (`itsState`)
            case .betweenParties, .jointSubject, .signingParties, .factObject:
                continue   // resolved in `apply` (RuleEngine+Parties.swift, RuleEngine+FactObject.swift)
            case .sentenceSubject:
                if let m = sentenceSubject(before: i, c), ok(m) { return m }
            case .documentCountry:
                // only when the phrase after the trigger names no place or organisation ("وزير الخارجية X")
                var k = i + 1, named = false
                while k < c.tokens.count, k - i <= 6, !c.isStrongPunct(k), !c.isComma(k) {
                    if let m = c.mention(at: k) {
                        if c.mentions[m].type != .person { named = true }
                        break
                    }
                    if endsPhrase(c.tokens[k].norm) { break }
                    k += 1
                }
                if !named { return -2 }
            case .speakerCountry:
                guard let b = (max(0, i - 2)..<i).last(where: { c.inClass($0, "HIS_COUNTRY") }),
                      let p = (0..<b).compactMap({ c.mention(at: $0) }).last(where: { c.mentions[$0].type == .person }),
                      let cue = c.mentions[p].role,
                      let m = cue.range.compactMap({ c.mention(at: $0) }).first(where: {
                          c.mentions[$0].type == .place && (c.mentions[$0].isAdjective || c.mentions[$0].subtype == "country")
                      }), !c.mentions[m].key.isEmpty, c.mentions[m].key != excluding else { continue }
                return m
            case .before(let n):
                var k = i - 1, farthest: Int? = nil
                while k >= 0, i - k <= n {
                    // a bracketed aside ("اليوم (الثلاثاء)", an alias) is stepped over
                    if c.tokens[k].text == ")", let open = (max(0, k - 6)..<k).last(where: { c.tokens[$0].text == "(" }) { k = open - 1; continue }
                    if c.isStrongPunct(k) { break }
                    // «قال X إن الاتحاد يدعم Y»: a verb's subject is in the clause a bare complementiser opens (not
                    // «أراد X أن يدعم»: «أن» right before the verb is the subjunctive's)
                    if verbSubject, k < i - 1, c.mention(at: k) == nil, c.inClass(k, "COMPLEMENTISER") { break }
                    if let m = c.mention(at: k) {
                        if ok(m) { if f.first { farthest = m } else { return m } }
                        k = c.mentions[m].range.lowerBound - 1; continue
                    }
                    k -= 1
                }
                if let m = farthest { return m }
            case .after(let n):
                var k = start + 1
                while k < c.tokens.count, k - start <= n {
                    if let e = bracketEnd(k, c) { k = e; continue }
                    // «وزراء: الخارجية X، والدفاع Y»: a colon after a list head opens the list (RuleEngine+Lists.swift)
                    if listColon(k, c) { k += 1; continue }
                    if c.isStrongPunct(k) || ((f.phrase || f.clause) && c.isComma(k)) { break }
                    if f.clause, c.mention(at: k) == nil, c.inClass(k, "RELATIVE") || c.inClass(k, "CLAUSE_BREAK") { break }
                    if let m = c.mention(at: k) {
                        // a title's phrase ends where the title of another person starts (adjacent-after, below)
                        if f.phrase, c.mentions[m].type == .person, c.inClass(i, "ROLE_HEAD"), let r = c.mentions[m].role?.range,
                           r.lowerBound > i, Self.opensTitle(r.lowerBound, c) { break }
                        if ok(m) { return m }
                        if f.phrase, c.mentions[m].type == .person { break }
                        k = c.mentions[m].range.upperBound; continue
                    }
                    // «وكيل الوزارة للشؤون السياسية والاقتصادية X»: a portfolio is read through (RuleEngine+Portfolio.swift)
                    if f.phrase, let e = portfolioEnd(k, c) { k = e; continue }
                    // a conjunction, a preposition of place or a clause word ends the phrase
                    if f.phrase, endsPhrase(c.tokens[k].norm) { break }
                    k += 1
                }
            case .afterPrep(let preps, let n):
                var k = start + 1
                while k < c.tokens.count, k - start <= n {
                    if let e = bracketEnd(k, c) { k = e; continue }
                    // `clause`: not across a comma (one right at the start may stand: «Y، في Z»)
                    if c.isStrongPunct(k) || (f.clause && c.isComma(k) && k > start + 1) { break }
                    if let m = c.mention(at: k) {
                        if c.mentions[m].range.lowerBound == k, ok(m), introduced(m, by: preps, c, people: f.people) { return m }
                        k = c.mentions[m].range.upperBound; continue
                    }
                    k += 1
                }
            case .adjacentBefore:
                var k = i - 1
                // a comma and the quotes closing a name may stand between ("“X”، رئيس …")
                if c.isComma(k) { k -= 1 }
                while k >= 0, i - k <= 3, c.mention(at: k) == nil, c.tokens[k].kind == .punctuation, Self.quotes.contains(c.tokens[k].text) { k -= 1 }
                if let m = c.mention(at: k), c.mentions[m].range.upperBound == k + 1, ok(m) { return m }
                // "X رئيس وزراء بلجيكا رئيس الاتحاد": a second title right after the first title's body is X's too
                if k == i - 1, let m = stackedTitleHolder(before: i, c), ok(m) { return m }
            case .adjacentAfter:
                // "X، وزير الدفاع، وY": a title in apposition to the name before it opens no name after it
                if c.mentions.contains(where: { $0.type == .person && $0.range.upperBound <= i && ($0.role?.range.contains(i) ?? false) }) { continue }
                var k = start + 1
                // place heads ("مدينة"), ranks and honorifics ("الدكتور"), a comma or a slash may stand between
                while k < c.tokens.count, k - start <= 3, c.mention(at: k) == nil,
                      isPlaceHead(c.tokens[k].norm) || Lexicon.ranks.contains(c.tokens[k].norm) || c.isComma(k)
                        || c.inClass(k, "TITLE_QUALIFIER")
                        || (c.tokens[k].kind == .punctuation && (c.tokens[k].text == "/" || Self.quotes.contains(c.tokens[k].text))) { k += 1 }
                if let m = c.mention(at: k), c.mentions[m].range.lowerBound == k, ok(m) { return m }
                // a person's title phrase starts here ("زيارة الرئيس التونسي X"): the person it names
                // (not after a title of its own: «رئيس المجلس الليبي رئيس الوزراء الإيطالي X», the first title is another's)
                if k < c.tokens.count, let p = c.mentions.indices.first(where: { c.mentions[$0].type == .person && (c.mentions[$0].role?.range.contains(k) ?? false) && c.mentions[$0].range.lowerBound > k }),
                   !c.inClass(i, "ROLE_HEAD") || !Self.opensTitle(k, c) || (c.mentions[p].role?.range.contains(i) ?? false), ok(p) { return p }
            }
        }
        return nil
    }

    /// A role head in the construct state (no article: «رئيس», «وزير», not «السفير» of a rank) at k: it opens a title
    /// of its own, so after another title it names another person (not «ووزير الخارجية X»: a title conjoined by و
    /// is the same holder's).
    static func opensTitle(_ k: Int, _ c: SentenceContext) -> Bool {
        let n = c.tokens[k].norm
        return c.inClass(k, "ROLE_HEAD") && !n.hasPrefix("ال") && !n.hasPrefix("و")
    }

    /// True when a preposition governs mention m (`direct`): a word of class `PREP` right before it, or the clitic
    /// ب written on its first word ("بالنيجر").
    static func governed(_ m: Int, _ c: SentenceContext) -> Bool {
        let mm = c.mentions[m], lo = mm.range.lowerBound
        if lo > 0, c.inClass(lo - 1, "PREP") { return true }
        let first = c.tokens[lo].norm
        let surface = ArabicNormalizer.normalize(String(mm.text.split(separator: " ").first ?? ""))
        return first.count > surface.count && (first.hasPrefix("ب") || first.hasPrefix("وب"))
    }

    /// Words that end a title phrase (`phrase`): prepositions of place and clause words (normalised).
    static let phraseEnds: Set<String> = ["من", "الي", "في", "عن", "ان", "الذي", "التي", "خلال", "بعد", "قبل", "منذ"]

    static let quotes: Set<String> = ["«", "»", "\"", "“", "”", "'"]

    static func endsPhrase(_ n: String) -> Bool { n == "و" || n.hasPrefix("وال") || phraseEnds.contains(n) }

    /// "A، والسيد “B”، رئيس وزراء …، ووزير الدفاع C": the mentions of A's type joined to it by و, across the
    /// titles, honorifics, quotes and appositions between them, within the clause (a relative pronoun ends it).
    /// The و is a word of its own, a definite or title word (والسيد، ووزير) or the name's first letter; a word
    /// of the class LIST_STOP ("بحضور") ends the list.
    static func wideConjuncts(of m: Int, _ c: SentenceContext, _ classes: [[Int]]) -> [Int] {
        var out = [m]
        let type = c.mentions[m].type
        var k = c.mentions[m].range.upperBound
        var conj = false, words = 0
        while k < c.tokens.count, words <= 6 {
            if let e = bracketEnd(k, c) { k = e; continue }
            // "بحضور X": those present are not of the list
            if c.isStrongPunct(k) || c.inClass(k, "RELATIVE") || c.inClass(k, "LIST_STOP") { break }
            if let n = c.mention(at: k) {
                let mm = c.mentions[n]
                if mm.type == type, !mm.isAdjective, !mm.inRolePhrase, !mm.key.isEmpty, mm.subtype != "media" {
                    guard conj || c.tokens[mm.range.lowerBound].norm.hasPrefix("و") else { break }
                    if !out.contains(where: { c.mentions[$0].key == mm.key }) { out.append(n) }
                    conj = false; words = 0
                } else if c.tokens[mm.range.lowerBound].norm.hasPrefix("و") {
                    conj = true; words = 0   // "وإيران X": the و on a qualifier of the next member
                }
                k = mm.range.upperBound; continue
            }
            let t = c.tokens[k]
            if t.kind == .word {
                if t.norm == "و" || t.norm.hasPrefix("وال") || (t.norm.hasPrefix("و") && (c.inClass(k, "ROLE_HEAD") || c.inClass(k, "CONJ"))) {
                    conj = true; words = 0
                } else { words += 1 }
            }
            k += 1
        }
        return out
    }

    /// The token after a short bracketed aside opening at k ("(Giorgia Meloni)", "(الثلاثاء)"), or nil.
    static func bracketEnd(_ k: Int, _ c: SentenceContext) -> Int? {
        guard PunctText.isASCII(c.tokens[k].text, 0x28) else { return nil }   // "("
        return (k + 1..<min(c.tokens.count, k + 8)).first(where: { PunctText.isASCII(c.tokens[$0].text, 0x29) }).map { $0 + 1 }   // ")"
    }

    static func isPlaceHead(_ n: String) -> Bool {
        Lexicon.placeHeads.contains(n) || Lexicon.facilityHeads.contains(n)
            || (n.count > 3 && ["ب", "ل", "و", "ف"].contains(n.first.map(String.init) ?? "") && Lexicon.placeHeads.contains(String(n.dropFirst())))
    }

    /// True when mention m follows one of the prepositions, a place head noun ("إلى العاصمة X", "بمدينة X")
    /// allowed between.
    static func introduced(_ m: Int, by preps: [String], _ c: SentenceContext, people: Bool = false) -> Bool {
        let mm = c.mentions[m]
        // a person's title stands between the preposition and the name ("مع الرئيس الجزائري X", "بالرئيس X")
        var j = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max)
        var steps = 0
        // "إلى العاصمة الإثيوبية X", "مع الملك الأردني X": a nationality adjective may follow the head noun or a person's title
        while steps < 3, j - 1 >= 0 {
            if let a = c.mention(at: j - 1) {
                let lo = c.mentions[a].range.lowerBound
                guard c.mentions[a].isAdjective, lo >= 1, c.mention(at: lo - 1) == nil,
                      isPlaceHead(c.tokens[lo - 1].norm) || (mm.type == .person && c.inClass(lo - 1, "ROLE_HEAD")) else { break }
                j = c.mentions[a].range.lowerBound; steps += 1; continue
            }
            guard isPlaceHead(c.tokens[j - 1].norm) || c.inClass(j - 1, "DIRECTION") || (mm.type == .person && c.inClass(j - 1, "ROLE_HEAD"))
                    || (people && mm.isAdjective && c.inClass(j - 1, "PEOPLE_OF")) else { break }
            j -= 1; steps += 1
        }
        let first = c.tokens[j].norm
        // (computed when a clitic preposition is looked for on the name itself)
        lazy var surfaceFirst = ArabicNormalizer.normalize(String(mm.text.split(separator: " ").first ?? ""))
        for p in preps {
            if p.hasSuffix("-") {
                let pre = String(p.dropLast())
                if j < mm.range.lowerBound {
                    if first.hasPrefix(pre) || first.hasPrefix("و" + pre) { return true }
                    continue
                }
                // the clitic is on the name's first word: "بالجزائر", "لتونس", "وبطرابلس"
                let bare = surfaceFirst.hasPrefix("ال") ? String(surfaceFirst.dropFirst(2)) : surfaceFirst
                for q in [pre, "و" + pre] where first == q + surfaceFirst || first == q + "ال" + bare
                    || (pre == "ل" && surfaceFirst.hasPrefix("ال") && first == String(q.dropLast()) + "لل" + bare)
                    // the mention read without the article the lam swallowed: «للسعودية» → «سعودية»
                    || (pre == "ل" && first == q + "ل" + surfaceFirst) { return true }
            } else if j > 0, c.tokens[j - 1].norm == p || c.tokens[j - 1].norm == "و" + p {
                return true
            }
        }
        return false
    }
}

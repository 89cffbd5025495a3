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
        // words inside a name trigger nothing and serve as no cue
        // (the classes the context looked up: `lex` is its rule set's lexicon; the context's own array when no token
        // but a word outside the names has classes, else a copy with those emptied: no array made per sentence)
        var classes = c.tokenClasses
        var any = false, masked = false
        c.tokens.withUnsafeBufferPointer { tb in
            for i in tb.indices where !classes[i].isEmpty {
                if tb[i].kind == .word && c.mention(at: i) == nil { any = true } else { masked = true }
            }
        }
        guard any else { return [] }
        if masked {
            c.tokens.withUnsafeBufferPointer { tb in
                for i in tb.indices where !classes[i].isEmpty && !(tb[i].kind == .word && c.mention(at: i) == nil) { classes[i] = [] }
            }
        }
        if let trace {
            let seen = c.tokens.indices.filter { !classes[$0].isEmpty && c.mention(at: $0) == nil }
                .map { "«\(c.tokens[$0].text)» \(classes[$0].map { lex.classNames[$0] }.filter { !$0.contains(".") }.joined(separator: ","))" }
            if !seen.isEmpty { trace.note("triggers: " + seen.joined(separator: " ")) }
        }
        // (`set` is the context's rule set, FactRules.extract: the context's classes and class ids are its lexicon's)
        assert(c.classInfo.serial == lex.serial)
        let cue = c.classInfo.cues
        var out: [FactDraft] = []
        // rules reading the facts other rules found on their trigger (`object-of`) run after them
        var deferred: [(rule: Int, at: Int)] = []
        // the rules already tried on the trigger word (a few a word: no array of every rule made per sentence)
        var tried: [Int] = []
        tried.reserveCapacity(32)
        // answers that depend on the trigger word only, shared by the rules tried on it (RuleEngine+ClassIDs.swift)
        let positions = TriggerPositions(count: c.tokens.count)
        let info = c.classInfo
        for i in c.tokens.indices where !classes[i].isEmpty && c.mention(at: i) == nil {
            // (the names of the rules fired on this word: a few, compared with `==` as `Set.contains` does after hashing)
            var firedHere: [String] = []
            tried.removeAll(keepingCapacity: true)
            for cls in classes[i] {
                for ri in set.rules(triggeredBy: cls) where !tried.contains(ri) {
                    tried.append(ri)
                    // without a trace, a rule whose cues at the trigger rule it out is not copied nor read: none of
                    // its readings can fire (`cuesRuleOut`); traced, each reading tells why it did not
                    if trace == nil, !set.rules[ri].readsFacts,
                       cuesRuleOut(set.rules[ri].requires, set.rules[ri].unless, at: i, count: c.tokens.count, classes) { continue }
                    let r = set.rules[ri]
                    if r.readsFacts { deferred.append((ri, i)); continue }
                    if !r.unlessFired.isEmpty, !firedHere.isEmpty, let other = r.unlessFired.first(where: { firedHere.contains($0) }) {
                        trace?.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(other) fired")
                        continue
                    }
                    // «أكد X رفض Y لـ Z»: the masdar, not the verb (RuleEngine+Masdar.swift)
                    if let trace {
                        if let why = masdarAfterSpeech(r, at: i, c, classes, lex, say: cue.say) {
                            trace.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(why)")
                            continue
                        }
                    } else if positions.masdarContext(i, c, classes, say: cue.say), masdarAmbiguous(r.triggers, i, classes, info) {
                        continue
                    }
                    // «…، حيث وصل إلى …»: a verb after a clause word continues the sentence's subject (RuleEngine+CarryOver.swift)
                    // «استقبله الرئيس X»: the object is the pronoun's referent (RuleEngine+Pronouns.swift)
                    // (untraced, a rule no object finder of which can name anything here fails without its subject
                    // being looked for: RuleEngine+ObjectReach.swift)
                    let carry = set.carryFlags[ri]
                    var outcome = objectPronounReading(r, at: i, c, classes, cue, lex, table, set, positions)
                        ?? clauseElidedSubject(r, at: i, c, classes, cue, lex, table, set, positions, carry: carry)
                        ?? (trace == nil && objectOutOfReach(r, c, table) ? .failed(noObjectReason) : apply(r, at: i, c, classes, cue, lex, table))
                    // a trigger naming no subject continues the document's earlier subject (RuleEngine+CarryOver.swift)
                    if case .failed(let why) = outcome, let carried = carriedSubject(r, at: i, c, classes, cue, lex, table, set, why, carry: carry) {
                        outcome = carried
                    }
                    switch outcome {
                    case .fired(let drafts):
                        if !firedHere.contains(r.name) { firedHere.append(r.name) }
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
            if c.firstMention(where: { $0.pointee.type == .person && $0.pointee.range.lowerBound > i && ($0.pointee.role?.range.contains(i) ?? false) }) != nil {
                return .failed("the title belongs to the name after it")
            }
            // "X، ورئيس …": a conjoined title is another person's
            let n = c.tokens[i].norm
            if n.plainHasPrefix("و"), !Set(lex.classes(of: String(n.dropFirst()))).isDisjoint(with: r.triggers) {
                return .failed("a conjoined title («\(c.tokens[i].text)») is not an apposition")
            }
        }
        // (the allowed types only, as bits: RuleEngine+Relations.swift)
        let rel = RelationIndex.allowedBits(table, r.type)
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
            let ps = partyPairs(pf, at: i, c, allowed: RelationIndex.allowed(table, r.type)?.subjectTypes)
            guard let p0 = ps.first else { return .failed("\(pf.kind.keyword) finds no two parties") }
            fixedPairs = ps; s = p0.0; o = p0.1
        } else if case .factObject(let t)? = r.subject.first?.kind {
            // «استقبل X Y في Z»: each guest, and the object found after him (RuleEngine+FactObject.swift)
            let ps = factObjects(t, at: i, c, facts).compactMap { g in
                find(r.object, i, c, allowedBits: rel.object, excluding: c.mentions[g].key, from: c.mentions[g].range.upperBound - 1).flatMap { $0 >= 0 ? (g, $0) : nil }
            }
            guard let p0 = ps.first else { return .failed("no object of an asserted \(t) here with an object of the allowed types after it") }
            fixedPairs = ps; s = p0.0; o = p0.1
        } else if r.objectFirst {
            guard let oo = find(r.object, i, c, allowedBits: rel.object, excluding: nil), oo != -1 else {
                return .failed("trigger without an object of the allowed types")
            }
            guard let ss = find(r.subject, i, c, allowedBits: rel.subject, excluding: key(oo), from: after(oo), subject: c.classInfo.hasVerb(classes[i])) else {
                return .failed("trigger without a subject of the allowed types")
            }
            s = ss; o = oo
        } else {
            // a verb opening its clause takes the actor right after it (VSO: RuleEngine+VSO.swift)
            let subjectFinders = vsoSubjectOrder(r, at: i, c, classes, lex, allowedBits: rel.subject) ?? r.subject
            guard let ss = find(subjectFinders, i, c, allowedBits: rel.subject, excluding: nil, subject: c.classInfo.hasVerb(classes[i])) else {
                return .failed("trigger without a subject of the allowed types")
            }
            // an object found as the document's subject ("وكان في مقدمة مستقبليه X": the visitor told before)
            if let st = itsState(r, ss, c) { stateKey = st }
            guard let oo = stateKey.isEmpty ? find(r.object, i, c, allowedBits: rel.object, excluding: key(ss), from: after(ss)) : itsStateIndex,
                  !(oo == -1 && ss < 0) else {
                return .failed("trigger without an object of the allowed types")
            }
            s = ss; o = oo
        }
        if let why = subjectCuesFail(r, subject: s, at: i, c, classes) { return .failed(why) }
        if s == -3 { guard o == -3 else { return .failed("doc-pair names both sides") }; o = -4 }
        if s == -7, o == -7 { o = -8 }
        // modality: a planned cue right after the trigger or after its last argument ("يزور X الجزائر الأسبوع المقبل")
        let argEnd = argumentEnd(s, o, i, c)
        var modality = r.modality ?? .asserted
        if r.modality == nil {
            if let k = has(classes, cue.negation, max(0, i - 3)..<i) ?? has(classes, cue.denial, max(0, i - 6)..<i) {
                guard r.keepNegated else { return .failed("negated by «\(c.tokens[k].text)»") }
                modality = .negated
            }
            let lo = max(0, i - 8)
            let lastRelative = (lo..<i).last { k in has(classes, cue.relative, k..<(k + 1)) != nil }
            if modality != .negated, anyFuture(max(0, i - 2), i, c, lex) || has(classes, cue.planned, (lastRelative.map { $0 + 1 } ?? lo)..<i) != nil
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
                let dist = argumentDistance(args, i, c)
                var d = FactDraft(type: type, subject: sk, object: ok, trigger: i, span: c.span(args.map { Optional($0) }, i),
                                  rule: r.name, confidence: FactRules.conf(r.confidence, dist, c, args))
                d.modality = modality
                d.takesDate = r.takesDate && ((RelationIndex.flags(table, type)?.event ?? true) || r.dated)
                out.append(d)
            }
        }
        return out.isEmpty ? .failed("subject and object are the same entity") : .fired(out)
    }

    /// "للقاء", "للتشاور": a masdar (a form of a `.noun` class) behind the lam of purpose.
    static func isPurposeMasdar(_ norm: String, _ lex: WordLexicon) -> Bool {
        guard norm.plainHasPrefix("ل"), norm.count > 3 else { return false }
        // "لـ" + the masdar ("للقاء" = ل + لقاء), or + its article form ("للتشاور" = ل + التشاور)
        let bare = [String(norm.dropFirst())] + (norm.plainHasPrefix("لل") ? ["ال" + norm.dropFirst(2)] : [])
        return bare.contains { b in lex.classes(of: b).contains { lex.classNames[$0].hasSuffix(".noun") } }
    }
}

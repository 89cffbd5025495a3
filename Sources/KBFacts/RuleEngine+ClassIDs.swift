import Foundation
import KBGraph
import KBText

/// What the rule engine asks of a lexicon on every sentence, looked up once per lexicon (serial) instead of per
/// question: the ids of the word classes it names in Swift (`inClass(k, "PREP")` hashed the class name on every
/// call) and which classes are a verb's finite forms (`CLASS.verb`) or its masdars (`CLASS.noun`) (`verbTrigger`
/// compared the class names' suffixes per class of the word, per rule tried).
final class LexiconClassInfo: @unchecked Sendable {
    /// class id → the class is a `CLASS.verb` / a `CLASS.noun`
    let isVerb: [Bool], isNoun: [Bool]
    /// class id of a `CLASS.verb` → the id of its `CLASS.noun`, when the lexicon has one
    let nounOfVerb: [Int?]
    let prep, reportThat, relative, clauseBreak, clauseLink, vsoOpen, roleHead, complementiser, obliquePrep,
        passiveAux, peopleOf, rolePlayed, titleQualifier, listStop, conj, atPrep, direction: Int?
    /// the classes of `Extractor.soleOffice` (Extractor+SoleHolders.swift)
    let soleHead, soleOffice, sharedOffice, formerHolder, officeFiller, officeGovernment, officeState: Int?
    /// the classes of `FactRules.attribute` (FactAttribution.swift)
    let reportSay, reportAccording, reportSource, reportNotThat: Int?

    init(_ lex: WordLexicon) {
        let names = lex.classNames
        isVerb = names.map { $0.hasSuffix(".verb") }
        isNoun = names.map { $0.hasSuffix(".noun") }
        nounOfVerb = names.map { $0.hasSuffix(".verb") ? lex.classID(String($0.dropLast(5)) + ".noun") : nil }
        prep = lex.classID("PREP"); reportThat = lex.classID("REPORT_THAT"); relative = lex.classID("RELATIVE")
        clauseBreak = lex.classID("CLAUSE_BREAK"); clauseLink = lex.classID("CLAUSE_LINK"); vsoOpen = lex.classID("VSO_OPEN")
        roleHead = lex.classID("ROLE_HEAD"); complementiser = lex.classID("COMPLEMENTISER"); obliquePrep = lex.classID("OBLIQUE_PREP")
        passiveAux = lex.classID("PASSIVE_AUX"); peopleOf = lex.classID("PEOPLE_OF"); rolePlayed = lex.classID("ROLE_PLAYED")
        titleQualifier = lex.classID("TITLE_QUALIFIER"); listStop = lex.classID("LIST_STOP"); conj = lex.classID("CONJ")
        atPrep = lex.classID("AT_PREP"); direction = lex.classID("DIRECTION")
        soleHead = lex.classID("SOLE_HEAD"); soleOffice = lex.classID("SOLE_OFFICE"); sharedOffice = lex.classID("SHARED_OFFICE")
        formerHolder = lex.classID("FORMER_HOLDER"); officeFiller = lex.classID("OFFICE_FILLER")
        officeGovernment = lex.classID("OFFICE_GOVERNMENT"); officeState = lex.classID("OFFICE_STATE")
        reportSay = lex.classID("REPORT_SAY"); reportAccording = lex.classID("REPORT_ACCORDING")
        reportSource = lex.classID("REPORT_SOURCE"); reportNotThat = lex.classID("REPORT_NOT_THAT")
        cues = RuleEngine.Cues(lex)
        serial = lex.serial
    }
    /// The cue classes of `RuleEngine.run` (made per sentence before).
    let cues: RuleEngine.Cues
    /// The serial of the lexicon described.
    let serial: UInt64

    private static let lock = NSLock()
    nonisolated(unsafe) private static var bySerial: [UInt64: LexiconClassInfo] = [:]

    /// The info of a lexicon, made on first use (a lexicon's serial changes whenever entries are added).
    static func of(_ lex: WordLexicon) -> LexiconClassInfo {
        lock.lock(); defer { lock.unlock() }
        if let hit = bySerial[lex.serial] { return hit }
        let info = LexiconClassInfo(lex)
        bySerial[lex.serial] = info
        return info
    }

    /// True when one of the classes is a `CLASS.verb` (`RuleEngine.verbTrigger`).
    @inline(__always)
    func hasVerb(_ classes: [Int]) -> Bool { classes.contains { isVerb[$0] } }
}

extension SentenceContext {
    /// `lex.isFuture(tokens[k].norm)`, remembered for the sentence when `lex` is the context's own lexicon (the
    /// rules tried on a word ask it of the same few words before it).
    func isFuture(_ k: Int, _ lex: WordLexicon) -> Bool {
        lex.serial == classInfo.serial ? isFuture(k) : lex.isFuture(tokens[k].norm)
    }

    /// `isFuture(k, lexicon)` with the context's own lexicon (its rule set's, whose serial `classInfo` has).
    func isFuture(_ k: Int) -> Bool { memo.future(k) { rules.set.lexicon.isFuture(tokens[k].norm) } }

    /// `inClass(i, NAME)` with the class id of NAME from ``LexiconClassInfo`` (no hashing of the name).
    @inline(__always)
    func inClass(_ i: Int, _ id: Int?) -> Bool {
        guard let id, i >= 0, i < tokens.count, hasClasses(i) else { return false }
        return tokenClasses[i].contains(id)
    }
}

/// Answers of the rule engine that depend on the trigger position only, not on the rule tried there, computed for
/// the first rule that asks and kept for the sentence's other rules on the same word (`RuleEngine.run`).
final class TriggerPositions {
    /// per token, three stretches of one buffer (one allocation a sentence; no exclusivity check per access):
    /// `masdar` 0 not computed yet, 1 false, 2 true; `clause` the clause word before the verb + 2, 1 none, 0 not
    /// computed; `pronoun` as `masdar`: a verb carrying an object pronoun
    private let slots: UnsafeMutableBufferPointer<Int>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: 3 * count); slots.initialize(repeating: 0)
    }
    deinit { slots.deallocate() }
    private func masdar(_ i: Int) -> UnsafeMutablePointer<Int> { precondition(i >= 0 && i < count); return slots.baseAddress! + i }
    private func clause(_ i: Int) -> UnsafeMutablePointer<Int> { precondition(i >= 0 && i < count); return slots.baseAddress! + count + i }
    private func pronoun(_ i: Int) -> UnsafeMutablePointer<Int> { precondition(i >= 0 && i < count); return slots.baseAddress! + 2 * count + i }

    /// `RuleEngine.objectPronounVerb(at: i, …)`.
    func objectPronounVerb(at i: Int, _ classes: [[Int]], _ c: SentenceContext, _ lex: WordLexicon) -> Bool {
        let p = pronoun(i)
        if p.pointee != 0 { return p.pointee == 2 }
        let v = RuleEngine.objectPronounVerb(at: i, classes, c, lex)
        p.pointee = v ? 2 : 1
        return v
    }

    /// The position half of `RuleEngine.masdarAfterSpeech`: a preposition right before the word, or a verb of saying
    /// before it in its clause with nothing but its subject between. The rule half is `masdarAmbiguous`.
    func masdarContext(_ i: Int, _ c: SentenceContext, _ classes: [[Int]], say: Int?) -> Bool {
        let p = masdar(i)
        if p.pointee != 0 { return p.pointee == 2 }
        let v = RuleEngine.masdarContext(i, c, classes, say: say)
        p.pointee = v ? 2 : 1
        return v
    }

    /// `RuleEngine.clauseWord(before: i, c)`.
    func clauseWord(before i: Int, _ c: SentenceContext) -> Int? {
        let p = clause(i)
        if p.pointee == 0 { p.pointee = (RuleEngine.clauseWord(before: i, c) ?? -1) + 2 }
        return p.pointee >= 2 ? p.pointee - 2 : nil
    }
}

extension RuleEngine {
    /// True when no rule with these cues can fire on the trigger at i: a `requires` cue (not `before-subject`) is
    /// missing or an `unless` cue (not `before-subject`) is present. Every reading of a rule (its own, the
    /// object-pronoun, the clause-elided and the carried-subject readings, which change only its finders) checks
    /// them first in `applyFinders` and ends unmet or failed there; this is that check, before any of the readings.
    static func cuesRuleOut(_ requires: [ContextCue], _ unless: [ContextCue], at i: Int, count: Int, _ classes: [[Int]]) -> Bool {
        for q in requires where !q.beforeSubject {
            let w = q.here ? i..<(i + 1) : window(i, before: q.before, q.within, count)
            if has(classes, q.cls, w) == nil { return true }
        }
        for q in unless where !q.beforeSubject {
            let w = q.here ? i..<(i + 1) : window(i, before: q.before, q.within, count)
            if has(classes, q.cls, w) != nil { return true }
        }
        return false
    }

    /// `masdarAfterSpeech(r, at: i, …) != nil`, as the position's half (``TriggerPositions/masdarContext``) and
    /// the rule's (`masdarAmbiguous`).
    static func masdarContext(_ i: Int, _ c: SentenceContext, _ classes: [[Int]], say: Int?) -> Bool {
        let info = c.classInfo
        if i > 0, c.mention(at: i - 1) == nil, c.inClass(i - 1, info.prep) { return true }
        guard let say else { return false }
        var k = i - 1
        while k >= 0, i - k <= 7, !c.isStrongPunct(k), !c.isComma(k) {
            if !classes[k].isEmpty, c.mention(at: k) == nil {
                if c.inClass(k, info.reportThat) { return false }
                if classes[k].contains(say) { return true }
            }
            k -= 1
        }
        return false
    }

    /// The `ambiguous()` test of `masdarAfterSpeech`: the word is both a finite form of one of the rule's verb
    /// classes and a masdar of the same class.
    static func masdarAmbiguous(_ triggers: [Int], _ i: Int, _ classes: [[Int]], _ info: LexiconClassInfo) -> Bool {
        triggers.contains { t in
            guard classes[i].contains(t), info.isVerb[t], let noun = info.nounOfVerb[t] else { return false }
            return classes[i].contains(noun)
        }
    }
}

extension SentenceContext {
    /// The index of the first mention for which `p` holds, each read in place (a `RawMention` copied costs a retain
    /// per field: `mentions.contains(where:)` copied every mention it looked at).
    @inline(__always)
    func firstMention(where p: (UnsafePointer<RawMention>) -> Bool) -> Int? {
        mentions.withUnsafeBufferPointer { ms in
            guard let base = ms.baseAddress else { return nil }
            for k in 0..<ms.count where p(base + k) { return k }
            return nil
        }
    }
}

/// Answers about one sentence's mentions and tokens that depend on them alone, computed for the first rule (or
/// finder) that asks and kept for the others: the rules tried on a sentence look at the same few mentions and words
/// again and again (`RuleEngine.governed` split and normalised the mention's text on every call).
final class SentenceMemo {
    /// per mention (governed, oblique, introduced by «في») and per token (place head, future, place break): 0 not
    /// computed yet, 1 false, 2 true; one buffer of its own (no exclusivity check per access, one allocation a
    /// sentence), the three per-mention stretches first, then the three per-token ones
    private let flags: UnsafeMutableBufferPointer<UInt8>
    private let mentions: Int, tokens: Int
    private var surfaces: [String?]

    init(mentions: Int, tokens: Int) {
        self.mentions = mentions; self.tokens = tokens
        flags = .allocate(capacity: 3 * mentions + 3 * tokens); flags.initialize(repeating: 0)
        surfaces = [String?](repeating: nil, count: mentions)
    }
    deinit { flags.deallocate() }

    /// Flag k of the stretch that starts at `base` and holds `n` flags.
    @inline(__always)
    private func flag(_ base: Int, _ n: Int, _ k: Int, _ compute: () -> Bool) -> Bool {
        precondition(k >= 0 && k < n)
        let f = flags.baseAddress! + base + k
        if f.pointee != 0 { return f.pointee == 2 }
        let v = compute()
        f.pointee = v ? 2 : 1
        return v
    }

    /// `RuleEngine.governed(m, c)`.
    func governed(_ m: Int, _ compute: () -> Bool) -> Bool { flag(0, mentions, m, compute) }
    /// `RuleEngine.obliqueMention(m, c)`.
    func oblique(_ m: Int, _ compute: () -> Bool) -> Bool { flag(mentions, mentions, m, compute) }
    /// `RuleEngine.isPlaceHead` of token k's normalised form.
    func placeHead(_ k: Int, _ compute: () -> Bool) -> Bool { flag(3 * mentions, tokens, k, compute) }
    /// `isFuture` of token k's normalised form in the context's lexicon (``SentenceContext/isFuture(_:_:)``).
    func future(_ k: Int, _ compute: () -> Bool) -> Bool { flag(3 * mentions + tokens, tokens, k, compute) }
    /// `EventPlaces.place`'s clause break at token k (each event of the sentence scans the same words).
    func placeBreak(_ k: Int, _ compute: () -> Bool) -> Bool { flag(3 * mentions + 2 * tokens, tokens, k, compute) }
    /// `EventPlaces.introducedByIn` of mention m.
    func introducedIn(_ m: Int, _ compute: () -> Bool) -> Bool { flag(2 * mentions, mentions, m, compute) }

    /// `RuleEngine.introduced(m, by: preps, …, people:)` answered for the sentence: the mention, `people` and the list
    /// (kept, so that its storage is neither freed nor reused while the memo has it; another list with the same
    /// bytes asks the same), for the rules that look for the same mention after the same prepositions.
    private var introducedSeen: [(m: Int, people: Bool, value: Bool, preps: [String])] = []

    func introduced(_ m: Int, _ preps: [String], people: Bool, _ compute: () -> Bool) -> Bool {
        for k in introducedSeen.indices where introducedSeen[k].m == m && introducedSeen[k].people == people
            && Self.sameBytes(introducedSeen[k].preps, preps) {
            return introducedSeen[k].value
        }
        let v = compute()
        introducedSeen.append((m, people, v, preps))
        return v
    }

    /// The same strings, byte for byte (the same storage first).
    private static func sameBytes(_ a: [String], _ b: [String]) -> Bool {
        let same = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
        return same || (a.count == b.count && zip(a, b).allSatisfy { $0.utf8.elementsEqual($1.utf8) })
    }

    /// The first word of mention m's text, normalised.
    func surfaceFirst(_ m: Int, _ c: SentenceContext) -> String {
        if let s = surfaces[m] { return s }
        let s = ArabicNormalizer.normalize(String(PlainConcat.firstWord(c.mentions[m].text) ?? ""))
        surfaces[m] = s
        return s
    }
}

extension FactRules {
    /// A word set of the fact rules compiled once (`matches` looked the compiled set up per word).
    struct Matcher: @unchecked Sendable {
        let set: WordSet
        let compiled: CompiledWordSet?
        /// (`matches` of a `WordSet` asks its stored strings when it has them, else its keys form by form)
        init(_ set: WordSet) {
            self.set = set
            compiled = set.hasStoredStrings ? RuleWordSets.compiled(set.strings) : nil
        }
        init(_ strings: Set<String>) {
            set = WordSet(keys: [])
            compiled = RuleWordSets.compiled(strings)
        }
        /// `c.matches(i, set)`.
        @inline(__always)
        func test(_ c: SentenceContext, _ i: Int) -> Bool {
            if let compiled { return c.matches(i, compiled) }
            return c.matches(i, set)
        }
        static let visit = Matcher(FactRules.visitVerbs), arrive = Matcher(FactRules.arriveVerbs),
                   travel = Matcher(FactRules.travelWords), visitNoun = Matcher(FactRules.visitNouns),
                   receive = Matcher(FactRules.receiveWords), meet = Matcher(FactRules.meetWords), talks = Matcher(FactRules.talksWords),
                   listCues = Matcher(FactRules.listCues)
    }
}

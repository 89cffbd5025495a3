import KBGraph
import KBText

/// The sentence as the fact rules see it: tokens, resolved mentions and dates.
struct SentenceContext {
    let tokens: [Token]
    let mentions: [RawMention]
    let dates: [DateMention]
    let gazetteer: Gazetteer
    /// The data rules run on this sentence, and the trace that records them (inspect).
    /// (held through one reference: the context is passed and captured a great deal)
    let rules: RuleSet.Shared
    var ruleSet: RuleSet { rules.set }
    let trace: ExtractionTrace?
    private let owner: [Int?]
    /// Per token: ``PunctBits`` (commas, strong punctuation, brackets), read from the text once per sentence, and
    /// whether the word has rule forms (`PunctBits.forms`) and lexicon classes (`PunctBits.classes`): most words have
    /// neither, and then `matches` and `inClass` answer without reading (and retaining) their arrays.
    let marks: [UInt8]
    /// The entity types (``PlainConcat/bit(_:)``) of the mentions an argument finder may name: with a key, not a
    /// media outlet (`RuleEngine.find`).
    let candidateTypeBits: UInt8

    /// The normalised form and clitic-free stems of each word that has rule forms (most have none), in token order,
    /// and per token its index there (-1: none): the context holds (and releases) no empty forms per token.
    private let wordForms: [RuleForms]
    private let formsAt: [Int32]

    /// Each token's lexicon classes (`lexicon.classes(of: norm)`), looked up once per sentence: `inClass` and the
    /// rule engine read them here instead of probing the word records again per question.
    let tokenClasses: [[Int]]
    /// The class ids and kinds of the rule set's lexicon (RuleEngine+ClassIDs.swift).
    let classInfo: LexiconClassInfo
    /// Answers about this sentence's mentions and tokens that depend on nothing else, kept for the rules that ask
    /// them again (RuleEngine+ClassIDs.swift).
    let memo: SentenceMemo

    init(tokens: [Token], mentions: [RawMention], dates: [DateMention], gazetteer: Gazetteer,
         rules: RuleSet.Shared = RuleSet.sharedBundled, trace: ExtractionTrace? = nil) {
        self.tokens = tokens; self.mentions = mentions; self.dates = dates; self.gazetteer = gazetteer
        self.rules = rules; self.trace = trace
        // (arrays made by initializing their storage at once: `init(repeating:count:)` set them element by element)
        // (the buffer may be longer than asked: `tokens.count` elements are set and counted)
        let count = tokens.count
        var o = [Int?](unsafeUninitializedCapacity: count) { b, n in b.baseAddress?.initialize(repeating: nil, count: count); n = count }
        for (k, m) in mentions.enumerated() { for t in m.range where t < o.count { o[t] = k } }
        owner = o
        var bits: UInt8 = 0
        for k in mentions.indices where !mentions[k].key.isEmpty && mentions[k].subtype != "media" { bits |= PlainConcat.bit(mentions[k].type) }
        candidateTypeBits = bits
        // only words that some rule looks for keep their forms: `matches` is then a single test for the rest
        // (with the vocabulary id of each form: `matches` tests bits, see RuleWordSets.swift)
        // (the lexicon copied once: `rules.set.lexicon` in the loop copied it per token)
        let lexicon = rules.set.lexicon, serial = lexicon.serial
        // (a word's forms and classes from one look-up of its record when this thread has both)
        var forms: [RuleForms] = [], classes: [[Int]] = []
        classes.reserveCapacity(tokens.count)
        var at = [Int32](unsafeUninitializedCapacity: count) { b, n in b.baseAddress?.initialize(repeating: -1, count: count); n = count }
        // (the tokens read in place: a `Token` copied costs a retain per string)
        var marks = [UInt8](unsafeUninitializedCapacity: count) { b, n in b.baseAddress?.initialize(repeating: 0, count: count); n = count }
        tokens.withUnsafeBufferPointer { tb in
            for k in tb.indices where tb[k].kind == .punctuation || tb[k].text.utf8.count == 1 {
                marks[k] = PunctBits.of(tb[k].kind, tb[k].text)
            }
            for k in tb.indices {
                let f: RuleForms, cs: [Int]
                if tb[k].kind == .word, let both = Clitics.cachedRuleFormsAndClasses(tb[k].norm, serial: serial) {
                    f = both.forms; cs = both.classes
                } else {
                    f = tb[k].kind == .word ? Clitics.ruleForms(tb[k].norm, RuleForms.compute) : .none
                    // (this thread's record first; the look-up through the lexicon out of line: inlined here, it
                    // copied the lexicon for every token)
                    cs = Clitics.cachedLexiconClasses(tb[k].norm, serial: serial) ?? Self.lexiconClasses(lexicon, tb[k].norm)
                }
                // (a word's forms are none exactly when it has no vocabulary id: `RuleForms.compute`)
                if !f.ids.isEmpty { at[k] = Int32(forms.count); forms.append(f); marks[k] |= PunctBits.forms }
                if !cs.isEmpty { marks[k] |= PunctBits.classes }
                classes.append(cs)
            }
        }
        self.marks = marks
        wordForms = forms
        formsAt = at
        tokenClasses = classes
        classInfo = rules.classInfo
        memo = SentenceMemo(mentions: mentions.count, tokens: tokens.count)
    }

    /// `lexicon.classes(of: norm)`, kept out of line (``init(tokens:mentions:dates:gazetteer:rules:trace:)``).
    @inline(never)
    static func lexiconClasses(_ lexicon: WordLexicon, _ norm: String) -> [Int] { lexicon.classes(of: norm) }

    func mention(at i: Int) -> Int? { i >= 0 && i < owner.count ? owner[i] : nil }

    /// People and organisations act; media outlets are sources, not actors.
    func isActor(_ m: RawMention) -> Bool {
        (m.type == .person || m.type == .organization) && !m.isAdjective && m.subtype != "media"
    }

    /// The word (normalised) at i and its clitic-free stems.
    /// The word's clitic-free forms, when it is one the rules look for (else empty).
    func forms(_ i: Int) -> [String] {
        i >= 0 && i < tokens.count && formsAt[i] >= 0 ? wordForms[Int(formsAt[i])].forms : []
    }

    /// `forms(i).contains { set.contains($0) }`, by vocabulary ids.
    func matches(_ i: Int, _ set: Set<String>) -> Bool {
        guard hasRuleForms(i) else { return false }
        return RuleWordSets.compiled(set).containsAny(wordForms[Int(formsAt[i])])
    }

    /// `matches(i, set)` for a set compiled beforehand (``FactRules/Matcher``): no look-up of the compiled set per word.
    func matches(_ i: Int, _ compiled: CompiledWordSet) -> Bool {
        guard hasRuleForms(i) else { return false }
        return compiled.containsAny(wordForms[Int(formsAt[i])])
    }

    /// True when the word at i has a form some rule looks for: else `matches` is false for every set.
    func hasRuleForms(_ i: Int) -> Bool { i >= 0 && i < tokens.count && marks[i] & PunctBits.forms != 0 }

    /// True when the token at i has lexicon classes (`tokenClasses[i]` is not empty).
    @inline(__always)
    func hasClasses(_ i: Int) -> Bool { marks[i] & PunctBits.classes != 0 }

    /// True when the word at i is in a word class of the lexicon (Resources/lexicon.txt).
    func inClass(_ i: Int, _ name: String) -> Bool {
        // (`rules.set`, a stored constant, is read in place: `ruleSet` would copy the whole rule set per call)
        // (the word's classes first: most words have none, and then the class name is not hashed)
        guard i >= 0, i < tokens.count, hasClasses(i), let id = rules.set.lexicon.classID(name) else { return false }
        return tokenClasses[i].contains(id)
    }

    func isComma(_ i: Int) -> Bool { i >= 0 && i < marks.count && marks[i] & PunctBits.comma != 0 }
    /// Punctuation that closes a clause: an argument is not looked for across it (commas, slashes,
    /// dashes and quotes do not count).
    func isStrongPunct(_ i: Int) -> Bool { i >= 0 && i < marks.count && marks[i] & PunctBits.strong != 0 }
    /// `PunctText.isASCII(tokens[i].text, 0x28)`: the token is "(" (any kind).
    func isOpenParen(_ i: Int) -> Bool { marks[i] & PunctBits.open != 0 }
    /// `PunctText.isASCII(tokens[i].text, 0x29)`: the token is ")" (any kind).
    func isCloseParen(_ i: Int) -> Bool { marks[i] & PunctBits.close != 0 }

    /// Nearest actor before token i (skipping role-phrase qualifiers), within `limit` tokens; a relative pronoun
    /// ("الذي"/"التي") right before i points at the mention before it.
    func actorBefore(_ i: Int, limit: Int = 14, excluding: Set<String> = [], countries: Bool = false, personsOnly: Bool = false) -> Int? {
        var k = i - 1
        while k >= 0, i - k <= limit {
            if isStrongPunct(k) { return nil }
            if let m = mention(at: k) {
                let mm = mentions[m]
                if isActor(mm) || (countries && mm.type == .place && (mm.subtype == "country" || mm.subtype == "group") && !mm.isAdjective),
                   !mm.inRolePhrase, !excluding.contains(mm.key), !personsOnly || mm.type == .person { return m }
                k = mm.range.lowerBound - 1; continue
            }
            k -= 1
        }
        return nil
    }

    /// First actor after token i, within `limit` tokens, stopping at strong punctuation.
    func actorAfter(_ i: Int, limit: Int = 14, types: Set<EntityType> = [.person, .organization], excluding: Set<String> = [],
                    stopAt: Set<String> = []) -> Int? {
        var k = i + 1
        while k < tokens.count, k - i <= limit {
            if isStrongPunct(k) { return nil }
            if !stopAt.isEmpty, mention(at: k) == nil, matches(k, stopAt) { return nil }
            if let m = mention(at: k) {
                let mm = mentions[m]
                if types.contains(mm.type), !mm.isAdjective, !mm.inRolePhrase, !excluding.contains(mm.key) { return m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return nil
    }

    /// First place after a preposition ("إلى"/"الى"/"ل") following token i.
    func destinationAfter(_ i: Int, limit: Int = 45) -> Int? {
        var k = i + 1
        while k < tokens.count, k - i <= limit {
            if isStrongPunct(k) || (mention(at: k) == nil && matches(k, FactRules.clauseBreaks)) { return nil }
            if let m = mention(at: k) {
                let mm = mentions[m]
                if mm.type == .place, !mm.isAdjective, k > 0, mm.range.lowerBound == k {
                    let prev = tokens[k - 1].norm
                    let pfx = tokens[k].norm
                    if prev == "الي" || prev == "الى" || prev == "نحو" || pfx.plainHasPrefix("ل") && !mm.text.plainHasPrefix("ل")
                        || EntityRecognizer.placeHeadBefore(self, k) {
                        return m
                    }
                }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return nil
    }

    /// Actors joined by "و" with mention m ("حفتر والمجلس العسكري"), including m.
    func conjuncts(of m: Int, adjectives: Bool = false) -> [Int] {
        var out = [m]
        var k = mentions[m].range.upperBound
        while k < tokens.count {
            // "وConvoy": the conjunction can be a token of its own before a Latin name
            let conj = tokens[k].norm == "و" ? k + 1 : k
            guard conj < tokens.count, let n = mention(at: conj), conj > k || tokens[k].norm.plainHasPrefix("و"),
                  isActor(mentions[n]) || (adjectives && mentions[n].type == .place) else { break }
            out.append(n); k = mentions[n].range.upperBound
        }
        return out
    }

    /// A country adjective within `limit` tokens after i ("بدعم من الاستخبارات الروسية" → Russia).
    func adjectiveAfter(_ i: Int, limit: Int) -> Int? {
        var k = i + 1
        while k < tokens.count, k - i <= limit {
            if isStrongPunct(k) || isComma(k) { return nil }
            if let m = mention(at: k) { return mentions[m].isAdjective ? m : nil }
            k += 1
        }
        return nil
    }

    func span(_ idx: [Int?], _ trigger: Int) -> Range<Int> {
        var lo = trigger, hi = trigger + 1
        for case let m? in idx { lo = min(lo, mentions[m].range.lowerBound); hi = max(hi, mentions[m].range.upperBound) }
        return lo..<hi
    }
}

extension EntityRecognizer {
    /// True when the place at k is preceded by a place head noun after "إلى" ("إلى العاصمة النيجيرية نيامي").
    static func placeHeadBefore(_ c: SentenceContext, _ k: Int) -> Bool {
        var j = k - 1
        var steps = 0
        while j >= 0, steps < 3 {
            let n = c.tokens[j].norm
            if n == "الي" || n == "الى" { return true }
            if c.mention(at: j) != nil || Lexicon.placeHeads.contains(n) || c.forms(j).contains(where: { Lexicon.placeHeads.contains($0) }) {
                j -= 1; steps += 1; continue
            }
            return false
        }
        return false
    }
}

import KBGraph
import KBText

// The argument finders of the rule language (README, "Rule files"): which mention a finder names, and the
// word tests they share (titles, governed mentions, conjunct lists, brackets, place heads, introducing prepositions).
extension RuleEngine {
    /// The mention a finder names (-1 for the document's subject, -2 for its country), or nil.
    /// (`allowedBits`: the relation's types for the role, `RelationIndex.AllowedBits`)
    static func find(_ finders: [ArgumentFinder], _ i: Int, _ c: SentenceContext, allowedBits: UInt8, excluding: String?,
                     from: Int? = nil, subject verbSubject: Bool = false) -> Int? {
        let start = from ?? i
        // (each finder read in place: a copy of an `ArgumentFinder` retains its sets and its kind's payload)
        return finders.withUnsafeBufferPointer { fs -> Int? in
        for fi in fs.indices {
            let f = fs.baseAddress! + fi
            // (the types as bits: `Set.contains` hashed the type for every mention looked at; without types of its
            // own or allowed ones, person, organisation and place)
            let typeBits = f.pointee.types.map(PlainConcat.bits) ?? allowedBits
            // a finder that names a mention of the sentence names none when no mention could pass `ok`'s first test
            // (its type among the allowed, a key, not a media outlet): the sentence's types, gathered once
            if typeBits & c.candidateTypeBits == 0, f.pointee.kind.namesSentenceMention { continue }
            func ok(_ m: Int) -> Bool {
                // (the mention read in place: a `RawMention` copied costs a retain per field)
                c.mentions.withUnsafeBufferPointer { ms in
                    let mm = ms.baseAddress! + m
                    guard typeBits & PlainConcat.bit(mm.pointee.type) != 0, !mm.pointee.key.isEmpty, mm.pointee.key != excluding, mm.pointee.subtype != "media" else { return false }
                    // `people`: «مع الجانب المصري», the adjective after a word of PEOPLE_OF stands for its state
                    if mm.pointee.isAdjective, !f.pointee.adjectives, !(f.pointee.people && mm.pointee.range.lowerBound > 0 && c.inClass(mm.pointee.range.lowerBound - 1, c.classInfo.peopleOf)) { return false }
                    if !mm.pointee.isAdjective, f.pointee.adjectivesOnly { return false }
                    if f.pointee.roleOwner {
                        guard mm.pointee.range.lowerBound > 0, c.inClass(mm.pointee.range.lowerBound - 1, c.classInfo.rolePlayed) else { return false }
                    } else if mm.pointee.inRolePhrase, !f.pointee.inRole { return false }
                    if let st = f.pointee.subtypes, mm.pointee.type == .place, !st.contains(mm.pointee.subtype) { return false }
                    if let st = f.pointee.orgSubtypes, mm.pointee.type == .organization, !st.contains(mm.pointee.subtype) { return false }
                    if f.pointee.notEvent, mm.pointee.type == .organization, mm.pointee.subtype == "event" { return false }
                    if f.pointee.notStateBody, mm.pointee.type == .organization, FactRules.isStateBody(c, m) { return false }
                    if f.pointee.known, mm.pointee.gazetteerIDs.isEmpty { return false }
                    if f.pointee.named, mm.pointee.titleOnly { return false }
                    if f.pointee.notCountry, mm.pointee.type == .place, mm.pointee.subtype == "country" { return false }
                    if f.pointee.guessed, !mm.pointee.gazetteerIDs.isEmpty { return false }
                    if f.pointee.inTitle, !mm.pointee.inRolePhrase { return false }
                    if f.pointee.direct, governed(m, c) { return false }
                    if f.pointee.outsidePrep, governedThroughHead(m, c) { return false }
                    if f.pointee.force, mm.pointee.type == .organization, !FactRules.canDeploy(c, mm.pointee) { return false }
                    if f.pointee.notLed, FactRules.afterLedBy(c, mm.pointee) { return false }
                    if f.pointee.notPatron, afterPatronLink(mm.pointee, c) { return false }
                    if f.pointee.commaIfTitled, titledWithoutComma(mm.pointee, c) { return false }
                    if f.pointee.lam, !hasLam(c, start + 1, mm.pointee.range.lowerBound) { return false }
                    // a verb's subject after it is never the object of a preposition («يلتقي بالرئيس X»): RuleEngine+CarryOver.swift
                    if verbSubject, f.pointee.isAfter, mm.pointee.type != .place, obliqueMention(m, c) { return false }
                    if f.pointee.joined {
                        // the و on the name or on its title, and the first of the pair right before it
                        let start = min(mm.pointee.range.lowerBound, mm.pointee.role?.range.lowerBound ?? Int.max)
                        guard start > 0, c.tokens[start].norm.plainHasPrefix("و"), let p = c.mention(at: start - 1), !c.mentions[p].inRolePhrase else { return false }
                    }
                    return true
                }
            }
            switch f.pointee.kind {
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
                if let m = speakerCountry(at: i, c, excluding: excluding) { return m }
            case .before(let n):
                var k = i - 1, farthest: Int? = nil
                while k >= 0, i - k <= n {
                    // a bracketed aside ("اليوم (الثلاثاء)", an alias) is stepped over
                    // (")" and "(" have no other canonically equal spelling: compared as bytes, as `bracketEnd` does)
                    if c.isCloseParen(k), let open = (max(0, k - 6)..<k).last(where: { c.isOpenParen($0) }) { k = open - 1; continue }
                    if c.isStrongPunct(k) { break }
                    // «قال X إن الاتحاد يدعم Y»: a verb's subject is in the clause a bare complementiser opens (not
                    // «أراد X أن يدعم»: «أن» right before the verb is the subjunctive's)
                    if verbSubject, k < i - 1, c.mention(at: k) == nil, c.inClass(k, c.classInfo.complementiser) { break }
                    if let m = c.mention(at: k) {
                        if ok(m) { if f.pointee.first { farthest = m } else { return m } }
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
                    if c.isStrongPunct(k) || ((f.pointee.phrase || f.pointee.clause) && c.isComma(k)) { break }
                    if f.pointee.clause, c.mention(at: k) == nil, c.inClass(k, c.classInfo.relative) || c.inClass(k, c.classInfo.clauseBreak) { break }
                    if let m = c.mention(at: k) {
                        // a title's phrase ends where the title of another person starts (adjacent-after, below)
                        if f.pointee.phrase, c.mentions[m].type == .person, c.inClass(i, c.classInfo.roleHead), let r = c.mentions[m].role?.range,
                           r.lowerBound > i, Self.opensTitle(r.lowerBound, c) { break }
                        if ok(m) { return m }
                        if f.pointee.phrase, c.mentions[m].type == .person { break }
                        k = c.mentions[m].range.upperBound; continue
                    }
                    // «وكيل الوزارة للشؤون السياسية والاقتصادية X»: a portfolio is read through (RuleEngine+Portfolio.swift)
                    if f.pointee.phrase, let e = portfolioEnd(k, c) { k = e; continue }
                    // a conjunction, a preposition of place or a clause word ends the phrase
                    if f.pointee.phrase, endsPhrase(c.tokens[k].norm) { break }
                    k += 1
                }
            case .afterPrep(let preps, let n):
                var k = start + 1
                while k < c.tokens.count, k - start <= n {
                    if let e = bracketEnd(k, c) { k = e; continue }
                    // `clause`: not across a comma (one right at the start may stand: «Y، في Z»)
                    if c.isStrongPunct(k) || (f.pointee.clause && c.isComma(k) && k > start + 1) { break }
                    if let m = c.mention(at: k) {
                        if c.mentions[m].range.lowerBound == k, ok(m), c.memo.introduced(m, preps, people: f.pointee.people, { introduced(m, by: preps, c, people: f.pointee.people) }) { return m }
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
                // "X رئيس وزراء غينيا رئيس الاتحاد": a second title right after the first title's body is X's too
                if k == i - 1, let m = stackedTitleHolder(before: i, c), ok(m) { return m }
            case .adjacentAfter:
                // "X، وزير الدفاع، وY": a title in apposition to the name before it opens no name after it
                if c.firstMention(where: { $0.pointee.type == .person && $0.pointee.range.upperBound <= i && ($0.pointee.role?.range.contains(i) ?? false) }) != nil { continue }
                var k = start + 1
                // place heads ("مدينة"), ranks and honorifics ("الدكتور"), a comma or a slash may stand between
                while k < c.tokens.count, k - start <= 3, c.mention(at: k) == nil,
                      isPlaceHead(token: k, c) || Lexicon.ranks.contains(c.tokens[k].norm) || c.isComma(k)
                        || c.inClass(k, c.classInfo.titleQualifier)
                        || (c.tokens[k].kind == .punctuation && (c.tokens[k].text == "/" || Self.quotes.contains(c.tokens[k].text))) { k += 1 }
                if let m = c.mention(at: k), c.mentions[m].range.lowerBound == k, ok(m) { return m }
                // a person's title phrase starts here ("زيارة الرئيس التونسي X"): the person it names
                // (not after a title of its own: «رئيس المجلس الليبي رئيس الوزراء الإيطالي X», the first title is another's)
                if k < c.tokens.count, let p = c.firstMention(where: { $0.pointee.type == .person && ($0.pointee.role?.range.contains(k) ?? false) && $0.pointee.range.lowerBound > k }),
                   !c.inClass(i, c.classInfo.roleHead) || !Self.opensTitle(k, c) || (c.mentions[p].role?.range.contains(i) ?? false), ok(p) { return p }
            }
        }
        return nil
        }
    }

    /// A role head in the construct state (no article: «رئيس», «وزير», not «السفير» of a rank) at k: it opens a title
    /// of its own, so after another title it names another person (not «ووزير الخارجية X»: a title conjoined by و
    /// is the same holder's).
    static func opensTitle(_ k: Int, _ c: SentenceContext) -> Bool {
        let n = c.tokens[k].norm
        return c.inClass(k, c.classInfo.roleHead) && !n.plainHasPrefix("ال") && !n.plainHasPrefix("و")
    }

    /// True when a preposition governs mention m (`direct`): a word of class `PREP` right before it, or the clitic
    /// ب written on its first word ("بالنيجر").
    /// (Remembered per mention for the sentence: ``SentenceMemo``.)
    static func governed(_ m: Int, _ c: SentenceContext) -> Bool {
        c.memo.governed(m) {
            let lo = c.mentions[m].range.lowerBound
            if lo > 0, c.inClass(lo - 1, c.classInfo.prep) { return true }
            // (the clitic first: most words have none, and then the mention's text is not read)
            let first = c.tokens[lo].norm
            guard first.plainHasPrefix("ب") || first.plainHasPrefix("وب") else { return false }
            return PlainConcat.count(first) > PlainConcat.count(c.memo.surfaceFirst(m, c))
        }
    }

    /// True when mention m is the genitive of a noun in construct (no article) right after a word of class `PREP`:
    /// «على مقر X», «في شؤون X» (`outside-prep`).
    static func governedThroughHead(_ m: Int, _ c: SentenceContext) -> Bool {
        let lo = c.mentions[m].range.lowerBound
        guard lo > 1, c.mention(at: lo - 1) == nil, c.tokens[lo - 1].kind == .word, !c.tokens[lo - 1].norm.plainHasPrefix("ال") else { return false }
        return c.mention(at: lo - 2) == nil && c.inClass(lo - 2, c.classInfo.prep)
    }

    /// Words that end a title phrase (`phrase`): prepositions of place and clause words (normalised).
    /// (a ``WordSet``: looked up by bytes, answering as the `Set<String>` it was)
    static let phraseEnds: WordSet = ["من", "الي", "في", "عن", "ان", "الذي", "التي", "خلال", "بعد", "قبل", "منذ"]

    static let quotes: WordSet = ["«", "»", "\"", "“", "”", "'"]

    static func endsPhrase(_ n: String) -> Bool { n == "و" || n.plainHasPrefix("وال") || phraseEnds.contains(n) }

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
            if c.isStrongPunct(k) || c.inClass(k, c.classInfo.relative) || c.inClass(k, c.classInfo.listStop) { break }
            if let n = c.mention(at: k) {
                let mm = c.mentions[n]
                if mm.type == type, !mm.isAdjective, !mm.inRolePhrase, !mm.key.isEmpty, mm.subtype != "media" {
                    guard conj || c.tokens[mm.range.lowerBound].norm.plainHasPrefix("و") else { break }
                    if !out.contains(where: { c.mentions[$0].key == mm.key }) { out.append(n) }
                    conj = false; words = 0
                } else if c.tokens[mm.range.lowerBound].norm.plainHasPrefix("و") {
                    conj = true; words = 0   // "وإيران X": the و on a qualifier of the next member
                }
                k = mm.range.upperBound; continue
            }
            let t = c.tokens[k]
            if t.kind == .word {
                if t.norm == "و" || t.norm.plainHasPrefix("وال") || (t.norm.plainHasPrefix("و") && (c.inClass(k, c.classInfo.roleHead) || c.inClass(k, c.classInfo.conj))) {
                    conj = true; words = 0
                } else { words += 1 }
            }
            k += 1
        }
        return out
    }

    /// The token after a short bracketed aside opening at k ("(Giorgia Meloni)", "(الثلاثاء)"), or nil.
    static func bracketEnd(_ k: Int, _ c: SentenceContext) -> Int? {
        guard c.isOpenParen(k) else { return nil }   // "("
        return (k + 1..<min(c.tokens.count, k + 8)).first(where: { c.isCloseParen($0) }).map { $0 + 1 }   // ")"
    }

    static func isPlaceHead(_ n: String) -> Bool {
        // (the first letter before the length: `count` walks the grapheme clusters of the whole word)
        if Lexicon.placeHeads.contains(n) || Lexicon.facilityHeads.contains(n) { return true }
        // a plain word (`NormKey.isPlain`) on its bytes: each of its characters is one scalar, so its first is
        // «ب», «ل», «و» or «ف» when its first two bytes are that letter's, and the rest is the word after them
        if NormKey.isPlain(n) {
            let u = n.utf8
            guard u.count > 2 else { return false }
            let x = u[u.startIndex], y = u[u.index(after: u.startIndex)]
            guard (x == 0xD8 && y == 0xA8) || (x == 0xD9 && (y == 0x84 || y == 0x88 || y == 0x81)) else { return false }
            return PlainConcat.count(n) > 3 && Lexicon.placeHeads.contains(String(decoding: u.dropFirst(2), as: UTF8.self))
        }
        return isPlaceHeadByCharacters(n)
    }

    /// ``isPlaceHead(_:)`` read by characters (any word; the equivalence tests compare the two).
    static func isPlaceHeadByCharacters(_ n: String) -> Bool {
        if Lexicon.placeHeads.contains(n) || Lexicon.facilityHeads.contains(n) { return true }
        guard let f = n.first, f == "ب" || f == "ل" || f == "و" || f == "ف" else { return false }
        return PlainConcat.count(n) > 3 && Lexicon.placeHeads.contains(String(n.dropFirst()))
    }

    /// `isPlaceHead` of token k's normalised form, remembered for the sentence.
    static func isPlaceHead(token k: Int, _ c: SentenceContext) -> Bool {
        c.memo.placeHead(k) { isPlaceHead(c.tokens[k].norm) }
    }

    /// True when mention m follows one of the prepositions, a place head noun ("إلى العاصمة X", "بمدينة X")
    /// allowed between.
    static func introduced(_ m: Int, by preps: [String], _ c: SentenceContext, people: Bool = false) -> Bool {
        // (the four fields read in place: a `RawMention` copied costs a retain per field)
        let mm = c.mentions.withUnsafeBufferPointer { ms in
            (range: ms[m].range, roleLower: ms[m].role?.range.lowerBound, type: ms[m].type, isAdjective: ms[m].isAdjective)
        }
        // a person's title stands between the preposition and the name ("مع الرئيس الجزائري X", "بالرئيس X")
        var j = min(mm.range.lowerBound, mm.roleLower ?? Int.max)
        var steps = 0
        // "إلى العاصمة الإثيوبية X", "مع الملك الأردني X": a nationality adjective may follow the head noun or a person's title
        while steps < 5, j - 1 >= 0 {
            if let a = c.mention(at: j - 1) {
                let lo = c.mentions[a].range.lowerBound
                // «مع سفير الولايات المتحدة لدى ليبيا X»: the state of an envoy's title, and the one he serves in
                if mm.type == .person, !c.mentions[a].isAdjective, c.mentions[a].type != .person, lo >= 1, c.mention(at: lo - 1) == nil,
                   c.inClass(lo - 1, c.classInfo.roleHead) || c.inClass(lo - 1, c.classInfo.atPrep) {
                    j = lo; steps += 1; continue
                }
                guard c.mentions[a].isAdjective, lo >= 1, c.mention(at: lo - 1) == nil,
                      isPlaceHead(token: lo - 1, c) || (mm.type == .person && c.inClass(lo - 1, c.classInfo.roleHead)) else { break }
                j = c.mentions[a].range.lowerBound; steps += 1; continue
            }
            guard isPlaceHead(token: j - 1, c) || c.inClass(j - 1, c.classInfo.direction) || (mm.type == .person && c.inClass(j - 1, c.classInfo.roleHead))
                    || (mm.type == .person && c.inClass(j - 1, c.classInfo.atPrep) && j >= 2 && c.mention(at: j - 2) != nil)
                    || (people && mm.isAdjective && c.inClass(j - 1, c.classInfo.peopleOf)) else { break }
            j -= 1; steps += 1
        }
        let first = c.tokens[j].norm
        // (computed when a clitic preposition is looked for on the name itself)
        lazy var surfaceFirst = c.memo.surfaceFirst(m, c)
        // (the words compared as UTF-8 bytes when they are plain, without building the concatenations: PlainConcat;
        // each preposition's forms made once per list: PrepForms, RuleEngine+PrepForms.swift)
        lazy var article = surfaceFirst.plainHasPrefix("ال")
        lazy var bare = article ? String(surfaceFirst.dropFirst(2)) : surfaceFirst
        for p in PrepForms.of(preps) {
            if p.clitic {
                let pre = p.pre
                if j < mm.range.lowerBound {
                    if first.plainHasPrefix(pre) || PlainConcat.hasPrefix(first, "و", pre) { return true }
                    continue
                }
                // the clitic is on the name's first word: "بالجزائر", "لتونس", "وبطرابلس"
                let lam = p.lam
                for (q, qDropped) in p.forms where PlainConcat.equals(first, q, surfaceFirst) || PlainConcat.equals(first, q, "ال", bare)
                    || (lam && article && PlainConcat.equals(first, qDropped, "لل", bare))
                    // the mention read without the article the lam swallowed: «للسعودية» → «سعودية»
                    || (lam && PlainConcat.equals(first, q, "ل", surfaceFirst)) { return true }
            } else if j > 0, c.tokens[j - 1].norm.plainEquals(p.word) || PlainConcat.equals(c.tokens[j - 1].norm, "و", p.word) {
                return true
            }
        }
        return false
    }
}

extension ArgumentFinder.Kind {
    /// True for the finders whose answer is a mention of the sentence that passed `ok` in `RuleEngine.find` (and
    /// nothing else): with no candidate of the allowed types in the sentence they answer nothing.
    /// (No `default`: a new kind must be sorted here.)
    var namesSentenceMention: Bool {
        switch self {
        case .before, .after, .afterPrep, .adjacentBefore, .adjacentAfter, .sentenceSubject: return true
        case .documentSubject, .documentCountry, .speakerCountry, .documentPair, .documentPeople, .dualPeople, .itsState,
             .betweenParties, .jointSubject, .signingParties, .factObject: return false
        }
    }
}

import KBGraph
import KBText

/// Two readings of pronouns on verbs that news uses to go on about the people it just named:
/// - an object pronoun on a contact verb, its subject named after it (`object-pronoun TYPE…`):
///   «وصل X إلى القاهرة. واستقبله الرئيس Y» — Y receives X: the subject is the actor after the verb, the object
///   the subject carried over from this sentence or the one before (resolved in `Extractor.resolveDocumentSubjects`);
/// - a past dual verb, «وبحثا …», «واتفقا على عقد …» (`dual-people`): its subject is the two people of the last
///   contact the document told (resolved with `doc-people` in `Extractor.resolveDocumentPeople`).
extension RuleEngine {
    /// Placeholder object: the subject carried over from this sentence or the one before (the pronoun's referent).
    static let carriedObjectKey = "@carry-object"

    /// The object-pronoun reading of rule r on the trigger at i, or nil when it does not apply (a rule of another
    /// type, a trigger that is no verb carrying a third-person object pronoun). When it applies the rule's own
    /// reading is not tried: the actor after the verb is its subject, never its object. After a relative pronoun
    /// («Y الذي استقبله») the subject is the antecedent.
    static func objectPronounReading(_ r: Rule, at i: Int, _ c: SentenceContext, _ classes: [[Int]], _ cue: Cues,
                                     _ lex: WordLexicon, _ table: RelationTable, _ set: RuleSet,
                                     _ positions: TriggerPositions? = nil) -> Outcome? {
        // cheap first: the pronouns end in ه، م or ا (the last byte of their UTF-8: 0x87, 0x85, 0xA7); then the word
        // (remembered for the rules tried on it), then the rule's type (a hash)
        guard let b = lastByte(c.tokens[i].norm), b == 0x87 || b == 0x85 || b == 0xA7,
              positions.map({ $0.objectPronounVerb(at: i, classes, c, lex) }) ?? objectPronounVerb(at: i, classes, c, lex),
              set.objectPronounTypes.contains(r.type) else { return nil }
        // «الرئيس X الذي يرافقه Y»: after a relative a companion's antecedent is the one accompanied; the rule's own reading
        if listsCompanions(r), i > 0, c.inClass(i - 1, c.classInfo.relative) { return nil }
        // «تم بحثها», «يجري استقبالهم»: after an auxiliary of the passive the word is a masdar with a possessive
        if i > 0, c.inClass(i - 1, c.classInfo.passiveAux) { return .failed("«\(c.tokens[i].text)» after «\(c.tokens[i - 1].text)» is a masdar") }
        // a passive («استُقبل X من قبل Y») carries no object pronoun: the active reading below serves
        // (a companion's rule reads its object first, «ويرافق X وفد»: with the pronoun there is no object to read)
        if r.objectFirst, !listsCompanions(r) { return .failed("the verb «\(c.tokens[i].text)» carries its object pronoun") }
        var r2 = r
        r2.objectFirst = false
        // the subject follows the verb (VSO): the rule's finders after the trigger, a person or organisation
        r2.subject = r.subject.filter { ($0.isAfter || $0.kind == .adjacentAfter) }
        if r2.subject.isEmpty { r2.subject = [ArgumentFinder(kind: .after(8))] }
        // «… بالرئيس Y الذي استقبله»: after a relative pronoun the subject is its antecedent, right before it
        if i > 0, c.inClass(i - 1, c.classInfo.relative) { r2.subject = [ArgumentFinder(kind: .before(3))] }
        for k in r2.subject.indices {
            r2.subject[k].types = (r2.subject[k].types ?? [.person, .organization]).intersection([.person, .organization])
            // one host receives or meets; companions come in lists («ويرافقه وزراء: الخارجية X، والدفاع Y»)
            if !listsCompanions(r) { r2.subject[k].wideList = false; r2.subject[k].list = false }
        }
        r2.object = [ArgumentFinder(kind: .documentSubject)]
        guard case .fired(var drafts) = apply(r2, at: i, c, classes, cue, lex, table) else {
            return .failed("the verb «\(c.tokens[i].text)» carries its object; no subject named after it")
        }
        for k in drafts.indices where drafts[k].object == documentSubject { drafts[k].object = carriedObjectKey }
        return .fired(drafts)
    }

    /// True for a rule whose subject is a list of companions (ACCOMPANIES): its list options are kept.
    static func listsCompanions(_ r: Rule) -> Bool { r.type == "ACCOMPANIES" }

    /// True when the token at i is a finite verb of one of its classes with a third-person object pronoun
    /// (ه، ها، هم، هما): «استقبله», «التقاها» (التقى + ها), «يستقبلهم», «استقبلته» (استقبلت + ه).
    static func objectPronounVerb(at i: Int, _ classes: [[Int]], _ c: SentenceContext, _ lex: WordLexicon) -> Bool {
        let verbs = classes[i].filter { c.classInfo.isVerb[$0] }   // (`lex` is the context's lexicon)
        guard !verbs.isEmpty else { return false }
        let norm = c.tokens[i].norm
        for suffix in ["هما", "هم", "ها", "ه"] where norm.plainHasSuffix(suffix) && norm.count > suffix.count + 2 {
            let base = String(norm.dropLast(suffix.count))
            var candidates = [base]
            // a final alif maqsura written alif before a suffix: التقا|ها → التقي; «استقبلوه» → استقبلوا
            if base.plainHasSuffix("ا") { candidates.append(String(base.dropLast()) + "ي") }
            if base.plainHasSuffix("و") { candidates.append(base + "ا") }
            if candidates.contains(where: { b in !Set(lex.classes(of: b)).isDisjoint(with: verbs) }) { return true }
        }
        return false
    }

    /// True when the token at k is a dual verb (a past form of a `.verb` class plus the dual ا: بحثا، اتفقا، التقيا،
    /// وقعا; a present form plus ان: يبحثان، سيلتقيان), not a masdar of the same spelling («بحثا عن», a class whose
    /// masdar is the bare form).
    static func dualVerb(at k: Int, _ classes: [[Int]], _ c: SentenceContext, _ lex: WordLexicon) -> Bool {
        guard k >= 0, k < classes.count, c.mention(at: k) == nil else { return false }
        let verbs = classes[k].filter { c.classInfo.isVerb[$0] }
        let norm = c.tokens[k].norm
        guard !verbs.isEmpty, norm.count > 3 else { return false }
        // the past dual (بحث|ا) or the present dual (يبحث|ان، سيلتقي|ان)
        let base: String
        if norm.plainHasSuffix("ا") { base = String(norm.dropLast()) }
        else if norm.plainHasSuffix("ان"), norm.count > 5 { base = String(norm.dropLast(2)) }
        else { return false }
        let baseClasses = Set(lex.classes(of: base))
        // the bare form must be a verb of the class and no masdar of any class («تشاورا»)
        guard !baseClasses.isDisjoint(with: verbs), !baseClasses.contains(where: { c.classInfo.isNoun[$0] }) else { return false }
        // «بحثا عن»: the masdar, searching
        if k + 1 < c.tokens.count, c.tokens[k + 1].norm == "عن" { return false }
        return true
    }

    /// `dual-people N`: a dual names the two sides at the trigger or within N tokens before it (a past dual verb,
    /// or a word of `DUAL_PEOPLE`), with no actor named between.
    static func dualNamed(_ n: Int, at i: Int, _ classes: [[Int]], _ c: SentenceContext, _ lex: WordLexicon) -> Bool {
        if dualVerb(at: i, classes, c, lex) { return true }
        // a trigger read as «بحثا عن» (searching) or carrying its own object pronoun («بحثها») is no act of the two
        if i + 1 < c.tokens.count, c.tokens[i + 1].norm == "عن" || objectPronounVerb(at: i, classes, c, lex) { return false }
        var k = i - 1
        while k >= 0, i - k <= n, !c.isStrongPunct(k), !c.isComma(k) {
            if let m = c.mention(at: k), c.mentions[m].type != .place { return false }
            if dualVerb(at: k, classes, c, lex) || c.inClass(k, "DUAL_PEOPLE") { return true }
            k -= 1
        }
        return false
    }
}

extension RuleEngine {
    /// `s.utf8.last`, read from the contiguous bytes (the generic `last` of the view walks back through its index).
    @inline(__always)
    static func lastByte(_ s: String) -> UInt8? {
        var s = s
        return s.withUTF8 { $0.last }
    }
}

// (`Rule.hasDualPeople`: Rule.swift, kept with the finders)

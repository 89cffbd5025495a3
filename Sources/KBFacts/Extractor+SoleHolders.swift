import KBText

/// One office of one state has one holder at a time. A title that names no state («وزير الخارجية X») takes the
/// document's country (`doc-country`); when the document states that someone else holds that office of that state
/// («وزير الخارجية المصري Y», «Y، وزير خارجية مصر», or the gazetteer's person with that title), X is not of that
/// state: he is the other side's, the visiting minister of a talks in the host's capital. He takes the state the
/// document names most after it (twice at least, and more than any other; or the only other state it names), else
/// no state. Offices many hold at once (a deputy, an adviser, a member, an ambassador, «وزير الدولة») and former
/// holders («السابق») constrain nothing. Word classes in lexicon.txt: `SOLE_HEAD`, `SOLE_OFFICE`, `OFFICE_GOVERNMENT`,
/// `OFFICE_STATE`, `OFFICE_FILLER`, `SHARED_OFFICE`, `FORMER_HOLDER`.
extension Extractor {
    /// The office the title whose head is token t names, as a key the titles of one office share («رئيس الوزراء»,
    /// «رئيس الحكومة» and «الوزير الأول» one key; «وزير الخارجية» and «وزير الشؤون الخارجية» one key), or nil when
    /// the word is no head of an office one person holds at a time.
    static func soleOffice(_ tokens: [Token], _ mentions: [RawMention], at t: Int, _ lex: WordLexicon) -> String? {
        // (the class ids looked up once per lexicon: RuleEngine+ClassIDs.swift)
        let ids = LexiconClassInfo.of(lex)
        guard t >= 0, t < tokens.count, let soleHead = ids.soleHead, let soleOffice = ids.soleOffice
        else { return nil }
        func isIn(_ k: Int?, _ id: Int?) -> Bool {
            guard let k, k >= 0, k < tokens.count, let id else { return false }
            return lex.classes(of: tokens[k].norm).contains(id)
        }
        func isHead(_ w: String) -> Bool { let c = lex.classes(of: w); return c.contains(soleHead) || c.contains(soleOffice) }
        let needsComplement = lex.classes(of: tokens[t].norm).contains(soleOffice)
        guard isHead(tokens[t].norm), !isIn(t - 1, ids.sharedOffice) else { return nil }
        // a former holder («وزير الخارجية المصري السابق X»): the words of the title, up to a person or punctuation
        var k = t + 1
        let former = ids.formerHolder
        // (the mentions read in place: `contains(where:)` / `first(where:)` copied each one)
        func personAt(_ k: Int) -> Bool { mentions.indices.contains { mentions[$0].range.contains(k) && mentions[$0].type == .person } }
        while k < tokens.count, k <= t + 8, tokens[k].kind == .word, !personAt(k) {
            if isIn(k, former) { return nil }
            k += 1
        }
        // the complement: the first word after the head that is no filler, up to a person, a place or punctuation
        var complement: Int? = nil
        k = t + 1
        let filler = ids.officeFiller
        while complement == nil, k < tokens.count, k <= t + 6, tokens[k].kind == .word {
            if let m = mentions.indices.first(where: { mentions[$0].range.contains(k) }), mentions[m].type != .organization { break }
            if !isIn(k, filler) { complement = k }
            k += 1
        }
        if isIn(complement, ids.officeGovernment) { return "رئيس الحكومة" }
        let ofState = complement == nil || isIn(complement, ids.officeState)
        if needsComplement, ofState { return nil }
        // the head without its clitics and article («والرئيس», «الوزيرة»: رئيس, وزير); not a dual or a plural
        // («وزيري الدفاع»: two), nor with a pronoun («رئيسها»: whose, the text said before)
        // (lengths and suffixes on the bytes of plain words: PlainConcat.count, plainHasSuffix)
        // (the shortest head form, the first of as short ones, as `min(by:)` keeps it; each form counted once)
        var shortest: String? = nil, length = 0
        func consider(_ w: String) {
            guard isHead(w) else { return }
            let n = PlainConcat.count(w)
            if shortest == nil || n < length { shortest = w; length = n }
        }
        consider(tokens[t].norm)
        for c in Clitics.of(tokens[t].norm) { consider(c.stem) }
        guard let head = shortest.map(bare), !endsInPronounOrNumber(head) else { return nil }
        return ofState ? head : head + " " + bare(tokens[complement!].norm)
    }

    /// `["ي", "ا", "ات", "ها", "هم", "هما", "نا", "كم"].contains(where: { head.plainHasSuffix($0) })`: for a plain head
    /// (``NormKey/isPlain(_:)``) its last bytes compared with the suffixes' (all plain), once.
    static func endsInPronounOrNumber(_ head: String) -> Bool {
        guard NormKey.isPlain(head) else { return officeSuffixes.contains(where: { head.plainHasSuffix($0) }) }
        var h = head
        // (each suffix's bytes against the head's last bytes, by index: `zip` of a `suffix` cost ~5 K instructions a head)
        return h.withUTF8 { b in
            let n = b.count
            for x in officeSuffixBytes where x.count <= n {
                var same = true
                for j in 0..<x.count where b[n - x.count + j] != x[j] { same = false; break }
                if same { return true }
            }
            return false
        }
    }
    static let officeSuffixes = ["ي", "ا", "ات", "ها", "هم", "هما", "نا", "كم"]
    static let officeSuffixBytes = officeSuffixes.map { Array($0.utf8) }

    /// The office of a title set off by a comma right after a mention of the person («X، وزير الخارجية، …»), when no
    /// other person is named after that title.
    static func appositeOffice(_ tokens: [Token], _ mentions: [RawMention], of person: String, _ lex: WordLexicon) -> String? {
        // (the mentions read in place: a `for m in mentions` copied each one)
        for mi in mentions.indices where mentions[mi].key == person {
            let t = mentions[mi].range.upperBound + 1
            guard t < tokens.count, [",", "،"].contains(tokens[t - 1].text) else { continue }
            var k = t
            while k < tokens.count, k <= t + 6, tokens[k].kind == .word, !mentions.contains(where: { $0.range.lowerBound == k && $0.type == .person }) { k += 1 }
            if k < tokens.count, mentions.contains(where: { $0.range.lowerBound == k && $0.type == .person }) { continue }
            if let o = soleOffice(tokens, mentions, at: t, lex) { return o }
        }
        return nil
    }

    /// A word without the article and a final ta marbuta: «الخارجية» and «خارجية» alike.
    private static func bare(_ w: String) -> String {
        var s = w.plainHasPrefix("ال") && PlainConcat.count(w) > 4 ? String(w.dropFirst(2)) : w
        if s.plainHasSuffix("ه"), PlainConcat.count(s) > 3 { s.removeLast() }
        return s
    }

    /// The people whose title with no state got `host` (the document's country) though another holds that office of
    /// `host` by a statement: each with the state he takes instead, or nil (no state). `office` gives the office of a
    /// draft's title; `own` the state a person is known to serve (the gazetteer's, a companion's).
    static func soleHolderStates(_ drafts: [(Int, FactDraft)], host: String, count: [String: Int],
                                 office: (Int, FactDraft) -> String?, own: (String) -> String?) -> [String: String?] {
        var holders: [String: Set<String>] = [:]   // office + state → people who hold it by a statement
        var guessed: [String: Set<String>] = [:]   // person → offices given with the document's country
        for (si, d) in drafts where d.type == "HOLDS_ROLE" && d.modality == .asserted {
            // (a stated office of a state the document does not name counts for nothing: its office is not read)
            if d.object != RuleEngine.documentCountry, count[d.object] == nil { continue }
            guard let o = office(si, d) else { continue }
            if d.object != RuleEngine.documentCountry {
                holders[o + "|" + d.object, default: []].insert(d.subject)
            } else if let s = own(d.subject) {
                holders[o + "|" + s, default: []].insert(d.subject)
            } else {
                guessed[d.subject, default: []].insert(o)
            }
        }
        var out: [String: String?] = [:]
        for (person, offices) in guessed.sorted(by: { $0.key < $1.key }) {
            func held(_ s: String) -> Bool { offices.contains { !(holders[$0 + "|" + s] ?? []).subtracting([person]).isEmpty } }
            guard held(host) else { continue }
            let others = count.filter { $0.key != host && !held($0.key) }
            if others.count == 1 { out[person] = others.first!.key; continue }
            let ranked = others.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            if let top = ranked.first, top.value >= 2, ranked.count < 2 || ranked[1].value < top.value { out[person] = top.key }
            else { out[person] = .some(nil) }
        }
        return out
    }
}

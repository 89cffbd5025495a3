import KBGraph
import KBText

/// Links mentions within a document: picks one gazetteer entry for ambiguous adjectives
/// (النيجيرية = Niger or Nigeria, by the document's other mentions), ties surnames and
/// title+surname mentions to the full name seen in the document ("حفتر" → "خليفة حفتر",
/// "الجنرال مودي" → "ساليفو مودي"), finds bare surnames the recogniser could not see, and gives every
/// mention its entity key (gazetteer id, or a guessed key from the normalised name).
final class Linker {
    let gazetteer: Gazetteer

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// A person known in the document, with the normalised tokens of its names.
    struct KnownPerson { var key: String; var names: [[String]]; var order: Int }

    /// Words of a generic army phrase: "القوات المسلحة", "الجيش", "القوات الليبية" (the country kept apart).
    static let armyWords: Set<String> = ["قوات", "القوات", "مسلحه", "المسلحه", "جيش", "الجيش", "العربيه", "الوطني", "الوطنيه"]

    /// A guessed generic army ("للقوات المسلحة الليبية", "القوات المسلحة") is the country's army in the
    /// gazetteer: the one of the country named with it, or else the only army the document names.
    func linkGenericArmies(_ perSentence: inout [[RawMention]]) {
        var armiesInDocument: [String] = []
        for s in perSentence.indices { for k in perSentence[s].indices where perSentence[s][k].type == .organization {
            let key = perSentence[s][k].key
            if facts(key)?.subtype == "army", !armiesInDocument.contains(key) { armiesInDocument.append(key) }
        } }
        for s in perSentence.indices {
            for k in perSentence[s].indices where Linker.keyHasPrefix(perSentence[s][k].key, "org:") && perSentence[s][k].type == .organization {
                // (a key without the bytes of «قوات» or «جيش» has no word ending so: Linker+InPlace.swift)
                guard Linker.mayNameArmy(perSentence[s][k].key) else { continue }
                let parts = perSentence[s][k].key.dropFirst(4).plainSplit(separator: "@", maxSplits: 1).map(String.init)
                let words = parts[0].plainSplit(separator: " ").map(String.init)
                guard !words.isEmpty, words.allSatisfy({ Linker.armyWords.contains($0) }),
                      words.contains(where: { $0.hasSuffix("قوات") || $0.hasSuffix("جيش") }) else { continue }
                var army: String? = nil
                if parts.count == 2 {
                    let own = armies(of: parts[1])
                    army = own.count == 1 ? own[0] : own.first { armiesInDocument.contains($0) }
                } else if armiesInDocument.count == 1 {
                    army = armiesInDocument[0]
                }
                guard let a = army, let e = gazetteer.entry(id: a) else { continue }
                perSentence[s][k].key = a
                perSentence[s][k].gazetteerIDs = [a]
                perSentence[s][k].subtype = e.subtype
            }
        }
    }

    func link(_ perSentence: inout [[RawMention]], sentences: [Sentence]) {
        EntityRecognizer.keepTownsNamedOnce(&perSentence)
        // 1. evidence for ambiguous gazetteer candidates
        // (keyed by `NormKey`: the meaning of `String` keys, hashed from the bytes; only looked up, never iterated)
        var evidence: [NormKey: Int] = [:]
        // (the mentions read in place, not copied)
        for s in perSentence.indices {
            for k in perSentence[s].indices where perSentence[s][k].gazetteerIDs.count == 1 {
                let id = perSentence[s][k].gazetteerIDs[0]
                evidence[NormKey(id), default: 0] += 2
                if let c = facts(id)?.country { evidence[NormKey(c), default: 0] += 1 }
            }
        }
        for s in perSentence.indices {
            for k in perSentence[s].indices {
                let ids = perSentence[s][k].gazetteerIDs
                if !ids.isEmpty {
                    // the id with the most evidence, the first of those with as much (one id: no evidence to weigh)
                    var best = ids[0]
                    if ids.count > 1 {
                        var most = evidence[NormKey(ids[0])] ?? 0
                        for id in ids.dropFirst() {
                            let score = evidence[NormKey(id)] ?? 0
                            if score > most { best = id; most = score }
                        }
                    }
                    perSentence[s][k].key = best
                    if let e = facts(best) { perSentence[s][k].type = e.type; perSentence[s][k].subtype = e.subtype }
                }
            }
        }

        // 2. people known in the document, in order of first mention
        let people = PeopleIndex()
        func register(_ key: String, _ names: [[String]], _ order: Int) { people.register(key, names, order) }
        var order = 0
        for s in perSentence.indices {
            for k in perSentence[s].indices where perSentence[s][k].type == .person {
                order += 1
                // (the two fields read, not the whole mention copied)
                let m = (key: perSentence[s][k].key, nameKey: perSentence[s][k].nameKey)
                if !m.key.isEmpty, let e = gazetteer.entry(id: m.key) {
                    register(m.key, gazetteer.nameTokens(id: e.id) ?? Gazetteer.nameTokens(e), order)
                } else if Linker.hasTwoWords(m.nameKey) {
                    // a guessed full name that extends a known one ("خليفة حفتر" written with a middle name) links to it
                    // (the words split once, only for a name of two or more: Linker+PhraseMemos.swift)
                    let toks = m.nameKey.plainSplit(separator: " ").map(String.init)
                    if let g = gazetteer.lookupName(m.nameKey).first(where: { $0.type == .person }) {
                        perSentence[s][k].key = g.id
                        perSentence[s][k].gazetteerIDs = [g.id]
                        register(g.id, gazetteer.nameTokens(id: g.id) ?? Gazetteer.nameTokens(g), order)
                    } else if let p = people.candidates(toks).first(where: { p in p.names.contains { sameName($0, toks) } }) {
                        perSentence[s][k].key = p.key
                    } else if let p = people.resolve(m.nameKey, strict: true) ?? people.resolveTail(toks) {
                        // a compound surname of a person named before ("عبد العاطي" after "بدر عبد العاطي"),
                        // up to spelling ("داوود أوغلو" after "أحمد داود أوغلو")
                        perSentence[s][k].key = p
                    } else {
                        perSentence[s][k].key = "per:" + m.nameKey
                        register("per:" + m.nameKey, [toks], order)
                    }
                }
            }
        }
        // 2b. titles standing for a person named in the document: the most recent person with the same role phrase
        var roles: [(key: String, phrase: String)] = []
        var roleForms: [[[NormKey]]?] = []   // `titleForms` of each role's words, made when first compared
        for s in perSentence.indices {
            for k in perSentence[s].indices {
                if perSentence[s][k].titleOnly, let cue = perSentence[s][k].role {
                    let phrase = Linker.gazetteerKey(cue.phrase)
                    // the same phrase word for word first: news names the home side's officials by the bare title
                    // («وزير الخارجية X» … «وزير الخارجية الروسي Y» … «وعقد وزير الخارجية …» is X), then a longer or shorter one
                    var hit = lastRole(roles) { $0.plainEquals(phrase) }
                        ?? lastRole(roles) { $0.plainHasPrefix(phrase + " ") || phrase.plainHasPrefix($0 + " ") }
                    // "نظيره المالي": the counterpart is the person whose role carries the same nationality
                    let words = Linker.phraseWords(phrase)   // (remembered per phrase: Linker+PhraseMemos.swift)
                    if hit == nil, let head = words.first, ([head] + Clitics.of(head).map(\.stem)).contains(where: { $0.hasPrefix("نظير") }),
                       words.count > 1 {
                        // the same office first (Linker+Counterparts.swift), else the last title of that nationality
                        // (a bare surname before it is linked later: looked up among the people named so far)
                        let possessor = perSentence[s][..<k].last { $0.type == .person && !$0.titleOnly }
                            .flatMap { $0.key.isEmpty ? people.resolve($0.nameKey, strict: false) : $0.key }
                        let rest = Set(words.dropFirst())
                        hit = sameOfficeCounterpart(words, possessor: possessor, roles: roles.suffix(200)).map { (key: $0, phrase: "") }
                            ?? roles.suffix(200).last { r in rest.isSubset(of: Set(Linker.phraseWords(r.phrase))) }
                    }
                    // "بالقائد العام للجيش" for "القائد العام للجيش الوطني": the same head
                    // (clitics aside) and every word of the title in the role (clitics aside)
                    // (each word's forms as keys, remembered per word, and each role's once per document: `titleForms`)
                    if hit == nil, words.count >= 2 {
                        let titleWords = Linker.phraseTitleForms(phrase)
                        var r = roles.count - 1
                        while r >= max(0, roles.count - 200) {
                            defer { r -= 1 }
                            if roleForms.count < roles.count { roleForms += [[[NormKey]]?](repeating: nil, count: roles.count - roleForms.count) }
                            let forms: [[NormKey]]
                            if let f = roleForms[r] { forms = f } else {
                                forms = Linker.phraseTitleForms(roles[r].phrase)
                                roleForms[r] = forms
                            }
                            guard let rh = forms.first, Linker.meet(rh, titleWords[0]) else { continue }
                            // one phrase's words all in the other ("… في القصر" may follow the title)
                            if titleWords.allSatisfy({ t in forms.contains { Linker.meet($0, t) } })
                                || (forms.count >= 2 && forms.allSatisfy { f in titleWords.contains { Linker.meet($0, f) } }) {
                                hit = roles[r]
                                break
                            }
                        }
                    }
                    perSentence[s][k].key = hit?.key ?? ""
                    perSentence[s][k].nameKey = hit == nil ? "" : "title"
                } else if perSentence[s][k].type == .person, let cue = perSentence[s][k].role, !cue.isRankOnly, !perSentence[s][k].key.isEmpty {
                    roles.append((perSentence[s][k].key, Linker.gazetteerKey(cue.phrase)))
                }
            }
            // (tested and moved in place: `removeAll` copied every mention it tested)
            Linker.removeMentions(&perSentence[s], where: { $0.pointee.titleOnly && $0.pointee.key.isEmpty })
        }
        for s in perSentence.indices {
            for k in perSentence[s].indices where perSentence[s][k].titleOnly && facts(perSentence[s][k].key) != nil {
                perSentence[s][k].gazetteerIDs = [perSentence[s][k].key]
            }
        }

        // 3. single-word people (title + surname) and guessed organisations/places
        for s in perSentence.indices {
            for k in perSentence[s].indices where perSentence[s][k].key.isEmpty {
                let m = MentionFields(perSentence[s][k])
                switch m.type {
                case .person:
                    if let p = people.resolve(m.nameKey, strict: false) { perSentence[s][k].key = p }
                    else if m.weak || people.ambiguous(m.nameKey, strict: false) { perSentence[s][k].key = "" }
                    else {
                        perSentence[s][k].key = "per:" + m.nameKey
                        register("per:" + m.nameKey, [[m.nameKey]], order)
                    }
                case .organization, .place:
                    // one guessed word that is the surname of a person named in the document is that person
                    // ("ويرافق هولاند" after "فرانسوا هولاند"), whatever type the guess gave it
                    if m.range.count == 1, m.noGazetteerIDs, !m.isAdjective, m.noRole, m.noCountryHint,
                       !m.nameKey.isEmpty, let p = people.resolve(m.nameKey, strict: true) {
                        perSentence[s][k].key = p
                        perSentence[s][k].type = .person
                        perSentence[s][k].subtype = ""
                        if facts(p) != nil { perSentence[s][k].gazetteerIDs = [p] }
                    } else {
                        perSentence[s][k].key = (m.type == .organization ? "org:" : "plc:") + m.nameKey
                    }
                case .date:
                    perSentence[s][k].key = "date:" + m.nameKey
                }
            }
        }
        // a weak one-word guess that linked to nobody goes now, not at the end: its word may still be a bare surname
        // with a clitic that step 4 reads ("لماركوف" after "ستويان ماركوف")
        for s in perSentence.indices {
            Linker.removeMentions(&perSentence[s], where: { $0.pointee.type == .person && $0.pointee.key.isEmpty && $0.pointee.weak && $0.pointee.range.count == 1 })
        }
        // a child's parent named by family name ("نجل حفتر خالد") is the person of that name in the document
        for s in perSentence.indices {
            for k in perSentence[s].indices {
                guard let pk = perSentence[s][k].parentKey, pk.hasPrefix("surname:") else { continue }
                let child = perSentence[s][k].key
                perSentence[s][k].parentKey = people.resolve(String(pk.dropFirst(8)), strict: true, excluding: child)
            }
        }
        // a guessed organisation without a country ("المجلس العسكري") is the one named with its country in this document
        var orgWithCountry: [String: String] = [:]
        for s in perSentence.indices { for k in perSentence[s].indices where perSentence[s][k].type == .organization {
            let key = perSentence[s][k].key
            guard Linker.keyHasPrefix(key, "org:"), Linker.hasAt(key) else { continue }
            // (split once: the first key of each name stays)
            let name = String(key.plainSplit(separator: "@")[0])
            if orgWithCountry[name] == nil { orgWithCountry[name] = key }
        } }
        for s in perSentence.indices {
            for k in perSentence[s].indices where Linker.keyHasPrefix(perSentence[s][k].key, "org:") && !Linker.hasAt(perSentence[s][k].key) {
                if let full = orgWithCountry[perSentence[s][k].key] { perSentence[s][k].key = full }
            }
        }
        linkGenericArmies(&perSentence)
        linkShortenedNames(&perSentence)   // «المجلس الانتقالي» = «المجلس العسكري الانتقالي» (Linker+ShortNames.swift)
        unlinkForeignStateOrgans(&perSentence)   // «مجلس النواب» of a state the document does not name (Linker+ForeignOrgans.swift)
        // 3b. a name found once is the same entity wherever else the document writes it (Linker+Consistency.swift)
        carryNamesThroughDocument(&perSentence, sentences: sentences)

        // 4. bare surnames the recogniser could not see ("حفتر", "لحفتر", "ومودي")
        // (the people index no longer changes here: the first form of a word that names someone is remembered)
        // (no memo per document: a word's candidates and their keys are remembered per word, and the people index
        // rules most keys out by a bit of its filter; the index does not change in this step)
        func bareSurname(_ norm: String) -> (stem: String, prefix: String, key: String)? {
            for cand in Clitics.surnameLookups(norm, Linker.surnameLookups) {
                if let p = people.resolve(keys: cand.keys) { return (cand.stem, cand.prefix, p) }
            }
            return nil
        }
        // (nobody to find without surnames: no sentence is read)
        for s in perSentence.indices where people.hasSurnames {
            let toks = sentences[s].tokens
            var covered = [Bool](repeating: false, count: toks.count)
            for k in perSentence[s].indices { for t in perSentence[s][k].range where t < toks.count { covered[t] = true } }
            var added: [RawMention] = []
            for i in toks.indices where !covered[i] && toks[i].kind == .word {
                // (a word none of whose keys has its bit in the people index's filter is nobody's surname)
                guard people.maySurname(bits: Clitics.surnameBits(toks[i].norm, Linker.computeSurnameBits)) else { continue }
                // a word after "بن", "آل", "أبو" names someone's father or family, not the person of that surname
                // ("فيصل بن الحسين" is no mention of "عبد الله الثاني بن الحسين")
                // (but "ولد الغزواني" after "محمد ولد الغزواني" is that person: Linker+Ould.swift)
                if let (stem, prefix, p) = bareSurname(toks[i].norm),
                   !(i > 0 && EntityRecognizer.abd.contains(toks[i - 1].norm) && !(toks[i - 1].norm == Linker.ould && namedWithOuld(p, people))) {
                    let t = toks[i]
                    let cand = (stem: stem, prefix: prefix)
                    let rec = EntityRecognizer(gazetteer: gazetteer)
                    let (text, b) = rec.strippedPrefix(t, cand.prefix, restore: cand.stem)
                    var m = RawMention(range: i..<(i + 1), begin: b, end: t.end, text: text, type: .person, subtype: "",
                                       gazetteerIDs: [], nameKey: cand.stem, isAdjective: false, role: nil, confidence: 0.7)
                    m.key = p
                    if facts(p) != nil { m.gazetteerIDs = [p] }
                    added.append(m)
                }
            }
            if !added.isEmpty {
                perSentence[s] = (perSentence[s] + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
            }
        }
        takeInOuld(&perSentence, sentences: sentences, people: people)
        // 5. groups: a list of countries ("مالي والنيجر وبوركينا فاسو") is what "الدول الثلاث" refers to later
        var group: [String] = []
        var recent: [String] = []          // countries by last mention, most recent last
        for s in perSentence.indices {
            // (a sentence without a country, before a list of two or three countries were named, can change nothing)
            guard group.count >= 2 || recent.count >= 3 || perSentence[s].indices.contains(where: { isCountry(perSentence[s], $0) }) else { continue }
            let toks = sentences[s].tokens
            let ms = perSentence[s]
            var owner = [Int?](repeating: nil, count: toks.count)
            for k in ms.indices { for x in ms[k].range where x < toks.count { owner[x] = k } }
            var added: [RawMention] = []
            var i = 0
            while i < toks.count {
                if let k = owner[i], isCountry(ms, k) {
                    // (the two fields read through a pointer: `ms[k].key` copied the whole mention)
                    var list = [Linker.key(ms, k)]
                    var e = Linker.end(ms, k)
                    while e < toks.count, let n = owner[e], isCountry(ms, n), toks[e].norm.hasPrefix("و") {
                        let key = Linker.key(ms, n)
                        if !list.contains(key) { list.append(key) }
                        e = Linker.end(ms, n)
                    }
                    for c in list { recent.removeAll { $0 == c }; recent.append(c) }
                    if list.count >= 2 { group = list }
                    i = e
                    continue
                }
                // "الدول الثلاث" after "بمالي والنيجر … إلى بوركينا فاسو": the three countries named last
                // (no list of two and fewer than three countries named yet: no phrase can refer to any)
                if owner[i] == nil, group.count >= 2 || recent.count >= 3, let (end, size) = Linker.pluralReference(toks, i),
                   let members = group.count >= 2 && (size == 0 || size == group.count) ? group
                        : (size > 2 && recent.count >= size ? Array(recent.suffix(size)) : nil),
                   !(end < toks.count && owner[end].map { ms[$0].isAdjective } == true) {
                    var m = RawMention(range: i..<end, begin: toks[i].begin, end: toks[end - 1].end, text: toks[i].text,
                                       type: .place, subtype: "group", gazetteerIDs: [], nameKey: "", isAdjective: false,
                                       role: nil, confidence: 0.6)
                    m.key = "group:" + members.joined(separator: "|")
                    added.append(m)
                    i = end
                    continue
                }
                i += 1
            }
            if !added.isEmpty { perSentence[s] = (perSentence[s] + added).sorted { $0.range.lowerBound < $1.range.lowerBound } }
        }

        // 6. «للمملكة»: the one kingdom the document names (Linker+Kingdom.swift)
        linkKingdomReferences(&perSentence, sentences: sentences)
        // 7. «الجيش», «الحركة» alone: the one army or movement the document named (Linker+BareHeads.swift)
        linkBareHeadReferences(&perSentence, sentences: sentences)

        // platforms (Facebook, Twitter) are sources, not entities; an adjective of a continent or region
        // ("الإفريقية") is not a mention of it; weak names that linked to nobody go
        func goes(_ m: UnsafePointer<RawMention>) -> Bool {
            let sub = facts(m.pointee.key)?.subtype
            return sub == "platform" || (m.pointee.isAdjective && (sub == "continent" || sub == "region"))
                || (m.pointee.type == .person && m.pointee.key.isEmpty)
        }
        for s in perSentence.indices { Linker.removeMentions(&perSentence[s], where: goes) }
    }

    /// `Lexicon.stopwords` ∪ `Lexicon.verbs` as fast keys (same membership).
    static let stopwordsAndVerbs: Set<NormKey> = Set(Lexicon.stopwords.union(Lexicon.verbs).map(NormKey.init))

    /// (mention `k` of `ms` read in place: not copied)
    func isCountry(_ ms: [RawMention], _ k: Int) -> Bool {
        ms[k].type == .place && ms[k].subtype == "country" && !ms[k].isAdjective && !Linker.keyHasPrefix(ms[k].key, "group:")
    }

    /// "الدول الثلاث", "البلدين", "الدولتين", "الجانبين", "الطرفين", "الدول الأعضاء": a plural that
    /// refers back to a list of countries. Returns the end of the phrase.
    /// The phrase's end and the number of countries it names (0 when it does not say: "الدول الأعضاء").
    static func pluralReference(_ t: [Token], _ i: Int) -> (Int, Int)? {
        // (a word that ends as no dual or plural stem does is neither: Linker+WordKeys.swift)
        guard pluralShape.mayBe(t[i].norm) else { return nil }
        let (dual, plural) = Clitics.pluralKind(t[i].norm, pluralKind)
        if dual { return (i + 1, 2) }
        if plural, i + 1 < t.count, let size = pluralSizes[t[i + 1].norm] { return (i + 2, size) }
        return nil
    }

    static let pluralSizes = ["الثلاث": 3, "الثلاثه": 3, "الاربع": 4, "الاربعه": 4, "الخمس": 5, "الخمسه": 5, "الاعضاء": 0]

    /// Whether a word is a dual ("البلدين", "الطرفين") or a plural ("الدول", "البلدان") that can refer to a list
    /// of countries (remembered per word in `Clitics`).
    static func pluralKind(_ norm: String) -> (dual: Bool, plural: Bool) {
        // both readings need the article somewhere in the word: most words are out at once
        guard NormKey.plainContains(norm, "ال") ?? norm.contains("ال") else { return (false, false) }
        let n = ArabicNormalizer.stripArticle(norm)
        let stems = [n] + Clitics.of(norm).map { ArabicNormalizer.stripArticle($0.stem) }
        let dual = stems.contains(where: dualStems.contains)
        let plural = stems.contains(where: pluralStems.contains)
        return (dual, plural)
    }
    /// (``WordSet``s: the same answers as the array literals' `contains`, without `String ==` on Arabic words.)
    static let dualStems: WordSet = ["بلدين", "دولتين", "جانبين", "طرفين"]
    static let pluralStems: WordSet = ["دول", "بلدان"]
    /// Every stem a word of `pluralKind` may have (``WordShape``: its stems end as the word does).
    static let pluralShape = WordShape(["بلدين", "دولتين", "جانبين", "طرفين", "دول", "بلدان"])

    /// The forms of a word that step 4 of `link` tries as a bare surname: the word and its clitic-free stems,
    /// of three letters or more, that are not function words or verbs.
    static func surnameCandidates(_ norm: String) -> [(stem: String, prefix: String)] {
        ([(stem: norm, prefix: "")] + Clitics.of(norm)).filter { isSurnameCandidate($0.stem) }
    }

    /// Whether a stem of `surnameCandidates` is kept: three letters or more, no function word or verb.
    @inline(__always)
    static func isSurnameCandidate(_ stem: String) -> Bool {
        Linker.characterCount(stem) >= 3 && !Linker.stopwordsAndVerbs.contains(NormKey(stem))
    }

    /// `surnameCandidates` with the `PeopleIndex.lookupKeys` of each stem.
    static func surnameLookups(_ norm: String) -> [SurnameLookup] {
        Clitics.surnameCandidates(norm, surnameCandidates).map { SurnameLookup(stem: $0.stem, prefix: $0.prefix, keys: PeopleIndex.lookupKeys($0.stem)) }
    }

    struct SurnameLookup { let stem: String; let prefix: String; let keys: [NormKey] }

    /// Two token lists name the same person when one is the other with extra middle names
    /// (first and last tokens agree) or the same after removing "عبد" spacing.
    func sameName(_ a: [String], _ b: [String]) -> Bool { Linker.sameName(a, b) }

    static func sameName(_ a: [String], _ b: [String]) -> Bool {
        if a == b { return true }
        let ja = a.joined().replacingOccurrences(of: " ", with: ""), jb = b.joined()
        if ja == jb { return true }
        guard a.count >= 2, b.count >= 2 else { return false }
        // "خليفة بلقاسم حفتر" is "خليفة حفتر"; "يونس بيك يفكيروف" is "يونس بيك يفكوروف"
        return Linker.variant(a.first!, b.first!) && Linker.variant(a.last!, b.last!)
            && (a.count == b.count ? zip(a, b).allSatisfy { Linker.variant($0, $1) } : true)
    }

    /// Two spellings of one name word: equal, or — for words of five letters or more — equal once
    /// transliteration variants are folded (تش/ش → ت, long vowels dropped: يفكوروف, يفكيروف, يفكوريف),
    /// or one edit apart for words of eight letters or more. Short words must match exactly.
    static func variant(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let a1 = ArabicNormalizer.stripArticle(a), b1 = ArabicNormalizer.stripArticle(b)
        if a1 == b1 { return true }
        guard a1.count >= 5 || b1.count >= 5 else { return false }
        if skeleton(a1) == skeleton(b1), skeleton(a1).count >= 3 { return true }
        // one inner long vowel more or less in a word of five letters: "داوود" / "داود"
        if max(a1.count, b1.count) >= 5, abs(a1.count - b1.count) == 1, oneInnerVowelApart(a1, b1) { return true }
        return min(a1.count, b1.count) >= 8 && editDistance(a1, b1) <= 1
    }

    /// The longer word is the shorter with one long vowel (ا و ي) added, neither first nor last.
    static func oneInnerVowelApart(_ a: String, _ b: String) -> Bool {
        let (x, y) = a.count > b.count ? (Array(a), Array(b)) : (Array(b), Array(a))
        guard x.count == y.count + 1 else { return false }
        var k = 0
        while k < y.count, x[k] == y[k] { k += 1 }
        guard k > 0, k < x.count - 1, "اوي".contains(x[k]) else { return false }
        return Array(x[(k + 1)...]) == Array(y[k...])
    }

    /// Consonant skeleton of a foreign name: "تش" → "ت", inner long vowels (ا و ي) dropped.
    static func skeleton(_ w: String) -> String { Clitics.skeleton(w, computeSkeleton) }

    static func computeSkeleton(_ w: String) -> String {
        // a word of Arabic letters only (each scalar a character of its own): the same steps on the scalars, without
        // Foundation's string search
        if let fast = plainSkeleton(w) { return fast }
        return slowSkeleton(w)
    }

    /// `slowSkeleton` of a word whose scalars are all Arabic letters (U+0621–U+064A), else nil: the steps below in
    /// one pass over the UTF-8 bytes (each such scalar is two bytes: D8 A1–BF or D9 80–8A).
    static func plainSkeleton(_ w: String) -> String? {
        var u = w
        return u.withUTF8 { b -> String? in
            guard arabicLetters(b) else { return nil }
            return String(unsafeUninitializedCapacity: b.count) { out in writeSkeleton(b, out, at: 0) }
        }
    }

    /// Whether every scalar of the UTF-8 `b` is an Arabic letter U+0621–U+064A (two bytes: D8 A1–BF or D9 80–8A).
    @inline(__always)
    static func arabicLetters(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let c = b.count
        guard c % 2 == 0 else { return false }
        var i = 0
        while i < c {
            let x = b[i], y = b[i + 1]
            guard (x == 0xD8 && y >= 0xA1 && y <= 0xBF) || (x == 0xD9 && y >= 0x80 && y <= 0x8A) else { return false }
            i += 2
        }
        return true
    }

    /// The steps of `slowSkeleton` on `b`, UTF-8 of Arabic letters U+0621–U+064A only (two bytes each), written to
    /// `out` from `at` (room for `b.count` bytes there): where the writing ended.
    static func writeSkeleton(_ b: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        @inline(__always) func scalar(_ j: Int) -> UInt32 { (UInt32(b[2 * j]) & 0x1F) << 6 | (UInt32(b[2 * j + 1]) & 0x3F) }
        let tah: UInt32 = 0x062A, sheen: UInt32 = 0x0634   // ت ش
        var written = at, k = 0, j = 0
        let m = b.count / 2
        while j < m {
            // "تش" → "ت", left to right, matches not overlapping; a first "ش" → "ت"; inner ا و ي dropped
            var c = scalar(j)
            j += c == tah && j + 1 < m && scalar(j + 1) == sheen ? 2 : 1
            if k == 0, c == sheen { c = tah }
            if k == 0 || !(c == 0x0627 || c == 0x0648 || c == 0x064A) {
                out[written] = UInt8(0xC0 | (c >> 6))
                out[written + 1] = UInt8(0x80 | (c & 0x3F))
                written += 2
            }
            k += 1
        }
        return written
    }

    static func slowSkeleton(_ w: String) -> String {
        var s = w.replacingOccurrences(of: "تش", with: "ت")
        if s.hasPrefix("ت") == false, s.hasPrefix("ش") { s = "ت" + s.dropFirst() }
        var out = ""
        for (k, ch) in s.enumerated() {
            if k > 0, "اوي".contains(ch) { continue }
            out.append(ch)
        }
        return out
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var prev = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return x.isEmpty ? y.count : prev[y.count]
    }

    // MARK: Ids

    /// The entity id for a key: gazetteer ids as they are; guessed keys as type prefix + transliteration + short hash.
    static func entityID(_ key: String) -> String { Clitics.entityID(key, computeEntityID) }

    static func computeEntityID(_ key: String) -> String {
        guard let colon = key.firstIndex(of: ":") else { return key }
        let kind = key[..<colon]
        let name = String(key[key.index(after: colon)...])
        switch kind {
        case "date":
            return "dat-" + (name.hasPrefix("--") ? "xxxx" + name.dropFirst(1) : name)
        default:
            let prefix = kind == "per" ? "per" : kind == "org" ? "org" : "plc"
            let base = String(transliterate(name).prefix(40))
            let h = String(StableID.hex(key).prefix(6))
            return prefix + "-" + (base.isEmpty ? "" : base + "-") + h
        }
    }

    /// A readable ASCII form of a normalised Arabic name for ids (not a scholarly transliteration).
    static func transliterate(_ s: String) -> String {
        Transliteration.ofLoneScalars(s) ?? transliterateByCharacters(s)   // (Linker+Transliteration.swift)
    }

    /// ``transliterate(_:)`` read `Character` by `Character` (any name).
    static func transliterateByCharacters(_ s: String) -> String {
        let map: [Character: String] = [
            "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
            "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f",
            "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "پ": "p",
            "چ": "ch", "ڤ": "v", "گ": "g", " ": "-", "@": "-",
        ]
        var out = ""
        for ch in s {
            if let m = map[ch] { out += m } else if ch.isASCII, ch.isLetter || ch.isNumber || ch == "-" { out += String(ch).lowercased() }
        }
        return StableID.slug(out)
    }
}

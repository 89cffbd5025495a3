import KBGraph
import KBText

/// A title or role phrase in front of a person ("وزير الدفاع", "رئيس جمهورية النيجر").
struct RoleCue {
    var range: Range<Int>          // tokens of the phrase (head and complement)
    var phrase: String             // surface text of the phrase
    /// Index (in the sentence's mention list) of the organisation or place named inside the phrase.
    var complementMention: Int?
    /// A country named by an adjective inside the phrase ("وزير الداخلية الفرنسي").
    var isRankOnly: Bool
}

/// An entity mention found in one sentence, before document-level linking.
struct RawMention {
    var range: Range<Int>          // token indices in the sentence
    var begin: Int                 // scalar offsets in the document
    var end: Int
    var text: String               // surface form (a leading clitic removed)
    var type: EntityType
    var subtype: String
    /// Gazetteer candidates (more than one only for ambiguous adjectives such as "النيجيرية").
    var gazetteerIDs: [String]
    /// Normalised name used to link guessed entities ("" for gazetteer entities).
    var nameKey: String
    var isAdjective: Bool
    var role: RoleCue?
    /// True when the mention sits inside another mention's role phrase (it qualifies the role).
    var inRolePhrase: Bool = false
    /// Resolved entity key after linking (gazetteer id or a guessed key).
    var key: String = ""
    var confidence: Double
    /// Country named next to a guessed organisation ("المجلس العسكري في النيجر").
    var countryHint: String? = nil
    /// A role phrase standing for a person named elsewhere in the document ("رئيسة الوزراء"):
    /// the linker ties it to that person or drops it.
    var titleOnly = false
    /// A one-word name after a bare role word ("قائد ميلشيات"): kept only if it links to a known person.
    var weak = false
    /// For a child named through kinship ("نجل حفتر خالد", "صدام خليفة حفتر"): the parent's name key.
    var parentKey: String? = nil
    /// For a facility named after a known place ("مطار بغداد الدولي"): that place's gazetteer id, and its mention
    /// (the linker keeps the place instead when the document names it nowhere else).
    var inPlace: String? = nil
    var innerPlace: [RawMention] = []
    /// A plural nisba ("الإيرانيين"): it names people, so it qualifies no institution, summit or organisation.
    var peoplePlural = false
}

/// Finds entity mentions in a sentence: gazetteer names and adjectives (clitic-aware, longest match),
/// people from titles and role phrases, organisations from head nouns, places from head nouns.
struct EntityRecognizer {
    let gazetteer: Gazetteer

    static let mediaHeads = Lexicon.set("وكالة الوكالة صحيفة الصحيفة قناة القناة موقع الموقع إذاعة مجلة تلفزيون التلفزيون جريدة الجريدة")
    static let descriptiveWords = Lexicon.set("""
            الذي التي الماضي المقبل الأول الثاني الأخيرة الأخير العام اليوم الحالي الجديد الجديدة السابق السابقة
            الوحيدة الوحيد المعترف الحالية المنتهية المقالة الأجنبية الأجنبي المسؤول المسؤولة المعني المعنية
            المختص المختصة المنعقد المنعقدة الشرف الإلكتروني الالكتروني الإلكترونية الالكترونية
            """)
    static let abd = Lexicon.set("عبد أبو ابو بن ابن ولد بو آل")

    func recognize(_ t: [Token]) -> [RawMention] {
        // the word classes the passes start from, the labeller's infos and the gazetteer's starts, one memo probe a
        // word (EntityRecognizer+WordCues.swift)
        let cues = WordCues(t, gazetteer: gazetteer)
        var mentions: [RawMention] = []
        var covered = [Int?](repeating: nil, count: t.count)
        // (the mention moved into the list, not copied)
        func add(_ m: consuming RawMention) {
            for k in m.range { covered[k] = mentions.count }
            mentions.append(m)
        }

        // Pass 1: gazetteer names and adjectives.
        var i = 0
        while i < t.count {
            if let m = gazetteerMatch(t, i, cues) ?? (cues.has(i, WordCues.pluralNisba) ? pluralNisba(t, i) : nil) {
                // "وزارة الخارجية الإماراتية": the country its adjective names is mentioned too, as in a guessed name
                if let inner = innerCountryAdjective(t, m) { add(inner) }
                add(m); i = m.range.upperBound
            } else { i += 1 }
        }

        // Pass 1a: patronymic names: "صدام خليفة حفتر" is Saddam, son of Khalifa Haftar, when the gazetteer
        // knows "صدام حفتر".
        for k in mentions.indices where mentions[k].type == .person && mentions[k].range.lowerBound > 0 && mentions[k].range.count >= 2 {
            let p = mentions[k].range.lowerBound - 1
            guard covered[p] == nil, t[p].kind == .word, isNameWord(t[p].norm), !EntityRecognizer.hasArticle(t[p]),
                  let last = mentions[k].range.last else { continue }
            let hits = gazetteer.lookupName(t[p].norm + " " + t[last].norm).filter { $0.type == .person }
            guard let child = hits.first, let parent = mentions[k].gazetteerIDs.first, child.id != parent else { continue }
            let range = p..<mentions[k].range.upperBound
            let (text, b) = stripped(t, range)
            mentions[k] = RawMention(range: range, begin: b, end: mentions[k].end, text: text, type: .person, subtype: child.subtype,
                                     gazetteerIDs: [child.id], nameKey: "", isAdjective: false, role: nil, confidence: 0.9)
            mentions[k].parentKey = parent
            covered[p] = k
        }

        // «إيمانوئيل ماكرون»: a known surname in quotes with the given name in another spelling (EntityRecognizer+QuotedGivenNames.swift)
        extendQuotedGivenNames(t, &mentions, &covered)

        // Pass 1b: organisations requalified by a following adjective, capitals named by an adjective,
        // facilities named after people ("مطار هواري بومدين").
        requalify(&mentions, t)
        for k in mentions.indices where mentions[k].type == .person && mentions[k].range.lowerBound > 0 {
            let h = mentions[k].range.lowerBound - 1
            guard Lexicon.facilityHeads.contains(t[h].norm) else { continue }
            let range = h..<mentions[k].range.upperBound
            let (text, b) = stripped(t, range)
            mentions[k] = RawMention(range: range, begin: b, end: mentions[k].end, text: text, type: .place, subtype: "facility",
                                     gazetteerIDs: [], nameKey: key(t, range), isAdjective: false, role: nil, confidence: 0.7)
        }
        addFacilities(t, &mentions, cues)
        addProvincesAndPolice(t, &mentions)   // "منطقة الرياض", "شرطة دبي" (EntityRecognizer+Provinces.swift)
        addMilitaryUnits(t, &mentions, cues)   // "الفيلق الخامس", "اللواء 105" (EntityRecognizer+Units.swift)
        covered = [Int?](repeating: nil, count: t.count)
        for k in mentions.indices { for x in mentions[k].range { covered[x] = k } }
        i = 0
        while i < t.count {
            // (its first test made here: most tokens are not before an adjective, and the call passes two arrays)
            if covered[i] == nil, i + 1 < t.count, let c = covered[i + 1], mentions[c].isAdjective,
               let m = capitalByAdjective(t, i, covered, mentions) {
                for k in m.range { if let c = covered[k] { mentions[c].range = 0..<0 } }
                mentions.removeAll { $0.range.isEmpty }
                mentions.append(m)
                covered = [Int?](repeating: nil, count: t.count)
                for k in mentions.indices { for x in mentions[k].range { covered[x] = k } }
                i = m.range.upperBound
            } else { i += 1 }
        }

        // Pass 2: role phrases and ranks in front of people.
        var appositions: [PendingApposition] = []
        i = 0
        while i < t.count {
            guard covered[i] == nil, cues.has(i, WordCues.roleWord), let (cueRange, nameStart) = rolePhrase(t, i, covered, mentions) else {
                i += 1; continue
            }
            let complement = cueRange.compactMap { covered[$0] }.first { mentions[$0].type != .person }
            let isRank = cueRange.count == 1 && Lexicon.ranks.contains(stripConj(t[cueRange.lowerBound].norm))
            let cue = RoleCue(range: cueRange, phrase: surface(t, cueRange), complementMention: complement, isRankOnly: isRank)
            for k in cueRange { if let c = covered[k] { mentions[c].inRolePhrase = true } }
            // "X، وزير الدفاع، وY": the title is X's apposition (EntityRecognizer+Appositions.swift); Y is read on its own
            if closesApposition(t, cueRange, nameStart, covered, mentions) {
                appositions.append(PendingApposition(cue: cue, next: nameStart))
                if covered[nameStart] == nil, nameStart == cueRange.upperBound + 1, let nameRange = personName(t, nameStart, covered) {
                    let (text, b) = stripped(t, nameRange)
                    var m = RawMention(range: nameRange, begin: b, end: t[nameRange.upperBound - 1].end, text: text,
                                       type: .person, subtype: "", gazetteerIDs: [], nameKey: key(t, nameRange),
                                       isAdjective: false, role: nil, confidence: 0.7)
                    m.weak = nameRange.count == 1
                    add(m)
                }
                i = cueRange.upperBound
                continue
            }
            if let p = covered[nameStart], mentions[p].type == .person {
                if mentions[p].role == nil || !(cue.isRankOnly) { mentions[p].role = cue }
                i = mentions[p].range.upperBound
                continue
            }
            if Lexicon.kinship.contains(stripConj(t[i].norm)), covered[nameStart] == nil,
               let nameRange = personName(t, nameStart, covered), nameRange.count == 2,
               !EntityRecognizer.hasArticle(t[nameRange.lowerBound + 1]) {
                // "نجل حفتر خالد": the family name, then the child's own name (a given name, without the article)
                let fam = nameRange.lowerBound, own = fam + 1
                var parent = RawMention(range: fam..<own, begin: t[fam].begin, end: t[fam].end, text: t[fam].text, type: .person,
                                        subtype: "", gazetteerIDs: [], nameKey: t[fam].norm, isAdjective: false, role: nil, confidence: 0.6)
                parent.weak = true
                add(parent)
                var child = RawMention(range: own..<(own + 1), begin: t[own].begin, end: t[own].end, text: t[own].text, type: .person,
                                       subtype: "", gazetteerIDs: [], nameKey: t[own].norm + " " + t[fam].norm, isAdjective: false,
                                       role: nil, confidence: 0.7)
                child.parentKey = "surname:" + t[fam].norm
                add(child)
                i = nameRange.upperBound
                continue
            }
            if covered[nameStart] == nil, let nameRange = personName(t, nameStart, covered) {
                let (text, b) = stripped(t, nameRange)
                var m = RawMention(range: nameRange, begin: b, end: t[nameRange.upperBound - 1].end, text: text,
                                   type: .person, subtype: "", gazetteerIDs: [], nameKey: key(t, nameRange),
                                   isAdjective: false, role: cue, confidence: 0.75)
                m.role = cue
                m.weak = !isRank && cueRange.count == 1 && nameRange.count == 1
                add(m)
                i = nameRange.upperBound
                // "وزيرا الدفاع والخارجية X وY": a dual or plural title's second holder after «و»
                if EntityRecognizer.isDualOrPluralHead(stripConj(t[cueRange.lowerBound].norm)), i < t.count, covered[i] == nil,
                   t[i].kind == .word, t[i].norm.plainHasPrefix("و") {
                    let stem = String(t[i].norm.dropFirst())
                    let (text, b) = strippedPrefix(t[i], "و", restore: stem)
                    var u = t   // the second name read without its conjunction
                    u[i] = Token(text: text, norm: stem, begin: b, end: t[i].end, kind: .word)
                    if let second = personName(u, i, covered), second.count >= 2 {
                        var m2 = RawMention(range: second, begin: b, end: t[second.upperBound - 1].end, text: surface(u, second),
                                            type: .person, subtype: "", gazetteerIDs: [], nameKey: key(u, second),
                                            isAdjective: false, role: cue, confidence: 0.7)
                        m2.role = cue
                        add(m2)
                        i = second.upperBound
                    }
                }
                continue
            }
            // a full role phrase with no name: a title standing for someone named elsewhere
            let afterName = i >= 2 && t[i - 1].kind == .punctuation && covered[i - 2].map { mentions[$0].type == .person } == true
            if !isRank, cueRange.count > 1, !afterName, Lexicon.roleHeads.contains(stripConj(t[i].norm)) {
                let head = i..<(i + 1)
                let (text, b) = stripped(t, head)
                var m = RawMention(range: head, begin: b, end: t[i].end, text: text, type: .person, subtype: "",
                                   gazetteerIDs: [], nameKey: "", isAdjective: false, role: cue, confidence: 0.6)
                m.titleOnly = true
                add(m)
            }
            i = cueRange.upperBound
        }

        // Pass 2b: roles after the name ("العقيد سامر نجيب، رئيس الاستخبارات العسكرية") and coordinated
        // ministers ("وزراء الخارجية X، والطاقة Y، والدفاع Z").
        for p in mentions.indices where mentions[p].type == .person {
            let e = mentions[p].range.upperBound
            guard e + 1 < t.count, t[e].kind == .punctuation, t[e].text == "،" || t[e].text == ",", covered[e + 1] == nil,
                  mentions[p].role == nil || mentions[p].role!.isRankOnly,
                  Lexicon.roleHeads.contains(stripConj(t[e + 1].norm)), let (cue, nameStart) = rolePhrase(t, e + 1, covered, mentions),
                  cue.count > 1 else { continue }
            if let c = covered[nameStart], mentions[c].type == .person { continue }
            if covered[nameStart] == nil, personName(t, nameStart, covered) != nil { continue }
            let complement = cue.compactMap { covered[$0] }.first { mentions[$0].type != .person }
            for k in cue { if let c = covered[k] { mentions[c].inRolePhrase = true } }
            mentions[p].role = RoleCue(range: cue, phrase: surface(t, cue), complementMention: complement, isRankOnly: false)
        }
        var p0 = 0
        while p0 < mentions.count {
            defer { p0 += 1 }
            guard mentions[p0].type == .person, let cue = mentions[p0].role, !cue.isRankOnly,
                  ["وزراء", "وزير", "وزيره"].contains(stripConj(t[cue.range.lowerBound].norm)) else { continue }
            var e = mentions[p0].range.upperBound
            while e + 2 < t.count, t[e].kind == .punctuation, t[e].text == "،" || t[e].text == ",", t[e + 1].norm.plainHasPrefix("وال") {
                var j = e + 1
                while j < t.count, covered[j] == nil, t[j].kind == .word, t[j].norm.plainHasPrefix("ال") || t[j].norm.plainHasPrefix("وال") { j += 1 }
                guard j < t.count, j > e + 1 else { break }
                let domain = e + 1..<j
                let domainText = surface(t, domain)
                let phrase = "وزير " + (domainText.hasPrefix("و") ? String(domainText.dropFirst()) : domainText)
                let newCue = RoleCue(range: domain, phrase: phrase, complementMention: nil, isRankOnly: false)
                if let c = covered[j], mentions[c].type == .person {
                    mentions[c].role = newCue; e = mentions[c].range.upperBound; continue
                }
                guard covered[j] == nil, let name = personName(t, j, covered) else { break }
                let (text, b) = stripped(t, name)
                var m = RawMention(range: name, begin: b, end: t[name.upperBound - 1].end, text: text, type: .person,
                                   subtype: "", gazetteerIDs: [], nameKey: key(t, name), isAdjective: false, role: newCue,
                                   confidence: 0.7)
                m.role = newCue
                add(m)
                e = name.upperBound
            }
        }

        // Pass 3: organisations and places from head nouns; outlets named with "نيوز"; bare institutions.
        i = 0
        while cues.anyHas(WordCues.mediaTrailer), i < t.count {
            if cues.has(i, WordCues.mediaTrailer), let m = mediaByTrailer(t, i, covered, mentions) { add(m) }
            i += 1
        }
        i = 0
        while i < t.count {
            // (a word with none of these cues is no bare institution, al-Qaeda or head word; other tokens have none)
            guard covered[i] == nil, cues.bits[i] & (WordCues.bareInstitution | WordCues.qaeda | WordCues.headWord) != 0 else {
                i += 1; continue
            }
            if let m = (cues.has(i, WordCues.bareInstitution) ? bareInstitution(t, i, covered, mentions) : nil)
                ?? (cues.has(i, WordCues.qaeda) ? alQaeda(t, i, covered) : nil) { add(m); i += 1; continue }
            let head = t[i].kind == .word && !t[i].norm.isMark("بقياده") ? headWord(t[i].norm) : nil
            if let h = head, Lexicon.orgHeads.contains(h), let m = organization(t, i, covered, mentions) {
                add(m); i = m.range.upperBound; continue
            }
            if let h = head, Lexicon.placeHeads.contains(h), let m = place(t, i, covered) {
                add(m); i = m.range.upperBound; continue
            }
            i += 1
        }
        i = 0
        while i < t.count {
            guard covered[i] == nil, t[i].kind == .latin else { i += 1; continue }
            var e = i
            while e < t.count, covered[e] == nil, t[e].kind == .latin { e += 1 }
            for m in latinNames(t, i..<e) { add(m) }
            i = e
        }
        // organisations found after the role phrases (pass 3) qualify the role they sit in
        for p in mentions.indices where mentions[p].type == .person {
            guard let cue = mentions[p].role else { continue }
            for k in cue.range { if let c = covered[k], c != p, !mentions[c].inRolePhrase { mentions[c].inRolePhrase = true } }
        }
        // Pass 3c: quoted names typed by a head noun or a naming word (EntityRecognizer+QuotedNames.swift)
        addQuotedNames(t, &mentions, &covered)
        addDualHeadNames(t, &mentions, &covered, cues)   // "حركتي فتح وحماس" (EntityRecognizer+DualHeads.swift)
        addDatelineOutlets(t, &mentions, &covered)   // the outlet a dateline credits (EntityRecognizer+Datelines.swift)
        // Pass 4: the statistical labeller's spans where nothing else was found (EntityRecognizer+Model.swift)
        organizationsNamedAfterPlaces(t, &mentions)
        addModelMentions(t, &mentions, reserved: appositions.map(\.cue.range), cues: cues)
        dropFinancialMali(t, &mentions)   // «دعم مالي» is financial support (EntityRecognizer+Financial.swift)
        attachAppositions(appositions, &mentions)   // now that untitled names are found (EntityRecognizer+Appositions.swift)
        governmentsAsTheirStates(t, &mentions)   // "قررت الحكومة العراقية": the state (EntityRecognizer+Governments.swift)
        addCounterpartInstitutions(t, &mentions, cues)   // "نظيرتها السودانية" (EntityRecognizer+Counterparts.swift)
        // (most lists are in order already: the sort, stable, would give them back as they are, copied)
        for k in mentions.indices.dropFirst() where mentions[k].range.lowerBound < mentions[k - 1].range.lowerBound {
            return mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        return mentions
    }

    // MARK: Gazetteer

    static let cairo = ArabicNormalizer.normalize("القاهرة")
    /// Nouns that "القاهرة" qualifies as an adjective ("compelling"): "القوة القاهرة", "الظروف القاهرة".
    static let compelledNouns = Lexicon.set("القوة قوة الظروف ظروف الأسباب أسباب")
    /// "القاهرة" as the adjective of such a noun (token `i`), not the city.
    static func isCompellingAdjective(_ t: [Token], _ i: Int) -> Bool {
        i > 0 && t[i].norm.plainEquals(cairo) && compelledNouns.contains(t[i - 1].norm)
    }

    // gazetteerMatch: EntityRecognizer+GazetteerMatch.swift

    /// Adjectives that make an international body's short name a state's own ("مجلس الأمن القومي").
    static let stateBodyAdjectives: WordSet = ["القومي", "الوطني"]

    /// False for a prefix too short to end in «ال» (two Arabic letters: four bytes at least; most prefixes are
    /// empty), so that ``hamzaIsNoArticle(_:_:)`` is false for it: checked before the token is handed over.
    @inline(__always)
    static func mayEndInArticle(_ prefix: String) -> Bool { prefix.utf8.count >= 4 }

    /// The article is never written with a hamza: in «ألباريس» or «وألفاريز» the «أل» belongs to the name, which
    /// is not «باريس» with the article (normalisation folds «أ» to «ا», so only the written text tells).
    static func hamzaIsNoArticle(_ tok: Token, _ prefix: String) -> Bool {
        guard mayEndInArticle(prefix), prefix.plainHasSuffix("ال") else { return false }
        // (a text without «أ» or «إ», U+0623 and U+0625, UTF-8 D8 A3 and D8 A5, has neither at the article's place)
        var text = tok.text
        guard text.withUTF8({ b in
            b.count >= 2 && (0..<(b.count - 1)).contains { b[$0] == 0xD8 && (b[$0 + 1] == 0xA3 || b[$0 + 1] == 0xA5) }
        }) else { return false }
        // the letter at the article's place, harakat and tatweel skipped; the word must have one more letter
        // (counted in place: no filtered copy of the text)
        let at = prefix.unicodeScalars.count - 2
        var count = 0
        var a: Unicode.Scalar? = nil
        for u in tok.text.unicodeScalars where !(0x064B...0x065F).contains(u.value) && u.value != 0x0640 {
            if count == at { a = u }
            count += 1
            if count > at + 1 { break }
        }
        guard count > at + 1, let a else { return false }
        return a == "\u{0623}" || a == "\u{0625}"
    }

    // MARK: People

    /// A role phrase or rank starting at `i`. Returns the phrase's token range and where the name starts.
    /// A role head in the dual («وزيرا», «وزيري») or «وزراء»: a title of two or more holders.
    /// (remembered per word and thread: a pure function of the word, ~3 K instructions a call)
    static func isDualOrPluralHead(_ w: String) -> Bool {
        dualOrPluralHeads.withValue { $0.get(w, computeDualOrPluralHead) }
    }
    private static let dualOrPluralHeads = PerThread { WordMemo<Bool>(slots: 1024) }
    static func computeDualOrPluralHead(_ w: String) -> Bool {
        w == "وزراء" || ((w.hasSuffix("ا") || w.hasSuffix("ي")) && Lexicon.roleHeads.contains(String(w.dropLast())))
    }

    /// Whether a word (its conjunction stripped) is a rank (1), a role head (2), a kinship word (4): remembered per word.
    static func roleWordKind(_ w: String) -> UInt8 {
        Clitics.roleWordKind(w) { w in
            (Lexicon.ranks.contains(w) ? 1 : 0) | (Lexicon.roleHeads.contains(w) ? 2 : 0) | (Lexicon.kinship.contains(w) ? 4 : 0)
        }
    }

    func rolePhrase(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> (Range<Int>, Int)? {
        guard t[i].kind == .word else { return nil }
        let w = stripConj(t[i].norm)
        // (rank / role head / kinship word: remembered per word, most words are none)
        let kind = EntityRecognizer.roleWordKind(w)
        let isRank = kind & 1 != 0
        let isHead = kind & 2 != 0
        let isKin = kind & 4 != 0
        guard isRank || isHead || isKin else { return nil }
        var j = i + 1
        if w.plainEquals("وزراء"), j + 1 < t.count, t[j].text == ":", t[j + 1].norm.plainHasPrefix("ال") { j += 1 }   // "وزراء: الخارجية فلان"
        if isHead {
            // complement: definite words, construct nouns, chained role heads, named organisations and places
            var steps = 0
            while j < t.count, steps < 9 {
                steps += 1
                if let c = covered[j] {
                    if mentions[c].type == .person { break }
                    j = mentions[c].range.upperBound; continue
                }
                let n = t[j].norm
                let s = stripConj(n)
                guard t[j].kind == .word else { break }
                // (the word's lists from one probe, the stripped word's from another: EntityRecognizer+LexiconBits.swift)
                let nb = EntityRecognizer.lexiconBits(n)
                if nb & EntityRecognizer.lexRank != 0 { break }
                // "والمتحدث باسم الحركة X": a spokesman's title runs on through «باسم» to the body he speaks for
                if n.plainEquals("باسم"), j > i + 1, ["المتحدث", "الناطق"].contains(stripConj(t[j - 1].norm)) { j += 1; continue }
                if nb & EntityRecognizer.lexStopword != 0 {
                    // "المكلفة من مجلس النواب": من followed by a named organisation
                    if n.plainEquals("من"), j + 1 < t.count, let c = covered[j + 1], mentions[c].type == .organization { j += 1; continue }
                    // "المبعوث الأممي إلى ليبيا": the place of an envoy's mission
                    if n.plainEquals("الي"), j > i + 1, j + 1 < t.count, let c = covered[j + 1], mentions[c].type == .place,
                       !mentions[c].isAdjective { j += 1; continue }
                    // "رئيس المجلس الانتقالي الحاكم في البلاد", "دائرة الإعلام في الرئاسة"
                    // "نظيريه في بوركينا": the counterpart's country after في
                    // "القيادي في حركة حماس": a member's title names the organisation after في
                    if n.plainEquals("في"), j > i + 1 || w.plainHasPrefix("نظير") || (j + 1 < t.count && covered[j + 1].map { mentions[$0].type == .organization } == true),
                       j + 1 < t.count,
                       covered[j + 1].map({ mentions[$0].type != .person }) ?? EntityRecognizer.hasArticle(t[j + 1]) { j += 1; continue }
                    break
                }
                if nb & EntityRecognizer.lexVerb != 0 { break }
                // "رئيس المجلس الرئاسي الليبي رئيس الوزراء الإيطالي X": a role head without the article after a title
                // a nationality adjective or a named body closed starts the title of another person
                if j > i + 1, n.plainEquals(s), !n.plainHasPrefix("ال"), nb & EntityRecognizer.lexRoleHead != 0, let c = covered[j - 1],
                   mentions[c].range.upperBound == j,
                   (mentions[c].type == .place && mentions[c].isAdjective) || mentions[c].type == .organization { break }
                // "وزير الداخلية والجماعات المحلية": a coordinated complement
                // "رئيس وفد الحركة والمتحدث باسمها X": a second title conjoined before the name is the same holder's
                if j > i + 1, n.plainHasPrefix("وال"), EntityRecognizer.lexiconBits(s) & EntityRecognizer.lexRoleHead != 0 { j += 1; continue }
                if j > i + 1, n.plainHasPrefix("وال"), n.count > 4 {
                    // only as a title before ", Name": the coordinated words run up to a comma
                    var e = j
                    while e < t.count, covered[e] == nil, t[e].kind == .word, t[e].norm.plainHasPrefix("ال") || t[e].norm.plainHasPrefix("وال") { e += 1 }
                    if e < t.count, t[e].text == "،" || t[e].text == "," { j = e; continue }
                    // "وزيرا الدفاع والخارجية X وY": a dual or plural title names two portfolios, so the run is its own
                    if e > j, EntityRecognizer.isDualOrPluralHead(w) { j = e; continue }
                    // "وزير الخارجية والتعاون الدولي السوداني X": the run ends at the title's nationality adjective
                    if e < t.count, let c = covered[e], mentions[c].isAdjective, mentions[c].type == .place { j = e; continue }
                    break
                }
                // "نظيره التونسي المنصف المرزوقي": the name starts at a given name with the article
                if j > i + 1, articleGivenName(t, j, covered) { break }
                if n.plainHasPrefix("ال") || n.plainHasPrefix("لل") || EntityRecognizer.lexiconBits(s) & EntityRecognizer.lexConstruct != 0
                    || nb & EntityRecognizer.lexRoleHead != 0 || (n.plainHasPrefix("ل") && Lexicon.constructNouns.contains(String(n.dropFirst()))) {
                    j += 1; continue
                }
                break
            }
        }
        var nameStart = j
        if nameStart < t.count, t[nameStart].kind == .punctuation,
           t[nameStart].text.plainEquals("،") || t[nameStart].text.plainEquals(",") || t[nameStart].text.plainEquals("/") {
            nameStart += 1
        }
        if isRank, nameStart < t.count, t[nameStart].norm.plainEquals("اول") { nameStart += 1 }   // "الفريق أول"
        if nameStart < t.count, t[nameStart].norm.plainEquals("ركن") { nameStart += 1 }             // "الفريق أول ركن"
        if nameStart + 1 < t.count, t[nameStart].norm.plainEquals("اركان"), t[nameStart + 1].norm.plainEquals("حرب") { nameStart += 2 }
        // a rank after the role phrase: "القائد العام ... المشير خليفة حفتر"
        if nameStart < t.count, nameStart > i + 1 || !isRank, covered[nameStart] == nil,
           Lexicon.ranks.contains(t[nameStart].norm) {
            nameStart += 1
            if nameStart < t.count, t[nameStart].norm.plainEquals("اول") { nameStart += 1 }
            if nameStart < t.count, covered[nameStart] == nil, t[nameStart].norm.plainHasPrefix("ال"),
               !Lexicon.stopwords.contains(t[nameStart].norm), covered[nameStart] == nil,
               nameStart + 1 < t.count, personName(t, nameStart + 1, covered) != nil || covered[nameStart + 1] != nil {
                nameStart += 1   // "اللواء المتقاعد خليفة حفتر"
            }
            // "المشير أركان حرب فلان الفلاني", "الفريق أول ركن علان العلاني" after a role phrase
            if nameStart < t.count, t[nameStart].norm.plainEquals("ركن") { nameStart += 1 }
            if nameStart + 1 < t.count, t[nameStart].norm.plainEquals("اركان"), t[nameStart + 1].norm.plainEquals("حرب") { nameStart += 2 }
        } else if isRank, nameStart < t.count, covered[nameStart] == nil, t[nameStart].norm.plainHasPrefix("ال"),
                  !Lexicon.stopwords.contains(t[nameStart].norm), nameStart + 1 < t.count,
                  covered[nameStart + 1] != nil || personName(t, nameStart + 1, covered) != nil {
            nameStart += 1
        }
        guard nameStart < t.count else { return nil }
        if isHead && j == i + 1 && !Lexicon.ranks.contains(w) {
            // a bare head word ("رئيس") with no complement names nobody unless a name follows at once
            if covered[nameStart] == nil && personName(t, nameStart, covered) == nil { return nil }
        }
        return (i..<max(j, i + 1), nameStart)
    }

    // MARK: Helpers

    /// The word without a leading conjunction or preposition clitic, if that gives a lexicon head word.
    func headWord(_ n: String) -> String? { Clitics.headWord(n, EntityRecognizer.computeHeadWord) }

    static func computeHeadWord(_ n: String) -> String? {
        if Lexicon.orgHeads.contains(n) || Lexicon.placeHeads.contains(n) { return n }
        for c in Clitics.of(n) where Lexicon.orgHeads.contains(c.stem) || Lexicon.placeHeads.contains(c.stem) {
            return c.stem
        }
        return nil
    }

    /// Strips one leading و/ف from a normalised word when the rest is a lexicon word ("ووزير" → "وزير").
    func stripConj(_ n: String) -> String { Clitics.stripConj(n, EntityRecognizer.computeStripConj) }
    static func stripConjOf(_ n: String) -> String { Clitics.stripConj(n, EntityRecognizer.computeStripConj) }

    static func computeStripConj(_ n: String) -> String {
        for c in Clitics.of(n) where c.prefix == "و" || c.prefix == "ف" || c.prefix == "ل" || c.prefix == "ب" || c.prefix == "وب" || c.prefix == "لل" || c.prefix == "ول" {
            if Lexicon.roleHeads.contains(c.stem) || Lexicon.ranks.contains(c.stem) || Lexicon.kinship.contains(c.stem)
                || Lexicon.orgHeads.contains(c.stem) || Lexicon.constructNouns.contains(c.stem) { return c.stem }
        }
        return n
    }

    /// (joined from the bytes at once, ``JoinedWords``: the same text as `map` and `joined(separator:)`)
    func surface(_ t: [Token], _ r: Range<Int>) -> String {
        r.isEmpty ? "" : JoinedWords.make(t[r.lowerBound].text, count: r.count - 1) { t[r.lowerBound + 1 + $0].text }
    }

    func key(_ t: [Token], _ r: Range<Int>) -> String {
        r.isEmpty ? "" : JoinedWords.make(t[r.lowerBound].norm, count: r.count - 1) { t[r.lowerBound + 1 + $0].norm }
    }

    /// Surface text of a range with a leading conjunction clitic removed from the first token.
    func stripped(_ t: [Token], _ r: Range<Int>) -> (String, Int) {
        let first = t[r.lowerBound]
        if let (text, b) = leadingCliticStripped(first) {
            return (JoinedWords.make(text, count: r.count - 1) { t[r.lowerBound + 1 + $0].text }, b)
        }
        var prefix = ""
        let rawIsWord = Lexicon.orgHeads.contains(first.norm) || Lexicon.placeHeads.contains(first.norm)
            || Lexicon.roleHeads.contains(first.norm) || Lexicon.ranks.contains(first.norm)
        for c in Clitics.of(first.norm) where !rawIsWord && EntityRecognizer.listContains(["و", "ف", "ب", "ل"], c.prefix) {
            if Lexicon.orgHeads.contains(c.stem) || Lexicon.placeHeads.contains(c.stem) {
                prefix = c.prefix
            } else if c.prefix.plainEquals("و") || c.prefix.plainEquals("ف"), isNameWord(c.stem) && !isNameWord(first.norm) {
                prefix = c.prefix
            }
            break
        }
        let (text, b) = strippedPrefix(first, prefix, restore: "")
        return (JoinedWords.make(text, count: r.count - 1) { t[r.lowerBound + 1 + $0].text }, b)
    }
}

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
}

/// Finds entity mentions in a sentence: gazetteer names and adjectives (clitic-aware, longest match),
/// people from titles and role phrases, organisations from head nouns, places from head nouns.
struct EntityRecognizer {
    let gazetteer: Gazetteer

    static let abd = Lexicon.set("عبد أبو ابو بن ابن ولد بو آل")

    func recognize(_ t: [Token]) -> [RawMention] {
        var mentions: [RawMention] = []
        var covered = [Int?](repeating: nil, count: t.count)
        func add(_ m: RawMention) {
            for k in m.range { covered[k] = mentions.count }
            mentions.append(m)
        }

        // Pass 1: gazetteer names and adjectives.
        var i = 0
        while i < t.count {
            if let m = gazetteerMatch(t, i) { add(m); i = m.range.upperBound } else { i += 1 }
        }

        // Pass 2: role phrases and ranks in front of people.
        i = 0
        while i < t.count {
            guard covered[i] == nil, let (cueRange, nameStart) = rolePhrase(t, i, covered, mentions) else { i += 1; continue }
            let complement = cueRange.compactMap { covered[$0] }.first { mentions[$0].type != .person }
            let isRank = cueRange.count == 1 && Lexicon.ranks.contains(stripConj(t[cueRange.lowerBound].norm))
            let cue = RoleCue(range: cueRange, phrase: surface(t, cueRange), complementMention: complement, isRankOnly: isRank)
            for k in cueRange { if let c = covered[k] { mentions[c].inRolePhrase = true } }
            if let p = covered[nameStart], mentions[p].type == .person {
                if mentions[p].role == nil || !(cue.isRankOnly) { mentions[p].role = cue }
                i = mentions[p].range.upperBound
                continue
            }
            if covered[nameStart] == nil, let nameRange = personName(t, nameStart, covered) {
                let (text, b) = stripped(t, nameRange)
                var m = RawMention(range: nameRange, begin: b, end: t[nameRange.upperBound - 1].end, text: text,
                                   type: .person, subtype: "", gazetteerIDs: [], nameKey: key(t, nameRange),
                                   isAdjective: false, role: cue, confidence: 0.75)
                m.role = cue
                add(m)
                i = nameRange.upperBound
                continue
            }
            i = cueRange.upperBound
        }

        // Pass 3: organisations and places from head nouns.
        i = 0
        while i < t.count {
            guard covered[i] == nil, t[i].kind == .word else { i += 1; continue }
            let head = headWord(t[i].norm)
            if let h = head, Lexicon.orgHeads.contains(h), let m = organization(t, i, covered, mentions) {
                add(m); i = m.range.upperBound; continue
            }
            if let h = head, Lexicon.placeHeads.contains(h), let m = place(t, i, covered) {
                add(m); i = m.range.upperBound; continue
            }
            i += 1
        }
        return mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: Gazetteer

    func gazetteerMatch(_ t: [Token], _ i: Int) -> RawMention? {
        guard t[i].kind == .word || t[i].kind == .latin else { return nil }
        let maxLen = min(gazetteer.maxTokens, t.count - i)
        if maxLen >= 1 {
            for len in stride(from: maxLen, through: 1, by: -1) {
                let range = i..<(i + len)
                guard range.allSatisfy({ t[$0].kind == .word || t[$0].kind == .latin }) else { continue }
                let rest = t[(i + 1)..<(i + len)].map(\.norm)
                for cand in [(stem: t[i].norm, prefix: "")] + ArabicNormalizer.cliticCandidates(t[i].norm) {
                    let k = ([cand.stem] + rest).joined(separator: " ")
                    let hits = gazetteer.lookupName(k)
                    if let e = hits.first {
                        let (text, b) = strippedPrefix(t[i], cand.prefix, restore: cand.stem)
                        let surface = ([text] + t[(i + 1)..<(i + len)].map(\.text)).joined(separator: " ")
                        return RawMention(range: range, begin: b, end: t[i + len - 1].end, text: surface, type: e.type,
                                          subtype: e.subtype, gazetteerIDs: hits.map(\.id), nameKey: "",
                                          isAdjective: false, role: nil, confidence: 1.0)
                    }
                }
            }
        }
        // adjectives: "الليبي", "والنيجيرية", "الأمريكية"
        for cand in [(stem: t[i].norm, prefix: "")] + ArabicNormalizer.cliticCandidates(t[i].norm) {
            let hits = gazetteer.lookupAdjective(cand.stem)
            if !hits.isEmpty {
                let (text, b) = strippedPrefix(t[i], cand.prefix, restore: cand.stem)
                return RawMention(range: i..<(i + 1), begin: b, end: t[i].end, text: text, type: .place,
                                  subtype: hits[0].subtype, gazetteerIDs: hits.map(\.id), nameKey: "",
                                  isAdjective: true, role: nil, confidence: 0.9)
            }
        }
        return nil
    }

    // MARK: People

    /// A role phrase or rank starting at `i`. Returns the phrase's token range and where the name starts.
    func rolePhrase(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> (Range<Int>, Int)? {
        guard t[i].kind == .word else { return nil }
        let w = stripConj(t[i].norm)
        let isRank = Lexicon.ranks.contains(w)
        let isHead = Lexicon.roleHeads.contains(w)
        let isKin = Lexicon.kinship.contains(w)
        guard isRank || isHead || isKin else { return nil }
        var j = i + 1
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
                if Lexicon.ranks.contains(n) { break }
                if Lexicon.stopwords.contains(n) {
                    // "المكلفة من مجلس النواب": من followed by a named organisation
                    if n == "من", j + 1 < t.count, let c = covered[j + 1], mentions[c].type == .organization { j += 1; continue }
                    break
                }
                if Lexicon.verbs.contains(n) { break }
                if n.hasPrefix("ال") || n.hasPrefix("لل") || Lexicon.constructNouns.contains(s)
                    || Lexicon.roleHeads.contains(n) || (n.hasPrefix("ل") && Lexicon.constructNouns.contains(String(n.dropFirst()))) {
                    j += 1; continue
                }
                break
            }
        }
        var nameStart = j
        if nameStart < t.count, t[nameStart].kind == .punctuation, t[nameStart].text == "،" || t[nameStart].text == "," {
            nameStart += 1
        }
        // a rank after the role phrase: "القائد العام ... المشير خليفة حفتر"
        if nameStart < t.count, nameStart > i + 1 || !isRank, covered[nameStart] == nil,
           Lexicon.ranks.contains(t[nameStart].norm) {
            nameStart += 1
            if nameStart < t.count, covered[nameStart] == nil, t[nameStart].norm.hasPrefix("ال"),
               !Lexicon.stopwords.contains(t[nameStart].norm), covered[nameStart] == nil,
               nameStart + 1 < t.count, personName(t, nameStart + 1, covered) != nil || covered[nameStart + 1] != nil {
                nameStart += 1   // "اللواء المتقاعد خليفة حفتر"
            }
        } else if isRank, nameStart < t.count, covered[nameStart] == nil, t[nameStart].norm.hasPrefix("ال"),
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

    /// The tokens of a person's name starting at `j`, or nil if no name-like word is there.
    func personName(_ t: [Token], _ j: Int, _ covered: [Int?]) -> Range<Int>? {
        var k = j
        var count = 0
        var compound = false
        while k < t.count {
            let tok = t[k]
            guard covered[k] == nil, tok.kind == .word || tok.kind == .latin else { break }
            let n = tok.norm
            if count == 0 {
                if !isNameWord(n) || n.hasPrefix("ال") || (n.hasPrefix("و") && isFunctionAfterConj(n)) { return nil }
            } else {
                if !isNameWord(n) { break }
                if n.hasPrefix("و") && n != "ولد" { break }
                if gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(n)).isEmpty == false { break }
                if n.hasPrefix("ال") {
                    let prev = t[k - 1].norm
                    if EntityRecognizer.abd.contains(prev) { count += 1; k += 1; continue }
                    if n.count < 4 { break }
                    count += 1; k += 1
                    break
                }
            }
            if EntityRecognizer.abd.contains(n) || n == "بيك" { compound = true }
            count += 1
            k += 1
            if count >= (compound ? 4 : 3) { break }
        }
        guard count > 0 else { return nil }
        // a name does not end in a connector word ("عبد")
        var end = j + count
        while end > j, EntityRecognizer.abd.contains(t[end - 1].norm) { end -= 1 }
        return end > j ? j..<end : nil
    }

    func isNameWord(_ n: String) -> Bool {
        guard n.count >= 2 else { return false }
        if n.allSatisfy({ $0.isNumber }) { return false }
        let s = stripConj(n)
        return !Lexicon.stopwords.contains(n) && !Lexicon.verbs.contains(n) && !Lexicon.verbs.contains(s)
            && !Lexicon.roleHeads.contains(s) && !Lexicon.ranks.contains(s) && !Lexicon.nonNameWords.contains(n)
            && !Lexicon.nonNameWords.contains(s) && !Lexicon.orgHeads.contains(s) && !Lexicon.placeHeads.contains(s)
            && !Lexicon.constructNouns.contains(n) && DateParser.singleMonths[n] == nil
    }

    func isFunctionAfterConj(_ n: String) -> Bool {
        let s = String(n.dropFirst())
        return Lexicon.stopwords.contains(s) || Lexicon.roleHeads.contains(s) || Lexicon.verbs.contains(s) || s.hasPrefix("ال")
    }

    // MARK: Organisations and places

    func organization(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        let head = headWord(t[i].norm) ?? t[i].norm
        var j = i + 1
        var keyParts = [ArabicNormalizer.stripArticle(head)]
        var country: String? = nil
        var modifiers = 0
        // a proper name right after an indefinite head: "مجموعة فاغنر", "موقع أفريكا إنتلجنس"
        if !head.hasPrefix("ال") {
            while j < t.count, covered[j] == nil, t[j].kind == .word || t[j].kind == .latin, !t[j].norm.hasPrefix("ال"),
                  isNameWord(t[j].norm), j - i <= 3 {
                keyParts.append(t[j].norm); j += 1; modifiers += 1
            }
        }
        // definite modifiers: "وزارة الدفاع الروسية", "المجلس العسكري في النيجر"
        while j < t.count, j - i <= 5 {
            if let c = covered[j] {
                let m = mentions[c]
                if m.type == .place, m.isAdjective || (m.subtype == "country") {
                    country = m.gazetteerIDs.first; j = m.range.upperBound; modifiers += 1
                }
                break
            }
            let n = t[j].norm
            if n == "في", j + 1 < t.count, let c = covered[j + 1], mentions[c].type == .place, mentions[c].subtype == "country",
               modifiers > 0 {
                country = mentions[c].gazetteerIDs.first; j = mentions[c].range.upperBound; break
            }
            guard t[j].kind == .word, n.hasPrefix("ال") || n.hasPrefix("لل"), !Lexicon.stopwords.contains(n),
                  !DateParser.past.contains(n), !DateParser.coming.contains(n), isModifier(n) else { break }
            keyParts.append(ArabicNormalizer.stripArticle(n)); j += 1; modifiers += 1
        }
        guard modifiers > 0 else { return nil }
        if Lexicon.genericOrgWords.contains(head) && modifiers == 1 && country != nil && keyParts.count == 1 {
            // "الحكومة الليبية", "الجيش النيجري": the state's institution
        }
        let range = i..<j
        // drop trailing modifiers covered by a country mention from the surface? keep them: they are part of the name
        let (text, b) = stripped(t, range)
        var m = RawMention(range: range, begin: b, end: t[j - 1].end, text: text, type: .organization, subtype: "",
                           gazetteerIDs: [], nameKey: keyParts.joined(separator: " ") + (country.map { "@" + $0 } ?? ""),
                           isAdjective: false, role: nil, confidence: 0.6)
        m.countryHint = country
        return m
    }

    /// Definite words that can qualify an organisation name (not time words or generic adverbs).
    func isModifier(_ n: String) -> Bool {
        let bad = Lexicon.set("الذي التي الماضي المقبل الأول الثاني الأخيرة الأخير العام اليوم الحالي الجديد الجديدة السابق السابقة")
        return !bad.contains(n) && n.count >= 4
    }

    func place(_ t: [Token], _ i: Int, _ covered: [Int?]) -> RawMention? {
        let j = i + 1
        guard j < t.count, covered[j] == nil, t[j].kind == .word, !t[j].norm.hasPrefix("ال"), isNameWord(t[j].norm) else { return nil }
        let range = j..<(j + 1)
        let head = headWord(t[i].norm) ?? ""
        return RawMention(range: range, begin: t[j].begin, end: t[j].end, text: t[j].text, type: .place,
                          subtype: head.contains("عاصم") ? "capital" : "city", gazetteerIDs: [], nameKey: t[j].norm,
                          isAdjective: false, role: nil, confidence: 0.6)
    }

    // MARK: Helpers

    /// The word without a leading conjunction or preposition clitic, if that gives a lexicon head word.
    func headWord(_ n: String) -> String? {
        if Lexicon.orgHeads.contains(n) || Lexicon.placeHeads.contains(n) { return n }
        for c in ArabicNormalizer.cliticCandidates(n) where Lexicon.orgHeads.contains(c.stem) || Lexicon.placeHeads.contains(c.stem) {
            return c.stem
        }
        return nil
    }

    /// Strips one leading و/ف from a normalised word when the rest is a lexicon word ("ووزير" → "وزير").
    func stripConj(_ n: String) -> String {
        for c in ArabicNormalizer.cliticCandidates(n) where c.prefix == "و" || c.prefix == "ف" || c.prefix == "ل" {
            if Lexicon.roleHeads.contains(c.stem) || Lexicon.ranks.contains(c.stem) || Lexicon.kinship.contains(c.stem)
                || Lexicon.orgHeads.contains(c.stem) || Lexicon.constructNouns.contains(c.stem) { return c.stem }
        }
        return n
    }

    func surface(_ t: [Token], _ r: Range<Int>) -> String { r.map { t[$0].text }.joined(separator: " ") }

    func key(_ t: [Token], _ r: Range<Int>) -> String { r.map { t[$0].norm }.joined(separator: " ") }

    /// Surface text of a range with a leading conjunction clitic removed from the first token.
    func stripped(_ t: [Token], _ r: Range<Int>) -> (String, Int) {
        let first = t[r.lowerBound]
        var prefix = ""
        for c in ArabicNormalizer.cliticCandidates(first.norm) where c.prefix == "و" || c.prefix == "ف" {
            if Lexicon.orgHeads.contains(c.stem) || Lexicon.placeHeads.contains(c.stem) || isNameWord(c.stem) && !isNameWord(first.norm) {
                prefix = c.prefix
            }
            break
        }
        let (text, b) = strippedPrefix(first, prefix, restore: "")
        return (([text] + t[(r.lowerBound + 1)..<r.upperBound].map(\.text)).joined(separator: " "), b)
    }

    /// Removes `prefix` (normalised letters) from the start of a token's surface text, skipping diacritics.
    func strippedPrefix(_ tok: Token, _ prefix: String, restore stem: String) -> (String, Int) {
        guard !prefix.isEmpty else { return (tok.text, tok.begin) }
        var letters = prefix.count
        var scalars = Array(tok.text.unicodeScalars)
        var removed = 0
        while letters > 0, !scalars.isEmpty {
            let u = scalars.removeFirst()
            removed += 1
            let v = u.value
            let isMark = (0x064B...0x065F).contains(v) || v == 0x0670 || v == 0x0640
            if !isMark { letters -= 1 }
        }
        while let u = scalars.first, (0x064B...0x065F).contains(u.value) || u.value == 0x0640 { scalars.removeFirst(); removed += 1 }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return (s, tok.begin + removed)
    }
}

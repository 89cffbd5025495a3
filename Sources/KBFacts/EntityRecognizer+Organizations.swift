// Organisations and places the entity recogniser finds from head nouns, capitals named by an adjective,
// Latin-script names and place words (split from EntityRecognizer.swift).

import KBGraph
import KBText

extension EntityRecognizer {
    // MARK: Organisations and places

    func organization(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        let head = headWord(t[i].norm) ?? t[i].norm
        let definite = EntityRecognizer.hasArticle(t[i]) || head.hasPrefix("ال")
        var j = i + 1
        var keyParts = [ArabicNormalizer.stripArticle(head)]
        var country: String? = nil
        var modifiers = 0
        var properName = false
        // "قيادة حفتر", "حكومة باولو جينتيلوني": the leader is the entity, not an organisation
        if !definite, Lexicon.leaderHeads.contains(head), j < t.count, covered[j] == nil,
           !EntityRecognizer.hasArticle(t[j]), let name = personName(t, j, covered),
           name.count > 1 || !t[j].norm.hasSuffix("ه") {
            let (text, b) = stripped(t, name)
            return RawMention(range: name, begin: b, end: t[name.upperBound - 1].end, text: text, type: .person,
                              subtype: "", gazetteerIDs: [], nameKey: key(t, name), isAdjective: false, role: nil,
                              confidence: 0.6)
        }
        // "حركة المدنيين", "تنظيم الرحلات": the verbal noun of movement or organising, not a movement or an organisation
        if !definite, ["حركه", "تنظيم"].contains(head), j < t.count, covered[j] == nil, t[j].norm.hasPrefix("ال"),
           t[j].norm.hasSuffix("ين") || t[j].norm.hasSuffix("ات"), j + 1 >= t.count || covered[j + 1] == nil && !t[j + 1].norm.hasPrefix("ال") {
            return nil
        }
        // a proper name right after an indefinite head: "مجموعة فاغنر", "موقع أفريكا إنتلجنس"
        if !definite, Lexicon.nameTakingHeads.contains(head) {
            while j < t.count, covered[j] == nil, t[j].kind == .word || t[j].kind == .latin, !EntityRecognizer.hasArticle(t[j]),
                  isNameWord(t[j].norm), !(t[j].kind == .word && t[j].norm.hasSuffix("يه")), j - i <= 3 {
                keyParts.append(t[j].norm); j += 1; modifiers += 1; properName = true
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
            guard t[j].kind == .word, EntityRecognizer.hasArticle(t[j]), !Lexicon.stopwords.contains(n),
                  !DateParser.past.contains(n), !DateParser.coming.contains(n), isModifier(n),
                  !Lexicon.ranks.contains(n), !Lexicon.roleHeads.contains(n), !Lexicon.orgHeads.contains(n) || n == "الجمهوريه" else { break }
            keyParts.append(ArabicNormalizer.stripArticle(n)); j += 1; modifiers += 1
        }
        guard modifiers > 0 else { return nil }
        let onlyCountry = country != nil && keyParts.count == 1
        if onlyCountry, let c = country, ["حكومه", "سلطات"].contains(ArabicNormalizer.stripArticle(head)) {
            // "الحكومة الجزائرية", "حكومة النيجر": the state itself
            let range = i..<j
            let (text, b) = stripped(t, range)
            return RawMention(range: range, begin: b, end: t[j - 1].end, text: text, type: .place, subtype: "country",
                              gazetteerIDs: [c], nameKey: "", isAdjective: false, role: nil, confidence: 0.8)
        }
        if !properName {
            if onlyCountry && !Lexicon.stateInstitutionHeads.contains(head) && !Lexicon.stateInstitutionHeads.contains("ال" + head) {
                return nil   // "الموقع الفرنسي", "الاستخبارات الروسية": the country is the mention
            }
            if definite && country == nil && keyParts.count == 2 && !Lexicon.namedWithOneModifier.contains(head) {
                return nil   // "الجهاز العسكري": a description, not a name
            }
        }
        let range = i..<j
        let (text, b) = stripped(t, range)
        let media = EntityRecognizer.mediaHeads
        var m = RawMention(range: range, begin: b, end: t[j - 1].end, text: text, type: .organization,
                           subtype: media.contains(head) ? "media" : "",
                           gazetteerIDs: [], nameKey: keyParts.joined(separator: " ") + (country.map { "@" + $0 } ?? ""),
                           isAdjective: false, role: nil, confidence: 0.6)
        m.countryHint = country
        return m
    }

    /// "العاصمة النيجيرية" with no city name after it: the capital of that country.
    func capitalByAdjective(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        guard t[i].kind == .word, i + 1 < t.count, let c = covered[i + 1], mentions[c].isAdjective,
              ArabicNormalizer.stripArticle(stripConj(t[i].norm)) == "عاصمه" || stripConj(t[i].norm) == "العاصمه" else { return nil }
        let after = mentions[c].range.upperBound
        if after < t.count, let n = covered[after], mentions[n].type == .place { return nil }
        let capitals = mentions[c].gazetteerIDs.compactMap { country in gazetteer.entries.first { $0.capitalOf == country }?.id }
        guard !capitals.isEmpty else { return nil }
        let range = i..<after
        let (text, b) = stripped(t, range)
        return RawMention(range: range, begin: b, end: t[after - 1].end, text: text, type: .place, subtype: "capital",
                          gazetteerIDs: capitals, nameKey: "", isAdjective: false, role: nil, confidence: 0.8)
    }

    /// A gazetteer organisation followed by another country's adjective or an unknown nisba
    /// ("مجلس النواب الإيطالي", "الكونغرس التباوي") is another organisation of the same kind.
    func requalify(_ mentions: inout [RawMention], _ t: [Token]) {
        var k = 0
        while k + 1 < mentions.count {
            let m = mentions[k], next = mentions[k + 1]
            if m.type == .organization, !m.gazetteerIDs.isEmpty, next.range.lowerBound == m.range.upperBound, next.isAdjective,
               let own = m.gazetteerIDs.first, let nextCountry = next.gazetteerIDs.first,
               gazetteer.country(of: own) != nil, gazetteer.country(of: own) != nextCountry, !next.gazetteerIDs.contains(gazetteer.country(of: own)!) {
                var g = m
                g.range = m.range.lowerBound..<next.range.upperBound
                g.end = next.end
                g.text = m.text + " " + t[next.range.lowerBound].text
                g.gazetteerIDs = []
                g.nameKey = Gazetteer.key(m.text) + "@" + nextCountry
                g.confidence = 0.7
                g.subtype = ""
                mentions[k] = g
                mentions.remove(at: k + 1)
            }
            k += 1
        }
        // unknown nisba right after a gazetteer organisation: "الكونغرس التباوي"
        for k in mentions.indices where mentions[k].type == .organization && !mentions[k].gazetteerIDs.isEmpty && mentions[k].range.count == 1 {
            let e = mentions[k].range.upperBound
            guard e < t.count, !mentions.contains(where: { $0.range.contains(e) }), EntityRecognizer.hasArticle(t[e]),
                  t[e].norm.hasSuffix("ي"), t[e].norm.count >= 5, !Lexicon.stopwords.contains(t[e].norm), isModifier(t[e].norm) else { continue }
            let generic = ["العسكري", "السياسي", "الامني", "الوطني", "الشعبي", "الرسمي", "الدولي", "الاقليمي", "المحلي", "الاعلامي", "الحالي", "الماضي"]
            if generic.contains(t[e].norm) { continue }
            mentions[k].nameKey = Gazetteer.key(mentions[k].text) + " " + ArabicNormalizer.stripArticle(t[e].norm)
            mentions[k].text += " " + t[e].text
            mentions[k].range = mentions[k].range.lowerBound..<(e + 1)
            mentions[k].end = t[e].end
            mentions[k].gazetteerIDs = []
            mentions[k].subtype = ""
            mentions[k].confidence = 0.7
        }
    }

    /// A run of capitalised Latin-script words ("Redut", "Convoy", "Africa Corps") not otherwise known: an organisation.
    func latinName(_ t: [Token], _ i: Int, _ covered: [Int?]) -> RawMention? {
        guard t[i].kind == .latin, let f = t[i].text.unicodeScalars.first, f.properties.isUppercase,
              DateParser.singleMonths[t[i].norm.lowercased()] == nil else { return nil }
        var j = i
        while j < t.count, covered[j] == nil, t[j].kind == .latin, j - i < 4 { j += 1 }
        let range = i..<j
        return RawMention(range: range, begin: t[i].begin, end: t[j - 1].end, text: surface(t, range), type: .organization,
                          subtype: "", gazetteerIDs: [], nameKey: key(t, range), isAdjective: false, role: nil, confidence: 0.5)
    }

    /// Definite words that can qualify an organisation name (not time words or generic adverbs).
    func isModifier(_ n: String) -> Bool {
        let bad = EntityRecognizer.descriptiveWords
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
}

// Organisations and places the entity recogniser finds from head nouns, capitals named by an adjective,
// Latin-script names and place words (split from EntityRecognizer.swift).

import KBGraph
import KBText

extension EntityRecognizer {
    // MARK: Organisations and places

    func organization(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        let head = headWord(t[i].norm) ?? t[i].norm
        let definite = EntityRecognizer.hasArticle(t[i]) || head.plainHasPrefix("ال")
        var j = i + 1
        var keyParts = [ArabicNormalizer.stripArticle(head)]
        var country: String? = nil
        var modifiers = 0
        var properName = false
        var countryByName = false   // the country's name right after the head («مصرف لبنان»), not its adjective
        // "قيادة حفتر", "حكومة باولو جينتيلوني": the leader is the entity, not an organisation
        if !definite, Lexicon.leaderHeads.contains(head), j < t.count, covered[j] == nil,
           !EntityRecognizer.hasArticle(t[j]), let name = personName(t, j, covered),
           name.count > 1 || !t[j].norm.plainHasSuffix("ه"), constructChainEnd(t, j, head: head, covered) == nil {
            let (text, b) = stripped(t, name)
            return RawMention(range: name, begin: b, end: t[name.upperBound - 1].end, text: text, type: .person,
                              subtype: "", gazetteerIDs: [], nameKey: key(t, name), isAdjective: false, role: nil,
                              confidence: 0.6)
        }
        // "حركة المدنيين", "تنظيم الرحلات": the verbal noun of movement or organising, not a movement or an organisation
        if !definite, ["حركه", "تنظيم"].contains(head), j < t.count, covered[j] == nil, t[j].norm.plainHasPrefix("ال"),
           t[j].norm.plainHasSuffix("ين") || t[j].norm.plainHasSuffix("ات"), j + 1 >= t.count || covered[j + 1] == nil && !t[j + 1].norm.plainHasPrefix("ال") {
            return nil
        }
        // "حركة التجارة", "حركة الملاحة": traffic; "تنظيم الانتخابات", "تنظيم الانتقال": organising something
        if !definite, j < t.count, covered[j] == nil,
           head.plainEquals("حركه") && Lexicon.motionComplements.contains(t[j].norm)
            || head.plainEquals("تنظيم") && t[j].norm.plainHasPrefix("ال") && (j + 1 >= t.count || covered[j + 1] == nil && !t[j + 1].norm.plainHasPrefix("ال")) {
            return nil
        }
        if Lexicon.summitHeads.contains(head) { return summit(t, i, covered, mentions) }
        // "صندوق الاقتراع", "التيار الكهربائي": a thing, not an organisation
        if j < t.count, Lexicon.thingComplements.contains(t[j].norm) { return nil }
        // "البحرية الروسية", not "القاعدة البحرية": an adjective after a definite noun is no head
        if Lexicon.adjectivalOrgHeads.contains(head), i > 0, EntityRecognizer.hasArticle(t[i - 1]) || covered[i - 1] != nil { return nil }
        // a proper name right after an indefinite head: "مجموعة فاغنر", "موقع أفريكا إنتلجنس"
        if !definite, Lexicon.nameTakingHeads.contains(head) {
            while j < t.count, covered[j] == nil, t[j].kind == .word || t[j].kind == .latin, !EntityRecognizer.hasArticle(t[j]),
                  isNameWord(t[j].norm), !(t[j].kind == .word && t[j].norm.plainHasSuffix("يه")), j - i <= 3 {
                keyParts.append(t[j].norm); j += 1; modifiers += 1; properName = true
            }
            // "مجموعة مسلحة", "جماعة متشددة": one indefinite feminine word after a feminine head agrees with it
            // (an adjective); a name goes on ("كتيبة عقبة بن نافع")
            if properName, j == i + 2, t[i + 1].norm.plainHasSuffix("ه"), head.plainHasSuffix("ه"),
               j >= t.count || !(t[j].kind == .word && isNameWord(t[j].norm) && !EntityRecognizer.hasArticle(t[j])) {
                return nil
            }
        }
        // "جيش تحرير السودان": the land it fights for (EntityRecognizer+Liberation.swift)
        if !definite, !properName, let e = liberationComplement(t, j, covered, mentions, withLam: false) {
            keyParts.append(contentsOf: (j..<e).map { ArabicNormalizer.stripArticle(t[$0].norm) }); j = e; modifiers += 1; properName = true
        }
        // «قوات حفظ السلام», «ائتلاف دولة القانون»: a construct chain (EntityRecognizer+NameAdjectives.swift)
        if !definite, !properName, head != EntityRecognizer.ministryHead, !Lexicon.summitHeads.contains(head),
           let e = constructChainEnd(t, j, head: head, covered) {
            keyParts.append(contentsOf: (j..<e).map { ArabicNormalizer.stripArticle(t[$0].norm) }); j = e; modifiers += 2
        }
        // "وزارة داخلية حكومة …", "وزارة خارجية البلاد": a ministry named by its domain without the article
        if !definite, head == EntityRecognizer.ministryHead, j < t.count, covered[j] == nil, t[j].kind == .word,
           Lexicon.ministryDomains.contains(t[j].norm) {
            keyParts.append(t[j].norm); j += 1; modifiers += 1
        }
        // definite modifiers: "وزارة الدفاع الروسية", "المجلس العسكري في النيجر"
        while j < t.count, j - i <= 5 {
            if let c = covered[j] {
                let m = mentions[c]
                // "قناة القاهرة الإخبارية": an outlet named by its town and a word for news or satellite
                if !definite, modifiers == 0, EntityRecognizer.mediaHeads.contains(head), m.type == .place, !m.isAdjective,
                   m.range.lowerBound == j, m.range.upperBound < t.count, covered[m.range.upperBound] == nil,
                   EntityRecognizer.outletWords.contains(t[m.range.upperBound].norm) {
                    keyParts.append(m.gazetteerIDs.first ?? m.nameKey)
                    keyParts.append(ArabicNormalizer.stripArticle(t[m.range.upperBound].norm))
                    j = m.range.upperBound + 1; modifiers += 2
                    break
                }
                // "رئاسة الحكومة التونسية": the presidency of a government the gazetteer reads as its country
                if head == EntityRecognizer.presidencyHead, modifiers == 0, m.type != .person, !m.isAdjective,
                   m.range.lowerBound == j, t[j].norm == EntityRecognizer.theGovernment {
                    keyParts.append("حكومه"); country = m.gazetteerIDs.first ?? m.countryHint; j = m.range.upperBound; modifiers += 2
                    break
                }
                if m.type == .place, m.isAdjective && !m.peoplePlural || (m.subtype == "country" && !m.isAdjective) {
                    country = m.gazetteerIDs.first; j = m.range.upperBound; modifiers += 1
                    countryByName = !m.isAdjective && modifiers == 1
                    // "المجموعة اللبنانية للإعلام", "الهيئة الليبية للاستثمار": a لل-complement after the adjective
                    if m.isAdjective, j < t.count, covered[j] == nil, isLamComplement(t[j]) {
                        keyParts.append(String(t[j].norm.dropFirst(2))); j += 1; modifiers += 1
                    }
                }
                break
            }
            let n = t[j].norm
            // "صحيفة اليوم التالي", "جريدة الصباح الجديد": an outlet's title may hold "اليوم" before another word
            // of it and "الجديد" after one; elsewhere they are a date or a description
            if !definite, !properName, EntityRecognizer.mediaHeads.contains(head), t[j].kind == .word,
               let ends = EntityRecognizer.outletTitleWord(t, j, covered, first: modifiers == 0) {
                keyParts.append(ArabicNormalizer.stripArticle(n)); j += 1; modifiers += 1
                if ends { break } else { continue }
            }
            if n.plainEquals("في"), j + 1 < t.count, let c = covered[j + 1], mentions[c].type == .place, mentions[c].subtype == "country",
               modifiers > 0 {
                country = mentions[c].gazetteerIDs.first; j = mentions[c].range.upperBound; break
            }
            // (the word's lists from one probe, EntityRecognizer+LexiconBits.swift; the tests are pure, their order free)
            let nb = EntityRecognizer.lexiconBits(n)
            guard t[j].kind == .word, EntityRecognizer.hasArticle(t[j]), nb & EntityRecognizer.lexNoModifier == 0,
                  !(definite && EntityRecognizer.isDerivedMasdar(n)),
                  nb & EntityRecognizer.lexModifier != 0 || isGeneralInName(t, j),
                  !(n.plainHasSuffix("ين") || n.plainHasSuffix("ات") || n.plainHasSuffix("ان")) || headOfKind(n) == nil,
                  !Lexicon.orgHeads.contains(n) || n.plainEquals("الجمهوريه") || n.plainEquals(EntityRecognizer.theGovernment) && head.plainEquals(EntityRecognizer.presidencyHead) && modifiers == 0 else { break }
            // «وبحث مجلس الوزراء المشروع», «ورفضت الحركة الشعبية الاتفاق»: after a definite head or the genitive of an
            // indefinite one, only an adjective goes on the name; a noun is the verb's object (EntityRecognizer+NameAdjectives.swift)
            if definite || modifiers > 0, !n.plainHasPrefix("لل"), !EntityRecognizer.isNameAdjective(n) { break }
            keyParts.append(ArabicNormalizer.stripArticle(n)); j += 1; modifiers += 1
            // "العام" ends the name's adjectives: a country's adjective may follow ("الاتحاد العام التونسي"), or a purpose
            if n == EntityRecognizer.general, !(j < t.count && covered[j].map { mentions[$0].isAdjective } == true) { break }
        }
        // "وزارة الخارجية وشؤون المغتربين": a ministry's second portfolio, then its country's adjective
        if head == EntityRecognizer.ministryHead, modifiers > 0, country == nil, let (e, keys) = coordinatedPortfolio(t, j, covered) {
            keyParts.append(contentsOf: keys); j = e; modifiers += 1
            if j < t.count, let c = covered[j], mentions[c].isAdjective, mentions[c].type == .place, !mentions[c].peoplePlural,
               mentions[c].range.lowerBound == j {
                country = mentions[c].gazetteerIDs.first; j = mentions[c].range.upperBound
            }
        }
        guard modifiers > 0 else { return nil }
        // "اللجنة العليا للانتخابات", "المديرية العامة للأمن الوطني": an institution's adjective and its purpose
        if country == nil, EntityRecognizer.institutionalAdjectives.contains(t[j - 1].norm), j < t.count, covered[j] == nil,
           isLamComplement(t[j]), !EntityRecognizer.nonComplements.contains(t[j].norm) {
            keyParts.append(String(t[j].norm.dropFirst(2))); j += 1; modifiers += 1
            if j < t.count, let c = covered[j], mentions[c].isAdjective, !mentions[c].peoplePlural, mentions[c].range.lowerBound == j {
                country = mentions[c].gazetteerIDs.first; j = mentions[c].range.upperBound
            } else if j < t.count, covered[j] == nil, t[j].kind == .word, EntityRecognizer.hasArticle(t[j]), isModifier(t[j].norm),
                      t[j].norm.plainHasSuffix("ي") || t[j].norm.plainHasSuffix("يه"), !Lexicon.stopwords.contains(t[j].norm),
                      !DateParser.past.contains(t[j].norm), !DateParser.coming.contains(t[j].norm) {
                keyParts.append(ArabicNormalizer.stripArticle(t[j].norm)); j += 1   // "للأمن الوطني"
            }
        }
        // "الحركة الشعبية لتحرير السودان": a movement's adjectives and the land it fights for
        if definite, country == nil, modifiers > 0, let e = liberationComplement(t, j, covered, mentions, withLam: true) {
            keyParts.append(contentsOf: (j..<e).map { ArabicNormalizer.stripArticle(t[$0].norm) }); j = e; modifiers += 1
        }
        // "اللجنة التحضيرية لمؤتمر بغداد", "اللجنة المركزية لحركة النهضة": a body of a named organisation or meeting,
        // its head with ل and that name (a mention, or definite modifiers) after the qualifier
        if definite, country == nil, j + 1 < t.count, covered[j] == nil, t[j].kind == .word, t[j].norm.plainHasPrefix("ل"), !t[j].norm.plainHasPrefix("لل"),
           Lexicon.orgHeads.contains(String(t[j].norm.dropFirst())) {
            var e = j + 1
            if let c = covered[e] {
                let m = mentions[c]
                if m.type != .person, !m.isAdjective, m.range.lowerBound == e { e = m.range.upperBound }
            } else {
                while e < t.count, e - j <= 2, covered[e] == nil, t[e].kind == .word, EntityRecognizer.hasArticle(t[e]),
                      !Lexicon.stopwords.contains(t[e].norm), isModifier(t[e].norm), !DateParser.past.contains(t[e].norm),
                      !DateParser.coming.contains(t[e].norm) { e += 1 }
            }
            if e > j + 1 {
                keyParts.append(contentsOf: ((j)..<e).map { t[$0].norm }); j = e; modifiers += 1
            }
        }
        let onlyCountry = country != nil && keyParts.count == 1
        // "الحكومة العراقية", "حكومة النيجر": the government, an organisation (EntityRecognizer+Governments.swift)
        if onlyCountry, let c = country, ArabicNormalizer.stripArticle(head) == "حكومه" {
            return governmentMention(t, i..<j, country: c)
        }
        if onlyCountry, let c = country, ArabicNormalizer.stripArticle(head) == "سلطات" {
            // "السلطات الجزائرية": the state itself
            let range = i..<j
            let (text, b) = stripped(t, range)
            return RawMention(range: range, begin: b, end: t[j - 1].end, text: text, type: .place, subtype: "country",
                              gazetteerIDs: [c], nameKey: "", isAdjective: false, role: nil, confidence: 0.8)
        }
        if !properName {
            // "تلفزيون تشاد", "إذاعة فرنسا": an indefinite outlet head before a country's name is a name
            let outletOfCountry = !definite && EntityRecognizer.mediaHeads.contains(head)
            // "مصرف لبنان", "بنك السودان": a bank named by its country is the country's central bank
            let bankOfCountry = !definite && countryByName && EntityRecognizer.bankHeads.contains(head)
            if bankOfCountry, j < t.count, covered[j] == nil, t[j].norm == EntityRecognizer.central { keyParts.append("مركزي"); j += 1 }
            if onlyCountry && !outletOfCountry && !bankOfCountry && !Lexicon.stateInstitutionHeads.contains(head) && !Lexicon.stateInstitutionHeads.contains("ال" + head) {
                return nil   // "الموقع الفرنسي", "الاستخبارات الروسية": the country is the mention
            }
            if definite && country == nil && keyParts.count == 2 && !Lexicon.namedWithOneModifier.contains(head) {
                return nil   // "الجهاز العسكري": a description, not a name
            }
        }
        let range = i..<j
        let (text, b) = stripped(t, range)
        let media = EntityRecognizer.mediaHeads
        // "قناة المنار" and "موقع المنار": one outlet whatever its medium (the key leaves the outlet noun out)
        let parts = !definite && media.contains(head) && keyParts.count >= 2 ? ["منبر"] + keyParts.dropFirst() : keyParts
        var m = RawMention(range: range, begin: b, end: t[j - 1].end, text: text, type: .organization,
                           subtype: media.contains(head) ? "media" : "",
                           gazetteerIDs: [], nameKey: parts.joined(separator: " ") + (country.map { "@" + $0 } ?? ""),
                           isAdjective: false, role: nil, confidence: 0.6)
        m.countryHint = country
        return m
    }

    /// "رئاسة" + "الحكومة": the presidency of a government ("رئاسة الحكومة المغربية"), one organisation.
    static let presidencyHead = ArabicNormalizer.normalize("رئاسة")
    static let bankHeads = Lexicon.set("بنك مصرف")
    static let central = ArabicNormalizer.normalize("المركزي")
    static let ministryHead = ArabicNormalizer.normalize("وزارة")
    static let theGovernment = ArabicNormalizer.normalize("الحكومة")

    /// Words that make a town's name an outlet's after an outlet head ("قناة القاهرة الإخبارية").
    static let outletWords = Lexicon.set("الإخبارية الإخباري الفضائية الفضائي")

    /// A word of an outlet's title after an indefinite outlet head that the modifier rules would take for a date
    /// or a description: "اليوم" as the title's first word when a free definite word of the title follows ("صحيفة
    /// اليوم السابع"; not "صحيفة اليوم" alone, nor before a weekday or "الماضي"), "الجديد(ة)" after one word of it
    /// ("الصباح الجديد"), which ends the title. nil: not such a word; else whether the title ends with it.
    static func outletTitleWord(_ t: [Token], _ j: Int, _ covered: [Int?], first: Bool) -> Bool? {
        guard covered[j] == nil else { return nil }
        let n = t[j].norm
        if first, n == today, j + 1 < t.count, covered[j + 1] == nil, t[j + 1].kind == .word {
            let next = t[j + 1].norm
            guard EntityRecognizer.hasArticle(t[j + 1]), next.count >= 5, !Lexicon.stopwords.contains(next),
                  !descriptiveWords.contains(next), !DateParser.weekdays.contains(next), !DateParser.past.contains(next),
                  !DateParser.coming.contains(next), !DateParser.current.contains(next) else { return nil }
            return false
        }
        if !first, newWords.contains(n) { return true }
        return nil
    }
    static let today = ArabicNormalizer.normalize("اليوم")
    static let newWords = Lexicon.set("الجديد الجديدة")

    /// "العاصمة النيجيرية" with no city name after it: the capital of that country.
    func capitalByAdjective(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        guard t[i].kind == .word, i + 1 < t.count, let c = covered[i + 1], mentions[c].isAdjective,
              ArabicNormalizer.stripArticle(stripConj(t[i].norm)).plainEquals("عاصمه") || stripConj(t[i].norm).plainEquals("العاصمه") else { return nil }
        let after = mentions[c].range.upperBound
        if after < t.count, let n = covered[after], mentions[n].type == .place { return nil }
        let capitals = mentions[c].gazetteerIDs.compactMap { country in gazetteer.entries.first { $0.capitalOf == country }?.id }
        guard !capitals.isEmpty else { return nil }
        // the head alone is the capital's mention: the adjective stays its country's (as the news gold reads it)
        let range = i..<(i + 1)
        let (text, b) = stripped(t, range)
        return RawMention(range: range, begin: b, end: t[i].end, text: text, type: .place, subtype: "capital",
                          gazetteerIDs: capitals, nameKey: "", isAdjective: false, role: nil, confidence: 0.8)
    }

    /// A gazetteer organisation followed by another country's adjective or an unknown nisba
    /// ("مجلس النواب الإيطالي", "الكونغرس التباوي") is another organisation of the same kind.
    func requalify(_ mentions: inout [RawMention], _ t: [Token]) {
        var k = 0
        while k + 1 < mentions.count {
            // (the first tests read the mentions in place: most pairs are no organisation and adjective, and a
            // copy of a mention costs a retain of each of its strings)
            guard mentions[k].type == .organization, !mentions[k].gazetteerIDs.isEmpty, mentions[k + 1].isAdjective else { k += 1; continue }
            let m = mentions[k], next = mentions[k + 1]
            if m.type == .organization, !m.gazetteerIDs.isEmpty, next.range.lowerBound == m.range.upperBound, next.isAdjective, !next.peoplePlural,
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
                  t[e].norm.plainHasSuffix("ي"), t[e].norm.count >= 5, !Lexicon.stopwords.contains(t[e].norm), isModifier(t[e].norm) else { continue }
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

    /// A word that completes an organisation's name with لل ("للإعلام", "للاستثمار"), not "للمرة" or "للشؤون".
    /// "العام" in a name ("الاتحاد العام", "مديرية الأمن العام"), not the year ("… العام المقبل", "العام 2020").
    func isGeneralInName(_ t: [Token], _ j: Int) -> Bool {
        guard t[j].norm == EntityRecognizer.general else { return false }
        guard j + 1 < t.count else { return true }
        let next = t[j + 1]
        return next.kind != .number && !DateParser.past.contains(next.norm) && !DateParser.coming.contains(next.norm)
            && !Lexicon.stopwords.contains(next.norm)
    }

    static let general = ArabicNormalizer.normalize("العام")

    /// Adjectives of an institution's name before its purpose ("اللجنة العليا للانتخابات", "المجلس الأعلى للقضاء",
    /// "الهيئة الوطنية للإعلام", "المديرية العامة للأمن الوطني").
    static let institutionalAdjectives = Lexicon.set("""
        العام العامة العليا الأعلى الوطني الوطنية المستقلة المستقل الدائمة الدائم الاتحادية الاتحادي المركزية المركزي
        """)

    func isLamComplement(_ tok: Token) -> Bool {
        let n = tok.norm
        return tok.kind == .word && n.plainHasPrefix("لل") && n.count >= 5 && !Lexicon.stopwords.contains(n)
            && !EntityRecognizer.lamNonNames.contains(n) && isModifier(n)
    }

    /// لل-words that never complete an organisation's name ("للمرة", "للشؤون" of a role, "للصحفيين").
    static let lamNonNames = Lexicon.set("للمرة للمره للشؤون للصحفيين للمواطنين للشعب للبلاد")

    /// Definite words that can qualify an organisation name (not time words, generic adverbs or place nouns:
    /// "القوات المالية المدينة" stops before "المدينة").
    /// A definite verbal noun of the derived forms VII, VIII and X ("الانتشار", "الاستقرار", "الانسحاب"): after a
    /// definite head it is the head's action ("بدأ الجيش الانتشار"), not a word of a name (adjectives end in ي).
    static func isDerivedMasdar(_ n: String) -> Bool {
        let c = Array(n)
        return c.count >= 8 && n.plainHasPrefix("الا") && c[c.count - 2] == "ا" && !n.plainHasSuffix("ي")
    }

    func isModifier(_ n: String) -> Bool { EntityRecognizer.isModifierWord(n) }

    static func isModifierWord(_ n: String) -> Bool {
        let bad = EntityRecognizer.descriptiveWords
        return !bad.contains(n) && n.count >= 4 && !Lexicon.placeHeads.contains(n)
            && !Lexicon.placeHeads.contains(ArabicNormalizer.stripArticle(n))
    }

    func place(_ t: [Token], _ i: Int, _ covered: [Int?]) -> RawMention? {
        let j = i + 1
        guard j < t.count, covered[j] == nil, t[j].kind == .word, !t[j].norm.plainHasPrefix("ال"),
              isNameWord(t[j].norm) || EntityRecognizer.toponymElements.contains(t[j].norm) && toponymEnd(t, j, head: "", covered) > j + 1
        else { return nil }
        // "لولاية مدتها أربع سنوات": a term of office, not a province
        if EntityRecognizer.looksLikeVerbOrPossessed(t[j].norm), gazetteer.lookupName(t[j].norm).isEmpty { return nil }
        let head = headWord(t[i].norm) ?? ""
        // "المدينة ووسط …": after the definite head a word with و starts the next conjunct, not the city's name
        if EntityRecognizer.hasArticle(t[i]) || head.plainHasPrefix("ال"), t[j].norm.plainHasPrefix("و"), gazetteer.lookupName(t[j].norm).isEmpty {
            return nil
        }
        // «قرية عين الحجر», «بلدة عيتا الشعب»: a two-word name (EntityRecognizer+Toponyms.swift)
        let range = j..<toponymEnd(t, j, head: head, covered)
        return RawMention(range: range, begin: t[j].begin, end: t[range.upperBound - 1].end, text: surface(t, range), type: .place,
                          subtype: head.contains("عاصم") ? "capital" : "city", gazetteerIDs: [], nameKey: key(t, range),
                          isAdjective: false, role: nil, confidence: 0.6)
    }
}

extension EntityRecognizer {
    // MARK: Summits, outlets, short forms, Latin names

    /// A summit or conference named by nationality adjectives ("القمة العربية", "القمة الروسية الأفريقية"),
    /// or by its host place and a purpose ("مؤتمر برلين للسلام", "مؤتمر بغداد للتعاون والشراكة"). An adjective
    /// that only describes it ("المؤتمر الصحفي", "القمة الطارئة") names nothing; a place named alone after
    /// the head ("قمة جدة") stays a place.
    func summit(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        let definite = EntityRecognizer.hasArticle(t[i]) || (headWord(t[i].norm) ?? "").plainHasPrefix("ال")
        var j = i + 1
        var adjectives = 0, hostPlace = false
        var keyParts = [ArabicNormalizer.stripArticle(headWord(t[i].norm) ?? t[i].norm)]
        while j < t.count, j - i <= 4 {
            if let c = covered[j] {
                let m = mentions[c]
                if m.isAdjective, !m.peoplePlural, m.range.lowerBound == j {
                    keyParts.append(m.gazetteerIDs.first ?? t[j].norm); j = m.range.upperBound; adjectives += 1; continue
                }
                if !definite, adjectives == 0, !hostPlace, m.type == .place, m.range.lowerBound == j {
                    keyParts.append(m.gazetteerIDs.first ?? m.nameKey); j = m.range.upperBound; hostPlace = true; continue
                }
                break
            }
            let n = t[j].norm
            guard t[j].kind == .word, EntityRecognizer.hasArticle(t[j]), n.plainHasPrefix("ال"), n.count >= 6, n.plainHasSuffix("يه") || n.plainHasSuffix("ي"),
                  !Lexicon.genericSummitAdjectives.contains(n), !DateParser.coming.contains(n), !DateParser.past.contains(n),
                  !EntityRecognizer.descriptiveWords.contains(n), !Lexicon.stopwords.contains(n) else { break }
            keyParts.append(ArabicNormalizer.stripArticle(n)); j += 1; adjectives += 1
        }
        // its purpose: "للتعاون والشراكة", "للسلام"
        var purpose = false
        if adjectives > 0 || hostPlace, j < t.count, covered[j] == nil, t[j].kind == .word, t[j].norm.plainHasPrefix("لل"),
           t[j].norm.count >= 5, !Lexicon.stopwords.contains(t[j].norm), !EntityRecognizer.nonComplements.contains(t[j].norm) {
            keyParts.append(String(t[j].norm.dropFirst(2))); j += 1; purpose = true
            while j < t.count, j - i <= 7, covered[j] == nil, t[j].kind == .word, t[j].norm.plainHasPrefix("وال"), t[j].norm.count >= 6 {
                keyParts.append(String(t[j].norm.dropFirst(3))); j += 1
            }
        }
        guard adjectives > 0 || (hostPlace && purpose) else { return nil }
        let range = i..<j
        let (text, b) = stripped(t, range)
        return RawMention(range: range, begin: b, end: t[j - 1].end, text: text, type: .organization, subtype: "event",
                          gazetteerIDs: [], nameKey: keyParts.joined(separator: " "), isAdjective: false, role: nil, confidence: 0.6)
    }

    /// An outlet named by a place or a name and a trailing "نيوز", "تايمز", "بوست" ("فاس نيوز", "الإيطالية
    /// نيوز"): the words before the trailer (a place or adjective mention, or up to two name words) and it.
    func mediaByTrailer(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        guard i > 0, covered[i] == nil, t[i].kind == .word, orgWordFlags(t[i].norm) & EntityRecognizer.flagMediaTrailer != 0 else { return nil }
        var start = i
        if let c = covered[i - 1] {
            let m = mentions[c]
            guard m.type != .person, m.range.upperBound == i, m.range.count <= 3 else { return nil }
            start = m.range.lowerBound
        } else {
            while start > 0, i - start < 2, covered[start - 1] == nil, t[start - 1].kind == .word || t[start - 1].kind == .latin,
                  isNameWord(t[start - 1].norm), !isHeadNoun(t[start - 1].norm) { start -= 1 }
        }
        guard start < i else { return nil }
        let range = start..<(i + 1)
        let (text, b) = stripped(t, range)
        return RawMention(range: range, begin: b, end: t[i].end, text: text, type: .organization, subtype: "media",
                          gazetteerIDs: [], nameKey: key(t, range), isAdjective: false, role: nil, confidence: 0.6)
    }

    /// An organisation head noun or outlet noun, clitics aside ("لشبكة"): it stays out of a name before "بريس".
    func isHeadNoun(_ n: String) -> Bool {
        if headWord(n) != nil { return true }
        return ([n] + Clitics.of(n).map(\.stem)).contains { EntityRecognizer.mediaHeads.contains($0) || EntityRecognizer.outletNouns.contains($0) }
    }

    /// "شركة الفرات للاتصالات", "بنك النيل للاستثمار": an indefinite organisation head, a place the gazetteer
    /// knows and a لل-complement name one organisation (the place mention becomes it, in place).
    func organizationsNamedAfterPlaces(_ t: [Token], _ mentions: inout [RawMention]) {
        for k in mentions.indices where mentions[k].type == .place && !mentions[k].isAdjective && !mentions[k].inRolePhrase
            && mentions[k].role == nil && mentions[k].range.lowerBound > 0 {
            let h = mentions[k].range.lowerBound - 1, e = mentions[k].range.upperBound
            guard e < t.count, t[h].kind == .word, t[e].kind == .word, !EntityRecognizer.hasArticle(t[h]),
                  let head = headWord(t[h].norm), Lexicon.orgHeads.contains(head), !head.plainHasPrefix("ال"),
                  !mentions.contains(where: { $0.range.contains(h) || $0.range.contains(e) }),
                  t[e].norm.plainHasPrefix("لل"), t[e].norm.count >= 5, !Lexicon.stopwords.contains(t[e].norm),
                  !EntityRecognizer.nonComplements.contains(t[e].norm) else { continue }
            let range = h..<(e + 1)
            let (text, b) = stripped(t, range)
            mentions[k] = RawMention(range: range, begin: b, end: t[e].end, text: text, type: .organization, subtype: "",
                                     gazetteerIDs: [], nameKey: key(t, range), isAdjective: false, role: nil, confidence: 0.7)
        }
    }

    /// Nouns for an outlet that are no head noun of a name of their own here ("شبكة", "منصة").
    static let outletNouns = Lexicon.set("شبكة الشبكة منصة المنصة")

    /// Words before a bare institution that make it the one speaking or spoken of ("بيان الخارجية", "أعلنت
    /// الرئاسة", "المتحدث باسم الداخلية").
    static let statementNouns = Lexicon.set("بيان بيانا لبيان ببيان بلاغ بلاغا تصريح مصادر مصدر باسم وزارة")

    /// "الرئاسة", "الخارجية", "الداخلية" standing alone for the country's presidency or ministry, as the
    /// subject of a statement verb or after a statement noun; no adjective or complement follows (those are
    /// read as names by the other rules). The key has no country: the linker ties it to the same institution
    /// named with its country in the document.
    func bareInstitution(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> RawMention? {
        guard i > 0, covered[i] == nil, t[i].kind == .word, orgWordFlags(t[i].norm) & EntityRecognizer.flagBareInstitution != 0 else { return nil }
        let forms = EntityRecognizer.bareInstitutionForms(t[i].norm)
        guard let (stem, prefix) = forms.first(where: { EntityRecognizer.bareInstitutions[$0.0] != nil }),
              let nameKey = EntityRecognizer.bareInstitutions[stem] else { return nil }
        // an adjective or complement after it makes a longer name (read by the other rules); a person or a title
        // does not ("ومتحدث الرئاسة السفير فلان", "في الرئاسة فلان الفلاني")
        if i + 1 < t.count {
            let next = t[i + 1]
            if let c = covered[i + 1], mentions[c].type != .person { return nil }
            if covered[i + 1] == nil, next.kind == .word, EntityRecognizer.hasArticle(next),
               !Lexicon.ranks.contains(next.norm), !Lexicon.roleHeads.contains(next.norm) { return nil }
        }
        let prev = t[i - 1].norm
        let prevForms = [prev] + Clitics.of(prev).filter { $0.prefix == "و" || $0.prefix == "ف" }.map(\.stem)
        if prefix == "لل" {
            // "الموقع الإلكتروني للرئاسة", "بيان للخارجية": owned by the institution; not "مرشح للرئاسة" (the office)
            guard prevForms.contains(where: { EntityRecognizer.ownedByInstitution.contains($0) }) else { return nil }
            let (rest, b) = strippedPrefix(t[i], "لل", restore: "")
            return RawMention(range: i..<(i + 1), begin: b, end: t[i].end, text: "ال" + rest, type: .organization, subtype: "",
                              gazetteerIDs: [], nameKey: nameKey, isAdjective: false, role: nil, confidence: 0.6)
        }
        guard prevForms.contains(where: { Lexicon.verbs.contains($0) || EntityRecognizer.statementNouns.contains($0)
            || EntityRecognizer.bareInstitutionContext.contains($0) }) else { return nil }
        let (text, b) = strippedPrefix(t[i], prefix, restore: stem)
        return RawMention(range: i..<(i + 1), begin: b, end: t[i].end, text: text, type: .organization, subtype: "",
                          gazetteerIDs: [], nameKey: nameKey, isAdjective: false, role: nil, confidence: 0.6)
    }

    /// The word and its forms without و/ف, and with لل read as the article ("للرئاسة" → "الرئاسة", prefix "لل").
    static func bareInstitutionForms(_ w: String) -> [(String, String)] {
        var forms = [(w, "")] + Clitics.of(w).filter { $0.prefix == "و" || $0.prefix == "ف" }.map { ($0.stem, $0.prefix) }
        if w.hasPrefix("لل") { forms.append(("ال" + String(w.dropFirst(2)), "لل")) }
        return forms
    }

    /// Words before a bare institution that make it the one speaking or working ("متحدث الرئاسة", "صادر عن
    /// الخارجية", "حسب الخارجية", "مستشار في الرئاسة"): a spokesman's noun or a preposition of source or place.
    static let bareInstitutionContext = Lexicon.set("متحدث المتحدث ناطق الناطق حسب عن في")

    /// Words before "لل" + a bare institution that make it the owner ("الموقع الإلكتروني للرئاسة", "بيان للخارجية").
    static let ownedByInstitution = Lexicon.set("""
        الإلكتروني الالكتروني الرسمي التابع التابعة بيان بيانا بلاغ متحدث المتحدث ناطق الناطق مصدر مصادر موقع الموقع
        """)

    static let flagMediaTrailer: UInt8 = 1, flagBareInstitution: UInt8 = 2

    /// What the outlet and short-form rules need to know of a word, remembered per word (most words are neither).
    func orgWordFlags(_ n: String) -> UInt8 { EntityRecognizer.orgWordFlags(n) }

    static func orgWordFlags(_ n: String) -> UInt8 {
        Clitics.orgWordFlags(n) { w in
            var f: UInt8 = 0
            if Lexicon.mediaTrailers.contains(w) { f |= EntityRecognizer.flagMediaTrailer }
            if EntityRecognizer.bareInstitutionForms(w).contains(where: { EntityRecognizer.bareInstitutions[$0.0] != nil }) {
                f |= EntityRecognizer.flagBareInstitution
            }
            return f
        }
    }

    static let bareInstitutions: [String: String] = [
        ArabicNormalizer.normalize("الرئاسة"): ArabicNormalizer.normalize("رئاسة"),
        ArabicNormalizer.normalize("الخارجية"): ArabicNormalizer.normalize("وزارة خارجية"),
        ArabicNormalizer.normalize("الداخلية"): ArabicNormalizer.normalize("وزارة داخلية"),
    ]

    /// Latin-script words that name no organisation: time zones and units.
    static let latinNonNames: Set<String> = ["gmt", "utc", "am", "pm", "pdf", "km", "kg", "usd", "eur"]
    /// Lower-case words inside a Latin-script name ("Ursula von der Leyen", "Bank of Africa").
    static let latinConnectors: Set<String> = ["of", "and", "the", "de", "du", "des", "la", "le", "al", "el", "von", "van", "der", "bin", "for"]
    /// Words that make a Latin-script run of capitalised words an organisation rather than a person's name.
    static let latinOrgWords: Set<String> = [
        "news", "agency", "group", "corps", "press", "tv", "times", "post", "company", "bank", "network", "media", "council",
        "force", "forces", "army", "party", "front", "movement", "union", "institute", "center", "centre", "foundation",
        "radio", "channel", "daily", "tribune", "journal", "magazine", "watch", "intelligence", "international", "global",
        "organization", "organisation", "association", "ministry", "office", "service", "services", "airlines", "airways",
        "energy", "oil", "petroleum", "holding", "capital", "partners", "security", "consulting", "research", "university",
    ]

    /// Organisations in a run of Latin-script words: share-button boilerplate ("Facebook social icon") and
    /// people's names in Latin script ("Mark Rutte") give none; a single capitalised word or acronym ("Redut",
    /// "REUTERS") or a run with an organisation word ("Africa Corps") gives one (at most four words).
    func latinNames(_ t: [Token], _ run: Range<Int>) -> [RawMention] {
        let words = run.map { t[$0].text }
        let lower = words.map { $0.lowercased() }
        func capital(_ w: String) -> Bool { w.unicodeScalars.first?.properties.isUppercase == true }
        if zip(words, lower).contains(where: { !capital($0.0) && !EntityRecognizer.latinConnectors.contains($0.1) }) { return [] }
        let kept = run.filter { !EntityRecognizer.latinNonNames.contains(t[$0].text.lowercased())
            && DateParser.singleMonths[t[$0].norm.lowercased()] == nil }
        guard let first = kept.first, let last = kept.last, kept.count == last - first + 1, capital(t[first].text) else { return [] }
        // an acronym in capitals before a name in title case ("REUTERS Jane Doe": a photo credit) is a name of its own
        func acronym(_ w: String) -> Bool { w.count >= 2 && w.unicodeScalars.allSatisfy { $0.properties.isUppercase || ("0"..."9").contains($0) } }
        if kept.count >= 3, acronym(t[first].text),
           kept.dropFirst().allSatisfy({ !acronym(t[$0].text) || EntityRecognizer.latinConnectors.contains(t[$0].text.lowercased()) }) {
            return latinNames(t, first..<(first + 1)) + latinNames(t, (first + 1)..<(last + 1))
        }
        let hasOrgWord = kept.contains { EntityRecognizer.latinOrgWords.contains(t[$0].text.lowercased()) }
        let titleCase = kept.filter { capital(t[$0].text) }.allSatisfy { t[$0].text.unicodeScalars.dropFirst().contains { $0.properties.isLowercase } }
        if kept.count >= 2, titleCase, !hasOrgWord { return [] }   // a person's name in Latin script
        let range = first..<min(last + 1, first + 4)
        return [RawMention(range: range, begin: t[first].begin, end: t[range.upperBound - 1].end, text: surface(t, range),
                           type: .organization, subtype: "", gazetteerIDs: [], nameKey: key(t, range), isAdjective: false,
                           role: nil, confidence: 0.5)]
    }
}

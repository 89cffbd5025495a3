import KBGraph
import KBText

/// Word forms for the rule lexicons: Arabic writes object pronouns and the future prefix on the word,
/// and the clitic splitter only removes proclitics (و ف ب ك ل ال), so the inflected forms are listed here.
extension Lexicon {
    /// Nouns (masdars) with their possessive forms: "دعم" → "دعمه", "دعمها", "دعمهم", "دعمهما";
    /// a final ta marbuta becomes ت ("مساعدة" → "مساعدتها"). The article form is added too.
    static func nounForms(_ words: String) -> Set<String> {
        var out = Set<String>()
        for w in set(words) {
            out.insert(w)
            if !w.hasPrefix("ال") { out.insert("ال" + w) }
            let stem = w.hasPrefix("ال") ? String(w.dropFirst(2)) : w
            let base = stem.hasSuffix("ه") ? String(stem.dropLast()) + "ت" : stem
            for s in ["ه", "ها", "هم", "هما"] { out.insert(base + s) }
        }
        return out
    }

    /// Verbs with the future prefix on their imperfect forms: "يلتقي" → "سيلتقي".
    static func verbForms(_ words: String) -> Set<String> {
        var out = Set<String>()
        for w in set(words) {
            out.insert(w)
            if w.hasPrefix("ي") || w.hasPrefix("ت") || w.hasPrefix("ن") { out.insert("س" + w) }
        }
        return out
    }
}

/// Word lists and party finders of the Swift families still procedural (cooperation and agreements, the tie a verb
/// of ending names), and the resolution of "بين البلدين" to the two countries of the sentence.
extension FactRules {
    // MARK: Lexicons

    /// The people of a country stand for it as a beneficiary ("الشعب الليبي" → Libya).
    static let peopleWords = Lexicon.set("""
        الشعب للشعب بالشعب والشعب شعب الشعوب شعوب لشعب
        الجانب والجانب بالجانب للجانب القيادة والقيادة للقيادة بالقيادة السلطات والسلطات للسلطات بالسلطات
        """)
    /// "البلدين", "الجانبين": the two countries of the sentence.
    static let dualPartyWords = Lexicon.set("البلدين البلدان الدولتين الدولتان الجانبين الجانبان الطرفين الطرفان البلدين")
    /// Arrests: "اعتقلت الشرطة X", "احتجاز X", "ألقت X القبض على Y".
    static let arrestWords = Lexicon.nounForms("اعتقال احتجاز توقيف").union(Lexicon.verbForms("""
        اعتقل اعتقلت يعتقل تعتقل اعتقلوا احتجز احتجزت يحتجز تحتجز أوقف أوقفت يوقف اختطف اختطفت يختطف تختطف
        """)).union(Lexicon.set("القبض"))
    /// Attacks: "هاجمت X Y", "هجوم X على Y", "شنت X غارات على Y", "قصف X لـ Y".
    static let attackWords = Lexicon.verbForms("""
        هاجم هاجمت يهاجم تهاجم هاجموا استهدف استهدفت يستهدف تستهدف قصف قصفت يقصف تقصف
        """).union(Lexicon.nounForms("هجوم هجمات هجوما غارة غارات قصف استهداف اعتداء اعتداءات"))
    static let attackVerbs = Lexicon.verbForms("""
        هاجم هاجمت يهاجم تهاجم هاجموا استهدف استهدفت يستهدف تستهدف قصف قصفت يقصف تقصف
        """)
    static let strikeWords = Lexicon.nounForms("ضربة ضربات")
    /// A threatened or attempted attack is hostility, not an attack: "بمحاولة الاعتداء على Y", "هدد بمهاجمة Y".
    static let attemptWords = Lexicon.set("محاولة بمحاولة ومحاولة هدد هددت يهدد تهدد التهديد بالتهديد تهديد")
    /// Ending cooperation: "ألغى X اتفاقات التعاون مع Y", "فكت X تحالفها مع Y", "قطع العلاقات مع Y".
    static let cancelWords = Lexicon.verbForms("""
        ألغى ألغت يلغي تلغي فك فكت يفك تفك أنهى أنهت ينهي تنهي علق علقت يعلق تعلق قطع قطعت يقطع تقطع
        جمد جمدت يجمد تجمد
        """).union(Lexicon.nounForms("إلغاء إنهاء تعليق قطع تجميد فك"))
    static let tieWords = Lexicon.nounForms("""
        تعاون اتفاق اتفاقات اتفاقيات اتفاقية تحالف شراكة علاقات العلاقات
        """).union(Lexicon.set("اتفاقيتي"))

    /// Every trigger word the rules of this file look for.
    static let eventTriggers: Set<String> = arrestWords
        .union(attackWords).union(cancelWords).union(strikeWords)
    /// Context words this file tests with `matches`.
    static let eventContextWords: WordSet = peopleWords.union(dualPartyWords).union(attemptWords)
        .union(tieWords)
        .union(Lexicon.kinship)

    // MARK: Parties

    /// A mention that can be a party to a relation between states: a person or organisation, a
    /// country or group of countries, or a capital standing for its government.
    static func isParty(_ c: SentenceContext, _ m: RawMention) -> Bool {
        if c.isActor(m) { return true }
        return m.type == .place && !m.isAdjective && (m.subtype == "country" || m.subtype == "group" || m.subtype == "capital")
    }

    /// Nearest party before token i (see `isParty`), skipping role qualifiers; stops at strong punctuation.
    static func partyBefore(_ c: SentenceContext, _ i: Int, limit: Int = 12, excluding: Set<String> = [], stopAtComma: Bool = false) -> Int? {
        var k = i - 1
        while k >= 0, i - k <= limit {
            // an alias in brackets ("محمد حمدان دقلو (حميدتي)") is skipped
            if c.tokens[k].text == ")", let open = (max(0, k - 6)..<k).last(where: { c.tokens[$0].text == "(" }) { k = open - 1; continue }
            if c.isStrongPunct(k) || (stopAtComma && c.isComma(k)) { return nil }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                // the leader after "بقيادة" stands for the force he leads, named before him
                if isParty(c, mm), !mm.inRolePhrase, !excluding.contains(mm.key), !afterLedBy(c, mm) { return m }
                k = mm.range.lowerBound - 1; continue
            }
            k -= 1
        }
        return nil
    }

    /// True when the mention follows "بقيادة" (a rank or two between).
    static func afterLedBy(_ c: SentenceContext, _ m: RawMention) -> Bool {
        (max(0, m.range.lowerBound - 3)..<m.range.lowerBound).contains { c.inClass($0, "LED_BY") }
    }

    /// First party after token i; "الشعب الليبي" counts as the country of the adjective.
    static func partyAfter(_ c: SentenceContext, _ i: Int, limit: Int = 8, excluding: Set<String> = [], people: Bool = true) -> Int? {
        var k = i + 1
        while k < c.tokens.count, k - i <= limit {
            if c.isStrongPunct(k) { return nil }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if isParty(c, mm), !mm.inRolePhrase, !excluding.contains(mm.key) { return m }
                if people, mm.isAdjective, mm.type == .place, k > 0, c.matches(k - 1, peopleWords), !excluding.contains(mm.key) { return m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return nil
    }

    static func draft(_ c: SentenceContext, _ type: String, _ s: Int, _ o: Int, _ i: Int, rule: String, base: Double) -> FactDraft? {
        guard c.mentions[s].key != c.mentions[o].key else { return nil }
        let dist = min(abs(c.mentions[s].range.lowerBound - i), abs(c.mentions[o].range.lowerBound - i))
        return FactDraft(type: type, subject: c.mentions[s].key, object: c.mentions[o].key, trigger: i,
                         span: c.span([s, o], i), rule: rule, confidence: conf(base, dist, c, [s, o]))
    }

    /// The countries of the sentence in order (names, capitals and nationality adjectives), each once.
    static func countriesOfSentence(_ c: SentenceContext) -> [(key: String, mention: Int)] {
        var out: [(key: String, mention: Int)] = []
        for (k, m) in c.mentions.enumerated() where m.type == .place {
            var key: String? = nil
            if m.subtype == "country" { key = m.key }
            else if let e = c.gazetteer.entry(id: m.key), let country = e.capitalOf { key = country }
            else if m.isAdjective, let e = c.gazetteer.entry(id: m.key), e.subtype == "country" { key = e.id }
            if let kk = key, !out.contains(where: { $0.key == kk }) { out.append((kk, k)) }
        }
        return out
    }

    /// "بين البلدين", "الطرفين": the two countries named in the sentence, when there are exactly two.
    static func dualParties(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        let countries = countriesOfSentence(c)
        guard countries.count == 2 else { return [] }
        let (a, b) = (countries[0], countries[1])
        return [FactDraft(type: type, subject: a.key, object: b.key, trigger: i, span: c.span([a.mention, b.mention], i),
                          rule: type.lowercased() + ".between-the-two", confidence: 0.7)]
    }
}

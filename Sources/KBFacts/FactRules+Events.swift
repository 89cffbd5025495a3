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

/// Word lists of the event words kept out of names, and which mentions can be a party to a tie between states.
extension FactRules {
    // MARK: Lexicons

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

    /// Every trigger word the rules of this file look for.
    static let eventTriggers: Set<String> = arrestWords
        .union(attackWords).union(cancelWords).union(strikeWords)
    /// Context words this file tests with `matches`.
    static let eventContextWords: WordSet = attemptWords.union(Lexicon.kinship)

    // MARK: Parties

    /// A mention that can be a party to a relation between states: a person or organisation, a
    /// country or group of countries, or a capital standing for its government.
    static func isParty(_ c: SentenceContext, _ m: RawMention) -> Bool {
        if c.isActor(m) { return true }
        return m.type == .place && !m.isAdjective && (m.subtype == "country" || m.subtype == "group" || m.subtype == "capital")
    }

    /// True when the mention follows "بقيادة" (a rank or two between).
    static func afterLedBy(_ c: SentenceContext, _ m: RawMention) -> Bool {
        (max(0, m.range.lowerBound - 3)..<m.range.lowerBound).contains { c.inClass($0, "LED_BY") }
    }
}

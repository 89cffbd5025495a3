// What may follow the head of an organisation's name once it has its complement. Arabic names an institution by a
// head noun, a genitive after an indefinite head («وزارة الدفاع», «مجلس الوزراء») and then adjectives that agree
// with it («المحكمة الدستورية العليا», «القوات المسلحة»). A definite noun after them is no part of the name: in
// verb-first clauses the object follows the subject directly («وانتقدت وزارة الخارجية التصريحات», «وتسلمت اللجنة
// الوطنية للانتخابات الطعون»).

import KBText

extension EntityRecognizer {
    /// Adjectives of institutions' names that are no nisba: elatives, active and passive participles.
    static let nameAdjectives = Lexicon.set("""
        العام العامة العليا الأعلى الكبرى الأكبر العظمى الأوسط الأدنى الأقصى الخاص الخاصة الحاكم الحاكمة الحر الحرة
        الأحمر الدائم الدائمة السريع المسلحة المسلح المتحدة المستقلة المستقل المشتركة المشترك المؤقتة المؤقت
        الموحدة الموحد المختلطة المختلط المجاهدين المصدرة المنتخب المنتخبة المقدس المقدسة الشريف المسلمين الأحرار العرب
        """)

    /// A definite word that can qualify an organisation's name after its complement: a nisba («الدولي»,
    /// «الوطنية»), an ordinal («السابع») or one of `nameAdjectives`.
    static func isNameAdjective(_ n: String) -> Bool {
        n.hasSuffix("ي") || n.hasSuffix("يه") || unitOrdinals.contains(n) || nameAdjectives.contains(n)
    }
}

extension EntityRecognizer {
    /// Heads that are as often verbal nouns («حركة» movement, «تنظيم» organising): no construct chain names them.
    static let verbalNounHeads = Lexicon.set("حركة تنظيم")

    /// The end of a construct chain after an indefinite organisation head at `j`: an indefinite noun and a definite
    /// one («قوات حفظ السلام», «ائتلاف دولة القانون», «لجنة تقصي الحقائق», «وكالة أنباء الشرق الأوسط»), or nil.
    /// The first noun is no name, title, head noun, verb or feminine nisba; the second is no function or time word
    /// nor an adjective. Not after «حركة», «تنظيم» («حركة نزوح السكان», «تنظيم عمل اللجان»).
    func constructChainEnd(_ t: [Token], _ j: Int, head: String, _ covered: [Int?]) -> Int? {
        guard j + 1 < t.count, covered[j] == nil, covered[j + 1] == nil, t[j].kind == .word, t[j + 1].kind == .word,
              !EntityRecognizer.hasArticle(t[j]), EntityRecognizer.hasArticle(t[j + 1]) else { return nil }
        let n = t[j].norm, g = t[j + 1].norm
        guard n.count >= 3, !n.hasPrefix("و"), !n.hasPrefix("ب"), !n.hasPrefix("ل"), !Lexicon.stopwords.contains(n), !Lexicon.verbs.contains(n),
              headWord(n) == nil, !Lexicon.roleHeads.contains(n), !Lexicon.ranks.contains(n), !EntityRecognizer.isKnownFirstName(n),
              !EntityRecognizer.abd.contains(n),
              !n.hasSuffix("يه"), !EntityRecognizer.verbalNounHeads.contains(head), !(head.hasSuffix("ه") && n.hasSuffix("ه") && EntityRecognizer.isNameAdjective("ال" + n)),
              !Lexicon.motionComplements.contains("ال" + n), DateParser.singleMonths[n] == nil,
              g.count >= 4, !g.hasPrefix("لل"), !Lexicon.stopwords.contains(g), !DateParser.past.contains(g), !DateParser.coming.contains(g),
              !DateParser.weekdays.contains(g), !EntityRecognizer.descriptiveWords.contains(g), !EntityRecognizer.isNameAdjective(g)
        else { return nil }
        return j + 2
    }
}

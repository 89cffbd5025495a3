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
        الموحدة الموحد المختلطة المختلط المجاهدين المصدرة المنتخب المنتخبة المقدس المقدسة الشريف
        """)

    /// A definite word that can qualify an organisation's name after its complement: a nisba («الدولي»,
    /// «الوطنية»), an ordinal («السابع») or one of `nameAdjectives`.
    static func isNameAdjective(_ n: String) -> Bool {
        n.hasSuffix("ي") || n.hasSuffix("يه") || unitOrdinals.contains(n) || nameAdjectives.contains(n)
    }
}

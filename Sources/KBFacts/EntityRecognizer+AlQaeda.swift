// "القاعدة" alone is "the base" or "the rule" as often as al-Qaeda, so the gazetteer does not list it bare. It is
// al-Qaeda where the words around it say so: a group tied to it ("المرتبطة بالقاعدة", "الموالية للقاعدة") or its
// men ("قادة القاعدة", "عناصر القاعدة"), and no adjective after it ("القاعدة العسكرية" is a base).

import KBGraph
import KBText

extension EntityRecognizer {
    static let qaedaWord = ArabicNormalizer.normalize("القاعدة")
    static let qaedaID = "org-al-qaeda"
    /// Words of allegiance before "بالقاعدة" / "للقاعدة".
    static let allegianceWords = Lexicon.set("""
        المرتبطة المرتبط المرتبطين المرتبطون المرتبطتين مرتبطة مرتبط مرتبطين الموالية الموالي الموالين موالية موال موالين
        التابعة التابع التابعين تابعة تابع تابعين المقربة المقربين
        """)
    /// A group's men and branches before "القاعدة" in construct.
    static let memberNouns = Lexicon.set("""
        قادة قيادات قيادي عناصر عنصر مسلحي مسلحو مقاتلي مقاتلو زعيم زعماء أمير أمراء فرع فروع أنصار تنظيم خلايا خلية
        """)

    /// Al-Qaeda named by "القاعدة" alone at `i` (a preposition on it after a word of allegiance), or nil.
    func alQaeda(_ t: [Token], _ i: Int, _ covered: [Int?]) -> RawMention? {
        guard i > 0, covered[i] == nil, t[i].kind == .word, EntityRecognizer.utf8HasSuffix(t[i].norm, "قاعده"),
              let entry = gazetteer.entry(id: EntityRecognizer.qaedaID) else { return nil }
        let n = t[i].norm
        let prefix: String
        if n == EntityRecognizer.qaedaWord { prefix = "" }
        else if n == "ب" + EntityRecognizer.qaedaWord { prefix = "ب" }
        else if n == "لل" + String(EntityRecognizer.qaedaWord.dropFirst(2)) { prefix = "لل" }
        else { return nil }
        // "القاعدة العسكرية", "القاعدة الجوية": a base
        if i + 1 < t.count, covered[i + 1] == nil, t[i + 1].kind == .word, EntityRecognizer.hasArticle(t[i + 1]),
           !Lexicon.stopwords.contains(t[i + 1].norm) { return nil }
        let prev = t[i - 1].norm
        let prevForms = [prev] + Clitics.of(prev).filter { EntityRecognizer.listContains(["و", "ف", "ل", "ب", "ول", "وب"], $0.prefix) }.map(\.stem)
        let tied = !prefix.isEmpty && prevForms.contains { EntityRecognizer.allegianceWords.contains($0) }
        let member = prefix.isEmpty && prevForms.contains { EntityRecognizer.memberNouns.contains($0) }
        guard tied || member else { return nil }
        let (rest, b) = strippedPrefix(t[i], prefix, restore: "")
        return RawMention(range: i..<(i + 1), begin: b, end: t[i].end, text: prefix == "لل" ? "ال" + rest : rest,
                          type: .organization, subtype: entry.subtype, gazetteerIDs: [entry.id], nameKey: "",
                          isAdjective: false, role: nil, confidence: 0.8)
    }
}

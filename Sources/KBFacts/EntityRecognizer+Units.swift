// Military formations named by their number: «الفيلق الخامس», «الفرقة الرابعة المدرعة», «اللواء 105», «الأسطول
// السادس الأمريكي». The head alone is a common noun (and «اللواء» a rank before a name); with an ordinal or a
// number right after it, it is the name of one unit, an organisation.

import KBGraph
import KBText

extension EntityRecognizer {
    /// Heads of numbered formations (with the article: the unit is definite).
    static let unitHeads = Lexicon.set("الفيلق الفرقة اللواء الكتيبة الفوج الأسطول السرية")
    /// Ordinal adjectives, masculine and feminine, that number a unit.
    static let unitOrdinals = Lexicon.set("""
        الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة
        الثامن الثامنة التاسع التاسعة العاشر العاشرة
        """)
    /// Words of a unit's arm or role that may follow its number («الفرقة الرابعة المدرعة», «الجيش الثاني الميداني»).
    static let unitQualifiers = Lexicon.set("""
        المدرع المدرعة الميداني الميدانية المشاة المحمولة المجوقل المجوقلة الجوي الجوية البحري البحرية
        الخاص الخاصة
        """)

    /// The head word of a numbered unit at token `i` (clitics aside: «وقالت الفرقة», «بالفيلق», «للواء»).
    /// What depends on the word alone is remembered per word (`unitHeadFlags`); the article is judged on the text.
    func unitHead(_ tok: Token) -> Bool {
        guard tok.kind == .word else { return false }
        let f = Clitics.unitHeadFlags(tok.norm, EntityRecognizer.computeUnitHeadFlags)
        return f & EntityRecognizer.unitHeadWord != 0
            && (f & EntityRecognizer.unitHeadProclitic != 0 || EntityRecognizer.hasArticle(tok))
    }

    /// `computeUnitHeadFlags` bits: the word is a unit head (clitics aside); it starts with و, ب or ف.
    static let unitHeadWord: UInt8 = 1, unitHeadProclitic: UInt8 = 2
    static func computeUnitHeadFlags(_ norm: String) -> UInt8 {
        var f: UInt8 = 0
        if norm.plainHasPrefix("و") || norm.plainHasPrefix("ب") || norm.plainHasPrefix("ف") { f |= unitHeadProclitic }
        if EntityRecognizer.unitHeads.contains(norm) || Clitics.of(norm).contains(where: { c in
            // (no unit head without or with the article: no clitic to look for)
            guard EntityRecognizer.unitHeads.contains(c.stem) || EntityRecognizer.unitHeads.contains("ال" + c.stem),
                  let k = unitHeadClitics.first(where: { $0.prefix.plainEquals(c.prefix) }) else { return false }
            return EntityRecognizer.unitHeads.contains(k.article ? "ال" + c.stem : c.stem)
        }) { f |= unitHeadWord }
        return f
    }
    /// The clitics a unit head may carry, and whether they swallow its article («بال», «لل»).
    static let unitHeadClitics: [(prefix: String, article: Bool)] = ["و", "ف", "ب", "وب", "لل", "ولل", "فلل", "وال", "بال", "فال", "وبال"]
        .map { ($0, $0.hasSuffix("ال")) }

    /// Adds a numbered unit (head, ordinal or number, qualifiers of its arm, and the nationality adjective the
    /// gazetteer found right after them) where no other mention stands on its head or number.
    func addMilitaryUnits(_ t: [Token], _ mentions: inout [RawMention], _ cues: WordCues) {
        // (a token's cue bit is the word part of `unitHead`: no unit head, nothing to add)
        guard cues.anyHas(WordCues.unitHead) else { return }
        var taken = [Int?](repeating: nil, count: t.count)
        for k in mentions.indices { for x in mentions[k].range { taken[x] = k } }
        var i = 0
        while i + 1 < t.count {
            defer { i += 1 }
            guard cues.has(i, WordCues.unitHead), taken[i] == nil, taken[i + 1] == nil, unitHead(t[i]) else { continue }
            let num = t[i + 1]
            guard num.kind == .number || (num.kind == .word && EntityRecognizer.unitOrdinals.contains(num.norm)) else { continue }
            var j = i + 2
            while j < t.count, taken[j] == nil, t[j].kind == .word, EntityRecognizer.unitQualifiers.contains(t[j].norm), j - i < 4 { j += 1 }
            var country: String? = nil
            if j < t.count, let c = taken[j], mentions[c].isAdjective, !mentions[c].peoplePlural, mentions[c].range.lowerBound == j {
                country = mentions[c].gazetteerIDs.first
                j = mentions[c].range.upperBound
            }
            let range = i..<j
            let (text, b) = stripped(t, range)
            let parts = range.filter { taken[$0] == nil }.map { ArabicNormalizer.stripArticle(t[$0].norm) }
            var m = RawMention(range: range, begin: b, end: t[j - 1].end, text: text, type: .organization, subtype: "army",
                               gazetteerIDs: [], nameKey: parts.joined(separator: " ") + (country.map { "@" + $0 } ?? ""),
                               isAdjective: false, role: nil, confidence: 0.7)
            m.countryHint = country
            mentions.append(m)
            for x in range where taken[x] == nil { taken[x] = mentions.count - 1 }
            i = j - 1
        }
    }
}

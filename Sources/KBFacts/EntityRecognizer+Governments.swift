// A country's government named by its head noun and the country ("الحكومة التونسية", "حكومة النيجر"): an
// organisation of its own where a preposition governs it ("دعما للحكومة العراقية", "وزير في الحكومة الإسبانية"),
// its state where it acts or is acted with ("قررت الحكومة الجزائرية", "رئيس الحكومة التونسية").

import KBGraph
import KBText

extension EntityRecognizer {
    /// The gazetteer's "Government of <country>" entry for a country id, if it has one.
    func governmentEntry(of country: String) -> String? { gazetteer.government(of: country) }

    /// The country whose government a gazetteer entry is ("Government of Algeria" → Algeria), else nil.
    func countryGoverned(by id: String) -> String? {
        guard let e = gazetteer.entry(id: id), let c = e.partOf, let ce = gazetteer.entry(id: c), ce.subtype == "country",
              e.en == "Government of " + ce.en else { return nil }
        return c
    }

    /// "الحكومة العراقية" with no gazetteer entry: the government of that country, an organisation (the gazetteer's
    /// entry when it has one under another name).
    func governmentMention(_ t: [Token], _ range: Range<Int>, country c: String) -> RawMention {
        let (text, b) = stripped(t, range)
        let known = governmentEntry(of: c)
        var m = RawMention(range: range, begin: b, end: t[range.upperBound - 1].end, text: text, type: .organization,
                           subtype: known == nil ? "" : "government", gazetteerIDs: known.map { [$0] } ?? [],
                           nameKey: known == nil ? "حكومه@" + c : "", isAdjective: false, role: nil,
                           confidence: known == nil ? 0.8 : 0.9)
        m.countryHint = c
        return m
    }

    static let cabinetKey = "مجلس وزراء@"
    static let headOfGovernment = Lexicon.set("رئيس رئيسة الرئيس")

    /// A government is the body itself (an organisation) where a preposition governs it: the one something is
    /// given to or done for ("دعما للحكومة العراقية", "قروض للحكومة التونسية", "مساعدات لحكومة النيجر"), the one
    /// someone serves in ("وزيرا في الحكومة الإسبانية", "بالحكومة"). Elsewhere, as the one that acts or is acted
    /// with ("قررت الحكومة الجزائرية", "رئيس الحكومة العراقية", "مع الحكومة المالية"), it stands for its state.
    func governmentsAsTheirStates(_ t: [Token], _ mentions: inout [RawMention]) {
        for k in mentions.indices where mentions[k].type == .organization {
            let m = mentions[k]
            let country: String?
            if let id = m.gazetteerIDs.first, m.gazetteerIDs.count == 1 { country = countryGoverned(by: id) }
            else if m.gazetteerIDs.isEmpty, m.nameKey.plainHasPrefix("حكومه@") { country = m.countryHint }
            else { country = nil }
            // "رئيس مجلس الوزراء العراقي": the cabinet a head of government leads is the state too
            if country == nil, m.gazetteerIDs.isEmpty, m.nameKey.plainHasPrefix(EntityRecognizer.cabinetKey), let c = m.countryHint,
               m.nameKey == EntityRecognizer.cabinetKey + c, m.range.lowerBound > 0,
               EntityRecognizer.headOfGovernment.contains(stripConj(t[m.range.lowerBound - 1].norm)) {
                EntityRecognizer.standForState(&mentions[k], c)
                continue
            }
            guard let c = country else { continue }
            let first = t[m.range.lowerBound].norm
            // (the head words "حكومة", "الحكومة" start with neither ل nor ب: a first letter ل or ب is a preposition)
            let governed = first.plainHasPrefix("ل") || first.plainHasPrefix("ب") || (m.range.lowerBound > 0 && t[m.range.lowerBound - 1].norm == "في")
            if !governed { EntityRecognizer.standForState(&mentions[k], c) }
        }
    }

    /// The mention becomes one of its country.
    static func standForState(_ m: inout RawMention, _ country: String) {
        m.type = .place
        m.subtype = "country"
        m.gazetteerIDs = [country]
        m.nameKey = ""
        m.countryHint = nil
    }
}

// "أبلغت الخارجية الجيبوتية نظيرتها السودانية": a feminine counterpart with a country's adjective, after an
// institution of another country, is the same institution of that country (a counterpart person is "نظيره"
// after a person: the role rules read that).

import KBGraph
import KBText

extension EntityRecognizer {
    /// The feminine counterpart, alone or behind a conjunction or preposition (looked up by bytes: one test a word).
    static let counterpartWords = Lexicon.set("""
        نظيرتها نظيرتيها ونظيرتها ونظيرتيها بنظيرتها بنظيرتيها لنظيرتها لنظيرتيها وبنظيرتها ولنظيرتها فنظيرتها
        """)

    /// Turns "نظيرتها" + a country adjective into the institution of that country the sentence named before
    /// for another country (its key with the new country; the adjective stays the country's mention).
    func addCounterpartInstitutions(_ t: [Token], _ mentions: inout [RawMention], _ cues: WordCues) {
        // (a token's cue bit is the counterpart word test)
        guard cues.anyHas(WordCues.counterpart) else { return }
        var added: [RawMention] = []
        for i in t.indices where cues.has(i, WordCues.counterpart) && i + 1 < t.count {
            guard
                  let a = mentions.first(where: { $0.range.lowerBound == i + 1 && $0.isAdjective && !$0.peoplePlural }),
                  let country = a.gazetteerIDs.first, a.subtype == "country",
                  let ante = mentions.filter({ $0.type == .organization && $0.range.upperBound <= i }).max(by: { $0.range.upperBound < $1.range.upperBound }),
                  let head = institutionKey(t, ante), head.country != country else { continue }
            let range = i..<a.range.upperBound
            let (text, b) = stripped(t, range)
            var m = RawMention(range: range, begin: b, end: a.end, text: text, type: .organization, subtype: ante.subtype,
                               gazetteerIDs: [], nameKey: head.key + "@" + country, isAdjective: false, role: nil, confidence: 0.6)
            m.countryHint = country
            added.append(m)
        }
        guard !added.isEmpty else { return }
        // the counterpart word stands for no person
        mentions.removeAll { m in m.type == .person && m.titleOnly && added.contains { $0.range.contains(m.range.lowerBound) } }
        mentions += added
    }

    /// An institution's key without its country ("وزاره خارجيه") and that country, from a guessed key
    /// ("وزاره خارجيه@plc-djibouti") or a gazetteer name ending in the country's adjective ("وزارة الخارجية المصرية").
    private func institutionKey(_ t: [Token], _ m: RawMention) -> (key: String, country: String)? {
        if m.gazetteerIDs.isEmpty, let at = m.nameKey.firstIndex(of: "@") {
            return (String(m.nameKey[..<at]), String(m.nameKey[m.nameKey.index(after: at)...]))
        }
        guard let id = m.gazetteerIDs.first, let country = gazetteer.country(of: id), m.range.count >= 2, let last = m.range.last,
              let adj = gazetteerMatch(t, last), adj.isAdjective, adj.gazetteerIDs.contains(country) else { return nil }
        let words = m.range.dropLast().map { ArabicNormalizer.stripArticle(stripConj(t[$0].norm)) }
        return (words.joined(separator: " "), country)
    }
}

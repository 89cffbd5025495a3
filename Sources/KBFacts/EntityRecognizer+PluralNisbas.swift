// A people named by the plural of a nisba ("الفلسطينيين", "للإيرانيين", "الروسيون") stands for its country or
// region, as the singular adjective does ("الإيراني") — the news gold counts it as a mention of the place.

import KBGraph
import KBText

extension EntityRecognizer {
    /// The plural nisba at `i` as an adjective mention of the place(s) whose singular adjective it is.
    func pluralNisba(_ t: [Token], _ i: Int) -> RawMention? {
        let n = t[i].norm
        guard t[i].kind == .word, n.count >= 6, n.hasSuffix("يين") || n.hasSuffix("يون") else { return nil }
        for c in [(stem: n, prefix: "")] + Clitics.of(n) {
            let singular = String(ArabicNormalizer.stripArticle(c.stem).dropLast(2))
            guard singular.count >= 4 else { continue }
            let hits = gazetteer.lookupAdjective(singular).filter { $0.type == .place }
            guard let first = hits.first else { continue }
            // the article stays in the mention, a conjunction or preposition comes off
            let prefix = c.prefix.hasSuffix("ال") ? String(c.prefix.dropLast(2)) : c.prefix
            let (text, b) = strippedPrefix(t[i], prefix, restore: c.stem)
            var m = RawMention(range: i..<(i + 1), begin: b, end: t[i].end, text: text, type: .place, subtype: first.subtype,
                               gazetteerIDs: hits.map(\.id), nameKey: "", isAdjective: true, role: nil, confidence: 0.85)
            m.peoplePlural = true
            return m
        }
        return nil
    }
}

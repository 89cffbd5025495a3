// A people named by the plural of a nisba ("الفلسطينيين", "للإيرانيين", "الروسيون") stands for its country or
// region, as the singular adjective does ("الإيراني") — the news gold counts it as a mention of the place.

import KBGraph
import KBText

extension EntityRecognizer {
    /// The plural nisba at `i` as an adjective mention of the place(s) whose singular adjective it is.
    func pluralNisba(_ t: [Token], _ i: Int) -> RawMention? {
        let n = t[i].norm
        // (byte tests first: most words are no plural nisba, and String's own suffix test is slow)
        guard t[i].kind == .word, n.utf8.count >= 12,
              EntityRecognizer.utf8HasSuffix(n, "يين") || EntityRecognizer.utf8HasSuffix(n, "يون") else { return nil }
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

    /// The country adjective that ends a gazetteer organisation's name ("وزارة الخارجية الإماراتية", "الجيش
    /// السوداني"), as a mention of its own, or nil.
    func innerCountryAdjective(_ t: [Token], _ m: RawMention) -> RawMention? {
        // (not a government: it stands for its state, or is the state's own body, EntityRecognizer+Governments.swift)
        guard m.type == .organization, m.range.count >= 2, let last = m.range.last,
              !m.gazetteerIDs.contains(where: { countryGoverned(by: $0) != nil }),
              let a = gazetteerMatch(t, last), a.isAdjective, a.range == last..<(last + 1), a.subtype == "country" else { return nil }
        return a
    }

    /// `s` ends with `suffix`, compared as UTF-8 bytes (normalised words: no grapheme subtleties).
    static func utf8HasSuffix(_ s: String, _ suffix: String) -> Bool {
        // (on the contiguous bytes: the generic suffix of a UTF-8 view is slow)
        var s = s, suffix = suffix
        return s.withUTF8 { a in
            suffix.withUTF8 { b in
                guard a.count >= b.count else { return false }
                let d = a.count - b.count
                for k in 0..<b.count where a[d + k] != b[k] { return false }
                return true
            }
        }
    }
}

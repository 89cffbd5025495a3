// Names in quotation marks that a head noun or a naming word types (seventh round of issue 11):
// "لكتيبة «ثوار الجبل»", "صحيفة «الأنباء»", "الحركتين المدعوتين «نور» و«فجر»".

import KBGraph
import KBText

extension EntityRecognizer {
    /// Opening and closing quotation marks (ASCII `"` is both).
    static let openingQuotes: Set<String> = ["«", "\"", "“", "„", "‹"]
    static let closingQuotes: Set<String> = ["»", "\"", "”", "›"]

    /// Quoted names typed by what stands before them:
    /// - an indefinite organisation head noun right before the quote ("لكتيبة «…»", "صحيفة «…»", "وكالة «…»");
    /// - a feminine verb of reporting before a quoted source and "عن"/"أن" ("نقلت «…» عن مصدر");
/// - a naming word ("المدعوة", "المسماة", "المعروفة باسم", "ما يعرف بـ") after an organisation or place head
    ///   noun within four words, singular, dual or plural ("المنظمتين الإرهابيتين المدعوتين «…»").
    /// The quoted part (one to four words, no function word or verb first) is the name; a name coordinated
    /// right after it ("«…» و«…»", "«…»، «…»") gets the same type. Gazetteer places and adjectives inside the
    /// quotes give way to it ("«ثوار طرابلس»" is a brigade); a quoted part that is all one gazetteer name stays.
    func addQuotedNames(_ t: [Token], _ mentions: inout [RawMention], _ covered: inout [Int?]) {
        // (the tokens read in place: `contains(where:)` copied each token, two strings retained and released)
        guard t.indices.contains(where: { t[$0].kind == .punctuation && EntityRecognizer.isOpeningQuote(t[$0].text) }) else { return }
        var added: [RawMention] = []
        var i = 1
        while i < t.count {
            guard t[i].kind == .punctuation, EntityRecognizer.isOpeningQuote(t[i].text),
                  let (type, media, head) = quoteCue(t, i, covered, mentions) else { i += 1; continue }
            var q = i
            var next = i + 1
            while let close = quotedName(t, q, covered, mentions) {
                let range = (q + 1)..<close
                let (text, b) = stripped(t, range)
                // a name the gazetteer knows with its head ("موقع «إكس»" is the platform of "منصة إكس")
                let name = key(t, range)
                let known = (gazetteer.lookupName(name) + (head.isEmpty ? [] : gazetteer.lookupName(head + " " + name))
                    + (EntityRecognizer.mediaHeads.contains(head) ? gazetteer.lookupName("منصه " + name) : [])).filter { $0.type == type }
                added.append(RawMention(range: range, begin: b, end: t[close - 1].end, text: text, type: type,
                                        subtype: known.first?.subtype ?? (media ? "media" : ""), gazetteerIDs: known.map(\.id),
                                        nameKey: known.isEmpty ? name : "", isAdjective: false, role: nil,
                                        confidence: known.isEmpty ? 0.6 : 1.0))
                next = close + 1
                // "«…» و«…»", "«…»، «…»": a coordinated name of the same kind
                var k = close + 1
                if k < t.count, t[k].text == "،" || t[k].text == "," || t[k].kind == .word && t[k].norm == "و" { k += 1 }
                guard k > close + 1, k < t.count, t[k].kind == .punctuation, EntityRecognizer.isOpeningQuote(t[k].text) else { break }
                q = k
            }
            i = next
        }
        guard !added.isEmpty else { return }
        // the quoted name replaces gazetteer places and adjectives inside it
        let inside = Set(added.flatMap { Array($0.range) })
        mentions.removeAll { m in m.range.contains { inside.contains($0) } }
        mentions.append(contentsOf: added)
        covered = [Int?](repeating: nil, count: t.count)
        for k in mentions.indices { for x in mentions[k].range { covered[x] = k } }
    }

    /// The end (index of the closing quote) of a quoted name opening at `q`, or nil when the quoted part is
    /// no name: more than four words, anything but words, a function word or verb first, a person or
    /// organisation already found inside, or one gazetteer name filling it.
    func quotedName(_ t: [Token], _ q: Int, _ covered: [Int?], _ mentions: [RawMention]) -> Int? {
        var close = q + 1
        while close < t.count, close - q <= 5, !(t[close].kind == .punctuation) { close += 1 }
        guard close < t.count, close > q + 1, close - q <= 5, EntityRecognizer.isClosingQuote(t[close].text) else { return nil }
        let first = t[q + 1].norm
        guard t[q + 1].kind == .word || t[q + 1].kind == .latin, !Lexicon.stopwords.contains(first), !Lexicon.verbs.contains(first),
              first.count >= 2 else { return nil }
        for k in (q + 1)..<close {
            guard let c = covered[k] else { continue }
            let m = mentions[c]
            if m.type == .person || m.type == .organization || m.range.lowerBound <= q || m.range.upperBound > close { return nil }
            if m.range == (q + 1)..<close, !m.isAdjective { return nil }   // «تونس»: the place itself
        }
        return close
    }

    /// The type a quote at `i` takes from the words before it (nil: none). `media` when the head is an outlet's.
    func quoteCue(_ t: [Token], _ i: Int, _ covered: [Int?], _ mentions: [RawMention]) -> (EntityType, Bool, String)? {
        var p = i - 1
        // "بـ«…»", "لـ«…»": a preposition written apart with a tatweel
        if p > 0, t[p].kind == .word, EntityRecognizer.listContains(["ب", "ل", "وب", "ول"], t[p].norm) { p -= 1 }
        guard p >= 0, t[p].kind == .word, covered[p] == nil else { return nil }
        // "التي يقودها «…»", "بقيادة «…»": the quoted leader of a force or body is a person, when every word of
        // the quote can be a name's
        if EntityRecognizer.leadingWords.contains(t[p].norm), quotedPersonName(t, i) { return (.person, false, "") }
        // an indefinite organisation head right before the quote
        if let h = headWord(t[p].norm), Lexicon.orgHeads.contains(h), !h.hasPrefix("ال"), !EntityRecognizer.hasArticle(t[p]),
           !Lexicon.summitHeads.contains(h) {
            return (.organization, EntityRecognizer.mediaHeads.contains(h), h)
        }
        // "نقلت «…» عن", "وذكرت «…» أن": a quoted source of a report (feminine: an outlet, as صحيفة and وكالة are)
        if Lexicon.outletReportVerbs.contains(t[p].norm)
            || Clitics.of(t[p].norm).contains(where: { ($0.prefix.plainEquals("و") || $0.prefix.plainEquals("ف")) && Lexicon.outletReportVerbs.contains($0.stem) }),
           let close = (i + 2..<min(t.count, i + 6)).first(where: { t[$0].kind == .punctuation }),
           EntityRecognizer.isClosingQuote(t[close].text), close + 1 < t.count,
           ["عن", "ان", "إن", "أن", "،", ","].contains(t[close + 1].norm) || ["،", ","].contains(t[close + 1].text) {
            return (.organization, true, "")
        }
        // a naming word, after a head noun within four words
        var n = p
        if t[n].norm.plainEquals("باسم"), n > 0 { n -= 1 }             // "المعروفة باسم"
        guard Lexicon.namingWords.contains(t[n].norm) else { return nil }
        if n > 0, t[n - 1].norm.plainEquals("ما") { n -= 1 }            // "ما يعرف بـ"
        var k = n - 1
        while k >= 0, n - k <= 4, t[k].kind == .word {
            if let c = covered[k] {
                // "حركة النهضة المعروفة باسم «…»": the organisation named before is what the quote names
                guard mentions[c].isAdjective else { return mentions[c].type == .organization ? (.organization, false, "") : nil }
                k -= 1; continue
            }
            if let (type, media) = headOfKind(t[k].norm) { return (type, media, "") }
            k -= 1
        }
        return nil
    }

    /// Words of leading or heading before a quoted name («يقودها», «يتزعمه», «بقيادة», «برئاسة»).
    static let leadingWords = Lexicon.set("""
        يقوده يقودها يقودهم يتزعمه يتزعمها يتزعمهم يرأسه يرأسها يرأسهم بقيادة وبقيادة برئاسة وبرئاسة
        """)

    /// The words inside the quote opening at `q` (up to four) all read as a person's name: name words, or a family
    /// name with the article after the first, and no organisation or place head noun.
    func quotedPersonName(_ t: [Token], _ q: Int) -> Bool {
        var k = q + 1
        while k < t.count, t[k].kind == .word, k - q <= 4 {
            let n = t[k].norm
            if headOfKind(n) != nil || Lexicon.nonNameWords.contains(n) { return false }
            if k == q + 1 ? !isNameToken(t[k]) : !(isNameToken(t[k]) || EntityRecognizer.hasArticle(t[k]) && isNameWord(n)) { return false }
            k += 1
        }
        return k > q + 2 && k < t.count && EntityRecognizer.isClosingQuote(t[k].text)
    }

    /// An organisation or place head noun, singular, dual or plural, with or without clitics
    /// ("المنظمتين", "جماعات", "الحركتين", "الفصائل", "البلدة").
    func headOfKind(_ n: String) -> (EntityType, Bool)? {
        let forms = [n] + Clitics.of(n).map(\.stem)
        for f in forms {
            if Lexicon.pluralOrgHeads.contains(f) { return (.organization, false) }
            var singular = [f]
            for suffix in ["تين", "تان", "ات", "تي"] where f.hasSuffix(suffix) && f.count > suffix.count + 2 {
                singular.append(String(f.dropLast(suffix.count)) + "ه")
            }
            for s in singular {
                if Lexicon.orgHeads.contains(s) { return (.organization, EntityRecognizer.mediaHeads.contains(s)) }
                if Lexicon.placeHeads.contains(s) || Lexicon.placeHeads.contains(ArabicNormalizer.stripArticle(s)) { return (.place, false) }
            }
        }
        return nil
    }
}

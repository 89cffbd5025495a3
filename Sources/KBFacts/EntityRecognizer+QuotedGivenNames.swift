// A known person written in quotes with the given name in another spelling: «إيمانوئيل ماكرون» is the gazetteer's
// «إيمانويل ماكرون», found by its surname alone; the quoted given name belongs to the same mention.

import KBText

extension EntityRecognizer {
    /// Extends a one-word gazetteer person (a surname alias) to the name word before it when the two fill a pair of
    /// quotation marks: «W S» with S known and W a name word the gazetteer does not know (no article, no function word)
    /// that spells the person's given name with other long vowels («إيمانوئيل» for «إيمانويل»): «سمير ماكرون» is someone else.
    func extendQuotedGivenNames(_ t: [Token], _ mentions: inout [RawMention], _ covered: inout [Int?]) {
        for k in mentions.indices where mentions[k].type == .person && mentions[k].range.count == 1 && !mentions[k].gazetteerIDs.isEmpty {
            let s = mentions[k].range.lowerBound, p = s - 1
            guard p >= 1, s + 1 < t.count, covered[p] == nil, t[p].kind == .word,
                  t[p - 1].kind == .punctuation, EntityRecognizer.isOpeningQuote(t[p - 1].text),
                  t[s + 1].kind == .punctuation, EntityRecognizer.isClosingQuote(t[s + 1].text),
                  !EntityRecognizer.hasArticle(t[p]), !Lexicon.stopwords.contains(t[p].norm), isNameWord(t[p].norm),
                  let names = gazetteer.nameTokens(id: mentions[k].gazetteerIDs[0]),
                  names.contains(where: { $0.count >= 2 && $0.last == t[s].norm
                      && EntityRecognizer.consonants($0[0]) == EntityRecognizer.consonants(t[p].norm) }) else { continue }
            let range = p..<(s + 1)
            let (text, b) = stripped(t, range)
            mentions[k].range = range
            mentions[k].begin = b
            mentions[k].text = text
            covered[p] = k
        }
    }

    /// A name word without its long vowels and hamza seats (ا و ي ى ء): the letters every transliteration keeps.
    static func consonants(_ w: String) -> String { String(w.filter { !"اويىءأإآؤئ".contains($0) }) }
}

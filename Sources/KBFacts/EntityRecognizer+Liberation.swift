// Movements and armies named for the land they fight for: "جيش تحرير السودان", "الحركة الوطنية لتحرير أزواد",
// "الجبهة الشعبية لتحرير فلسطين". The verbal noun of liberation or rescue and the place it governs belong to the name.

import KBGraph
import KBText

extension EntityRecognizer {
    /// Verbal nouns that name what a movement is for ("تحرير", "إنقاذ"), and their forms with ل.
    static let liberationWords = Lexicon.set("تحرير إنقاذ استقلال تحرر")

    /// The end of "تحرير <place>" (or "لتحرير <place>" when `withLam`) at `j`: the place is a mention the
    /// gazetteer or the rules found (not an adjective). Nil when the words there are not that.
    func liberationComplement(_ t: [Token], _ j: Int, _ covered: [Int?], _ mentions: [RawMention], withLam: Bool) -> Int? {
        guard j + 1 < t.count, covered[j] == nil, t[j].kind == .word, !EntityRecognizer.hasArticle(t[j]) else { return nil }
        let n = t[j].norm
        let word = withLam ? (n.hasPrefix("ل") && !n.hasPrefix("لل") ? String(n.dropFirst()) : "") : n
        guard EntityRecognizer.liberationWords.contains(word), let c = covered[j + 1] else { return nil }
        let m = mentions[c]
        guard m.type == .place, !m.isAdjective, m.range.lowerBound == j + 1 else { return nil }
        return m.range.upperBound
    }
}

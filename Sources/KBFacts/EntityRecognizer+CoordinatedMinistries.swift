// A ministry with two portfolios joined by «و»: "وزارة الخارجية وشؤون المغتربين", "وزارة الخارجية والتعاون الدولي",
// "وزارة الداخلية والجماعات المحلية". The second portfolio belongs to the ministry's name (and the country's
// adjective after it: "وزارة الخارجية وشؤون المغتربين السورية").

import KBText

extension EntityRecognizer {
    /// Construct nouns that open a second portfolio without the article ("وشؤون المغتربين").
    static let portfolioConstructs = Lexicon.set("شؤون شئون")

    /// The end of a coordinated second portfolio starting at `j` (a word with «و»), and its key words; nil when
    /// the word after «و» is no portfolio (a mention, a role, a verb, a stopword).
    func coordinatedPortfolio(_ t: [Token], _ j: Int, _ covered: [Int?]) -> (end: Int, keys: [String])? {
        guard j + 1 < t.count, covered[j] == nil, t[j].kind == .word, t[j].norm.hasPrefix("و"), t[j].norm.count > 3 else { return nil }
        let w = String(t[j].norm.dropFirst())
        func definiteWord(_ k: Int) -> Bool {
            k < t.count && covered[k] == nil && t[k].kind == .word && t[k].norm.hasPrefix("ال") && !Lexicon.stopwords.contains(t[k].norm)
                && !Lexicon.ranks.contains(t[k].norm) && !Lexicon.roleHeads.contains(t[k].norm) && !Lexicon.verbs.contains(t[k].norm)
                && !Lexicon.orgHeads.contains(t[k].norm) && !DateParser.past.contains(t[k].norm) && !DateParser.coming.contains(t[k].norm)
        }
        var e: Int
        if EntityRecognizer.portfolioConstructs.contains(w) {
            guard definiteWord(j + 1) else { return nil }        // "وشؤون المغتربين"
            e = j + 2
        } else if w.hasPrefix("ال"), w.count > 4, !Lexicon.roleHeads.contains(w), !Lexicon.ranks.contains(w),
                  !Lexicon.orgHeads.contains(w), isModifier(w) || EntityRecognizer.isDerivedMasdar(w) {
            e = j + 1                                            // "والتعاون"
            if definiteWord(e), isModifier(t[e].norm), t[e].norm.hasSuffix("ي") || t[e].norm.hasSuffix("يه") { e += 1 }  // "الدولي"
        } else { return nil }
        let keys = [w] + t[(j + 1)..<e].map { ArabicNormalizer.stripArticle($0.norm) }
        return (e, keys)
    }
}

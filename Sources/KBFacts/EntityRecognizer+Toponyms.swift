// Two-word names of towns and villages after a place head noun: a first word that is a common element of
// Arabic place names («عين», «كفر», «تل», «دير», «بيت», «رأس», …) never stands alone as a town's name («قرية عين
// الحجر», «منطقة تل الزهور»), and after «بلدة» or «قرية» a definite noun that is no adjective completes the name
// («بلدة عيتا الشعب»; not «بلدة سلوان الحدودية», «قرية حبوش المجاورة»).

import KBText

extension EntityRecognizer {
    /// First words of compound place names (spring, village, hill, monastery, house, cape, mountain, valley, well,
    /// inn, sons of, meadow, bridge, father of, bath).
    static let toponymElements = Lexicon.set("عين كفر تل دير بيت رأس جبل وادي بئر خان بني مرج جسر أبو حمام")
    /// Heads of a village or small town, after which a definite noun can be the name's second word.
    static let villageHeads = Lexicon.set("بلدة قرية")

    /// The end of a place name whose first word is token `j`, right after the head noun `head`: `j + 2` when the
    /// name goes on to a second word, else `j + 1`.
    func toponymEnd(_ t: [Token], _ j: Int, head: String, _ covered: [Int?]) -> Int {
        let k = j + 1
        guard k < t.count, covered[k] == nil, t[k].kind == .word else { return j + 1 }
        let n = t[k].norm
        guard n.count >= 3, !Lexicon.stopwords.contains(n), !Lexicon.verbs.contains(n), !Lexicon.placeHeads.contains(n),
              headWord(n) == nil, !DateParser.past.contains(n), !DateParser.coming.contains(n),
              !DateParser.weekdays.contains(n), !EntityRecognizer.descriptiveWords.contains(n),
              !Lexicon.nonNameWords.contains(n) else { return j + 1 }
        if EntityRecognizer.toponymElements.contains(t[j].norm) {
            // «عين الحجر», «تل أبيض»: any word but a conjunct («تل وقرية») goes on
            return n.hasPrefix("و") && !EntityRecognizer.hasArticle(t[k]) && gazetteer.lookupName(n).isEmpty ? j + 1 : j + 2
        }
        // «بلدة عيتا الشعب»: a definite noun, not a nisba («الحدودية») nor a participle of the form «المـ…» («المجاورة»)
        if EntityRecognizer.villageHeads.contains(head), EntityRecognizer.hasArticle(t[k]), !n.hasPrefix("الم"),
           !(n.hasSuffix("ي") || n.hasSuffix("يه") || n.hasSuffix("ين") || n.hasSuffix("ات")) {
            return j + 2
        }
        return j + 1
    }
}

import KBNER
import KBText

/// Proclitics that stay outside a mention's label (docs/ner.md, "Boundaries"): a conjunction or preposition
/// glued to a head noun, a title or a known first name is not part of the name.
extension EntityRecognizer {
    /// True when the token is written with the article (ال / لل with a plain alef), judged on the
    /// original text: normalisation turns "إليزابيتا" into "اليزابيتا", which is not an article.
    /// (The first two letters, harakat and tatweel skipped, read in place: no filtered copy of the text.)
    static func hasArticle(_ tok: Token) -> Bool {
        var first: UInt32? = nil
        for s in tok.text.unicodeScalars where !(0x064B...0x065F).contains(s.value) && s.value != 0x0640 {
            guard let a = first else { first = s.value; continue }
            return (a == 0x0627 || a == 0x0644) && s.value == 0x0644
        }
        return false
    }

    /// The first token of a mention without its proclitic, when the rest is a head noun, title, rank or
    /// kinship word ("ووزير" → "وزير", "بالقائد" → "القائد", "للقوات" → "القوات": the article that لل swallows
    /// is given back in the label) or a known first name after و/ف ("ونبيل" → "نبيل"). Nil when nothing
    /// comes off. The offset is where the label starts in the source.
    func leadingCliticStripped(_ tok: Token) -> (text: String, begin: Int)? {
        let n = tok.norm
        guard tok.kind == .word, n.plainCount >= 4, !EntityRecognizer.isLexiconWord(n) else { return nil }
        if n.plainHasPrefix("لل") {
            let stem = "ال" + String(n.dropFirst(2))
            if EntityRecognizer.isLexiconWord(stem) {
                let (rest, b) = strippedPrefix(tok, "لل", restore: "")
                return ("ال" + rest, b)
            }
        }
        for c in Clitics.of(n).dropFirst() where EntityRecognizer.listContains(["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"], c.prefix) {
            let known = EntityRecognizer.isLexiconWord(c.stem)
                || ((c.prefix.plainEquals("و") || c.prefix.plainEquals("ف")) && EntityRecognizer.isKnownFirstName(c.stem) && !EntityRecognizer.isKnownFirstName(n))
            if known { return strippedPrefix(tok, c.prefix, restore: c.stem) }
        }
        return nil
    }

    /// A head noun, title, rank, kinship or construct word of the lexicon.
    /// (remembered per word and thread: six set look-ups, each a function of the word's ``NormKey``, as the memo's key)
    static func isLexiconWord(_ w: String) -> Bool {
        lexiconWords.withValue { $0.get(w, computeIsLexiconWord) }
    }
    private static let lexiconWords = PerThread { WordMemo<Bool>(slots: 4096) }

    static func computeIsLexiconWord(_ w: String) -> Bool {
        Lexicon.orgHeads.contains(w) || Lexicon.placeHeads.contains(w) || Lexicon.roleHeads.contains(w) || Lexicon.ranks.contains(w)
            || Lexicon.kinship.contains(w) || Lexicon.constructNouns.contains(w)
    }

    /// A word the labeller's name lists know as a person's name.
    static func isKnownFirstName(_ w: String) -> Bool {
        guard let bits = nerModel?.lexicon.names[w] else { return false }
        return bits & (1 << UInt8(NERType.per.rawValue)) != 0
    }

    /// Splits a person the rules found where the labeller starts a second name inside it ("… أحمد علي سامي
    /// الخالد …" read as two people): the first part stays, the second becomes a mention of its own if it
    /// passes the model checks. Only guessed names (not gazetteer entries) are split.
    func splitJoinedPeople(_ t: [Token], _ labels: [UInt8], _ mentions: inout [RawMention], _ model: NERModel) {
        let bPer = NERLabel.begin(.per), iPer = NERLabel.inside(.per)
        var added: [RawMention] = []
        for k in mentions.indices where mentions[k].type == .person && mentions[k].gazetteerIDs.isEmpty && !mentions[k].titleOnly
            && mentions[k].parentKey == nil && mentions[k].range.count >= 2 {
            let r = mentions[k].range
            guard labels[r.lowerBound] == bPer,
                  let cut = r.dropFirst().first(where: { labels[$0] == bPer }),
                  (r.lowerBound + 1..<cut).allSatisfy({ labels[$0] == iPer }) else { continue }
            let head = r.lowerBound..<cut
            // "عبد القادر" alone is a given name: "عبد القادر حسين عمر" is one person
            if head.count == 2, EntityRecognizer.abd.contains(t[head.lowerBound].norm) { continue }
            let (text, b) = stripped(t, head)
            mentions[k].range = head
            mentions[k].begin = b
            mentions[k].end = t[cut - 1].end
            mentions[k].text = text
            mentions[k].nameKey = key(t, head)
            var e = cut
            while e < r.upperBound, labels[e] == iPer { e += 1 }
            if e - cut >= 1, let m = modelMention(t, cut..<e, .person, model) { added.append(m) }
        }
        mentions += added
    }
}

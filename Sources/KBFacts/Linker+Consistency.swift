// Document-level consistency (seventh round of issue 11): a name recognised once in a document names the
// same entity wherever else the document writes it, clitics aside.

import KBGraph
import KBText

extension Linker {
    /// One name recognised in the document: its words (normalised, the first without its proclitic) and the
    /// mention it was first found as.
    struct KnownName {
        var words: [String]
        var mention: RawMention
    }

    /// Proclitics a later occurrence of a name may carry ("ورشاد", "بالتحالف", "للتحالف").
    static let consistencyPrefixes = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"]

    /// Every other occurrence of a name the recognisers found in the document, on words no mention covers,
    /// becomes a mention of the same entity (same key, type, subtype and gazetteer ids):
    /// - the names carried over are guessed organisations and places (a gazetteer name is found wherever it
    ///   stands) and guessed people of two words or more (one word is a surname: step 4 of `link`);
    /// - a name the document gives two types ("النور" an organisation here, a place there) is carried nowhere;
    /// - a one-word name must be a word of three letters or more that no lexicon lists (function word, verb,
    ///   head noun, word class of the rules) and its own key (not a short form: "الخارجية" for a ministry);
/// - the words of role phrases are taken ("وزير الخارجية" gives no ministry).
    /// Runs after the keys are given (step 3), so the new mentions carry the entity's key.
    func carryNamesThroughDocument(_ perSentence: inout [[RawMention]], sentences: [Sentence]) {
        var byFirst: [String: [KnownName]] = [:]
        var types: [String: Set<EntityType>] = [:]
        for ms in perSentence {
            for m in ms where !m.isAdjective && !m.titleOnly && !m.key.isEmpty && m.type != .date {
                let words = ArabicNormalizer.normalize(m.text).split(separator: " ").map(String.init)
                guard !words.isEmpty else { continue }
                let name = words.joined(separator: " ")
                types[name, default: []].insert(m.type)
                guard m.gazetteerIDs.isEmpty, !m.key.hasPrefix("group:") else { continue }
                switch m.type {
                case .person: guard words.count >= 2 else { continue }
                // (one word that is its own name: not a short form standing for a longer one, "الخارجية")
                case .organization, .place: guard words.count >= 2 || Linker.carriesAlone(words[0]) && m.nameKey == words[0] else { continue }
                case .date: continue
                }
                if byFirst[words[0]]?.contains(where: { $0.words == words }) == true { continue }
                byFirst[words[0], default: []].append(KnownName(words: words, mention: m))
            }
        }
        // a name with two types in the document is carried nowhere
        for (first, names) in byFirst {
            byFirst[first] = names.filter { (types[$0.words.joined(separator: " ")]?.count ?? 0) == 1 }
        }
        byFirst = byFirst.filter { !$0.value.isEmpty }
        guard !byFirst.isEmpty else { return }
        // every clitic form of every first word
        var forms: [String: [(prefix: String, name: KnownName)]] = [:]
        for (first, names) in byFirst {
            var prefixed: [(String, String)] = [(first, "")]
            for p in Linker.consistencyPrefixes {
                if first.hasPrefix("ال"), p.hasSuffix("ل") {
                    prefixed.append((p + "ل" + first.dropFirst(2), p))      // ل + ال → لل
                } else {
                    prefixed.append((p + first, p))
                }
            }
            for (form, p) in prefixed { for n in names { forms[form, default: []].append((p, n)) } }
        }
        let rec = EntityRecognizer(gazetteer: gazetteer)
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            var covered = [Bool](repeating: false, count: toks.count)
            // (a role phrase's words are taken too: "وزير الخارجية" names no ministry of its own)
            for m in perSentence[s] {
                for x in m.range where x < toks.count { covered[x] = true }
                if let r = m.role?.range { for x in r where x < toks.count { covered[x] = true } }
            }
            var added: [RawMention] = []
            var i = 0
            while i < toks.count {
                guard !covered[i], toks[i].kind == .word || toks[i].kind == .latin, let cands = forms[toks[i].norm] else { i += 1; continue }
                // the longest name that fits here
                let fit = cands.filter { c in
                    let n = c.name.words.count
                    return i + n <= toks.count && (1..<n).allSatisfy { !covered[i + $0] && toks[i + $0].norm == c.name.words[$0] }
                }.max { $0.name.words.count < $1.name.words.count }
                guard let hit = fit else { i += 1; continue }
                let n = hit.name.words.count
                // the name does not run on into a longer one: a name word after a one-word name is another name
                if n == 1, i + 1 < toks.count, !covered[i + 1], toks[i + 1].kind == .word,
                   !EntityRecognizer.hasArticle(toks[i + 1]), hit.name.mention.type != .place,
                   rec.isNameWord(toks[i + 1].norm), !Lexicon.stopwords.contains(toks[i + 1].norm),
                   !Lexicon.verbs.contains(toks[i + 1].norm), EntityRecognizer.isKnownFirstName(toks[i].norm) {
                    i += 1; continue
                }
                // the proclitic comes off (with the article's lam that "لل" keeps: "للتحالف" → "التحالف")
                let peel = hit.prefix.hasSuffix("ل") && hit.name.words[0].hasPrefix("ال") ? hit.prefix + "ل" : hit.prefix
                let (_, b) = rec.strippedPrefix(toks[i], peel, restore: "")
                var m = hit.name.mention
                m.range = i..<(i + n)
                m.begin = b
                m.end = toks[i + n - 1].end
                m.role = nil
                m.inRolePhrase = false
                m.weak = false
                m.parentKey = nil
                m.innerPlace = []
                m.confidence = min(m.confidence, 0.6)
                added.append(m)
                for x in m.range { covered[x] = true }
                i += n
            }
            if !added.isEmpty {
                perSentence[s] = (perSentence[s] + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
            }
        }
    }

    /// A one-word name that may be carried alone: three letters or more, no function word, verb, head noun,
    /// title or word of the rules' lexicon.
    static func carriesAlone(_ w: String) -> Bool {
        w.count >= 3 && !Lexicon.stopwords.contains(w) && !Lexicon.verbs.contains(w) && !EntityRecognizer.isLexiconWord(w)
            && !Lexicon.nonNameWords.contains(w) && RuleSet.bundled.lexicon.classes(of: w).isEmpty
    }
}

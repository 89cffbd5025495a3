import XCTest
import KBText
@testable import KBFacts

/// The carried names as main had them before speed35 (a dictionary of every form of every first word per document,
/// each name with a copy of its mention): `SpeedEquivalence35Tests` compares `carryNamesThroughDocument` with it.
extension Linker {
    struct OldKnownName {
        var words: [String]
        var mention: RawMention
    }

    func oldCarryNamesThroughDocument(_ perSentence: inout [[RawMention]], sentences: [Sentence]) {
        // the words of a mention: its tokens' normalised forms, the first without the proclitic its label dropped
        // (given the three fields it reads, not the mention: a copy of it retains every string and array)
        func words(_ range: Range<Int>, _ begin: Int, _ text: String, _ toks: [Token]) -> [String] {
            guard range.upperBound <= toks.count, !range.isEmpty else { return [] }
            var w = toks[range].map(\.norm)
            if begin != toks[range.lowerBound].begin, let first = Linker.firstWord(text) {
                w[0] = ArabicNormalizer.normalize(String(first))
            }
            return w
        }
        var byFirst: [NormKey: [OldKnownName]] = [:]
        // (the mentions are read in place and copied only when kept)
        for s in perSentence.indices {
            for k in perSentence[s].indices where !perSentence[s][k].isAdjective && !perSentence[s][k].titleOnly
                && !perSentence[s][k].key.isEmpty && perSentence[s][k].gazetteerIDs.isEmpty && !perSentence[s][k].key.plainHasPrefix("group:") {
                let type = perSentence[s][k].type
                switch type {
                case .person: guard perSentence[s][k].range.count >= 2 else { continue }
                case .organization, .place: break
                case .date: continue
                }
                let w = words(perSentence[s][k].range, perSentence[s][k].begin, perSentence[s][k].text, sentences[s].tokens)
                guard !w.isEmpty else { continue }
                // (one word that is its own name: not a short form standing for a longer one, "الخارجية")
                if w.count == 1, type != .person, !(Linker.carriesAlone(w[0]) && perSentence[s][k].nameKey == w[0]) { continue }
                let key = NormKey(w[0])
                // (the names read in place: `contains(where:)` copied each, its mention with it)
                if let l = byFirst[key], l.indices.contains(where: { l[$0].words == w }) { continue }
                byFirst[key, default: []].append(OldKnownName(words: w, mention: perSentence[s][k]))
            }
        }
        guard !byFirst.isEmpty else { return }
        // a name the document gives two types is carried nowhere
        // (a plain word is a first word only with its bytes when every first word is plain: one whose last byte is no
        // first word's is looked up no further)
        var firstLastBytes = [Bool](repeating: false, count: 256)
        var firstWordsPlain = true
        for k in byFirst.keys {
            guard NormKey.isPlain(k.string), let b = k.string.utf8.last else { firstWordsPlain = false; continue }
            firstLastBytes[Int(b)] = true
        }
        let firstLastByteTable = firstLastBytes
        func mayBeFirst(_ norm: String) -> Bool {
            guard firstWordsPlain else { return true }
            var u = norm
            return u.withUTF8 { b in b.isEmpty || firstLastByteTable[Int(b[b.count - 1])] } || !NormKey.isPlain(norm)
        }
        var conflicting = Set<[String]>()
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            for k in perSentence[s].indices where !perSentence[s][k].isAdjective && perSentence[s][k].type != .date {
                let range = perSentence[s][k].range
                guard range.upperBound <= toks.count, !range.isEmpty else { continue }
                guard mayBeFirst(toks[range.lowerBound].norm) && byFirst[NormKey(toks[range.lowerBound].norm)] != nil
                    || perSentence[s][k].begin != toks[range.lowerBound].begin else { continue }
                let w = words(range, perSentence[s][k].begin, perSentence[s][k].text, toks)
                guard let names = byFirst[NormKey(w[0])] else { continue }
                let type = perSentence[s][k].type
                for x in names.indices where names[x].words == w && names[x].mention.type != type { conflicting.insert(w) }
            }
        }
        if !conflicting.isEmpty {
            for (k, names) in byFirst { byFirst[k] = names.filter { !conflicting.contains($0.words) } }
            byFirst = byFirst.filter { !$0.value.isEmpty }
            guard !byFirst.isEmpty else { return }
        }
        // every clitic form of every first word (the names by their index in `known`, not copied into every form)
        var known: [OldKnownName] = []
        // (each form's names as a list threaded through one array, in the order they were added: no array per form)
        var forms: [NormKey: (head: Int, tail: Int)] = [:]
        var formEntries: [(prefix: String, name: Int, next: Int)] = []
        forms.reserveCapacity(byFirst.count * (Linker.consistencyPrefixes.count + 1))
        for names in byFirst.values {
            let firstIndex = known.count
            known += names
            // (the forms of the first word, remembered per word: `consistencyForms`)
            for (form, p) in Linker.consistencyForms(names[0].words[0]) {
                for n in names.indices {
                    let e = formEntries.count
                    formEntries.append((p, firstIndex + n, -1))
                    if let list = forms[form] {
                        formEntries[list.tail].next = e
                        forms[form] = (list.head, e)
                    } else {
                        forms[form] = (e, e)
                    }
                }
            }
        }
        let rec = EntityRecognizer(gazetteer: gazetteer)
        // (a cheap test first: every form ends with the last letter of its name's first word)
        // (on the last UTF-8 byte: a table of 256 flags)
        var lastBytes = [Bool](repeating: false, count: 256)
        for names in byFirst.values { if let b = names[0].words[0].utf8.last { lastBytes[Int(b)] = true } }
        // (when every first word is plain and not empty, every form is plain, and a plain token equal to a form has
        // its bytes: its length and last byte are a form's, and a plain token before the first that passed is no form
        // either; other tokens are looked up)
        let gateIsExact = byFirst.values.allSatisfy { !$0[0].words[0].isEmpty && NormKey.isPlain($0[0].words[0]) }
        var shapes = [UInt64](repeating: 0, count: 256)      // last byte → bit (length & 63) of every form
        for f in forms.keys {
            var u = f.string
            u.withUTF8 { b in if let l = b.last { shapes[Int(l)] |= 1 << UInt64(b.count & 63) } }
        }
        // (the tables read through constants: no access checks in the closures below)
        let lastByteTable = lastBytes, shapeTable = shapes
        /// The last UTF-8 byte (-1 when empty) and the byte count of a string, read in place.
        @inline(__always) func tail(_ s: String) -> (last: Int, count: Int) {
            var u = s
            return u.withUTF8 { b in (b.isEmpty ? -1 : Int(b[b.count - 1]), b.count) }
        }
        /// Whether `norm` is surely no form (only asked when `gateIsExact`).
        func surelyNoForm(_ norm: String) -> Bool {
            let (last, count) = tail(norm)
            let fits = last >= 0 && shapeTable[last] & (1 << UInt64(count & 63)) != 0
            return !fits && NormKey.isPlain(norm)
        }
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            // (the tokens read in place: `firstIndex(where:)` copied each, two strings retained and released)
            var firstForm = -1
            for j in toks.indices where toks[j].kind != .punctuation {
                let (last, count) = tail(toks[j].norm)
                guard last >= 0, lastByteTable[last] else { continue }
                if gateIsExact, shapeTable[last] & (1 << UInt64(count & 63)) == 0, NormKey.isPlain(toks[j].norm) { continue }
                if forms[NormKey(toks[j].norm)] != nil { firstForm = j; break }
            }
            guard firstForm >= 0 else { continue }
            var covered = [Bool](repeating: false, count: toks.count)
            // (a role phrase's words are taken too: "وزير الخارجية" names no ministry of its own)
            for k in perSentence[s].indices {
                for x in perSentence[s][k].range where x < toks.count { covered[x] = true }
                if let r = perSentence[s][k].role?.range { for x in r where x < toks.count { covered[x] = true } }
            }
            var added: [RawMention] = []
            var i = 0
            while i < toks.count {
                guard !covered[i], toks[i].kind == .word || toks[i].kind == .latin else { i += 1; continue }
                if gateIsExact, i < firstForm ? NormKey.isPlain(toks[i].norm) : surelyNoForm(toks[i].norm) { i += 1; continue }
                guard let list = forms[NormKey(toks[i].norm)] else { i += 1; continue }
                var cands: [(prefix: String, name: Int)] = []
                var e = list.head
                while e >= 0 { cands.append((formEntries[e].prefix, formEntries[e].name)); e = formEntries[e].next }
                // the longest name that fits here
                let fit = cands.filter { c in
                    let words = known[c.name].words
                    let n = words.count
                    return i + n <= toks.count && (1..<n).allSatisfy { !covered[i + $0] && toks[i + $0].norm.plainEquals(words[$0]) }
                }.max { a, b in   // the longest; among equals the first in text order (dictionary order is not fixed)
                    let aw = known[a.name].words, bw = known[b.name].words
                    return (aw.count, bw.joined(separator: " "), b.prefix) < (bw.count, aw.joined(separator: " "), a.prefix)
                }
                guard let fit else { i += 1; continue }
                // (the name read in place in `known`: its mention copied once, below)
                let hitPrefix = fit.prefix, hitName = fit.name
                let n = known[hitName].words.count
                // the name does not run on into a longer one: a name word after a one-word name is another name
                if n == 1, i + 1 < toks.count, !covered[i + 1], toks[i + 1].kind == .word,
                   !EntityRecognizer.hasArticle(toks[i + 1]), known[hitName].mention.type != .place,
                   rec.isNameWord(toks[i + 1].norm), !Lexicon.stopwords.contains(toks[i + 1].norm),
                   !Lexicon.verbs.contains(toks[i + 1].norm), EntityRecognizer.isKnownFirstName(toks[i].norm) {
                    i += 1; continue
                }
                // the proclitic comes off (with the article's lam that "لل" keeps: "للتحالف" → "التحالف")
                let peel = hitPrefix.hasSuffix("ل") && known[hitName].words[0].hasPrefix("ال") ? hitPrefix + "ل" : hitPrefix
                let (_, b) = rec.strippedPrefix(toks[i], peel, restore: "")
                var m = known[hitName].mention
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

}

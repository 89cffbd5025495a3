// Document-level consistency (seventh round of issue 11): a name recognised once in a document names the
// same entity wherever else the document writes it, clitics aside.

import KBGraph
import KBText

extension Linker {
    /// One name recognised in the document: its words (normalised, the first without its proclitic), the mention it
    /// was first found as (by its sentence and index: the mentions do not move until the carried ones are put in, at
    /// the end) and that mention's type.
    struct KnownName {
        var words: [String]
        var sentence: Int
        var index: Int
        var type: EntityType
    }

    /// Proclitics a later occurrence of a name may carry ("ورشاد", "بالتحالف", "للتحالف").
    static let consistencyPrefixes = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"]
    /// Each of `consistencyPrefixes` and whether it ends with «ل».
    static let consistencyPrefixesWithLam = consistencyPrefixes.map { ($0, $0.hasSuffix("ل")) }

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
        var byFirst: [NormKey: [KnownName]] = [:]
        // (the mentions are read in place; a name keeps where its mention is, not a copy of it)
        for s in perSentence.indices {
            // (the mentions read through a pointer: reading a field through the nested arrays copied the mention)
            perSentence[s].withUnsafeBufferPointer { ms in
                for k in ms.indices where !ms[k].isAdjective && !ms[k].titleOnly
                    && !ms[k].key.isEmpty && ms[k].gazetteerIDs.isEmpty && !ms[k].key.plainHasPrefix("group:") {
                    let type = ms[k].type
                    switch type {
                    case .person: guard ms[k].range.count >= 2 else { continue }
                    case .organization, .place: break
                    case .date: continue
                    }
                    let w = words(ms[k].range, ms[k].begin, ms[k].text, sentences[s].tokens)
                    guard !w.isEmpty else { continue }
                    // (one word that is its own name: not a short form standing for a longer one, "الخارجية")
                    if w.count == 1, type != .person, !(Linker.carriesAlone(w[0]) && ms[k].nameKey == w[0]) { continue }
                    let key = NormKey(w[0])
                    // (the names read in place: `contains(where:)` copied each)
                    if let l = byFirst[key], l.indices.contains(where: { l[$0].words == w }) { continue }
                    byFirst[key, default: []].append(KnownName(words: w, sentence: s, index: k, type: type))
                }
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
        @inline(__always) func mayBeFirst(_ norm: String) -> Bool {
            guard firstWordsPlain else { return true }
            return Linker.withBytes(norm) { b in b.isEmpty || firstLastByteTable[Int(b[b.count - 1])] || !NormKey.isPlain(utf8: b) }
        }
        var conflicting = Set<[String]>()
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            // (the mentions read through a pointer: reading a field through the nested arrays copied the mention)
            perSentence[s].withUnsafeBufferPointer { ms in
                for k in ms.indices where !ms[k].isAdjective && ms[k].type != .date {
                    let range = ms[k].range
                    guard range.upperBound <= toks.count, !range.isEmpty else { continue }
                    let type = ms[k].type
                    if ms[k].begin != toks[range.lowerBound].begin {
                        let w = words(range, ms[k].begin, ms[k].text, toks)
                        guard let names = byFirst[NormKey(w[0])] else { continue }
                        for x in names.indices where names[x].words == w && names[x].type != type { conflicting.insert(w) }
                    } else {
                        // (the words are the tokens' norms: compared in place, the array made only for a conflict)
                        guard mayBeFirst(toks[range.lowerBound].norm), let names = byFirst[NormKey(toks[range.lowerBound].norm)] else { continue }
                        for x in names.indices where names[x].type != type && Linker.sameWords(names[x].words, toks, range) {
                            conflicting.insert(toks[range].map(\.norm))
                        }
                    }
                }
            }
        }
        if !conflicting.isEmpty {
            for (k, names) in byFirst { byFirst[k] = names.filter { !conflicting.contains($0.words) } }
            byFirst = byFirst.filter { !$0.value.isEmpty }
            guard !byFirst.isEmpty else { return }
        }
        // the names of each first word, one after the other in `known`
        var known: [KnownName] = []
        var groups: [(start: Int, count: Int)] = []
        // (when every first word is plain and not empty, every form is plain, and a plain token equal to a form has
        // its bytes: its length and last byte are a form's, and a plain token before the first that passed is no form
        // either; other tokens are looked up)
        let gateIsExact = byFirst.values.allSatisfy { !$0[0].words[0].isEmpty && NormKey.isPlain($0[0].words[0]) }
        // (a cheap test first: every form ends with the last letter of its name's first word; on the last UTF-8 byte)
        var lastBytes = [Bool](repeating: false, count: 256)
        var shapes = [UInt64](repeating: 0, count: 256)      // last byte → bit (length & 63) of every form
        // the forms of plain first words from the thread's index (Linker+CarryIndex.swift), when the memo's forms of
        // each are made from its own bytes; else every clitic form of every first word in a dictionary
        let index: CarryFormIndex? = gateIsExact
            && byFirst.values.allSatisfy({ Linker.ownForms($0[0].words[0]) }) ? Linker.carryFormIndex.value : nil
        var forms: [NormKey: (head: Int, tail: Int)] = [:]
        var formEntries: [(prefix: String, name: Int, next: Int)] = []
        if let index {
            index.startDocument()
            for names in byFirst.values {
                let g = groups.count
                groups.append((known.count, names.count))
                known += names
                Linker.withBytes(names[0].words[0]) { b in
                    let last = Int(b[b.count - 1])
                    lastBytes[last] = true
                    shapes[last] |= index.mark(b, group: g)
                }
            }
        } else {
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
            for names in byFirst.values { if let b = names[0].words[0].utf8.last { lastBytes[Int(b)] = true } }
            for f in forms.keys {
                var u = f.string
                u.withUTF8 { b in if let l = b.last { shapes[Int(l)] |= 1 << UInt64(b.count & 63) } }
            }
        }
        let rec = EntityRecognizer(gazetteer: gazetteer)
        // (the tables read through constants: no access checks in the closures below)
        let lastByteTable = lastBytes, shapeTable = shapes
        /// Where the forms of `norm` are (the index's form, or the head of its list in `formEntries`), -1 when it is
        /// none; `first`: the scan for a sentence's first form (tokens whose last byte is no form's are passed over);
        /// `before`: a token before that first form (only one that is not plain is looked up).
        func formOf(_ norm: String, first: Bool, before: Bool) -> Int {
            let found = Linker.withBytes(norm) { b -> Int in   // -2: looked up as a key
                let last = b.isEmpty ? -1 : Int(b[b.count - 1])
                if first { guard last >= 0, lastByteTable[last] else { return -1 } }
                guard gateIsExact else { return -2 }
                let plain = NormKey.isPlain(utf8: b)
                if plain {
                    if before { return -1 }
                    guard last >= 0, shapeTable[last] & (1 << UInt64(b.count & 63)) != 0 else { return -1 }
                    if let index { return index.form(plain: b) }
                }
                return -2
            }
            guard found == -2 else { return found }
            if let index { return index.form(key: NormKey(norm)) }
            return forms[NormKey(norm)]?.head ?? -1
        }
        var additions: [(sentence: Int, mentions: [RawMention])] = []
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            // (the tokens read in place: `firstIndex(where:)` copied each, two strings retained and released)
            var firstForm = -1
            for j in toks.indices where toks[j].kind != .punctuation && formOf(toks[j].norm, first: true, before: false) >= 0 {
                firstForm = j
                break
            }
            guard firstForm >= 0 else { continue }
            var covered = [Bool](repeating: false, count: toks.count)
            // (a role phrase's words are taken too: "وزير الخارجية" names no ministry of its own)
            // (the mentions read through a pointer: `perSentence[s][k].role` copied the whole mention)
            perSentence[s].withUnsafeBufferPointer { ms in
                for k in ms.indices {
                    for x in ms[k].range where x < toks.count { covered[x] = true }
                    if let r = ms[k].role?.range { for x in r where x < toks.count { covered[x] = true } }
                }
            }
            var added: [RawMention] = []
            var i = 0
            while i < toks.count {
                guard !covered[i], toks[i].kind == .word || toks[i].kind == .latin else { i += 1; continue }
                let list = formOf(toks[i].norm, first: false, before: i < firstForm)
                guard list >= 0 else { i += 1; continue }
                var cands: [(prefix: String, name: Int)] = []
                if let index {
                    var o = index.firstOwner(list)
                    while o >= 0 {
                        let (g, p) = index.owner(o)
                        for n in 0..<groups[g].count { cands.append((Linker.carryPrefixes[p], groups[g].start + n)) }
                        o = index.nextOwner(o)
                    }
                } else {
                    var e = list
                    while e >= 0 { cands.append((formEntries[e].prefix, formEntries[e].name)); e = formEntries[e].next }
                }
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
                let hitPrefix = fit.prefix, hit = known[fit.name]
                let n = hit.words.count
                // the name does not run on into a longer one: a name word after a one-word name is another name
                if n == 1, i + 1 < toks.count, !covered[i + 1], toks[i + 1].kind == .word,
                   !EntityRecognizer.hasArticle(toks[i + 1]), hit.type != .place,
                   rec.isNameWord(toks[i + 1].norm), !Lexicon.stopwords.contains(toks[i + 1].norm),
                   !Lexicon.verbs.contains(toks[i + 1].norm), EntityRecognizer.isKnownFirstName(toks[i].norm) {
                    i += 1; continue
                }
                // the proclitic comes off (with the article's lam that "لل" keeps: "للتحالف" → "التحالف")
                let peel = hitPrefix.hasSuffix("ل") && hit.words[0].hasPrefix("ال") ? hitPrefix + "ل" : hitPrefix
                let (_, b) = rec.strippedPrefix(toks[i], peel, restore: "")
                // (the name's mention, where it was: no sentence has changed yet)
                var m = perSentence[hit.sentence][hit.index]
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
            if !added.isEmpty { additions.append((s, added)) }
        }
        for (s, added) in additions {
            perSentence[s] = (perSentence[s] + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    /// Whether `words` are the norms of `toks[range]` (`words == toks[range].map(\.norm)`, read in place).
    @inline(__always)
    static func sameWords(_ words: [String], _ toks: [Token], _ range: Range<Int>) -> Bool {
        guard words.count == range.count else { return false }
        for (x, t) in range.enumerated() where words[x] != toks[t].norm { return false }
        return true
    }

    /// Whether the memo of `consistencyForms` holds the forms made from `first`'s own bytes (its bare form is them):
    /// the memo's value is that of the first string equal to the word that reached it.
    static func ownForms(_ first: String) -> Bool {
        let f = consistencyForms(first)
        return !f.isEmpty && Linker.sameBytes(f[0].key.string, first)
    }

    /// The forms a later occurrence of a name whose first word is `first` may take: the word, and the word after each
    /// of `consistencyPrefixes` (ل + ال → لل), as keys with their proclitics. Remembered per thread (a function of the
    /// word: names recur from one document to the next).
    static func consistencyForms(_ first: String) -> [(key: NormKey, prefix: String)] {
        consistencyFormsMemo.withValue { $0.get(first, computeConsistencyForms) }
    }

    static func computeConsistencyForms(_ first: String) -> [(key: NormKey, prefix: String)] {
        var prefixed: [(key: NormKey, prefix: String)] = [(NormKey(first), "")]
        let definite = first.plainHasPrefix("ال")
        for (p, lam) in Linker.consistencyPrefixesWithLam {
            if definite, lam {
                prefixed.append((NormKey(p + "ل" + first.dropFirst(2)), p))      // ل + ال → لل
            } else {
                prefixed.append((NormKey(p + first), p))
            }
        }
        return prefixed
    }

    private static let consistencyFormsShared = SharedWordTable<[(key: NormKey, prefix: String)]>()
    private static let consistencyFormsMemo = PerThread {
        WordMemo<[(key: NormKey, prefix: String)]>(slots: 1024, shared: consistencyFormsShared)
    }

    /// A one-word name that may be carried alone: three letters or more, no function word, verb, head noun,
    /// title or word of the rules' lexicon.
    static func carriesAlone(_ w: String) -> Bool {
        w.count >= 3 && !Lexicon.stopwords.contains(w) && !Lexicon.verbs.contains(w) && !EntityRecognizer.isLexiconWord(w)
            && !Lexicon.nonNameWords.contains(w) && RuleSet.bundled.lexicon.classes(of: w).isEmpty
    }
}

import KBGraph
import KBText

/// Pass 1's gazetteer look-up at one token, and the surface text of a match. Written without nested functions
/// over the look-up's state (no boxes and no exclusivity checks per form), without copying entries to test their
/// types, and with each form's hamza test made once however many lengths ask for it; the keys and surfaces are
/// built by appending, as `joined(separator:)` did.
extension EntityRecognizer {
    /// Whether each form's article is no article (``hamzaIsNoArticle(_:_:)``), asked once per form (the first 64).
    struct HamzaTests {
        private var known: UInt64 = 0
        private var blocked: UInt64 = 0

        /// `mayEndInArticle(prefix) && hamzaIsNoArticle(tok, prefix)` for form `ci` with that prefix.
        @inline(__always)
        mutating func blocks(_ ci: Int, _ tok: Token, _ prefix: String) -> Bool {
            guard EntityRecognizer.mayEndInArticle(prefix) else { return false }
            guard ci < 64 else { return EntityRecognizer.hamzaIsNoArticle(tok, prefix) }
            let bit: UInt64 = 1 << UInt64(ci)
            if known & bit != 0 { return blocked & bit != 0 }
            let b = EntityRecognizer.hamzaIsNoArticle(tok, prefix)
            known |= bit
            if b { blocked |= bit }
            return b
        }
    }

    /// Whether the entries name both a place and an organisation (read in place: no entry copied).
    static func namesPlaceAndOrganization(_ hits: [GazetteerEntry]) -> Bool {
        var place = false, organization = false
        for k in hits.indices {
            switch hits[k].type {
            case .place: place = true
            case .organization: organization = true
            default: break
            }
        }
        return place && organization
    }

    func gazetteerMatch(_ t: [Token], _ i: Int) -> RawMention? {
        // (the word's forms and their one-word lookups are remembered: see Gazetteer.start)
        guard t[i].kind == .word || t[i].kind == .latin, let start = gazetteer.start(t[i].norm) else { return nil }
        return gazetteerMatch(t, i, start, nextSecond: -1)
    }

    /// ``gazetteerMatch(_:_:)`` with the token's gazetteer facts read from the sentence's cues (made for this
    /// recogniser's gazetteer: no memo probe per token).
    @inline(__always)
    func gazetteerMatch(_ t: [Token], _ i: Int, _ cues: WordCues) -> RawMention? {
        guard let start = cues.gazetteerFacts[i].start else { return nil }
        return gazetteerMatch(t, i, start, nextSecond: i + 1 < t.count ? cues.gazetteerFacts[i + 1].second : -1)
    }

    /// The match at word `i`, whose ``Gazetteer/start(_:)`` is `start`; `nextSecond` is 1 or 0 when
    /// ``Gazetteer/isSecondWord(_:)`` of the next token's form is known to be true or false, -1 when not known.
    func gazetteerMatch(_ t: [Token], _ i: Int, _ start: GazetteerStart, nextSecond: Int8) -> RawMention? {
        let firstForms = start.forms
        let longest = start.longest
        // only the first words that start some name are looked up further
        let maxLen = min(start.maxLongest, t.count - i)
        var hamza = HamzaTests()
        // the words from `i` on (a name's tokens are all words: a longer length is skipped)
        var run = 0
        while run < maxLen, t[i + run].kind == .word || t[i + run].kind == .latin { run += 1 }
        // a name of two words or more is looked up only when it can start with this word and the next
        // (looked up at the first need: not at all when the next token is no word)
        // (no name's second word: no two-word start with any form, Gazetteer+SecondWords.swift)
        var nextContinues: Bool? = nextSecond < 0 ? nil : nextSecond != 0
        // (the reach of each form, on the stack: -1 until looked up)
        let found: RawMention? = withUnsafeTemporaryAllocation(of: Int.self, capacity: max(firstForms.count, 1)) { reach -> RawMention? in
        for ci in firstForms.indices { reach[ci] = longest[ci] < 2 ? longest[ci] : -1 }
        var len = run
        while len >= 1 {
            defer { len -= 1 }
            for ci in firstForms.indices where longest[ci] >= len {
                if len > 1 {
                    if reach[ci] < 0 {
                        if nextContinues == nil { nextContinues = gazetteer.isSecondWord(t[i + 1].norm) }
                        reach[ci] = nextContinues! ? longestName(startingWith: firstForms[ci].stem, then: t[i + 1].norm) : 0
                    }
                    guard reach[ci] >= len else { continue }
                }
                let prefix = firstForms[ci].prefix
                if hamza.blocks(ci, t[i], prefix) { continue }
                var hits: [GazetteerEntry]
                if len == 1 {
                    hits = start.names[ci]
                } else {
                    // the words after the first, joined as in the name's key
                    // (the words after the first joined as in the name's key, on bytes: Gazetteer+KeyBytes.swift)
                    hits = gazetteer.lookupName(firstForms[ci].stem, count: len - 1) { t[i + 1 + $0].norm }
                }
                // a building that also names an institution ("الكرملين", "الإليزيه"): the place after a
                // locative ("في الكرملين", "بقصر الكرملين"), the institution otherwise ("قال الكرملين")
                if EntityRecognizer.namesPlaceAndOrganization(hits) {
                    let prev = i > 0 ? t[i - 1].norm : ""
                    let locative = prefix.hasPrefix("ب") || prefix.hasSuffix("ب") || ["في", "داخل", "قصر", "بقصر", "الي", "من"].contains(prev)
                    hits = hits.filter { ($0.type == .place) == locative }
                }
                // "القوة القاهرة" (force majeure), "ظروف قاهرة": the adjective "compelling", not Cairo
                if len == 1, !hits.isEmpty, prefix.isEmpty, EntityRecognizer.isCompellingAdjective(t, i) { hits = [] }
                // "مجلس الأمن القومي", "مجلس الأمن الوطني": a state's own council, not the international body
                if !hits.isEmpty, i + len < t.count, EntityRecognizer.stateBodyAdjectives.contains(t[i + len].norm) {
                    hits = hits.filter { $0.subtype != "intl_org" }
                }
                if !hits.isEmpty {
                    let first = strippedPrefix(t[i], prefix, restore: firstForms[ci].stem)
                    // (joined from the bytes, ``JoinedWords``: the text appending gave)
                    let surface = JoinedWords.make(first.0, count: len - 1) { t[i + 1 + $0].text }
                    return RawMention(range: i..<(i + len), begin: first.1, end: t[i + len - 1].end, text: surface, type: hits[0].type,
                                      subtype: hits[0].subtype, gazetteerIDs: hits.map(\.id), nameKey: "",
                                      isAdjective: false, role: nil, confidence: 1.0)
                }
            }
        }
        return nil
        }
        if let found { return found }
        // adjectives: "الليبي", "والنيجيرية", "الأمريكية"
        for ci in firstForms.indices where !start.adjectives[ci].isEmpty && !hamza.blocks(ci, t[i], firstForms[ci].prefix) {
            let hits = start.adjectives[ci]
            let cand = firstForms[ci]
            // the article stays in the mention ("العراقية", "والعراقية" → "العراقية"): it is the word as written,
            // not a clitic
            let prefix = EntityRecognizer.withoutArticleEnd(cand.prefix)
            let (text, b) = strippedPrefix(t[i], prefix, restore: cand.stem)
            return RawMention(range: i..<(i + 1), begin: b, end: t[i].end, text: text, type: .place,
                              subtype: hits[0].subtype, gazetteerIDs: hits.map(\.id), nameKey: "",
                              isAdjective: true, role: nil, confidence: 0.9)
        }
        return nil
    }

    /// `prefix` without a final «ال» (`hasSuffix("ال") ? String(dropLast(2)) : prefix`), on bytes for a plain
    /// prefix (``NormKey/isPlain(_:)``: every scalar a `Character` of its own, so two letters are its last four bytes).
    static func withoutArticleEnd(_ prefix: String) -> String {
        guard NormKey.isPlain(prefix) else { return prefix.hasSuffix("ال") ? String(prefix.dropLast(2)) : prefix }
        var p = prefix
        return p.withUTF8 { b in
            let n = b.count
            guard n >= 4, b[n - 4] == 0xD8, b[n - 3] == 0xA7, b[n - 2] == 0xD9, b[n - 1] == 0x84 else { return prefix }
            return String(decoding: UnsafeBufferPointer(rebasing: b[0..<(n - 4)]), as: UTF8.self)
        }
    }

    /// Removes `prefix` (normalised letters) from the start of a token's surface text, skipping diacritics.
    /// (Walks the text's scalars in place: the rest is one slice of the text, the same scalars the scalars'
    /// array copy gave.)
    func strippedPrefix(_ tok: Token, _ prefix: String, restore stem: String) -> (String, Int) {
        guard !prefix.isEmpty else { return (tok.text, tok.begin) }
        var letters = prefix.plainCount
        let u = tok.text.unicodeScalars
        var k = u.startIndex
        var removed = 0
        while letters > 0, k != u.endIndex {
            let v = u[k].value
            u.formIndex(after: &k)
            removed += 1
            let isMark = (0x064B...0x065F).contains(v) || v == 0x0670 || v == 0x0640
            if !isMark { letters -= 1 }
        }
        while k != u.endIndex, (0x064B...0x065F).contains(u[k].value) || u[k].value == 0x0640 { u.formIndex(after: &k); removed += 1 }
        return (String(u[k...]), tok.begin + removed)
    }
}

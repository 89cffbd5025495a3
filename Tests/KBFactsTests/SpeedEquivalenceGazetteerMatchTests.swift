@testable import KBFacts
@testable import KBText
import KBGraph
import XCTest

/// speed22: `gazetteerMatch` without nested functions, entry copies or repeated hamza tests, its keys and surfaces
/// built by appending, and `strippedPrefix` walking the scalars in place: the same mentions as the code as it was
/// (kept here), on sentences made of the gazetteer's own names with proclitics, diacritics and other tokens.
final class SpeedEquivalenceGazetteerMatchTests: XCTestCase {
    func testStrippedPrefixIsTheOldOne() {
        let r = EntityRecognizer(gazetteer: Gazetteer.bundled)
        let texts = ["والقاهرة", "وَالْقَاهِرَة", "بـالرياض", "لل", "و", "", "ّبغداد", "فٰالمدينة", "Paris", "وـــ", "وًٌٍَُِّْ"]
        for text in texts {
            let tok = Token(text: text, norm: ArabicNormalizer.normalize(text), begin: 7, end: 7 + text.unicodeScalars.count, kind: .word)
            for prefix in ["", "و", "وب", "ال", "وال", "بال", "لل", "ولل", "وبال"] {
                let (a, b) = r.strippedPrefix(tok, prefix, restore: "")
                let (c, d) = Self.oldStrippedPrefix(tok, prefix)
                XCTAssertEqual(a, c, "\(text) \(prefix)")
                XCTAssertTrue(a.utf8.elementsEqual(c.utf8), "\(text) \(prefix)")
                XCTAssertEqual(b, d, "\(text) \(prefix)")
            }
        }
    }

    func testMatchesAreTheOldOnes() {
        let g = Gazetteer.bundled
        let r = EntityRecognizer(gazetteer: g)
        // names of one to four words, with and without proclitics and diacritics, among other tokens
        var names = g.entries.map { Gazetteer.key($0.ar) }.filter { !$0.isEmpty }
        names = Array(Set(names)).sorted()
        let adjectives = Array(Set(g.entries.flatMap(\.adjectives))).sorted()
        XCTAssertGreaterThan(names.count, 1000)
        let prefixes = ["", "", "", "و", "ب", "ل", "وب", "ال", "فال", "وأل", "لل"]
        let fillers = ["في", "قال", "القوة", "مجلس", "القومي", "الوطني", "من", "قصر", "داخل"]
        var rng = SeededRandom(seed: 4001)
        var found = 0, compared = 0
        for round in 0..<3000 {
            var words: [(String, Token.Kind)] = []
            for _ in 0..<Int.random(in: 0...2, using: &rng) { words.append((fillers.randomElement(using: &rng)!, .word)) }
            let name = round % 5 == 4 ? adjectives.randomElement(using: &rng)! : names.randomElement(using: &rng)!
            let parts = name.split(separator: " ").map(String.init)
            for (k, p) in parts.enumerated() {
                var w = k == 0 ? prefixes.randomElement(using: &rng)! + p : p
                if round % 7 == 0 { w = String(w.unicodeScalars.prefix(1)) + "\u{064E}" + String(w.unicodeScalars.dropFirst()) }
                words.append((w, .word))
            }
            if round % 3 == 0, parts.count > 1 { words.insert(("،", .punctuation), at: words.count - 1) }
            if round % 4 == 0 { words.append((fillers.randomElement(using: &rng)!, .word)) }
            if round % 11 == 0 { words.append(("Paris", .latin)) }
            var t: [Token] = []
            var at = 0
            for (w, kind) in words {
                let n = kind == .word ? ArabicNormalizer.normalize(w) : w
                t.append(Token(text: w, norm: n, begin: at, end: at + w.unicodeScalars.count, kind: kind))
                at += w.unicodeScalars.count + 1
            }
            // speed33: the match read from the sentence's cues (the starts and second words remembered per word)
            let cues = WordCues(t, gazetteer: g)
            for i in t.indices {
                let a = r.gazetteerMatch(t, i), b = r.oldGazetteerMatch(t, i), c = r.gazetteerMatch(t, i, cues)
                compared += 1
                XCTAssertEqual(a.map(Self.fields), b.map(Self.fields), words.map(\.0).joined(separator: " "))
                XCTAssertEqual(c.map(Self.fields), b.map(Self.fields), words.map(\.0).joined(separator: " "))
                if a != nil { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 1000)
        XCTAssertGreaterThan(compared, 5000)
    }

    static func fields(_ m: RawMention) -> String {
        "\(m.range) \(m.begin) \(m.end) \(Array(m.text.utf8)) \(m.type) \(m.subtype) \(m.gazetteerIDs) \(m.nameKey) \(m.isAdjective) \(m.confidence)"
    }

    /// `strippedPrefix` as it was.
    static func oldStrippedPrefix(_ tok: Token, _ prefix: String) -> (String, Int) {
        guard !prefix.isEmpty else { return (tok.text, tok.begin) }
        var letters = prefix.count
        var scalars = Array(tok.text.unicodeScalars)
        var removed = 0
        while letters > 0, !scalars.isEmpty {
            let u = scalars.removeFirst()
            removed += 1
            let v = u.value
            let isMark = (0x064B...0x065F).contains(v) || v == 0x0670 || v == 0x0640
            if !isMark { letters -= 1 }
        }
        while let u = scalars.first, (0x064B...0x065F).contains(u.value) || u.value == 0x0640 { scalars.removeFirst(); removed += 1 }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return (s, tok.begin + removed)
    }
}

extension EntityRecognizer {
    /// `gazetteerMatch` as it was (with the old `strippedPrefix`).
    func oldGazetteerMatch(_ t: [Token], _ i: Int) -> RawMention? {
        guard t[i].kind == .word || t[i].kind == .latin, let start = gazetteer.start(t[i].norm) else { return nil }
        let firstForms = start.forms
        let maxLen = min(start.maxLongest, t.count - i)
        var reach: [Int] = []
        var nextContinues: Bool? = nil
        func reachOf(_ ci: Int) -> Int {
            if reach.isEmpty { reach = start.longest.map { $0 < 2 ? $0 : -1 } }
            if reach[ci] < 0 {
                if nextContinues == nil { nextContinues = gazetteer.isSecondWord(t[i + 1].norm) }
                reach[ci] = nextContinues! ? gazetteer.longestName(startingWith: firstForms[ci].stem, then: t[i + 1].norm) : 0
            }
            return reach[ci]
        }
        if maxLen >= 1 {
            for len in stride(from: maxLen, through: 1, by: -1) {
                let range = i..<(i + len)
                guard range.allSatisfy({ t[$0].kind == .word || t[$0].kind == .latin }) else { continue }
                var rest: String? = nil
                for (ci, cand) in firstForms.enumerated() where start.longest[ci] >= len && (len == 1 || reachOf(ci) >= len)
                    && !(EntityRecognizer.mayEndInArticle(cand.prefix) && EntityRecognizer.hamzaIsNoArticle(t[i], cand.prefix)) {
                    var hits: [GazetteerEntry]
                    if len == 1 {
                        hits = start.names[ci]
                    } else {
                        if rest == nil { rest = t[(i + 1)..<(i + len)].map(\.norm).joined(separator: " ") }
                        hits = gazetteer.lookupName(cand.stem + " " + rest!)
                    }
                    if hits.contains(where: { $0.type == .place }), hits.contains(where: { $0.type == .organization }) {
                        let prev = i > 0 ? t[i - 1].norm : ""
                        let locative = cand.prefix.hasPrefix("ب") || cand.prefix.hasSuffix("ب") || ["في", "داخل", "قصر", "بقصر", "الي", "من"].contains(prev)
                        hits = hits.filter { ($0.type == .place) == locative }
                    }
                    if len == 1, !hits.isEmpty, cand.prefix.isEmpty, EntityRecognizer.isCompellingAdjective(t, i) { hits = [] }
                    if !hits.isEmpty, i + len < t.count, EntityRecognizer.stateBodyAdjectives.contains(t[i + len].norm) {
                        hits = hits.filter { $0.subtype != "intl_org" }
                    }
                    if let e = hits.first {
                        let (text, b) = SpeedEquivalenceGazetteerMatchTests.oldStrippedPrefix(t[i], cand.prefix)
                        let surface = ([text] + t[(i + 1)..<(i + len)].map(\.text)).joined(separator: " ")
                        return RawMention(range: range, begin: b, end: t[i + len - 1].end, text: surface, type: e.type,
                                          subtype: e.subtype, gazetteerIDs: hits.map(\.id), nameKey: "",
                                          isAdjective: false, role: nil, confidence: 1.0)
                    }
                }
            }
        }
        for (ci, cand) in firstForms.enumerated()
            where !(EntityRecognizer.mayEndInArticle(cand.prefix) && EntityRecognizer.hamzaIsNoArticle(t[i], cand.prefix)) {
            let hits = start.adjectives[ci]
            if !hits.isEmpty {
                let prefix = cand.prefix.hasSuffix("ال") ? String(cand.prefix.dropLast(2)) : cand.prefix
                let (text, b) = SpeedEquivalenceGazetteerMatchTests.oldStrippedPrefix(t[i], prefix)
                return RawMention(range: i..<(i + 1), begin: b, end: t[i].end, text: text, type: .place,
                                  subtype: hits[0].subtype, gazetteerIDs: hits.map(\.id), nameKey: "",
                                  isAdjective: true, role: nil, confidence: 0.9)
            }
        }
        return nil
    }
}

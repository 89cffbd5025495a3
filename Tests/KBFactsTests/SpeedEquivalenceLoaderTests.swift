@testable import KBFacts
import KBResources
@testable import KBText
import XCTest

/// speed9: the loaders of the bundled tables read their text on bytes and keep words as bytes; each piece answers as
/// the `String` code it replaces (kept here as the reference), on invented text made to trip it.
final class SpeedEquivalenceLoaderTests: XCTestCase {
    /// Pieces of text: separators next to combining marks, Prepend and ZWJ scalars, CR LF, guillemets, tabs, NUL.
    static let pieces: [String] = SpeedEquivalenceTests.samples + [
        " ", "  ", "\t", "#", "|", ",", "\n", "\r\n", "\r", "\u{0301}", "\u{064E}", "\u{0654}", "\u{0600}", "\u{06DD}",
        "\u{200D}", "\u{200C}", "\u{20E3}", "«", "»", "،", "؟", "\u{00A0}", "\u{2003}", "\u{200B}", "\u{3000}", "\u{1680}",
        "\u{202F}", "\u{205F}", "\u{2009}", "\u{FE0F}", "\u{0000}", "👍🏽", "🇩🇿", "ـ", "ٱ", "ی", "ۀ", "x", "زار", "VISIT",
    ]

    /// Deterministic invented texts: every pair and many triples of pieces, and some longer mixes.
    static let texts: [String] = {
        var out: [String] = []
        for a in pieces { for b in pieces { out.append(a + b) } }
        var rng = SystemRandomNumberGenerator.Deterministic(seed: 9)
        for _ in 0..<3000 {
            let n = Int(rng.next() % 7) + 1
            out.append((0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        return out
    }()

    func testLinesAreTheCharacterSplit() {
        for t in Self.texts + ["", "\n", "a\n", "\na", "a\r\nb\nc", "\n\n"] {
            XCTAssertEqual(LoaderText.lines(t).map(String.init), t.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                           t.debugDescription)
        }
    }

    func testWordsBeforeAndSplitAreTheCharacterOperations() {
        for t in Self.texts {
            let s = t[...]
            XCTAssertEqual(LoaderText.words(s), s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init), t.debugDescription)
            let h = s.firstIndex(of: "#")
            XCTAssertEqual(String(LoaderText.before(UInt8(ascii: "#"), in: s)), String(h.map { s[..<$0] } ?? s), t.debugDescription)
            for sep in ["\t", "|", " "] as [Character] {
                for omit in [true, false] {
                    XCTAssertEqual(LoaderText.split(s, sep.asciiValue!, omittingEmptySubsequences: omit).map(String.init),
                                   s.split(separator: sep, omittingEmptySubsequences: omit).map(String.init), t.debugDescription)
                }
            }
        }
    }

    /// `Gazetteer.trimmed` as it was: scalar by scalar.
    static func trimmedScalars(_ s: String) -> String {
        func isBlank(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        let u = s.unicodeScalars
        if let a = u.first, let z = u.last, !isBlank(a), !isBlank(z) { return s }
        guard let first = u.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = u.lastIndex(where: { !isBlank($0) })!
        return String(String.UnicodeScalarView(u[first...last]))
    }

    func testTrimmedIsTheScalarTrim() {
        for t in Self.texts {
            let expected = Self.trimmedScalars(t)
            XCTAssertTrue(Gazetteer.trimmed(t).utf8.elementsEqual(expected.utf8), t.debugDescription)
            XCTAssertTrue(Gazetteer.trimmed(t.dropFirst(0)).utf8.elementsEqual(expected.utf8), t.debugDescription)
        }
    }

    func testKeyAndLeadingWordsAreSplitAndJoined() {
        for t in Self.texts + ["وزير  الخارجية", " مصر", "مصر ", "عبد المجيد تبون"] {
            XCTAssertTrue(Gazetteer.key(t).utf8.elementsEqual(ArabicNormalizer.normalize(t).plainSplit(separator: " ").joined(separator: " ").utf8),
                          t.debugDescription)
            let w = t.plainSplit(separator: " ")
            let (n, first, second) = t.plainLeadingWords()
            XCTAssertEqual(n, w.count, t.debugDescription)
            XCTAssertEqual(first, w.first.map(String.init), t.debugDescription)
            XCTAssertEqual(second, w.count >= 2 ? String(w[1]) : nil, t.debugDescription)
        }
    }

    /// The place rows as `mergePlaces` cut them before: on the bytes of `text.utf8`, through `Substring`s.
    func testPlaceRowsAreTheUTF8Split() {
        for t in Self.texts + ["id\ten\n#c\na\tb\r\n\t\n", "", "\r", "#", "a\t\u{00A0}b\u{3000}\t"] {
            var expected: [(Int, [String])] = []
            for (n, raw) in t.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let bytes = raw.last == 0x0D ? raw.dropLast() : raw
                if bytes.first == UInt8(ascii: "#") { continue }
                expected.append((n, bytes.split(separator: 0x09, omittingEmptySubsequences: false).map {
                    Self.trimmedScalars(String(decoding: $0, as: UTF8.self))
                }))
            }
            let rows = Gazetteer.placeRows(t)
            XCTAssertEqual(rows.map(\.0), expected.map(\.0), t.debugDescription)
            XCTAssertEqual(rows.map(\.1), expected.map(\.1), t.debugDescription)
        }
    }

    /// The index finds what a `Set<NormKey>` finds, for plain keys, keys canonically equal to plain ones and others.
    func testPlainKeyIndexIsASetOfKeys() {
        var index = PlainKeyIndex()
        var set = Set<NormKey>()
        let words = Self.texts.prefix(1500).map { $0 }
        for (i, w) in words.enumerated() where i % 2 == 0 {
            let k = NormKey(w)
            if k.isSimple {
                let r = index.insert(key: k)!
                XCTAssertEqual(r.inserted, !set.contains(k), w.debugDescription)
            } else {
                XCTAssertNil(index.insert(key: k))
            }
            set.insert(k)
        }
        for w in words + SpeedEquivalenceTests.samples {
            let k = NormKey(w)
            XCTAssertEqual(index.index(of: k) != nil, k.isSimple && set.contains(k), w.debugDescription)
            if let i = index.index(of: k) { XCTAssertEqual(index.normKey(at: i), k) }
        }
        XCTAssertEqual(index.count, set.filter(\.isSimple).count)
    }

    /// The rule vocabulary's order is `String`'s order.
    func testSortedWordsIsStringOrder() {
        var words = Set<String>()
        for a in ["", "a", "ab", "a\u{0}", "a\u{0}b", "abcdefgh", "abcdefghi", "abcdefgg", "abcdefgh\u{0}", "مصر", "مصرية",
                  "ال", "الجزائر", "الجزائري", "والجزائر", "٢٠٢٤", "2024", "z", "ـ"] {
            words.insert(a)
            for b in ["", "ة", "x", "ي", "ال"] { words.insert(a + b); words.insert(b + a) }
        }
        let keys = Array(words).map(NormKey.init)
        XCTAssertEqual(RuleVocabulary.sortedWords(keys).map(\.string), words.sorted())
        // with a word that is not plain, the `String` order is used throughout
        let mixed = keys + [NormKey("e\u{0301}"), NormKey("ا\u{0654}")]
        XCTAssertEqual(RuleVocabulary.sortedWords(mixed).map(\.string), mixed.map(\.string).sorted())
    }

    /// Match starts: a plain word may start a match when it, or it without one of the clitics (or without the clitic
    /// that swallowed «ال», with «ال» put back), is a name's first word or an adjective (what the set of every clitic
    /// before every first word held).
    func testMatchStartsAreTheCliticForms() {
        let g = Gazetteer.bundled
        func isStart(_ x: String) -> Bool { g.longestName(startingWith: x) > 0 || !g.lookupAdjective(x).isEmpty }
        func expected(_ w: String) -> Bool {
            if isStart(w) { return true }
            for (p, swallows) in ArabicNormalizer.procliticPrefixes where w.utf8.starts(with: p.utf8) {
                let rest = String(decoding: w.utf8.dropFirst(p.utf8.count), as: UTF8.self)
                if isStart(rest) || (swallows && isStart("ال" + rest)) { return true }
            }
            return false
        }
        var words = ["الجزائر", "والجزائر", "بالجزائر", "للجزائر", "لجزائر", "جزائر", "فرنسا", "وفرنسا", "زار", "وزير",
                     "الفرنسي", "والفرنسي", "للفرنسي", "كالفرنسي", "وللجيش", "فللجيش", "مصر", "لمصر", "ومصر", "xyz", ""]
        words += Self.texts.prefix(300)
        for e in g.entries.prefix(400) {
            for w in Gazetteer.key(e.ar).plainSplit(separator: " ").prefix(2).map(String.init) {
                for (p, _) in ArabicNormalizer.procliticPrefixes { words.append(p + w); words.append(p + String(w.dropFirst(2))) }
            }
        }
        var yes = 0
        // (only plain words are looked up in the match starts: any other may start a match)
        for w in words where NormKey.isPlain(w) {
            XCTAssertEqual(g.mayStartMatch(w), expected(w), w)
            if expected(w) { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 1000)
    }
}

/// (a small deterministic generator for the invented texts)
extension SystemRandomNumberGenerator {
    struct Deterministic: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
    }
}

/// The lexicon's forms held as bytes answer as the `[NormKey: [Int]]` and `Set<NormKey>` of futures they replace.
final class SpeedEquivalenceLexiconTests: XCTestCase {
    /// The forms and futures of a lexicon file as `WordLexicon.parse` added them before (its code, kept here).
    static func reference(_ text: String) -> (ids: [String: Int], forms: [NormKey: [Int]], futures: Set<NormKey>) {
        var ids: [String: Int] = [:]
        func id(_ n: String) -> Int {
            if let k = ids[n] { return k }
            ids[n] = ids.count
            return ids.count - 1
        }
        var forms: [NormKey: [Int]] = [:]
        var futures = Set<NormKey>()
        func add(_ f: String, _ c: [Int], future: Bool = false) {
            guard !f.isEmpty else { return }
            let k = NormKey(f)
            for x in c where !(forms[k]?.contains(x) ?? false) { forms[k, default: []].append(x) }
            if forms[k] == nil { forms[k] = [] }
            if future { futures.insert(k) }
        }
        func addWithClitics(_ f: String, _ c: [Int], verb: Bool, future: Bool = false) {
            add(f, c, future: future)
            let prefixes = verb ? ["و", "ف", "ل", "ول", "فل"] : ["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"]
            if !verb, f.hasPrefix("ال") {
                let bare = String(f.dropFirst(2))
                for p in ["و", "ف"] { add(p + f, c) }
                for p in ["بال", "وبال", "فبال", "كال"] { add(p + bare, c) }
                for p in ["لل", "ولل", "فلل"] { add(p + bare, c) }
                return
            }
            for p in prefixes { add(p + f, c, future: future) }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard parts.count >= 3 else { continue }
            let words = parts.dropFirst(2).map { ArabicNormalizer.normalize($0) }
            let c = id(parts[0])
            switch parts[1] {
            case "verb":
                let v = id(parts[0] + ".verb"), nn = id(parts[0] + ".noun")
                for f in WordLexicon.pastForms(words[0]) { addWithClitics(f, [c, v], verb: true) }
                for (f, fut) in WordLexicon.presentForms(words[1]) { addWithClitics(f, [c, v], verb: true, future: fut) }
                for m in words.dropFirst(2) { for f in WordLexicon.nounForms(m) { addWithClitics(f, [c, nn], verb: false) } }
            case "noun":
                for m in words { for f in WordLexicon.nounForms(m) { addWithClitics(f, [c], verb: false) } }
            default:
                for w in words { add(w, [c]); add("و" + w, [c]); add("ف" + w, [c]) }
            }
        }
        return (ids, forms, futures)
    }

    static let invented = """
        TEST_A   verb  زار يزور زيارة الزيارة   # a comment
        TEST_A   noun  جولة \u{212A}ab
        TEST_B   word  المقرر e\u{0301}x café \u{212A}ab Kab x\u{037E} x; المرتقب#comment
        TEST_F   word  y; y\u{037E} فx\u{037E}
        TEST_C   verb  التقى يلتقي لقاء
        TEST_D   noun  ا\u{0654}زمة أزمة الأزمة اَلأزمة
        TEST_E   word  \u{0600}x «كلمة» y\u{200D}z
        """

    func testFormsAreTheDictionaryOfKeys() throws {
        let bundled = try XCTUnwrap(EmbeddedResources.text(named: "KBFacts/lexicon.txt"))
        for text in [bundled, Self.invented, bundled + "\n" + Self.invented] {
            var lex = WordLexicon()
            try lex.parse(text, file: "test")
            let ref = Self.reference(text)
            XCTAssertEqual(lex.classIDs, ref.ids)
            for (name, id) in ref.ids where text == Self.invented || id % 25 == 0 {
                XCTAssertEqual(lex.words(of: name), Set(ref.forms.filter { $0.value.contains(id) }.map(\.key.string)), name)
            }
            XCTAssertEqual(lex.wordKeys(ofAny: Array(ref.ids.keys)), Set(ref.forms.filter { !$0.value.isEmpty }.keys))
            for (k, v) in ref.forms {
                XCTAssertEqual(lex.classes(of: k.string), v, k.string)
                XCTAssertEqual(lex.isFuture(k.string), ref.futures.contains(k), k.string)
            }
            for w in SpeedEquivalenceTests.samples + ["سيزور", "وسيزور", "زار", "K", "\u{212A}ab", "Kab", "cafe\u{0301}"] {
                XCTAssertEqual(lex.classes(of: w), ref.forms[NormKey(w)] ?? [], w)
                XCTAssertEqual(lex.isFuture(w), ref.futures.contains(NormKey(w)), w)
            }
            if text == Self.invented {
                // the invented entries make forms of each kind: plain, equal to a plain one, neither
                XCTAssertTrue(ref.forms.keys.contains { !NormKey.isPlain($0.string) && $0.isSimple })
                XCTAssertTrue(ref.forms.keys.contains { !$0.isSimple })
            }
        }
    }
}

import XCTest
import KBGraph
import KBText
@testable import KBFacts

/// The shortcuts of speed35 (the carried names' forms from a per-thread index, the people index's pair test and joined
/// keys, the short words of step 4, the key prefix test) against the code they stand for, on invented inputs from a
/// seeded generator.
final class SpeedEquivalence35Tests: XCTestCase {
    /// Name words: plain (definite or not, short, Latin), and not plain (a decomposed hamza, whose NFC is plain; a
    /// shadda, which stays).
    static let stems = ["حفتر", "التحالف", "رشاد", "النور", "مودي", "الجبهه", "ساليفو", "الحركه", "ال", "لل", "nato",
                        "ا\u{0654}حمد", "الا\u{0654}مه", "رش\u{0651}اد", "ab", "x"]
    static let fillers = ["في", "قال", "من", "الذي", "وزير", "الخارجيه", "الوطني", "2024"]

    /// `w` after one of `consistencyPrefixes` (with «ل» + «ال» → «لل» as a reader writes it, or not), or bare.
    static func prefixed(_ w: String, _ g: inout SeededRandom) -> String {
        guard Int.random(in: 0..<3, using: &g) == 0 else { return w }
        let p = Linker.consistencyPrefixes.randomElement(using: &g)!
        if p.hasSuffix("ل"), w.hasPrefix("ال"), Int.random(in: 0..<4, using: &g) != 0 { return p + "ل" + w.dropFirst(2) }
        return p + w
    }

    /// A word of the invented text: a stem, bare or prefixed, or a filler.
    static func word(_ g: inout SeededRandom) -> String {
        if Int.random(in: 0..<4, using: &g) == 0 { return fillers.randomElement(using: &g)! }
        return prefixed(stems.randomElement(using: &g)!, &g)
    }

    /// One invented document: a few names of one to three stems, written again and again (the first word with a
    /// proclitic or not) among other words and punctuation, and mentions over some of them of every type, some with
    /// the first token's proclitic left out of their text.
    static func document(_ g: inout SeededRandom) -> (sentences: [Sentence], mentions: [[RawMention]]) {
        let names = (0..<Int.random(in: 1...4, using: &g)).map { _ in
            (0..<Int.random(in: 1...3, using: &g)).map { _ in stems.randomElement(using: &g)! }
        }
        var sentences: [Sentence] = [], mentions: [[RawMention]] = []
        var at = 0
        for s in 0..<Int.random(in: 1...8, using: &g) {
            var toks: [Token] = []
            var spans: [Range<Int>] = []      // where the names were written
            func add(_ w: String) {
                let kind: Token.Kind = w.unicodeScalars.first!.isASCII ? (w.first!.isNumber ? .number : .latin) : .word
                let n = w.unicodeScalars.count
                toks.append(Token(text: w, norm: w, begin: at, end: at + n, kind: kind)); at += n + 1
            }
            for _ in 0..<Int.random(in: 1...10, using: &g) {
                switch Int.random(in: 0..<8, using: &g) {
                case 0: toks.append(Token(text: "،", norm: "،", begin: at, end: at + 1, kind: .punctuation)); at += 2
                case 1, 2, 3:
                    let name = names.randomElement(using: &g)!
                    let start = toks.count
                    add(prefixed(name[0], &g))
                    for w in name.dropFirst() { add(w) }
                    spans.append(start..<toks.count)
                default: add(word(&g))
                }
            }
            var ms: [RawMention] = []
            var i = 0
            while i < toks.count {
                let span = spans.first { $0.lowerBound == i }
                let len = span?.count ?? Int.random(in: 1...3, using: &g)
                guard Int.random(in: 0..<(span == nil ? 4 : 3), using: &g) == 0, i + len <= toks.count else { i += 1; continue }
                let type: EntityType = [.person, .organization, .place, .place, .organization, .date].randomElement(using: &g)!
                let words = toks[i..<(i + len)].map(\.text)
                let stripped = toks[i].text.unicodeScalars.count > 2 && Int.random(in: 0..<4, using: &g) == 0
                let text = (stripped ? String(toks[i].text.dropFirst()) : words[0]) + words.dropFirst().map { " " + $0 }.joined()
                let nameKey = Int.random(in: 0..<3, using: &g) == 0 ? ArabicNormalizer.normalize(text) : words.joined(separator: " ")
                var m = RawMention(range: i..<(i + len), begin: toks[i].begin + (stripped ? 1 : 0), end: toks[i + len - 1].end,
                                   text: text, type: type, subtype: "", gazetteerIDs: [], nameKey: nameKey,
                                   isAdjective: Int.random(in: 0..<10, using: &g) == 0, role: nil, confidence: 0.8)
                switch Int.random(in: 0..<12, using: &g) {
                case 0: m.key = ""
                case 1: m.key = "group:" + nameKey
                case 2: m.key = "Q42"; m.gazetteerIDs = ["Q42"]
                default: m.key = (type == .person ? "per:" : type == .place ? "plc:" : "org:") + nameKey
                }
                m.titleOnly = Int.random(in: 0..<20, using: &g) == 0
                m.weak = Bool.random(using: &g)
                ms.append(m)
                i += len
            }
            sentences.append(Sentence(index: s, begin: toks.first?.begin ?? at, end: at, text: "", tokens: toks))
            mentions.append(ms)
        }
        return (sentences, mentions)
    }

    static func describe(_ ms: [[RawMention]]) -> [String] {
        ms.enumerated().flatMap { s, l in
            l.map { m in
                "\(s) \(m.range) \(m.begin) \(m.end) \(m.text) \(m.type) \(m.subtype) \(m.key) \(m.gazetteerIDs) \(m.nameKey) "
                    + "\(m.confidence) \(m.isAdjective) \(m.titleOnly) \(m.weak) \(String(describing: m.parentKey)) \(m.inRolePhrase)"
            }
        }
    }

    /// `carryNamesThroughDocument` carries the same names to the same places as the old code, document after document
    /// on one thread (the index kept across them), plain first words or not.
    func testCarriedNamesAsBefore() {
        var g = SeededRandom(seed: 3501)
        let linker = Linker(gazetteer: Gazetteer.bundled)
        var carried = 0, documents = 0
        for _ in 0..<3_000 {
            let (sentences, mentions) = Self.document(&g)
            var old = mentions, new = mentions
            linker.oldCarryNamesThroughDocument(&old, sentences: sentences)
            linker.carryNamesThroughDocument(&new, sentences: sentences)
            let want = Self.describe(old)
            XCTAssertEqual(Self.describe(new), want)
            let added = want.count - Self.describe(mentions).count
            carried += added
            if added > 0 { documents += 1 }
        }
        XCTAssertGreaterThan(carried, 2_000)
        XCTAssertGreaterThan(documents, 800)
    }

    /// `simplePairs` true for both words: `allPairs`' forms test is true.
    func testSimplePairs() {
        var g = SeededRandom(seed: 3502)
        let extra = ["a|b", "=x", "ال=x", "كيلو\u{212A}", "x|"]
        var simple = 0
        for _ in 0..<4_000 {
            let a = Bool.random(using: &g) ? Self.word(&g) : extra.randomElement(using: &g)!
            let b = Self.word(&g)
            let forms = Linker.PeopleIndex.forms(a).allSatisfy { Linker.PeopleIndex.pairable($0) && !$0.utf8.starts(with: "=".utf8) }
                && Linker.PeopleIndex.forms(b).allSatisfy(Linker.PeopleIndex.pairable)
            if Linker.PeopleIndex.simplePairs(a) && Linker.PeopleIndex.simplePairs(b) { XCTAssertTrue(forms, "\(a) \(b)"); simple += 1 }
            XCTAssertEqual(Linker.PeopleIndex.allPairs(a, b), forms, "\(a) \(b)")
        }
        XCTAssertGreaterThan(simple, 1_000)
    }

    /// `equalsJoined` is `"=" + joined()`, byte for byte; `bytesStart` is `utf8.starts(with:)`.
    func testSmallHelpers() {
        var g = SeededRandom(seed: 3503)
        for _ in 0..<4_000 {
            let n = (0..<Int.random(in: 0...4, using: &g)).map { _ in Self.word(&g) }
            XCTAssertEqual(Array(Linker.equalsJoined(n).utf8), Array(("=" + n.joined()).utf8))
            let key = ["org:", "per:", "group:", "", "o"].randomElement(using: &g)! + (n.first ?? "")
            for p in ["org:", "group:", "plc:", ""] { XCTAssertEqual(Linker.bytesStart(key, p), key.utf8.starts(with: p.utf8)) }
        }
    }

    /// `WordShape.mayBe` false only for words none of whose readings the linker's tests find: no bare head
    /// (`computeBareHeadReference`), no dual or plural (`pluralKind`), not «المملكة» with its clitics.
    func testWordShapesAsTheTests() {
        var g = SeededRandom(seed: 3504)
        let heads = ["الجيش", "الحركه", "الحزب", "المجلس", "المملكه", "الدول", "البلدين", "الدولتين", "الطرفين", "البلدان",
                     "دول", "جانبين", "الجي\u{0651}ش", "جيش", "حركه"]
        let prefixes = ["", "", "و", "ب", "ل", "لل", "وال", "بال", "ك", "ف", "ول", "ولل", "فب"]
        var heads0 = 0, plurals = 0, kingdoms = 0
        for _ in 0..<6_000 {
            var w = prefixes.randomElement(using: &g)! + heads.randomElement(using: &g)!
            if Bool.random(using: &g) { w = String(w.dropFirst(Int.random(in: 0...2, using: &g))) }
            if Int.random(in: 0..<4, using: &g) == 0 { w += ["ه", "ا", "ين", "ي"].randomElement(using: &g)! }
            if !Linker.mayBeBareHeadReference(w) { XCTAssertNil(Linker.computeBareHeadReference(w), w) }
            else if Linker.computeBareHeadReference(w) != nil { heads0 += 1 }
            let kind = Linker.pluralKind(w)
            if !Linker.pluralShape.mayBe(w) { XCTAssertFalse(kind.dual || kind.plural, w) } else if kind.dual || kind.plural { plurals += 1 }
            if !Linker.kingdomShape.mayBe(w) { XCTAssertFalse(Linker.kingdomWords.contains(w), w) }
            else if Linker.kingdomWords.contains(w) { kingdoms += 1 }
        }
        XCTAssertGreaterThan(heads0, 300)
        XCTAssertGreaterThan(plurals, 300)
        XCTAssertGreaterThan(kingdoms, 50)
    }

    /// `gazetteerKey` is `Gazetteer.key`, byte for byte, asked twice (the second time from the memo).
    func testGazetteerKeyAsKey() {
        var g = SeededRandom(seed: 3505)
        let pieces = ["وزير", " ", "  ", "الخارجيّة", "الأمة", "ا\u{0654}مة", "رئيس", "x", "\r\n", "مجلس النواب", "٣"]
        for _ in 0..<3_000 {
            let s = (0..<Int.random(in: 0...5, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let want = Array(Gazetteer.key(s).utf8)
            XCTAssertEqual(Array(Linker.gazetteerKey(s).utf8), want, s)
            XCTAssertEqual(Array(Linker.gazetteerKey(s).utf8), want, s)
        }
    }
}

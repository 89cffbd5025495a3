@testable import KBFacts
@testable import KBText
import KBGraph
import XCTest

/// speed20: the document result's and the fact stage's shortcuts answer as the `String` code they replace.
final class SpeedEquivalenceDocumentResultTests: XCTestCase {
    /// Invented strings: Arabic with and without harakat, spaces in runs and at the ends, a space carrying a
    /// combining mark, CR LF, tabs, ASCII, guillemets, a prepended mark (U+0600), "|".
    static let strings: [String] = [
        "", " ", "  ", "a", "وزير الخارجية", " وزير الخارجية", "وزير الخارجية ", "وزير  الخارجية", "وزير   الخارجية  ",
        "وَزِيرُ الخارجية", "وزير \u{064E}الخارجية", "وزير\u{0020}\u{0301} الخارجية", "سطر\r\nثان", "سطر \r\n ثان", "a\tb",
        "«الشرق الأوسط»", "\u{0600}١٢ كم", "per:محمد بن سلمان", "a|b", "|", "x||y", "PLANS_VISIT", "@doc-country",
        "پوتين چاد ڤيينا گوا", "آل ثاني", "أحمد إبراهيم", "ة ى ئ ؤ", "ABC-def 123", "O'Neil", "😀 وجه",
    ]

    static func oldCollapsed(_ s: String) -> String { s.plainSplit(separator: " ").joined(separator: " ") }

    func testSpacesCollapsed() {
        for s in Self.strings {
            XCTAssertEqual(Array(Extractor.spacesCollapsed(s).utf8), Array(Self.oldCollapsed(s).utf8), s)
        }
        // random strings over spaces, letters, a mark
        var g = SeededRandom(seed: 6001)
        let alphabet: [String] = [" ", " ", "ب", "a", "\u{064E}", "\n", "|"]
        for _ in 0..<2000 {
            let s = (0..<Int.random(in: 0...8, using: &g)).map { _ in alphabet.randomElement(using: &g)! }.joined()
            XCTAssertEqual(Array(Extractor.spacesCollapsed(s).utf8), Array(Self.oldCollapsed(s).utf8), s.debugDescription)
        }
    }

    func testFactKeysAgainstJoinedStrings() {
        var g = SeededRandom(seed: 6002)
        let parts = ["VISIT", "MEET", "a", "a|b", "b", "|b", "a|", "per-x-1", "وزير", "وَزير", "e\u{301}", "\u{e9}"]
        for _ in 0..<300 {
            var keys = Extractor.FactKeys()
            var joined = Set<String>()
            for _ in 0..<12 {
                let t = parts.randomElement(using: &g)!, s = parts.randomElement(using: &g)!, o = parts.randomElement(using: &g)!
                let si = Int.random(in: 0...2, using: &g)
                XCTAssertEqual(keys.contains(type: t, subject: s, object: o, sentence: si), joined.contains("\(t)|\(s)|\(o)|\(si)"))
                XCTAssertEqual(keys.insert(type: t, subject: s, object: o, sentence: si), joined.insert("\(t)|\(s)|\(o)|\(si)").inserted,
                               "\(t) \(s) \(o) \(si)")
            }
        }
    }

    func testFactIDAgainstTheJoinedHash() {
        for doc in ["doc-a", "doc-وزير", ""] {
            for s in Self.strings {
                for begin in [0, 7, 123_456, -3] {
                    let old = "f-" + String(StableID.hex("\(doc)|VISIT|\(s)|per-x|\(begin)|\(s)r").prefix(12))
                    XCTAssertEqual(Extractor.factID(doc: doc, type: "VISIT", subject: s, object: "per-x", begin: begin, rule: s + "r"), old)
                }
            }
        }
    }

    func testFewerCharacters() {
        for s in Self.strings + ["سطر\r\n" + String(repeating: "ب", count: 150), String(repeating: "بَ", count: 80),
                                 String(repeating: "ب ", count: 70), String(repeating: "\r\n", count: 150)] {
            for n in [0, 1, 2, 3, 5, 10, 139, 140, 141, 160, 300] {
                XCTAssertEqual(s.hasFewerCharacters(than: n), s.count < n, "\(s.debugDescription) \(n)")
            }
        }
    }

    /// The scalar path against `Linker.transliterateByCharacters` (the letter table of `Character`s).
    func testTransliteration() {
        var fast = 0
        for s in Self.strings {
            XCTAssertEqual(Linker.transliterate(s), Linker.transliterateByCharacters(s), s)
            if Transliteration.ofLoneScalars(s) != nil { fast += 1 }
        }
        XCTAssertGreaterThan(fast, 10)
        // every scalar up to U+0800 alone and between letters
        for v in 0..<0x0800 {
            guard let u = Unicode.Scalar(v) else { continue }
            for s in [String(u), "ب" + String(u) + "a", String(u) + " " + String(u)] {
                XCTAssertEqual(Linker.transliterate(s), Linker.transliterateByCharacters(s), "U+\(String(v, radix: 16))")
            }
        }
    }

    func testRelationIndex() {
        let table = RelationTable.standard
        var names = table.names + ["", "NOPE", "PLANS_", "A_VERY_LONG_RELATION_NAME_X", "visit"]
        // the same names as other `String` values (built from bytes, from a substring, large)
        names += table.names.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        names += table.names.map { String(("x" + $0).dropFirst()) }
        names += table.names.map { ($0 + String(repeating: " ", count: 20)).trimmingCharacters() }
        for n in names {
            let fast = RelationIndex.allowed(table, n)
            let old = table[n]
            XCTAssertEqual(fast == nil, old == nil, n)
            XCTAssertEqual(fast?.subjectTypes, old?.subjectTypes, n)
            XCTAssertEqual(fast?.objectTypes, old?.objectTypes, n)
        }
        // another table: its own answers, not the standard one's
        let other = RelationTable(types: table.types.map { var t = $0; t.subjectTypes = [.date]; return t })
        for n in table.names {
            XCTAssertEqual(RelationIndex.allowed(other, n)?.subjectTypes, [.date], n)
        }
    }

    func testVagueTimeFromClasses() {
        let lex = RuleSet.bundled.lexicon
        guard let ids = Extractor.vagueTimeClasses(lex) else { return XCTFail("no TIME_SPAN classes") }
        for text in SpeedEquivalenceRuleEngineTests.texts + ["زار الرئيس باريس الشهر الماضي.", "وصل مؤخرا إلى القاهرة."] {
            for s in Cleaner.sentences(of: SourceText(documentID: "d", path: "d.txt", text: text)) {
                let ctx = SentenceContext(tokens: s.tokens, mentions: [], dates: [], gazetteer: .bundled)
                XCTAssertEqual(Extractor.statesVagueTime(s.tokens, ids, { ctx.tokenClasses[$0] }),
                               !Extractor.vagueTimeSentences([s], lex).isEmpty, s.text)
            }
        }
    }

    func testBundledRuleNameSets() {
        XCTAssertEqual(Extractor.bundledPurposeRules, Extractor.purposeRules(RuleSet.bundled))
        XCTAssertEqual(Extractor.bundledCountryGuessingRules, Extractor.countryGuessingRules(RuleSet.bundled))
        XCTAssertFalse(Extractor.bundledCountryGuessingRules.isEmpty)
    }

    /// The context's forms and classes, from one look-up when the record has both, are those asked one by one.
    func testContextFormsAndClasses() {
        let lex = RuleSet.bundled.lexicon
        for text in SpeedEquivalenceRuleEngineTests.texts {
            for s in Cleaner.sentences(of: SourceText(documentID: "d", path: "d.txt", text: text)) {
                for _ in 0..<2 {   // the second time from the records
                    let ctx = SentenceContext(tokens: s.tokens, mentions: [], dates: [], gazetteer: .bundled)
                    for (k, t) in s.tokens.enumerated() {
                        XCTAssertEqual(ctx.tokenClasses[k], lex.classes(of: t.norm), t.text)
                        XCTAssertEqual(ctx.forms(k), t.kind == .word ? Clitics.ruleForms(t.norm, RuleForms.compute).forms : [], t.text)
                    }
                }
            }
        }
    }
}

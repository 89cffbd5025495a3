import Foundation
@testable import KBFacts
@testable import KBText
import XCTest

/// The shortcuts taken for extraction speed give exactly what the code they replace gave.
/// The labeller's stem prefixes (the strings `NERFeaturizer.wordInfo` tests with `plainHasPrefix`).
enum NERFeaturizerStemPrefixes {
    static let all = ArabicNormalizer.procliticPrefixes.map(\.prefix)
}

final class SpeedEquivalenceTests: XCTestCase {
    /// Strings that are equal as `String`s (canonical equivalence) but differ in bytes, plain ones, and others.
    static let samples: [String] = [
        "", "a", "abc", "الجزائر", "وزير الخارجية", "أ", "ا\u{0654}", "\u{0623}حمد", "ا\u{0654}حمد", "é", "e\u{0301}",
        "حفتر", "لحفتر", "ومودي", "2024", "٢٠٢٤", "مهـدي", "a\u{0654}\u{0301}", "Ä", "A\u{0308}", "ﻻ", "x y",
        String(repeating: "مصر ", count: 12),
        // singletons whose NFC form is plain (KELVIN SIGN → K, GREEK QUESTION MARK → ;), a madda, a long plain key
        "K", "\u{212A}", "a;", "a\u{037E}", "آ", "ا\u{0653}", "وزير الخارجية الجزائري في زيارة",
    ]

    /// The hamza check counted in place answers as the filtered copy of the text it replaces did.
    func testHamzaIsNoArticleCountedInPlace() {
        func filtered(_ tok: Token, _ prefix: String) -> Bool {
            guard prefix.hasSuffix("ال") else { return false }
            let letters = tok.text.unicodeScalars.filter { !(0x064B...0x065F).contains($0.value) && $0.value != 0x0640 }
            let at = prefix.unicodeScalars.count - 2
            guard letters.count > at + 1 else { return false }
            let a = letters[letters.index(letters.startIndex, offsetBy: at)]
            return a == "\u{0623}" || a == "\u{0625}"
        }
        let texts = ["ألباريس", "وألفاريز", "الباريس", "إلى", "أل", "ألب", "وأ", "وإلب", "أَلباريس", "أـلب", "وَأَلْفاريز", "بالجزائر", "", "أ",
                     "ا\u{0654}لب", "abc"]
        var seenTrue = false
        for text in texts {
            let tok = Token(text: text, norm: ArabicNormalizer.normalize(text), begin: 0, end: text.count, kind: .word)
            for prefix in ["ال", "وال", "بال", "", "و", "لل", "فال", "وبال"] {
                let fast = EntityRecognizer.hamzaIsNoArticle(tok, prefix)
                XCTAssertEqual(fast, filtered(tok, prefix), "\(text) \(prefix)")
                seenTrue = seenTrue || fast
            }
        }
        XCTAssertTrue(seenTrue)
    }

    /// The sidecar path read on bytes is the one `URL` and `NSString` give, for every path it accepts.
    func testPlainMetadataPathIsFoundations() {
        let accepted = ["a.txt", "doc-1_x.TXT", "/a.txt", "/tmp/x/0001/a12.txt", "rel/dir/a", "/x/.build-bench/c/d.json",
                        "x/a.b/c.txt", "ab", "/a", "d..e/f.txt", "...x/f.md"]
        // (Foundation traps on a one-character path, «a»; the bytes give «a.meta.json»)
        XCTAssertEqual(InputReader.plainMetadataPath("a"), "a.meta.json")
        for p in accepted {
            XCTAssertNotNil(InputReader.plainMetadataPath(p), p)
            XCTAssertEqual(InputReader.plainMetadataPath(p), InputReader.foundationMetadataPath(p), p)
        }
        for p in ["/", "a/", "a//b.txt", "./a.txt", "../a.txt", "x/../a.txt", "x/./a.txt", ".hidden", "a.", "a.b.c",
                  "a.t-x", "a b.txt", "é.txt", "ع/a.txt", "//a.txt"] {
            if let fast = InputReader.plainMetadataPath(p) { XCTAssertEqual(fast, InputReader.foundationMetadataPath(p), p) }
        }
        // every short path over an alphabet of the characters that matter, where the fast path answers
        let alphabet: [Character] = ["a", "B", "1", "_", "-", ".", "/", " ", "é"]
        var rng = UInt64(0x5EED)
        var checked = 0
        for _ in 0..<20_000 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            var r = rng
            let len = Int(r % 9) + 1
            var p = ""
            for _ in 0..<len { r = r / 9 &+ (r >> 40); p.append(alphabet[Int(r % UInt64(alphabet.count))]) }
            if p.utf8.count > 1, let fast = InputReader.plainMetadataPath(p) {
                XCTAssertEqual(fast, InputReader.foundationMetadataPath(p), p)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testFuturePrefixIsHasPrefix() {
        for w in Self.samples + ["سيزور", "ستلتقي", "سي", "ست", "س", "سا", "وسيزور", "س\u{0654}ي", "سيّد", "سترة"] {
            XCTAssertEqual(FactRules.hasFuturePrefix(w), w.hasPrefix("سي") || w.hasPrefix("ست"), "\(w.unicodeScalars.map(\.value))")
        }
    }

    func testWordsOfAnyClassIsTheUnionOfEachClass() throws {
        let lex = RuleSet.bundled.lexicon
        let names = Array(lex.classNames.prefix(6)) + ["NO_SUCH_CLASS"]
        XCTAssertFalse(lex.words(ofAny: names).isEmpty)
        XCTAssertEqual(lex.words(ofAny: names), names.reduce(into: Set<String>()) { $0.formUnion(lex.words(of: $1)) })
        XCTAssertEqual(lex.words(ofAny: ["NO_SUCH_CLASS"]), [])
    }

    func testNormKeyHasTheMeaningOfStringKeys() {
        XCTAssertTrue(NormKey.hashMatchesString)
        for a in Self.samples {
            for b in Self.samples {
                XCTAssertEqual(NormKey(a) == NormKey(b), a == b, "\(a.unicodeScalars.map(\.value)) vs \(b.unicodeScalars.map(\.value))")
                if a == b { XCTAssertEqual(NormKey(a).hashValue, NormKey(b).hashValue) }
            }
        }
        var d: [NormKey: Int] = [:]
        var e: [String: Int] = [:]
        for (i, s) in Self.samples.enumerated() { d[NormKey(s), default: 0] += i; e[s, default: 0] += i }
        for s in Self.samples { XCTAssertEqual(d[NormKey(s)], e[s]) }
        XCTAssertEqual(d.count, e.count)
    }

    func testPlainSplitIsCharacterSplit() {
        // a separator before a combining mark, a Prepend mark before it, CR LF: not plain, String's split
        let extra = ["a b", " a  b ", "وزير  الخارجية ", "a \u{0301}b", "\u{0600} x", "a\r\n b", "x|y||z", "a@b@c", "\t\ta\tb\t",
                     "ا \u{0654}حمد", "عبد الله بن الحسين", ""]
        for s in Self.samples + extra {
            for sep: Character in [" ", "|", "@", "\t"] {
                for omit in [true, false] {
                    for maxSplits in [1, Int.max] {
                        XCTAssertEqual(s.plainSplit(separator: sep, maxSplits: maxSplits, omittingEmptySubsequences: omit),
                                       s.split(separator: sep, maxSplits: maxSplits, omittingEmptySubsequences: omit), "\(s.unicodeScalars.map(\.value))")
                        let sub = s.dropFirst()
                        XCTAssertEqual(sub.plainSplit(separator: sep, maxSplits: maxSplits, omittingEmptySubsequences: omit),
                                       sub.split(separator: sep, maxSplits: maxSplits, omittingEmptySubsequences: omit))
                    }
                }
            }
        }
        XCTAssertEqual("a\nb".plainSplit(separator: "\n"), ["a", "b"])
        XCTAssertEqual("a\r\nb".plainSplit(separator: "\n"), "a\r\nb".split(separator: "\n"))
    }

    func testPlainHasPrefixIsHasPrefix() {
        let prefixes = ["", "ال", "لل", "و", "وال", "ا", "ا\u{0654}", "أ", "a", "ab", "e", "K", "\u{212A}", "\r", "a\r"]
            + NERFeaturizerStemPrefixes.all
        for s in Self.samples + ["الجزائر", "للدول", "وال", "ال\u{064E}", "ا\u{0654}حمد", "ال", "\r\n", "a\r\nb", "\rx"] {
            for p in prefixes { XCTAssertEqual(s.plainHasPrefix(p), s.hasPrefix(p), "\(s.unicodeScalars.map(\.value)) / \(p)") }
        }
    }

    func testWordMemoCachedIsTheFirstLevel() {
        let memo = WordMemo<Int>()
        XCTAssertNil(memo.cached("الجزائر"))
        XCTAssertEqual(memo.get("الجزائر") { $0.count }, 7)
        XCTAssertEqual(memo.cached("الجزائر"), 7)
        let lex = RuleSet.bundled.lexicon
        for w in ["قال", "أكد", "الجزائر", "زار"] { XCTAssertEqual(lex.classes(of: w), lex.classes(of: w)) }
    }

    func testInternedNormIsNormalize() {
        let words = Self.samples + ["الْجَزَائِر", "مهـدي", "أحمد", "إحمد", "آمال", "ى", "ة", "x", "", "ﻻ", "٢٠٢٤", "٫"]
        for _ in 0..<3 {
            for w in words { XCTAssertEqual(WordInterner.norm(of: w), ArabicNormalizer.normalize(w), "\(w.unicodeScalars.map(\.value))") }
        }
        // short texts built afresh (a word cut out of a longer text) find the same answer
        for w in words where !w.isEmpty {
            let cut = String(("«" + w + "»").dropFirst().dropLast())
            XCTAssertEqual(WordInterner.norm(of: cut), ArabicNormalizer.normalize(w))
        }
    }

    func testPlainContainsIsContains() {
        for s in Self.samples + ["الدول", "دول", "اللقاء", "ال"] {
            if let fast = NormKey.plainContains(s, "ال") { XCTAssertEqual(fast, s.contains("ال"), s) }
        }
    }

    func testWordMemoGivesTheFunctionsValue() {
        let memo = WordMemo<String>()
        var calls = 0
        func f(_ s: String) -> String { calls += 1; return String(s.reversed()) }
        for _ in 0..<3 {
            for s in Self.samples { XCTAssertEqual(memo.get(s, f), String(s.reversed())) }
        }
        // long strings built afresh (new storage each time) are found by text
        for k in 0..<50 {
            let s = String(repeating: "مصر", count: 10) + String(k)
            XCTAssertEqual(memo.get(s, f), String(s.reversed()))
            XCTAssertEqual(memo.get(String(repeating: "مصر", count: 10) + String(k), f), String(s.reversed()))
        }
        XCTAssertLessThanOrEqual(calls, Self.samples.count + 50)
    }

    func testGazetteerTrimmingIsFoundationsWhitespaceTrimming() throws {
        var texts = ["", " ", "\t a \t", "\u{00A0}b\u{2003}", "\u{3000}c d\u{202F}", "\u{200B}x\u{200B}", "\n y \n", " \u{0301}z "]
        let url = try XCTUnwrap(Self.bundledGazetteerURL())
        let text = try String(contentsOf: url, encoding: .utf8)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            texts.append(String(line))
            for col in line.split(separator: "\t", omittingEmptySubsequences: false) {
                texts.append(String(col))
                texts += col.split(separator: "|").map(String.init)
            }
        }
        for t in texts { XCTAssertEqual(Gazetteer.trimmed(t), t.trimmingCharacters(in: .whitespaces), t) }
    }

    static func bundledGazetteerURL() -> URL? {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KBFacts/Resources/gazetteer.tsv")
    }

    func testPlainNFCTextIsItsOwnNFC() {
        let texts = Self.samples + ["قال الرئيس، «نعم» — 2024…", "إنّ", "كتبَ", "\u{2000}", "a\u{0300}", "ﻻ"]
        for t in texts where InputReader.isPlainNFC(t) {
            XCTAssertEqual(Array(t.precomposedStringWithCanonicalMapping.unicodeScalars), Array(t.unicodeScalars), t)
        }
        XCTAssertTrue(InputReader.isPlainNFC("إنّ"))
        XCTAssertFalse(InputReader.isPlainNFC("\u{0625}\u{0646}\u{0651}\u{064E}"))   // shadda, fatha: NFC puts the fatha first
        XCTAssertFalse(InputReader.isPlainNFC("\u{2000}"))
    }

    func testPlainCliticCandidatesAreTheGeneralOnes() {
        var words = Self.samples + ["وموسكو", "للقوات", "فبالقوات", "ولل", "لل", "والا", "بالل", "ككك", "الجزائر", "وال", "فلله", "ب", "وب"]
        for e in Gazetteer.bundled.entries { words += Gazetteer.key(e.ar).split(separator: " ").map(String.init) }
        for w in words {
            let n = ArabicNormalizer.normalize(w)
            guard NormKey.isPlain(n), !n.isEmpty else { continue }
            let fast = ArabicNormalizer.plainCliticCandidates(n)
            let slow = ArabicNormalizer.generalCliticCandidates(n)
            XCTAssertEqual(fast.map(\.stem), slow.map(\.stem), n)
            XCTAssertEqual(fast.map(\.prefix), slow.map(\.prefix), n)
        }
    }

    func testWhitespaceFastPathIsTheProperty() {
        for v in UInt32(0)...0x3100 {
            guard let c = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ArabicNormalizer.isWhitespace(c), c.properties.isWhitespace, String(v, radix: 16))
        }
    }

    func testGazetteerMatchStartsCoverEveryMatch() {
        let g = Gazetteer.bundled
        // every name's first word and every adjective, bare and behind each proclitic, may start a match
        for e in g.entries {
            let starts = ([e.ar] + e.aliases).compactMap { Gazetteer.key($0).split(separator: " ").first.map(String.init) }
                + e.adjectives.map(Gazetteer.key)
            for w in starts where !w.isEmpty {
                XCTAssertTrue(g.mayStartMatch(w), w)
                for (p, _) in ArabicNormalizer.procliticPrefixes { XCTAssertTrue(g.mayStartMatch(p + w), p + w) }
            }
        }
        XCTAssertFalse(g.mayStartMatch("كتب"))
    }

    /// `WordSet.contains` answers as `Set<String>.contains`: for the closed lists (normalised words) asked about
    /// normalised tokens, their raw and decomposed spellings, and the samples (plain, decomposed, combining, Latin).
    func testWordSetContainsIsSetContains() {
        let lists: [WordSet] = [Lexicon.stopwords, Lexicon.ranks, Lexicon.roleHeads, Lexicon.placeHeads, Lexicon.verbs,
                                Lexicon.orgHeads, FactRules.allTriggers, FactRules.eventContextWords, Linker.dualStems, Linker.pluralStems]
        let decomposed = Self.samples + ["أحمد", "ا\u{0654}حمد", "إلى", "ا\u{0655}لى", "آخر", "ا\u{0653}خر", "الرئيس", "الرئيس\u{0651}",
                                         "رئيس", "ر\u{0626}يس", "في", "فى", "وزير", "وزيرة", "وزيره"]
        for list in lists {
            let strings = Set(list.map { $0 })
            XCTAssertEqual(strings.count, list.count)
            var asked = decomposed
            for w in strings.prefix(300) {
                asked += [w, ArabicNormalizer.normalize(w), w.decomposedStringWithCanonicalMapping, w + "\u{064E}", "و" + w, String(w.dropLast())]
            }
            for w in asked {
                XCTAssertEqual(list.contains(w), strings.contains(w), "\(w.unicodeScalars.map(\.value))")
            }
            if list.hasStoredStrings { XCTAssertEqual(list.strings, strings) }
        }
        // a set of the samples themselves (canonically equal spellings are one member, as in Set<String>)
        let set = Set(Self.samples)
        let ws = WordSet(set)
        XCTAssertEqual(ws.count, set.count)
        for a in Self.samples + ["أحمد", "ا\u{0654}حمد", "K", "k", "e\u{0301}"] { XCTAssertEqual(ws.contains(a), set.contains(a), "\(a.unicodeScalars.map(\.value))") }
        // unions and key-only sets
        let a: WordSet = ["في", "من", "إلى"], b = WordSet(keys: [NormKey("على"), NormKey("ا\u{0655}لى")])
        let u = a.union(b), v = a.union(["عن", "على"] as Set<String>)
        XCTAssertFalse(u.hasStoredStrings)
        XCTAssertTrue(v.hasStoredStrings)
        XCTAssertEqual(Set(u.map { $0 }), u.strings)
        for w in ["في", "من", "إلى", "ا\u{0655}لى", "على", "عن", "الى"] {
            XCTAssertEqual(u.contains(w), (Set(["في", "من", "إلى", "على"])).contains(w), w)
            XCTAssertEqual(v.contains(w), (Set(["في", "من", "إلى", "على", "عن"])).contains(w), w)
        }
        XCTAssertEqual(u.count, 4)
        XCTAssertTrue(a.isDisjoint(with: ["عن"]))
        XCTAssertFalse(a.isDisjoint(with: ["عن", "ا\u{0655}لى"]))
    }

    /// The migrated trigger keys are the words of `words(ofAny:)`.
    func testWordKeysOfAnyAreWordsOfAny() {
        let lex = RuleSet.bundled.lexicon
        let names = Array(lex.classNames.prefix(8))
        XCTAssertEqual(Set(lex.wordKeys(ofAny: names).map(\.string)), lex.words(ofAny: names))
        XCTAssertEqual(Set(FactRules.allTriggers.map { $0 }).count, FactRules.allTriggers.count)
    }

    /// The byte checks of `isComma` / `isStrongPunct` answer as the `String ==` they replace: every scalar of the
    /// BMP alone and followed by a combining mark, and a few longer strings.
    func testPlainEqualsIsStringEquality() {
        let words = Self.samples + ["الجزائر", "ا\u{0654}حمد", "أحمد", "وكالة", "وكاله", "", "a", "A", "\u{212A}", "K", "ال\u{064E}", "ال"]
        for a in words { for b in words { XCTAssertEqual(a.plainEquals(b), a == b, "\(a.unicodeScalars.map(\.value)) / \(b.unicodeScalars.map(\.value))") } }
    }

    func testPunctTextIsStringEquality() {
        let strong: [String] = [".", "!", "?", "؟", ";", "؛", ":", "(", ")", "[", "]"]
        var asked = ["", "،،", ",,", "..", "\u{037E}", ";\u{0301}", "\u{060C}\u{0654}", "،a", "\r\n", "?!"]
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            asked.append(String(Character(u)))
            if v % 7 == 0 || v < 0x700 { asked.append(String(u) + "\u{0301}") }
        }
        for w in asked {
            XCTAssertEqual(PunctText.isComma(w), w == "،" || w == ",", "\(w.unicodeScalars.map(\.value))")
            XCTAssertEqual(PunctText.isStrong(w), strong.contains(w), "\(w.unicodeScalars.map(\.value))")
            XCTAssertEqual(PunctText.isASCII(w, 0x28), w == "(", "\(w.unicodeScalars.map(\.value))")
            XCTAssertEqual(PunctText.isASCII(w, 0x29), w == ")", "\(w.unicodeScalars.map(\.value))")
            // the marks LineAnalyzer compares as bytes
            XCTAssertEqual(w.isMark("\u{00A9}"), w == "\u{00A9}", "\(w.unicodeScalars.map(\.value))")
            XCTAssertEqual(w.isMark("#"), w == "#")
            XCTAssertEqual(w.isMark("_"), w == "_")
            XCTAssertEqual(w.isMark("-"), w == "-")
            XCTAssertEqual(w.isMark("|"), w == "|")
            XCTAssertEqual(w.isMark("("), w == "(")
            XCTAssertEqual(w.isMark(")"), w == ")")
            XCTAssertEqual(w.isMark("\u{2013}"), w == "\u{2013}")
            XCTAssertEqual(w.isMark("\u{2014}"), w == "\u{2014}")
            XCTAssertEqual(w.isMark("\u{FD3E}"), w == "\u{FD3E}")
            XCTAssertEqual(w.isMark("\u{FD3F}"), w == "\u{FD3F}")
        }
        XCTAssertTrue(PunctText.isStrong("\u{037E}"))
    }
}

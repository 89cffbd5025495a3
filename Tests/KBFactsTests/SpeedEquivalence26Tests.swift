@testable import KBFacts
@testable import KBNER
import KBText
import XCTest

/// speed26's shortcuts give what the code they replace gave: the Viterbi step four labels at a time against the
/// scalar step, keys and surfaces joined from bytes against `String` appends, a proclitic's final «ال» dropped on
/// bytes against `hasSuffix` and `dropLast`.
final class SpeedEquivalence26Tests: XCTestCase {
    /// The scalar IOB2 step of speed10 (kept for transitions that are not tame, ``NERDecoder/iob2ScalarRow``), rows `1..<n`.
    static func scalarRows(_ score: inout [Float], _ back: inout [UInt8], _ em: [Float], _ trans: [Float], n: Int, forceO: Range<Int>) {
        score.withUnsafeMutableBufferPointer { s in
            back.withUnsafeMutableBufferPointer { b in
                for i in 1..<n {
                    NERDecoder.iob2ScalarRow(score: s.baseAddress!, back: b.baseAddress!, em: em, trans: trans, row: i, forced: forceO.contains(i))
                }
            }
        }
    }

    func testFourLabelStepIsTheScalarStep() {
        XCTAssertEqual(NERLabel.count, 9)
        var rng = SeededRandom(seed: 26)
        let neg: Float = -1e30
        var unreached = 0, tied = 0, rows = 0
        for round in 0..<3000 {
            let n = 2 + round % 23
            // small integers often (ties, which the order of comparisons decides), large values sometimes
            func value() -> Float {
                switch round % 4 {
                case 0: return Float(Int.random(in: -3...3, using: &rng))
                case 1: return Float.random(in: -1e6...1e6, using: &rng)
                default: return Float.random(in: -5...5, using: &rng)
                }
            }
            let em = (0..<(n * 9)).map { _ in value() }
            let trans = (0..<90).map { _ in value() }
            var score = [Float](repeating: neg, count: n * 9)
            let back = [UInt8](repeating: 0, count: n * 9)
            // the first row as the decoder starts it, some labels unreached (as I- labels are at a start)
            for l in 0..<9 where l == 0 || l % 2 == 1 || Int.random(in: 0..<3, using: &rng) == 0 { score[l] = trans[81 + l] + em[l] }
            if round % 5 == 0 { score[Int.random(in: 0..<9, using: &rng)] = neg; unreached += 1 }
            let a = Int.random(in: 0...n, using: &rng), b = Int.random(in: a...n, using: &rng)
            let forced = round % 3 == 0 ? a..<b : 0..<0
            var s1 = score, b1 = back, s2 = score, b2 = back
            Self.scalarRows(&s1, &b1, em, trans, n: n, forceO: forced)
            XCTAssertTrue(trans.withUnsafeBufferPointer { NERDecoder.tame($0) })
            s2.withUnsafeMutableBufferPointer { s in b2.withUnsafeMutableBufferPointer { bk in
                NERDecoder.iob2Rows(score: s.baseAddress!, back: bk.baseAddress!, em: em, trans: trans, first: 1, count: n, forceO: forced)
            } }
            XCTAssertEqual(s1.map(\.bitPattern), s2.map(\.bitPattern), "round \(round)")
            XCTAssertEqual(b1, b2, "round \(round)")
            rows += n - 1
            if round % 4 == 0 { tied += 1 }
        }
        XCTAssertEqual(rows, (0..<3000).reduce(0) { $0 + 1 + $1 % 23 })
        XCTAssertEqual(unreached, 600)
        XCTAssertEqual(tied, 750)
        // transitions too large to add to an unreached score: not tame (the scalar step is kept for them)
        XCTAssertFalse([Float(0), 1e21].withUnsafeBufferPointer { NERDecoder.tame($0) })
        XCTAssertFalse([Float.nan].withUnsafeBufferPointer { NERDecoder.tame($0) })
        XCTAssertFalse([-Float.infinity].withUnsafeBufferPointer { NERDecoder.tame($0) })
    }

    static let pieces = ["", "ال", "و", "بال", "لل", "وال", "فال", "كال", "ا", "ل", "مصر", "الأمم", "المتحدة", "عبد", "e\u{301}",
                         "\u{64E}", "\u{651}\u{64E}", "\u{600}", "\u{600}ال", "\u{640}", "ab", "Paris", " ", "\u{200D}", "ﻻ", "آ", "أال",
                         "\r", "\n", "\u{1F1EB}", "\u{1F1F7}", "٣", "ـال"]

    func testJoinedWordsAreTheAppendedWords() {
        var rng = SeededRandom(seed: 2026)
        var cases = 0
        for _ in 0..<4000 {
            func word() -> String { (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined() }
            let first = word()
            let rest = (0..<Int.random(in: 0...4, using: &rng)).map { _ in word() }
            var appended = first
            for w in rest { appended.append(" "); appended.append(w) }
            let joined = JoinedWords.make(first, count: rest.count) { rest[$0] }
            XCTAssertEqual(Array(joined.utf8), Array(appended.utf8))
            XCTAssertEqual(joined, appended)
            XCTAssertEqual(NormKey(joined), NormKey(appended))
            cases += 1
        }
        XCTAssertEqual(cases, 4000)
    }

    func testArticleEndDroppedOnBytesAsBefore() {
        var rng = SeededRandom(seed: 7)
        var prefixes = ArabicNormalizer.procliticPrefixes.map(\.prefix)
        for _ in 0..<3000 {
            prefixes.append((0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined())
        }
        var dropped = 0
        for p in prefixes {
            let want = p.hasSuffix("ال") ? String(p.dropLast(2)) : p
            let got = EntityRecognizer.withoutArticleEnd(p)
            XCTAssertEqual(Array(got.utf8), Array(want.utf8), p.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            if got != p { dropped += 1 }
        }
        XCTAssertGreaterThan(dropped, 500)
    }

    func testQuoteMarksOnBytesAreTheSets() {
        // every scalar alone, then each mark and some others with marks and joiners around them
        var found = 0
        for v in 0...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = String(u)
            XCTAssertEqual(EntityRecognizer.isOpeningQuote(s), EntityRecognizer.openingQuotes.contains(s), String(v, radix: 16))
            XCTAssertEqual(EntityRecognizer.isClosingQuote(s), EntityRecognizer.closingQuotes.contains(s), String(v, radix: 16))
            if EntityRecognizer.quoteBits(s) != 0 { found += 1 }
        }
        XCTAssertEqual(found, 8)
        let marks = Array(EntityRecognizer.openingQuotes.union(EntityRecognizer.closingQuotes)) + ["،", ",", "a", "ا"]
        let around = ["", "\u{301}", "\u{651}", "\u{200D}", "\u{600}", "\u{FE0F}", " ", "\r", "\n"]
        var rng = SeededRandom(seed: 11)
        for _ in 0..<5000 {
            let s = around.randomElement(using: &rng)! + marks.randomElement(using: &rng)! + around.randomElement(using: &rng)!
            XCTAssertEqual(EntityRecognizer.isOpeningQuote(s), EntityRecognizer.openingQuotes.contains(s))
            XCTAssertEqual(EntityRecognizer.isClosingQuote(s), EntityRecognizer.closingQuotes.contains(s))
        }
    }

    func testPlainCountIsCount() {
        var rng = SeededRandom(seed: 4)
        var plain = 0
        for _ in 0..<4000 {
            let s = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(s.plainCount, s.count, s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            if NormKey.isPlain(s) { plain += 1 }
        }
        XCTAssertGreaterThan(plain, 400)
        XCTAssertEqual("a\r\nb".plainCount, 3)
    }

    /// The labeller's gazetteer tags with the name keys looked up on bytes (``NERNameIndex``) against the keys as
    /// `String`s, on sentences of the shipped lexicon's own name words, other words, and words that are not plain.
    func testGazetteerTagsOnBytesAreTheTags() throws {
        let model = try XCTUnwrap(EntityRecognizer.nerModel)
        let lex = model.lexicon, f = model.featurizer
        let names = lex.namesN.keys.map(\.string).filter { $0.contains(" ") }.sorted()
        XCTAssertGreaterThan(names.count, 1000)
        var rng = SeededRandom(seed: 526)
        let others = ["في", "قال", "الرئيس", "و", "،", "2024", "Paris", "ال\u{64E}", "مصر\u{651}", "\u{600}ال", "الأمم"]
        var tagged = 0, longer = 0
        for _ in 0..<3000 {
            var words: [String] = []
            while words.count < 12 {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0, 1:
                    var w = names.randomElement(using: &rng)!.split(separator: " ").map(String.init)
                    // a name cut short, or with a word not plain inside it
                    if Bool.random(using: &rng) { w = Array(w.prefix(Int.random(in: 1...w.count, using: &rng))) }
                    if Int.random(in: 0..<5, using: &rng) == 0, w.count > 1 { w[Int.random(in: 1..<w.count, using: &rng)] += "\u{651}" }
                    if Int.random(in: 0..<4, using: &rng) == 0 { w[0] = ["و", "ب", "ل", "ال"].randomElement(using: &rng)! + w[0] }
                    words += w
                default: words.append(others.randomElement(using: &rng)!)
                }
            }
            let info = words.map { f.wordInfo(norm: $0, text: $0) }
            let want = lex.gazetteerTags(info), got = lex.gazetteerTags(info, index: f.nameIndex)
            XCTAssertEqual(want.map(\.b), got.map(\.b), words.joined(separator: " "))
            XCTAssertEqual(want.map(\.i), got.map(\.i), words.joined(separator: " "))
            if want.contains(where: { $0.i != 0 }) { tagged += 1 }
            if zip(want, want.dropFirst().dropFirst()).contains(where: { $0.0.b != 0 && $0.1.i != 0 }) { longer += 1 }
        }
        XCTAssertGreaterThan(tagged, 1000)
        XCTAssertGreaterThan(longer, 100)
    }

    /// The gazetteer's look-ups of plain keys on bytes (Gazetteer+KeyBytes.swift) against the dictionaries: second
    /// words, two-word starts and names of two words or more, on the gazetteer's own words and others.
    func testGazetteerKeysOnBytesAreTheDictionaries() {
        let g = Gazetteer.bundled
        let second = g.secondWords.map(\.string).sorted()
        let firstTwo = g.firstTwoWords.keys.map(\.string).sorted()
        XCTAssertGreaterThan(second.count, 100)
        var rng = SeededRandom(seed: 2612)
        let others = ["في", "الأمم", "مصر\u{651}", "\u{600}ال", "Paris", "", " ", "ال"]
        var found = 0, named = 0
        for _ in 0..<4000 {
            let w = Bool.random(using: &rng) ? second.randomElement(using: &rng)! : others.randomElement(using: &rng)!
            let want = g.secondWords.contains(NormKey(w))
            XCTAssertEqual(g.isSecondWord(w), want, w)
            if want { found += 1 }
            let pair = firstTwo.randomElement(using: &rng)!.split(separator: " ", maxSplits: 1).map(String.init)
            var a = pair[0], b = pair.count > 1 ? pair[1] : others.randomElement(using: &rng)!
            if Int.random(in: 0..<5, using: &rng) == 0 { b += "\u{651}" }
            if Int.random(in: 0..<5, using: &rng) == 0 { a = others.randomElement(using: &rng)! }
            XCTAssertEqual(g.longestName(startingWith: a, then: b), g.firstTwoWords[NormKey(a + " " + b)] ?? 0, a + " " + b)
            let more = [b] + (0..<Int.random(in: 0...2, using: &rng)).map { _ in second.randomElement(using: &rng)! }
            let entries = g.lookupName(a, count: more.count) { more[$0] }
            XCTAssertEqual(entries.map(\.id), g.lookupName(([a] + more).joined(separator: " ")).map(\.id))
            if !entries.isEmpty { named += 1 }
        }
        XCTAssertGreaterThan(found, 1500)
        XCTAssertGreaterThan(named, 200)
    }
}

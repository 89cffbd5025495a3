import Foundation
import XCTest
@testable import KBText

/// The table of scalar classes (speed27) and the paths that read it, against the class functions and the code they
/// replace, on every scalar of the table's range and on invented texts from a seeded generator.
final class TextSpeed27EquivalenceTests: XCTestCase {
    /// `ScalarClass.test` with each flag against its function on every scalar to U+3100 and a few above.
    func testTableMatchesClassFunctions() {
        let t = ScalarClass.table
        let classes: [(UInt8, (Unicode.Scalar) -> Bool)] = [
            (ScalarClass.arabicLetterBit, ScalarClass.isArabicLetter), (ScalarClass.otherLetterBit, ScalarClass.isOtherLetter),
            (ScalarClass.digitBit, ScalarClass.isDigit), (ScalarClass.markBit, ScalarClass.isMark),
            (ScalarClass.spaceLikeBit, ScalarClass.isSpaceLike), (ScalarClass.lineBreakBit, ScalarClass.isLineBreak),
            (ScalarClass.terminatorBit, ScalarClass.isTerminator),
        ]
        var checked = 0
        for v in Array(UInt32(0)...0x3100) + [0xFB50, 0xFDF2, 0xFE70, 0xFEFF, 0x1D7CE, 0x1F600, 0x10FFFF] {
            guard let s = Unicode.Scalar(v) else { continue }
            for (bit, f) in classes {
                XCTAssertEqual(ScalarClass.test(s, bit, t, f), f(s), String(v, radix: 16))
                checked += 1
            }
            if v < 0x700 { XCTAssertEqual(t[Int(v)] & ScalarClass.quoteBit != 0, v == 0x22 || v == 0xAB || v == 0xBB) }
        }
        XCTAssertGreaterThan(checked, 7 * 0x3000)
    }

    /// Scalars the invented texts are drawn from: Arabic letters, harakat, tatweel, joiners, digits of three scripts
    /// and their separators, Latin letters and apostrophes, spaces and line breaks, stops, quotes and brackets, and
    /// scalars beyond the table (presentation forms, accents, dashes, curly quotes, emoji).
    static let alphabet: [Unicode.Scalar] = {
        var a: [Unicode.Scalar] = []
        for v in [0x0627, 0x0628, 0x062A, 0x062D, 0x0633, 0x0639, 0x0644, 0x0645, 0x0646, 0x0647, 0x0648, 0x064A, 0x0629,
                  0x0649, 0x0623, 0x064E, 0x0650, 0x0651, 0x0652, 0x0640, 0x0670, 0x06A9, 0x06CC, 0x200C, 0x200D,
                  0x30, 0x35, 0x39, 0x0661, 0x0665, 0x06F3, 0x2E, 0x2C, 0x066B, 0x066C, 0x61, 0x65, 0x5A, 0xE9, 0x0301,
                  0x27, 0x2019, 0x20, 0x20, 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x21, 0x3F, 0x061F, 0x2026, 0x06D4, 0x060C, 0x061B,
                  0x3A, 0x2D, 0x2013, 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x28, 0x29, 0x5B, 0x5D, 0xFB50, 0xFEFB, 0x1F600,
                  0x0660, 0x06DD, 0x061C, 0x200F, 0x2028, 0x00A9, 0x23] {
            a.append(Unicode.Scalar(UInt32(v))!)
        }
        return a
    }()

    static func randomText(_ g: inout SeededRandom, length: Int) -> [Unicode.Scalar] {
        (0..<length).map { _ in
            // (Arabic letters more often than the rest, as in a page)
            Int.random(in: 0..<3, using: &g) == 0 ? alphabet.randomElement(using: &g)! : alphabet[Int.random(in: 0..<12, using: &g)]
        }
    }

    /// The token ranges and kinds `Tokenizer.scan` gave before the table: the same loop on the class functions.
    static func referenceRanges(_ scalars: [Unicode.Scalar], _ begin: Int, _ end: Int) -> [(Int, Int, Token.Kind)] {
        var out: [(Int, Int, Token.Kind)] = []
        let stop = min(end, scalars.count)
        var i = max(0, begin)
        while i < stop {
            let c = scalars[i]
            if ScalarClass.isSpaceLike(c) || ScalarClass.isMark(c) {
                i += 1
            } else if ScalarClass.isArabicLetter(c) {
                var j = i + 1
                var hasLetter = c.value != 0x0640
                while j < stop {
                    let d = scalars[j]
                    if ScalarClass.isArabicLetter(d) || ScalarClass.isMark(d) {
                        if d.value != 0x0640 && !ScalarClass.isMark(d) { hasLetter = true }
                        j += 1
                    } else if (d == "\u{200C}" || d == "\u{200D}") && j + 1 < stop && ScalarClass.isArabicLetter(scalars[j + 1]) {
                        j += 1
                    } else {
                        break
                    }
                }
                if hasLetter { out.append((i, j, .word)) }
                i = j
            } else if ScalarClass.isDigit(c) {
                var j = i + 1
                while j < stop {
                    let d = scalars[j]
                    if ScalarClass.isDigit(d) {
                        j += 1
                    } else if d == "." || d == "," || d == "\u{066B}" || d == "\u{066C}", j + 1 < stop, ScalarClass.isDigit(scalars[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                }
                out.append((i, j, .number))
                i = j
            } else if ScalarClass.isOtherLetter(c) {
                var j = i + 1
                while j < stop {
                    let d = scalars[j]
                    if ScalarClass.isOtherLetter(d) || ScalarClass.isMark(d) || (d.isASCII && ScalarClass.isDigit(d)) {
                        j += 1
                    } else if (d == "'" || d == "\u{2019}") && j + 1 < stop && ScalarClass.isOtherLetter(scalars[j + 1]) {
                        j += 1
                    } else {
                        break
                    }
                }
                out.append((i, j, .latin))
                i = j
            } else {
                out.append((i, i + 1, .punctuation))
                i += 1
            }
        }
        return out
    }

    /// The tokens of 600 invented texts against the reference loop (ranges, kinds and texts).
    func testTokensMatchTheFunctionLoop() {
        var g = SeededRandom(seed: 27)
        var tokens = 0
        for round in 0..<600 {
            let s = Self.randomText(&g, length: 1 + round % 120)
            let b = round % 3 == 0 ? min(2, s.count) : 0
            let got = Tokenizer.tokenize(s, begin: b, end: s.count)
            let want = Self.referenceRanges(s, b, s.count)
            XCTAssertEqual(got.count, want.count)
            for (t, w) in zip(got, want) {
                XCTAssertEqual(t.begin, w.0); XCTAssertEqual(t.end, w.1); XCTAssertEqual(t.kind, w.2)
                XCTAssertEqual(t.text, ScalarClass.string(s[w.0..<w.1]))
            }
            tokens += got.count
        }
        XCTAssertGreaterThan(tokens, 5_000)
        // (`hasMark` looks at punctuation tokens only: the copyright sign is always one, alone)
        let marked = Tokenizer.tokenize(Array("a©b ©١ و©".unicodeScalars), begin: 0, end: 9).filter { $0.text.contains("©") }
        XCTAssertEqual(marked.map(\.kind), [.punctuation, .punctuation, .punctuation])
        XCTAssertEqual(marked.map(\.text), ["©", "©", "©"])
    }

    /// `Cleaner.split` as it was (every scalar fed to the quote state, stops found by `isTerminator`).
    static func referenceSplit(_ s: [Unicode.Scalar], _ b: Int, _ e: Int) -> [(Int, Int)] {
        var pieces: [(Int, Int)] = []
        var start = b, quotes = Cleaner.QuoteState(), scanned = b, i = b
        while i < e {
            guard ScalarClass.isTerminator(s[i]), Cleaner.endsSentence(s, at: i, from: start, to: e) else { i += 1; continue }
            while scanned < i { quotes.feed(s[scanned]); scanned += 1 }
            if quotes.closesShortlyAfter(i, in: s, to: e) { i += 1; continue }
            var j = i + 1
            while j < e && ScalarClass.isTerminator(s[j]) { j += 1 }
            while j < e && ScalarClass.isCloser(s[j]) { j += 1 }
            var k = j
            while k < e && ScalarClass.isSpaceLike(s[k]) { k += 1 }
            if k < e && [",", "\u{060C}", ";", "\u{061B}"].contains(s[k]) { i = j; continue }
            pieces.append((start, j))
            start = j; quotes = Cleaner.QuoteState(); scanned = j; i = j
        }
        if start < e { pieces.append((start, e)) }
        return pieces.compactMap { Cleaner.trimSentence(s, $0.0, $0.1) }
    }

    /// Sentence splits of 600 invented texts against the reference; and the sentences of 200 invented pages have the
    /// lines' tokens inside them, in order, as the token cursor appended them one by one before the runs were taken at
    /// once; their texts are their flattened slices.
    func testSplitAndSentenceTokens() {
        var g = SeededRandom(seed: 2027)
        var pieces = 0
        for round in 0..<600 {
            let s = Self.randomText(&g, length: 2 + round % 300)
            let got = Cleaner.split(s, 0, s.count), want = Self.referenceSplit(s, 0, s.count)
            XCTAssertEqual(got.map(\.0), want.map(\.0)); XCTAssertEqual(got.map(\.1), want.map(\.1))
            pieces += got.count
        }
        XCTAssertGreaterThan(pieces, 1_000)
        var sentences = 0
        for round in 0..<200 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(1 + round % 12) {
                text.append(contentsOf: Self.randomText(&g, length: 20 + round % 200))
                text.append(contentsOf: ["\n", "\n\n", ". \n", "\r\n"][round % 4].unicodeScalars)
            }
            let source = SourceText(documentID: "d", path: "p", text: String(text))
            // (the lines' tokens, as the cleaner makes them: a removed credit or notice has none)
            let analyzer = LineAnalyzer(scalars: source.scalars, arabicDocument: Cleaner.isMostlyArabic(source.scalars))
            var lines = Cleaner.lineRanges(source.scalars).map { analyzer.analyze(begin: $0.begin, end: $0.end) }
            Cleaner.dropMenus(&lines, source.scalars)
            Cleaner.dropRelatedLists(&lines)
            let all = lines.flatMap(\.tokens)
            for s in Cleaner.clean(source).sentences {
                XCTAssertTrue(s.text.utf8.elementsEqual(Cleaner.flattened(source.scalars[s.begin..<s.end]).utf8))
                let inside = all.filter { $0.begin >= s.begin && $0.end <= s.end }
                XCTAssertEqual(s.tokens.map(\.begin), inside.map(\.begin))
                XCTAssertEqual(s.tokens.map(\.norm), inside.map(\.norm))
                sentences += 1
            }
        }
        XCTAssertGreaterThan(sentences, 200)
    }
}

@testable import KBFacts
@testable import KBNER
@testable import KBText
import XCTest

/// speed10: the labeller's word infos remembered for every token (and shared between threads), the short clitic
/// lists compared as bytes, answer as the code they replace.
final class SpeedEquivalenceModelWordsTests: XCTestCase {
    static let texts: [String] = SpeedEquivalenceTests.samples + [
        "Paris", "paris", "PARIS", "Émile", "émile", "Ärger", "ärger", "ΑΘΗΝΑ", "2024", "،", "«", "»", "“", "-", "",
        "والجزائر", "بالمملكة", "للقوات", "القاهرة", "بقيادة", "بقياده", "وب", "ول", "فب", "و", "ب",
    ]

    func testCapitalTestIsTheScalarProperty() {
        for t in Self.texts + ["A", "Z", "@", "[", "a", "z", "\u{00C0}", "\u{01C5}", "\u{2160}", "\u{24B6}"] {
            XCTAssertEqual(ModelWords.startsWithCapital(t), t.unicodeScalars.first?.properties.isUppercase ?? false, t)
        }
    }

    /// The infos the recogniser hands the labeller are those it computed afresh for each token (a word's are
    /// remembered in its record, keyed as `String`s are: compared for words whose spellings are their bytes).
    func testRememberedInfosAreTheFreshOnes() throws {
        let model = try XCTUnwrap(EntityRecognizer.nerModel)
        let f = model.featurizer
        let kinds: [Token.Kind] = [.word, .latin, .number, .punctuation]
        for text in Self.texts {
            let norm = ArabicNormalizer.normalize(text)
            for kind in kinds where kind != .word || NormKey.isPlain(norm) {
                let tok = Token(text: text, norm: norm, begin: 0, end: 1, kind: kind)
                // twice: the first computes, the second remembers
                for _ in 0..<2 {
                    let got = ModelWords.info(tok, model)
                    let want = kind == .word ? f.wordInfo(norm: norm, text: norm) : f.wordInfo(norm: norm, text: text)
                    XCTAssertEqual([got.word, got.stem, got.clitic, got.shape], [want.word, want.stem, want.clitic, want.shape], "\(text) \(kind)")
                    XCTAssertEqual([got.pre.0, got.pre.1, got.pre.2, got.suf.0, got.suf.1, got.suf.2, got.stemPre.0, got.stemPre.1],
                                   [want.pre.0, want.pre.1, want.pre.2, want.suf.0, want.suf.1, want.suf.2, want.stemPre.0, want.stemPre.1])
                    XCTAssertEqual(got.cues, want.cues)
                    XCTAssertEqual(got.stems, want.stems)
                    XCTAssertEqual(got.classes, want.classes)
                    XCTAssertEqual(got.nameStarts.map { "\($0.form) \($0.maxLen) \($0.oneWord)" },
                                   want.nameStarts.map { "\($0.form) \($0.maxLen) \($0.oneWord)" })
                    // the sums are there for the shipped model, and are those of a fresh info
                    let a = model.wordSums(got), b = model.wordSums(want)
                    let rows = (1 + NERFeaturizer.neighbourSlots) * NERLabel.count
                    XCTAssertEqual(Array(UnsafeBufferPointer(start: a, count: rows)), Array(UnsafeBufferPointer(start: b, count: rows)))
                }
            }
        }
    }

    func testShortListsComparedAsBytes() {
        let lists = [["و", "ف", "ب", "ل", "وب", "ول"], ["ب", "ل", "ك", "وب", "ول", "فب", "فل"], EntityRecognizer.dualHeadPrefixes, ["a", "K", ";"]]
        for list in lists {
            for s in Self.texts + list + ["\u{212A}", "a\u{037E}", "\u{037E}"] {
                XCTAssertEqual(EntityRecognizer.listContains(list, s), list.contains(s), "\(list) \(s)")
            }
        }
        for s in Self.texts {
            XCTAssertEqual(s.isMark("بقياده"), s == "بقياده", s)
            XCTAssertEqual(s.plainEquals(EntityRecognizer.cairo), s == EntityRecognizer.cairo, s)
            // a prefix too short to end in «ال» is never one that does
            if !EntityRecognizer.mayEndInArticle(s) { XCTAssertFalse(s.hasSuffix("ال"), s) }
        }
    }
}

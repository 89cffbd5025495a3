import Foundation
import XCTest
@testable import KBText

/// The fast paths of text preparation (speed13) against the slow ways they replace, on invented inputs.
final class TextSpeedEquivalenceTests: XCTestCase {
    /// Every text `isPlainNFC` accepts is its own NFC form: bases followed by one to three marks of the Arabic
    /// block (the harakat it accepts, and the composing and other marks it must refuse), in every order.
    func testPlainNFCHarakatRunsAreTheirOwnNFC() {
        let bases = ["", "\u{0627}", "\u{0646}", "\u{064A}", "\u{0648}", "\u{06C1}", "\u{06D2}", "\u{06D5}", "a", " ", "\u{0640}"]
        let marks: [UInt32] = Array(0x064B...0x0658) + [0x0670, 0x0610, 0x06D6]
        var accepted = 0, refused = 0
        func check(_ t: String) {
            let nfc = Array(t.precomposedStringWithCanonicalMapping.unicodeScalars)
            if InputReader.isPlainNFC(t) {
                accepted += 1
                XCTAssertEqual(nfc, Array(t.unicodeScalars), t.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            } else {
                refused += 1
            }
        }
        for b in bases {
            for m1 in marks {
                let s1 = b + String(Unicode.Scalar(m1)!)
                check(s1); check(s1 + "\u{0628}"); check("\u{0628}" + s1)
                for m2 in marks {
                    let s2 = s1 + String(Unicode.Scalar(m2)!)
                    check(s2); check(s2 + " x")
                    for m3 in [0x064B, 0x064E, 0x0650, 0x0651, 0x0652, 0x0654] as [UInt32] {
                        check(s2 + String(Unicode.Scalar(m3)!))
                    }
                }
            }
        }
        XCTAssertGreaterThan(accepted, 1000)
        XCTAssertGreaterThan(refused, 1000)
        // out of order, composing, or after a mark refused: refused
        XCTAssertFalse(InputReader.isPlainNFC("\u{0646}\u{0651}\u{064E}"))
        XCTAssertFalse(InputReader.isPlainNFC("\u{0627}\u{0654}"))
        XCTAssertTrue(InputReader.isPlainNFC("\u{0646}\u{064E}\u{0651} \u{0646}\u{0651}"))
    }

    /// `decode` gives Foundation's NFC form, whatever path it takes.
    func testDecodeIsFoundationsNFC() throws {
        let texts = ["قال الرئيسُ إنَّ", "\u{0646}\u{0651}\u{064E}ص", "\u{0627}\u{0653}خر", "e\u{0301}t\u{00E9}", "بِسْمِ اللَّهِ الرَّحْمَٰنِ",
                     "ﻻ", "Ａ", "\u{2000}x"]
        for t in texts {
            let decoded = try InputReader.decode(Array(t.utf8), path: "t")
            XCTAssertEqual(Array(decoded.unicodeScalars), Array(t.precomposedStringWithCanonicalMapping.unicodeScalars), t)
        }
    }

    /// `normalize` on bytes (ASCII and the Arabic block) gives the bytes of the scalar-by-scalar way.
    func testPlainNormalizeIsTheGeneralOne() {
        var texts: [String] = []
        let scalars = (UInt32(0)...0x7F).map { Unicode.Scalar($0)! } + (UInt32(0x0600)...0x06FF).map { Unicode.Scalar($0)! }
        for c in scalars {
            let t = String(c)
            texts += [t, "a" + t + "b", " " + t + " ", "\u{0628}" + t + "\u{0627}", t + "\n" + t, "\t" + t + t]
        }
        texts += ["", " ", "  \n ", "قالَ الرئيسُ  أحمد\r\nإلى\tالقاهرة ", "Hello WORLD  123", "٢٠٢٤ ۱۹ ـــ", "\u{061C}x\u{061C}",
                  "أإآٱ ىی ةۀ ؤ ئ ک", "ABC\u{0640}xyz", "\u{0085}ا", "ا\u{00A0}ب"]
        var plain = 0
        for t in texts {
            let general = ArabicNormalizer.generalNormalize(t)
            if let fast = ArabicNormalizer.plainNormalize(t) {
                plain += 1
                XCTAssertEqual(Array(fast.utf8), Array(general.utf8), t.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
            XCTAssertEqual(Array(ArabicNormalizer.normalize(t).utf8), Array(general.utf8))
        }
        XCTAssertGreaterThan(plain, 1800)
        XCTAssertNil(ArabicNormalizer.plainNormalize("ﻻ"))
        XCTAssertNil(ArabicNormalizer.plainNormalize("é"))
    }

    /// The token kinds and the first word-like token of a text are those `tokenize` gives.
    func testTokenizerScansAgreeWithTokenize() {
        let texts = ["قال الرئيس، «نعم» — 2024…", "  , . ؛ «الأخبار» ", "d'Ivoire 2.5 1,500 ٢٠٢٤م", "ـــ ـ ب", "!!! ???",
                     "[ad_1] اقرأ أيضا: الخبر", "ة\u{200C}ب x\u{0301}y", "", "   ", "…مرحبا"]
        for t in texts {
            let s = Array(t.unicodeScalars)
            for b in 0...s.count {
                for e in b...s.count {
                    let tokens = Tokenizer.tokenize(s, begin: b, end: e)
                    XCTAssertEqual(Tokenizer.kinds(s, begin: b, end: e, limit: 3), Array(tokens.prefix(3).map(\.kind)), t)
                    XCTAssertEqual(Tokenizer.kinds(s, begin: b, end: e, limit: 1000), tokens.map(\.kind), t)
                    XCTAssertEqual(Tokenizer.firstWordLike(s, begin: b, end: e), tokens.first(where: \.isWordLike), t)
                }
            }
        }
    }

    /// The string of an array's scalars is the string of those scalars.
    func testArrayScalarsString() {
        let texts = ["", "a", "قال الرئيس، «نعم» — 2024…", "e\u{0301}😀\u{10FFFF}\u{7FF}\u{800}\u{FFFF}\u{10000}", "\r\n\t ﻻ"]
        for t in texts {
            let s = Array(t.unicodeScalars)
            for b in 0...s.count {
                for e in b...s.count {
                    let want = String(String.UnicodeScalarView(s[b..<e]))
                    XCTAssertEqual(Array(ScalarClass.string(s[b..<e]).utf8), Array(want.utf8), t)
                }
            }
        }
    }

    /// The NFC check on bytes answers as the one on scalars, and the scalar array decoded from bytes is the scalars.
    func testByteDecodingsAreTheScalarOnes() {
        var texts = ["", "a", "قال الرئيسُ إنَّ", "\u{0646}\u{0651}\u{064E}", "e\u{0301}t\u{00E9}😀\u{10FFFF}\u{7FF}\u{800}\u{FFFF}\u{10000}",
                     "\u{2001}\u{2002}\u{205E}\u{205F}\u{2028}", "ﻻ\r\n\t"]
        for v in UInt32(0)...0x2100 {
            guard let c = Unicode.Scalar(v) else { continue }
            texts.append(String(c)); texts.append("\u{0628}\u{064E}" + String(c) + "\u{0651}")
        }
        for t in texts {
            XCTAssertEqual(InputReader.isPlainNFC(t), InputReader.isPlainNFCByScalars(t), t.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertEqual(SourceText.scalarArray(t), Array(t.unicodeScalars))
        }
    }
}

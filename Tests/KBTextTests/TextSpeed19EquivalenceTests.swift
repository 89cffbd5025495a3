import Foundation
import XCTest
@testable import KBText

/// The fast paths of text preparation added in speed19 against the ways they replace, on invented inputs.
final class TextSpeed19EquivalenceTests: XCTestCase {
    /// The mark mask of the Arabic block against the scalar definition, and `isMark` against it on every scalar to
    /// U+2100 and a few above.
    func testArabicBlockMarkMask() {
        for v in UInt32(0x0600)...0x06FF {
            let s = Unicode.Scalar(v)!
            XCTAssertEqual(ScalarClass.isArabicBlockMark(v), ScalarClass.isMarkAbove2FF(s), String(v, radix: 16))
        }
        for v in Array(UInt32(0)...0x2100) + [0xFB50, 0xFE70, 0xFE20, 0x1D167, 0x10FFFF] {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ScalarClass.isMark(s), v < 0x300 ? false : ScalarClass.isMarkAbove2FF(s), String(v, radix: 16))
        }
    }

    /// The inline space test against the full one on every scalar to U+3100 and a few above.
    func testSpaceLikeInlineMatchesFull() {
        for v in Array(UInt32(0)...0x3100) + [0xFEFF, 0xFFF9, 0xE0001, 0x10FFFF] {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ScalarClass.isSpaceLike(s), ScalarClass.isSpaceLikeSlow(s), String(v, radix: 16))
        }
    }

    /// A sentence's text made in place against the lazy map it replaces (tabs and every line break as spaces).
    func testFlatStringMatchesLazyMap() {
        let texts = ["", "abc", "\t\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}x", "قال\u{2028}الوزير\tإن\r\nالاتفاق…",
                     "é\u{0301} 😀\u{85}\u{A0}\u{2027}\u{202A}", String(repeating: "مرحبا\n", count: 50)]
        for t in texts {
            let scalars = Array(t.unicodeScalars)
            for b in [0, 1, 3] where b <= scalars.count {
                let slice = scalars[b...]
                let old = ScalarClass.string(slice.lazy.map { c in c == "\t" || ScalarClass.isLineBreak(c) ? " " : c })
                XCTAssertEqual(ScalarClass.flatString(slice), old)
                XCTAssertTrue(ScalarClass.flatString(slice).utf8.elementsEqual(old.utf8))
            }
        }
    }

    /// Every sentence's text (copied from the text's UTF-8 when its slice has no tab or line break) is the slice
    /// flattened, byte for byte; its tokens are the line tokens inside it.
    func testSentenceTextsAreTheirSlicesFlattened() {
        let texts = ["قال الوزير إن الاتفاق سيوقع غدا. وأضاف أن الوفد\nسيصل يوم الأحد\r\nإلى القاهرة.\n\nالعنوان هنا\n\tسطر آخر طويل جدا يكفي لجملة.",
                     "e\u{0301}té… Paris.\u{2028}Next line\u{85}here! و«هذا» (مثال) ٢٠٢٤.\u{0B}end",
                     String(repeating: "جملة قصيرة هنا ثم أخرى. ", count: 40) + "\n" + String(repeating: "كلمة ", count: 60)]
        for t in texts {
            let source = SourceText(documentID: "d", path: "p", text: t)
            let sentences = Cleaner.clean(source).sentences
            XCTAssertFalse(sentences.isEmpty)
            for s in sentences {
                XCTAssertTrue(s.text.utf8.elementsEqual(Cleaner.flattened(source.scalars[s.begin..<s.end]).utf8), s.text)
                let expected = Tokenizer.tokenize(source.scalars, begin: 0, end: source.scalars.count)
                    .filter { $0.begin >= s.begin && $0.end <= s.end }
                XCTAssertEqual(s.tokens.map(\.begin), expected.map(\.begin))
            }
        }
    }

    /// Tokens through the per-thread table (first and later times) against tokens made afresh: same text, norm,
    /// offsets and kind, byte for byte, for words, numbers, marks and Latin words of every length around 15 and 31
    /// bytes (the key's limit before and after speed23).
    func testRememberedTokenTextsMatchFreshOnes() {
        let texts = [
            "قال وزير الخارجية المصري سامح شكري إن ٢٠٢٤ 1,500 2.5 d'Ivoire Côte e\u{0301}tude !؟،«»",
            "الاستراتيجيات والمستشفيات للمستشفيات بالاستراتيجيات abcdefghijklmno abcdefghijklmnop 123456789012345 1234567890123456",
            "ﻻ ﷲ إِنَّ مُحَمَّدًا أ\u{0654} ب\u{200C}ت 😀 𝐀𝐁 中文 Ελλάδα Москва",
            "x y z . , ; : - ( ) [ ] ا ب ت ث ج 0 1 9 ٠ ٩",
            "والاستراتيجياتها فبالاستراتيجياتهم abcdefghijklmnopqrstuvwxyz01234 abcdefghijklmnopqrstuvwxyz012345 بالاستراتيجيتين .",
            "abcdefghijklmnopqrstuvwxyz0123 1234567890123456789012345678901 12345678901234567890123456789012 😀😀😀😀😀😀😀x",
        ]
        for round in 0..<3 {
            for t in texts {
                let scalars = Array(t.unicodeScalars)
                let tokens = Tokenizer.tokenize(scalars, begin: 0, end: scalars.count)
                XCTAssertGreaterThan(tokens.count, 5)
                for tok in tokens {
                    let fresh = TokenTexts.made(scalars, tok.begin, tok.end, tok.kind)
                    XCTAssertTrue(tok.text.utf8.elementsEqual(fresh.text.utf8), "\(round) \(tok.text)")
                    XCTAssertTrue(tok.norm.utf8.elementsEqual(fresh.norm.utf8), "\(round) \(tok.text)")
                    XCTAssertEqual(tok.text, ScalarClass.string(scalars[tok.begin..<tok.end]))
                    XCTAssertEqual(tok.norm, tok.kind == .punctuation ? tok.text : ArabicNormalizer.normalize(tok.text))
                }
            }
        }
    }

    /// Two different short texts (or kinds) never share a key; texts over 31 bytes have none.
    func testTokenKeysAreDistinct() {
        var seen: [String: String] = [:]
        let words = ["", "a", "b", "ab", "ba", "ا", "اا", "ب", "\u{0000}", "\u{0000}\u{0000}", "abcdefghijklmno", "abcdefghijklmnp",
                     "مرحبامرحبام", "😀", "😀😀😀", "😀😀😀x", "é", "e\u{0301}", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz01234",
                     "abcdefghijklmnopqrstuvwxyz01235", "abcdefghijklmnopqrstuvwxyz012345", "مرحبامرحبامرحبامرحبام", "😀😀😀😀😀😀😀",
                     "😀😀😀😀😀😀😀x", "😀😀😀😀😀😀😀xy"]
        for w in words {
            let s = Array(w.unicodeScalars)
            for kind in [Token.Kind.word, .number, .punctuation, .latin] {
                guard let k = TokenTexts.key(s, 0, s.count, kind) else {
                    XCTAssertTrue(w.utf8.count > 31 || w.isEmpty, w)
                    continue
                }
                XCTAssertLessThanOrEqual(w.utf8.count, 31)
                let name = "\(k.0) \(k.1) \(k.2) \(k.3)"
                XCTAssertNil(seen[name], "\(w) \(kind) and \(seen[name] ?? "")")
                seen[name] = "\(w) \(kind)"
            }
        }
        XCTAssertNil(TokenTexts.key(Array("abcdefghijklmnopqrstuvwxyz012345".unicodeScalars), 0, 32, .latin))
    }

    /// Files of every size around the read sizes are read whole, as Foundation reads them.
    func testReadAllReadsWholeFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-readall-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for size in [0, 1, 2, 4095, 65_535, 65_536, 65_537, 200_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = dir.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            guard case .success(let read) = FileSystem.readAll(path) else { return XCTFail("read \(size)") }
            XCTAssertEqual(read, bytes, "\(size)")
        }
        guard case .failure = FileSystem.readAll(dir.path) else { return XCTFail("a directory is refused") }
        guard case .failure(let f) = FileSystem.readAll(dir.appendingPathComponent("none").path) else { return XCTFail("missing") }
        XCTAssertTrue(f.isMissing)
    }
}

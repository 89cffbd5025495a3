import Foundation
import KBTestSupport
import XCTest
@testable import KBText

/// The seed articles and the dev corpus (paths from KBTestSupport).
enum TestPaths {
    static func seeds() throws -> URL { Project.seeds }

    /// `../shared/dev-corpus` beside the package root; fails the test clearly when it is missing.
    static func devCorpus() throws -> URL { try Project.shared("dev-corpus/docs").deletingLastPathComponent() }

    static func seedFile(prefix: String) throws -> URL {
        let dir = try seeds()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let name = try XCTUnwrap(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }, "no seed \(prefix)*.txt in \(dir.path)")
        return dir.appendingPathComponent(name)
    }
}

/// The offset invariants every cleaned text must keep.
func assertOffsetsValid(_ source: SourceText, _ sentences: [Sentence], file: StaticString = #filePath, line: UInt = #line) {
    var previousEnd = 0
    for (i, s) in sentences.enumerated() {
        XCTAssertEqual(s.index, i, file: file, line: line)
        XCTAssertLessThanOrEqual(previousEnd, s.begin, "sentences overlap or are out of order", file: file, line: line)
        XCTAssertLessThan(s.begin, s.end, file: file, line: line)
        previousEnd = s.end
        var flat = String.UnicodeScalarView()
        flat.append(contentsOf: source.slice(s.begin, s.end).unicodeScalars.map { c in
            c == "\n" || c == "\r" || c == "\t" ? " " : c
        })
        XCTAssertEqual(Array(flat), Array(s.text.unicodeScalars), "sentence \(i) text is not its slice", file: file, line: line)
        XCTAssertEqual(s.text.unicodeScalars.count, s.end - s.begin, file: file, line: line)
        XCTAssertEqual(s.tokens, Tokenizer.tokenize(source.scalars, begin: s.begin, end: s.end),
                       "sentence \(i) tokens differ from tokenizing its range", file: file, line: line)
        for t in s.tokens {
            XCTAssertTrue(s.begin <= t.begin && t.end <= s.end, "token outside its sentence", file: file, line: line)
            XCTAssertEqual(source.slice(t.begin, t.end), t.text, "token text is not its slice", file: file, line: line)
            XCTAssertEqual(t.norm, ArabicNormalizer.normalize(t.text), file: file, line: line)
        }
    }
}

func source(_ text: String, path: String = "test.txt") -> SourceText {
    SourceText(documentID: "t", path: path, text: text)
}

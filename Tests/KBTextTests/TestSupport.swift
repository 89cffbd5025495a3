import Foundation
import XCTest
@testable import KBText

/// Where the project and `../shared` are, found from this file's own path.
enum TestPaths {
    /// The package root: the nearest folder above this file with Package.swift and seeds/.
    static func packageRoot(file: String = #filePath) -> URL? {
        var dir = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
        let fm = FileManager.default
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: dir.appendingPathComponent("seeds").path) {
                return dir
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static func seeds(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let root = try XCTUnwrap(packageRoot(), "cannot find the package root (Package.swift + seeds/) above \(#filePath)",
                                 file: file, line: line)
        return root.appendingPathComponent("seeds")
    }

    /// `../shared/dev-corpus` beside the package root; fails the test clearly when it is missing.
    static func devCorpus(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let root = try XCTUnwrap(packageRoot(), "cannot find the package root above \(#filePath)", file: file, line: line)
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/dev-corpus")
        guard FileManager.default.fileExists(atPath: corpus.appendingPathComponent("docs").path) else {
            XCTFail("the dev corpus is missing: expected \(corpus.path)/docs (../shared beside the project root)",
                    file: file, line: line)
            throw MissingTestData(path: corpus.path)
        }
        return corpus
    }

    static func seedFile(prefix: String) throws -> URL {
        let dir = try seeds()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let name = try XCTUnwrap(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }, "no seed \(prefix)*.txt in \(dir.path)")
        return dir.appendingPathComponent(name)
    }
}

struct MissingTestData: Error, CustomStringConvertible {
    let path: String
    var description: String { "missing test data: \(path)" }
}

/// A temporary folder removed at the end of the test.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kbtext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
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

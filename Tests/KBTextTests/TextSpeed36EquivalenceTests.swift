import Foundation
import XCTest
@testable import KBText

/// The one-pass scan of a page (speed36, `TextScan`) against the functions it stands for, on invented texts.
final class TextSpeed36EquivalenceTests: XCTestCase {
    /// Scalars beyond `TextSpeed27EquivalenceTests.alphabet`: marks that make a text not plain NFC (U+0653, U+0654,
    /// U+0610, U+06E1), harakat out of order, decomposing letters, line and paragraph separators, NEL, form feed and
    /// vertical tab, CR LF pairs, punctuation from U+2000 on, letters of other scripts.
    static let extra: [Unicode.Scalar] = [0x0653, 0x0654, 0x0610, 0x06E1, 0x064B, 0x0651, 0x064E, 0x0622, 0x2029, 0x85, 0x0C, 0x0B,
                                          0x2000, 0x2001, 0x2002, 0x205E, 0x205F, 0x2060, 0x0416, 0x05D0, 0x4E2D, 0x0D, 0x0A, 0x0D]
        .map { Unicode.Scalar(UInt32($0))! }

    static func text(_ g: inout SeededRandom) -> String {
        let length = Int.random(in: 0..<300, using: &g)
        var s = TextSpeed27EquivalenceTests.randomText(&g, length: length)
        // (half the texts made of scalars that are plain on their own)
        if Bool.random(using: &g) { s = s.map { InputReader.isPlainNFC(String($0)) ? $0 : "\u{0627}" } }
        // most texts plain, some with a scalar that is not
        for _ in 0..<Int.random(in: 0..<4, using: &g) where !s.isEmpty && Int.random(in: 0..<3, using: &g) == 0 {
            s[Int.random(in: 0..<s.count, using: &g)] = extra.randomElement(using: &g)!
        }
        if Int.random(in: 0..<4, using: &g) == 0 { s.append(contentsOf: ["\r", "\n"]) }
        var t = String.UnicodeScalarView()
        t.append(contentsOf: s)
        return String(t)
    }

    func testScanMatchesTheFunctions() {
        var g = SeededRandom(seed: 36)
        var plain = 0, notPlain = 0, lines = 0
        for _ in 0..<6000 {
            let t = TextSpeed36EquivalenceTests.text(&g)
            let scan = TextScan(t)
            XCTAssertEqual(scan != nil, InputReader.isPlainNFC(t), t.debugDescription)
            guard let scan else { notPlain += 1; continue }
            plain += 1
            let scalars = SourceText.scalarArray(t)
            XCTAssertEqual(scan.scalars, scalars)
            let ranges = Cleaner.lineRanges(scalars)
            XCTAssertEqual(scan.lines.map(\.begin), ranges.map(\.begin), t.debugDescription)
            XCTAssertEqual(scan.lines.map(\.end), ranges.map(\.end), t.debugDescription)
            XCTAssertEqual(scan.mostlyArabic, Cleaner.isMostlyArabic(scalars))
            lines += ranges.count
        }
        XCTAssertGreaterThan(plain, 1000)
        XCTAssertGreaterThan(notPlain, 300)
        XCTAssertGreaterThan(lines, 3000)
    }

    /// A page loaded with the scan gives the sentences and source of the old path.
    func testLoadMatchesTheUnscannedPath() throws {
        var g = SeededRandom(seed: 3636)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("speed36-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var compared = 0
        for k in 0..<300 {
            let t = (0..<Int.random(in: 1..<6, using: &g)).map { _ in TextSpeed36EquivalenceTests.text(&g) }.joined(separator: "\n")
            let path = dir.appendingPathComponent("p\(k).txt").path
            try Data(t.utf8).write(to: URL(fileURLWithPath: path))
            let file = InputFile(path: path)
            var old: SourceText?
            if let text = try? InputReader.decode(Array(t.utf8), path: path) {
                var s = SourceText(documentID: "d", path: path, normalizedText: text)
                if let sentences = try? Cleaner.articleSentences(of: s) { s.precleaned = sentences; old = s }
            }
            let new = try? InputReader.load(file, documentID: "d")
            XCTAssertEqual(old?.text, new?.text)
            XCTAssertEqual(old?.scalars, new?.scalars)
            XCTAssertEqual(described(old?.precleaned), described(new?.precleaned))
            XCTAssertEqual(old?.precleaned?.flatMap(\.tokens), new?.precleaned?.flatMap(\.tokens))
            if case .left(let long)? = try? InputReader.loadLong(file, documentID: "d") {
                XCTAssertEqual(long.scalars, old?.scalars); XCTAssertEqual(described(long.precleaned), described(old?.precleaned))
            }
            if old?.precleaned != nil { compared += 1 }
        }
        XCTAssertGreaterThan(compared, 100)
    }

    func described(_ s: [Sentence]?) -> [String]? {
        s?.map { "\($0.index) \($0.begin) \($0.end) \($0.role) \($0.tokens.count) \($0.text)" }
    }
}

import Foundation
@testable import KBGraph
import XCTest

/// The facts-file line pieces written on bytes (speed13) against the ways they replace.
final class LineBytesTests: XCTestCase {
    /// The old byte-by-byte test of a string (`PlainJSON.string`, `FactsFile.mentionLine`): nil when refused, else
    /// whether a quote or backslash is in it.
    private func reference(_ s: String, refusingQuotes: Bool) -> Bool? {
        let b = Array(s.utf8)
        var quotes = false
        var i = 0
        while i < b.count {
            let x = b[i]
            if x < 0x20 || x == 0x7F { return nil }
            if refusingQuotes, x == 0x22 || x == 0x2F || x == 0x5C { return nil }
            if x == 0x22 || x == 0x5C { quotes = true }
            if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return nil }
            i += 1
        }
        return quotes
    }

    func testScanIsTheByteByByteTest() {
        let pieces = ["ا", "ب", "a", " ", "\"", "\\", "/", "\u{7F}", "\t", "\n", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2026}",
                      "\u{201C}", "\u{2027}", "\u{202A}", "é", "😀", "ـ", "7"]
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = ["", "x", String(repeating: "ب", count: 40), String(repeating: "a", count: 64)]
        for length in 0..<40 {
            for _ in 0..<60 {
                texts.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
            }
        }
        // each special piece at every position of a plain text
        for p in pieces {
            for k in 0...33 {
                texts.append(String(repeating: "ب", count: k / 2) + (k % 2 == 0 ? "" : "a") + p + String(repeating: "c", count: 33 - k))
            }
        }
        for t in texts {
            var s = t
            for refusing in [false, true] {
                let got = s.withUTF8 { LineBytes.scan($0, refusingQuotes: refusing) }
                XCTAssertEqual(got, reference(t, refusingQuotes: refusing), "\(t.unicodeScalars.map { String($0.value, radix: 16) }) \(refusing)")
            }
        }
    }

    func testIntIsTheDescription() {
        for v in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, 1_000_000_007] {
            var out: [UInt8] = []
            LineBytes.int(v, into: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(v))
        }
    }

    /// The mention spill's order on elements in place is its order on values.
    func testMentionOrderInPlace() {
        var items: [(Mention, Int)] = []
        for i in 0..<200 {
            items.append((Mention(entityID: ["per-a", "per-b", "plc-ä", ""][i % 4], documentID: ["doc-1", "doc-10", "doc-2"][i % 3],
                                  begin: i % 5, end: i % 5 + i % 2, text: "t"), i))
        }
        let less: ((Mention, Int), (Mention, Int)) -> Bool = { a, b in
            (a.0.documentID, a.0.begin, a.0.end, a.0.entityID, a.1) < (b.0.documentID, b.0.begin, b.0.end, b.0.entityID, b.1)
        }
        for a in items.indices {
            for b in items.indices {
                let inPlace = items.withUnsafeBufferPointer { ReportSpill.mentionBefore($0.baseAddress! + a, $0.baseAddress! + b) }
                XCTAssertEqual(inPlace, less(items[a], items[b]))
            }
        }
        var x = items.shuffled(), y = x
        x.sortMovingOnce(by: less)
        y.sortMovingOnce(at: ReportSpill.mentionBefore)
        XCTAssertEqual(x.map(\.1), y.map(\.1))
        XCTAssertEqual(x.map(\.1), items.sorted(by: less).map(\.1))
    }

    /// The parts of a date value read on bytes are those read on `Character`s.
    func testDatePartsOnBytes() {
        let values = ["2018-08-07", "2018-08", "2018", "--08", "--08-07", "--", "-", "---", "", "2018--08", "-2018-", "2018-08-07-01",
                      "--08--07", "x-y-z-w", "2018-08\r\n", "\r\n-08", "2018-٠٨", "--٠٨-07", "2018-0\u{301}8", "٢٠١٨"]
        for v in values {
            let general = EventMerging.Parts(general: v)
            XCTAssertEqual(EventMerging.Parts(v), general, v)
            if v.utf8.allSatisfy({ $0 < 0x80 }) { XCTAssertEqual(EventMerging.Parts.ascii(v), general, v) } else { XCTAssertNil(EventMerging.Parts.ascii(v), v) }
        }
    }

    /// A fact's sentences written once each come back with their own bytes, also when two are canonically equal but
    /// spelled differently.
    func testSpillSentencesComeBackByteForByte() throws {
        let sentences = ["قال \u{0623}حمد", "قال \u{0627}\u{0654}حمد", "قال \u{0623}حمد", "", "x", "", "قال \u{0627}\u{0654}حمد"]
        let p = Provenance(documentID: "doc-1", sentenceBegin: 0, sentenceEnd: 9, sentence: sentences[0], spanBegin: 1, spanEnd: 2)
        var f = Fact(id: "f-1", type: "VISIT", subject: "per-a", object: "plc-b", provenance: p, rule: "r", confidence: 0.5)
        f.evidence = sentences.enumerated().map { k, s in
            Evidence(id: "f-\(k)", provenance: Provenance(documentID: "doc-1", sentenceBegin: k, sentenceEnd: k + 1, sentence: s,
                                                            spanBegin: 0, spanEnd: 1), rule: "r", confidence: 0.5)
        }
        let g = try SpillDecoder.fact(SpillEncoder.bytes(of: f))
        XCTAssertEqual(g, f)
        XCTAssertEqual(Array(g.provenance.sentence.utf8), Array(sentences[0].utf8))
        XCTAssertEqual(g.evidence.map { Array($0.sentence.utf8) }, sentences.map { Array($0.utf8) })
        // each spelling is written once (the provenance's, then evidence 0 and 2 refer to it)
        let bytes = SpillEncoder.bytes(of: f)
        for s in [sentences[0], sentences[1]] {
            let needle = Array(s.utf8)
            let count = (0...(bytes.count - needle.count)).filter { Array(bytes[$0..<($0 + needle.count)]) == needle }.count
            XCTAssertEqual(count, 1, s)
        }
    }
}

import XCTest
@testable import KBText

/// A long document is cut into segments of whole sentences that together are the text, each placed by its offset.
final class LongDocumentTests: XCTestCase {
    private let sentence = "وصل وزير الخارجية إلى العاصمة صباح اليوم. "

    func testSegmentsCoverTheTextAndEndAtSentenceEnds() {
        let text = String(repeating: sentence, count: 200)
        let doc = LongDocument(documentID: "d", path: "d.txt", text: text, segmentScalars: 500)
        XCTAssertGreaterThan(doc.segments.count, 10)
        XCTAssertEqual(doc.segments.map { String(text.unicodeScalars[$0]) }.joined(), text)
        XCTAssertEqual(doc.length, text.unicodeScalars.count)
        let scalars = Array(text.unicodeScalars)
        for (k, range) in doc.segments.enumerated() {
            let seg = doc.segment(k)
            XCTAssertEqual(seg.offset, doc.offsets[k])
            XCTAssertTrue(seg.scalars[...] == scalars[doc.offsets[k] ..< doc.offsets[k] + seg.scalars.count], "segment \(k) is not at its offset")
            if k < doc.segments.count - 1 {
                XCTAssertTrue(String(text.unicodeScalars[range]).hasSuffix(". "), "segment \(k) does not end after a sentence")
                XCTAssertGreaterThanOrEqual(seg.scalars.count, 500)
            }
        }
    }

    func testTextWithoutSentenceEndsIsCutAtSpaces() {
        let text = String(repeating: "كلمة ", count: 2_000)
        let doc = LongDocument(documentID: "d", path: "d.txt", text: text, segmentScalars: 300)
        XCTAssertEqual(doc.segments.map { String(text.unicodeScalars[$0]) }.joined(), text)
        for range in doc.segments.dropLast() {
            XCTAssertTrue(String(text.unicodeScalars[range]).hasSuffix(" "))
            XCTAssertLessThanOrEqual(text.unicodeScalars[range].count, 600)
        }
        // no space at all: cut anyway
        let solid = String(repeating: "ب", count: 1_000)
        let hard = LongDocument(documentID: "d", path: "d.txt", text: solid, segmentScalars: 100)
        XCTAssertEqual(hard.segments.map { String(solid.unicodeScalars[$0]) }.joined(), solid)
        XCTAssertGreaterThan(hard.segments.count, 3)
    }

    func testShortTextIsOneSegment() {
        let doc = LongDocument(documentID: "d", path: "d.txt", text: sentence, segmentScalars: 500)
        XCTAssertEqual(doc.segments.count, 1)
        XCTAssertEqual(doc.offsets, [0])
    }
}

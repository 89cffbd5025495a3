import XCTest
import KBGraph
@testable import KBFacts
@testable import KBText

/// A long document extracted segment by segment gives the facts of one pass when its sentences stand alone, with
/// offsets in the whole document; the mentions can be left out of the graph.
final class LongDocumentExtractionTests: XCTestCase {
    // invented sentences, each complete (names, place and date in the sentence)
    private let paragraph = [
        "استقبل الرئيس التونسي قيس سعيد في قصر قرطاج يوم 3 مارس 2024 وزير الخارجية الجزائري أحمد عطاف.",
        "وزار رئيس الوزراء الإيطالي العاصمة الليبية طرابلس يوم 12 أبريل 2024.",
        "والتقى وزير الخارجية المصري سامح شكري نظيره السعودي فيصل بن فرحان في الرياض يوم 20 مايو 2024.",
    ].joined(separator: " ") + "\n"

    private func key(_ f: Fact) -> String {
        "\(f.type)|\(f.subject)|\(f.object)|\(f.provenance.sentenceBegin)|\(f.provenance.spanBegin)|\(f.provenance.spanEnd)|\(f.date?.value ?? "")"
    }

    func testSegmentsGiveTheFactsOfOnePassWithDocumentOffsets() {
        let text = String(repeating: paragraph, count: 12)
        let extractor = Extractor()
        let whole = extractor.extract(SourceText(documentID: "d", path: "d.txt", text: text))
        let long = LongDocument(documentID: "d", path: "d.txt", text: text, segmentScalars: 700)
        XCTAssertGreaterThan(long.segments.count, 3)
        var parts: [DocumentExtraction] = []
        XCTAssertTrue(Pipeline.extractSegments(long, metadata: nil, extractor: extractor) { x, first in
            XCTAssertEqual(first, parts.isEmpty)
            parts.append(x)
        })
        XCTAssertEqual(parts.count, long.segments.count)
        XCTAssertEqual(parts[0].document.length, text.unicodeScalars.count)
        let segmented = parts.flatMap(\.facts)
        XCTAssertGreaterThanOrEqual(whole.facts.count, 24, "the invented sentences should give facts")
        XCTAssertEqual(Set(segmented.map(key)), Set(whole.facts.map(key)))
        XCTAssertEqual(Set(segmented.map(\.id)).count, segmented.count, "fact ids are unique across segments")
        // offsets are the document's: the sentence is found where the provenance says
        let scalars = Array(text.unicodeScalars)
        for f in segmented {
            let s = String(String.UnicodeScalarView(scalars[f.provenance.sentenceBegin ..< f.provenance.sentenceEnd]))
            XCTAssertEqual(s, f.provenance.sentence)
        }
        for m in parts.flatMap(\.mentions) {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[m.begin ..< m.end])), m.text)
        }
    }

    func testMentionsCanBeLeftOut() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.txt").path
        try paragraph.write(toFile: path, atomically: true, encoding: .utf8)
        let files = [InputFile(path: path)]
        let with = Pipeline.run(files: files).graph
        let without = Pipeline.run(files: files, keepMentions: false).graph
        XCTAssertFalse(with.mentions.isEmpty)
        XCTAssertTrue(without.mentions.isEmpty)
        XCTAssertEqual(with.facts, without.facts)
        XCTAssertEqual(with.entities, without.entities)
    }
}

extension LongDocumentExtractionTests {
    /// `Pipeline.extract` (used by the knowledge base) joins a long document's segments into one extraction.
    func testOneInputJoinsItsSegments() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("long.txt").path
        let copies = 10
        try String(repeating: paragraph, count: copies).write(toFile: path, atomically: true, encoding: .utf8)
        let x = try Pipeline.extract(InputFile(path: path), extractor: Extractor(), longDocument: (1_000, 600))
        XCTAssertEqual(x.document.length, paragraph.unicodeScalars.count * copies)
        XCTAssertEqual(x.facts.count, whole(paragraph).facts.count * copies)
        XCTAssertEqual(Set(x.entities.map(\.id)).count, x.entities.count)
        XCTAssertEqual(x.entities.reduce(0) { $0 + $1.mentionCount }, x.mentions.count)
        XCTAssertEqual(Set(x.facts.map(\.id)).count, x.facts.count)
    }

    private func whole(_ text: String) -> DocumentExtraction { Extractor().extract(SourceText(documentID: "d", path: "d.txt", text: text)) }
}

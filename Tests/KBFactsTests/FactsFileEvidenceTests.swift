import Foundation
import KBFacts
import KBGraph
import KBText
import XCTest

/// Version 2 of the facts file: a merged fact carries every report (`evidence`) and its `support`; version-1 files
/// (no evidence) read as before.
final class FactsFileEvidenceTests: XCTestCase {
    static let head = """
    {"record":"document","id":"d1","published":"2018-08-07"}
    {"record":"document","id":"d2"}
    {"record":"entity","id":"p1","type":"PERSON","labelAr":"خليفة حفتر"}
    {"record":"entity","id":"l1","type":"PLACE","labelAr":"نيامي"}

    """

    func testMergedSeedFactsRoundTripWithTheirEvidence() throws {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        let (files, _) = InputReader.collect([url.appendingPathComponent("seeds").path])
        let g = Pipeline.run(files: files).graph.mergingEvents()
        XCTAssertTrue(g.facts.contains { $0.support > 1 }, "the seeds state some event twice")
        let lines = try FactsFile.lines(g)
        XCTAssertEqual(String(decoding: lines[0], as: UTF8.self), "{\"record\":\"kbexport-facts\",\"version\":2}\n")
        let data = Data(lines.joined())
        let back = try FactsFile.read(data: data, path: "seeds.jsonl")
        XCTAssertEqual(back.facts, g.facts)
        XCTAssertEqual(Data(try FactsFile.lines(back).joined()), data)
        let merged = try XCTUnwrap(lines.map { String(decoding: $0, as: UTF8.self) }.first { $0.contains("\"support\":2") })
        XCTAssertTrue(merged.contains("\"evidence\":[{"), merged)
        // streamed, with the sentence pass reporting every report's sentence
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-evidence-\(UUID().uuidString).jsonl")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var streamed = [Fact](), refs = [FactsFile.SentenceRef](), scanned = 0
        try FactsFile.stream(path: file.path, sentences: { refs.append($0) }, scan: { _, _ in scanned += 1 },
                             begin: { _, _ in }, fact: { streamed.append($0) })
        XCTAssertEqual(streamed, g.facts)
        XCTAssertEqual(scanned, g.facts.count)
        XCTAssertEqual(refs.count, g.facts.count + g.facts.map(\.evidence.count).reduce(0, +))
        let reader = FactsFile.LineReader(path: file.path)
        for r in refs where r.evidence != nil {
            let f = try reader.fact(at: r.offset)
            XCTAssertEqual(f.evidence[r.evidence!].sentenceBegin, r.begin)
        }
    }

    func testAVersion1FileReadsAsBeforeEachFactItsOneReport() throws {
        let text = "{\"record\":\"kbexport-facts\",\"version\":1}\n" + Self.head + """
        {"record":"fact","id":"f1","type":"VISIT","subject":"p1","object":"l1","rule":"visit.verb","confidence":0.7,"provenance":{"documentID":"d1","sentenceBegin":0,"sentenceEnd":9,"sentence":"زار حفتر نيامي","spanBegin":0,"spanEnd":9}}
        """
        let g = try FactsFile.read(data: Data(text.utf8), path: "v1.jsonl")
        let f = try XCTUnwrap(g.facts.first)
        XCTAssertEqual(f.evidence, [])
        XCTAssertEqual(f.support, 1)
        XCTAssertEqual(f.reports.map(\.rule), ["visit.verb"])
        XCTAssertEqual(f.reports.map(\.confidence), [0.7])
        // written back without evidence: a fact that was not merged keeps its version-1 shape
        let line = String(decoding: try FactsFile.lines(g).last!, as: UTF8.self)
        XCTAssertFalse(line.contains("evidence"), line)
        XCTAssertThrowsError(try FactsFile.read(data: Data("{\"record\":\"kbexport-facts\",\"version\":3}\n".utf8), path: "v3.jsonl"))
    }

    func testTheFastPathAndJSONDecoderReadEvidenceAlike() throws {
        let evidence = #"[{"id":"f1","documentID":"d1","sentenceBegin":0,"sentenceEnd":9,"sentence":"زار حفتر نيامي","spanBegin":0,"spanEnd":9,"rule":"visit.verb","confidence":0.7,"date":{"value":"2018-08","precision":"month"}},{"documentID":"d2","sentenceBegin":5,"sentenceEnd":20,"sentence":"حفتر في نيامي","spanBegin":5,"spanEnd":12}]"#
        let fact = #"{"record":"fact","id":"f1","type":"VISIT","subject":"p1","object":"l1","rule":"visit.verb","confidence":0.85,"provenance":{"documentID":"d1","sentenceBegin":0,"sentenceEnd":9,"sentence":"زار حفتر نيامي","spanBegin":0,"spanEnd":9},"support":2,"evidence":"#
        let fast = try FactsFile.read(data: Data((Self.head + fact + evidence + "}\n").utf8), path: "fast.jsonl")
        // "support" as 2.0 is not a plain integer: the fast path gives the line to JSONDecoder
        let slow = try FactsFile.read(data: Data((Self.head + fact.replacingOccurrences(of: "\"support\":2", with: "\"support\":2.0")
                                                  + evidence + "}\n").utf8), path: "slow.jsonl")
        XCTAssertEqual(fast.facts, slow.facts)
        let f = try XCTUnwrap(fast.facts.first)
        XCTAssertEqual(f.support, 2)
        XCTAssertEqual(f.evidence[1].rule, "external", "defaults as for a fact")
        XCTAssertEqual(f.evidence[1].confidence, 1)
        XCTAssertEqual(f.evidence[0].date?.value, "2018-08")
        XCTAssertEqual(f.reportingDocuments, ["d1", "d2"])
        // an evidence document that is not in the file is an error naming the line
        let dangling = Self.head + fact + evidence.replacingOccurrences(of: "\"d2\"", with: "\"d9\"") + "}\n"
        XCTAssertThrowsError(try FactsFile.read(data: Data(dangling.utf8), path: "x.jsonl")) { e in
            XCTAssertTrue("\(e)".contains("d9"), "\(e)")
        }
    }
}

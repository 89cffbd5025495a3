import Foundation
import KBFacts
import KBGraph
import KBText
import XCTest

/// The facts file round-trips the extracted graph and names file and line for bad input.
final class FactsFileTests: XCTestCase {
    func seedGraph() throws -> KnowledgeGraph {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
        let (files, _) = InputReader.collect([url.appendingPathComponent("seeds").path])
        return Pipeline.run(files: files).graph
    }

    func testRoundTripIsLossless() throws {
        let g = try seedGraph()
        let data = Data(try FactsFile.lines(g).joined())
        let back = try FactsFile.read(data: data, path: "seeds.jsonl")
        XCTAssertEqual(back.entities, g.entities)
        XCTAssertEqual(back.facts, g.facts)
        XCTAssertEqual(back.documents, g.documents)
        XCTAssertEqual(back.mentions, g.mentions)
        XCTAssertEqual(Data(try FactsFile.lines(back).joined()), data, "writing is deterministic")
    }

    func testOtherExtractorsMayWriteOnlyWhatTheyKnow() throws {
        let text = """
        {"record":"document","id":"d1"}
        {"record":"entity","id":"p1","type":"PERSON","labelAr":"خليفة حفتر"}
        {"record":"entity","id":"l1","type":"PLACE","labelAr":"بنغازي"}
        {"record":"fact","id":"f1","type":"CONTROLS","subject":"p1","object":"l1","provenance":{"documentID":"d1","sentenceBegin":0,"sentenceEnd":5,"sentence":"نص","spanBegin":0,"spanEnd":5}}
        """
        let g = try FactsFile.read(data: Data(text.utf8), path: "x.jsonl")
        XCTAssertEqual(g.facts.first?.confidence, 1.0)
        XCTAssertEqual(g.facts.first?.modality, .asserted)
        XCTAssertEqual(g.entities.count, 2)
    }

    func testErrorsNameTheLine() {
        let bad = "{\"record\":\"document\",\"id\":\"d1\"}\n{\"record\":\"entity\",\"id\":\"p1\",\"type\":\"PERSON\"}\n"
        XCTAssertThrowsError(try FactsFile.read(data: Data(bad.utf8), path: "x.jsonl")) { e in
            XCTAssertEqual((e as? FactsFile.ReadError)?.line, 2)
            XCTAssertTrue("\(e)".contains("labelAr"), "\(e)")
        }
        XCTAssertThrowsError(try FactsFile.read(data: Data("not json\n".utf8), path: "y.jsonl")) { e in
            XCTAssertEqual("\(e)".hasPrefix("y.jsonl:1:"), true, "\(e)")
        }
        let dangling = "{\"record\":\"document\",\"id\":\"d1\"}\n{\"record\":\"fact\",\"id\":\"f1\",\"type\":\"VISIT\",\"subject\":\"a\",\"object\":\"b\",\"provenance\":{\"documentID\":\"d1\",\"sentenceBegin\":0,\"sentenceEnd\":1,\"sentence\":\"x\",\"spanBegin\":0,\"spanEnd\":1}}\n"
        XCTAssertThrowsError(try FactsFile.read(data: Data(dangling.utf8), path: "z.jsonl"))
    }
}

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

    /// Issue 6: kbexport's own files stream (documents and entities first, facts in id order) and give the graph
    /// that reading gives; other orders are refused by the check, so the caller reads them whole.
    func testStreamingGivesTheGraphThatReadingGives() throws {
        let g = try seedGraph()
        let lines = try FactsFile.lines(g)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = dir.appendingPathComponent("own.jsonl"), reversed = dir.appendingPathComponent("reversed.jsonl")
        try Data(lines.joined()).write(to: own)
        try Data(lines.reversed().joined()).write(to: reversed)

        XCTAssertTrue(FactsFile.isStreamable(path: own.path))
        XCTAssertFalse(FactsFile.isStreamable(path: reversed.path))
        XCTAssertFalse(FactsFile.isStreamable(path: "-"))
        XCTAssertEqual(FactsFile.factOrder(path: reversed.path), nil)
        // Documents and entities first, facts in another order: streamed in file order, duplicates refused.
        let factLines = lines.filter { $0.starts(with: Data(#"{"record":"fact""#.utf8)) }
        let head = lines.filter { !$0.starts(with: Data(#"{"record":"fact""#.utf8)) }
        let shuffled = dir.appendingPathComponent("shuffled.jsonl")
        try Data((head + factLines.reversed()).joined()).write(to: shuffled)
        XCTAssertEqual(FactsFile.factOrder(path: shuffled.path), .fileOrder)
        var inFileOrder = [Fact]()
        try FactsFile.stream(path: shuffled.path, order: .fileOrder, begin: { _, _ in }, fact: { inFileOrder.append($0) })
        XCTAssertEqual(inFileOrder, g.facts.reversed())
        let duplicated = dir.appendingPathComponent("duplicated.jsonl")
        try Data((head + factLines.reversed() + [factLines[0]]).joined()).write(to: duplicated)
        XCTAssertThrowsError(try FactsFile.stream(path: duplicated.path, order: .fileOrder, begin: { _, _ in }, fact: { _ in })) { e in
            XCTAssertEqual((e as? FactsFile.ReadError)?.line, head.count + factLines.count + 1, "\(e)")
        }
        var documents = [Document](), entities = [Entity](), facts = [Fact](), sentences = 0
        try FactsFile.stream(path: own.path, sentences: { _ in sentences += 1 }, begin: { documents = $0; entities = $1 },
                             fact: { facts.append($0) })
        XCTAssertEqual(documents, g.documents)
        XCTAssertEqual(entities, g.entities)
        XCTAssertEqual(facts, g.facts)
        XCTAssertEqual(sentences, g.facts.count)
        // Reading line by line from the file, in either order, gives the same graph.
        for url in [own, reversed] {
            let read = try FactsFile.read(path: url.path)
            XCTAssertEqual(read.facts, g.facts)
            XCTAssertEqual(read.entities, g.entities)
            XCTAssertEqual(read.mentions, g.mentions)
        }
        // A line read back by its offset.
        var offsets = [Int]()
        var position = 0
        for l in lines { offsets.append(position); position += l.count }
        let reader = FactsFile.LineReader(path: own.path)
        let lastFact = try reader.fact(at: offsets[offsets.count - 1])
        XCTAssertEqual(lastFact, g.facts.last)
    }

    func testStreamingNamesTheLineOfADanglingFact() throws {
        let text = """
        {"record":"document","id":"d1"}
        {"record":"entity","id":"p1","type":"PERSON","labelAr":"خليفة حفتر"}
        {"record":"fact","id":"f1","type":"VISIT","subject":"p1","object":"p1","provenance":{"documentID":"d1","sentenceBegin":0,"sentenceEnd":1,"sentence":"x","spanBegin":0,"spanEnd":1}}
        {"record":"fact","id":"f2","type":"VISIT","subject":"p1","object":"zz","provenance":{"documentID":"d1","sentenceBegin":0,"sentenceEnd":1,"sentence":"x","spanBegin":0,"spanEnd":1}}

        """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-dangling-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertTrue(FactsFile.isStreamable(path: url.path))
        var facts = 0
        XCTAssertThrowsError(try FactsFile.stream(path: url.path, begin: { _, _ in }, fact: { _ in facts += 1 })) { e in
            XCTAssertEqual((e as? FactsFile.ReadError)?.line, 4, "\(e)")
            XCTAssertTrue("\(e)".contains("\"zz\""), "\(e)")
        }
        XCTAssertEqual(facts, 1)
    }
}

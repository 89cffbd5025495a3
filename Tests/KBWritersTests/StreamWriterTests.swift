// The streaming interface every format implements: the same bytes from a graph and from a streamed facts file, the
// confidence filter applied once by GraphExport, and whole-graph writers plugged in through the adapter.

import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class StreamWriterTests: XCTestCase {
    func render(_ source: FactSource, _ format: OutputFormat, minConfidence: Double = 0,
                options: ExportOptions = ExportOptions()) throws -> [UInt8] {
        let sink = MemorySink()
        try GraphExport.run(source, writer: format.makeStreamWriter(options: options), minConfidence: minConfidence, to: sink)
        return sink.bytes
    }

    func testEveryFormatStreamsFromAFactsFileAsFromTheGraph() throws {
        var graph = Fixture.graph()
        graph.mentions = [Mention(entityID: "plc-niamey", documentID: "doc-a", begin: 28, end: 33, text: "نيامي")]
        let dir = try TempFolder("stream").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("g.jsonl")
        try Data(try FactsFile.lines(graph).joined()).write(to: file)
        let order = try XCTUnwrap(FactsFile.factOrder(path: file.path))
        for format in OutputFormat.allCases {
            let writer = format.makeStreamWriter(options: ExportOptions())
            let direct = try Fixture.write(format, graph)
            XCTAssertEqual(try render(GraphSource(graph), format), direct, "\(format): stream and whole-graph write")
            guard !writer.needs.contains(.wholeGraph) else { continue }
            XCTAssertEqual(try render(FactsFileSource(path: file.path, order: order), format), direct, "\(format) from the facts file")
            for clean in [ExportOptions(dateNodes: false, keepIsolated: false), ExportOptions(dateNodes: false)] {
                XCTAssertEqual(try render(FactsFileSource(path: file.path, order: order), format, options: clean),
                               try Fixture.write(format, graph, options: clean), "\(format) clean view from the facts file")
            }
        }
    }

    func testTheConfidenceFilterIsAppliedOnceForEveryFormat() throws {
        let graph = Fixture.graph()
        var kept = graph
        kept.facts.removeAll { $0.confidence < 0.75 }
        for format in OutputFormat.allCases {
            XCTAssertEqual(try render(GraphSource(graph), format, minConfidence: 0.75), try Fixture.write(format, kept), "\(format)")
        }
    }

    func testAWholeGraphWriterGetsTheWholeGraphThroughTheAdapter() throws {
        final class Recorder: GraphWriter {
            static let name = "recorder", fileExtension = "txt", mediaType = "text/plain"
            nonisolated(unsafe) static var seen: KnowledgeGraph?
            init(options: ExportOptions) {}
            func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws { Self.seen = graph }
        }
        var graph = Fixture.graph()
        graph.mentions = [Mention(entityID: "plc-niamey", documentID: "doc-a", begin: 28, end: 33, text: "نيامي")]
        let writer = WholeGraphStreamWriter(Recorder(options: ExportOptions()))
        XCTAssertTrue(writer.needs.contains(.wholeGraph))
        try GraphExport.run(GraphSource(graph), writer: writer, minConfidence: 0.5, to: MemorySink())
        XCTAssertEqual(Recorder.seen?.facts.map(\.id), ["f-0001", "f-0002", "f-0003"])
        XCTAssertEqual(Recorder.seen?.mentions, graph.mentions)
        XCTAssertEqual(Recorder.seen?.entities, graph.entities)
    }

    func testARefusedGraphWritesNothing() {
        var graph = Fixture.graph()
        graph.facts[0].object = "nobody"
        for format in OutputFormat.allCases {
            let sink = MemorySink()
            XCTAssertThrowsError(try GraphExport.run(GraphSource(graph), writer: format.makeStreamWriter(options: ExportOptions()),
                                                     to: sink), "\(format)")
            XCTAssertEqual(sink.bytes, [], "\(format)")
        }
    }
}

// The facts file encodes its lines a batch at a time on every core: the bytes are those of one encoder, line after line.

import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class FactsFileBatchTests: XCTestCase {
    func testBatchedStreamingGivesTheBytesOfTheWholeGraphWriter() throws {
        let base = Fixture.graph()
        var g = base
        // more records than one chunk and one batch, mentions with and without the fast path (a quote takes the encoder)
        g.mentions = (0..<9000).map { i in
            Mention(entityID: "plc-niamey", documentID: i % 2 == 0 ? "doc-a" : "doc-b", begin: i, end: i + 5,
                    text: i % 7 == 0 ? "«نيامي» \"\(i)\"" : "نيامي \(i)")
        }
        g.facts = (0..<9000).map { i in
            var f = base.facts[i % base.facts.count]
            f.id = String(format: "f-%05d", i)
            f.confidence = Double(i % 100) / 97
            return f
        }
        let whole = try FactsFile.lines(g).reduce(into: [UInt8]()) { $0 += $1 }
        let sink = MemorySink()
        try GraphExport.run(GraphSource(g), writer: OutputFormat.jsonl.makeStreamWriter(options: ExportOptions()), minConfidence: 0, to: sink)
        XCTAssertEqual(sink.bytes.count, whole.count)
        XCTAssertTrue(sink.bytes == whole)
        XCTAssertEqual(sink.bytes.filter { $0 == 0x0A }.count, 1 + g.documents.count + g.entities.count + 9000 + 9000)
    }
}

// Issue 6: N-Triples read from a file in blocks give the same triples, errors and positions as the whole text
// in memory, and the streamed conversions (RDF/XML and GraphML read the file more than once) give what the
// in-memory conversions give.

import Foundation
import KBRDF
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class StreamingTests: XCTestCase {
    /// About 6 MB of N-Triples (more than one 4 MiB block): CRLF and LF, comments, blank lines, escapes, Arabic,
    /// blank nodes, and subjects that come back (not grouped).
    func bigNTriples() -> String {
        var s = "# header comment\n\n"
        for i in 0..<40_000 {
            let subject = i % 7 == 0 ? "_:b\(i % 50)" : "<http://ex.org/s/\(i % 900)>"
            s += "\(subject) <http://ex.org/p/name> \"اسم \(i) \\u00E9\\t\\\"x\\\"\"@ar .\r\n"
            s += "\(subject) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Thing> . # c\n"
            s += "\(subject) <http://ex.org/p/next> <http://ex.org/s/\((i * 31) % 900)> .\n"
            if i % 1000 == 0 { s += "\n   \t# a comment line\n" }
        }
        return s
    }

    func tempFile(_ text: String) throws -> URL {
        let url = try TempFolder("interop-stream").url.appendingPathComponent("big.nt")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testFileReaderMatchesTheInMemoryReaderAcrossBlocks() throws {
        let text = bigNTriples()
        XCTAssertGreaterThan(text.utf8.count, 5 << 20)
        let url = try tempFile(text)
        let fromFile = try NTriplesReader.read(path: url.path)
        let fromBytes = try NTriplesReader.read(bytes: Array(text.utf8), name: url.path)
        XCTAssertEqual(fromFile.count, 120_000)
        XCTAssertEqual(fromFile, fromBytes)
        // Positions give each triple back.
        let source = try NTriplesFile(path: url.path)
        var positions = [(Int, Int)]()
        try source.forEachTriple(positions: { _, start, end in positions.append((start, end)) })
        for k in [0, 1, 59_999, 60_000, 119_999] {
            var back = [RDFTriple]()
            try source.forEachTriple(from: positions[k].0, to: positions[k].1) { back.append($0) }
            XCTAssertEqual(back, [fromFile[k]], "triple \(k)")
        }
    }

    func testErrorsNameTheLineAfterManyBlocks() throws {
        let text = bigNTriples()
        let lines = text.utf8.filter { $0 == 0x0A }.count + 1   // the appended line's number (CR LF is one break)
        let url = try tempFile(text + "<http://ex.org/s> <http://ex.org/p> \"unterminated .\n")
        XCTAssertThrowsError(try NTriplesReader.read(path: url.path)) { e in
            XCTAssertEqual((e as? RDFReadError)?.line, lines, "\(e)")
        }
        let bom = try tempFile("\u{FEFF}" + text)
        XCTAssertThrowsError(try NTriplesReader.read(path: bom.path)) { e in
            XCTAssertEqual((e as? RDFReadError)?.line, 1, "\(e)")
        }
    }

    func testStreamedConversionsMatchTheInMemoryOnes() throws {
        let text = bigNTriples()
        let url = try tempFile(text)
        let triples = try NTriplesReader.read(path: url.path)
        let file = try NTriplesFile(path: url.path)
        for format in [OutputFormat.graphml, .rdfxml] {
            let streamed = MemorySink(), inMemory = MemorySink()
            try RDFConversion.write(source: file, format: format, options: ExportOptions(), to: streamed)
            try RDFConversion.write(triples, format: format, options: ExportOptions(), to: inMemory)
            XCTAssertEqual(streamed.bytes, inMemory.bytes, "\(format)")
        }
        // RDF/XML groups consecutive triples only: a subject that comes back gets another description, and the
        // graph read back is the same.
        let sink = MemorySink()
        try RDFConversion.write(source: file, format: .rdfxml, options: ExportOptions(), to: sink)
        let back = try RDFXMLReader.read(bytes: sink.bytes, name: "big.rdf")
        XCTAssertEqual(back.count, triples.count)
        // (The reader relabels blank nodes: compare the triples with an IRI subject.)
        func named(_ ts: [RDFTriple]) -> Set<RDFTriple> { Set(ts.filter { if case .iri = $0.subject { return true } else { return false } }) }
        XCTAssertEqual(named(back), named(triples))
    }
}

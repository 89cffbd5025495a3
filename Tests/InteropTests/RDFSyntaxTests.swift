// Unit checks of the RDF syntax layers: the N-Triples reader's corner cases, canonical N-Triples and
// Turtle escaping, and what the RDF/XML syntax layer relabels or refuses.

import Foundation
import KBGraph
import KBRDF
import KBWriters
import KBXML
import XCTest

final class RDFSyntaxTests: XCTestCase {
    func read(_ s: String) throws -> [RDFTriple] { try NTriplesReader.read(bytes: Array(s.utf8), name: "t.nt") }

    func readError(_ s: String) -> RDFReadError? {
        do { _ = try NTriplesReader.read(bytes: Array(s.utf8), name: "t.nt"); return nil } catch { return error as? RDFReadError }
    }

    func testNTriplesReaderCornerCases() throws {
        // CRLF, comments, tabs, a label followed by '.', escapes, non-ASCII.
        let t = try read("# c\r\n\t<http://a/s>\t<http://a/p> _:x.y. # end\r\n_:x.y <http://a/p> \"\\u00E9\\U0001F600\\t\\\"حفتر\"@AR-eg .\r\n")
        XCTAssertEqual(t.count, 2)
        XCTAssertEqual(t[0].object, .blank("x.y"))
        XCTAssertEqual(t[1].object, .literal(RDFLiteral("é😀\t\"حفتر", language: "ar-eg")))
        XCTAssertEqual(readError("<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> \"x\" . junk\n")?.line, 2)
        XCTAssertEqual(readError("\u{FEFF}<http://a/s> <http://a/p> <http://a/o> .")?.message, "a byte order mark is not allowed in N-Triples")
        let invalidUTF8 = try? NTriplesReader.read(bytes: Array("<http://a/s> <http://a/p> \"".utf8) + [0xC3, 0x28, 0x22, 0x20, 0x2E], name: "b.nt")
        XCTAssertNil(invalidUTF8)
        XCTAssertEqual(readError("<http://a/s> <http://a/p> \"\\uD800\" .")?.message, "the escape denotes U+D800, which is not a Unicode scalar")
        XCTAssertTrue(readError("<http://a/\\u0020> <http://a/p> <http://a/o> .")?.message.contains("an IRI cannot hold") ?? false)
        XCTAssertEqual(readError("<http://a/s> <http://a/p> <http://a/o>")?.column, 39)
    }

    func testCanonicalNTriplesAndTurtleEscapes() throws {
        let s = RDFTerm.iri("http://a/s")
        let triples = [
            RDFTriple(s, "http://a/p", .literal(RDFLiteral("a\u{0}b\u{7F}\u{FFFE}\r\n\t\u{8}\u{C}\"\\'é"))),
            RDFTriple(s, "http://a/p", .literal(RDFLiteral("x", datatype: RDFLiteral.xsdString))),
            RDFTriple(s, "http://a/p", .literal(RDFLiteral("x"))),  // same term as the line above
            RDFTriple(s, Namespaces.rdf + "type", .iri("http://schema.org/Person")),
        ]
        XCTAssertEqual(try NTriplesSerializer.canonicalLines(triples), [
            "<http://a/s> <http://a/p> \"a\\u0000b\\u007F\\uFFFE\\r\\n\\t\\b\\f\\\"\\\\'é\" .",
            "<http://a/s> <http://a/p> \"x\" .",
            "<http://a/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .",
        ])
        let sink = MemorySink()
        try TurtleSerializer(vocabulary: "https://kb.example.org/vocab#").write(RDFDescription.group(triples), to: sink)
        XCTAssertTrue(sink.string.hasSuffix("""

            <http://a/s> <http://a/p> "a\\u0000b\\u007F\\uFFFE\\r\\n\\t\\b\\f\\"\\\\'é", "x" ;
                a schema:Person .

            """), sink.string)
        XCTAssertThrowsError(try NTriplesSerializer.canonicalLines([RDFTriple(s, "rel", .iri("http://a/o"))])) {
            XCTAssertTrue("\($0)".contains("<rel>") && "\($0)".contains("not absolute"), "\($0)")
        }
    }

    func testRDFXMLRelabelsAndRefuses() throws {
        func rdfxml(_ triples: [RDFTriple]) throws -> String {
            let sink = MemorySink()
            try RDFConversion.write(triples, format: .rdfxml, options: ExportOptions(), to: sink)
            return sink.string
        }
        // _:1a is not an NCName: relabelled, skipping b1 which is in use.
        let text = try rdfxml([RDFTriple(.blank("1a"), "http://a/p", .blank("b1")), RDFTriple(.blank("b1"), "http://a/p", .string("  "))])
        XCTAssertTrue(text.contains("<rdf:Description rdf:nodeID=\"b2\">"), text)
        XCTAssertTrue(text.contains("<ns1:p rdf:nodeID=\"b1\"/>"), text)
        // A whitespace-only literal keeps an explicit xsd:string (Virtuoso would read "  " as "").
        XCTAssertTrue(text.contains("<ns1:p rdf:datatype=\"http://www.w3.org/2001/XMLSchema#string\">  </ns1:p>"), text)
        XCTAssertTrue(text.contains("xmlns:ns1=\"http://a/\""), text)
        XCTAssertEqual(try RDFXMLReader.read(bytes: Array(text.utf8), name: "x").count, 2)

        let s = RDFTerm.iri("http://a/s")
        for (triple, message) in [
            (RDFTriple(s, "http://a/p", .string("a\u{1}")), "cannot serialise \"a\\u0001\" in RDF/XML: it contains U+0001, which XML 1.0 cannot carry (subject <http://a/s>, predicate <http://a/p>)"),
            (RDFTriple(s, "http://a/p/", .string("x")), "cannot serialise predicate <http://a/p/> in RDF/XML: it does not end in an XML name (NCName)"),
            (RDFTriple(s, Namespaces.rdf + "li", .string("x")), "rdf:li is RDF/XML syntax, not a property"),
            (RDFTriple(s, "http://a/p", .literal(RDFLiteral("x", datatype: RDFLiteral.langString))), "rdf:langString needs a language tag"),
            (RDFTriple(.iri("http://a/has space"), "http://a/p", .string("x")), "invalid IRI <http://a/has space>"),
        ] {
            XCTAssertThrowsError(try rdfxml([triple])) { XCTAssertTrue("\($0)".contains(message), "\($0)") }
        }
    }

    func testOutputFormats() {
        XCTAssertEqual(OutputFormat.allCases.map(\.rawValue), ["graphml", "gexf", "rdfxml", "ntriples", "turtle", "jsonl", "svg", "html"])
        XCTAssertEqual(OutputFormat.ntriples.fileExtension, "nt")
        XCTAssertEqual(OutputFormat.turtle.fileExtension, "ttl")
        XCTAssertEqual(OutputFormat.ntriples.mediaType, "application/n-triples")
        XCTAssertEqual(OutputFormat.turtle.mediaType, "text/turtle")
        XCTAssertTrue(OutputFormat.ntriples.makeWriter(options: ExportOptions()) is NTriplesWriter)
        XCTAssertTrue(OutputFormat.turtle.makeWriter(options: ExportOptions()) is TurtleWriter)
        XCTAssertEqual(OutputFormat.allCases.filter(\.isRDF), [.rdfxml, .ntriples, .turtle])
        // RDF cannot be drawn: a clear refusal, nothing written.
        for format in [OutputFormat.svg, .html] {
            let sink = MemorySink()
            XCTAssertThrowsError(try RDFConversion.write([RDFTriple(.iri("http://a/s"), "http://a/p", .string("x"))],
                                                         format: format, options: ExportOptions(), to: sink)) {
                XCTAssertTrue("\($0)".contains("cannot be drawn"), "\($0)")
            }
            XCTAssertTrue(sink.bytes.isEmpty)
        }
    }

    /// A graph that is refused writes nothing in any RDF format, and the three RDF formats agree on a graph
    /// with XML-illegal characters (removed from literals, as RDF/XML must).
    func testGraphWritersAgree() throws {
        var g = KnowledgeGraph(documents: [Document(id: "d", path: "d.txt", length: 10)],
                               entities: [Entity(id: "per-a", type: .person, labelAr: "أ\u{1B}ب", surfaceForms: ["\u{1}"])])
        for format in [OutputFormat.rdfxml, .ntriples, .turtle] {
            let sink = MemorySink()
            try format.makeWriter(options: ExportOptions()).write(g, to: sink)
            XCTAssertFalse(sink.string.contains("\u{1B}") || sink.string.contains("\\u001B"), "\(format)")
        }
        let nt = MemorySink(), xml = MemorySink()
        try NTriplesWriter(options: ExportOptions()).write(g, to: nt)
        try RDFXMLWriter(options: ExportOptions()).write(g, to: xml)
        let back = MemorySink()
        try NTriplesSerializer.write(try RDFXMLReader.read(bytes: xml.bytes, name: "g.rdf"), to: back)
        XCTAssertEqual(back.string, nt.string)
        g.entities.append(Entity(id: "bad id", type: .place, labelAr: "x"))
        for format in [OutputFormat.ntriples, .turtle] {
            let sink = MemorySink()
            XCTAssertThrowsError(try format.makeWriter(options: ExportOptions()).write(g, to: sink))
            XCTAssertEqual(sink.bytes, [], "\(format)")
        }
    }
}

// The RDF/XML reader (KBRDF.RDFXMLReader over KBXML.XMLReader): the W3C RDF/XML suite, the features it
// supports, what it refuses, and the safety of the XML layer (no DTD, no entities, limits).

import Foundation
import KBRDF
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class RDFXMLReaderTests: XCTestCase {
    let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// W3C RDF/XML tests the reader refuses on purpose, with the reason (a substring of the error).
    static let expectedRefusals: [String: String] = [
        "rdf-containers-syntax-vs-schema-test004": "rdf:parseType=\"Literal\" is not supported",
        "xml-canon-test001": "rdf:parseType=\"Literal\" is not supported",
        "xml-canon-test002": "rdf:parseType=\"Literal\" is not supported",
    ]

    /// Every positive W3C RDF/XML test gives the expected graph, or is refused for a listed reason; every
    /// negative test is rejected with a line number.
    func testW3CRDFXMLSuite() throws {
        try requireConsumer(Command.python(has: ["rdflib", "pyoxigraph"]), "python3 with rdflib and pyoxigraph")
        let run = try InteropRun.get()
        let suite = try run.rdfxmlSuite()
        XCTAssertEqual(suite.filter(\.positive).count, 126)
        XCTAssertEqual(suite.filter { !$0.positive }.count, 40)
        let iso = Dictionary(try run.consumerResults().filter { $0.format == "iso" }.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        for c in suite {
            if !c.positive {
                guard let error = c.error else { XCTFail("\(c.name): accepted, must be rejected"); continue }
                XCTAssertTrue(error.contains(": line "), "\(c.name): \(error)")
                continue
            }
            if let reason = Self.expectedRefusals[c.name] {
                XCTAssertTrue(c.error?.contains(reason) ?? false, "\(c.name): expected refusal '\(reason)', got \(c.error ?? "a graph"); update the table")
                continue
            }
            guard let ours = c.ours else { XCTFail("\(c.name) refused: \(c.error ?? "?")"); continue }
            guard let result = iso[ours.path] else { XCTFail("\(c.name): not compared"); continue }
            XCTAssertTrue(result.ok, "\(c.name): \(result.message)")
        }
    }

    /// kbexport's own RDF/XML reads back to exactly the triples of its N-Triples output (same bytes).
    func testReadsOwnSeedsExportBack() throws {
        let run = try InteropRun.get()
        let triples = try RDFXMLReader.read(path: run.seeds.rdfxml.path)
        let sink = MemorySink()
        try NTriplesSerializer.write(triples, to: sink)
        XCTAssertEqual(String(decoding: sink.bytes, as: UTF8.self), try String(contentsOf: run.seeds.nt, encoding: .utf8))
        XCTAssertGreaterThan(triples.count, 500)
    }

    func testSupportedSyntax() throws {
        let doc = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/v#"
                     xml:base="http://ex.org/base/doc" xml:lang="ar">
              <ex:Person rdf:about="#haftar" ex:short="حفتر">
                <ex:name>خليفة حفتر</ex:name>
                <ex:name xml:lang="en">Khalifa Haftar</ex:name>
                <ex:visited rdf:resource="../places/niamey"/>
                <ex:count rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">3</ex:count>
                <ex:empty/>
                <ex:friend rdf:nodeID="x1"/>
                <ex:role rdf:parseType="Resource"><ex:title xml:lang="">Marshal</ex:title></ex:role>
                <ex:list rdf:parseType="Collection"><rdf:Description rdf:about="http://ex.org/a"/></ex:list>
                <ex:nested><ex:Place rdf:ID="niger"/></ex:nested>
                <ex:tagged rdf:ID="st1">t<![CDATA[<x>]]></ex:tagged>
              </ex:Person>
              <rdf:Description rdf:nodeID="x1"><rdf:li>one</rdf:li><rdf:li>two</rdf:li></rdf:Description>
            </rdf:RDF>
            """
        let triples = try RDFXMLReader.read(bytes: Array(doc.utf8), name: "doc.rdf")
        let lines = Set(triples.map(\.description))
        let h = "<http://ex.org/base/doc#haftar>"
        for expected in [
            "\(h) <\(rdf)type> <http://ex.org/v#Person> .",
            "\(h) <http://ex.org/v#short> \"حفتر\"@ar .",
            "\(h) <http://ex.org/v#name> \"خليفة حفتر\"@ar .",
            "\(h) <http://ex.org/v#name> \"Khalifa Haftar\"@en .",
            "\(h) <http://ex.org/v#visited> <http://ex.org/places/niamey> .",
            "\(h) <http://ex.org/v#count> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
            "\(h) <http://ex.org/v#empty> \"\"@ar .",
            "\(h) <http://ex.org/v#friend> _:b1 .",
            "_:b2 <http://ex.org/v#title> \"Marshal\" .",
            "\(h) <http://ex.org/v#role> _:b2 .",
            "_:b3 <\(rdf)first> <http://ex.org/a> .",
            "_:b3 <\(rdf)rest> <\(rdf)nil> .",
            "\(h) <http://ex.org/v#list> _:b3 .",
            "<http://ex.org/base/doc#niger> <\(rdf)type> <http://ex.org/v#Place> .",
            "\(h) <http://ex.org/v#nested> <http://ex.org/base/doc#niger> .",
            "\(h) <http://ex.org/v#tagged> \"t<x>\"@ar .",
            "<http://ex.org/base/doc#st1> <\(rdf)type> <\(rdf)Statement> .",
            "<http://ex.org/base/doc#st1> <\(rdf)object> \"t<x>\"@ar .",
            "_:b1 <\(rdf)_1> \"one\"@ar .",
            "_:b1 <\(rdf)_2> \"two\"@ar .",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing \(expected)\n" + lines.sorted().joined(separator: "\n"))
        }
        XCTAssertEqual(triples.count, 22)
    }

    func testRefusalsNameTheLine() throws {
        func refused(_ body: String, base: String? = nil, _ message: String, line: Int, file: StaticString = #filePath, lineNo: UInt = #line) {
            let doc = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
                \(body)
                </rdf:RDF>
                """
            XCTAssertThrowsError(try RDFXMLReader.read(bytes: Array(doc.utf8), base: base, name: "t.rdf"), file: file, line: lineNo) {
                guard let e = $0 as? RDFReadError else { return XCTFail("\($0)", file: file, line: lineNo) }
                XCTAssertEqual(e.line, line, "\(e)", file: file, line: lineNo)
                XCTAssertTrue(e.description.contains(message), "\(e)", file: file, line: lineNo)
                XCTAssertTrue(e.description.hasPrefix("t.rdf: line \(line)"), "\(e)", file: file, line: lineNo)
            }
        }
        refused("<rdf:Description rdf:about=\"http://ex.org/a\">\n<ex:p rdf:parseType=\"Literal\"><b>x</b></ex:p></rdf:Description>",
                "rdf:parseType=\"Literal\" is not supported", line: 4)
        refused("<rdf:Description rdf:about=\"rel\"/>", "is a relative IRI and there is no base", line: 3)
        refused("<rdf:Description rdf:about=\"http://ex.org/a\"><ex:p>a <ex:b/> c</ex:p></rdf:Description>", "mixed content", line: 3)
        refused("<rdf:Description rdf:about=\"http://ex.org/a\">text</rdf:Description>", "text is not allowed", line: 3)
        refused("<rdf:Description rdf:about=\"http://ex.org/a b\"/>", "an IRI cannot hold", line: 3)
        refused("<rdf:Description rdf:about=\"http://ex.org/a\"><ex:p xml:lang=\"en_US\">x</ex:p></rdf:Description>",
                "not a well-formed language tag", line: 3)
        refused("<rdf:Description rdf:nodeID=\"1a\"/>", "is not an XML NCName", line: 3)
        refused("<rdf:Description about=\"http://ex.org/a\"/>", "has no namespace", line: 3)
        refused("<plain/>", "has no namespace", line: 3)
        refused("<rdf:Description rdf:about=\"http://ex.org/a\">\n\n<ex:p>x</ex:q></rdf:Description>", "not well-formed XML", line: 5)
    }

    func testXMLSafety() throws {
        func error(_ doc: String, limits: XMLReader.Limits = XMLReader.Limits()) -> String {
            do {
                _ = try RDFXMLReader.read(bytes: Array(doc.utf8), name: "x.rdf", limits: limits)
                return "accepted"
            } catch { return "\(error)" }
        }
        let head = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">"
        // No DTD, so no entity is ever declared or expanded (billion laughs, external entities).
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            \(head)<rdf:Description rdf:about="http://ex.org/s"><ex:p>&b;</ex:p></rdf:Description></rdf:RDF>
            """
        XCTAssertTrue(error(laughs).contains("DOCTYPE declarations are not supported"), error(laughs))
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            \(head)<rdf:Description rdf:about="http://ex.org/s"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>
            """
        XCTAssertTrue(error(external).contains("DOCTYPE"), error(external))
        XCTAssertFalse(error(external).contains("root:"), "no file content may leak")
        // An undeclared entity is a well-formedness error.
        let undeclared = "\(head)<rdf:Description rdf:about=\"http://ex.org/s\"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>"
        XCTAssertTrue(error(undeclared).contains("not well-formed XML"), error(undeclared))
        // Size and depth limits.
        let doc = "\(head)<rdf:Description rdf:about=\"http://ex.org/s\"><ex:p>x</ex:p></rdf:Description></rdf:RDF>"
        XCTAssertTrue(error(doc, limits: XMLReader.Limits(maxBytes: 20)).contains("larger than the limit"), error(doc, limits: XMLReader.Limits(maxBytes: 20)))
        var deep = head + "<rdf:Description rdf:about=\"http://ex.org/s\">"
        for _ in 0..<30 { deep += "<ex:p><rdf:Description>" }
        XCTAssertTrue(error(deep, limits: XMLReader.Limits(maxDepth: 20)).contains("nested deeper than 20"), error(deep, limits: XMLReader.Limits(maxDepth: 20)))
        // A missing file names the path.
        XCTAssertThrowsError(try RDFXMLReader.read(path: "/nonexistent/x.rdf")) {
            XCTAssertTrue("\($0)".contains("/nonexistent/x.rdf"), "\($0)")
        }
    }

    func testIRIResolution() throws {
        let doc = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
              <rdf:Description rdf:about="http://a/b/c/d;p?q">
                <ex:r rdf:resource="g"/><ex:r rdf:resource="./g"/><ex:r rdf:resource="g/"/><ex:r rdf:resource="/g"/>
                <ex:r rdf:resource="//g"/><ex:r rdf:resource="?y"/><ex:r rdf:resource="g?y#s"/><ex:r rdf:resource=""/>
                <ex:r rdf:resource="../../../g"/><ex:r rdf:resource="../.."/><ex:r rdf:resource="g;x=1/../y"/>
                <ex:r rdf:resource="http://other/x/./y/../z"/>
              </rdf:Description>
            </rdf:RDF>
            """
        let triples = try RDFXMLReader.read(bytes: Array(doc.utf8), base: "http://a/b/c/d;p?q", name: "r.rdf")
        // RFC 3986 §5.4 examples.
        XCTAssertEqual(triples.map { NTriplesSyntax.term($0.object) }, [
            "<http://a/b/c/g>", "<http://a/b/c/g>", "<http://a/b/c/g/>", "<http://a/g>", "<http://g>", "<http://a/b/c/d;p?y>",
            "<http://a/b/c/g?y#s>", "<http://a/b/c/d;p?q>", "<http://a/g>", "<http://a/>", "<http://a/b/c/y>",
            "<http://other/x/z>",
        ])
    }
}

extension RDFXMLReaderTests {
    /// A namespace name with non-ASCII characters (an IRI, not a URI) is read: libxml2 reports it as a
    /// namespace error, which the reader keeps as a warning.
    func testNonASCIINamespaceIRI() throws {
        let triples = try NTriplesReader.read(bytes: Array("<http://ex.org/s> <http://ex.org/ف/p> \"x\" .\n".utf8), name: "a.nt")
        let sink = MemorySink()
        try RDFConversion.write(triples, format: .rdfxml, options: ExportOptions(), to: sink)
        XCTAssertTrue(sink.string.contains("xmlns:ns1=\"http://ex.org/ف/\""), sink.string)
        XCTAssertEqual(try RDFXMLReader.read(bytes: sink.bytes, name: "a.rdf"), triples)
    }
}

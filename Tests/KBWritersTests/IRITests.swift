import KBWriters
import XCTest

final class IRITests: XCTestCase {
    let vocabulary = "https://kb.example.org/vocab#"

    func testKnownNamespacesFirst() throws {
        var s = Namespaces.splitter(vocabulary: vocabulary)
        XCTAssertEqual(try s.split("http://schema.org/name"), QName(prefix: "schema", localName: "name", namespace: "http://schema.org/"))
        XCTAssertEqual(try s.split("http://www.w3.org/1999/02/22-rdf-syntax-ns#type").qualified, "rdf:type")
        XCTAssertEqual(try s.split(vocabulary + "charBegin").qualified, "kbv:charBegin")
        XCTAssertEqual(try s.split("http://www.w3.org/2002/07/owl#sameAs").qualified, "owl:sameAs")
        XCTAssertEqual(try s.split("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf").qualified, "nif:anchorOf")
        // Arabic local names are NCNames.
        XCTAssertEqual(try s.split("http://schema.org/اسم").qualified, "schema:اسم")
        XCTAssertEqual(try s.split("http://www.w3.org/2003/01/geo/wgs84_pos#lat").qualified, "geo:lat")
        XCTAssertEqual(s.bindings.count, 12, "no prefix generated for known namespaces")
    }

    func testGenericSplit() throws {
        var s = Namespaces.splitter(vocabulary: vocabulary)
        // Digit-leading segments split further right (§1.2 example).
        XCTAssertEqual(try s.split("http://ex.org/v/1abc"), QName(prefix: "ns1", localName: "abc", namespace: "http://ex.org/v/1"))
        // ':' is not an NCName character.
        XCTAssertEqual(try s.split("http://ex.org/props:p"), QName(prefix: "ns2", localName: "p", namespace: "http://ex.org/props:"))
        // A known namespace whose rest is not an NCName falls back to the generic split.
        XCTAssertEqual(try s.split("http://schema.org/a/b"), QName(prefix: "ns3", localName: "b", namespace: "http://schema.org/a/"))
        XCTAssertEqual(try s.split("http://ex.org/v/1xyz").prefix, "ns1", "a namespace is bound once")
    }

    func testUnsplittablePredicatesAreRefused() {
        var s = Namespaces.splitter(vocabulary: vocabulary)
        for iri in ["http://ex.org/123", "http://ex.org/p/", "http://ex.org/term%20", "http://schema.org/", "urn:x:",
                    "http://ex.org/has space", "", "relative",
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#li",
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Description"] {
            XCTAssertThrowsError(try s.split(iri), iri) { error in
                guard case .unserializablePredicate(let value, _)? = error as? WriterError else { return XCTFail("\(error)") }
                XCTAssertEqual(value, iri)
                XCTAssertTrue("\(error)".contains("RDF/XML"))
            }
        }
        XCTAssertEqual(s.bindings.count, 12, "a refused IRI binds nothing")
    }

    func testIRICheck() {
        XCTAssertNil(IRIs.problem(in: "https://kb.example.org/entity/per-x"))
        XCTAssertNil(IRIs.problem(in: "http://ex.org/حفتر"), "non-ASCII IRIs are fine")
        XCTAssertNil(IRIs.problem(in: "urn:isbn:123"))
        for bad in ["", "no-scheme", "1http://x/", "http://x/a b", "http://x/<", "http://x/>", "http://x/\"", "http://x/{",
                    "http://x/}", "http://x/|", "http://x/\\", "http://x/^", "http://x/`", "http://x/\u{1}", "http://x/\u{7F}",
                    "http://x/\u{85}", "http://x/a#b#c", "http://x/\u{FFFE}"] {
            XCTAssertNotNil(IRIs.problem(in: bad), bad.debugDescription)
            XCTAssertThrowsError(try IRIs.check(bad)) {
                guard case .invalidIRI? = $0 as? WriterError else { return XCTFail("\($0)") }
            }
        }
    }

    func testMinting() throws {
        let m = try IRIMinter(base: "https://kb.example.org/")
        XCTAssertEqual(m.entity("per-khalifa-haftar"), "https://kb.example.org/entity/per-khalifa-haftar")
        XCTAssertEqual(m.fact("f-0a1b"), "https://kb.example.org/fact/f-0a1b")
        XCTAssertEqual(m.document("doc-000_0f46"), "https://kb.example.org/doc/doc-000_0f46")
        XCTAssertEqual(m.span(document: "doc-a", begin: 3, end: 42), "https://kb.example.org/doc/doc-a#char=3,42")
        XCTAssertEqual(m.vocabulary, "https://kb.example.org/vocab#")
        XCTAssertEqual(m.run(version: "0.1.0"), "https://kb.example.org/run/kbexport-0.1.0")
        // Anything outside unreserved is percent-encoded (UTF-8 bytes, upper-case hex).
        XCTAssertEqual(m.entity("a b/c#d~e"), "https://kb.example.org/entity/a%20b%2Fc%23d~e")
        XCTAssertEqual(m.entity("حفتر"), "https://kb.example.org/entity/%D8%AD%D9%81%D8%AA%D8%B1")
        XCTAssertEqual(IRIs.percentEncode("\u{1}"), "%01")

        let h = try IRIMinter(base: "https://kb.example.org/ns#")
        XCTAssertTrue(h.fragmentBase)
        XCTAssertEqual(h.span(document: "doc-a", begin: 3, end: 42), "https://kb.example.org/ns#doc/doc-a/char=3,42")
        XCTAssertEqual(h.vocabulary, "https://kb.example.org/ns#vocab/")
        XCTAssertNil(IRIs.problem(in: h.span(document: "doc-a", begin: 0, end: 1)))
    }

    func testFormats() {
        XCTAssertEqual(OutputFormat.allCases.map(\.rawValue), ["graphml", "gexf", "rdfxml", "ntriples", "turtle", "jsonl", "svg", "html"])
        XCTAssertTrue(OutputFormat.gexf.makeWriter(options: ExportOptions()) is GEXFWriter)
        XCTAssertEqual(OutputFormat.gexf.fileExtension, "gexf")
        XCTAssertTrue(OutputFormat.jsonl.makeWriter(options: ExportOptions()) is FactsFileWriter)
        XCTAssertEqual(OutputFormat.graphml.fileExtension, "graphml")
        XCTAssertEqual(OutputFormat.rdfxml.fileExtension, "rdf")
        XCTAssertEqual(OutputFormat.rdfxml.mediaType, "application/rdf+xml")
        XCTAssertTrue(OutputFormat.graphml.makeWriter(options: ExportOptions()) is GraphMLWriter)
        XCTAssertTrue(OutputFormat.rdfxml.makeWriter(options: ExportOptions()) is RDFXMLWriter)
        XCTAssertTrue(OutputFormat.svg.makeWriter(options: ExportOptions()) is SVGWriter)
        XCTAssertTrue(OutputFormat.html.makeWriter(options: ExportOptions()) is HTMLWriter)
    }
}

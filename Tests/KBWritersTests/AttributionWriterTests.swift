// A reported fact (reported speech, «بحسب …») carries its attribution in every format: the facts file's
// `attribution` object, GraphML and GEXF edge columns `attributed` / `attributed_to`, and the RDF properties
// `kbv:attributed` / `kbv:attributedTo`; the outputs stay valid against the schemas.

import Foundation
import KBGraph
import KBWriters
import XCTest

final class AttributionWriterTests: XCTestCase {
    let base = "https://kb.example.org/"

    /// The fixture (its INVITE attributed to a named source) with its MEET attributed to an unnamed one.
    func graph() -> KnowledgeGraph {
        var g = Fixture.graph()
        XCTAssertEqual(g.facts.first { $0.id == "f-0002" }?.attribution, Attribution(source: "plc-niger"))
        for k in g.facts.indices where g.facts[k].id == "f-0004" { g.facts[k].attribution = Attribution() }
        return g
    }

    func text(_ format: OutputFormat) throws -> String {
        String(decoding: try Fixture.write(format, graph()), as: UTF8.self)
    }

    func testGraphMLAndGEXFCarryTheAttributionAndStayValid() throws {
        let graphml = try Fixture.write(.graphml, graph())
        assertValid(graphml, try Schemas.ownGraphML(), "attributed.graphml")
        assertValid(graphml, try Schemas.officialGraphML(), "attributed.graphml")
        let g = String(decoding: graphml, as: UTF8.self)
        XCTAssertTrue(g.contains("<key id=\"attributed\" for=\"edge\" attr.name=\"attributed\" attr.type=\"boolean\"/>"), g)
        XCTAssertEqual(g.components(separatedBy: "<data key=\"attributed\">true</data>").count - 1, 2)
        XCTAssertEqual(g.components(separatedBy: "<data key=\"attributed_to\">plc-niger</data>").count - 1, 1)
        // a stated fact has no attribution column at all
        var stated = Fixture.graph()
        for k in stated.facts.indices { stated.facts[k].attribution = nil }
        XCTAssertFalse(String(decoding: try Fixture.write(.graphml, stated), as: UTF8.self).contains("<data key=\"attributed\">"))

        let gexf = try Fixture.write(.gexf, graph())
        assertValid(gexf, try Schemas.officialGEXF(), "attributed.gexf")
        let x = String(decoding: gexf, as: UTF8.self)
        XCTAssertTrue(x.contains("<attvalue for=\"attributed\" value=\"true\"/>"), x)
        XCTAssertTrue(x.contains("<attvalue for=\"attributed_to\" value=\"plc-niger\"/>"), x)
    }

    func testPicturesShowTheSource() throws {
        XCTAssertTrue(try text(.svg).contains("reported by plc-niger"))
        XCTAssertTrue(try text(.html).contains("reported by"))
    }

    func testRDFCarriesTheAttributionAndStaysValid() throws {
        let rdf = try Fixture.write(.rdfxml, graph())
        assertValid(rdf, try Schemas.ownRDFXML(), "attributed.rdf")
        assertValid(rdf, try Schemas.officialRDFXML(), "attributed.rdf")
        let nt = try text(.ntriples)
        let fact = "<\(base)fact/f-0002>"
        XCTAssertTrue(nt.contains("\(fact) <\(base)vocab#attributed> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> ."), nt)
        XCTAssertTrue(nt.contains("\(fact) <\(base)vocab#attributedTo> <\(base)entity/plc-niger> ."))
        // an unnamed source: attributed, no source
        XCTAssertTrue(nt.contains("<\(base)fact/f-0004> <\(base)vocab#attributed> "))
        XCTAssertFalse(nt.contains("<\(base)fact/f-0004> <\(base)vocab#attributedTo>"))
        XCTAssertFalse(nt.contains("<\(base)fact/f-0001> <\(base)vocab#attributed>"))
        let turtle = try text(.turtle)
        XCTAssertTrue(turtle.contains("attributedTo"))
    }

    func testFactsFileRoundTripsTheAttribution() throws {
        let g = graph()
        let data = Data(try FactsFile.lines(g).joined())
        let s = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(s.contains("\"attribution\":{\"source\":\"plc-niger\"}"), s)
        XCTAssertTrue(s.contains("\"attribution\":{}"), s)
        let back = try FactsFile.read(data: data, path: "attributed.jsonl")
        XCTAssertEqual(back.facts, g.facts)
        XCTAssertEqual(Data(try FactsFile.lines(back).joined()), data)
        // JSONDecoder (the slow path) reads it the same way
        let line = #"{"id":"f1","type":"MEET","subject":"a","object":"b","attribution":{"source":"c"},"provenance":{"documentID":"d","sentenceBegin":0,"sentenceEnd":1,"sentence":"x","spanBegin":0,"spanEnd":1},"evidence":[{"documentID":"d","sentenceBegin":0,"sentenceEnd":1,"sentence":"x","spanBegin":0,"spanEnd":1,"attribution":{}}]}"#
        let f = try JSONDecoder().decode(Fact.self, from: Data(line.utf8))
        XCTAssertEqual(f.attribution, Attribution(source: "c"))
        XCTAssertEqual(f.evidence.first?.attribution, Attribution())
    }

    /// A merged event is attributed only when every report attributes it.
    func testMergingKeepsAttributionOnlyWhenEveryReportIsAttributed() {
        func report(_ id: String, _ begin: Int, _ a: Attribution?) -> Fact {
            Fact(id: id, type: "MEET", subject: "p1", object: "p2", attribution: a,
                 provenance: Provenance(documentID: "d", sentenceBegin: begin, sentenceEnd: begin + 5, sentence: "x",
                                        spanBegin: begin, spanEnd: begin + 5),
                 rule: "meet.verb", confidence: 0.7)
        }
        let mixed = EventMerging.merge([report("f1", 0, Attribution(source: "o1")), report("f2", 10, nil)])
        XCTAssertEqual(mixed.count, 1)
        XCTAssertNil(mixed[0].attribution)
        XCTAssertEqual(mixed[0].evidence.map(\.attribution), [Attribution(source: "o1"), nil])
        let reported = EventMerging.merge([report("f1", 0, Attribution(source: "o1")), report("f2", 10, Attribution())])
        XCTAssertEqual(reported.first?.attribution, Attribution(source: "o1"))
    }
}

import KBGraph
import KBWriters
import KBXML
import XCTest

final class GraphMLWriterTests: XCTestCase {
    let ns = "http://graphml.graphdrawing.org/xmlns"

    func testValidatesAgainstOwnAndOfficialSchemas() throws {
        let bytes = try Fixture.write(.graphml)
        assertValid(bytes, try Schemas.ownGraphML(), "fixture.graphml")
        assertValid(bytes, try Schemas.officialGraphML(), "fixture.graphml")
        let compact = try Fixture.write(.graphml, options: ExportOptions(indent: false))
        assertValid(compact, try Schemas.ownGraphML(), "compact.graphml")
        assertValid(compact, try Schemas.officialGraphML(), "compact.graphml")
        XCTAssertEqual(XMLDocumentCheck.wellFormedErrors(bytes: try Fixture.write(.graphml, KnowledgeGraph()), name: "empty"), [])
        assertValid(try Fixture.write(.graphml, KnowledgeGraph()), try Schemas.ownGraphML(), "empty.graphml")
    }

    func testHeaderAtByteZeroAndRootNamespace() throws {
        let bytes = try Fixture.write(.graphml)
        XCTAssertTrue(bytes.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)))
        XCTAssertTrue(bytes.contains("<graphml xmlns=\"\(ns)\">"))
    }

    func testDeterministic() throws {
        XCTAssertEqual(try Fixture.write(.graphml), try Fixture.write(.graphml))
        let options = ExportOptions(preferEnglishLabels: true, indent: false)
        XCTAssertEqual(try Fixture.write(.graphml, options: options), try Fixture.write(.graphml, options: options))
    }

    func testShape() throws {
        let root = try XMLNode.parse(Fixture.write(.graphml))
        XCTAssertEqual(root.name, "graphml")
        XCTAssertEqual(root.children.map(\.name), Array(repeating: "key", count: 34) + ["graph"])
        let keys = root.all("key")
        XCTAssertEqual(Set(keys.compactMap { $0["id"] }).count, keys.count, "key ids are unique")
        for key in keys {
            XCTAssertTrue(["node", "edge"].contains(key["for"]))
            XCTAssertTrue(["boolean", "int", "long", "float", "double", "string"].contains(key["attr.type"]))
            XCTAssertNotNil(key["attr.name"]?.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression))
        }
        let special: Set = ["size", "x", "y", "z", "color", "r", "g", "b", "id", "timeset"]
        XCTAssertTrue(keys.allSatisfy { !special.contains($0["id"]!) && !special.contains($0["attr.name"]!) })
        XCTAssertEqual(keys.filter { $0["attr.name"] == "label" }.map { $0["for"]! }, ["node", "edge"])

        let graph = try XCTUnwrap(root.first("graph"))
        XCTAssertEqual(graph.attributes, ["id": "G", "edgedefault": "directed"])
        XCTAssertEqual(graph.children.map(\.name), Array(repeating: "node", count: 7) + Array(repeating: "edge", count: 4))
        for edge in graph.all("edge") {
            XCTAssertEqual(Set(edge.attributes.keys), ["id", "source", "target"])
        }
        for element in graph.children {
            for data in element.children {
                XCTAssertEqual(data.name, "data")
                XCTAssertFalse(data.text.allSatisfy(\.isWhitespace), "no blank <data> (\(element["id"]!)/\(data["key"]!))")
            }
        }
        let bytes = try Fixture.write(.graphml)
        XCTAssertFalse(bytes.contains("<desc"))
        XCTAssertFalse(bytes.contains("directed=\"true\""))
        XCTAssertFalse(bytes.contains("<default"))
    }

    func testNodeAndEdgeValues() throws {
        let graph = try XCTUnwrap(XMLNode.parse(Fixture.write(.graphml)).first("graph"))
        let nodes = Dictionary(uniqueKeysWithValues: graph.all("node").map { ($0["id"]!, data($0)) })
        let edges = Dictionary(uniqueKeysWithValues: graph.all("edge").map { ($0["id"]!, ($0, data($0))) })

        XCTAssertEqual(graph.all("node").map { $0["id"]! },
                       ["dat-2018-08-07", "org-tricky", "org-un", "per-issoufou", "per-khalifa-haftar", "plc-niamey", "plc-niger"])
        XCTAssertEqual(nodes["per-khalifa-haftar"], [
            "label": "خليفة حفتر", "label_ar": "خليفة حفتر", "label_en": "Khalifa Haftar", "type": "PERSON",
            "surface_forms": "المشير خليفة حفتر | حفتر | خليفة حفتر", "mentions": "3", "documents": "doc-a",
            "in_gazetteer": "true",
        ])
        XCTAssertEqual(nodes["plc-niamey"]?["wikidata"], "Q3674")
        XCTAssertEqual(nodes["plc-niamey"]?["subtype"], "city")
        XCTAssertEqual(nodes["dat-2018-08-07"]?["type"], "DATE")
        // Trimmed, line break collapsed; blank surface forms and absent documents left out.
        XCTAssertEqual(nodes["org-un"], ["label": "الأمم المتحدة", "label_ar": "الأمم المتحدة", "type": "ORGANIZATION",
                                         "mentions": "0", "in_gazetteer": "false"])

        let (full, fullData) = try XCTUnwrap(edges["f-0001"])
        XCTAssertEqual(full.attributes, ["id": "f-0001", "source": "per-khalifa-haftar", "target": "plc-niamey"])
        XCTAssertEqual(fullData, [
            "label": "VISIT", "relation": "VISIT", "date": "2018-08-07", "weight": "0.855", "confidence": "0.855",
            "modality": "planned", "role": "المشير", "place": "plc-niger", "evidence": Fixture.sentenceA,
            "document": "doc-a", "char_begin": "4", "char_end": "31", "rule": "visit.arrive-to", "fact_id": "f-0001",
            "date_precision": "day", "reported": "2018-08-07", "support": "1", "documents": "doc-a",
        ])
        let (_, bare) = try XCTUnwrap(edges["f-0002"])
        XCTAssertEqual(Set(bare.keys), ["label", "relation", "weight", "confidence", "modality", "evidence", "document",
                                        "char_begin", "char_end", "rule", "fact_id", "reported", "support", "documents",
                                        "attributed", "attributed_to"])
        XCTAssertEqual(bare["modality"], "asserted")
        XCTAssertEqual(bare["attributed"], "true")
        XCTAssertEqual(bare["attributed_to"], "plc-niger")
        XCTAssertEqual(edges["f-0003"]?.1["evidence"], "أكد محمدو يوسفو، رئيس النيجر، أن اللقاء كان مثمرا.")
        XCTAssertEqual(edges["f-0003"]?.1["weight"], "1.0")
        XCTAssertEqual(edges["f-0003"]?.1["support"], "2", "a merged fact: its reports")
        XCTAssertEqual(edges["f-0003"]?.1["documents"], "doc-a | doc-b")
        XCTAssertEqual(edges["f-0003"]?.1["reported"], "2018-08-07", "the first publication date of its documents")
        XCTAssertEqual(edges["f-0003"]?.1["date_precision"], "year")
        XCTAssertEqual(edges["f-0003"]?.1["all_evidence"], "أكد محمدو يوسفو، رئيس النيجر، أن اللقاء كان مثمرا. | " + Fixture.sentenceA,
                       "every report's sentence of a merged fact")
        XCTAssertNil(edges["f-0001"]?.1["all_evidence"])
        XCTAssertEqual(edges["f-0004"]?.1["weight"], "0.333")
        XCTAssertNil(edges["f-0004"]?.1["evidence"], "whitespace-only evidence is left out")
        XCTAssertEqual(edges["f-0004"]?.1["date"], "--08-07")
    }

    func testLabelsRoundTripByteForByte() throws {
        let bytes = try Fixture.write(.graphml)
        let graph = try XCTUnwrap(XMLNode.parse(bytes).first("graph"))
        let tricky = try XCTUnwrap(graph.all("node").first { $0["id"] == "org-tricky" })
        let values = data(tricky)
        XCTAssertEqual(Array(values["label_ar"]!.utf8), Array(Fixture.trickyLabelOut.utf8))
        XCTAssertEqual(Array(values["label"]!.utf8), Array(Fixture.trickyLabelOut.utf8))
        XCTAssertEqual(values["label_en"], "Al-Amal & Co. <new>")
        XCTAssertEqual(values["surface_forms"], Fixture.trickyLabelOut + " | الأمل")
        XCTAssertFalse(bytes.contains(0x1B), "ESC must not reach the output")
        XCTAssertTrue(bytes.contains("\u{200F}شركة &amp; &lt;الأمل&gt;"), "escaped once, bidi mark kept as UTF-8")
        for (key, value) in [("label", "خليفة حفتر"), ("label_ar", "نيامي"), ("label_ar", "النيجر")] {
            XCTAssertTrue(bytes.contains("<data key=\"\(key)\">\(value)</data>"), value)
        }
    }

    func testPreferEnglishLabels() throws {
        let graph = try XCTUnwrap(XMLNode.parse(Fixture.write(.graphml, options: ExportOptions(preferEnglishLabels: true)))
            .first("graph"))
        let labels = Dictionary(uniqueKeysWithValues: graph.all("node").map { ($0["id"]!, data($0)["label"]) })
        XCTAssertEqual(labels["per-khalifa-haftar"], "Khalifa Haftar")
        XCTAssertEqual(labels["per-issoufou"], "محمدو يوسفو", "Arabic when no English label")
    }

    func testRefusesDanglingAndInvalidIDsWithoutWriting() throws {
        var g = Fixture.graph()
        g.facts[1].object = "per-nobody"
        let sink = MemorySink()
        XCTAssertThrowsError(try GraphMLWriter(options: ExportOptions()).write(g, to: sink)) { error in
            XCTAssertEqual(error as? WriterError, .danglingReference(fact: g.facts[1].id, field: "object", id: "per-nobody"))
            XCTAssertTrue("\(error)".contains(g.facts[1].id))
        }
        XCTAssertEqual(sink.bytes, [], "nothing written for a refused graph")

        g = Fixture.graph()
        g.facts[0].place = "plc-atlantis"
        XCTAssertThrowsError(try Fixture.write(.graphml, g)) {
            XCTAssertEqual($0 as? WriterError, .danglingReference(fact: "f-0001", field: "place", id: "plc-atlantis"))
        }
        g = Fixture.graph()
        g.entities[0].id = "dat 2018"
        XCTAssertThrowsError(try Fixture.write(.graphml, g)) {
            XCTAssertEqual($0 as? WriterError, .invalidIdentifier(kind: "entity", id: "dat 2018"))
        }
        g = Fixture.graph()
        g.facts[1].id = g.facts[0].id
        XCTAssertThrowsError(try Fixture.write(.graphml, g)) {
            XCTAssertEqual($0 as? WriterError, .duplicateIdentifier(kind: "fact", id: "f-0001"))
        }
    }

    /// Each rule of the Gephi notes that the profile schema enforces, broken once in an otherwise valid file.
    func testOwnSchemaRejectsBrokenDocuments() throws {
        let xsd = try Schemas.ownGraphML()
        let valid = String(decoding: try Fixture.write(.graphml), as: UTF8.self)
        let firstKey = "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
        let cases: [(String, String)] = [
            ("key after graph", mutate(mutate(valid, firstKey + "\n", ""), "</graph>\n", "</graph>\n  " + firstKey + "\n")),
            ("for=all", mutate(valid, "for=\"node\"", "for=\"all\"")),
            ("for=graph", mutate(valid, "for=\"node\"", "for=\"graph\"")),
            ("attr.type integer", mutate(valid, "attr.type=\"int\"", "attr.type=\"integer\"")),
            ("attr.name with a space", mutate(valid, "attr.name=\"label_ar\"", "attr.name=\"label ar\"")),
            ("missing attr.type", mutate(valid, " attr.type=\"boolean\"", "")),
            ("per-edge directed", mutate(valid, "<edge id=\"f-0002\"", "<edge directed=\"true\" id=\"f-0002\"")),
            ("gephi edge label", mutate(valid, "<edge id=\"f-0002\"", "<edge label=\"INVITE\" id=\"f-0002\"")),
            ("data with a child element", mutate(valid, "<data key=\"rule\">invite.bida3wa</data>",
                                                 "<data key=\"rule\"><b>invite</b></data>")),
            ("empty data", mutate(valid, "<data key=\"rule\">invite.bida3wa</data>", "<data key=\"rule\"></data>")),
            ("blank data", mutate(valid, "<data key=\"rule\">invite.bida3wa</data>", "<data key=\"rule\">  </data>")),
            ("edge missing target", mutate(valid, " target=\"per-khalifa-haftar\"", "")),
            ("edge missing id", mutate(valid, "<edge id=\"f-0002\"", "<edge")),
            ("dangling target", mutate(valid, "target=\"per-khalifa-haftar\"", "target=\"per-nobody\"")),
            ("undeclared data key", mutate(valid, "<data key=\"rule\">invite", "<data key=\"d9\">invite")),
            ("duplicate node id", mutate(valid, "<node id=\"org-un\">", "<node id=\"org-tricky\">")),
            ("node id with a space", mutate(valid, "<node id=\"org-un\">", "<node id=\"org un\">")),
            ("undirected graph", mutate(valid, "edgedefault=\"directed\"", "edgedefault=\"undirected\"")),
            ("desc in a node", mutate(valid, "<node id=\"org-un\">", "<node id=\"org-un\"><desc>x</desc>")),
            ("node after edge", mutate(valid, "</graph>", "<node id=\"late\"/></graph>")),
            ("no namespace", mutate(valid, " xmlns=\"\(ns)\"", "")),
        ]
        for (label, text) in cases { assertInvalid(text, xsd, label) }
        // The official schema accepts some of these: the profile is stricter on purpose.
        assertValid(Array(cases.first { $0.0 == "for=all" }!.1.utf8), try Schemas.officialGraphML(), "for=all (official)")
    }

    private func data(_ element: XMLNode) -> [String: String] {
        let keys = Dictionary(uniqueKeysWithValues: (GraphMLWriter.nodeKeys + GraphMLWriter.edgeKeys).map { ($0.id, $0.name) })
        return Dictionary(uniqueKeysWithValues: element.all("data").map { (keys[$0["key"]!]!, $0.text) })
    }
}

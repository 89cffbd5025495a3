// The seeds in every RDF format: the N-Triples output is the RDF/XML output's graph (rdf-roundtrip.sh with
// our .nt as the expected graph), the Turtle reads to the same graph in rapper, rdflib and pyoxigraph, the
// RDF → GraphML mapping loads in networkx/igraph and validates, and the seed questions answered with SPARQL
// on pyoxigraph (in-process) and Virtuoso (over HTTP, VirtuosoTests.swift) match the knowledge graph.

import Foundation
import KBGraph
import KBRDF
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class SeedsInteropTests: XCTestCase {
    func testNTriplesIsTheRDFXMLGraph() throws {
        try requireConsumer(Command.which("rapper") != nil, "rapper (raptor2-utils)")
        try requireConsumer(Command.python(has: ["rdflib", "pyoxigraph"]), "python3 with rdflib and pyoxigraph")
        let run = try InteropRun.get()
        guard let trip = try run.roundTrips().first(where: { $0.name == "seeds" }) else { return XCTFail("no seeds round trip") }
        XCTAssertTrue(trip.passed, trip.output)
        XCTAssertEqual(trip.consumers, ["expat": true, "rapper": true, "rdflib": true, "pyoxigraph": true], trip.output)
    }

    func testTurtleAndNTriplesReadBackInConsumers() throws {
        try requireConsumer(Command.which("rapper") != nil, "rapper (raptor2-utils)")
        try requireConsumer(Command.python(has: ["rdflib", "pyoxigraph", "networkx", "igraph"]),
                                    "python3 with rdflib, pyoxigraph, networkx and igraph")
        let run = try InteropRun.get()
        let results = try run.consumerResults().filter {
            [run.seeds.nt.path, run.seeds.ttl.path, run.seeds.rdfGraphml.path].contains($0.file)
        }
        XCTAssertEqual(results.count, 3 + 3 + 2)
        for r in results { XCTAssertTrue(r.ok, "\(r.consumer) \(r.format): \(r.message)") }
    }

    /// N-Triples: sorted, unique, one triple per line, deterministic; Turtle declares the RDF/XML prefixes.
    func testCanonicalAndDeterministic() throws {
        let run = try InteropRun.get()
        let nt = try String(contentsOf: run.seeds.nt, encoding: .utf8)
        let lines = nt.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertTrue(nt.hasSuffix(" .\n"))
        XCTAssertEqual(lines, lines.sorted(by: RDFExact.less))
        XCTAssertEqual(Set(lines).count, lines.count)
        for format in [OutputFormat.ntriples, .turtle, .rdfxml] {
            let a = MemorySink(), b = MemorySink()
            try format.makeWriter(options: ExportOptions()).write(run.seeds.graph, to: a)
            try format.makeWriter(options: ExportOptions()).write(run.seeds.graph, to: b)
            XCTAssertEqual(a.bytes, b.bytes, "\(format) is deterministic")
        }
        let ttl = try String(contentsOf: run.seeds.ttl, encoding: .utf8)
        for (prefix, ns) in Namespaces.standard(vocabulary: "https://kb.example.org/vocab#") {
            XCTAssertTrue(ttl.contains("@prefix \(prefix): <\(ns)> .\n"), prefix)
        }
        XCTAssertTrue(ttl.contains(" a schema:Person"))
        // Same triple count everywhere: N-Triples lines = RDF/XML read back = the mapping's triples.
        let mapped = try RDFGraphMapping.descriptions(of: run.seeds.graph, options: ExportOptions()).descriptions.flatMap(\.triples)
        XCTAssertEqual(Set(mapped).count, lines.count)
        XCTAssertEqual(try RDFXMLReader.read(path: run.seeds.rdfxml.path).count, lines.count)
    }

    /// The RDF → GraphML mapping (docs/rdf-to-graphml.md) on the seeds: valid GraphML, Arabic labels first.
    func testGraphMLFromRDF() throws {
        let run = try InteropRun.get()
        let bytes = Array(try Data(contentsOf: run.seeds.rdfGraphml))
        let shared = try Project.shared("schemas/graphml")
        let validator = try SchemaValidator(path: shared.appendingPathComponent("graphml.xsd").path, kind: .xsd,
                                            catalog: shared.appendingPathComponent("catalog.xml").path)
        XCTAssertEqual(validator.validate(bytes: bytes, name: "seeds-from-rdf.graphml").map(\.description), [])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"))
        XCTAssertTrue(text.contains("attr.name=\"schema_name\""))
        XCTAssertTrue(text.contains("<data key=\"relation\">schema:attendee</data>") || text.contains("<data key=\"relation\">kbv:subject</data>"))
        // Haftar's node: label in Arabic (preferred over @en), IRI, type.
        let haftar = try XCTUnwrap(text.range(of: "<data key=\"iri\">https://kb.example.org/entity/per-khalifa-haftar</data>"))
        let node = text[text[..<haftar.lowerBound].range(of: "<node ", options: .backwards)!.lowerBound..<haftar.upperBound]
        XCTAssertTrue(node.contains("<data key=\"label\">خليفة حفتر</data>"), String(node))
        // English first when asked.
        let sink = MemorySink()
        try RDFConversion.write(try NTriplesReader.read(path: run.seeds.nt.path), format: .graphml,
                                options: ExportOptions(preferEnglishLabels: true), to: sink)
        XCTAssertTrue(sink.string.contains("<data key=\"label\">Khalifa Haftar</data>"))
    }

    /// The seed questions on pyoxigraph (Tests/Consumers/sparql_seeds.py) give the answers the graph holds.
    func testSPARQLOnPyoxigraph() throws {
        try requireConsumer(Command.python(has: ["pyoxigraph"]), "python3 with pyoxigraph")
        let run = try InteropRun.get()
        let r = try Command.run("python3", [Project.root.appendingPathComponent("Tests/Consumers/sparql_seeds.py").path, run.seeds.rdfxml.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let answers = try XCTUnwrap(json["answers"] as? [String: [[String]]])
        let lines = try String(contentsOf: run.seeds.nt, encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(json["triples"] as? Int, lines)
        SeedQuestions.check(answers, graph: run.seeds.graph, store: "pyoxigraph")
        InteropReport.print("SPARQL on the seeds (pyoxigraph \(lines) triples, load \(json["load_seconds"] ?? "?") s)",
                            [InteropReport.Row(consumer: "pyoxigraph", format: "RDF/XML + SPARQL", files: "seeds (4 questions)",
                                               accepted: answers.count, rejected: 0, failed: 0)])
    }
}

/// The seed questions (Tests/Consumers/seed_queries.json) and the answers the knowledge graph itself gives.
enum SeedQuestions {
    struct Spec: Decodable {
        struct Query: Decodable { let question: String; let variables: [String]; let sparql: String }
        let prefixes: String
        let queries: [String: Query]
    }

    static func spec() throws -> Spec {
        try JSONDecoder().decode(Spec.self, from: Data(contentsOf: Project.root.appendingPathComponent("Tests/Consumers/seed_queries.json")))
    }

    /// What each query must return, computed from the model (not from RDF).
    static func expected(_ g: KnowledgeGraph) -> [String: Set<[String]>] {
        let entities = g.entityIndex()
        var out = [String: Set<[String]>]()
        out["visited_niamey"] = Set(g.facts.filter { $0.type == "VISIT" && ($0.object == "plc-niamey" || $0.place == "plc-niamey") }
            .map { [$0.subject, $0.date?.value ?? ""] })
        // The sentence node's anchorOf is the text of the first fact (in id order) with that span.
        var sentences = [String: String]()
        for f in g.facts {
            let key = "\(f.provenance.documentID)#\(f.provenance.sentenceBegin),\(f.provenance.sentenceEnd)"
            if sentences[key] == nil { sentences[key] = XMLText.sanitize(f.provenance.sentence).text }
        }
        out["haftar_facts"] = Set(g.facts.filter { [$0.subject, $0.object, $0.place].contains("per-khalifa-haftar") }.compactMap { f in
            let s = sentences["\(f.provenance.documentID)#\(f.provenance.sentenceBegin),\(f.provenance.sentenceEnd)"] ?? ""
            return s.allSatisfy(\.isWhitespace) ? nil : [f.id, f.type, s]
        })
        func nigerOrganisation(_ id: String) -> Bool {
            guard let e = entities[id], e.type == .organization else { return false }
            let en = e.labelEn ?? ""
            return e.labelAr.contains("النيجر") || (en.contains("Niger") && !en.contains("Nigeria"))
        }
        out["niger_government_roles"] = Set(g.facts.filter {
            $0.type == "HOLDS_ROLE" && entities[$0.subject]?.type == .person && ($0.object == "plc-niger" || nigerOrganisation($0.object))
        }.map { [$0.subject, $0.object] })
        out["confident_facts"] = Set(g.facts.filter { ($0.confidence * 1000).rounded() / 1000 > 0.8 }.map { [$0.id] })
        return out
    }

    /// Compares a store's answers (rows of the query variables) with the model's.
    static func check(_ answers: [String: [[String]]], graph: KnowledgeGraph, store: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        let expected = expected(graph)
        func rows(_ name: String, _ project: ([String]) -> [String]) -> Set<[String]> { Set((answers[name] ?? []).map(project)) }
        XCTAssertEqual(rows("visited_niamey") { $0 }, expected["visited_niamey"], "\(store): who visited Niamey", file: file, line: line)
        XCTAssertEqual(rows("haftar_facts") { $0 }, expected["haftar_facts"], "\(store): facts involving Haftar", file: file, line: line)
        XCTAssertEqual(rows("niger_government_roles") { [$0[0], $0[2]] }, expected["niger_government_roles"],
                       "\(store): roles in Niger's government", file: file, line: line)
        XCTAssertEqual(rows("confident_facts") { [$0[0]] }, expected["confident_facts"], "\(store): confidence > 0.8", file: file, line: line)
        // Fixed points of the seeds, whatever the extractor's details.
        XCTAssertTrue(rows("visited_niamey") { $0 }.contains(["per-khalifa-haftar", "2018-08-07"]),
                      "\(store): Haftar visited Niamey on 2018-08-07: \(answers["visited_niamey"] ?? [])", file: file, line: line)
        XCTAssertTrue((answers["haftar_facts"] ?? []).contains { $0[1] == "VISIT" && $0[2].contains("نيامي") },
                      "\(store): Haftar's visit comes with its sentence", file: file, line: line)
        XCTAssertTrue(rows("niger_government_roles") { [$0[0], $0[2]] }.contains(["per-mahamadou-issoufou", "plc-niger"]),
                      "\(store): Issoufou holds a role in Niger: \(answers["niger_government_roles"] ?? [])", file: file, line: line)
        for row in answers["confident_facts"] ?? [] {
            XCTAssertGreaterThan(Double(row[1]) ?? 0, 0.8, "\(store): \(row)", file: file, line: line)
        }
        XCTAssertFalse((answers["confident_facts"] ?? []).isEmpty, "\(store): some facts above 0.8", file: file, line: line)
    }
}

import Foundation
import KBFacts
import KBGraph
import KBTestSupport
import KBText
import KBWriters
import KBXML
import XCTest

/// The first vertical slice on the bundled seeds: `kbexport --format graphml|rdfxml` with no input,
/// validated against the project's schemas and the official ones, deterministic, and read by real consumers.
final class SeedExportTests: XCTestCase {
    nonisolated(unsafe) static var outputs: [String: URL] = [:]

    /// The cached exports' folders go when the class is done.
    override class func tearDown() {
        for u in outputs.values { try? FileManager.default.removeItem(at: u.deletingLastPathComponent()) }
        outputs = [:]
        super.tearDown()
    }

    /// Runs kbexport once per format (cached for the class).
    func export(_ format: String) throws -> URL {
        if let u = Self.outputs[format] { return u }
        let dir = try TempFolder("e2e").url
        let out = dir.appendingPathComponent("seeds.\(format)")
        let r = try Command.kbexport(["--format", format, "-o", out.path])
        XCTAssertEqual(r.status, 0, "kbexport --format \(format) failed: \(r.stderr)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path))
        Self.outputs[format] = out
        return out
    }

    func assertValid(_ file: URL, schema: String, kind: SchemaValidator.Kind, catalog: String? = nil,
                     file f: StaticString = #filePath, line: UInt = #line) throws {
        let v = try SchemaValidator(path: schema, kind: kind, catalog: catalog)
        let messages = v.validate(path: file.path)
        XCTAssertEqual(messages.count, 0, "\(file.lastPathComponent) against \(schema): \(messages.prefix(5))", file: f, line: line)
    }

    func testGraphMLPassesProjectAndOfficialSchemas() throws {
        let out = try export("graphml")
        let shared = try Project.shared()
        try assertValid(out, schema: Project.root.appendingPathComponent("Schemas/kbexport-graphml.xsd").path, kind: .xsd)
        try assertValid(out, schema: shared.appendingPathComponent("schemas/graphml/graphml.xsd").path, kind: .xsd,
                        catalog: shared.appendingPathComponent("schemas/graphml/catalog.xml").path)
    }

    func testRDFXMLPassesProjectAndOfficialSchemas() throws {
        let out = try export("rdfxml")
        let shared = try Project.shared()
        try assertValid(out, schema: Project.root.appendingPathComponent("Schemas/kbexport-rdfxml.rng").path, kind: .relaxNG)
        try assertValid(out, schema: shared.appendingPathComponent("schemas/rdfxml/rdfxml-rdf11.rng").path, kind: .relaxNG)
    }

    func testOutputStartsWithTheXMLDeclarationAndIsDeterministic() throws {
        for format in ["graphml", "rdfxml"] {
            let a = try Data(contentsOf: try export(format))
            XCTAssertTrue(a.starts(with: Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)), format)
            let r = try Command.kbexport(["--format", format])   // same job, to standard output
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdoutData, a, "\(format): two runs gave different bytes")
        }
    }

    func testGraphMLLoadsInNetworkxAndIgraph() throws {
        let out = try export("graphml")
        let python = Command.which("python3")
        let ok = python != nil && (try? Command.run(python!, ["-c", "import networkx, igraph"]).status) == 0
        try requireConsumer(ok, "python3 with networkx and igraph")
        // expected counts and labels from the library run of the same job: events merged, no DATE or isolated node
        let graph = try seedGraph().mergingEvents()
        let view = GraphView(options: ExportOptions(dateNodes: false, keepIsolated: false), entities: graph.entities, facts: graph.facts)
        var labels: [String: String] = [:]
        for e in view.nodes { labels[e.id] = e.labelAr }
        let edges = graph.facts.filter(view.keeps).count
        let expected: [String: Any] = ["nodes": view.nodes.count, "edges": edges, "labels": labels,
                                       "int_keys": ["mentions"], "double_keys": ["weight", "confidence"]]
        let exp = out.deletingLastPathComponent().appendingPathComponent("expected.json")
        try JSONSerialization.data(withJSONObject: expected).write(to: exp)
        let r = try Command.run(python!, [Project.root.appendingPathComponent("Tests/Consumers/check_graphml.py").path, out.path, exp.path])
        XCTAssertEqual(r.status, 0, String(decoding: r.stdout, as: UTF8.self) + r.stderr)
    }

    func testRDFXMLParsesInRapperRdflibAndOxigraph() throws {
        let out = try export("rdfxml")
        let rapper = Command.which("rapper")
        try requireConsumer(rapper != nil, "rapper (raptor2-utils)")
        let base = "https://kb.example.org/"
        let r = try Command.run(rapper!, ["-i", "rdfxml", "-c", out.path, base])
        XCTAssertEqual(r.status, 0, "rapper exit \(r.status) (2 = warnings): \(r.stderr)")
        let count = r.stderr.split(separator: " ").compactMap { Int($0) }.last ?? -1
        XCTAssertGreaterThan(count, 100, r.stderr)
        let python = Command.which("python3")
        let ok = python != nil && (try? Command.run(python!, ["-c", "import rdflib, pyoxigraph"]).status) == 0
        try requireConsumer(ok, "python3 with rdflib and pyoxigraph")
        let p = try Command.run(python!, [Project.root.appendingPathComponent("Tests/Consumers/check_rdfxml.py").path, out.path, base, String(count)])
        XCTAssertEqual(p.status, 0, String(decoding: p.stdout, as: UTF8.self) + p.stderr)
    }

    /// Haftar is one node linked to Niamey, Benghazi, Niger's junta and Russia through typed, dated, sourced facts.
    func testHaftarIsOneNodeLinkedToNiameyBenghaziTheJuntaAndRussia() throws {
        let graph = try seedGraph()
        let haftars = graph.entities.filter { $0.type == .person && $0.labelAr.contains("خليفة") && $0.labelAr.contains("حفتر") }
        XCTAssertEqual(haftars.count, 1, "Khalifa Haftar nodes: \(haftars.map(\.id))")
        guard let haftar = haftars.first else { return }
        XCTAssertEqual(Set(haftar.documents).count, 2, "Haftar should be linked across both seeds")
        let index = graph.entityIndex()
        let facts = graph.facts.filter { $0.subject == haftar.id || $0.object == haftar.id }
        func other(_ f: Fact) -> Entity? { index[f.subject == haftar.id ? f.object : f.subject] }
        func linked(_ test: (Entity) -> Bool) -> [Fact] { facts.filter { other($0).map(test) ?? false } }

        let niamey = linked { $0.labelAr.contains("نيامي") }
        XCTAssertFalse(niamey.isEmpty, "no fact links Haftar to Niamey")
        XCTAssertTrue(niamey.contains { $0.type == "VISIT" && $0.date?.value == "2018-08-07" }, "no dated VISIT to Niamey: \(niamey.map(\.type))")
        XCTAssertFalse(linked { $0.labelAr.contains("بنغازي") }.isEmpty, "no fact links Haftar to Benghazi")
        XCTAssertFalse(linked { $0.type == .organization && $0.labelAr.contains("المجلس العسكري") || $0.labelEn?.contains("Safeguard") == true }.isEmpty,
                       "no fact links Haftar to Niger's junta")
        XCTAssertFalse(linked { $0.labelEn == "Russia" || $0.labelAr == "روسيا" }.isEmpty, "no fact links Haftar to Russia")
        for f in facts {
            XCTAssertFalse(f.type.isEmpty)
            XCTAssertFalse(f.rule.isEmpty)
            XCTAssertTrue((0...1).contains(f.confidence))
            XCTAssertFalse(f.provenance.sentence.isEmpty, "fact \(f.id) has no source sentence")
        }
    }

    /// Provenance offsets point at the real text: the sentence is the slice of the source file.
    func testProvenanceOffsetsPointIntoTheSourceText() throws {
        let graph = try seedGraph()
        var texts: [String: SourceText] = [:]
        for d in graph.documents {
            let f = InputFile(path: d.path, displayPath: d.path)
            texts[d.id] = try InputReader.load(f, documentID: d.id)
        }
        XCTAssertFalse(graph.facts.isEmpty)
        for f in graph.facts {
            guard let src = texts[f.provenance.documentID] else { XCTFail("unknown document"); continue }
            let slice = src.slice(f.provenance.sentenceBegin, f.provenance.sentenceEnd)
            let flat = String(String.UnicodeScalarView(slice.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
            XCTAssertEqual(flat, f.provenance.sentence, "fact \(f.id)")
            XCTAssertLessThanOrEqual(f.provenance.sentenceBegin, f.provenance.spanBegin)
            XCTAssertLessThanOrEqual(f.provenance.spanEnd, f.provenance.sentenceEnd)
        }
        for m in graph.mentions {
            guard let src = texts[m.documentID] else { continue }
            let flat = String(String.UnicodeScalarView(src.slice(m.begin, m.end).unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
            XCTAssertEqual(flat, m.text, "mention of \(m.entityID)")
        }
    }

    /// Extraction and export can run apart: seeds → facts file → any format gives the same bytes as the
    /// direct export.
    func testFactsFileSplitsExtractionFromExport() throws {
        let dir = try TempFolder("e2e").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let facts = dir.appendingPathComponent("seeds.jsonl")
        let r = try Command.kbexport(["--format", "jsonl", "-o", facts.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        for format in ["graphml", "gexf", "rdfxml", "ntriples"] {
            let direct = try Command.kbexport(["--format", format])
            let viaFile = try Command.kbexport(["--from", "jsonl", facts.path, "--format", format])
            XCTAssertEqual(viaFile.status, 0, viaFile.stderr)
            XCTAssertEqual(viaFile.stdout, direct.stdout, format)
        }
        let bad = try Command.kbexport(["--from", "jsonl", "-", "--format", "graphml"], stdin: Array("{\"record\":\"entity\"}\n".utf8))
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("<stdin>:1:"), bad.stderr)
    }

    /// Issue 6: `--from jsonl` streams kbexport's own facts file into GraphML and RDF/XML and writes the bytes the
    /// direct export writes; a file in another order is read whole, with the same result.
    func testFactsFileExportGivesTheDirectExportsBytes() throws {
        let dir = try TempFolder("e2e").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let facts = dir.appendingPathComponent("seeds.jsonl")
        let r = try Command.kbexport(["--format", "jsonl", "-o", facts.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try String(contentsOf: facts, encoding: .utf8).split(separator: "\n").map { $0 + "\n" }
        let reversed = dir.appendingPathComponent("reversed.jsonl")
        try Data(lines.reversed().joined().utf8).write(to: reversed)
        for format in ["graphml", "gexf", "rdfxml", "turtle"] {
            let direct = try Data(contentsOf: try export(format))
            for input in [facts, reversed] {
                let out = dir.appendingPathComponent("from-\(input.lastPathComponent).\(format)")
                let run = try Command.kbexport(["--from", "jsonl", input.path, "--format", format, "-o", out.path])
                XCTAssertEqual(run.status, 0, run.stderr)
                XCTAssertEqual(try Data(contentsOf: out), direct, "\(format) from \(input.lastPathComponent)")
            }
        }
        // An error found while streaming: exit 1, the line named, no output file left.
        let dangling = dir.appendingPathComponent("dangling.jsonl")
        let bad = lines.last!.replacingOccurrences(of: "\"subject\":\"", with: "\"subject\":\"zz-")
        try Data((lines.dropLast().joined() + bad).utf8).write(to: dangling)
        let out = dir.appendingPathComponent("dangling.rdf")
        let run = try Command.kbexport(["--from", "jsonl", dangling.path, "--format", "rdfxml", "-o", out.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("dangling.jsonl:\(lines.count):"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func seedGraph() throws -> KnowledgeGraph {
        let (files, errors) = InputReader.collect([Project.root.appendingPathComponent("seeds").path])
        XCTAssertEqual(errors.count, 0)
        XCTAssertEqual(files.count, 2)
        let r = Pipeline.run(files: files)
        XCTAssertEqual(r.errors.count, 0)
        return r.graph
    }
}

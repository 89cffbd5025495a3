// Reads the exports back with the consumers users have: rapper (raptor2-utils) and rdflib for RDF/XML,
// networkx and igraph for GraphML. A missing tool skips its test, unless KB_REQUIRE_CONSUMERS=1 is set
// (CI), in which case it fails. Install: apt-get install raptor2-utils; pip install rdflib networkx igraph.

import Foundation
import KBTestSupport
import KBWriters
import XCTest

final class ConsumerTests: XCTestCase {
    let base = "https://kb.example.org/"

    func testRapperParsesRDFXML() throws {
        try require(executable: "rapper", install: "apt-get install raptor2-utils")
        let bytes = try Fixture.write(.rdfxml)
        let path = try temporaryFile(bytes, "fixture.rdf")
        let r = try run("rapper", ["-q", "-i", "rdfxml", "-o", "ntriples", path, base])
        XCTAssertEqual(r.status, 0, "rapper failed:\n\(r.stderr)")
        XCTAssertEqual(r.stderr, "", "rapper warned")
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, try propertyElementCount(bytes), "one triple per property element")
        XCTAssertTrue(lines.contains("<\(base)entity/per-khalifa-haftar> <http://schema.org/name> \"\\u062E\\u0644\\u064A\\u0641\\u0629 \\u062D\\u0641\\u062A\\u0631\"@ar .")
                      || lines.contains("<\(base)entity/per-khalifa-haftar> <http://schema.org/name> \"خليفة حفتر\"@ar ."),
                      "Arabic name triple")
        XCTAssertTrue(lines.contains("<\(base)fact/f-0001> <\(base)vocab#confidence> \"0.855\"^^<http://www.w3.org/2001/XMLSchema#decimal> ."))
    }

    func testRdflibParsesRDFXML() throws {
        try require(python: "rdflib", install: "pip install rdflib")
        let bytes = try Fixture.write(.rdfxml)
        let path = try temporaryFile(bytes, "fixture.rdf")
        let script = """
        import json, sys, rdflib
        g = rdflib.Graph().parse(sys.argv[1], format="xml")
        S = rdflib.Namespace("http://schema.org/")
        e = rdflib.URIRef(sys.argv[2] + "entity/org-tricky")
        names = sorted((str(o), o.language) for o in g.objects(e, S.name))
        events = len(set(g.subjects(rdflib.RDF.type, S.Event)))
        conf = [str(o.datatype) + " " + str(o) for o in g.objects(rdflib.URIRef(sys.argv[2] + "fact/f-0001"),
                rdflib.URIRef(sys.argv[2] + "vocab#confidence"))]
        print(json.dumps({"triples": len(g), "names": names, "events": events, "confidence": conf}))
        """
        let r = try run("python3", ["-c", script, path, base])
        XCTAssertEqual(r.status, 0, "rdflib failed:\n\(r.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(result?["triples"] as? Int, try propertyElementCount(bytes))
        let names = (result?["names"] as? [[String]]) ?? []
        XCTAssertEqual(Set(names.map { $0.joined(separator: "@") }),
                       [Fixture.trickyLabelOut + "@ar", "Al-Amal & Co. <new>@en"])
        XCTAssertEqual(result?["events"] as? Int, 4)
        XCTAssertEqual(result?["confidence"] as? [String], ["http://www.w3.org/2001/XMLSchema#decimal 0.855"])
    }

    func testNetworkxReadsGraphML() throws {
        try require(python: "networkx", install: "pip install networkx")
        let path = try temporaryFile(Fixture.write(.graphml), "fixture.graphml")
        let script = """
        import json, sys, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        e = g.get_edge_data("per-khalifa-haftar", "plc-niamey")
        print(json.dumps({"directed": g.is_directed(), "multi": g.is_multigraph(), "nodes": g.number_of_nodes(),
                          "edges": g.number_of_edges(), "label": g.nodes["org-tricky"]["label"],
                          "mentions": g.nodes["per-khalifa-haftar"]["mentions"],
                          "gazetteer": g.nodes["plc-niamey"]["in_gazetteer"],
                          "weight": e["weight"], "relation": e["label"], "char_end": e["char_end"]}))
        """
        let r = try run("python3", ["-c", script, path])
        XCTAssertEqual(r.status, 0, "networkx failed:\n\(r.stderr)")
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(result["directed"] as? Bool, true)
        XCTAssertEqual(result["nodes"] as? Int, 7)
        XCTAssertEqual(result["edges"] as? Int, 4)
        XCTAssertEqual(result["label"] as? String, Fixture.trickyLabelOut)
        XCTAssertEqual(result["mentions"] as? Int, 3)
        XCTAssertEqual(result["gazetteer"] as? Bool, true)
        XCTAssertEqual(result["weight"] as? Double, 0.855)
        XCTAssertEqual(result["relation"] as? String, "VISIT")
        XCTAssertEqual(result["char_end"] as? Int, 31)
    }

    func testIgraphReadsGraphML() throws {
        try require(python: "igraph", install: "pip install igraph")
        let path = try temporaryFile(Fixture.write(.graphml), "fixture.graphml")
        let script = """
        import json, sys, igraph
        g = igraph.Graph.Read_GraphML(sys.argv[1])
        v = g.vs.find(id="org-tricky")
        print(json.dumps({"directed": g.is_directed(), "nodes": g.vcount(), "edges": g.ecount(),
                          "label": v["label"], "types": sorted(set(g.vs["type"])), "weights": sorted(g.es["weight"]),
                          "fact_ids": sorted(g.es["fact_id"])}))
        """
        let r = try run("python3", ["-c", script, path])
        XCTAssertEqual(r.status, 0, "igraph failed:\n\(r.stderr)")
        XCTAssertEqual(r.stderr, "", "igraph warned")
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(result["directed"] as? Bool, true)
        XCTAssertEqual(result["nodes"] as? Int, 7)
        XCTAssertEqual(result["edges"] as? Int, 4)
        XCTAssertEqual(result["label"] as? String, Fixture.trickyLabelOut)
        XCTAssertEqual(result["types"] as? [String], ["DATE", "ORGANIZATION", "PERSON", "PLACE"])
        XCTAssertEqual(result["weights"] as? [Double], [0.333, 0.7, 0.855, 1.0])
        XCTAssertEqual(result["fact_ids"] as? [String], ["f-0001", "f-0002", "f-0003", "f-0004"])
    }

    // MARK: - Helpers

    private func require(executable: String, install: String) throws {
        try Command.requireConsumer(Command.which(executable) != nil, "\(executable) (\(install))") { XCTSkip($0) }
    }

    private func require(python module: String, install: String) throws {
        try Command.requireConsumer(Command.python(has: [module]), "python3 module \(module) (\(install))") { XCTSkip($0) }
    }

    private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try Command.run(program, arguments)
        return (r.status, r.stdoutText, r.stderr)
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kbwriters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func temporaryFile(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Property elements in an RDF/XML export: each is exactly one triple in kbexport's profile.
    private func propertyElementCount(_ bytes: [UInt8]) throws -> Int {
        try XMLNode.parse(bytes).all("rdf:Description").reduce(0) { $0 + $1.children.count }
    }
}

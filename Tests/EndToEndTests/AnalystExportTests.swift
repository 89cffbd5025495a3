import Foundation
import KBFacts
import KBGraph
import KBTestSupport
import KBText
import KBXML
import XCTest

/// Issue 13 on the bundled seeds: one edge per event, a clean graph (no DATE node, no isolated node), GEXF with a
/// timeline that validates and loads in networkx, and the options that bring the old shape back.
final class AnalystExportTests: XCTestCase {
    struct Edge { var source, target, relation, date, place, modality: String; var support: Int }

    func graphml(_ args: [String]) throws -> (nodes: [String: String], edges: [Edge]) {
        let r = try Command.kbexport(["--format", "graphml"] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = r.stdoutText
        // a small reader: keys by attr.name, node types, edge data
        var keyName = [String: String]()
        for m in text.matches(of: /<key id="([^"]+)" for="[a-z]+" attr.name="([^"]+)"/) { keyName[String(m.1)] = String(m.2) }
        var nodes = [String: String](), edges = [Edge]()
        for block in text.components(separatedBy: "<node id=\"").dropFirst() {
            let id = String(block.prefix { $0 != "\"" })
            nodes[id] = block.firstMatch(of: /<data key="type">([^<]*)</).map { String($0.1) } ?? ""
        }
        for block in text.components(separatedBy: "<edge id=\"").dropFirst() {
            var data = [String: String]()
            for m in block.matches(of: /<data key="([^"]+)">([^<]*)</) { data[keyName[String(m.1)] ?? String(m.1)] = String(m.2) }
            let source = block.firstMatch(of: /source="([^"]+)"/).map { String($0.1) } ?? ""
            let target = block.firstMatch(of: /target="([^"]+)"/).map { String($0.1) } ?? ""
            edges.append(Edge(source: source, target: target, relation: data["relation"] ?? "", date: data["date"] ?? "",
                              place: data["place"] ?? "", modality: data["modality"] ?? "", support: Int(data["support"] ?? "") ?? 0))
        }
        return (nodes, edges)
    }

    func testSeedGraphMLHasOneEdgePerEventNoDateNodeAndNoIsolatedNode() throws {
        let (nodes, edges) = try graphml([])
        XCTAssertFalse(nodes.isEmpty)
        XCTAssertFalse(nodes.values.contains("DATE"), "DATE nodes are left out by default")
        var degree = [String: Int]()
        for e in edges { degree[e.source, default: 0] += 1; degree[e.target, default: 0] += 1 }
        XCTAssertEqual(nodes.keys.filter { degree[$0] == nil }, [], "isolated nodes")
        // no two edges state one event: same relation, pair (either order for symmetric types), modality, date, place
        var seen = [String: Int]()
        for e in edges {
            let pair = RelationTable.standard.isSymmetric(e.relation) ? [e.source, e.target].sorted() : [e.source, e.target]
            seen["\(e.relation)|\(pair)|\(e.modality)|\(e.date)|\(e.place)", default: 0] += 1
        }
        XCTAssertEqual(seen.filter { $0.value > 1 }.keys.sorted(), [], "events with two edges")
        XCTAssertTrue(edges.contains { $0.support > 1 }, "the seeds state some event twice")
        XCTAssertTrue(edges.allSatisfy { $0.support >= 1 })
        XCTAssertTrue(edges.contains { $0.relation == "MEET" && $0.place == "plc-rome" }, "the meeting in Rome has its place")
    }

    func testTheOptionsBringBackOneEdgePerReportDateNodesAndIsolatedNodes() throws {
        let clean = try graphml([])
        let full = try graphml(["--reports", "--date-nodes", "--keep-isolated"])
        let (files, _) = InputReader.collect([Project.root.appendingPathComponent("seeds").path])
        let library = Pipeline.run(files: files).graph
        XCTAssertEqual(full.nodes.count, library.entities.count)
        XCTAssertEqual(full.edges.count, library.facts.count, "one edge per report")
        XCTAssertTrue(full.nodes.values.contains("DATE"))
        XCTAssertGreaterThan(full.edges.count, clean.edges.count)
        XCTAssertEqual(try graphml(["--one-edge-per-report"]).edges.count, full.edges.count)
        XCTAssertEqual(full.edges.map(\.support).reduce(0, +), full.edges.count, "each report alone")
        XCTAssertEqual(clean.edges.map(\.support).reduce(0, +), full.edges.count, "every report kept as evidence")
        let isolated = try graphml(["--keep-isolated"])
        XCTAssertGreaterThan(isolated.nodes.count, clean.nodes.count)
        XCTAssertFalse(isolated.nodes.values.contains("DATE"))
    }

    func testSeedGEXFValidatesAndLoadsInNetworkxWithItsIntervals() throws {
        let dir = try TempFolder("e2e-gexf").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("seeds.gexf")
        let r = try Command.kbexport(["--format", "gexf", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rng = try SchemaValidator(path: try Project.sharedPath("schemas/gexf/gexf.rng"), kind: .relaxNG)
        XCTAssertEqual(rng.validate(path: out.path).map(\.description), [])
        let again = try Command.kbexport(["--format", "gexf"])
        XCTAssertEqual(again.stdoutData, try Data(contentsOf: out), "deterministic")
        // the same graph as the GraphML: nodes and edges
        let g = try graphml([])
        try requireConsumer(Command.python(has: ["networkx"]), "python3 module networkx")
        let p = try Command.run("python3", [Project.root.appendingPathComponent("Tests/Consumers/check_gexf.py").path, out.path])
        XCTAssertEqual(p.status, 0, p.stderr)
        let seen = try XCTUnwrap(JSONSerialization.jsonObject(with: p.stdoutData) as? [String: Any])
        XCTAssertEqual(seen["nodes"] as? Int, g.nodes.count)
        XCTAssertEqual(seen["edges"] as? Int, g.edges.count)
        let spans = try XCTUnwrap(seen["edge_spans"] as? [String: [String]])
        XCTAssertEqual(spans.count, g.edges.filter { $0.date.count >= 4 && !$0.date.hasPrefix("--") }.count, "every dated edge has its interval")
        for (_, s) in spans { XCTAssertLessThanOrEqual(s[0], s[1]) }
        XCTAssertFalse((seen["node_spans"] as? [String: [String]] ?? [:]).isEmpty)
    }

    /// `--min-confidence` is applied in one place: text input and a streamed facts file give the same bytes.
    func testMinConfidenceGivesTheSameGraphFromTextAndFromTheFactsFile() throws {
        let dir = try TempFolder("e2e-conf").url
        defer { try? FileManager.default.removeItem(at: dir) }
        let facts = dir.appendingPathComponent("seeds.jsonl")
        XCTAssertEqual(try Command.kbexport(["--format", "jsonl", "-o", facts.path]).status, 0)
        for format in ["graphml", "gexf", "rdfxml", "ntriples"] {
            let direct = try Command.kbexport(["--format", format, "--min-confidence", "0.8"])
            let streamed = try Command.kbexport(["--from", "jsonl", facts.path, "--format", format, "--min-confidence", "0.8"])
            XCTAssertEqual(direct.status, 0, direct.stderr)
            XCTAssertEqual(streamed.stdoutData, direct.stdoutData, format)
            XCTAssertNotEqual(direct.stdoutData, try Command.kbexport(["--format", format]).stdoutData, "\(format): the filter drops facts")
        }
    }
}

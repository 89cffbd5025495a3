// GEXF 1.3: every file validates against the official RELAX NG (../shared/schemas/gexf/gexf.rng) and reads back in
// networkx with its time intervals (skipped when networkx is missing, unless KB_REQUIRE_CONSUMERS=1).

import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class GEXFWriterTests: XCTestCase {
    func gexf(_ graph: KnowledgeGraph = Fixture.graph(), options: ExportOptions = ExportOptions()) throws -> [UInt8] {
        try Fixture.write(.gexf, graph, options: options)
    }

    func testFixtureEmptyAndUndatedGraphsValidateAgainstTheOfficialRelaxNG() throws {
        let rng = try Schemas.officialGEXF()
        assertValid(try gexf(), rng, "fixture.gexf")
        assertValid(try gexf(KnowledgeGraph()), rng, "empty.gexf")
        var undated = Fixture.graph()
        for i in undated.facts.indices { undated.facts[i].date = nil }
        assertValid(try gexf(undated), rng, "undated.gexf")
        assertValid(try gexf(options: ExportOptions(dateNodes: false, keepIsolated: false)), rng, "clean.gexf")
        // the schema does reject a broken file: an edge without a target
        let text = String(decoding: try gexf(), as: UTF8.self)
        assertInvalid(mutate(text, " target=\"plc-niamey\"", ""), rng, "no-target.gexf")
    }

    func testShapeKindsWeightsIntervalsAndViz() throws {
        let root = try XMLNode.parse(try gexf())
        XCTAssertEqual(root.name, "gexf")
        XCTAssertEqual(root["xmlns"], "http://gexf.net/1.3")
        XCTAssertEqual(root["xmlns:viz"], "http://gexf.net/1.3/viz")
        XCTAssertEqual(root["version"], "1.3")
        let graph = try XCTUnwrap(root.first("graph"))
        XCTAssertEqual(graph["mode"], "dynamic")
        XCTAssertEqual(graph["timeformat"], "date")
        XCTAssertEqual(graph["defaultedgetype"], "directed")
        XCTAssertEqual(graph.all("attributes").map { $0["class"] }, ["node", "edge"])
        let edges = try XCTUnwrap(graph.first("edges")).all("edge")
        func edge(_ id: String) throws -> XMLNode { try XCTUnwrap(edges.first { $0["id"] == id }) }
        // a day: that day; a year: the whole year; a day without a year: no interval
        XCTAssertEqual(try edge("f-0001")["kind"], "VISIT")
        XCTAssertEqual(try edge("f-0001")["weight"], "0.855")
        XCTAssertEqual(try edge("f-0001")["start"], "2018-08-07")
        XCTAssertEqual(try edge("f-0001")["end"], "2018-08-07")
        XCTAssertEqual(try edge("f-0003")["start"], "2018-01-01")
        XCTAssertEqual(try edge("f-0003")["end"], "2018-12-31")
        XCTAssertNil(try edge("f-0004")["start"])
        XCTAssertNil(try edge("f-0002")["start"], "undated")
        let nodes = try XCTUnwrap(graph.first("nodes")).all("node")
        let haftar = try XCTUnwrap(nodes.first { $0["id"] == "per-khalifa-haftar" })
        XCTAssertEqual(haftar["start"], "2018-08-07", "the span of its dated facts and its documents' publication dates")
        XCTAssertEqual(haftar["end"], "2018-08-07")
        let niger = try XCTUnwrap(nodes.first { $0["id"] == "plc-niger" })
        XCTAssertEqual(niger["start"], "2018-01-01")
        XCTAssertEqual(niger["end"], "2018-12-31")
        XCTAssertNil(nodes.first { $0["id"] == "org-tricky" }?["start"], "no dated fact, no dated document")
        XCTAssertNotNil(haftar.first("viz:color")?["r"])
        XCTAssertEqual(haftar.first("viz:size")?["value"], String(format: "%.1f", 6 + 4 * 3.0.squareRoot()))
    }

    func testMonthIntervalsSpanTheMonth() {
        XCTAssertEqual(GEXFTimeline.interval(isoDate: "2024-02"), .init(start: "2024-02-01", end: "2024-02-29"))
        XCTAssertEqual(GEXFTimeline.interval(isoDate: "2023-02"), .init(start: "2023-02-01", end: "2023-02-28"))
        XCTAssertEqual(GEXFTimeline.interval(isoDate: "2018-11"), .init(start: "2018-11-01", end: "2018-11-30"))
        XCTAssertNil(GEXFTimeline.interval(isoDate: "--08"))
        XCTAssertNil(GEXFTimeline.interval(isoDate: "2018-13"))
        XCTAssertNil(GEXFTimeline.interval(isoDate: "2018-02-30"))
    }

    func testCleanViewDropsDateNodesAndIsolatedNodes() throws {
        let root = try XMLNode.parse(try gexf(options: ExportOptions(dateNodes: false, keepIsolated: false)))
        let ids = Set(try XCTUnwrap(root.first("graph")?.first("nodes")).all("node").compactMap { $0["id"] })
        XCTAssertFalse(ids.contains("dat-2018-08-07"))
        XCTAssertEqual(ids, ["per-khalifa-haftar", "per-issoufou", "org-tricky", "org-un", "plc-niamey", "plc-niger"])
    }

    func testNetworkxReadsTheGraphWithItsIntervals() throws {
        try Command.requireConsumer(Command.python(has: ["networkx"]), "python3 module networkx (pip install networkx)") { XCTSkip($0) }
        for (name, graph) in [("fixture", Fixture.graph()), ("empty", KnowledgeGraph())] {
            let dir = try TempFolder("gexf").url
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("\(name).gexf").path
            try Data(try gexf(graph)).write(to: URL(fileURLWithPath: path))
            let r = try Command.run("python3", [Project.root.appendingPathComponent("Tests/Consumers/check_gexf.py").path, path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let seen = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
            XCTAssertEqual(seen["nodes"] as? Int, graph.entities.count, name)
            XCTAssertEqual(seen["edges"] as? Int, graph.facts.count, name)
            XCTAssertEqual(seen["directed"] as? Bool, true)
            XCTAssertEqual(seen["mentions_int"] as? Bool, true)
            guard name == "fixture" else { continue }
            let spans = seen["edge_spans"] as? [String: [String]]
            XCTAssertEqual(spans?["f-0001"], ["2018-08-07", "2018-08-07"])
            XCTAssertEqual(spans?["f-0003"], ["2018-01-01", "2018-12-31"])
            XCTAssertNil(spans?["f-0002"])
            XCTAssertEqual((seen["node_spans"] as? [String: [String]])?["plc-niger"], ["2018-01-01", "2018-12-31"])
            XCTAssertEqual((seen["labels"] as? [String: String])?["org-tricky"], Fixture.trickyLabelOut)
            XCTAssertEqual((seen["support"] as? [String: Int])?["f-0001"], 1)
            XCTAssertEqual((seen["support"] as? [String: Int])?["f-0003"], 2)
        }
    }

    func testDeterministic() throws {
        XCTAssertEqual(try gexf(), try gexf())
    }
}

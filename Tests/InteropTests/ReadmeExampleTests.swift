import Foundation
import KBTestSupport
import XCTest

/// README's SPARQL example, run as printed on pyoxigraph over the seeds: one row per person (Arabic names only).
final class ReadmeExampleTests: XCTestCase {
    func testReadmeSPARQLExampleGivesEachPersonOnce() throws {
        try requireConsumer(Command.python(has: ["pyoxigraph"]), "python3 with pyoxigraph")
        let readme = try String(contentsOf: Project.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "```sparql\n"))
        let end = try XCTUnwrap(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let query = String(readme[start.upperBound..<end.lowerBound])
        let dir = try TempFolder("readme")
        defer { dir.remove() }
        let rdf = dir.path("seeds.rdf")
        XCTAssertEqual(try Command.kbexport(["--format", "rdfxml", "-o", rdf]).status, 0)
        let script = """
            import sys, json, pyoxigraph as ox
            s = ox.Store(); s.load(path=sys.argv[1], format=ox.RdfFormat.RDF_XML)
            print(json.dumps([[r[0].value, r[0].language] for r in s.query(sys.argv[2])]))
            """
        let r = try Command.run("python3", ["-c", script, rdf, query])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdoutData) as? [[String]])
        XCTAssertTrue(rows.contains(["خليفة حفتر", "ar"]), "\(rows)")
        XCTAssertTrue(rows.allSatisfy { $0[1] == "ar" }, "only Arabic names: \(rows)")
        XCTAssertFalse(rows.contains { $0[0] == "Khalifa Haftar" }, "\(rows)")
    }
}

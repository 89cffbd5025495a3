// The seeds' RDF/XML in a real triple store: Virtuoso (Debian virtuoso-opensource 7) started by
// Scripts/virtuoso.sh on 127.0.0.1 (free high ports, temporary directory, stopped by PID), bulk-loaded with
// ld_dir/rdf_loader_run, queried over HTTP with curl. Prints the load time and triple count.

import Foundation
import KBGraph
import KBTestSupport
import XCTest

final class VirtuosoTests: XCTestCase {
    func testSeedsLoadAndAnswerInVirtuoso() throws {
        try requireConsumer(Command.which("virtuoso-t") != nil && Command.which("isql-vt") != nil,
                                    "Virtuoso (apt-get install virtuoso-opensource)")
        try requireConsumer(Command.which("curl") != nil, "curl")
        let run = try InteropRun.get()
        let script = Project.root.appendingPathComponent("Scripts/virtuoso.sh").path
        let dir = try TempFolder("interop-virtuoso").url
        defer { try? FileManager.default.removeItem(at: dir) }

        let started = Date()
        let start = try Command.run("/bin/bash", [script, "start", dir.path])
        defer { _ = try? Command.run("/bin/bash", [script, "stop", dir.path]) }
        XCTAssertEqual(start.status, 0, start.stderr)
        guard start.status == 0 else { return }
        let startSeconds = Date().timeIntervalSince(started)

        let graph = "urn:kbexport:seeds"
        let load = try Command.run("/bin/bash", [script, "load", dir.path, run.seeds.rdfxml.path, graph])
        XCTAssertEqual(load.status, 0, load.stderr)
        let expected = try String(contentsOf: run.seeds.nt, encoding: .utf8).split(separator: "\n").count
        XCTAssertTrue(load.stdoutText.contains(": \(expected) triples in "), "Virtuoso holds every triple: \(load.stdoutText)")

        // The seed questions over HTTP (curl to 127.0.0.1).
        let spec = try SeedQuestions.spec()
        let port = try String(contentsOf: dir.appendingPathComponent("http.port"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        var answers = [String: [[String]]]()
        for (name, q) in spec.queries {
            let r = try Command.run("curl", ["-sS", "--fail", "--max-time", "30", "-G", "--data-urlencode", "query=" + spec.prefixes + q.sparql,
                                             "-H", "Accept: application/sparql-results+json", "http://127.0.0.1:\(port)/sparql"])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any], "\(name): \(r.stdoutText)")
            let bindings = ((json["results"] as? [String: Any])?["bindings"] as? [[String: [String: Any]]]) ?? []
            answers[name] = bindings.map { b in q.variables.map { (b[$0]?["value"] as? String) ?? "" } }.sorted { $0.lexicographicallyPrecedes($1) }
        }
        SeedQuestions.check(answers, graph: run.seeds.graph, store: "Virtuoso")

        let summary = "Virtuoso: started in \(String(format: "%.1f", startSeconds)) s; " + load.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        FileHandle.standardOutput.write(Data((summary + "\n").utf8))
        for (name, rows) in answers.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardOutput.write(Data("  \(name): \(rows.count) rows\n".utf8))
        }
        InteropReport.print("Virtuoso (\(summary))", [
            InteropReport.Row(consumer: "Virtuoso 7 bulk loader", format: "RDF/XML", files: "seeds (\(expected) triples)",
                              accepted: load.status == 0 ? 1 : 0, rejected: 0, failed: load.status == 0 ? 0 : 1),
            InteropReport.Row(consumer: "Virtuoso 7 SPARQL/HTTP", format: "RDF/XML + SPARQL", files: "seeds (4 questions)",
                              accepted: answers.count, rejected: 0, failed: 0),
        ])
    }
}

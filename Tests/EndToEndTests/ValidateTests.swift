import Foundation
import KBTestSupport
import XCTest

/// `kbexport validate`: accepts every format kbexport writes, names the line of a problem, says when a format is
/// unknown, and says when the official schemas are not found.
final class ValidateTests: XCTestCase {
    nonisolated(unsafe) static var folder: TempFolder?

    /// The shared exports' folder goes when the class is done.
    override class func tearDown() {
        folder?.remove()
        folder = nil
        super.tearDown()
    }

    /// The seeds exported once in every format (and GraphML/RDF/XML converted from RDF, which kbexport also writes).
    func outputs() throws -> [String] {
        let dir: TempFolder
        if let f = Self.folder { dir = f } else {
            dir = try TempFolder("validate")
            for (format, ext) in [("graphml", "graphml"), ("rdfxml", "rdf"), ("ntriples", "nt"), ("turtle", "ttl"), ("jsonl", "jsonl")] {
                let r = try Command.kbexport(["--format", format, "-o", dir.path("seeds.\(ext)")])
                XCTAssertEqual(r.status, 0, r.stderr)
            }
            for (format, ext) in [("graphml", "graphml"), ("rdfxml", "rdf")] {
                let r = try Command.kbexport(["--from", "ntriples", dir.path("seeds.nt"), "--format", format, "-o", dir.path("from-rdf.\(ext)")])
                XCTAssertEqual(r.status, 0, r.stderr)
            }
            Self.folder = dir
        }
        return dir.entries().map { dir.path($0) }
    }

    func testAcceptsEveryFormatKbexportWrites() throws {
        let files = try outputs()
        XCTAssertEqual(files.count, 7)
        let r = try Command.kbexport(["validate"] + files)
        XCTAssertEqual(r.status, 0, r.stdoutText + r.stderr)
        let text = r.stdoutText
        for name in ["seeds.graphml", "seeds.rdf", "seeds.nt", "seeds.ttl", "seeds.jsonl", "from-rdf.graphml", "from-rdf.rdf"] {
            XCTAssertTrue(text.contains("/\(name): OK ("), "\(name) not accepted:\n\(text)")
        }
        // the official schemas (../shared beside the project) and kbexport's own were used
        XCTAssertTrue(text.contains("seeds.graphml: OK (GraphML: well-formed, official GraphML 1.0 XSD, kbexport-graphml.xsd)"), text)
        XCTAssertTrue(text.contains("seeds.rdf: OK (RDF/XML: well-formed, official RDF/XML RELAX NG, kbexport-rdfxml.rng, RDF/XML reader)"), text)
        XCTAssertFalse(r.stderr.contains("not found"), r.stderr)
    }

    func testAcceptsTheOfficialGEXFSamplesAndRejectsTheInvalidOne() throws {
        let samples = try Project.shared("schemas/samples")
        let ok = try Command.kbexport(["validate", samples.appendingPathComponent("valid-1.3.gexf").path,
                                       samples.appendingPathComponent("valid-1.3-viz.gexf").path])
        XCTAssertEqual(ok.status, 0, ok.stdoutText)
        let bad = try Command.kbexport(["validate", samples.appendingPathComponent("invalid-1.3-edge-missing-target.gexf").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdoutText.contains("invalid-1.3-edge-missing-target.gexf:9: "), bad.stdoutText)
    }

    /// One broken copy per format, the problem on a known line: the message names that line.
    func testRejectsABrokenFileWithTheLine() throws {
        let files = try outputs()
        let dir = try TempFolder("validate-broken")
        defer { dir.remove() }
        func broken(_ name: String, line: Int, _ edit: (String) -> String) throws -> String {
            let src = try String(contentsOfFile: files.first { $0.hasSuffix("/" + name) }!, encoding: .utf8)
            var lines = src.components(separatedBy: "\n")
            lines[line - 1] = edit(lines[line - 1])
            return try dir.write("broken-" + name, lines.joined(separator: "\n"))
        }
        let cases: [(String, Int, (String) -> String)] = [
            ("seeds.graphml", 5, { $0.replacingOccurrences(of: "attr.type=\"string\"", with: "attr.type=\"text\"") }),
            ("seeds.rdf", 4, { $0.replacingOccurrences(of: "rdf:resource", with: "rdf:resourse") }),
            ("seeds.nt", 7, { $0 + " <http://example.org/extra>" }),
            ("seeds.ttl", 14, { "undeclared:x " + $0 }),
            ("seeds.jsonl", 3, { _ in "{\"record\":\"entity\"" }),
        ]
        for (name, line, edit) in cases {
            let path = try broken(name, line: line, edit)
            let r = try Command.kbexport(["validate", path])
            XCTAssertEqual(r.status, 1, "\(name): \(r.stdoutText)")
            XCTAssertTrue(r.stdoutText.hasPrefix("\(path):\(line): "), "\(name): expected line \(line):\n\(r.stdoutText)")
        }
        // not well-formed: the line where the parser stops
        let cut = try dir.write("cut.graphml", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph>\n")
        let r = try Command.kbexport(["validate", cut])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdoutText.hasPrefix("\(cut):5: "), r.stdoutText)
    }

    func testUnknownFormatIsNamed() throws {
        let dir = try TempFolder("validate-unknown")
        defer { dir.remove() }
        let text = try dir.write("article.txt", "وصل الوزير إلى المدينة صباح اليوم.\n")
        let svg = try dir.write("picture.xml", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let r = try Command.kbexport(["validate", text, svg])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdoutText.contains("\(text):1: unknown format: not GraphML, GEXF, RDF/XML, N-Triples, Turtle or a kbexport facts file (it looks like text)"), r.stdoutText)
        XCTAssertTrue(r.stdoutText.contains("\(svg):1: unknown format") && r.stdoutText.contains("<svg>"), r.stdoutText)
    }

    /// Without the official schemas (a user's machine): a note, kbexport's own schema still applies; --require-official
    /// makes it a failure. --schemas DIR points at them.
    func testOfficialSchemasLocation() throws {
        let graphml = try outputs().first { $0.hasSuffix("seeds.graphml") }!
        let empty = try TempFolder("validate-noschemas")
        defer { empty.remove() }
        let none = try Command.run(Project.binary, ["validate", graphml], cwd: "/", env: ["KBEXPORT_SCHEMAS": empty.path])
        XCTAssertEqual(none.status, 0, none.stdoutText)
        XCTAssertTrue(none.stdoutText.contains("OK (GraphML: well-formed, kbexport-graphml.xsd)"), none.stdoutText)
        XCTAssertTrue(none.stderr.contains("official GraphML 1.0 XSD not found"), none.stderr)
        let required = try Command.run(Project.binary, ["validate", "--require-official", graphml], cwd: "/", env: ["KBEXPORT_SCHEMAS": empty.path])
        XCTAssertEqual(required.status, 1)
        let explicit = try Command.run(Project.binary, ["validate", "--schemas", try Project.sharedPath("schemas"), graphml], cwd: "/",
                                       env: ["KBEXPORT_SCHEMAS": empty.path])
        XCTAssertEqual(explicit.status, 0, explicit.stdoutText)
        XCTAssertTrue(explicit.stdoutText.contains("official GraphML 1.0 XSD"), explicit.stdoutText)
    }
}

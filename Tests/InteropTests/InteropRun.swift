// The conversions the interop tests check, done once per test process (in-process library calls), and the
// consumer runs over them (rdf-roundtrip.sh per RDF/XML file, in parallel; one batch Python process for the
// N-Triples, Turtle and GraphML outputs and for the RDF/XML reader's results).

import Foundation
import KBFacts
import KBGraph
import KBRDF
import KBTestSupport
import KBText
import KBWriters
import KBXML
import XCTest

/// W3C positive N-Triples files that RDF/XML 1.0 cannot carry: kbexport must refuse them with this reason
/// (a substring of the error). If one of them starts to round-trip, or is refused for another reason, the
/// W3C test fails and this table must be updated.
let expectedRDFXMLRefusals: [String: String] = [
    "literal_all_controls.nt": "it contains U+0000, which XML 1.0 cannot carry",
    "literal_ascii_boundaries.nt": "it contains U+0000, which XML 1.0 cannot carry",
    "literal_with_BACKSPACE.nt": "it contains U+0008, which XML 1.0 cannot carry",
    "literal_with_FORM_FEED.nt": "it contains U+000C, which XML 1.0 cannot carry",
]

final class InteropRun: @unchecked Sendable {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cached: InteropRun?
    /// The run's temporary directory, removed when the test process exits.
    nonisolated(unsafe) static var removeAtExit: String?

    /// The shared run (built on first use).
    static func get() throws -> InteropRun {
        lock.lock(); defer { lock.unlock() }
        if let cached { return cached }
        let run = try InteropRun()
        cached = run
        return run
    }

    struct W3CFile {
        let test: W3CNTriples.Test
        let triples: [RDFTriple]
        /// Written RDF/XML, or nil when refused.
        let rdfxml: URL?
        let refusal: String?
        let nt: URL, ttl: URL, graphml: URL
        let nodes: Int, edges: Int
    }

    struct Seeds {
        let graph: KnowledgeGraph
        let rdfxml: URL, nt: URL, ttl: URL, graphml: URL
        /// GraphML of the seeds' N-Triples, through the RDF → GraphML mapping.
        let rdfGraphml: URL
        let nodes: Int, edges: Int
    }

    let dir: URL
    private(set) var positives = [W3CFile]()
    private(set) var positiveReadErrors = [(test: W3CNTriples.Test, error: Error)]()
    private(set) var negatives = [(test: W3CNTriples.Test, error: Error?)]()
    private(set) var seeds: Seeds!

    private init() throws {
        dir = try TempFolder("interop-run").url
        InteropRun.removeAtExit = dir.path
        atexit {
            if let path = InteropRun.removeAtExit { try? FileManager.default.removeItem(atPath: path) }
        }
        let options = ExportOptions()
        for test in try W3CNTriples.tests() {
            if !test.positive {
                do { _ = try NTriplesReader.read(path: test.file.path); negatives.append((test, nil)) }
                catch { negatives.append((test, error)) }
                continue
            }
            let triples: [RDFTriple]
            do { triples = try NTriplesReader.read(path: test.file.path) } catch {
                positiveReadErrors.append((test, error))
                continue
            }
            let base = dir.appendingPathComponent(test.name)
            var rdfxml: URL? = base.appendingPathExtension("rdf")
            var refusal: String?
            do { try write(triples, .rdfxml, options, to: rdfxml!) } catch {
                refusal = "\(error)"
                rdfxml = nil
            }
            let nt = base.appendingPathExtension("nt"), ttl = base.appendingPathExtension("ttl")
            let graphml = base.appendingPathExtension("graphml")
            try write(triples, .ntriples, options, to: nt)
            try write(triples, .turtle, options, to: ttl)
            try write(triples, .graphml, options, to: graphml)
            let (nodes, edges) = Self.graphShape(triples)
            positives.append(W3CFile(test: test, triples: triples, rdfxml: rdfxml, refusal: refusal, nt: nt, ttl: ttl,
                                     graphml: graphml, nodes: nodes, edges: edges))
        }
        // The seeds, extracted in-process as the CLI does, in the four formats.
        let (files, errors) = InputReader.collect([Project.root.appendingPathComponent("seeds").path])
        guard errors.isEmpty, !files.isEmpty else { throw SetupError("seeds/ unreadable: \(errors)") }
        let graph = Pipeline.run(files: files).graph
        var paths = [OutputFormat: URL]()
        for format in [OutputFormat.rdfxml, .ntriples, .turtle, .graphml] {
            let url = dir.appendingPathComponent("seeds." + format.fileExtension)
            let sink = MemorySink()
            try format.makeWriter(options: options).write(graph, to: sink)
            try Data(sink.bytes).write(to: url)
            paths[format] = url
        }
        let seedTriples = try NTriplesReader.read(path: paths[.ntriples]!.path)
        let rdfGraphml = dir.appendingPathComponent("seeds-from-rdf.graphml")
        try write(seedTriples, .graphml, options, to: rdfGraphml)
        let (nodes, edges) = Self.graphShape(seedTriples)
        seeds = Seeds(graph: graph, rdfxml: paths[.rdfxml]!, nt: paths[.ntriples]!, ttl: paths[.turtle]!,
                      graphml: paths[.graphml]!, rdfGraphml: rdfGraphml, nodes: nodes, edges: edges)
    }

    private func write(_ triples: [RDFTriple], _ format: OutputFormat, _ options: ExportOptions, to url: URL) throws {
        let sink = MemorySink()
        try RDFConversion.write(triples, format: format, options: options, to: sink)
        try Data(sink.bytes).write(to: url)
    }

    /// Nodes and edges the RDF → GraphML mapping must produce (docs/rdf-to-graphml.md), counted independently.
    static func graphShape(_ triples: [RDFTriple]) -> (nodes: Int, edges: Int) {
        var nodes = Set<RDFTerm>(), edges = 0
        for t in Set(triples) {
            nodes.insert(t.subject)
            if !t.object.isLiteral && t.predicate != Namespaces.rdf + "type" { nodes.insert(t.object); edges += 1 }
        }
        return (nodes.count, edges)
    }

    // MARK: - rdf-roundtrip.sh over the RDF/XML outputs

    struct RoundTrip: Sendable {
        let name: String
        let passed: Bool
        /// consumer (expat, rapper, rdflib, pyoxigraph) → every check of it passed
        let consumers: [String: Bool]
        let output: String
    }

    private var roundTripCache: [RoundTrip]?

    /// rdf-roundtrip.sh (no -w: a rapper warning fails) on every written RDF/XML file against its source, and on
    /// the seeds' RDF/XML against the seeds' N-Triples; 4 at a time.
    func roundTrips() throws -> [RoundTrip] {
        Self.lock.lock(); defer { Self.lock.unlock() }
        if let roundTripCache { return roundTripCache }
        let tool = try Project.shared("tools/rdf-roundtrip.sh").path
        var jobs = positives.compactMap { f in f.rdfxml.map { (f.test.name, $0.path, f.test.file.path) } }
        jobs.append(("seeds", seeds.rdfxml.path, seeds.nt.path))
        let results = Interop.parallelMap(jobs) { (name, rdf, nt) -> RoundTrip in
            guard let r = try? Command.run("/bin/bash", [tool, rdf, nt]) else {
                return RoundTrip(name: name, passed: false, consumers: [:], output: "could not run rdf-roundtrip.sh")
            }
            let out = r.stdoutText + r.stderr
            var consumers = [String: Bool]()
            for line in out.split(separator: "\n") {
                let ok = line.hasPrefix("  ok")
                guard ok || line.hasPrefix("  FAIL") || line.hasPrefix("  warn") else { continue }
                for c in ["expat", "rapper", "rdflib", "pyoxigraph"] where line.contains(c) {
                    consumers[c] = (consumers[c] ?? true) && ok
                }
            }
            return RoundTrip(name: name, passed: r.status == 0, consumers: consumers, output: out)
        }
        roundTripCache = results
        return results
    }

    // MARK: - The batch consumer run (check_rdf_outputs.py)

    struct ConsumerResult: Decodable, Sendable {
        let file: String, format: String, consumer: String, ok: Bool, message: String
    }

    private var consumerCache: [ConsumerResult]?

    /// Every W3C positive and the seeds as N-Triples, Turtle (rapper, rdflib, pyoxigraph) and GraphML from RDF
    /// (networkx, igraph), plus `extraJobs` (the RDF/XML reader's results).
    func consumerResults() throws -> [ConsumerResult] {
        Self.lock.lock(); defer { Self.lock.unlock() }
        if let consumerCache { return consumerCache }
        var jobs = [[String: Any]]()
        for f in positives {
            jobs.append(["file": f.nt.path, "format": "nt", "expected": f.test.file.path])
            jobs.append(["file": f.ttl.path, "format": "ttl", "expected": f.test.file.path])
            jobs.append(["file": f.graphml.path, "format": "graphml", "nodes": f.nodes, "edges": f.edges])
        }
        jobs.append(["file": seeds.nt.path, "format": "nt", "expected": seeds.nt.path])
        jobs.append(["file": seeds.ttl.path, "format": "ttl", "expected": seeds.nt.path])
        jobs.append(["file": seeds.rdfGraphml.path, "format": "graphml", "nodes": seeds.nodes, "edges": seeds.edges])
        let suite = try rdfxmlSuite()
        for c in suite where c.ours != nil {
            jobs.append(["file": c.ours!.path, "format": "iso", "expected": c.expected!.path, "consumer": "kbexport RDF/XML reader"])
        }
        let jobsFile = dir.appendingPathComponent("jobs.json")
        try JSONSerialization.data(withJSONObject: jobs).write(to: jobsFile)
        let script = Project.root.appendingPathComponent("Tests/Consumers/check_rdf_outputs.py").path
        let r = try Command.run("python3", [script, jobsFile.path])
        guard r.status == 0 else { throw SetupError("check_rdf_outputs.py failed (\(r.status)): \(r.stderr)") }
        let results = try JSONDecoder().decode([ConsumerResult].self, from: r.stdoutData)
        consumerCache = results
        return results
    }

    // MARK: - The W3C RDF/XML suite through kbexport's RDF/XML reader

    struct RDFXMLCase: Sendable {
        let name: String
        let file: URL
        let positive: Bool
        /// Expected N-Triples (positive tests).
        let expected: URL?
        /// Our reading as canonical N-Triples, when accepted.
        let ours: URL?
        let error: String?
    }

    private var suiteCache: [RDFXMLCase]?

    func rdfxmlSuite() throws -> [RDFXMLCase] {
        if let suiteCache { return suiteCache }
        let root = try Project.shared("rdf-tests/rdf11/rdf-xml")
        let manifest = try String(contentsOf: root.appendingPathComponent("manifest.ttl"), encoding: .utf8)
        var cases = [RDFXMLCase]()
        let out = dir.appendingPathComponent("rdfxml-suite")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for entry in manifest.components(separatedBy: "\n<#").dropFirst() {
            guard let name = entry.split(separator: ">").first.map(String.init) else { continue }
            let positive = entry.contains("rdft:TestXMLEval")
            guard positive || entry.contains("rdft:TestXMLNegativeSyntax") else { continue }
            func link(_ key: String) -> String? {
                guard let r = entry.range(of: key + " <") else { return nil }
                return String(entry[r.upperBound...].prefix { $0 != ">" })
            }
            guard let action = link("mf:action") else { continue }
            let file = root.appendingPathComponent(action)
            let base = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/" + action
            var ours: URL?, failure: String?
            do {
                let triples = try RDFXMLReader.read(path: file.path, base: base)
                let url = out.appendingPathComponent(name + ".nt")
                let sink = MemorySink()
                try NTriplesSerializer.write(triples, to: sink)
                try Data(sink.bytes).write(to: url)
                ours = url
            } catch {
                failure = "\(error)"
            }
            cases.append(RDFXMLCase(name: name, file: file, positive: positive,
                                    expected: link("mf:result").map { root.appendingPathComponent($0) },
                                    ours: positive ? ours : nil, error: failure))
        }
        suiteCache = cases
        return cases
    }
}

/// A test precondition that does not hold: thrown, so the test fails with this text.
struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

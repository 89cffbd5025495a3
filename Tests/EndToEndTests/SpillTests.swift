import Foundation
import KBFacts
import KBGraph
import KBTestSupport
import KBText
import KBWriters
import KBXML
import XCTest

/// A run keeps its reports in spill files, not in memory (issue 14 item 2), and writes the bytes of the in-memory
/// run: the reports merged into events bucket by bucket and read back in id order.
final class SpillTests: XCTestCase {
    static let corpus = "../shared/dev-corpus/docs"

    func corpus() throws -> [InputFile] {
        let (files, errors) = InputReader.collect([Project.root.appendingPathComponent(Self.corpus).path])
        XCTAssertTrue(errors.isEmpty)
        XCTAssertGreaterThan(files.count, 40)
        return files
    }

    func write(_ source: FactSource, _ format: OutputFormat) throws -> [UInt8] {
        let sink = MemorySink()
        try GraphExport.run(source, writer: format.makeStreamWriter(options: ExportOptions()), to: sink)
        return sink.bytes
    }

    func names(_ dir: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? ["(missing)"] }

    /// The pipeline with a spill: the graph holds no report, the spill holds them all, and with buckets small enough
    /// to cut the corpus into many, the output (events merged, and `--reports`) is the in-memory run's, byte for byte.
    /// Nothing is left in the spill directory, during the run or after.
    func testSpilledReportsGiveTheInMemoryBytes() throws {
        let files = try corpus()
        let extractor = Extractor()
        let memory = Pipeline.run(files: files, extractor: extractor)
        XCTAssertGreaterThan(memory.graph.facts.count, 300)
        let tmp = try TempFolder("spill", removeWhenDone: true)
        for mergeEvents in [true, false] {
            let spill = ReportSpill(directory: tmp.path, bucketBytes: 4096)
            let spilled = try Pipeline.run(files: files, extractor: extractor, spill: spill)
            XCTAssertTrue(spilled.graph.facts.isEmpty, "the reports were kept in memory")
            XCTAssertEqual(spill.count, memory.graph.facts.count)
            XCTAssertEqual(spilled.graph.entities, memory.graph.entities)
            XCTAssertEqual(spilled.graph.documents, memory.graph.documents)
            XCTAssertTrue(spill.onDisk)
            XCTAssertEqual(names(tmp.path), [], "spill files are unlinked when made")
            let sorted = try spill.finish(links: spilled.links, mergeEvents: mergeEvents)
            XCTAssertGreaterThan(sorted.runCount, 10)
            let expected = mergeEvents ? memory.graph.mergingEvents() : memory.graph
            XCTAssertEqual(sorted.count, expected.facts.count)
            var read: [Fact] = []
            try sorted.forEach { f, _ in read.append(f) }
            XCTAssertTrue(read == expected.facts, "facts read back differ (merge events: \(mergeEvents))")
            for format in [OutputFormat.graphml, .rdfxml, .jsonl] {
                let a = try write(SpilledFactSource(graph: spilled.graph, facts: sorted), format)
                let b = try write(GraphSource(expected), format)
                XCTAssertFalse(a.isEmpty)
                XCTAssertTrue(a == b, "\(format) (merge events: \(mergeEvents)): the spilled run's bytes differ")
            }
        }
        XCTAssertEqual(names(tmp.path), [])
    }

    /// Documents and mentions spilled too, in sorted runs of a few records: the graph holds neither, and every
    /// format's bytes are the in-memory run's (joined people applied to the mentions read back).
    func testSpilledDocumentsAndMentionsGiveTheInMemoryBytes() throws {
        let files = try corpus()
        let extractor = Extractor()
        let memory = Pipeline.run(files: files, extractor: extractor)
        let expected = memory.graph.mergingEvents()
        let tmp = try TempFolder("spill", removeWhenDone: true)
        let spill = ReportSpill(directory: tmp.path, bucketBytes: 4096, documents: true, mentions: true, runBytes: 2000)
        let spilled = try Pipeline.run(files: files, extractor: extractor, spill: spill)
        XCTAssertTrue(spilled.graph.documents.isEmpty, "the documents were kept in memory")
        XCTAssertTrue(spilled.graph.mentions.isEmpty, "the mentions were kept in memory")
        XCTAssertFalse(spilled.links.isEmpty, "the corpus joins people across documents")
        XCTAssertEqual(spill.documentCount, memory.graph.documents.count)
        XCTAssertEqual(spill.mentionCount, memory.graph.mentions.count)
        XCTAssertEqual(spilled.graph.entities, memory.graph.entities)
        let sorted = try spill.finish(links: spilled.links, mergeEvents: true)
        for format in [OutputFormat.graphml, .rdfxml, .jsonl, .gexf, .ntriples] {
            let source = SpilledFactSource(spill: spill, links: spilled.links, entities: spilled.graph.entities, facts: sorted)
            let a = try write(source, format)
            let b = try write(GraphSource(expected), format)
            XCTAssertFalse(a.isEmpty)
            XCTAssertTrue(a == b, "\(format): the run with spilled documents and mentions gives other bytes")
        }
        XCTAssertEqual(names(tmp.path), [])
    }

    /// `extract` and `merge` with runs and buckets of a few records give the bytes of the default sizes, and the
    /// merge those of one run.
    func testSmallRunsGiveTheSameShardsAndMerge() throws {
        let tmp = try TempFolder("spill-shards", removeWhenDone: true)
        let dir = Project.root.appendingPathComponent(Self.corpus).path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
            .map { Self.corpus + "/" + $0 }
        let small = ["TMPDIR": tmp.path, "KBEXPORT_SPILL_RUN_BYTES": "300", "KBEXPORT_SPILL_BUCKET_BYTES": "3000"]
        var shards: [String] = []
        for (k, part) in [Array(files[..<20]), Array(files[20...])].enumerated() {
            let a = tmp.path("a\(k).jsonl"), b = tmp.path("b\(k).jsonl")
            let one = try Command.run(Project.binary, ["extract", "-o", a, "--"] + part, env: ["TMPDIR": tmp.path])
            let many = try Command.run(Project.binary, ["extract", "-o", b, "--"] + part, env: small)
            XCTAssertEqual(one.status, 0, one.stderr)
            XCTAssertEqual(many.status, 0, many.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)),
                           "shard \(k): small runs give other bytes")
            shards.append(b)
        }
        for format in ["graphml", "jsonl"] {
            let one = try Command.run(Project.binary, [Self.corpus, "--format", format], env: ["TMPDIR": tmp.path])
            let merged = try Command.run(Project.binary, ["merge"] + shards.reversed() + ["--format", format, "--verbose"], env: small)
            XCTAssertEqual(merged.status, 0, merged.stderr)
            XCTAssertFalse(one.stdout.isEmpty)
            XCTAssertTrue(one.stdout == merged.stdout, "\(format): the merge with small runs differs from one run")
            XCTAssertTrue(merged.stderr.contains("merged: "), merged.stderr)
        }
        XCTAssertEqual(names(tmp.path).filter { !$0.hasSuffix(".jsonl") }, [])
    }

    /// `export --kb` goes through the spill too: runs and buckets of a few records give the bytes of one run.
    func testKnowledgeBaseExportWithSmallRunsGivesTheOneRunBytes() throws {
        let tmp = try TempFolder("spill-kb", removeWhenDone: true)
        let kb = tmp.path("corpus.kb")
        let add = try Command.run(Project.binary, ["add", Self.corpus, "--kb", kb], env: ["TMPDIR": tmp.path])
        XCTAssertEqual(add.status, 0, add.stderr)
        let small = ["TMPDIR": tmp.path, "KBEXPORT_SPILL_RUN_BYTES": "300", "KBEXPORT_SPILL_BUCKET_BYTES": "3000"]
        for format in ["graphml", "jsonl"] {
            let one = try Command.run(Project.binary, [Self.corpus, "--format", format], env: ["TMPDIR": tmp.path])
            let exported = try Command.run(Project.binary, ["export", "--kb", kb, "--format", format], env: small)
            XCTAssertEqual(exported.status, 0, exported.stderr)
            XCTAssertFalse(one.stdout.isEmpty)
            XCTAssertTrue(one.stdout == exported.stdout, "\(format): export --kb with small runs differs from one run")
        }
    }

    /// One bucket (the default size) and many give the same bytes through the command line; TMPDIR is left empty.
    func testCommandLineSpillsToTMPDIRAndLeavesNothing() throws {
        let tmp = try TempFolder("spill-cli", removeWhenDone: true)
        let one = try Command.run(Project.binary, [Self.corpus, "--format", "graphml"], env: ["TMPDIR": tmp.path])
        XCTAssertEqual(one.status, 0, one.stderr)
        let many = try Command.run(Project.binary, [Self.corpus, "--format", "graphml", "--verbose"],
                                   env: ["TMPDIR": tmp.path, "KBEXPORT_SPILL_BUCKET_BYTES": "3000"])
        XCTAssertEqual(many.status, 0, many.stderr)
        XCTAssertFalse(one.stdout.isEmpty)
        XCTAssertTrue(one.stdout == many.stdout, "many buckets give other bytes than one")
        XCTAssertTrue(many.stderr.contains("reports spilled to disk"), many.stderr)
        XCTAssertEqual(names(tmp.path), [])
    }

    /// No place for the spill: an error naming it, exit 1, no output file.
    func testMissingSpillDirectoryFailsCleanly() throws {
        let tmp = try TempFolder("spill-out", removeWhenDone: true)
        let out = tmp.path("out.graphml")
        let r = try Command.run(Project.binary, [Self.corpus, "--format", "graphml", "-o", out],
                                env: ["TMPDIR": tmp.path("missing"), "KBEXPORT_SPILL_BUCKET_BYTES": "3000"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("spill file"), r.stderr)
        XCTAssertEqual(names(tmp.path), [])
    }
}

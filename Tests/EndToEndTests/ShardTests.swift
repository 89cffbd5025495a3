import Foundation
import KBTestSupport
import XCTest

/// `kbexport extract` + `kbexport merge` (and the Spark job that runs them) give the bytes of one run.
final class ShardTests: XCTestCase {
    static let corpus = "../shared/dev-corpus/docs"

    func corpusFiles() throws -> [String] {
        let dir = Project.root.appendingPathComponent(Self.corpus).path
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(names.count, 40)
        return names.map { Self.corpus + "/" + $0 }
    }

    func run(_ args: [String]) throws -> Command.Result {
        let r = try Command.kbexport(args)
        XCTAssertEqual(r.status, 0, "kbexport \(args.prefix(3).joined(separator: " ")) …: \(r.stderr)")
        return r
    }

    /// Shards cut two different ways, merged in any order, give byte-identical output in every format.
    func testShardsMergeToTheOneRunBytes() throws {
        let files = try corpusFiles()
        let tmp = try TempFolder("shards", removeWhenDone: true)
        // cut 1: three contiguous slices; cut 2: every third file (interleaved), merged in reverse order
        let cut1 = [Array(files[..<10]), Array(files[10..<31]), Array(files[31...])]
        let cut2 = (0..<3).map { k in files.enumerated().filter { $0.offset % 3 == k }.map(\.element) }
        var shards1: [String] = [], shards2: [String] = []
        for (i, part) in cut1.enumerated() {
            let p = tmp.path("a\(i).jsonl"); shards1.append(p)
            _ = try run(["extract", "-o", p, "--"] + part)
        }
        for (i, part) in cut2.enumerated() {
            let p = tmp.path("b\(i).jsonl"); shards2.append(p)
            _ = try run(["extract", "-o", p, "--"] + part)
        }
        for format in ["graphml", "rdfxml", "ntriples", "jsonl"] {
            let one = try run([Self.corpus, "--format", format]).stdout
            XCTAssertFalse(one.isEmpty)
            let m1 = try run(["merge"] + shards1 + ["--format", format]).stdout
            let m2 = try run(["merge"] + shards2.reversed() + ["--format", format]).stdout
            XCTAssertTrue(one == m1, "\(format): contiguous shards differ from one run")
            XCTAssertTrue(one == m2, "\(format): interleaved shards in reverse order differ from one run")
        }
    }

    func testOverlappingShardsAreRefused() throws {
        let files = try corpusFiles()
        let tmp = try TempFolder("shards", removeWhenDone: true)
        let a = tmp.path("a.jsonl"), b = tmp.path("b.jsonl")
        _ = try run(["extract", "-o", a, "--"] + Array(files[..<3]))
        _ = try run(["extract", "-o", b, "--"] + Array(files[2..<5]))
        let r = try Command.kbexport(["merge", a, b, "--format", "graphml"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("is also in"), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty)
    }

    /// The PySpark job in local mode (two executors) gives the one-run bytes.
    func testSparkLocalModeGivesTheOneRunBytes() throws {
        try Command.requireConsumer(Command.python(has: ["pyspark"]) && Command.which("java") != nil,
                                    "pyspark (pip) with Java") { XCTSkip($0) }
        let tmp = try TempFolder("shards", removeWhenDone: true)
        let out = tmp.path("spark.graphml")
        let r = try Command.run("python3", ["Scripts/spark/kbexport_spark.py", "--kbexport", Project.binary,
                                            "--master", "local[2]", "--partitions", "4", "--format", "graphml",
                                            "-o", out, Self.corpus])
        XCTAssertEqual(r.status, 0, r.stderr)
        let one = try run([Self.corpus, "--format", "graphml"]).stdout
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), Data(one), "the Spark job's output differs from one run")
    }
}

// Paths, process helpers and the consumer rule for the interop tests (test targets cannot share code, so
// this is a small copy of Tests/EndToEndTests/Support.swift): a missing consumer skips its test, unless
// KB_REQUIRE_CONSUMERS=1 (CI, Scripts/test.sh), in which case it fails.

import Foundation
import XCTest

enum Interop {
    /// The package root, found from this file's path.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// ../shared beside the project (W3C suites, rdf-roundtrip.sh); missing means failure, not skip.
    static func shared(_ relative: String = "") throws -> URL {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path) else {
            XCTFail("../shared is missing next to the project (\(url.path)): the W3C suites and tools are read from there")
            throw CocoaError(.fileNoSuchFile)
        }
        return relative.isEmpty ? url : url.appendingPathComponent(relative)
    }

    /// The built kbexport binary (next to the test bundle, else .build/debug).
    static var binary: URL {
        let dir = Bundle.main.bundleURL
        let candidates = [dir.appendingPathComponent("kbexport"), root.appendingPathComponent(".build/debug/kbexport")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run { var status: Int32; var stdout: Data; var stderr: String; var text: String { String(decoding: stdout, as: UTF8.self) } }

    /// Runs a program from the package root.
    @discardableResult
    static func run(_ exe: String, _ args: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe.hasPrefix("/") ? exe : (which(exe) ?? exe))
        p.arguments = args
        p.currentDirectoryURL = cwd ?? root
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        let outData = ReadAll(out.fileHandleForReading)
        let errData = ReadAll(err.fileHandleForReading)
        if let s = stdin { inp.fileHandleForWriting.write(s) }
        try? inp.fileHandleForWriting.close()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: outData.wait(), stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    static func kbexport(_ args: [String]) throws -> Run { try run(binary.path, args) }

    /// Full path of a command on PATH, or nil.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// True when python3 can import every module.
    static func python(has modules: [String]) -> Bool {
        guard which("python3") != nil else { return false }
        return (try? run("python3", ["-c", "import " + modules.joined(separator: ", ")]).status) == 0
    }

    static var requireConsumers: Bool { ProcessInfo.processInfo.environment["KB_REQUIRE_CONSUMERS"] == "1" }

    /// When a consumer is missing: fail if KB_REQUIRE_CONSUMERS=1 (CI), else skip.
    static func requireConsumer(_ available: Bool, _ what: String) throws {
        guard !available else { return }
        if requireConsumers {
            XCTFail("\(what) is required (KB_REQUIRE_CONSUMERS=1) but not installed")
            throw CocoaError(.featureUnsupported)
        }
        throw XCTSkip("\(what) is not installed")
    }

    static func tempDir(_ tag: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-interop-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` for every item on `width` threads; results in item order.
    static func parallelMap<T, R>(_ items: [T], width: Int = 4, _ body: @escaping @Sendable (T) -> R) -> [R] where T: Sendable, R: Sendable {
        let results = Results<R>(count: items.count)
        let next = Results<Int>(count: 1)
        next.set(0, 0)
        DispatchQueue.concurrentPerform(iterations: min(width, max(items.count, 1))) { _ in
            while true {
                let i = next.increment()
                guard i < items.count else { return }
                results.set(i, body(items[i]))
            }
        }
        return results.values.map { $0! }
    }
}

/// A fixed-size array guarded by a lock, for parallelMap.
final class Results<R>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [R?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: R) { lock.lock(); values[i] = v; lock.unlock() }
    /// For an Int slot 0: returns the value and adds one.
    func increment() -> Int where R == Int {
        lock.lock(); defer { lock.unlock() }
        let v = values[0] ?? 0
        values[0] = v + 1
        return v
    }
}

/// Reads a file handle to the end on a background thread (so a full pipe never blocks the child).
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    init(_ h: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = h.readDataToEndOfFile()
            done.signal()
        }
    }
    func wait() -> Data { done.wait(); return data }
}

/// The W3C RDF 1.1 N-Triples suite (../shared/rdf-tests/rdf11/rdf-n-triples), from its manifest.
enum W3CNTriples {
    struct Test: Sendable { let name: String; let file: URL; let positive: Bool }

    static func tests() throws -> [Test] {
        let dir = try Interop.shared("rdf-tests/rdf11/rdf-n-triples")
        let manifest = try String(contentsOf: dir.appendingPathComponent("manifest.ttl"), encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"<#([^>]+)>\s+rdf:type\s+rdft:(TestNTriples(?:Positive|Negative)Syntax)\s*;[\s\S]*?mf:action\s+<([^>]+)>"#)
        let ns = manifest as NSString
        return regex.matches(in: manifest, range: NSRange(location: 0, length: ns.length)).map { m in
            Test(name: ns.substring(with: m.range(at: 1)), file: dir.appendingPathComponent(ns.substring(with: m.range(at: 3))),
                 positive: ns.substring(with: m.range(at: 2)).contains("Positive"))
        }
    }
}

/// Rows of the interop report (consumer × format × files → accepted / rejected as expected / failed),
/// printed on standard output with the prefix `interop |` (Scripts/interop-report.sh collects them).
enum InteropReport {
    struct Row: Sendable {
        var consumer: String, format: String, files: String
        var accepted = 0, rejected = 0, failed = 0
    }

    static func print(_ title: String, _ rows: [Row]) {
        let header = Row(consumer: "consumer", format: "format", files: "files")
        let widths = [max(10, (rows + [header]).map(\.consumer.count).max()!),
                      max(8, (rows + [header]).map(\.format.count).max()!),
                      max(8, (rows + [header]).map(\.files.count).max()!)]
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var out = "interop | == \(title)\n"
        out += "interop | \(pad("consumer", widths[0])) | \(pad("format", widths[1])) | \(pad("files", widths[2])) | accepted | rejected (expected) | failed\n"
        for r in rows {
            out += "interop | \(pad(r.consumer, widths[0])) | \(pad(r.format, widths[1])) | \(pad(r.files, widths[2])) | "
                + "\(pad(String(r.accepted), 8)) | \(pad(String(r.rejected), 19)) | \(r.failed)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

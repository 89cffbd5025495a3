// The interop tests' own helpers; paths, processes and temporary folders come from KBTestSupport (shared by the
// test targets). A missing consumer skips its test, unless KB_REQUIRE_CONSUMERS=1 (CI, Scripts/test.sh), in which
// case it fails.

import Foundation
import KBTestSupport
import XCTest

/// When a consumer is missing: fail if KB_REQUIRE_CONSUMERS=1 (CI), else skip.
func requireConsumer(_ available: Bool, _ what: String) throws {
    try Command.requireConsumer(available, what) { XCTSkip($0) }
}

enum Interop {
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

/// The W3C RDF 1.1 N-Triples suite (../shared/rdf-tests/rdf11/rdf-n-triples), from its manifest.
enum W3CNTriples {
    struct Test: Sendable { let name: String; let file: URL; let positive: Bool }

    static func tests() throws -> [Test] {
        let dir = try Project.shared("rdf-tests/rdf11/rdf-n-triples")
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

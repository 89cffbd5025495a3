@testable import KBGraph
import KBTestSupport
import XCTest

/// The serial end of a run made cheaper (speed21): runs decoded a batch ahead (`DecodingRunReader`), heads merged in
/// place (`RunMerge`), results made in place (`ParallelMap`), reports ordered field by field (`reportBefore`) give
/// what the plain code gives, errors included, and let every element go exactly once.
final class SpeedEquivalenceMergeTests: XCTestCase {
    struct Bad: Error, Equatable { let at: Int }

    /// Counts the live instances (an element copied or let go once too often, or never, shows in `live`).
    final class Tracked: @unchecked Sendable {
        nonisolated(unsafe) static var live = 0
        static let lock = NSLock()
        let key: Int, seq: Int
        init(_ key: Int, _ seq: Int) {
            self.key = key; self.seq = seq
            Tracked.lock.lock(); Tracked.live += 1; Tracked.lock.unlock()
        }
        deinit { Tracked.lock.lock(); Tracked.live -= 1; Tracked.lock.unlock() }
    }

    /// A spill file of `n` records (each an int), record `bad` (if any) cut short so that decoding it fails.
    func spill(_ n: Int, bad: Int? = nil, in tmp: TempFolder) throws -> SpillFile {
        let file = SpillFile(directory: tmp.path, memoryLimit: 64)
        for i in 0..<n {
            var e = SpillEncoder()
            e.int(i * 7 % 1000); e.string(String(repeating: "ب", count: i % 13))
            try file.appendRecord(i == bad ? Array(e.bytes.prefix(1)) + [0x7F] : e.bytes)
        }
        try file.flush()
        return file
    }

    static func decode(_ offset: Int, _ bytes: [UInt8]) throws -> (Int, String, Int) {
        var d = SpillDecoder(bytes)
        return (try d.int(), try d.string(), offset)
    }

    func testDecodingAheadGivesTheRecordsInOrderAndTheErrorWhereItIs() throws {
        let tmp = try TempFolder("speed21-runs", removeWhenDone: true)
        for (n, bad) in [(0, nil), (1, nil), (500, nil), (500, 0), (500, 250), (500, 499)] as [(Int, Int?)] {
            let file = try spill(n, bad: bad, in: tmp)
            // the plain reading
            var want: [(Int, String, Int)] = []
            var wantError = false
            var r = file.records()
            do { while let x = try r.next() { want.append(try Self.decode(x.offset, x.bytes)) } } catch { wantError = true }
            for batch in [1, 40, 1 << 10, 1 << 20] {
                let reader = DecodingRunReader<(Int, String, Int)>(file: file, range: 0..<file.size, batchBytes: batch,
                                                                   decode: Self.decode)
                var got: [(Int, String, Int)] = []
                var gotError = false
                do { while let x = try reader.next() { got.append(x) } } catch { gotError = true }
                XCTAssertEqual(gotError, wantError, "\(n) \(String(describing: bad)) \(batch)")
                XCTAssertTrue(got.elementsEqual(want, by: { $0 == $1 }), "\(n) \(String(describing: bad)) \(batch)")
            }
        }
    }

    func testMergingInPlaceIsTheStableSortAndLetsEveryHeadGo() throws {
        var x = 11
        for runs in [1, 2, 3, 7, 40] {
            var lists: [[(Int, Int)]] = []
            var seq = 0
            for _ in 0..<runs {
                var keys: [Int] = []
                for _ in 0..<(x % 60) { x = (x * 1103515245 + 12345) & 0x7FFF_FFFF; keys.append(x % 23) }
                x = (x * 1103515245 + 12345) & 0x7FFF_FFFF
                lists.append(keys.sorted().map { k in seq += 1; return (k, seq) })
            }
            let want = lists.flatMap { $0 }.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
                .map(\.element.1)
            do {
                var cursors = lists.map { $0.makeIterator() }
                var got: [Int] = []
                try RunMerge.merge(heads: cursors.indices.map { i in cursors[i].next().map { Tracked($0.0, $0.1) } },
                                   next: { i in cursors[i].next().map { Tracked($0.0, $0.1) } },
                                   lessAt: { $0.pointee.key < $1.pointee.key }) { got.append($0.seq) }
                XCTAssertEqual(got, want, "\(runs) runs")
            }
            XCTAssertEqual(Tracked.live, 0)
            // an error while reading a run, and one from the body: the heads held are let go
            for failAt in [1, want.count / 2] where want.count > 2 {
                var cursors = lists.map { $0.makeIterator() }
                var taken = 0
                XCTAssertThrowsError(try RunMerge.merge(
                    heads: cursors.indices.map { i in cursors[i].next().map { Tracked($0.0, $0.1) } },
                    next: { i in
                        taken += 1
                        if taken == failAt { throw Bad(at: taken) }
                        return cursors[i].next().map { Tracked($0.0, $0.1) }
                    },
                    lessAt: { $0.pointee.key < $1.pointee.key }) { _ in })
                XCTAssertEqual(Tracked.live, 0)
                cursors = lists.map { $0.makeIterator() }
                var seen = 0
                XCTAssertThrowsError(try RunMerge.merge(
                    heads: cursors.indices.map { i in cursors[i].next().map { Tracked($0.0, $0.1) } },
                    next: { i in cursors[i].next().map { Tracked($0.0, $0.1) } },
                    lessAt: { $0.pointee.key < $1.pointee.key }) { _ in seen += 1; if seen == failAt { throw Bad(at: seen) } })
                XCTAssertEqual(Tracked.live, 0)
            }
        }
    }

    func testMapInPlaceLetsEveryResultGoWhenAChunkThrows() {
        for n in [0, 5, 300, 3000] {
            XCTAssertEqual(try ParallelMap.map(Array(0..<n), chunk: 64) { Tracked($0, $0) }.map(\.seq), Array(0..<n))
            XCTAssertEqual(Tracked.live, 0)
            for bad in [0, n / 2, n - 1] where n > 0 {
                XCTAssertThrowsError(try ParallelMap.map(Array(0..<n), chunk: 64) { i -> Tracked in
                    if i == bad || i == n - 1 { throw Bad(at: i) }
                    return Tracked(i, i)
                }) { XCTAssertEqual($0 as? Bad, Bad(at: bad)) }
                XCTAssertEqual(Tracked.live, 0)
            }
        }
    }

    func testReportOrderIsTheTupleOrder() {
        let docs = ["d1", "d2", "دـ", "d10", ""], rules = ["r", "s", "ر", ""], ids = ["a", "b", "é", "e\u{301}"]
        var x = 5
        func pick<T>(_ a: [T]) -> T { x = (x * 1103515245 + 12345) & 0x7FFF_FFFF; return a[x % a.count] }
        var reports: [Evidence] = []
        for _ in 0..<400 {
            let p = Provenance(documentID: pick(docs), sentenceBegin: pick([0, 1, 5]), sentenceEnd: 9, sentence: "",
                               spanBegin: pick([0, 2, 3]), spanEnd: pick([3, 4]))
            reports.append(Evidence(id: pick(ids), provenance: p, rule: pick(rules), confidence: 0.5))
        }
        for a in reports.prefix(80) {
            for b in reports {
                let tuple = (a.documentID, a.sentenceBegin, a.spanBegin, a.spanEnd, a.rule, a.id)
                    < (b.documentID, b.sentenceBegin, b.spanBegin, b.spanEnd, b.rule, b.id)
                XCTAssertEqual(EventMerging.reportBefore(a, b), tuple)
            }
        }
    }

    /// A fact read without its sentences is the fact read in full with every sentence "", and a record cut anywhere
    /// fails in both readings.
    func testFactsReadWithoutSentencesAreTheFactsWithBlankSentences() throws {
        func blank(_ f: Fact) -> Fact {
            var f = f
            f.provenance.sentence = ""
            for k in f.evidence.indices { f.evidence[k].sentence = "" }
            return f
        }
        let s1 = "جملة «أولى»\n", s2 = "e\u{301} second", s3 = ""
        var facts: [Fact] = []
        for (k, sentences) in [[s1], [s1, s1], [s1, s2, s1, s3], [s3, s3], [s2, s1, s2, s2, s1]].enumerated() {
            let p = Provenance(documentID: "doc-\(k)", sentenceBegin: k, sentenceEnd: k + 9, sentence: sentences[0],
                               spanBegin: 1, spanEnd: 4)
            var f = Fact(id: "f-\(k)", type: "VISIT", subject: "per-a", object: "plc-b", provenance: p, rule: "r", confidence: 0.5)
            f.evidence = sentences.dropFirst().enumerated().map { j, s in
                Evidence(id: "f-\(k)-\(j)", provenance: Provenance(documentID: "doc-\(j)", sentenceBegin: j, sentenceEnd: j + 1,
                                                               sentence: s, spanBegin: 0, spanEnd: 1),
                         rule: "r\(j)", confidence: 0.25, attribution: j == 1 ? Attribution(source: "org-x") : nil)
            }
            facts.append(f)
        }
        for f in facts {
            let bytes = SpillEncoder.bytes(of: f)
            XCTAssertEqual(try SpillDecoder.factWithoutSentences(bytes), blank(try SpillDecoder.fact(bytes)))
            for cut in 0..<bytes.count {
                let short = Array(bytes.prefix(cut))
                XCTAssertThrowsError(try SpillDecoder.fact(short))
                XCTAssertThrowsError(try SpillDecoder.factWithoutSentences(short))
            }
        }
    }
}

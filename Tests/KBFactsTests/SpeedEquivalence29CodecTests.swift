@testable import KBGraph
import XCTest

/// The spill codec's numbers written and read at once, the event key appended, FNV-1a on bytes in place and the
/// members of an event compared through held fields (speed29) give what the old code gives. Seeded inputs.
final class SpeedEquivalence29CodecTests: XCTestCase {
    var rng = SeededRandom(seed: 2929)

    /// The old `SpillEncoder.int` and `double`: a byte appended at a time.
    static func oldInt(_ v: Int, into bytes: inout [UInt8]) {
        var n = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
        repeat {
            bytes.append(UInt8(n & 0x7F) | (n >= 0x80 ? 0x80 : 0))
            n >>= 7
        } while n > 0
    }

    static func oldDouble(_ d: Double, into bytes: inout [UInt8]) {
        var b = d.bitPattern
        for _ in 0..<8 { bytes.append(UInt8(b & 0xFF)); b >>= 8 }
    }

    func randomInt() -> Int {
        Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0..<64, using: &rng)
    }

    func testNumbersAreWrittenAndReadAsBefore() throws {
        let edges = [0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, Int.max, Int.min]
        let doubles = [0.0, -0.0, 1, 0.87, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for round in 0..<3000 {
            let ints = round == 0 ? edges : (0..<Int.random(in: 1...6, using: &rng)).map { _ in randomInt() }
            let ds = round == 0 ? doubles : (0..<3).map { _ in Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng)) }
            var old: [UInt8] = [], new = SpillEncoder()
            for v in ints { Self.oldInt(v, into: &old); new.int(v) }
            for d in ds { Self.oldDouble(d, into: &old); new.double(d) }
            XCTAssertEqual(new.bytes, old)
            var r = SpillDecoder(old)
            for v in ints { XCTAssertEqual(try r.int(), v) }
            for d in ds { XCTAssertEqual(try r.double().bitPattern, d.bitPattern) }
            // cut anywhere, the reading fails
            let cut = Int.random(in: 0..<old.count, using: &rng)
            var c = SpillDecoder(Array(old.prefix(cut)))
            XCTAssertThrowsError(try { () throws -> Void in for _ in ints { _ = try c.int() }; for _ in ds { _ = try c.double() } }())
        }
    }

    func testEventKeysAndHashesAreTheOldOnes() {
        let words = ["per-a", "per-b", "plc-libya", "ليبيا", "org-3f2a9c1d", "", "a|b", "e\u{301}", "\u{e9}", "per-mevlut-cavusoglu"]
        let types = RelationTable.standard.names + ["unknown", "زيارة"]
        for _ in 0..<3000 {
            let f = Fact(type: types.randomElement(using: &rng)!, subject: words.randomElement(using: &rng)!,
                         object: words.randomElement(using: &rng)!, modality: [.asserted, .planned, .negated].randomElement(using: &rng)!,
                         provenance: Provenance(documentID: "d", sentenceBegin: 0, sentenceEnd: 1, sentence: "", spanBegin: 0, spanEnd: 1),
                         rule: "r", confidence: 1)
            let table = RelationTable.standard
            let pair = table.isSymmetric(f.type) && f.object < f.subject ? (f.object, f.subject) : (f.subject, f.object)
            let old = "\(f.type)|\(f.modality.rawValue)|\(pair.0)|\(pair.1)"
            let new = EventMerging.key(f, table)
            XCTAssertEqual(Array(new.utf8), Array(old.utf8))
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in old.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 }
            XCTAssertEqual(StableID.fnv1a(new), h)
            XCTAssertEqual(StableID.fnv1a(String(old[...])), h)
        }
        XCTAssertEqual(StableID.fnv1a(""), 0xcbf2_9ce4_8422_2325)
    }

    /// `Member.before` as it was (the first report and the date's value read at every comparison).
    static func oldBefore(_ a: EventMerging.Member, _ b: EventMerging.Member) -> Bool {
        if a.precision != b.precision { return a.precision > b.precision }
        let da = a.date?.value ?? "", db = b.date?.value ?? ""
        if da != db { return da < db }
        return EventMerging.reportBefore(a.reports[0], b.reports[0]) || (a.reports[0] == b.reports[0] && a.id < b.id)
    }

    func testMembersAreOrderedAsBefore() {
        var facts: [Fact] = []
        for k in 0..<150 {
            let p = Provenance(documentID: "doc-\(Int.random(in: 0..<3, using: &rng))", sentenceBegin: Int.random(in: 0..<3, using: &rng),
                               sentenceEnd: 9, sentence: ["s", "t"].randomElement(using: &rng)!, spanBegin: Int.random(in: 0..<2, using: &rng),
                               spanEnd: 5)
            let date = [nil, FactDate(value: "2019", precision: .year), FactDate(value: "2019-05", precision: .month),
                        FactDate(value: "--05", precision: .monthOnly)].randomElement(using: &rng)!
            var f = Fact(id: "f-\(Int.random(in: 0..<4, using: &rng))", type: "visit", subject: "a", object: "b", date: date, provenance: p,
                         rule: ["r1", "r2"].randomElement(using: &rng)!, confidence: 0.5)
            if k % 3 == 0 {
                f.evidence = (0..<Int.random(in: 1...3, using: &rng)).map { j in
                    Evidence(id: "e\(j)", provenance: Provenance(documentID: "doc-\(j)", sentenceBegin: j, sentenceEnd: 9, sentence: "s",
                                                                spanBegin: 0, spanEnd: 1), rule: "r1", confidence: 0.5)
                }
            }
            facts.append(f)
        }
        let members = facts.indices.map { EventMerging.Member(facts, $0) }
        var differ = 0
        for a in members {
            for b in members {
                XCTAssertEqual(EventMerging.Member.before(a, b), Self.oldBefore(a, b))
                if a.documents.count != Set(a.reports.map(\.documentID)).count { differ += 1 }
            }
            XCTAssertEqual(Set(a.documents), Set(a.reports.map(\.documentID)))
            XCTAssertEqual(a.documents.count, Set(a.documents).count)
        }
        XCTAssertEqual(differ, 0)
    }
}

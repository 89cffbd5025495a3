@testable import KBGraph
import XCTest

/// Event merging made cheaper (speed32) merges as the old code did: dates parsed once per member and kept with the
/// cluster's date, the clusters after the first that accepts a member and shares a document with it not asked, a
/// member of one report holding no array of reports or documents, the distinct dates of a cluster in a list.
/// Invented inputs from a seeded generator.
final class SpeedEquivalence32Tests: XCTestCase {
    var rng = SeededRandom(seed: 32)

    func pick<T>(_ a: [T]) -> T { a.randomElement(using: &rng)! }
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    /// Dates of every shape, compatible and not with each other, a few not ASCII.
    let dates = ["2019", "2019-03", "2019-03-07", "2019-03-08", "2019-04", "2018", "--03", "--03-07", "--04", "2019-0٣", "٢٠١٩"]
    let roles = ["الرئيس", "رئيس الوزراء", "نظيره", "وزير الخارجية", "وزير الخارجية والتعاون الدولي", "الرئيس التونسي",
                 "رئيس جمهورية", "قائد الدعم السريع", "قائد قوات الدعم السريع", ""]

    func report(_ k: Int) -> Fact {
        let doc = "doc-\(Int.random(in: 0..<6, using: &rng))"
        let p = Provenance(documentID: doc, sentenceBegin: Int.random(in: 0..<4, using: &rng), sentenceEnd: 10, sentence: "s",
                           spanBegin: 1, spanEnd: Int.random(in: 2..<5, using: &rng))
        var evidence: [Evidence] = []
        if chance(0.25) {
            for j in 0..<Int.random(in: 1...3, using: &rng) {
                let q = j == 0 ? p : Provenance(documentID: "doc-\(Int.random(in: 0..<6, using: &rng))", sentenceBegin: j,
                                                sentenceEnd: j + 5, sentence: "t", spanBegin: j, spanEnd: j + 1)
                evidence.append(Evidence(id: "f-\(k)-\(j)", provenance: q, rule: "r\(j)", confidence: 0.1 * Double(j + 1),
                                         date: chance(0.3) ? FactDate(value: pick(dates), precision: .month) : nil))
            }
        }
        return Fact(id: "f-\(k)", type: pick(["visit", "meeting"]), subject: pick(["per-a", "per-b"]), object: pick(["per-b", "plc-c"]),
                    place: chance(0.3) ? pick(["plc-x", "plc-y", ""]) : nil,
                    date: chance(0.7) ? FactDate(value: pick(dates), precision: .day) : nil,
                    role: chance(0.5) ? pick(roles) : nil, modality: .asserted, provenance: p, rule: "rule-\(k % 3)",
                    confidence: 0.2 + 0.1 * Double(k % 5), evidence: evidence)
    }

    /// The old cluster: dates parsed at every question, every cluster asked, the reports of the members' facts.
    struct OldCluster {
        var members: [EventMerging.Member]
        var date: FactDate?, place: String?, role: String?
        var documents: Set<String>
        var memberDates: [String: EventMerging.Parts] = [:]

        init(_ m: EventMerging.Member) {
            members = [m]; date = m.date; place = m.place.flatMap { $0.isEmpty ? nil : $0 }
            if let d = m.date { memberDates[d.value] = EventMerging.Parts(d.value) }
            role = m.role; documents = Set(m.documents)
        }

        func accepts(_ m: EventMerging.Member) -> Bool {
            guard EventMerging.compatible(date, m.date) else { return false }
            if let d = m.date {
                let pd = EventMerging.Parts(d.value)
                guard memberDates.values.allSatisfy({ $0.contains(pd) || pd.contains($0) }) else { return false }
            }
            let p = m.place.flatMap { $0.isEmpty ? nil : $0 }
            if let a = place, let b = p, a != b { return false }
            if let a = role, let b = m.role, !EventMerging.sameRole(a, b) { return false }
            return true
        }

        mutating func add(_ m: EventMerging.Member) {
            members.append(m)
            if let d = m.date, memberDates[d.value] == nil { memberDates[d.value] = EventMerging.Parts(d.value) }
            if let d = m.date, date.map({ EventMerging.Parts($0.value).known < EventMerging.Parts(d.value).known }) ?? true { date = d }
            if place == nil { place = m.place.flatMap { $0.isEmpty ? nil : $0 } }
            if m.role != nil, role == nil || role.map({ EventMerging.roleKey($0) == "*" }) == true { role = m.role }
            documents.formUnion(m.documents)
        }

        /// The merged fact, the reports of every member gathered and sorted, their confidences combined.
        func fact(of facts: [Fact]) -> Fact {
            let reports = members.count == 1 ? facts[members[0].index].reports.sorted(by: EventMerging.reportBefore)
                : members.flatMap { facts[$0.index].reports.sorted(by: EventMerging.reportBefore) }.sorted(by: EventMerging.reportBefore)
            let primary = members.first { $0.first == reports[0] } ?? members[0]
            var f = facts[primary.index]
            let first = reports[0]
            f.provenance = first.provenance
            f.rule = first.rule
            f.date = date
            f.place = place ?? f.place
            f.role = role
            f.confidence = members.count == 1 && !f.evidence.isEmpty ? f.confidence : EventMerging.confidence(reports.map(\.confidence))
            f.evidence = reports
            f.attribution = reports.contains(where: { $0.attribution == nil }) ? nil : first.attribution
            return f
        }
    }

    /// `EventMerging.merge` as it was.
    static func oldMerge(_ facts: [Fact], table: RelationTable, clusterCounts: inout [Int]) -> [Fact] {
        var groups = [String: [Int]]()
        for i in facts.indices { groups[EventMerging.key(facts[i], table), default: []].append(i) }
        var out = [Fact]()
        for k in groups.keys.sorted() {
            let members = EventMerging.sortedMembers(groups[k]!.map { EventMerging.Member(facts, $0) })
            var clusters = [OldCluster]()
            for m in members {
                let fits = clusters.indices.filter { clusters[$0].accepts(m) }
                if let i = fits.first(where: { !clusters[$0].documents.isDisjoint(with: m.documents) }) ?? fits.first {
                    clusters[i].add(m)
                } else {
                    clusters.append(OldCluster(m))
                }
            }
            clusterCounts.append(clusters.count)
            for c in clusters { out.append(c.fact(of: facts)) }
        }
        return out
    }

    func testEventsAreMergedAsBefore() {
        var groupsOfSeveral = 0, mergedAway = 0
        for round in 0..<300 {
            let facts = (0..<Int.random(in: 1...40, using: &rng)).map { report(round * 100 + $0) }
            var counts: [Int] = []
            let want = Self.oldMerge(facts, table: .standard, clusterCounts: &counts)
            groupsOfSeveral += counts.filter { $0 > 1 }.count
            mergedAway += facts.count - want.count
            XCTAssertEqual(EventMerging.merge(facts, table: .standard, stretches: 1), want, "round \(round)")
            XCTAssertEqual(EventMerging.merge(facts, table: .standard, stretches: 3), want, "round \(round)")
        }
        // both kinds of outcome are exercised: groups split into several events, and reports merged
        XCTAssertGreaterThan(groupsOfSeveral, 300)
        XCTAssertGreaterThan(mergedAway, 1000)
    }

    /// Fact lines written into the writer's own buffer (grown past its first 1,024 bytes) and appended at the end are
    /// the encoder's lines after what the caller's buffer held; a refused line leaves it as it was.
    func testFactLinesWrittenInTheirOwnBufferAreTheEncodersLines() throws {
        var grew = 0, refused = 0
        let head = Array("earlier line\n".utf8)
        for k in 0..<400 {
            var f = report(k)
            let long = String(repeating: pick(["نص طويل ", "a\"b\\c/ ", "x"]), count: Int.random(in: 0...300, using: &rng))
            f.provenance.sentence = long + (chance(0.1) ? "\u{01}" : "")
            f.provenance.sentenceBegin = chance(0.2) ? -Int.random(in: 1...99999, using: &rng) : Int.random(in: 0...Int.max, using: &rng)
            for e in f.evidence.indices where chance(0.5) { f.evidence[e].sentence = long }
            var out = head
            if FactsFile.appendFactLine(f, newline: true, to: &out) {
                let want = Array(try FactsFile.line("fact", f, FactsFile.encoder()))
                XCTAssertEqual(out, head + want + [0x0A], "fact \(k)")
                if want.count > 1024 { grew += 1 }
            } else {
                refused += 1
                XCTAssertEqual(out, head)
            }
        }
        XCTAssertGreaterThan(grew, 100)
        XCTAssertGreaterThan(refused, 10)
    }
}

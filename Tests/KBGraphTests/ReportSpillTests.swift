@testable import KBGraph
import KBTestSupport
import XCTest

/// Spill files give back exactly what was written; buckets and runs give the order and merge of the whole list.
final class ReportSpillTests: XCTestCase {
    func report(_ i: Int, type: String = "VISIT", subject: String = "per-a", object: String = "plc-b", date: String? = nil,
                document: String = "doc-1") -> Fact {
        let p = Provenance(documentID: document, sentenceBegin: i * 10, sentenceEnd: i * 10 + 9, sentence: "جملة \(i) «x»\n",
                           spanBegin: i * 10 + 1, spanEnd: i * 10 + 5)
        return Fact(id: "f-" + String(StableID.hex("\(i)").prefix(12)), type: type, subject: subject, object: object,
                    date: date.map { FactDate(value: $0, precision: $0.count == 10 ? .day : .month) },
                    provenance: p, rule: "r\(i % 3)", confidence: 0.1 + Double(i % 7) / 10)
    }

    func testEveryFieldRoundTrips() throws {
        var f = report(3, date: "2018-08-07")
        f.place = "plc-c"; f.role = "وزير الخارجية"; f.modality = .planned; f.attribution = Attribution(source: nil)
        f.confidence = 0.7000000000000001
        f.evidence = [Evidence(id: "f-1", provenance: f.provenance, rule: "x", confidence: 1e-300,
                               date: FactDate(value: "--08", precision: .monthOnly), attribution: Attribution(source: "org-x")),
                      Evidence(id: "", provenance: Provenance(documentID: "", sentenceBegin: -1, sentenceEnd: Int.max,
                                                              sentence: "", spanBegin: Int.min, spanEnd: 0),
                               rule: "", confidence: -0.0)]
        XCTAssertEqual(try SpillDecoder.fact(SpillEncoder.bytes(of: f)), f)
        let g = report(4)
        XCTAssertEqual(try SpillDecoder.fact(SpillEncoder.bytes(of: g)), g)
        let spill = SpillFile()
        var offsets: [Int] = []
        for x in [f, g] { offsets.append(try spill.appendRecord(SpillEncoder.bytes(of: x))) }
        XCTAssertEqual(try SpillDecoder.fact(spill.record(at: offsets[1])), g)
    }

    /// Many buckets: the events merged and the order are those of `mergingEvents` on the whole list; joined ids are
    /// applied and a fact left between one entity and itself goes, as `CrossDocumentLinker.apply` does.
    func testBucketsGiveTheWholeListsMerge() throws {
        var reports: [Fact] = []
        for i in 0..<600 {
            let subject = ["per-a", "per-b", "per-c", "per-old"][i % 4]
            reports.append(report(i, type: ["VISIT", "MEET", "SUPPORT"][i % 3], subject: subject,
                                  object: ["plc-b", "per-a", "org-c"][(i / 3) % 3],
                                  date: i % 5 == 0 ? nil : "2018-0\(1 + i % 3)" + (i % 2 == 0 ? "-0\(1 + i % 9)" : ""),
                                  document: "doc-\(i % 17)"))
        }
        let links = ["per-old": "per-a"]
        var linked = reports
        for k in linked.indices { if let n = links[linked[k].subject] { linked[k].subject = n } }
        linked.removeAll { $0.subject == $0.object }
        for mergeEvents in [true, false] {
            let tmp = try TempFolder("spill", removeWhenDone: true)
            let spill = ReportSpill(directory: tmp.path, bucketBytes: 500)
            for chunk in stride(from: 0, to: reports.count, by: 50) { try spill.append(Array(reports[chunk..<(chunk + 50)])) }
            XCTAssertEqual(spill.count, 600)
            let sorted = try spill.finish(links: links, mergeEvents: mergeEvents)
            XCTAssertGreaterThan(sorted.runCount, 5)
            let expected = KnowledgeGraph(facts: linked)
            let want = mergeEvents ? expected.mergingEvents().facts : { var g = expected; g.canonicalize(); return g.facts }()
            var got: [(Fact, Int)] = []
            try sorted.forEach { got.append(($0, $1)) }
            XCTAssertEqual(got.map(\.0), want)
            XCTAssertEqual(sorted.count, want.count)
            for (f, offset) in got.prefix(20) { XCTAssertEqual(try sorted.fact(at: offset), f) }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [])
        }
    }
}

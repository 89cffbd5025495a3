@testable import KBGraph
import XCTest

/// Events, not reports: facts that state one event merge into one fact that keeps every report.
final class EventMergingTests: XCTestCase {
    func fact(_ id: String, _ type: String, _ s: String, _ o: String, doc: String = "doc-a", begin: Int = 0,
              date: String? = nil, place: String? = nil, role: String? = nil, modality: Modality = .asserted,
              confidence: Double = 0.8, rule: String = "r") -> Fact {
        let precision: FactDate.Precision? = date.map {
            $0.hasPrefix("--") ? ($0.count == 4 ? .monthOnly : .dayMonth) : [4: .year, 7: .month, 10: .day][$0.count]!
        }
        return Fact(id: id, type: type, subject: s, object: o, place: place,
                    date: date.map { FactDate(value: $0, precision: precision!) }, role: role, modality: modality,
                    provenance: Provenance(documentID: doc, sentenceBegin: begin, sentenceEnd: begin + 10,
                                           sentence: "جملة \(id)", spanBegin: begin, spanEnd: begin + 5),
                    rule: rule, confidence: confidence)
    }

    func testTwoReportsOfOneVisitAcrossDocumentsAreOneFactWithBothReports() {
        let merged = EventMerging.merge([
            fact("f-2", "VISIT", "per-x", "plc-y", doc: "doc-b", begin: 40, date: "2018-08-07", confidence: 0.6, rule: "visit.b"),
            fact("f-1", "VISIT", "per-x", "plc-y", doc: "doc-a", begin: 10, date: "2018-08", confidence: 0.7, rule: "visit.a"),
        ])
        XCTAssertEqual(merged.count, 1)
        let f = merged[0]
        XCTAssertEqual(f.support, 2)
        XCTAssertEqual(f.id, "f-1", "the first report (document order) is the primary one")
        XCTAssertEqual(f.provenance.documentID, "doc-a")
        XCTAssertEqual(f.rule, "visit.a")
        XCTAssertEqual(f.date?.value, "2018-08-07", "the most precise date")
        XCTAssertEqual(f.evidence.map(\.id), ["f-1", "f-2"])
        XCTAssertEqual(f.evidence.map(\.documentID), ["doc-a", "doc-b"])
        XCTAssertEqual(f.evidence.map(\.rule), ["visit.a", "visit.b"])
        XCTAssertEqual(f.evidence[1].date?.value, "2018-08-07", "each report keeps the date it states")
        XCTAssertEqual(f.evidence[0].date?.value, "2018-08")
        XCTAssertEqual(f.confidence, 1 - 0.3 * 0.4, accuracy: 1e-9, "noisy-or of the reports")
        XCTAssertEqual(f.reportingDocuments, ["doc-a", "doc-b"])
    }

    /// The groups merged on several cores (stretches of keys) give the facts, in the order, of merging them one by one.
    func testMergingInStretchesIsMergingOneGroupAfterAnother() {
        var facts: [Fact] = []
        let dates: [String?] = [nil, "2018", "2018-08", "2018-08-07", "2018-08-09", "--08", "2019-01"]
        for i in 0..<600 {
            let s = "per-\(i % 23)", o = i % 3 == 0 ? "plc-\(i % 7)" : "per-\((i * 7) % 19)"
            facts.append(fact("f-\(i)", ["VISIT", "MEET", "CALL"][i % 3], s, o, doc: "doc-\(i % 11)", begin: i % 50,
                              date: dates[i % dates.count], place: i % 5 == 0 ? "plc-\(i % 2)" : nil,
                              role: i % 4 == 0 ? "الرئيس" : nil, modality: i % 9 == 0 ? .planned : .asserted,
                              confidence: 0.5 + Double(i % 5) / 10, rule: "r\(i % 4)"))
        }
        let one = EventMerging.merge(facts, table: .standard, stretches: 1)
        XCTAssertLessThan(one.count, facts.count, "some reports merge")
        for n in [2, 3, 8, 1000] {
            let many = EventMerging.merge(facts, table: .standard, stretches: n)
            XCTAssertEqual(many, one, "\(n) stretches")
        }
        XCTAssertEqual(EventMerging.merge(facts), one)
    }

    func testConfidenceIsCappedButNeverBelowTheBestReport() {
        XCTAssertEqual(EventMerging.confidence([0.9, 0.9, 0.9]), 0.99)
        XCTAssertEqual(EventMerging.confidence([1.0, 0.5]), 1.0)
        XCTAssertEqual(EventMerging.confidence([0.42]), 0.42)
    }

    func testSymmetricTypesMergeInEitherDirectionOthersDoNot() {
        let meet = EventMerging.merge([fact("f-1", "MEET", "per-a", "per-b"), fact("f-2", "MEET", "per-b", "per-a", doc: "doc-b")])
        XCTAssertEqual(meet.count, 1)
        let visit = EventMerging.merge([fact("f-1", "VISIT", "per-a", "per-b"), fact("f-2", "VISIT", "per-b", "per-a", doc: "doc-b")])
        XCTAssertEqual(visit.count, 2)
    }

    func testIncompatibleDatesPlacesModalitiesAndTypesStayApart() {
        XCTAssertEqual(EventMerging.merge([fact("f-1", "VISIT", "a", "b", date: "2018-08-07"),
                                           fact("f-2", "VISIT", "a", "b", begin: 20, date: "2018-08-09")]).count, 2)
        XCTAssertEqual(EventMerging.merge([fact("f-1", "VISIT", "a", "b", date: "2018"),
                                           fact("f-2", "VISIT", "a", "b", begin: 20, date: "--08")]).count, 2,
                       "neither date contains the other")
        XCTAssertEqual(EventMerging.merge([fact("f-1", "MEET", "a", "b", place: "plc-rome"),
                                           fact("f-2", "MEET", "a", "b", begin: 20, place: "plc-cairo")]).count, 2)
        XCTAssertEqual(EventMerging.merge([fact("f-1", "VISIT", "a", "b"),
                                           fact("f-2", "VISIT", "a", "b", begin: 20, modality: .planned)]).count, 2)
        XCTAssertEqual(EventMerging.merge([fact("f-1", "VISIT", "a", "b"), fact("f-2", "RECEIVE", "a", "b", begin: 20)]).count, 2)
    }

    func testCompatibleDates() {
        func d(_ v: String, _ p: FactDate.Precision) -> FactDate { FactDate(value: v, precision: p) }
        XCTAssertTrue(EventMerging.compatible(d("2018-08-07", .day), nil))
        XCTAssertTrue(EventMerging.compatible(d("2018", .year), d("2018-08-07", .day)))
        XCTAssertTrue(EventMerging.compatible(d("--08", .monthOnly), d("2018-08-07", .day)))
        XCTAssertTrue(EventMerging.compatible(d("--08-07", .dayMonth), d("2018-08-07", .day)))
        XCTAssertFalse(EventMerging.compatible(d("2018-07", .month), d("2018-08-07", .day)))
        XCTAssertFalse(EventMerging.compatible(d("2019", .year), d("2018-08", .month)))
    }

    func testAnUndatedReportJoinsTheDatedEventOfItsOwnDocument() {
        let merged = EventMerging.merge([
            fact("f-1", "VISIT", "a", "b", doc: "doc-a", date: "2018-05-02"),
            fact("f-2", "VISIT", "a", "b", doc: "doc-b", date: "2018-06-10"),
            fact("f-3", "VISIT", "a", "b", doc: "doc-b", begin: 90),
        ])
        XCTAssertEqual(merged.count, 2)
        let june = merged.first { $0.date?.value == "2018-06-10" }
        XCTAssertEqual(june?.evidence.map(\.id), ["f-2", "f-3"])
    }

    func testPlaceAndRoleAreFilledFromAnyReportAndStateQualifiersDoNotSplitARole() {
        let merged = EventMerging.merge([
            fact("f-1", "HOLDS_ROLE", "per-a", "plc-niger", role: "رئيس"),
            fact("f-2", "HOLDS_ROLE", "per-a", "plc-niger", begin: 30, role: "رئيس جمهورية"),
            fact("f-3", "HOLDS_ROLE", "per-a", "plc-niger", begin: 60, role: "رئيس الوزراء"),
        ])
        XCTAssertEqual(merged.count, 2, "a president is not a prime minister")
        let meet = EventMerging.merge([fact("f-1", "MEET", "a", "b"), fact("f-2", "MEET", "a", "b", begin: 30, place: "plc-rome")])
        XCTAssertEqual(meet.count, 1)
        XCTAssertEqual(meet[0].place, "plc-rome")
    }

    func testACliticDualOrPluralHeadDoesNotSplitARole() {
        let merged = EventMerging.merge([
            fact("f-1", "HOLDS_ROLE", "per-a", "plc-niger", role: "وزير الخارجية النيجري"),
            fact("f-2", "HOLDS_ROLE", "per-a", "plc-niger", begin: 30, role: "وزيرا الخارجية النيجري والمالي"),
            fact("f-3", "HOLDS_ROLE", "per-a", "plc-niger", begin: 60, role: "وزراء الخارجية"),
            fact("f-4", "HOLDS_ROLE", "per-b", "plc-niger", role: "رئيس المجلس العسكري"),
            fact("f-5", "HOLDS_ROLE", "per-b", "plc-niger", begin: 30, role: "لرئيس المجلس العسكري"),
            fact("f-6", "HOLDS_ROLE", "per-b", "plc-niger", begin: 60, role: "وزير الدفاع"),
        ])
        XCTAssertEqual(merged.filter { $0.subject == "per-a" }.count, 1, "one foreign minister, however the head is written")
        XCTAssertEqual(merged.filter { $0.subject == "per-b" }.count, 2, "a head of council is not a defence minister")
        let body = EventMerging.merge([
            fact("f-1", "HOLDS_ROLE", "per-c", "org-force", role: "قائد الحرس الوطني"),
            fact("f-2", "HOLDS_ROLE", "per-c", "org-force", begin: 30, role: "قائد قوات الحرس الوطني"),
            fact("f-3", "HOLDS_ROLE", "per-c", "org-force", begin: 60, role: "نائب قائد الحرس الوطني"),
        ])
        XCTAssertEqual(body.count, 2, "the body named with a word more is one office; a deputy holds another")
    }

    func testTheResultDoesNotDependOnTheInputOrder() {
        var facts = [fact("f-1", "VISIT", "a", "b", date: "2018-08"), fact("f-2", "VISIT", "a", "b", doc: "doc-b", date: "2018-08-07"),
                     fact("f-3", "VISIT", "a", "b", doc: "doc-c"), fact("f-4", "MEET", "b", "a"), fact("f-5", "MEET", "a", "b", doc: "doc-c"),
                     fact("f-6", "VISIT", "a", "b", doc: "doc-d", date: "2018-09-01")]
        var g = KnowledgeGraph(facts: facts).mergingEvents()
        let first = g.facts
        for _ in 0..<10 {
            facts.shuffle()
            g = KnowledgeGraph(facts: facts).mergingEvents()
            XCTAssertEqual(g.facts, first)
        }
        XCTAssertEqual(first.map(\.support).reduce(0, +), 6, "every report is kept once")
    }

    func testMergingTwiceChangesNothing() {
        let once = EventMerging.merge([fact("f-1", "VISIT", "a", "b"), fact("f-2", "VISIT", "a", "b", doc: "doc-b"),
                                       fact("f-3", "MEET", "a", "c")])
        XCTAssertEqual(EventMerging.merge(once).sorted { $0.id < $1.id }, once.sorted { $0.id < $1.id })
        XCTAssertTrue(once.allSatisfy { !$0.evidence.isEmpty }, "every merged fact lists its reports")
    }
}

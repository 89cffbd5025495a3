import KBFacts
import KBGraph
import KBText
import XCTest

/// The place of a gathering, from "في" or "ب" in its clause (sentences written for these tests).
final class EventPlaceTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-test", path: "test.txt", text: text))
    }

    func gatherings(_ x: DocumentExtraction) -> [Fact] {
        x.facts.filter { ["MEET", "TALKS", "RECEIVE", "VISIT"].contains($0.type) }
    }

    func testAMeetingInACityGetsThePlaceAndNoSecondFact() {
        let x = extract("التقى وزير الخارجية الروسي سيرغي لافروف نظيره المالي عبد الله ديوب في روما أمس.")
        let meetings = x.facts.filter { $0.type == "MEET" }
        XCTAssertEqual(meetings.count, 1, "\(x.facts.map(\.type))")
        XCTAssertEqual(meetings.first?.place, "plc-rome")
        XCTAssertFalse(x.facts.contains { $0.object == "plc-rome" || $0.subject == "plc-rome" },
                       "the place is an attribute of the meeting, not a fact of its own: \(x.facts.map { "\($0.type) \($0.object)" })")
    }

    func testThePlaceNounAndTheCliticBIntroduceThePlaceToo() {
        let x = extract("التقى وزير الخارجية الروسي سيرغي لافروف نظيره المالي عبد الله ديوب بالعاصمة الإيطالية روما.")
        XCTAssertEqual(x.facts.first { $0.type == "MEET" }?.place, "plc-rome")
    }

    func testAPlaceInARolePhraseOrAnotherClauseIsNotWhereTheMeetingWas() {
        let x = extract("التقى وزير الخارجية الروسي سيرغي لافروف نظيره المالي عبد الله ديوب. وكان ديوب قد عاش في روما.")
        XCTAssertEqual(x.facts.first { $0.type == "MEET" }.map { $0.place ?? "none" }, "none")
    }

    func testAVisitToAPlaceDoesNotTakeItsOwnDestinationAsPlace() {
        let x = extract("وصل المشير خليفة حفتر إلى موسكو في زيارة رسمية.")
        for f in gatherings(x) { XCTAssertNotEqual(f.place, f.object, "\(f.type)") }
    }
}

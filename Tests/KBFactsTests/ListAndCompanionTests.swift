@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Argument finders across a list colon (`LIST_COLON`, RuleEngine+Lists.swift), companions of a visit told
/// before (Extractor+ImpliedVisits.swift) and the date the two people of a meeting carry (`doc-people`). Invented text.
final class ListAndCompanionTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-lists", path: "lists.txt", text: text))
    }
    func facts(_ x: DocumentExtraction, _ type: String) -> [String] {
        x.arrows(type)
    }
    func dates(_ x: DocumentExtraction, _ type: String) -> [String] {
        x.facts.filter { $0.type == type }.map { $0.date?.value ?? "none" }
    }

    /// «وزراء: الخارجية X، والطاقة Y»: the colon after a list head opens the list.
    func testAListAfterAColon() {
        let x = extract("ويرافق الرئيس الجزائري عبد المجيد تبون في زيارته إلى روما وزراء: الخارجية أحمد عطاف، والطاقة محمد عرقاب.")
        let acc = facts(x, "ACCOMPANIES")
        XCTAssertTrue(acc.contains { $0.contains("عطاف") && $0.contains("تبون") }, "\(acc)")
        XCTAssertTrue(acc.contains { $0.contains("عرقاب") && $0.contains("تبون") }, "\(acc)")
        XCTAssertTrue(facts(x, "VISIT").contains { $0.contains("عرقاب") && $0.hasSuffix("روما") }, "\(facts(x, "VISIT"))")
    }

    /// Any other colon ends the search: what follows is another clause.
    func testAnotherColonEndsTheSearch() {
        let x = extract("ويرافق الرئيس الجزائري عبد المجيد تبون في زيارته وفد رسمي: ويضم الوفد أحمد عطاف.")
        XCTAssertTrue(facts(x, "ACCOMPANIES").isEmpty, "\(facts(x, "ACCOMPANIES"))")
    }

    /// A companion named in a sentence after the visit visits its destination, with the visit's date.
    func testACompanionOfAVisitToldBefore() {
        let x = extract("""
            وصل الرئيس الجزائري عبد المجيد تبون إلى روما يوم 3 مارس 2025 في زيارة رسمية.
            ويرافق الرئيس الجزائري في زيارته وزير الخارجية أحمد عطاف.
            """)
        let visits = x.facts.filter { $0.type == "VISIT" && $0.rule == "visit.companion" }
        XCTAssertEqual(visits.count, 1, "\(facts(x, "VISIT"))")
        XCTAssertEqual(visits.first?.date?.value, "2025-03-03")
        XCTAssertTrue(facts(x, "VISIT").contains { $0.contains("عطاف") && $0.hasSuffix("روما") }, "\(facts(x, "VISIT"))")
    }

    /// A visit told three sentences or more before is not the one the companion joins.
    func testACompanionDoesNotReachAFarVisit() {
        let x = extract("""
            وصل الرئيس الجزائري عبد المجيد تبون إلى روما يوم 3 مارس 2025 في زيارة رسمية.
            وتعرف العاصمة حركة كثيفة هذه الأيام.
            وتشهد المدينة أيضا أشغالا في الطرق الكبرى.
            ويقول السكان إن الطقس معتدل.
            ويرافق الرئيس الجزائري وزير الخارجية أحمد عطاف.
            """)
        XCTAssertFalse(facts(x, "VISIT").contains { $0.contains("عطاف") }, "\(facts(x, "VISIT"))")
        // «في زيارته» names the visit: it reaches back to it
        let y = extract("""
            وصل الرئيس الجزائري عبد المجيد تبون إلى روما يوم 3 مارس 2025 في زيارة رسمية.
            وتعرف العاصمة حركة كثيفة هذه الأيام.
            وتشهد المدينة أيضا أشغالا في الطرق الكبرى.
            ويقول السكان إن الطقس معتدل.
            ويرافق الرئيس الجزائري في زيارته وزير الخارجية أحمد عطاف.
            """)
        XCTAssertTrue(facts(y, "VISIT").contains { $0.contains("عطاف") && $0.hasSuffix("روما") }, "\(facts(y, "VISIT"))")
    }

    /// A companion who serves the state visited (the host's minister at the guest's side) does not visit it.
    func testACompanionServingTheHostStateDoesNotVisitIt() {
        let x = extract("""
            وصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر يوم 3 مارس 2025 في زيارة رسمية.
            ويرافق ماكرون في زيارته وزير الخارجية الجزائري أحمد عطاف.
            """)
        XCTAssertFalse(facts(x, "VISIT").contains { $0.contains("عطاف") }, "\(facts(x, "VISIT"))")
    }

    /// «وجدد الوزيران الترحيب بـ…»: the welcome takes the day of the meeting it goes on about, unless its own
    /// sentence states one.
    func testTheTwoPeopleCarryTheDateOfTheirMeeting() {
        let x = extract("""
            واستقبل وزير الخارجية الأردني أيمن الصفدي نظيره المصري بدر عبد العاطي في عمان يوم 3 مارس 2025.
            وجدد الوزيران الترحيب بمبادرة الجامعة العربية.
            """)
        XCTAssertEqual(dates(x, "SUPPORT"), ["2025-03-03", "2025-03-03"], "\(facts(x, "SUPPORT"))")
        let y = extract("""
            واستقبل وزير الخارجية الأردني أيمن الصفدي نظيره المصري بدر عبد العاطي في عمان.
            وجدد الوزيران الترحيب بمبادرة الجامعة العربية.
            """)
        XCTAssertEqual(dates(y, "SUPPORT"), ["none", "none"], "\(facts(y, "SUPPORT"))")
    }
}

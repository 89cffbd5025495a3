@testable import KBFacts
import XCTest

/// One office of one state has one holder at a time: a title with no state does not take the document's country
/// when another holds that office of it by a statement (Extractor+SoleHolders.swift; invented text).
final class SoleHolderTests: XCTestCase {
    /// The host's foreign minister is named with his state: the visitor, whose title names none, is of the other state.
    func testTheVisitorTakesTheOtherState() {
        let x = extractInvented("""
            وصل وزير الخارجية كمال داود إلى القاهرة في زيارة رسمية لبحث التعاون بين مصر وتونس. واستقبله وزير الخارجية المصري سامي ناصر في مقر الوزارة. وأكد داود أن تونس حريصة على تعزيز العلاقات مع مصر.
            """)
        let roles = x.arrows("HOLDS_ROLE")
        XCTAssertTrue(roles.contains("كمال داود → تونس"), "\(roles)")
        XCTAssertFalse(roles.contains("كمال داود → مصر"), "\(roles)")
        XCTAssertTrue(roles.contains("سامي ناصر → مصر"), "\(roles)")
    }

    /// The gazetteer's minister holds the office too; «الوزير الأول» and «رئيس الوزراء» are one office; a title set off
    /// by a comma after the name gives the office when the trigger's title names none.
    func testOneOfficeUnderOtherWordings() {
        for text in [
            "وصل وزير الخارجية كمال داود إلى القاهرة في زيارة رسمية لبحث التعاون بين مصر وتونس. واستقبله وزير الخارجية سامح شكري في مقر الوزارة. وأكد داود أن تونس حريصة على تعزيز العلاقات مع مصر.",
            "وصل الوزير الأول كمال داود إلى القاهرة في زيارة رسمية لبحث التعاون بين مصر وتونس. واستقبله رئيس الوزراء المصري سامي ناصر في مقر الحكومة. وأكد داود أن تونس حريصة على تعزيز العلاقات مع مصر.",
            "وصل الوزير كمال داود، وزير الشؤون الخارجية، إلى القاهرة في زيارة رسمية لبحث التعاون بين مصر وتونس. واستقبله وزير الخارجية المصري سامي ناصر في مقر الوزارة. وأكد داود أن تونس حريصة على تعزيز العلاقات مع مصر.",
        ] {
            let roles = extractInvented(text).arrows("HOLDS_ROLE")
            XCTAssertTrue(roles.contains("كمال داود → تونس"), "\(roles)")
            XCTAssertFalse(roles.contains("كمال داود → مصر"), "\(roles)")
        }
    }

    /// No other state the document is about: no state rather than the host's.
    func testWithoutAnOtherStateNoFact() {
        let x = extractInvented("""
            وصل وزير الخارجية كمال داود إلى القاهرة للمشاركة في اجتماع حول الأزمة في ليبيا والسودان. واستقبله وزير الخارجية المصري سامي ناصر في مقر الوزارة.
            """)
        XCTAssertFalse(x.arrows("HOLDS_ROLE").contains { $0.hasPrefix("كمال داود") }, "\(x.arrows("HOLDS_ROLE"))")
    }

    /// A deputy, a former holder and another office constrain nothing: the document's country stays.
    func testSharedFormerAndOtherOfficesKeepTheDocumentsCountry() {
        for host in ["نائب وزير الخارجية المصري", "وزير الخارجية المصري السابق", "وزير الدفاع المصري"] {
            let roles = extractInvented("""
                وصل وزير الخارجية كمال داود إلى القاهرة في زيارة رسمية لبحث التعاون بين مصر وتونس. واستقبله \(host) سامي ناصر في مقر الوزارة. وأكد داود أن تونس حريصة على تعزيز العلاقات مع مصر.
                """).arrows("HOLDS_ROLE")
            XCTAssertTrue(roles.contains("كمال داود → مصر"), "\(host): \(roles)")
        }
    }
}

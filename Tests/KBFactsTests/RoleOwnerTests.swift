import KBFacts
import XCTest

/// «الدور المصري في دعم Y»: the state of the nationality adjective after «الدور» supports Y (rules/migrated-support.rules,
/// the finder option `role-owner`), not the person a title or an earlier sentence names. Invented text.
final class RoleOwnerTests: XCTestCase {
    func testTheAdjectiveAfterTheRoleNamesTheSupporter() {
        // an unnamed title before «الدور» used to hide the adjective: the document's earlier subject took its place
        let text = "واستقبل الرئيس السوداني عمر البشير وفدا رسميا. وثمن الوزير الدور المصري في دعم استقرار السودان."
        XCTAssertEqual(extractInvented(text).arrows("SUPPORT"), ["مصر → السودان"])
    }

    func testWithNoTitleTheAdjectiveStillCounts() {
        XCTAssertEqual(extractInvented("وأشاد البيان بالدور القطري في دعم استقرار الصومال.").arrows("SUPPORT"), ["قطر → الصومال"])
    }
}

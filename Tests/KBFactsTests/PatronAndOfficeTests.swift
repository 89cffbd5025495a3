import KBFacts
import XCTest

/// rules19 (issue 12): a list of the accused, a group's patron that is no target, and offices of the state that are
/// no memberships. Invented text.
final class PatronAndOfficeTests: XCTestCase {
    func facts(_ text: String, _ type: String) -> [String] { extractInvented(text).arrows(type) }

    func testEachAccusedPartyOfAListIsAccused() {
        XCTAssertEqual(facts("واتهمت الحكومة السودانية حزب الأمة وحركة العدل والمساواة بالتحريض على العنف.", "ACCUSE").sorted(),
                       ["السودان → حركة العدل والمساواة", "السودان → حزب الأمة"])
        XCTAssertEqual(facts("اتهمت مالي الجزائر بالتدخل في شؤونها الداخلية.", "ACCUSE"), ["مالي → الجزائر"])
    }

    func testTheGroupsPatronIsNotTheTargetOfItsAttack() {
        XCTAssertEqual(facts("وهاجمت جماعة أنصار الدين الموالية لتنظيم القاعدة مدينة غاو.", "ATTACK"), ["جماعة أنصار الدين → غاو"])
        XCTAssertEqual(facts("وهاجمت جماعة أنصار الدين الموالية لتنظيم القاعدة.", "ATTACK"), [])
        XCTAssertEqual(facts("وهاجمت حركة الشباب المدعومة من تنظيم القاعدة.", "ATTACK"), [])
        // the loyalty itself stays a support
        XCTAssertEqual(facts("وهاجمت جماعة أنصار الدين الموالية لتنظيم القاعدة.", "SUPPORT"), ["جماعة أنصار الدين → تنظيم القاعدة"])
    }

    func testAnOfficeOfTheStateIsNoMembership() {
        let minister = "وقال وزير الدولة بوزارة الخارجية الكينية علي حسن إن الزيارة ناجحة."
        XCTAssertEqual(facts(minister, "MEMBER_OF"), [])
        XCTAssertTrue(facts(minister, "HOLDS_ROLE").contains("علي حسن → وزارة الخارجية الكينية"))
        let spokesman = "وأكد متحدث الرئاسة التركية سليم أوزتورك أن بلاده تدعم الاتفاق."
        XCTAssertEqual(facts(spokesman, "MEMBER_OF"), [])
        XCTAssertTrue(facts(spokesman, "HOLDS_ROLE").contains("سليم أوزتورك → الرئاسة التركية"))
        // a member of the cabinet is one
        XCTAssertEqual(facts("وقال عضو مجلس الوزراء الكيني جون موانجي إن الاتفاق مهم.", "MEMBER_OF"), ["جون موانجي → مجلس الوزراء الكيني"])
    }

    func testTalksAJourneyIsForArePlannedUntilTheMeetingIsHeld() {
        let journey = "وغادر الرئيس التونسي قيس سعيد متوجها إلى الجزائر للقاء عبد المجيد تبون ولبحث ملف الحدود."
        XCTAssertEqual(facts(journey, "TALKS"), [])
        XCTAssertEqual(facts(journey, "PLANS_TALKS"), ["قيس سعيد → عبد المجيد تبون"])
        // the meeting reported held: the talks it was for were held at it
        let held = "واجتمع الرئيس عبد المجيد تبون بنظيره التونسي قيس سعيد في العاصمة. " + journey.replacingOccurrences(of: "وغادر الرئيس التونسي قيس سعيد", with: "وكان سعيد قد غادر تونس")
        XCTAssertEqual(facts(held, "TALKS"), ["قيس سعيد → عبد المجيد تبون"])
        XCTAssertEqual(facts(held, "PLANS_TALKS"), [])
        XCTAssertEqual(facts(held, "PLANS_MEET"), [])
    }
}

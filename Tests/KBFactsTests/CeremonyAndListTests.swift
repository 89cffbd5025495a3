import KBFacts
import KBText
import XCTest

/// A guard of honour reviewed by the two leaders of a visit is a meeting, not talks (meet.honour-guard-the-two);
/// a list of ministers by portfolio («وزراء: الخارجية X، والدفاع Y، والتنمية Z») gives each his office
/// (role.ministers-of-document, `wide-list`).
final class CeremonyAndListTests: XCTestCase {
    static let extractor = Extractor()

    func extract(_ text: String) -> DocumentExtraction {
        Self.extractor.extract(SourceText(documentID: "doc-t", path: "t.txt", text: text))
    }

    func testReviewingTheGuardOfHonourIsAMeetingNotTalks() {
        let x = extract("ووصل الرئيس التونسي قيس سعيد إلى الجزائر حيث استقبله الرئيس الجزائري عبد المجيد تبون، واستعرض الرئيسان حرس الشرف.")
        XCTAssertEqual(x.arrows("MEET"), ["عبد المجيد تبون → قيس سعيد"])
        XCTAssertEqual(x.arrows("TALKS"), [])
    }

    func testEveryMinisterOfAPortfolioListHoldsAnOffice() {
        let x = extract("وصل الرئيس الفرنسي إيمانويل ماكرون إلى باماكو، ويرافقه في زيارته إلى مالي وزراء: الخارجية كمال داود، والدفاع سامي الحداد، والتنمية نبيل عيسى.")
        let r = x.arrows("HOLDS_ROLE")
        for name in ["كمال داود", "سامي الحداد", "نبيل عيسى"] {
            XCTAssertTrue(r.contains("\(name) → فرنسا"), "\(name): \(r)")
        }
    }
}

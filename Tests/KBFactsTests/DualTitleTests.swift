@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// A title in the dual («وزيرا», «وزيري») or «وزراء» with coordinated portfolios names its holders by the title, not
/// by the labeller's guess: both names after it are people. Every sentence and name here is invented.
final class DualTitleTests: XCTestCase {
    static let extractor = Extractor()

    func people(_ text: String) -> Set<String> {
        let x = Self.extractor.extract(SourceText(documentID: "doc-dual", path: "dual.txt", text: text))
        return Set(x.entities.filter { $0.type == .person }.map(\.labelAr))
    }

    func testBothHoldersOfADualTitleWithTwoPortfolios() {
        let p = people("ويرافقه وزيرا الزراعة والنقل رامز عبيد ووسيم قطان في الرباط.")
        XCTAssertTrue(p.contains("رامز عبيد"), "\(p)")
        XCTAssertTrue(p.contains("وسيم قطان"), "\(p)")   // the conjunction stays out of the second name
    }

    func testTheGenitiveDualToo() {
        let p = people("والتقى الوفد وزيري الصحة والتعليم هادي نصار وسامي الحداد في مسقط.")
        XCTAssertTrue(p.contains("هادي نصار"), "\(p)")
        XCTAssertTrue(p.contains("سامي الحداد"), "\(p)")
    }

    func testASingularTitleTakesNoSecondHolder() {
        // «وزير» names one holder: the word after the name is not read as a second minister
        let p = people("وقال وزير الزراعة رامز عبيد وسط الحقول إن الموسم جيد.")
        XCTAssertTrue(p.contains("رامز عبيد"), "\(p)")
        XCTAssertFalse(p.contains { $0.contains("وسط") }, "\(p)")
    }
}

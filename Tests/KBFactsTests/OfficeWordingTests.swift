import KBFacts
import XCTest

/// Offices as news Arabic words them (rules13): a negotiating delegation's head, an oath of office, a span of time
/// after a title that is no name. Invented text.
final class OfficeWordingTests: XCTestCase {
    func testTheHeadOfANegotiatingDelegation() {
        // «المفاوض» qualifies the delegation between the body and the name
        let d = extractInvented("وقال رئيس وفد حركة حماس المفاوض كمال داود إن المحادثات متعثرة.")
        XCTAssertEqual(d.arrows("HOLDS_ROLE"), ["كمال داود → حركة حماس"])
    }

    func testAnOathOfOfficeForAState() {
        XCTAssertEqual(extractInvented("وأدى كمال داود اليمين الدستورية رئيسا للوزراء في العراق.").arrows("HOLDS_ROLE"),
                       ["كمال داود → العراق"])
        XCTAssertEqual(extractInvented("وأدى كمال داود اليمين الدستورية أمام البرلمان.").arrows("HOLDS_ROLE"), [])
    }

    func testASpanOfTimeAfterATitleIsNoName() {
        let d = extractInvented("وتولى كمال داود منصب وزير الدفاع في تشاد لمدة عشر سنوات.")
        XCTAssertFalse(d.mentions.contains { $0.text.hasPrefix("لمدة") }, "\(d.mentions.map(\.text))")
        XCTAssertEqual(d.arrows("HOLDS_ROLE"), ["كمال داود → تشاد"])
    }
}

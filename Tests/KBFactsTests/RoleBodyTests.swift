import KBFacts
import KBText
import XCTest

/// Which body or state a title names (RolesStateBody.swift, RuleEngine+Portfolio.swift, roles.rules): an organ of
/// the state stands for its state, a party or coalition for itself; a state an envoy is sent to, or the adjective
/// of a place, is no employer; a portfolio between the title and the name is read through.
final class RoleBodyTests: XCTestCase {
    static let extractor = Extractor()

    func roles(_ text: String) -> [String] {
        Self.extractor.extract(SourceText(documentID: "doc-t", path: "t.txt", text: text)).arrows("HOLDS_ROLE")
    }

    func testAPartyIsItsLeadersBodyNotTheStateOfItsName() {
        let r = roles("وقال رئيس حزب التجمع الوطني الليبي كمال داود إن الحزب سيشارك في الانتخابات.")
        XCTAssertTrue(r.contains("كمال داود → حزب التجمع الوطني الليبي"), "\(r)")
        XCTAssertFalse(r.contains("كمال داود → ليبيا"), "\(r)")
    }

    func testAnOrganOfTheStateStandsForTheState() {
        let r = roles("وقال رئيس مجلس الوزراء العراقي كمال داود إن الحكومة مستعدة.")
        XCTAssertEqual(r, ["كمال داود → العراق"])
    }

    func testTheStateAnEnvoyIsSentToIsNotHis() {
        let r = roles("ويصل المبعوث الدولي إلى اليمن كمال داود إلى عدن غدا.")
        XCTAssertFalse(r.contains { $0.hasSuffix("اليمن") }, "\(r)")
    }

    func testTheAdjectiveOfACapitalIsNoDelegationsState() {
        let r = roles("والتقى الوزير كمال داود في العاصمة العمانية مسقط مع زعيم الجماعة سامي عيسى.")
        XCTAssertFalse(r.contains { $0.hasPrefix("سامي عيسى") }, "\(r)")
    }

    func testAPortfolioIsReadThroughToTheHoldersName() {
        let r = roles("وحضر وكيل وزارة الخارجية للشؤون القنصلية والمغتربين السفير كمال داود.")
        XCTAssertTrue(r.contains("كمال داود → وزارة الخارجية"), "\(r)")
        let s = roles("وحضر اللقاء وزير الدولة لشؤون التعاون الدولي والتنمية في وزارة الخارجية كمال داود.")
        XCTAssertTrue(s.contains("كمال داود → وزارة الخارجية"), "\(s)")
    }

    func testTheOfficialWhoRepresentsAStateHoldsAnOfficeOfIt() {
        // (without it the unqualified title took the country the document names most: Tunisia)
        let r = roles("وتستضيف تونس القمة المقبلة. وتنحصر المنافسة بين تونس والجزائر، ممثلة برئيس الوزراء السابق كمال داود.")
        XCTAssertEqual(r, ["كمال داود → الجزائر"])
    }

    func testAMemberOfABodyHoldsNoOfficeOfIt() {
        let x = Self.extractor.extract(SourceText(documentID: "doc-t", path: "t.txt", text: "وقال عضو المجلس الرئاسي الليبي كمال داود إن الانتخابات ضرورية."))
        XCTAssertEqual(x.arrows("MEMBER_OF"), ["كمال داود → المجلس الرئاسي الليبي"])
        XCTAssertEqual(x.arrows("HOLDS_ROLE"), [])
    }

    func testATitleAfterANameIsNotTheNextListedPersons() {
        let r = roles("وحضر كمال داود، وزير الدولة في وزارة الخارجية المصرية، والمهندس سامي عيسى.")
        XCTAssertFalse(r.contains { $0.hasPrefix("سامي عيسى") }, "\(r)")
    }
}

import KBFacts
import XCTest

/// Membership, talks and deployments as news Arabic states them (rules13 additions to ties.rules, wider.rules,
/// conflict.rules, migrated.rules). Invented text.
final class TiesRuleTests: XCTestCase {
    func facts(_ text: String, _ type: String) -> [String] { extractInvented(text).arrows(type) }

    func testABodyAffiliatedWithAMinistryIsItsMember() {
        XCTAssertEqual(facts("وأعلنت كتيبة «الفجر» التابعة لوزارة الداخلية الليبية تأمين الطريق.", "MEMBER_OF"),
                       ["الفجر → وزارة الداخلية الليبية"])
        // the body named before a relative clause that names its commander
        XCTAssertEqual(facts("وقالت كتيبة «الفجر» التي يقودها كمال داود، المنضوية تحت وزارة الداخلية الليبية، إن الطريق آمن.", "MEMBER_OF"),
                       ["الفجر → وزارة الداخلية الليبية"])
    }

    func testNegotiationsBetweenTwoPartiesAreTalks() {
        XCTAssertEqual(facts("وبدأت المفاوضات بين الحكومة السودانية والحركة الشعبية في جوبا.", "TALKS").count, 1)
    }

    func testADeploymentWithACountBeforeTheTroops() {
        // a subject of two words and a count: the troops six words after the verb
        XCTAssertEqual(facts("ونشرت المملكة المتحدة قرابة ثلاثمئة جندي في إستونيا.", "DEPLOYED_IN"), ["المملكة المتحدة → إستونيا"])
        XCTAssertEqual(facts("وأرسلت تركيا نحو ألف جندي إلى ليبيا.", "DEPLOYED_IN"), ["تركيا → ليبيا"])
        XCTAssertEqual(facts("ونشرت صحيفة الوطن صورا لجنود روس في مالي.", "DEPLOYED_IN"), [])
    }

    func testADepartureThatClosesAVisit() {
        XCTAssertEqual(facts("وغادر وزير الخارجية التركي هاكان فيدان طرابلس في ختام زيارة رسمية.", "VISIT"), ["هاكان فيدان → طرابلس"])
        // leaving home for a visit elsewhere is no visit of home
        XCTAssertFalse(facts("وغادر وزير الخارجية التركي هاكان فيدان أنقرة متوجها إلى طرابلس بعد زيارة قصيرة لقطر.", "VISIT")
            .contains("هاكان فيدان → أنقرة"))
    }

    func testAnAidConvoyArrivingIsNoVisitOfThePersonBefore() {
        let f = facts("وزار وزير الدولة الإماراتي كمال داود السودان. ووصلت إلى الخرطوم قافلة إغاثة إماراتية.", "VISIT")
        XCTAssertFalse(f.contains("كمال داود → الخرطوم"), "\(f)")
    }

    func testATourOpenedWithAVisit() {
        XCTAssertEqual(facts("وبدأ وزير الخارجية الصيني وانغ يي جولته الأفريقية بزيارة نواكشوط.", "VISIT"), ["وانغ يي → نواكشوط"])
    }

    func testANavysPresenceWithAQualifierIsADeployment() {
        // «البحرية» heads a force; the qualifier between the presence and «في»
        XCTAssertEqual(facts("وعززت البحرية التركية وجودها الدائم في البحر الأحمر.", "DEPLOYED_IN"), ["البحرية التركية → البحر الأحمر"])
        XCTAssertEqual(facts("وأقامت تركيا وجودا دبلوماسيا واسعا في الصومال.", "DEPLOYED_IN"), [])
    }
}

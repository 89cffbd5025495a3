import KBFacts
import KBGraph
import KBText
import XCTest

/// The families migrated from Swift to data rules (rules/meetings.rules, rules/migrated*.rules, relations.rules, capitals.rules) and the engine
/// features they brought: invented sentences.
final class MigratedFamilyTests: XCTestCase {
    static let extractor = Extractor()

    func pairs(_ text: String, _ type: String) -> [String] {
        let x = Self.extractor.extract(SourceText(documentID: "doc-t", path: "t.txt", text: text))
        let idx = Dictionary(x.entities.map { ($0.id, $0.labelEn ?? $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        return x.facts.filter { $0.type == type }.map { "\(idx[$0.subject] ?? "?") -> \(idx[$0.object] ?? "?")" }
    }

    func testJoinedFindsTheSecondOfAJointSubject() throws {
        // «X وY سيعقدان اجتماعا»: a plan (a future verb two words before the trigger), the pair of the joint subject
        XCTAssertEqual(pairs("وقالت الوكالة إن قيس سعيد وعبد المجيد تبون سيعقدان اجتماعا في الجزائر.", "PLANS_MEET"),
                       ["Kais Saied -> Abdelmadjid Tebboune"])
        // not joined by و: no joint subject
        XCTAssertTrue(pairs("وقالت الوكالة إن قيس سعيد عقد اجتماعا في الجزائر.", "MEET").isEmpty)
        var set = RuleSet.bundled
        XCTAssertNoThrow(try set.parse("rule x\ntype MEET\ntrigger MEET_V\norder object\nobject before 10 types PER joined\n"
                                       + "subject before 12 types PER\nexample: التقى X.\n", file: "t.rules"))
    }

    func testPlannedCueAfterTheLastArgument() {
        XCTAssertEqual(pairs("ويزور الرئيس التونسي قيس سعيد الجزائر الأسبوع المقبل.", "PLANS_VISIT"), ["Kais Saied -> Algeria"])
        XCTAssertTrue(pairs("ويزور الرئيس التونسي قيس سعيد الجزائر الأسبوع المقبل.", "VISIT").isEmpty)
    }

    func testAGuestReceivedInACityVisitsIt() {
        XCTAssertEqual(pairs("واستقبل الرئيس الجزائري عبد المجيد تبون نظيره التونسي قيس سعيد في وهران.", "VISIT"), ["Kais Saied -> Oran"])
        // the host's own city is no visit of his
        XCTAssertTrue(pairs("واستقبل الرئيس الجزائري عبد المجيد تبون نظيره التونسي قيس سعيد.", "VISIT").isEmpty)
    }

    func testDelegationListAfterTheDestination() {
        let v = Set(pairs("وزار مسؤولون من تونس الجزائر مؤخرا، بما في ذلك وزير الخارجية نبيل عمار ووزير الدفاع عماد مميش.", "VISIT"))
        XCTAssertEqual(v.count, 2, "\(v)")
    }

    // The Swift families support, conflict, controls, took-power, ends-cooperation, relations, capitals and
    // stacked-roles, migrated to rules/migrated-support.rules, migrated-ties.rules, relations.rules, capitals.rules.

    /// `back-list`: «بين X وY بدعم من Z» — Z supports each member of the list that ends before the trigger.
    func testBackListGivesEveryMemberOfTheListBefore() {
        let s = Set(pairs("ويجري الحوار بين حركة الشباب والجيش الصومالي بدعم من الحكومة القطرية.", "SUPPORT"))
        XCTAssertEqual(s, ["Qatar -> Al-Shabaab", "Qatar -> الجيش الصومالي"])
        // a party not joined by و to the nearest one is not of the list
        let t = Set(pairs("ويتقدم الجيش الصومالي في الشمال، فيما تتراجع حركة الشباب بدعم من الحكومة القطرية.", "SUPPORT"))
        XCTAssertEqual(t, ["Qatar -> Al-Shabaab"])
    }

    /// `not-led`: the commander named after «بقيادة» stands for the force before him, not for a side of its own.
    func testALeaderAfterLedByIsNotASideOfTheConflict() {
        XCTAssertEqual(pairs("وأعلن الجيش الليبي بقيادة خليفة حفتر مواصلة القتال ضد حركة الشباب.", "OPPOSE"),
                       ["Libyan National Army -> Al-Shabaab"])
    }

    /// `its-state`: a capital's state from the gazetteer, an organisation's own state from its name; none, no fact.
    func testItsStateIsTheCapitalsOrTheOrganisationsState() {
        XCTAssertEqual(pairs("وعاد وزير خارجية تشاد إلى العاصمة نجامينا مساء أمس.", "CAPITAL_OF"), ["N'Djamena -> Chad"])
        XCTAssertEqual(pairs("وقال إن المجلس العسكري الغيني الذي استولى على السلطة وعد بانتخابات.", "CONTROLS"),
                       ["المجلس العسكري الغيني -> Guinea"])
        XCTAssertTrue(pairs("وقال إن المجلس الذي استولى على السلطة وعد بانتخابات.", "CONTROLS").isEmpty)
    }

    /// The migrated readings: standing by a people, a tie cut, a capital after its country's adjective, a conflict's
    /// two sides; the Swift resolvers are no longer listed as procedural.
    func testMigratedFamiliesAreDataRules() {
        XCTAssertEqual(pairs("وجدد وزير الخارجية القطري تأكيد وقوف قطر إلى جانب الشعب الصومالي.", "SUPPORT"), ["Qatar -> Somalia"])
        XCTAssertEqual(pairs("وقطعت جيبوتي علاقاتها الدبلوماسية مع إريتريا.", "ENDS_COOPERATION"), ["Djibouti -> Eritrea"])
        XCTAssertEqual(pairs("ووصل الوفد إلى العاصمة التشادية نجامينا مساء أمس.", "CAPITAL_OF"), ["N'Djamena -> Chad"])
        XCTAssertEqual(pairs("وتجددت الاشتباكات بين الجيش الصومالي وحركة الشباب.", "OPPOSE"), ["الجيش الصومالي -> Al-Shabaab"])
        let procedural = Set(RuleSet.bundled.rules.compactMap(\.procedural))
        for gone in ["support", "conflict", "controls", "took-power", "ends-cooperation", "relations", "capitals", "stacked-roles"] {
            XCTAssertFalse(procedural.contains(gone), gone)
        }
        let names = Set(RuleSet.bundled.rules.map(\.name))
        for rule in ["support.stand-by", "support.backed-from", "controls.took-power", "ends-cooperation", "capital.known", "oppose.conflict-with"] {
            XCTAssertTrue(names.contains(rule), rule)
        }
    }
}

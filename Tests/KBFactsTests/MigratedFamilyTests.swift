import KBFacts
import KBGraph
import KBText
import XCTest

/// The families migrated from Swift to data rules (rules/meetings.rules, rules/migrated.rules) and the engine
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
}

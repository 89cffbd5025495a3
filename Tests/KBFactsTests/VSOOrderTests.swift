@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Verb–subject order (RuleEngine+VSO.swift): a verb opening its clause takes the actor right after it as subject,
/// not an actor of the clause before (invented text).
final class VSOOrderTests: XCTestCase {
    func facts(_ text: String, _ type: String) -> [String] {
        Extractor().extract(SourceText(documentID: "doc-vso", path: "vso.txt", text: text)).arrows(type)
    }

    func testAVerbAfterFimaTakesTheActorAfterIt() {
        let f = facts("وصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر أمس، فيما اتهمت مالي النيجر بدعم المتمردين على حدودها.", "ACCUSE")
        XCTAssertEqual(f, ["مالي → النيجر"])
    }

    func testAVerbWithTheConjunctionOpensItsClause() {
        let f = facts("أعلنت الجزائر إغلاق حدودها الجنوبية واتهمت مالي النيجر بإيواء المسلحين.", "ACCUSE")
        XCTAssertFalse(f.contains { $0.hasPrefix("الجزائر") }, "\(f)")
    }

    func testAVerbAfterItsSubjectKeepsTheSubjectBefore() {
        // SVO, and a subject before «قد»: the actor after the verb is the object
        XCTAssertEqual(facts("وقالت الوكالة إن مالي اتهمت النيجر بدعم المتمردين.", "ACCUSE"), ["مالي → النيجر"])
        XCTAssertEqual(facts("وكانت مالي قد اتهمت النيجر بدعم المتمردين.", "ACCUSE"), ["مالي → النيجر"])
    }
}

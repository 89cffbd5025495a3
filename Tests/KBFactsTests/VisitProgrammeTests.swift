@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// «زيارة تستغرق يومين، يلتقي خلالها …»: a present verb followed by «خلالها» (class PROGRAMME) tells the programme
/// of a visit: planned (RuleEngine+Lists.swift). Invented text.
final class VisitProgrammeTests: XCTestCase {
    func types(_ text: String) -> [String] {
        Extractor().extract(SourceText(documentID: "doc-prog", path: "prog.txt", text: text)).facts.map(\.type)
    }

    func testAPresentVerbBeforeKhilalahaIsPlanned() {
        let t = types("وصل الرئيس التونسي قيس سعيد إلى الجزائر في زيارة تستغرق يومين، يلتقي خلالها بالرئيس الجزائري عبد المجيد تبون.")
        XCTAssertTrue(t.contains("PLANS_MEET"), "\(t)")
        XCTAssertFalse(t.contains("MEET"), "\(t)")
    }

    func testAPastVerbStaysAsserted() {
        let t = types("وصل الرئيس التونسي قيس سعيد إلى الجزائر في زيارة استغرقت يومين، التقى خلالها بالرئيس الجزائري عبد المجيد تبون.")
        XCTAssertTrue(t.contains("MEET"), "\(t)")
        XCTAssertFalse(t.contains("PLANS_MEET"), "\(t)")
    }
}

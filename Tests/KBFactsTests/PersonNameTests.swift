@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Where a person's name starts and ends after a title, on invented sentences and names.
final class PersonNameTests: XCTestCase {
    static let extractor = Extractor()

    func people(_ text: String) -> Set<String> {
        let x = Self.extractor.extract(SourceText(documentID: "doc-names", path: "names.txt", text: text))
        return Set(x.entities.filter { $0.type == .person }.map(\.labelAr))
    }

    func testALineageEndsAfterTheFathersNameWithTheArticle() {
        let p = people("وحضر سمو الأمير ماجد بن الحسين حفل الافتتاح في المدينة.")
        XCTAssertTrue(p.contains("ماجد بن الحسين"), "\(p)")
        XCTAssertFalse(p.contains { $0.contains("حفل") }, "\(p)")
    }

    func testALineageOfSeveralGenerationsStaysOneName() {
        let p = people("واستقبل الأمير ماجد بن سلطان بن عبدالعزيز الوفد الزائر.")
        XCTAssertTrue(p.contains("ماجد بن سلطان بن عبدالعزيز"), "\(p)")
    }

    func testAGivenNameThatLooksLikeAConjunctionOnAVerb() {
        // "فيصل" is no "ف" + "يصل"
        let p = people("وأدى سمو الأمير فيصل بن جابر، اليمين أمام المجلس.")
        XCTAssertTrue(p.contains("فيصل بن جابر"), "\(p)")
    }

    func testGivenNamesWithTheArticleAfterATitle() {
        let p = people("وبعث الرئيس برسالة إلى نظيره الليبي المنصف الزاوي بعد الحادث. وقال المبعوث الأممي إلى ليبيا الأخضر السويحلي إن الحوار مستمر.")
        XCTAssertTrue(p.contains("المنصف الزاوي"), "\(p)")
        XCTAssertTrue(p.contains("الأخضر السويحلي"), "\(p)")
    }

    func testTheNameAliIsNotThePrepositionAla() {
        let p = people("وشارك سعادة السفير/ كمال علي داود , سفير جمهورية مصر بالرباط.")
        XCTAssertTrue(p.contains("كمال علي داود"), "\(p)")
    }

    func testOneWordShapedLikeAVerbOrAPossessedNounIsNoPlace() {
        for w in ["يؤكدان", "تواصلون", "مدتها", "قواتهم"] {
            XCTAssertTrue(EntityRecognizer.looksLikeVerbOrPossessed(ArabicNormalizer.normalize(w)), w)
        }
        for w in ["باماكو", "نواكشوط", "طرابلس"] {
            XCTAssertFalse(EntityRecognizer.looksLikeVerbOrPossessed(ArabicNormalizer.normalize(w)), w)
        }
    }

    func testATermOfOfficeIsNoProvince() {
        let x = Self.extractor.extract(SourceText(documentID: "doc-names", path: "names.txt",
                                                  text: "وانتخب المجلس رئيسا جديدا لولاية مدتها أربع سنوات."))
        XCTAssertFalse(x.entities.contains { $0.type == .place }, "\(x.entities.map(\.labelAr))")
    }

    func testMinistersListedAfterAColon() {
        let p = people("ويرافقه وزراء: الخارجية جان دوبون، والزراعة باسكال لوفان، في جولته.")
        XCTAssertTrue(p.contains("باسكال لوفان"), "\(p)")
    }
}

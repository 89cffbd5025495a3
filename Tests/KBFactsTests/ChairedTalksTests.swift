import KBFacts
import KBText
import XCTest

/// Talks chaired by a pair («المباحثات التي جرت برئاسة X ونظيره Y», talks.chaired-by-pair), and a meeting referred
/// back to («أثناء الاجتماع») that names the contact told before its word, not one its sentence tells after it
/// (`Extractor.resolveAnaphoricMeetings`).
final class ChairedTalksTests: XCTestCase {
    static let extractor = Extractor()

    func testTalksChairedByAPairAndTheMeetingReferredBackTo() {
        let x = Self.extractor.extract(SourceText(documentID: "doc-t", path: "t.txt", text: """
            استقبل الرئيس التونسي قيس سعيد رئيس الوزراء الليبي كمال داود في قرطاج. وأكد الطرفان أثناء الاجتماع على تطبيق ما \
            تمخضت عنه المباحثات التي جرت في تونس برئاسة وزير الخارجية التونسي سامي عيسى ونظيره الليبي نبيل حداد.
            """))
        XCTAssertTrue(x.arrows("TALKS").contains("سامي عيسى → نبيل حداد"), "\(x.arrows("TALKS"))")
        XCTAssertEqual(x.arrows("MEET"), ["قيس سعيد → كمال داود"])
    }
}

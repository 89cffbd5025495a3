import KBFacts
import KBGraph
import KBText
import XCTest

/// Dates of facts: numeric datelines, "الجاري", hyphenated dates, the nearest date of the sentence (invented text).
final class DateAttachmentTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-date", path: "date.txt", text: text))
    }
    func date(_ x: DocumentExtraction, _ type: String) -> String? { x.facts.first { $0.type == type }?.date?.value }

    func testANumericDatelineDatesToday() {
        let x = extract("""
            وزيرا الخارجية يبحثان التهدئة
            نشر في 14.03.2025 (آخر تحديث: 09:30)
            بحث الرئيس التونسي قيس سعيد مع الرئيس الجزائري عبد المجيد تبون، اليوم الجمعة، ملف الحدود.
            """)
        XCTAssertEqual(date(x, "TALKS"), "2025-03-14")
    }

    func testCurrentMonthTakesTheDatelineYear() {
        let x = extract("""
            الأحد 9 مارس 2025
            وصل الرئيس التونسي قيس سعيد إلى القاهرة يوم 7 مارس الجاري في زيارة رسمية.
            """)
        XCTAssertEqual(date(x, "VISIT"), "2025-03-07")
    }

    func testHyphenatedDateAndEveryFactOfTheSentenceGetsItsNearestDate() {
        let x = extract("وصل الرئيس التونسي قيس سعيد يوم 5-أبريل-2024 إلى الجزائر، واستقبله الرئيس عبد المجيد تبون.")
        XCTAssertEqual(date(x, "VISIT"), "2024-04-05")
        XCTAssertEqual(date(x, "RECEIVE"), "2024-04-05")
    }

    /// An event later in the article whose sentence states no date happened on the lead's date; a lasting state
    /// (a role) takes none, and neither does an event of the lead's own sentence that states none.
    func testAnEventWithoutADateTakesTheLeadsDate() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد يوم 12 فبراير 2024 إلى الجزائر في زيارة رسمية.
            وكان في استقباله الرئيس الجزائري عبد المجيد تبون.
            والتقى الرئيس التونسي قيس سعيد رئيس الوزراء الجزائري نذير العرباوي.
            """)
        XCTAssertEqual(date(x, "VISIT"), "2024-02-12")
        XCTAssertEqual(date(x, "MEET"), "2024-02-12", "\(x.facts.map { "\($0.type) \($0.date?.value ?? "-")" })")
        XCTAssertNil(x.facts.first { $0.type == "HOLDS_ROLE" && $0.provenance.sentence.contains("العرباوي") }?.date)
    }

    func testNoLeadDateNoDate() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر في زيارة رسمية.
            والتقى الرئيس التونسي قيس سعيد رئيس الوزراء الجزائري نذير العرباوي.
            """)
        XCTAssertNil(date(x, "MEET"))
    }
}

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
}

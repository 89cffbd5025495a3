@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Eleventh round of the recogniser (docs/ner.md): outlet titles, outlets the gazetteer knows, a name after an
/// honorific, Mauritanian «ولد X» mentions. Every sentence and name here is invented.
final class RecognitionRound11Tests: XCTestCase {
    static let extractor = Extractor()

    func extract(_ text: String) -> DocumentExtraction {
        Self.extractor.extract(SourceText(documentID: "doc-r11", path: "r11.txt", text: text))
    }

    func labels(_ text: String, _ type: EntityType) -> Set<String> {
        Set(extract(text).entities.filter { $0.type == type }.map(\.labelAr))
    }

    func testOutletTitleWithTodayOrNew() {
        // "اليوم" opens a title when another word of it follows; "الجديد" closes one
        XCTAssertTrue(labels("ونشرت صحيفة اليوم التالي تحقيقا عن الموازنة.", .organization).contains("صحيفة اليوم التالي"))
        XCTAssertTrue(labels("وأوردت جريدة الفجر الجديد أن اللجنة اجتمعت.", .organization).contains("جريدة الفجر الجديد"))
        // counter-examples: "اليوم" before a weekday or alone is a date, not a title
        let weekday = labels("ونشرت صحيفة اليوم الثلاثاء تقريرا عن الموازنة.", .organization)
        XCTAssertFalse(weekday.contains { $0.contains("اليوم") }, "\(weekday)")
        let alone = labels("وقالت صحيفة اليوم إن الموازنة تأخرت.", .organization)
        XCTAssertFalse(alone.contains { $0.contains("اليوم") }, "\(alone)")
    }

    func testOutletsTheGazetteerKnowsWithoutAHeadNoun() {
        let x = extract("وذكرت هآرتس أن الحكومة تدرس الخطة، فيما نقلت وكالة تسنيم عن مسؤول أن الوفد غادر.")
        let ids = Set(x.entities.map(\.id))
        XCTAssertTrue(ids.contains("org-haaretz"), "\(ids)")
        XCTAssertTrue(ids.contains("org-tasnim"), "\(ids)")
    }

    func testANameAfterAnHonorificIsAPerson() {
        // the shipped labeller types this transliterated name an organisation; the honorific says it is a person
        let x = "وشارك في الاجتماع السيد “بيتروس خريسانثوبولوس”، وزير الطاقة في الحكومة."
        XCTAssertTrue(labels(x, .person).contains("بيتروس خريسانثوبولوس"), "\(labels(x, .person))")
        XCTAssertFalse(labels(x, .organization).contains("بيتروس خريسانثوبولوس"))
    }

    func testOuldAndTheFathersNameNameTheMauritanianPerson() {
        let x = extract("استقبل الوزير الأول سيدي عالي ولد الطالب وفدا من المستثمرين. وأكد ولد الطالب أن الحكومة تدعم المشاريع.")
        let p = x.entities.filter { $0.type == .person }
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 2)
        XCTAssertTrue(p.first?.surfaceForms.contains("ولد الطالب") == true, "\(p.first?.surfaceForms ?? [])")
        // counter-example: "ولد" before the surname of someone not named with it names his son, not him
        let y = extract("وقال الوزير كريم الطالب إن المشروع تأخر. وحضر ولد الطالب الحفل.")
        let q = y.entities.filter { $0.type == .person }
        XCTAssertFalse(q.contains { $0.surfaceForms.contains("ولد الطالب") || $0.surfaceForms.contains("الطالب") && $0.mentionCount > 1 },
                       "\(q.map { ($0.labelAr, $0.surfaceForms, $0.mentionCount) })")
    }
}

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

    func testAnOutletsCreditLine() {
        XCTAssertTrue(labels("صدى الأطلس - متابعة خاصة: أعلنت الحكومة عن خطة جديدة للنقل.", .organization).contains("صدى الأطلس"))
        XCTAssertTrue(labels("اليوم التالي - خاص: وصل الوفد إلى العاصمة مساء أمس.", .organization).contains("اليوم التالي"))
        // counter-example: a place before the dash is the dateline's place
        let x = "القاهرة - خاص: أعلنت الحكومة عن خطة جديدة للنقل."
        XCTAssertTrue(labels(x, .organization).isEmpty, "\(labels(x, .organization))")
        XCTAssertTrue(labels(x, .place).contains("القاهرة"))
    }

    func testAPrepositionOnAWordThatIsNeverANameStartsNoName() {
        let x = "والتقى رئيس هيئة الأركان بقادة المنطقة العسكرية الغربية."
        XCTAssertFalse(labels(x, .person).contains { $0.contains("قادة") }, "\(labels(x, .person))")
        // a name after the title is still found
        XCTAssertTrue(labels("والتقى رئيس هيئة الأركان سالم العبيدي قادة المنطقة.", .person).contains("سالم العبيدي"))
    }

    func testAKinshipWordBeforeAnOccupationIsNoFamilyName() {
        // "شقيقه رجل الأعمال": no person "رجل" or "الأعمال"; the named brother is found
        let x = "وحضر اللقاء الوزير سليم الشابي، وشقيقه رجل الأعمال عادل الشابي."
        let people = labels(x, .person)
        XCTAssertFalse(people.contains { $0.contains("رجل") || $0.contains("الأعمال") }, "\(people)")
        XCTAssertTrue(people.contains("عادل الشابي"), "\(people)")
    }

    func testASurnameWithAPrepositionTheLabellerTookForANewName() {
        // the labeller reads "لماركوف" as a one-word name it does not know; it is the surname of the guest
        let x = extract("استقبل رئيس الوزراء كمال الزروالي نظيره البلغاري ستويان ماركوف في العاصمة. وأشاد زروالي بدور الجالية، وأعرب لماركوف عن تقديره.")
        let guest = x.entities.first { $0.type == .person && $0.labelAr == "ستويان ماركوف" }
        XCTAssertEqual(guest?.mentionCount, 2, "\(x.entities.map { ($0.labelAr, $0.mentionCount) })")
        XCTAssertTrue(guest?.surfaceForms.contains("ماركوف") == true, "\(guest?.surfaceForms ?? [])")
    }

    func testNamesCoordinatedAfterADualHeadNoun() {
        // "فتح" alone is a verbal noun; after "حركتي" it is the movement the gazetteer knows as "حركة فتح"
        let x = extract("ودعا البيان حركتي فتح وحماس إلى الوحدة، ورحب قادة حركتي حماس وفتح بالدعوة.")
        let ids = x.entities.filter { $0.type == .organization }.map(\.id)
        XCTAssertTrue(ids.contains("org-fatah"), "\(ids)")
        XCTAssertEqual(x.entities.first { $0.id == "org-fatah" }?.mentionCount, 2)
        // counter-example: the verbal noun without the dual head
        let y = extract("وقال مسؤول إن فتح المعبر سيتم غدا.")
        XCTAssertFalse(y.entities.contains { $0.id == "org-fatah" })
    }

    func testForceMajeureIsNoCairo() {
        let x = "وأعلنت شركة الخليج للنفط رفع حالة القوة القاهرة عن الميناء."
        XCTAssertFalse(labels(x, .place).contains("القاهرة"), "\(labels(x, .place))")
        // counter-example: the city
        XCTAssertTrue(labels("وعاد الوزير إلى القاهرة مساء أمس.", .place).contains("القاهرة"))
    }
}

@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Dates of facts: numeric datelines, "الجاري", hyphenated dates, the nearest date of the sentence (invented text).
final class DateAttachmentTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-date", path: "date.txt", text: text))
    }
    func date(_ x: DocumentExtraction, _ type: String) -> String? { x.facts.first { $0.type == type }?.date?.value }
    func tokens(_ s: String) -> [Token] { let u = Array(s.unicodeScalars); return Tokenizer.tokenize(u, begin: 0, end: u.count) }

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

    /// A weekday alone dates the fact against the dateline: the last such day on or before it ("الأحد" of a
    /// Monday's paper is the day before), the one before that with "الماضي", the next one with "المقبل".
    func testAWeekdayIsTheLastSuchDayBeforeTheDateline() {
        let x = extract("""
            الإثنين 4 مارس 2024 الساعة 10:15
            أعلن وزير الخارجية التونسي نبيل عمار مساء الأحد أن تونس قررت طرد السفير الإيطالي.
            """)
        XCTAssertEqual(date(x, "EXPEL"), "2024-03-03", "\(x.facts.map { "\($0.type) \($0.date?.value ?? "-")" })")
        XCTAssertEqual(DateParser.weekday(of: "2024-03-04"), 1)
        let past = extract("""
            الإثنين 4 مارس 2024
            وصل الرئيس التونسي قيس سعيد إلى الجزائر الاثنين الماضي.
            """)
        XCTAssertEqual(date(past, "VISIT"), "2024-02-26")
    }

    /// "الاثنين" is also "the two": without a word of time before it, it is no date.
    func testTheTwoIsNoMonday() {
        let tk = tokens("واتفق الاثنين على التعاون")
        XCTAssertTrue(DateParser.dates(in: tk, published: "2024-03-06").isEmpty)
    }

    /// Ordinal days: "السادس من أغسطس 2018", "الحادي والعشرين من مايو".
    func testOrdinalDays() {
        let t1 = tokens("أعلنت تونس يوم السادس من أغسطس / آب 2018 قرارها")
        XCTAssertEqual(DateParser.dates(in: t1, published: nil).map(\.date.value), ["2018-08-06"])
        let t2 = tokens("في الحادي والعشرين من مايو")
        XCTAssertEqual(DateParser.dates(in: t2, published: nil).map(\.date.value), ["--05-21"])
        let t3 = tokens("وهي الزيارة الأولى من نوعها")
        XCTAssertTrue(DateParser.dates(in: t3, published: nil).isEmpty)
    }

    /// A date behind "بعد" or "قبل" dates the other event of the sentence, not the fact's own; the fact then takes
    /// the lead's date.
    func testADateBehindBaadDatesAnotherEvent() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد يوم 12 فبراير 2024 إلى الجزائر في زيارة رسمية.
            وتأتي زيارة الرئيس التونسي قيس سعيد إلى مصر بعد لقائه الرئيس عبد المجيد تبون في الجزائر يوم 10 فبراير 2024.
            """)
        let visits = x.facts.filter { $0.type == "VISIT" }.map { "\($0.date?.value ?? "-")" }
        XCTAssertEqual(visits.sorted(), ["2024-02-12", "2024-02-12"], "\(x.facts.map { "\($0.type) \($0.date?.value ?? "-")" })")
    }

    /// A state takes a date only as its start, stated right after it ("منذ …").
    func testAStateTakesTheStartDateStatedAfterIt() {
        let x = extract("وقال كمال داود، رئيس وزراء تونس منذ 14 نوفمبر 2012، إن الحوار مستمر.")
        XCTAssertEqual(x.facts.first { $0.type == "HOLDS_ROLE" }?.date?.value, "2012-11-14", "\(x.facts.map { "\($0.type) \($0.date?.value ?? "-")" })")
    }

    /// The lam of purpose makes a masdar an intended event: "وصل X إلى Y للتشاور مع Z" is planned talks.
    func testPurposeLamMakesTalksPlanned() {
        let x = extract("وصل المبعوث الأممي كمال داود إلى طرابلس للتشاور مع رئيس المجلس الرئاسي محمد المنفي.")
        XCTAssertTrue(x.facts.contains { $0.type == "PLANS_TALKS" }, "\(x.facts.map(\.type))")
        XCTAssertFalse(x.facts.contains { $0.type == "TALKS" })
    }

    /// The lead's event dates the later events, not the dateline: "أمس" in the lead is the story's day.
    func testTheLeadsEventDateBeatsTheDateline() {
        let x = extract("""
            الأحد 10 مارس 2024
            وصل الرئيس التونسي قيس سعيد أمس إلى الجزائر في زيارة رسمية.
            والتقى الرئيس التونسي قيس سعيد رئيس الوزراء الجزائري نذير العرباوي.
            """)
        XCTAssertEqual(date(x, "VISIT"), "2024-03-09")
        XCTAssertEqual(date(x, "MEET"), "2024-03-09", "\(x.facts.map { "\($0.type) \($0.date?.value ?? "-")" })")
    }
}

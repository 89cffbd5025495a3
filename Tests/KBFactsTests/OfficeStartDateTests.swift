@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// The start of an office stated apart from it («صادق البرلمان على تعيين X», «منذ تعيينه في …»): OfficeStartDates.swift
/// (invented text).
final class OfficeStartDateTests: XCTestCase {
    func roleDates(_ text: String) -> [String] {
        let x = Extractor().extract(SourceText(documentID: "doc-office", path: "office.txt", text: text))
        let label = Dictionary(x.entities.map { ($0.id, $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        return x.facts.filter { $0.type == "HOLDS_ROLE" }.map { "\(label[$0.subject] ?? $0.subject) \($0.date?.value ?? "-")" }
    }

    func testTheAppointmentOfANamedPersonDatesHisOffice() {
        let d = roleDates("""
            وقال رئيس الوزراء الصومالي محمد حسين روبلي إن الحكومة ماضية في الإصلاح.
            وكان البرلمان قد صادق في 5 مارس 2017 على تعيين محمد حسين روبلي رئيسا للوزراء.
            """)
        XCTAssertTrue(d.contains("محمد حسين روبلي 2017-03-05"), "\(d)")
    }

    func testAPronounOnTheAppointmentIsTheLastHolder() {
        let d = roleDates("وقال رئيس الوزراء الصومالي محمد حسين روبلي إن حكومته أنجزت الكثير منذ تعيينه في مارس 2017.")
        XCTAssertTrue(d.contains("محمد حسين روبلي 2017-03"), "\(d)")
    }

    /// «تعيينه» is the actor the text is about, not the last office holder named in passing.
    func testAPronounOnTheAppointmentIsTheActorTold() {
        let d = roleDates("""
            وصل المبعوث الأممي يوهان برغستروم إلى مدينة عدن أمس.
            والتقى برغستروم رئيس الوزراء اليمني سالم بن بريك في مقر الحكومة.
            وهذه أول زيارة له إلى المدينة منذ تعيينه في يونيو 2025.
            """)
        XCTAssertTrue(d.contains("يوهان برغستروم 2025-06"), "\(d)")
        XCTAssertFalse(d.contains { $0.contains("بريك") && $0.hasSuffix("2025-06") }, "\(d)")
    }

    /// A date far from the word, or no appointment word, leaves the office undated.
    func testNoCueNoDate() {
        let d = roleDates("وفي 5 مارس 2017، قال رئيس الوزراء الصومالي محمد حسين روبلي إن الحكومة ماضية في الإصلاح.")
        XCTAssertTrue(d.contains("محمد حسين روبلي -"), "\(d)")
    }
}

@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// An undated event takes the day the lead states, except in a sentence that places it in a vague time
/// («الشهر الماضي», «الأسبوع المقبل», «مؤخرا»: Extractor+VagueTime.swift) and except a plan (invented text).
final class VagueTimeTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-vague", path: "vague.txt", text: text))
    }
    func date(_ x: DocumentExtraction, _ type: String, _ word: String) -> String {
        x.facts.first { $0.type == type && $0.provenance.sentence.contains(word) }?.date?.value ?? "none"
    }
    let lead = "وصل الرئيس التونسي قيس سعيد يوم 12 فبراير 2024 إلى الجزائر في زيارة رسمية.\n"

    func testAVagueTimeKeepsTheLeadsDateAway() {
        let x = extract(lead + "وكان الرئيس التونسي قيس سعيد قد زار القاهرة الشهر الماضي.\n"
                        + "وزار وزير الخارجية التونسي نبيل عمار الرباط مؤخرا.")
        XCTAssertEqual(date(x, "VISIT", "القاهرة"), "none")
        XCTAssertEqual(date(x, "VISIT", "الرباط"), "none")
    }

    func testASentenceWithoutOneTakesIt() {
        let x = extract(lead + "وزار الرئيس التونسي قيس سعيد مقام الشهيد في العاصمة.\n"
                        + "والتقى الرئيس التونسي قيس سعيد رئيس الوزراء الجزائري نذير العرباوي.")
        XCTAssertEqual(date(x, "MEET", "العرباوي"), "2024-02-12")
    }

    /// «الشهر» alone, or before a word that is no relative time («الشهر الكريم»), is not vague.
    func testTheSpanNeedsItsRelativeWord() {
        let x = extract(lead + "والتقى الرئيس التونسي قيس سعيد رئيس الوزراء الجزائري نذير العرباوي في ختام الشهر الكريم.")
        XCTAssertEqual(date(x, "MEET", "العرباوي"), "2024-02-12")
    }

    func testAPlanTakesNoLeadDate() {
        let x = extract(lead + "وسيلتقي الرئيس التونسي قيس سعيد رئيس الوزراء الجزائري نذير العرباوي.")
        let plan = x.facts.first { $0.type.hasPrefix("PLANS_") && $0.provenance.sentence.contains("العرباوي") }
        XCTAssertNotNil(plan, "\(x.facts.map(\.type))")
        XCTAssertNil(plan?.date)
    }
}

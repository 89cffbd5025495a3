import KBFacts
import XCTest

/// «مالي» after a noun of money is "financial", not the country (EntityRecognizer+Financial.swift). Invented text.
final class FinancialMaliTests: XCTestCase {
    func testFinancialSupportIsNoSupportFromMali() {
        let d = extractInvented("وتعهدت قطر بتقديم دعم مالي للأردن.")
        XCTAssertFalse(d.entities.contains { $0.id == "plc-mali" }, "\(d.entities.map(\.labelAr))")
        XCTAssertEqual(d.arrows("SUPPORT"), ["قطر → الأردن"])
    }

    func testTheCountryAndItsAdjectiveStay() {
        // a Malian source, and the country after a head noun
        XCTAssertTrue(extractInvented("وقال مصدر عسكري مالي إن القافلة وصلت.").entities.contains { $0.id == "plc-mali" })
        XCTAssertTrue(extractInvented("وأعلنت حكومة مالي حظر التجول.").entities.contains { $0.id == "plc-mali" })
    }
}

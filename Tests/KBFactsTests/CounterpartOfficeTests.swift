@testable import KBFacts
import XCTest

/// «نظيره الروسي» stands for the person of that country who holds the possessor's own office
/// (Linker+Counterparts.swift; invented text).
final class CounterpartOfficeTests: XCTestCase {
    /// A defence minister's counterpart is the other defence minister, though a foreign minister of that country
    /// was named after him.
    func testTheCounterpartHoldsTheSameOffice() {
        let x = extractInvented("""
            استقبل وزير الدفاع المصري محمد زكي وزير الدفاع الروسي سيرغي شويغو ووزير الخارجية الروسي سيرغي لافروف.
            وعقد زكي ونظيره الروسي جلسة مباحثات حول التعاون العسكري.
            """)
        XCTAssertTrue(x.arrows("TALKS").contains { $0.hasSuffix("→ سيرغي شويغو") }, "\(x.arrows("TALKS"))")
        XCTAssertFalse(x.arrows("TALKS").contains { $0.hasSuffix("→ سيرغي لافروف") }, "\(x.arrows("TALKS"))")
    }

    /// With no one of that country in the same office, the last title of that nationality is kept.
    func testWithoutTheSameOfficeTheNationalityDecides() {
        let x = extractInvented("""
            استقبل وزير الدفاع المصري محمد زكي وزير الخارجية الروسي سيرغي لافروف.
            وعقد زكي ونظيره الروسي جلسة مباحثات حول التعاون.
            """)
        XCTAssertTrue(x.arrows("TALKS").contains { $0.hasSuffix("→ سيرغي لافروف") }, "\(x.arrows("TALKS"))")
    }
}

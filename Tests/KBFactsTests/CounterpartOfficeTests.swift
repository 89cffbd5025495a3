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

    /// «X، وزير الدفاع، وY، وزير الخارجية»: each title between commas is the office of the name before it, so X's
    /// counterpart is the other defence minister and Y's the other foreign minister.
    func testATitleInAppositionGivesTheOfficeOfTheNameBeforeIt() {
        let x = extractInvented("""
            وصل وزير الدفاع الروسي سيرغي شويغو ووزير الخارجية الروسي سيرغي لافروف إلى تونس.
            واستقبل الرئيس قيس سعيد المشير سامي الحداد، وزير الدفاع، وكريم النجار، وزير الخارجية، في قصر قرطاج.
            وعقد الحداد ونظيره الروسي جلسة مباحثات حول التعاون العسكري.
            وعقد النجار ونظيره الروسي جلسة مباحثات حول التعاون الاقتصادي.
            """)
        let talks = x.arrows("TALKS")
        XCTAssertTrue(talks.contains("سامي الحداد → سيرغي شويغو"), "\(talks)")
        XCTAssertTrue(talks.contains("كريم النجار → سيرغي لافروف"), "\(talks)")
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

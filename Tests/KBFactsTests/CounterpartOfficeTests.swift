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

    /// «بدعوة من نظيره الكندي»: the counterpart's nationality names the other side's state, so the possessor, whose
    /// title names no state, is not given that one though the document names it most (Extractor+CounterpartStates.swift).
    func testACounterpartsNationalityIsNotThePossessorsState() {
        let x = extractInvented("""
            تشهد العلاقات بين مصر وكندا تحسنا. وشارك وزير الخارجية سامي ناصر في المؤتمر بدعوة من نظيره الكندي جون ميلر.
            """)
        let roles = x.arrows("HOLDS_ROLE")
        XCTAssertFalse(roles.contains("سامي ناصر → كندا"), "\(roles)")
        XCTAssertTrue(roles.contains("جون ميلر → كندا"), "\(roles)")
    }

    /// A person named after the counterpart («مع نظيره الكندي X، ورئيس الوزراء Y») is on the counterpart's side and
    /// keeps the document's country.
    func testAPersonNamedAfterTheCounterpartKeepsTheDocumentsState() {
        let x = extractInvented("""
            وصل الرئيس الفرنسي جان بيار لوران إلى أوتاوا في زيارة رسمية. وسيعقد لوران جلسة عمل مع نظيره الكندي جون ميلر، ورئيس الوزراء روبرت كلارك.
            """)
        XCTAssertTrue(x.arrows("HOLDS_ROLE").contains("روبرت كلارك → كندا"), "\(x.arrows("HOLDS_ROLE"))")
    }
}

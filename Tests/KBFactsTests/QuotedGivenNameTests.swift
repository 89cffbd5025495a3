import KBFacts
import XCTest

/// A known person in quotes with the given name in another spelling (EntityRecognizer+QuotedGivenNames.swift).
/// Invented text.
final class QuotedGivenNameTests: XCTestCase {
    func testAQuotedVariantGivenNameJoinsTheKnownSurname() {
        // «إيمانوئيل» is «إيمانويل» with another hamza seat: one name, and the title before the quotes is his
        let d = extractInvented("وقال الرئيس الفرنسي «إيمانوئيل ماكرون» إن باريس مستعدة للحوار.")
        XCTAssertEqual(d.arrows("HOLDS_ROLE"), ["إيمانويل ماكرون → فرنسا"])
        XCTAssertTrue(d.mentions.contains { $0.text == "إيمانوئيل ماكرون" }, "\(d.mentions.map(\.text))")
    }

    func testAnotherGivenNameIsNotJoined() {
        // «سمير» is no spelling of «إيمانويل»: the quoted span is not taken for the known person's full name
        let d = extractInvented("وقال الكاتب «سمير ماكرون» إن الرواية جاهزة.")
        XCTAssertFalse(d.mentions.contains { $0.text == "سمير ماكرون" }, "\(d.mentions.map(\.text))")
    }
}

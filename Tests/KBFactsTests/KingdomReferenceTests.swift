import KBFacts
import XCTest

/// «المملكة» alone is the one kingdom the document names (Linker+Kingdom.swift). Invented text.
final class KingdomReferenceTests: XCTestCase {
    func testTheKingdomIsTheOneTheDocumentNames() {
        let d = extractInvented("استدعت المغرب سفيرها لدى السويد. وانتقدت ستوكهولم المملكة بسبب ملف الصحراء.")
        XCTAssertTrue(d.arrows("OPPOSE").contains("السويد → المغرب") || d.arrows("OPPOSE").contains("ستوكهولم → المغرب"),
                      "\(d.arrows("OPPOSE"))")
    }

    func testTwoKingdomsLeaveItUnread() {
        // Morocco and Jordan are both «المملكة …»: which one is not told
        let d = extractInvented("استدعت المغرب سفيرها لدى الأردن. وانتقدت ستوكهولم المملكة بسبب ملف الصحراء.")
        XCTAssertFalse(d.mentions.contains { $0.text.contains("مملكة") }, "\(d.mentions.map(\.text))")
    }
}

import XCTest
@testable import KBText

final class TokenizerTests: XCTestCase {
    private func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        return Tokenizer.tokenize(scalars, begin: 0, end: scalars.count)
    }

    func testKinds() {
        let t = tokens("وصل حفتر، يوم 7 أغسطس 2018 إلى Redut.")
        XCTAssertEqual(t.map(\.text), ["وصل", "حفتر", "،", "يوم", "7", "أغسطس", "2018", "إلى", "Redut", "."])
        XCTAssertEqual(t.map(\.kind), [.word, .word, .punctuation, .word, .number, .word, .number, .word, .latin, .punctuation])
        XCTAssertEqual(t[7].norm, "الي")
        XCTAssertEqual(t[8].norm, "redut")
    }

    func testNumbersAndGluedWords() {
        XCTAssertEqual(tokens("٢٠٢٤م").map(\.text), ["٢٠٢٤", "م"])
        XCTAssertEqual(tokens("٢٠٢٤م")[0].norm, "2024")
        XCTAssertEqual(tokens("۱۹۱مشاهدات").map(\.kind), [.number, .word])
        XCTAssertEqual(tokens("2.5 و1,500").map(\.text), ["2.5", "و", "1,500"])
        XCTAssertEqual(tokens("7/8/2018").map(\.text), ["7", "/", "8", "/", "2018"])
    }

    func testDiacriticsTatweelAndJoinersStayInWords() {
        XCTAssertEqual(tokens("مُحَمَّد").map(\.text), ["مُحَمَّد"])
        XCTAssertEqual(tokens("بـ \"المتحدث\"").map(\.text), ["بـ", "\"", "المتحدث", "\""])
        XCTAssertEqual(tokens("ـــ").count, 0)
        XCTAssertEqual(tokens("Côte d'Ivoire").map(\.text), ["Côte", "d'Ivoire"])
    }

    func testOffsetsAreScalarIndices() {
        let text = "\u{200F}  أ.ف.ب — Su-24\r\nسعيّد"
        let scalars = Array(text.unicodeScalars)
        for t in Tokenizer.tokenize(scalars, begin: 0, end: scalars.count) {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[t.begin..<t.end])), t.text)
        }
        // A sub-range is honoured.
        let sub = Tokenizer.tokenize(scalars, begin: 3, end: 4)
        XCTAssertEqual(sub.map(\.text), ["أ"])
    }
}

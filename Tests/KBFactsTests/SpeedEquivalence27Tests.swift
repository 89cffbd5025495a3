import XCTest
@testable import KBFacts

/// The linker's byte shortcuts of speed27 against the `String` code they stand for, on invented keys and texts from a
/// seeded generator.
final class SpeedEquivalence27Tests: XCTestCase {
    /// Words and pieces the invented strings are made of: army words and near misses (a mark after a letter, the
    /// letters apart), plain and marked Arabic, Latin, digits, spaces and «@».
    static let pieces = ["قوات", "القوات", "جيش", "الجيش", "للقوات", "قوا", "وات", "جي", "يش", "قوات\u{064B}", "جيش\u{0651}",
                         "ج\u{0651}يش", "المسلحه", "الوطني", "الليبيه", "حركه", "مجلس", "army", "x1", "٣", " ", " ", "  ", "@",
                         "ا\u{0653}", "e\u{0301}", "\u{0301}", "\r\n", "-"]

    static func randomString(_ g: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...7, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    /// `mayNameArmy` is true for every key one of whose words (as `linkGenericArmies` splits them) ends with «قوات» or
    /// «جيش».
    func testMayNameArmyNeverRulesOutAnArmy() {
        var g = SeededRandom(seed: 2701)
        var armies = 0
        for _ in 0..<4_000 {
            let key = "org:" + Self.randomString(&g)
            let parts = key.dropFirst(4).plainSplit(separator: "@", maxSplits: 1).map(String.init)
            let words = parts.first.map { $0.plainSplit(separator: " ").map(String.init) } ?? []
            let army = words.contains { $0.hasSuffix("قوات") || $0.hasSuffix("جيش") }
            if army { XCTAssertTrue(Linker.mayNameArmy(key), key); armies += 1 }
        }
        XCTAssertGreaterThan(armies, 500)
    }

    /// `firstWord` is the first piece of `plainSplit(separator: " ")`, plain text or not.
    func testFirstWordIsTheFirstPiece() {
        var g = SeededRandom(seed: 2702)
        var words = 0
        for _ in 0..<4_000 {
            let text = Self.randomString(&g)
            let want = text.plainSplit(separator: " ").first
            let got = Linker.firstWord(text)
            XCTAssertEqual(got.map(String.init), want.map(String.init), text)
            if got != nil { words += 1 }
        }
        XCTAssertGreaterThan(words, 2_000)
    }
}

import XCTest
import KBText
@testable import KBFacts

/// The shortcuts of speed31 (the linker's short names and removals, the people index's joined tail, the event places'
/// clitic gate and place heads) against the code they stand for, on invented inputs from a seeded generator.
final class SpeedEquivalence31Tests: XCTestCase {
    /// Pieces of the invented keys and words: plain and marked Arabic (a decomposed hamza, a shadda), the clitics
    /// «ب» and «و», Latin, digits, spaces, «@», CR LF.
    static let pieces = ["ب", "وب", "و", "ال", "بال", "مجلس", "العسكري", "الانتقالي", "حزب", "الأمة", "ا\u{0654}مة",
                         "قريه", "مدينة", "في", "\u{0651}", "ب\u{0651}", "x", "٣", " ", " ", "  ", "@", "@@", "\r\n", "e\u{0301}"]

    static func randomString(_ g: inout SeededRandom, _ most: Int = 7) -> String {
        (0..<Int.random(in: 0...most, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    /// `shortNameWords` gives the keys of the words `oldShortNameWords` splits, plain key or not.
    func testShortNameWordsAsBefore() {
        var g = SeededRandom(seed: 3101)
        var plainKeys = 0, withWords = 0
        for _ in 0..<5_000 {
            let key = "org:" + Self.randomString(&g)
            let want = Linker.oldShortNameWords(key).map(NormKey.init)
            XCTAssertEqual(Linker.shortNameWords(key), want, key)
            if NormKey.isPlain(key) { plainKeys += 1 }
            if want.count >= 2 { withWords += 1 }
        }
        XCTAssertGreaterThan(plainKeys, 500)
        XCTAssertGreaterThan(withWords, 500)
    }

    /// `isShortening` on the words' keys answers as on the words.
    func testShorteningOnKeys() {
        var g = SeededRandom(seed: 3102)
        let words = ["المجلس", "العسكري", "الانتقالي", "الأمة", "ا\u{0654}لأمة", "الا\u{0654}مة", "حزب", "القومي"]
        var yes = 0
        for _ in 0..<5_000 {
            let a = (0..<Int.random(in: 1...3, using: &g)).map { _ in words.randomElement(using: &g)! }
            let b = (0..<Int.random(in: 1...5, using: &g)).map { _ in words.randomElement(using: &g)! }
            let want = Linker.isShortening(a, of: b)
            XCTAssertEqual(Linker.isShortening(a.map(NormKey.init), of: b.map(NormKey.init)), want, "\(a) \(b)")
            if want { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 200)
    }

    /// `spaceJoinedTail` is `dropFirst().joined(separator: " ")`, byte for byte.
    func testSpaceJoinedTail() {
        var g = SeededRandom(seed: 3103)
        for _ in 0..<3_000 {
            let n = (0..<Int.random(in: 0...5, using: &g)).map { _ in Self.randomString(&g, 3) }
            let want = n.count >= 2 ? n.dropFirst().joined(separator: " ") : ""
            XCTAssertEqual(Array(Linker.spaceJoinedTail(n).utf8), Array(want.utf8), "\(n)")
        }
    }

    /// `removeMentions` keeps what `removeAll(where:)` keeps, in the same order, and says whether it removed any.
    func testRemoveMentionsAsRemoveAll() {
        var g = SeededRandom(seed: 3104)
        var removed = 0
        for _ in 0..<2_000 {
            let ms = (0..<Int.random(in: 0...9, using: &g)).map { k in
                RawMention(range: k..<(k + 1), begin: k, end: k + 1, text: Self.randomString(&g, 2), type: .person, subtype: "",
                           gazetteerIDs: [], nameKey: Bool.random(using: &g) ? "" : "x", isAdjective: false, role: nil,
                           confidence: 0.5)
            }
            var want = ms
            want.removeAll { $0.nameKey.isEmpty }
            var got = ms
            let any = Linker.removeMentions(&got, where: { $0.pointee.nameKey.isEmpty })
            XCTAssertEqual(got.map(\.range), want.map(\.range))
            XCTAssertEqual(got.map(\.text), want.map(\.text))
            XCTAssertEqual(any, want.count != ms.count)
            if any { removed += 1 }
        }
        XCTAssertGreaterThan(removed, 1_000)
    }

    /// `mayStartWithBa` is true for every token `hasClitic` finds a word in.
    func testEventPlaceCliticGate() {
        var g = SeededRandom(seed: 3105)
        var clitics = 0
        for _ in 0..<6_000 {
            let word = Self.randomString(&g, 3)
            let token = ["", "ب", "وب", "و", "ب\u{0651}", "ف"].randomElement(using: &g)! + word
            if EventPlaces.hasClitic(token, word) { XCTAssertTrue(EventPlaces.mayStartWithBa(token), token); clitics += 1 }
        }
        XCTAssertGreaterThan(clitics, 1_000)
        // (a token that starts otherwise is ruled out)
        XCTAssertFalse(EventPlaces.mayStartWithBa("القاهرة"))
        XCTAssertTrue(EventPlaces.mayStartWithBa("بالقاهرة"))
        XCTAssertTrue(EventPlaces.mayStartWithBa("وبالقاهرة"))
    }
}

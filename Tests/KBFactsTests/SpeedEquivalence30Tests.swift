@testable import KBText
import XCTest

/// speed30: the byte answers of `plainEquals` and `plainHasPrefix` (PlainBytes.swift) against `==` and `hasPrefix`
/// (and `plainHasSuffix` against `hasSuffix`), on invented strings (SeededRandom) of plain Arabic letters and the scalars the
/// byte answers must leave to `String`: the hamza and madda letters and marks that compose (أ against ا + U+0654),
/// harakat, a prepended mark, CR and LF, a joiner, a Latin combining mark, regional indicators, an emoji.
final class SpeedEquivalence30Tests: XCTestCase {
    static let scalars = ["ا", "أ", "إ", "آ", "ء", "ؤ", "ئ", "و", "ي", "ى", "ل", "م", "ة", "ـ", "٣", "\u{654}", "\u{655}", "\u{653}",
                          "\u{64E}", "\u{650}", "\u{651}", "\u{600}", "\r", "\n", "a", "A", "1", " ", "e", "é", "\u{301}",
                          "\u{200D}", "\u{1F1E6}", "\u{1F1E8}", "\u{1F600}", "ک", "ۀ", "\u{6C1}\u{654}"]

    /// Pairs of strings, most of them near each other (one the other with a scalar changed, added or dropped).
    static func pairs(_ seed: UInt64, _ n: Int) -> [(String, String)] {
        var g = SeededRandom(seed: seed)
        func word() -> [String] { (0..<Int.random(in: 0...5, using: &g)).map { _ in scalars.randomElement(using: &g)! } }
        var out: [(String, String)] = []
        for _ in 0..<n {
            let a = word()
            var b = a
            switch Int.random(in: 0...5, using: &g) {
            case 0: b = word()
            case 1: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &g)] = scalars.randomElement(using: &g)! }
            case 2: b.append(contentsOf: word())
            case 3: if !b.isEmpty { b.removeLast(Int.random(in: 1...b.count, using: &g)) }
            case 4: b.insert(scalars.randomElement(using: &g)!, at: Int.random(in: 0...b.count, using: &g))
            default: break
            }
            out.append(Int.random(in: 0...1, using: &g) == 0 ? (a.joined(), b.joined()) : (b.joined(), a.joined()))
        }
        // the cases the byte answers turn on, written out
        let fixed = [("أ", "ا\u{654}"), ("ال\u{623}", "الا\u{654}"), ("إ\u{654}", "أ\u{655}"), ("ا", "ا\u{654}"), ("ا\u{654}", "ا"),
                     ("\r\n", "\r"), ("\u{600}ا", "\u{600}"), ("اب", "ا\u{301}"), ("\u{1F1E6}\u{1F1E8}", "\u{1F1E6}"),
                     ("ب\u{651}\u{64E}", "ب\u{64E}\u{651}"), ("", ""), ("", "ا"), ("ا", ""), ("é", "e\u{301}"), ("ۀ", "\u{6D5}\u{654}")]
        return out + fixed + fixed.map { ($0.1, $0.0) }
    }

    func testPlainEqualsIsEquality() {
        var equal = 0, decided = 0
        for (a, b) in Self.pairs(30_001, 20_000) {
            XCTAssertEqual(a.plainEquals(b), a == b, "\(a.unicodeScalars.map(\.value)) / \(b.unicodeScalars.map(\.value))")
            if a == b { equal += 1 }
            var x = a, y = b
            if x.withUTF8({ p in y.withUTF8 { q in PlainBytes.equal(p, q) } }) != nil { decided += 1 }
        }
        XCTAssertGreaterThan(equal, 2_000)
        XCTAssertGreaterThan(decided, 10_000)
    }

    func testPlainHasPrefixIsHasPrefix() {
        var yes = 0, decided = 0
        for (a, b) in Self.pairs(30_002, 20_000) {
            XCTAssertEqual(a.plainHasPrefix(b), a.hasPrefix(b), "\(a.unicodeScalars.map(\.value)) / \(b.unicodeScalars.map(\.value))")
            if a.hasPrefix(b) { yes += 1 }
            var x = a, y = b
            if x.withUTF8({ p in y.withUTF8 { q in PlainBytes.hasPrefix(p, q) } }) == true { decided += 1 }
        }
        XCTAssertGreaterThan(yes, 4_000)
        XCTAssertGreaterThan(decided, 2_000)
    }

    func testPlainHasSuffixIsHasSuffix() {
        var yes = 0
        for (a, b) in Self.pairs(30_003, 20_000) {
            XCTAssertEqual(a.plainHasSuffix(b), a.hasSuffix(b), "\(a.unicodeScalars.map(\.value)) / \(b.unicodeScalars.map(\.value))")
            if a.hasSuffix(b) { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 4_000)
    }
}

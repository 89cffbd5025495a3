@testable import KBFacts
@testable import KBText
import XCTest

/// speed23: the linker's surname bits read from `Clitics.of` in place, against the candidate list they were made
/// from (`SpeedEquivalence19Tests.oldSurnameBits`), on function words and verbs (the candidates' filter) with and
/// without proclitics, and on the speed19 words.
final class SpeedEquivalence23Tests: XCTestCase {
    static let words: [String] = {
        let lexicon = (Array(Lexicon.stopwords).sorted().prefix(150) + Array(Lexicon.verbs).sorted().prefix(150))
        var out = Array(lexicon)
        out += lexicon.map { "و" + $0 } + lexicon.map { "ب" + $0 } + lexicon.map { "ال" + $0 }
        return out + SpeedEquivalence19Tests.words
    }()

    func testSurnameBitsInPlaceAreTheCandidatesBits() {
        var filtered = 0
        for _ in 0..<2 {
            for w in Self.words {
                XCTAssertEqual(Linker.computeSurnameBits(w), SpeedEquivalence19Tests.oldSurnameBits(w), w)
                let all = [w] + Clitics.of(w).map(\.stem)
                if Linker.surnameCandidates(w).count < all.count { filtered += 1 }
            }
        }
        // (the filter met: some candidate stems are function words, verbs or shorter than three letters)
        XCTAssertGreaterThan(filtered, 100)
    }
}

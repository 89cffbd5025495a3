@testable import KBFacts
@testable import KBNER
@testable import KBText
import XCTest

/// speed18: the labeller's gazetteer tags skip the two-word look-up before a word that is no name's second word;
/// the tags are those of the loop that looked every pair up.
final class SpeedEquivalenceSecondWordTests: XCTestCase {
    /// `NERLexicon.gazetteerTags` as it was (every pair looked up).
    static func oldTags(_ lex: NERLexicon, _ info: [NERFeaturizer.WordInfo]) -> [(b: UInt8, i: UInt8)] {
        var out = [(b: UInt8, i: UInt8)](repeating: (0, 0), count: info.count)
        var i = 0
        while i < info.count {
            var matched = 0
            var bits: UInt8 = 0
            for (first, maxLen, oneWord) in info[i].nameStarts {
                if oneWord != 0, matched < 1 { matched = 1; bits = oneWord }
                guard maxLen >= 2, i + 1 < info.count else { continue }
                let reach = min(maxLen, info.count - i, lex.longestName(startingWith: first, then: info[i + 1].stems[0]))
                guard reach >= 2 else { continue }
                var key = first
                for len in 2...reach {
                    key += " "; key += info[i + len - 1].stems[0]
                    if len > matched, let b = lex.nameBits(key) { matched = len; bits = b }
                }
            }
            if matched > 0 {
                out[i].b = bits
                for k in (i + 1)..<(i + matched) { out[k].i = bits }
                i += matched
            } else {
                i += 1
            }
        }
        return out
    }

    func testTagsAreThoseOfEveryPairLookedUp() throws {
        let model = try XCTUnwrap(EntityRecognizer.nerModel)
        let f = model.featurizer, lex = model.lexicon
        // words of the lexicon's names of two words or more, with clitics, and others
        let names = lex.namesN.keys.map(\.string).filter { $0.contains(" ") }.sorted().prefix(3000)
        var words = Array(Set(names.flatMap { $0.split(separator: " ").map(String.init) })).sorted()
        words += words.prefix(200).map { "و" + $0 } + ["في", "من", "قال", "،", "2024", "Paris", "ا\u{0654}حمد"]
        XCTAssertGreaterThan(words.count, 500)
        var rng = SeededRandom(seed: 2001)
        var seen = 0
        for round in 0..<400 {
            var sentence: [String]
            if round % 2 == 0, let name = names.randomElement(using: &rng) {
                // a name inside other words
                sentence = [words.randomElement(using: &rng)!] + name.split(separator: " ").map(String.init) + [words.randomElement(using: &rng)!]
            } else {
                sentence = (0..<Int.random(in: 1...12, using: &rng)).map { _ in words.randomElement(using: &rng)! }
            }
            let info = sentence.map { f.wordInfo(norm: $0, text: $0) }
            for (k, w) in sentence.enumerated() { XCTAssertEqual(info[k].secondWord, lex.isSecondWord(w)) }
            let got = lex.gazetteerTags(info), want = Self.oldTags(lex, info)
            XCTAssertEqual(got.map { [$0.b, $0.i] }, want.map { [$0.b, $0.i] }, sentence.joined(separator: " "))
            seen += want.filter { $0.i != 0 }.count
        }
        XCTAssertGreaterThan(seen, 0, "no name of two words was tagged")
    }

    /// The recogniser's gazetteer look-up skips `longestName(startingWith:then:)` before a word that is no name's
    /// second word: it would be 0 there, for every first word.
    func testGazetteerSecondWordsFilterOnlyZeros() {
        let g = Gazetteer.bundled
        let keys = g.firstTwoWords.keys.map(\.string).sorted()
        XCTAssertGreaterThan(keys.count, 100)
        let pairs = keys.compactMap { k -> (String, String)? in
            guard let sp = k.firstIndex(of: " ") else { return nil }
            return (String(k[..<sp]), String(k[k.index(after: sp)...]))
        }
        // every name's second word is one
        for (_, s) in pairs { XCTAssertTrue(g.isSecondWord(s), s) }
        // words that are none: no first word goes on with them
        let firsts = Array(Set(pairs.map(\.0))).sorted()
        let others = Array(Set(pairs.map(\.0) + pairs.map { "و" + $0.1 } + SpeedEquivalenceTests.samples.map(ArabicNormalizer.normalize)
            + ["ا\u{0654}حمد", "x y", ""])).sorted().filter { !g.isSecondWord($0) }
        XCTAssertGreaterThan(others.count, 100)
        for w in others.prefix(300) {
            for f in firsts.prefix(400) where g.longestName(startingWith: f, then: w) != 0 {
                XCTFail("\(f) \(w)")
            }
        }
        // and the pairs that are there are found
        for (f, s) in pairs.prefix(500) { XCTAssertGreaterThan(g.longestName(startingWith: f, then: s), 0) }
    }
}

@testable import KBFacts
@testable import KBNER
@testable import KBText
import XCTest

/// speed18: the recogniser's per-sentence word cues (`WordCues`) are exactly the first tests of the passes they
/// let skip tokens, computed afresh; the byte suffix test is the old generic one.
final class SpeedEquivalenceWordCuesTests: XCTestCase {
    /// Words of every cue (the lists' own words, with and without proclitics and the article), and others.
    static var words: [String] {
        var base: [String] = []
        base += EntityRecognizer.unitHeads.strings.sorted()
        base += EntityRecognizer.namedFacilityHeads.strings.sorted()
        base += EntityRecognizer.counterpartWords.strings.sorted()
        base += Lexicon.mediaTrailers.strings.sorted()
        base += EntityRecognizer.bareInstitutions.keys.sorted()
        base += EntityRecognizer.dualHeads.keys.map(\.string).sorted().prefix(20)
        base += Lexicon.roleHeads.strings.sorted().prefix(40) + Lexicon.ranks.strings.sorted().prefix(20)
        base += Lexicon.kinship.strings.sorted().prefix(10) + Lexicon.orgHeads.strings.sorted().prefix(40)
        base += Lexicon.placeHeads.strings.sorted().prefix(20)
        base += [EntityRecognizer.qaedaWord, "قاعده", "القواعد", "مصريين", "المصريون", "السوريين", "للسوريين", "يين", "يون"]
        base += SpeedEquivalenceTests.samples.map(ArabicNormalizer.normalize)
        var out: [String] = []
        for w in base {
            let bare = w.hasPrefix("ال") ? String(w.dropFirst(2)) : w
            out += [w, bare, "و" + w, "ب" + w, "لل" + bare, "وال" + bare, "بال" + bare, "ف" + bare, "ولل" + bare, "ك" + w]
        }
        // not plain: decomposed hamza, a Persian letter, Latin
        out += ["ا\u{0654}لفيلق", "\u{06A9}تيبه", "مطار\u{064B}", "Paris", "", "و", "ال"]
        return out
    }

    /// `utf8HasSuffix` as it was (the generic suffix of the UTF-8 view).
    static func oldHasSuffix(_ s: String, _ suffix: String) -> Bool {
        let a = s.utf8, b = suffix.utf8
        return a.count >= b.count && a.suffix(b.count).elementsEqual(b)
    }

    static func expected(_ n: String, _ r: EntityRecognizer) -> UInt16 {
        let tok = Token(text: n, norm: n, begin: 0, end: 1, kind: .word)
        var b: UInt16 = 0
        if r.facilityHead(tok) != nil { b |= WordCues.facility }
        if n.utf8.count >= 12, oldHasSuffix(n, "يين") || oldHasSuffix(n, "يون") { b |= WordCues.pluralNisba }
        if oldHasSuffix(n, "قاعده") { b |= WordCues.qaeda }
        if EntityRecognizer.counterpartWords.contains(n) { b |= WordCues.counterpart }
        if EntityRecognizer.computeUnitHeadFlags(n) & EntityRecognizer.unitHeadWord != 0 { b |= WordCues.unitHead }
        if r.orgWordFlags(n) & EntityRecognizer.flagMediaTrailer != 0 { b |= WordCues.mediaTrailer }
        if r.orgWordFlags(n) & EntityRecognizer.flagBareInstitution != 0 { b |= WordCues.bareInstitution }
        let w = EntityRecognizer.computeStripConj(n)
        if Lexicon.ranks.contains(w) || Lexicon.roleHeads.contains(w) || Lexicon.kinship.contains(w) { b |= WordCues.roleWord }
        if EntityRecognizer.computeHeadWord(n) != nil { b |= WordCues.headWord }
        if EntityRecognizer.computeDualHead(n) != nil { b |= WordCues.dualHead }
        return b
    }

    func testCuesAreThePassesFirstTests() throws {
        let r = EntityRecognizer(gazetteer: Gazetteer.bundled)
        let words = Self.words
        var seen: UInt16 = 0
        // twice: the first computes, the second finds the words remembered
        for _ in 0..<2 {
            let t = words.map { Token(text: $0, norm: $0, begin: 0, end: 1, kind: .word) }
                + [Token(text: "،", norm: "،", begin: 0, end: 1, kind: .punctuation), Token(text: "12", norm: "12", begin: 0, end: 1, kind: .number),
                   Token(text: "Paris", norm: "paris", begin: 0, end: 1, kind: .latin), Token(text: "paris", norm: "paris", begin: 0, end: 1, kind: .latin)]
            let g = Gazetteer.bundled
            let cues = WordCues(t, gazetteer: g)
            var any: UInt16 = 0
            let model = try XCTUnwrap(EntityRecognizer.nerModel)
            XCTAssertEqual(cues.labelInfos.count, t.count)
            for (i, tok) in t.enumerated() {
                // every token's labeller info comes with its cues, and is the one the labeller looks up
                let got = cues.labelInfos[i], want = ModelWords.info(tok, model)
                XCTAssertEqual([got.word, got.stem, got.clitic, got.shape, UInt64(got.cues)], [want.word, want.stem, want.clitic, want.shape, UInt64(want.cues)], tok.norm)
                XCTAssertEqual(got.stems, want.stems)
                // speed33: the gazetteer's start (the same remembered object) and second-word test of a word
                XCTAssertTrue(cues.gazetteerFacts[i].start === (tok.kind == .word || tok.kind == .latin ? g.start(tok.norm) : nil), tok.norm)
                let second = cues.gazetteerFacts[i].second
                XCTAssertTrue(second == -1 || (second == 1) == g.isSecondWord(tok.norm), tok.norm)
                if tok.kind == .word, NormKey.isPlain(tok.norm) { XCTAssertNotEqual(second, -1, tok.norm) }
            }
            for (i, n) in words.enumerated() {
                XCTAssertEqual(cues.bits[i], Self.expected(n, r), n)
                any |= cues.bits[i]
            }
            XCTAssertEqual(cues.bits.suffix(4), [0, 0, 0, 0])
            XCTAssertEqual(cues.any, any)
            seen |= any
        }
        // every cue is met by some word above
        XCTAssertEqual(seen, (1 << 10) - 1)
    }

    func testByteSuffixIsTheOldOne() {
        for s in Self.words {
            for suffix in ["يين", "يون", "قاعده", "", "ه", s, "x" + s] {
                XCTAssertEqual(EntityRecognizer.utf8HasSuffix(s, suffix), Self.oldHasSuffix(s, suffix), "\(s) \(suffix)")
            }
        }
    }

    func testEndsInOneIsABytesSuffixTest() {
        let ends = WordCues.unitHeadEnds + WordCues.bareInstitutionEnds
        for s in Self.words {
            XCTAssertEqual(WordCues.endsInOne(s, ends), ends.contains { Self.oldHasSuffix(s, String(decoding: $0, as: UTF8.self)) }, s)
        }
    }
}

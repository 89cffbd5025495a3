@testable import KBFacts
@testable import KBText
import XCTest

/// speed19: the linker's surname bits from bytes and its consistency forms per word, against the ways they replace
/// (kept here as they were).
final class SpeedEquivalence19Tests: XCTestCase {
    static let words: [String] = {
        var out = SpeedEquivalenceLinkerTests.words + [
            "الشيشاني", "تشاوشيسكو", "شتاينماير", "الاتحاد", "والاتحاد", "للاتحاد", "بالتحالف", "فبالتحالف", "اليا", "الي",
            "ال", "الل", "ا", "ش", "تش", "تشش", "شيوي", "اوياو", "ـــ", "بيـلين", "ماكرون", "وماكرون", "لماكرون", "ابو",
            "أحمد", "ؤسس", "إيران", "ک", "ی", "بيلين١", "abc", "Zola", "مدينة", "مدينه",
        ]
        out += out.map { "و" + $0 } + out.map { "ال" + $0 }
        return out.map(ArabicNormalizer.normalize) + out
    }()

    /// `computeSurnameBits` as it was: every key of every candidate stem made as a `NormKey`.
    static func oldSurnameBits(_ norm: String) -> [UInt16] {
        var out: [UInt16] = []
        for c in Clitics.surnameCandidates(norm, Linker.surnameCandidates) {
            for f in Linker.PeopleIndex.computeLookupForms(c.stem) {
                let b = UInt16(Linker.PeopleIndex.bit(NormKey(f)))
                if !out.contains(b) { out.append(b) }
            }
        }
        return out
    }

    func testSurnameBitsFromBytesAreTheKeysBits() {
        var plainSeen = false, otherSeen = false
        for w in Self.words {
            XCTAssertEqual(Linker.computeSurnameBits(w), Self.oldSurnameBits(w), w)
            for c in Clitics.surnameCandidates(w, Linker.surnameCandidates) {
                var bits: [UInt16] = []
                if Linker.plainStemBits(c.stem, &bits) {
                    plainSeen = true
                    var old: [UInt16] = []
                    for f in Linker.PeopleIndex.computeLookupForms(c.stem) {
                        let b = UInt16(Linker.PeopleIndex.bit(NormKey(f)))
                        if !old.contains(b) { old.append(b) }
                    }
                    XCTAssertEqual(bits, old, c.stem)
                } else {
                    otherSeen = true
                    XCTAssertTrue(bits.isEmpty)
                }
            }
        }
        XCTAssertTrue(plainSeen && otherSeen)
    }

    /// The hash of a plain key from its bytes is the key's `hashValue`.
    func testPlainHashValueIsTheKeysHashValue() {
        var rng = SeededRandom(seed: 3001)
        let alphabet = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى~ 0123456789abcxyz-|=".unicodeScalars)
        var texts = Self.words.filter(NormKey.isPlain)
        for _ in 0..<2000 {
            let n = Int.random(in: 0...24, using: &rng)
            texts.append(String(String.UnicodeScalarView((0..<n).map { _ in alphabet.randomElement(using: &rng)! })))
        }
        for t in texts where NormKey.isPlain(t) {
            var u = t
            let h = u.withUTF8 { NormKey.plainHashValue($0) }
            XCTAssertEqual(h, NormKey(t).hashValue, t)
        }
    }

    /// The consistency forms remembered per word are the ones made for each name before.
    func testConsistencyFormsAsTheyWereMade() {
        for first in Self.words {
            var prefixed: [(String, String)] = [(first, "")]
            let definite = first.plainHasPrefix("ال")
            for (p, lam) in Linker.consistencyPrefixesWithLam {
                if definite, lam {
                    prefixed.append((p + "ل" + first.dropFirst(2), p))
                } else {
                    prefixed.append((p + first, p))
                }
            }
            for _ in 0..<2 {
                let forms = Linker.consistencyForms(first)
                XCTAssertEqual(forms.map(\.key), prefixed.map { NormKey($0.0) }, first)
                XCTAssertEqual(forms.map(\.prefix), prefixed.map(\.1), first)
                // (a plain word's forms have its bytes; the carried names' gate reads them only when every first word is plain)
                if NormKey.isPlain(first) {
                    XCTAssertTrue(zip(forms, prefixed).allSatisfy { $0.0.key.string.utf8.elementsEqual($0.1.0.utf8) }, first)
                }
            }
        }
    }
}

/// speed19: the date cue's byte test never rules out a word `dateCue` accepts.
final class SpeedEquivalence19DateTests: XCTestCase {
    func testCueShapeRulesOutNoCue() {
        XCTAssertNotNil(DateParser.cueEndings)
        var words = SpeedEquivalence19Tests.words
        let cues = DateParser.cueWords.union(DateParser.cueStems).map(\.string) + Array(DateParser.singleMonths.keys)
        for c in cues {
            for p in ["", "و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "ال", "لل", "وال", "بال"] { words += [p + c, p + c + "ه", c + "ي"] }
        }
        words += ["May", "MAY", "March", "JANUARY", "Mai", "اليوم", "امس", "وامس", "شهر", "الشهر", "عام", "لعام", "سنه", "2024", "٢٠٢٤"]
        var ruledOut = 0, cueSeen = 0
        for w in words.map(ArabicNormalizer.normalize) + words {
            let cue = DateParser.dateCue(w)
            if cue { cueSeen += 1; XCTAssertTrue(DateParser.mayBeCue(w), w) }
            if !DateParser.mayBeCue(w) { ruledOut += 1; XCTAssertFalse(cue, w) }
        }
        XCTAssertGreaterThan(ruledOut, 200)
        XCTAssertGreaterThan(cueSeen, 100)
    }
}

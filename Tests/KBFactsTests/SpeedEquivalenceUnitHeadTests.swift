@testable import KBFacts
@testable import KBText
import XCTest

/// speed8: the article read in place and the unit head remembered per word answer as the code they replace.
final class SpeedEquivalenceUnitHeadTests: XCTestCase {
    /// `hasArticle` as it was: a filtered copy of the text's scalars.
    static func hasArticleFiltered(_ tok: Token) -> Bool {
        let letters = tok.text.unicodeScalars.filter { !(0x064B...0x065F).contains($0.value) && $0.value != 0x0640 }
        let a = Array(letters.prefix(2))
        guard a.count == 2 else { return false }
        return (a[0] == "\u{0627}" && a[1] == "\u{0644}") || (a[0] == "\u{0644}" && a[1] == "\u{0644}")
    }

    /// `unitHead` as it was, on the token alone.
    static func unitHeadOld(_ tok: Token) -> Bool {
        guard tok.kind == .word, hasArticleFiltered(tok) || tok.norm.hasPrefix("و") || tok.norm.hasPrefix("ب")
                || tok.norm.hasPrefix("ف") else { return false }
        if EntityRecognizer.unitHeads.contains(tok.norm) { return true }
        return ArabicNormalizer.cliticCandidates(tok.norm).contains { c in
            ["و", "ف", "ب", "وب", "لل", "ولل", "فلل", "وال", "بال", "فال", "وبال"].contains(c.prefix)
                && EntityRecognizer.unitHeads.contains(c.prefix.hasSuffix("ال") ? "ال" + c.stem : c.stem)
        }
    }

    static let texts: [String] = {
        var out = SpeedEquivalenceTests.samples + [
            "الفيلق", "والفيلق", "بالفيلق", "للواء", "اللواء", "الفرقة", "وقالت", "والفرقة", "فالفرقة", "وبالفرقة",
            "الكتيبة", "بالكتيبة", "ولل", "ال", "لل", "ل", "ا", "اَلفيلق", "الـفيلق", "إلفيلق", "ألفيلق", "فيلق",
            "وفيلق", "بفيلق", "الأسطول", "بالأسطول", "السرية", "والسرية", "لالفرقة", "ـال", "\u{064E}ال", "ال\u{0654}",
            "a", "al", "ll", "ولواء", "فلواء", "ب", "و", "ف", "الجيش", "بالجيش", "وزير",
        ]
        // every pair of a leading clitic and a head, with harakat and tatweel between letters
        for p in ["", "و", "ف", "ب", "وب", "ل", "ول", "فل", "ك"] {
            for h in ["الفيلق", "الفرقة", "اللواء", "الكتيبة", "الفوج", "الأسطول", "السرية", "الجيش", "لواء", "فرقة"] {
                out.append(p + h)
                out.append(p + "\u{064E}" + h)
                out.append(String(h.prefix(1)) + "\u{0640}" + String(h.dropFirst()))
            }
        }
        return out
    }()

    func testHasArticleReadInPlaceIsTheFilteredCopy() {
        var seen = (false, false)
        for text in Self.texts {
            for norm in [ArabicNormalizer.normalize(text), text] {
                let tok = Token(text: text, norm: norm, begin: 0, end: text.count, kind: .word)
                let old = Self.hasArticleFiltered(tok)
                XCTAssertEqual(EntityRecognizer.hasArticle(tok), old, "\(text.unicodeScalars.map(\.value))")
                if old { seen.0 = true } else { seen.1 = true }
            }
        }
        XCTAssertTrue(seen.0 && seen.1)
    }

    func testUnitHeadRememberedPerWordIsTheOldCheck() {
        let rec = EntityRecognizer(gazetteer: Gazetteer.bundled)
        var seen = (false, false)
        for text in Self.texts {
            for kind in [Token.Kind.word, .number, .latin] {
                // the same word asked twice (the second answer comes from the record), and a text whose norm
                // differs from its own normalisation (the article is judged on the text, the rest on the norm)
                for norm in [ArabicNormalizer.normalize(text), ArabicNormalizer.normalize(text), "و" + text] {
                    let tok = Token(text: text, norm: norm, begin: 0, end: text.count, kind: kind)
                    let old = Self.unitHeadOld(tok)
                    XCTAssertEqual(rec.unitHead(tok), old, "\(text) \(norm) \(kind)")
                    if old { seen.0 = true } else { seen.1 = true }
                }
            }
        }
        XCTAssertTrue(seen.0 && seen.1)
    }
}

/// speed8: «المملكة …» judged once per gazetteer entry answers as the check made for every mention.
final class SpeedEquivalenceKingdomTests: XCTestCase {
    func testKingdomRememberedPerEntryIsTheCheckOfItsNames() {
        let g = Gazetteer.bundled
        let linker = Linker(gazetteer: g)
        let countries = g.entries.filter { $0.type == .place && $0.subtype == "country" }
        XCTAssertGreaterThan(countries.count, 50)
        var kingdoms = 0
        for e in countries + Array(g.entries.prefix(200)) {
            let old = ([e.ar] + e.aliases).contains(where: { Gazetteer.key($0).hasPrefix("المملكه ") })
            XCTAssertEqual(linker.isKingdom(e.id), old, e.id)
            XCTAssertEqual(linker.isKingdom(e.id), old, e.id)   // (the second answer is the remembered one)
            if old { kingdoms += 1 }
        }
        XCTAssertGreaterThan(kingdoms, 1)
        XCTAssertFalse(linker.isKingdom("no such id"))
        // another gazetteer has its own answers (an id no kingdom in the bundled one)
        let plain = countries.first { !linker.isKingdom($0.id) }!
        let other = Gazetteer(entries: [GazetteerEntry(id: plain.id, type: .place, subtype: "country", en: "K", ar: "المملكة الفلانية",
                                                      aliases: [], adjectives: [], wikidata: nil, partOf: nil, capitalOf: nil)])
        XCTAssertTrue(Linker(gazetteer: other).isKingdom(plain.id))
        XCTAssertFalse(linker.isKingdom(plain.id))
    }
}

/// speed8: `plainHasSuffix` is `hasSuffix`.
final class SpeedEquivalencePlainSuffixTests: XCTestCase {
    func testPlainHasSuffixIsHasSuffix() {
        let suffixes = ["", "ال", "لل", "ل", "و", "ا", "ا\u{0654}", "أ", "a", "ab", "b", "K", "\u{212A}", "\n", "\r\n", "\r", "x\n",
                        ";", "\u{037E}", "\u{0301}", "e\u{0301}"] + ArabicNormalizer.procliticPrefixes.map(\.prefix)
        let words = SpeedEquivalenceTests.samples + ["وال", "بال", "وبال", "فال", "لل", "ال\u{064E}", "ال", "ا\u{0654}", "a\r\n", "a\n", "\r\n",
                                                      "a\r", "ab", "cab", "e\u{0301}", "e"] + ArabicNormalizer.procliticPrefixes.map(\.prefix)
        var seen = (false, false)
        for w in words {
            for s in suffixes {
                let old = w.hasSuffix(s)
                XCTAssertEqual(w.plainHasSuffix(s), old, "\(w.unicodeScalars.map(\.value)) / \(s.unicodeScalars.map(\.value))")
                if old { seen.0 = true } else { seen.1 = true }
            }
        }
        XCTAssertTrue(seen.0 && seen.1)
    }
}

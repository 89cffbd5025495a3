@testable import KBFacts
@testable import KBNER
@testable import KBText
import XCTest

/// speed33: the gazetteer tags' one-word shortcut, the infos of tokens other than words through a first level, the
/// capital test on Arabic-block scalars and the dual heads remembered: the same values as computed afresh.
final class SpeedEquivalence33Tests: XCTestCase {
    /// Words of the shipped lexicon's names and the samples, with and without proclitics, and other tokens.
    static func vocabulary(_ model: NERModel) -> [Token] {
        var words = SpeedEquivalenceTests.samples.map(ArabicNormalizer.normalize)
        words += model.lexicon.namesN.keys.map(\.string).sorted().prefix(300).flatMap { $0.split(separator: " ").map(String.init) }
        words += words.prefix(60).map { "و" + $0 } + ["في", "من", "الي", "قال", "وزير", "الخارجية"]
        var t = words.map { Token(text: $0, norm: $0, begin: 0, end: 1, kind: .word) }
        t += ["،", ".", "«", "»", ":", "؟"].map { Token(text: $0, norm: $0, begin: 0, end: 1, kind: .punctuation) }
        t += ["12", "2024", "٣"].map { Token(text: $0, norm: $0, begin: 0, end: 1, kind: .number) }
        t += [("Paris", "paris"), ("paris", "paris"), ("UN", "un")].map { Token(text: $0.0, norm: $0.1, begin: 0, end: 1, kind: .latin) }
        return t
    }

    func testGazetteerTagsShortcutIsTheFullLoop() throws {
        let model = try XCTUnwrap(EntityRecognizer.nerModel)
        let lex = model.lexicon
        let vocabulary = Self.vocabulary(model)
        var rng = SeededRandom(seed: 3302)
        let names = lex.namesN.keys.map(\.string).filter { $0.contains(" ") }.sorted().prefix(2000)
        var tagged = 0
        for round in 0..<2000 {
            var t = (0..<Int.random(in: 1...12, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }
            if round % 2 == 0, let name = names.randomElement(using: &rng) {
                // a name of two words or more inside the others
                let at = Int.random(in: 0...t.count, using: &rng)
                t.insert(contentsOf: name.split(separator: " ").map { Token(text: String($0), norm: String($0), begin: 0, end: 1, kind: .word) }, at: at)
            }
            let info = t.map { ModelWords.info($0, model) }
            let got = lex.gazetteerTags(info, index: model.featurizer.nameIndex)
            let want = SpeedEquivalenceSecondWordTests.oldTags(lex, info)
            XCTAssertEqual(got.map(\.b), want.map(\.b))
            XCTAssertEqual(got.map(\.i), want.map(\.i))
            tagged += got.filter { $0.b != 0 || $0.i != 0 }.count
        }
        XCTAssertGreaterThan(tagged, 100)
    }

    func testOtherTokensInfosAreComputedOnes() throws {
        let model = try XCTUnwrap(EntityRecognizer.nerModel)
        // more forms than the first level has slots, capitalised and not, asked twice in turn
        var tokens: [Token] = []
        for k in 0..<1500 {
            tokens.append(Token(text: String(k), norm: String(k), begin: 0, end: 1, kind: .number))
            let latin = "w" + String(k, radix: 36)
            tokens.append(Token(text: latin, norm: latin, begin: 0, end: 1, kind: .latin))
            tokens.append(Token(text: latin.uppercased(), norm: latin, begin: 0, end: 1, kind: .latin))
        }
        tokens += ["،", "؟", "«", "»", ".", "-"].map { Token(text: $0, norm: $0, begin: 0, end: 1, kind: .punctuation) }
        for _ in 0..<2 {
            for tok in tokens {
                let got = ModelWords.info(tok, model), want = model.featurizer.wordInfo(norm: tok.norm, text: tok.text)
                XCTAssertEqual([got.word, got.stem, got.clitic, got.shape, UInt64(got.cues)],
                               [want.word, want.stem, want.clitic, want.shape, UInt64(want.cues)], tok.text)
            }
        }
    }

    func testCapitalTestIsTheScalarsProperty() {
        var checked = 0
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = String(Character(u)) + "x"
            XCTAssertEqual(ModelWords.startsWithCapital(s), u.properties.isUppercase, String(v, radix: 16))
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1_000_000)
    }

    func testDualHeadsRememberedAreComputed() {
        var words = Lexicon.roleHeads.strings.sorted()
        words += words.flatMap { [$0 + "ا", $0 + "ي", $0 + "ان", "و" + $0 + "ا"] } + ["وزراء", "وزرا\u{0621}", "ا", "ي", ""]
        for _ in 0..<2 {
            for w in words { XCTAssertEqual(EntityRecognizer.isDualOrPluralHead(w), EntityRecognizer.computeDualOrPluralHead(w), w) }
        }
        XCTAssertTrue(words.contains { EntityRecognizer.isDualOrPluralHead($0) })
    }

    /// Words the names pass and the model's spans ask about: the vocabulary, with clitics, and words not plain.
    static func nameWords(_ model: NERModel) -> [String] {
        var words = vocabulary(model).filter { $0.kind == .word }.map(\.norm)
        words += Lexicon.roleHeads.strings.sorted().prefix(40) + Lexicon.stopwords.strings.sorted().prefix(40)
        words += FactRules.allTriggers.strings.sorted().prefix(200)
        words += words.prefix(300).flatMap { ["ب" + $0, "ل" + $0, "وب" + $0, "فل" + $0, "ك" + $0] }
        return words + ["علي", "سيغادرون", "12", "ا\u{0654}حمد", "بِزيارة", "", "ب"]
    }

    func testNameWordMemosAreComputed() throws {
        let model = try XCTUnwrap(EntityRecognizer.nerModel)
        let r = EntityRecognizer(gazetteer: Gazetteer.bundled)
        let words = Self.nameWords(model)
        var seen: UInt8 = 0
        for _ in 0..<2 {
            for w in words {
                for inPerson in [false, true] {
                    XCTAssertEqual(r.modelNameWord(w, inPerson: inPerson), EntityRecognizer.computeModelNameWord(w, inPerson: inPerson), w)
                }
                XCTAssertEqual(EntityRecognizer.isPrepositionOnNonName(w), EntityRecognizer.computePrepositionOnNonName(w), w)
                XCTAssertEqual(EntityRecognizer.isLexiconWord(w), EntityRecognizer.computeIsLexiconWord(w), w)
                let tok = Token(text: w, norm: w, begin: 0, end: 1, kind: .word)
                let want = w.count >= 4 && !RuleSet.bundled.lexicon.classes(of: w).isEmpty && !EntityRecognizer.isKnownFirstName(w)
                    && !EntityRecognizer.isAliName(tok)
                XCTAssertEqual(EntityRecognizer.isRuleWordNotName(tok), want, w)
                seen |= (want ? 1 : 0) | (EntityRecognizer.isPrepositionOnNonName(w) ? 2 : 0)
                    | (r.modelNameWord(w, inPerson: true) ? 4 : 0) | (r.modelNameWord(w, inPerson: false) ? 8 : 0)
                    | (EntityRecognizer.isLexiconWord(w) ? 16 : 0)
            }
        }
        // each test is true of some word
        XCTAssertEqual(seen, 31)
    }

    func testTwoWordStartsRememberedAreTheGazetteers() {
        let g = Gazetteer.bundled
        let r = EntityRecognizer(gazetteer: g)
        // the names' first two words (more pairs than the table has slots), the same pairs shifted, and others
        var pairs: [(String, String)] = g.firstTwoWords.keys.map(\.string).sorted().prefix(6000).compactMap { k in
            let w = k.split(separator: " ", maxSplits: 1).map(String.init)
            return w.count == 2 ? (w[0], w[1]) : nil
        }
        pairs += zip(pairs.map(\.0), pairs.map(\.1).dropFirst(7)).map { ($0, $1) }
        pairs += [("", ""), ("في", "ا\u{0654}حمد"), ("مجلس", "الامن")]
        var found = 0
        for _ in 0..<2 {
            for (a, b) in pairs {
                let want = g.longestName(startingWith: a, then: b)
                XCTAssertEqual(r.longestName(startingWith: a, then: b), want, "\(a) \(b)")
                if want > 0 { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 4000)
    }

    func testLexiconBitsAreTheLists() throws {
        let model = try XCTUnwrap(EntityRecognizer.nerModel)
        var words = Self.nameWords(model)
        for list in [Lexicon.constructNouns, Lexicon.verbs, Lexicon.namingWords, EntityRecognizer.descriptiveWords,
                     EntityRecognizer.lamNonNames, DateParser.past, DateParser.coming] {
            words += list.strings.sorted().prefix(40)
        }
        var seen: UInt16 = 0
        for _ in 0..<2 {
            for w in words {
                var want: UInt16 = 0
                if Lexicon.ranks.contains(w) { want |= EntityRecognizer.lexRank }
                if Lexicon.stopwords.contains(w) { want |= EntityRecognizer.lexStopword }
                if Lexicon.verbs.contains(w) { want |= EntityRecognizer.lexVerb }
                if Lexicon.roleHeads.contains(w) { want |= EntityRecognizer.lexRoleHead }
                if Lexicon.constructNouns.contains(w) { want |= EntityRecognizer.lexConstruct }
                let ending: [WordSet] = [Lexicon.stopwords, EntityRecognizer.lamNonNames, DateParser.past, DateParser.coming,
                                         Lexicon.ranks, Lexicon.roleHeads, Lexicon.namingWords]
                if ending.contains(where: { $0.contains(w) }) { want |= EntityRecognizer.lexNoModifier }
                let bare = ArabicNormalizer.stripArticle(w)
                let modifier = !EntityRecognizer.descriptiveWords.contains(w) && w.count >= 4
                if modifier, !Lexicon.placeHeads.contains(w), !Lexicon.placeHeads.contains(bare) { want |= EntityRecognizer.lexModifier }
                XCTAssertEqual(EntityRecognizer.lexiconBits(w), want, w)
                seen |= want
            }
        }
        XCTAssertEqual(seen, 127)
    }
}

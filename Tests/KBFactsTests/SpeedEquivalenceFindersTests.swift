@testable import KBFacts
@testable import KBText
import KBGraph
import XCTest

/// speed24: the argument finders' word tests on bytes answer as the `String` code they replace.
final class SpeedEquivalenceFindersTests: XCTestCase {
    /// The place and facility heads with and without one of the four proclitics, and invented words around them:
    /// short ones, ASCII, harakat, a prepended mark (U+0600), a letter that is no proclitic, a tatweel.
    static var words: [String] {
        let heads = Lexicon.placeHeads.map { $0 } + Lexicon.facilityHeads.map { $0 }
        var out = heads
        for h in heads { for p in ["ب", "ل", "و", "ف", "ك", "ال", "وب", "a"] { out.append(p + h) } }
        out += ["", "ب", "بل", "ببب", "بببب", "لمدينة", "ومدينةَ", "بمدينَة", "\u{0600}مدينة", "ـمدينة", "بـمدينة",
                "b", "bcd", "lمدينة", "بمدينة ", "ب مدينة", "مدينة١", "بمدينة١", "لي", "وفي", "فمنطقة", "ف\u{064E}منطقة"]
        return out
    }

    func testPlaceHeadOnBytesAsByCharacters() {
        var met = 0
        for w in Self.words {
            let fast = RuleEngine.isPlaceHead(w)
            XCTAssertEqual(fast, RuleEngine.isPlaceHeadByCharacters(w), w.debugDescription)
            if fast { met += 1 }
        }
        XCTAssertGreaterThan(met, 20)
        // random words over the heads' letters and the proclitics
        var g = SeededRandom(seed: 5001)
        let letters = ["ب", "ل", "و", "ف", "م", "د", "ي", "ن", "ة", "ا", "\u{064E}", "a"]
        for _ in 0..<3000 {
            let w = (0..<Int.random(in: 0...7, using: &g)).map { _ in letters.randomElement(using: &g)! }.joined()
            XCTAssertEqual(RuleEngine.isPlaceHead(w), RuleEngine.isPlaceHeadByCharacters(w), w.debugDescription)
        }
    }

    /// The phrase ends and quotes as word sets answer as the `Set<String>` they were.
    func testPhraseEndsAndQuotes() {
        let ends: Set<String> = ["من", "الي", "في", "عن", "ان", "الذي", "التي", "خلال", "بعد", "قبل", "منذ"]
        let quotes: Set<String> = ["«", "»", "\"", "“", "”", "'"]
        for w in Array(ends) + Array(quotes) + Self.words + ["", "و", "وال", "مِن", "«»", "`", "„"] {
            XCTAssertEqual(RuleEngine.phraseEnds.contains(w), ends.contains(w), w.debugDescription)
            XCTAssertEqual(RuleEngine.quotes.contains(w), quotes.contains(w), w.debugDescription)
        }
    }

    /// A context's remembered `isFuture` is the lexicon's, asked twice (the second from the memo), with the
    /// context's lexicon and with another one.
    func testFutureRemembered() {
        let lex = RuleSet.bundled.lexicon
        var met = 0
        for text in SpeedEquivalenceRuleEngineTests.texts + ["وسيزور الرئيس باريس وسيلتقي نظيره.", "ستجري المحادثات غدا."] {
            for s in SpeedEquivalenceRuleEngineTests.sentences(text) {
                let ctx = SentenceContext(tokens: s.tokens, mentions: [], dates: [], gazetteer: .bundled)
                for _ in 0..<2 {
                    for k in s.tokens.indices {
                        let want = lex.isFuture(s.tokens[k].norm)
                        XCTAssertEqual(ctx.isFuture(k), want, s.tokens[k].text)
                        XCTAssertEqual(ctx.isFuture(k, lex), want, s.tokens[k].text)
                        if want { met += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(met, 0)
        // another lexicon (another serial, knowing no future) is asked directly, not the memo
        let other = WordLexicon()
        XCTAssertNotEqual(other.serial, lex.serial)
        for s in SpeedEquivalenceRuleEngineTests.sentences("وسيزور الرئيس باريس.") {
            let ctx = SentenceContext(tokens: s.tokens, mentions: [], dates: [], gazetteer: .bundled)
            XCTAssertTrue(s.tokens.indices.contains { ctx.isFuture($0) }, "no future in the bundled lexicon")
            for k in s.tokens.indices {
                XCTAssertEqual(ctx.isFuture(k, other), other.isFuture(s.tokens[k].norm), s.tokens[k].text)
            }
        }
    }

    /// Where `objectOutOfReach` rules a reading out, the reading gives nothing: `apply` does not fire and no subject
    /// carried over gives a reading; every rule at every word of the test sentences, with the recogniser's mentions
    /// and with fewer of them (only people, only places: sentences that lack a type).
    func testObjectOutOfReachFiresNothing() {
        let set = RuleSet.bundled, lex = set.lexicon, table = RelationTable.standard
        let rec = EntityRecognizer(gazetteer: Gazetteer.bundled)
        var ruledOut = 0, fired = 0
        for text in SpeedEquivalenceRuleEngineTests.texts {
            for s in SpeedEquivalenceRuleEngineTests.sentences(text) {
                let all = rec.recognize(s.tokens)
                for mentions in [all, all.filter { $0.type == .person }, all.filter { $0.type == .place }, []] {
                    let c = SentenceContext(tokens: s.tokens, mentions: mentions, dates: [], gazetteer: Gazetteer.bundled)
                    var classes = [[Int]](repeating: [], count: c.tokens.count)
                    for (i, t) in c.tokens.enumerated() where t.kind == .word && c.mention(at: i) == nil { classes[i] = c.tokenClasses[i] }
                    for i in c.tokens.indices where c.tokens[i].kind == .word {
                        for r in set.rules where !r.readsFacts {
                            guard RuleEngine.objectOutOfReach(r, c, table) else { continue }
                            ruledOut += 1
                            let outcome = RuleEngine.apply(r, at: i, c, classes, c.classInfo.cues, lex, table)
                            if case .fired = outcome { fired += 1; XCTFail("\(r.name) fired at \(i): \(s.text)") }
                            if case .failed(let why) = outcome,
                               RuleEngine.carriedSubject(r, at: i, c, classes, c.classInfo.cues, lex, table, set, why) != nil {
                                XCTFail("\(r.name) carried a subject at \(i): \(s.text)")
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(ruledOut, 1000)
        XCTAssertEqual(fired, 0)
    }

    /// The argument end, distance and future test as loops answer as the closures they replace, for every pair of
    /// arguments (placeholders included) at every trigger position of the test sentences.
    func testArgumentSpansAsTheClosures() {
        let lex = RuleSet.bundled.lexicon
        let rec = EntityRecognizer(gazetteer: Gazetteer.bundled)
        var pairs = 0
        for text in SpeedEquivalenceRuleEngineTests.texts {
            for s in SpeedEquivalenceRuleEngineTests.sentences(text) {
                let c = SentenceContext(tokens: s.tokens, mentions: rec.recognize(s.tokens), dates: [], gazetteer: Gazetteer.bundled)
                let args = [-8, -7, -5, -4, -3, -2, -1] + Array(c.mentions.indices)
                for i in c.tokens.indices {
                    let lo = max(0, i - 2)
                    XCTAssertEqual(RuleEngine.anyFuture(lo, i, c, lex), (lo...i).contains { lex.isFuture(c.tokens[$0].norm) })
                    for a in args {
                        for b in args {
                            XCTAssertEqual(RuleEngine.argumentEnd(a, b, i, c),
                                           [a, b].filter { $0 >= 0 }.map { c.mentions[$0].range.upperBound }.max() ?? i)
                            let found = [a, b].filter { $0 >= 0 }
                            XCTAssertEqual(RuleEngine.argumentDistance(found, i, c),
                                           found.map { m in min(abs(c.mentions[m].range.lowerBound - i), abs(c.mentions[m].range.upperBound - 1 - i)) }.max() ?? 0)
                            pairs += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(pairs, 1000)
    }

    /// The office classes of `soleOffice`, looked up once per lexicon, are the lexicon's by name.
    func testOfficeClassIDs() {
        let lex = RuleSet.bundled.lexicon
        let info = LexiconClassInfo.of(lex)
        let named: [(String, Int?)] = [("SOLE_HEAD", info.soleHead), ("SOLE_OFFICE", info.soleOffice),
            ("SHARED_OFFICE", info.sharedOffice), ("FORMER_HOLDER", info.formerHolder), ("OFFICE_FILLER", info.officeFiller),
            ("OFFICE_GOVERNMENT", info.officeGovernment), ("OFFICE_STATE", info.officeState)]
        for (name, id) in named {
            XCTAssertEqual(id, lex.classID(name), name)
            XCTAssertNotNil(id, name)
        }
    }
}


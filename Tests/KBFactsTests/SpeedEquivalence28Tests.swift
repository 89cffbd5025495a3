@testable import KBFacts
@testable import KBText
import KBGraph
import XCTest

/// speed28: the fact stage's new shortcuts answer as the code they replace (invented inputs, SeededRandom).
final class SpeedEquivalence28Tests: XCTestCase {
    /// The old prefix test of `carriedSubject` against the byte test, on the engine's reasons and invented strings.
    func testNamesNoSubjectIsThePrefixTest() {
        var strings = ["trigger without a subject of the allowed types", "trigger without a subject", "trigger without a subjec",
                       "trigger without an object of the allowed types", "", "t", "trigger without a subject\u{301} x",
                       "trigger without a subject\r\n", "trigger without a subjectّ", "Trigger without a subject",
                       "trigger without a subject،", "no dual names the two sides", "trigger without a subject😀"]
        var g = SeededRandom(seed: 28_001)
        let tails = ["", " ", "s", "\u{301}", "\u{651}", "ب", "\r", "\n", "x y", "😀"]
        let heads = ["trigger without a subject", "trigger without a subjec", "trigger with a subject", "trigger without a subject t"]
        for _ in 0..<3000 {
            strings.append(heads.randomElement(using: &g)! + (0..<Int.random(in: 0...3, using: &g)).map { _ in tails.randomElement(using: &g)! }.joined())
        }
        var yes = 0
        for s in strings {
            let old = s.hasPrefix("trigger without a subject")
            XCTAssertEqual(RuleEngine.namesNoSubject(s), old, s.debugDescription)
            if old { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 500)
    }

    /// The punctuation marks a context keeps per token against the text tests they stand for.
    func testPunctuationMarksAreTheTextTests() {
        let marks = [",", "،", ".", "!", "?", ";", ":", "(", ")", "[", "]", "؟", "؛", "\u{037E}", "-", "/", "«", "»", "\"", "،،",
                     "((", "a", "ب", ",\u{301}", "(\u{301}", "\u{FF08}", "\u{FE59}"]
        var g = SeededRandom(seed: 28_002)
        var seen = (comma: 0, strong: 0, open: 0, close: 0)
        for _ in 0..<400 {
            var tokens: [Token] = [], at = 0
            for _ in 0..<Int.random(in: 1...12, using: &g) {
                let w = marks.randomElement(using: &g)!
                let kind: Token.Kind = [Token.Kind.punctuation, .punctuation, .word, .latin, .number].randomElement(using: &g)!
                tokens.append(Token(text: w, norm: w, begin: at, end: at + w.unicodeScalars.count, kind: kind)); at += w.unicodeScalars.count + 1
            }
            let c = SentenceContext(tokens: tokens, mentions: [], dates: [], gazetteer: .bundled)
            for k in -1...tokens.count {
                let inside = k >= 0 && k < tokens.count
                let comma = inside && tokens[k].kind == .punctuation && PunctText.isComma(tokens[k].text)
                let strong = inside && tokens[k].kind == .punctuation && PunctText.isStrong(tokens[k].text)
                XCTAssertEqual(c.isComma(k), comma)
                XCTAssertEqual(c.isStrongPunct(k), strong)
                guard inside else { continue }
                let open = PunctText.isASCII(tokens[k].text, 0x28), close = PunctText.isASCII(tokens[k].text, 0x29)
                XCTAssertEqual(c.isOpenParen(k), open)
                XCTAssertEqual(c.isCloseParen(k), close)
                if comma { seen.comma += 1 }; if strong { seen.strong += 1 }; if open { seen.open += 1 }; if close { seen.close += 1 }
            }
        }
        XCTAssertGreaterThan(min(seen.comma, seen.strong, seen.open, seen.close), 50)
    }

    /// The flags a rule keeps with its finders and the carry flags a rule set keeps with its rules, against the walks
    /// and the sets; also after the finders are changed (as the engine's readings change them).
    func testRuleFlagsAreTheWalks() {
        func dual(_ r: Rule) -> Bool {
            (r.subject + r.object).contains { if case .dualPeople = $0.kind { return true }; return false }
        }
        func facts(_ r: Rule) -> Bool { r.subject.contains { if case .factObject = $0.kind { return true }; return false } }
        let set = RuleSet.bundled
        XCTAssertEqual(set.carryFlags.count, set.rules.count)
        var seen = (dual: 0, facts: 0, carry: 0)
        for (k, r) in set.rules.enumerated() {
            XCTAssertEqual(r.hasDualPeople, dual(r), r.name)
            XCTAssertEqual(r.readsFacts, facts(r), r.name)
            let carry: UInt8 = (set.carrySubjectTypes.contains(r.type) ? 1 : 0) | (set.carrySubjectVerbTypes.contains(r.type) ? 2 : 0)
            XCTAssertEqual(set.carryFlags[k], carry, r.name)
            XCTAssertEqual(set.carryFlag(r.type), carry, r.name)
            if dual(r) { seen.dual += 1 }; if facts(r) { seen.facts += 1 }; if carry != 0 { seen.carry += 1 }
            // changed as the readings change them: set, modified in place, on a copy (the original keeps its flags)
            var r2 = r
            r2.subject = [ArgumentFinder(kind: .documentSubject)]
            XCTAssertEqual(r2.hasDualPeople, dual(r2)); XCTAssertEqual(r2.readsFacts, false)
            XCTAssertEqual(r.hasDualPeople, dual(r)); XCTAssertEqual(r.readsFacts, facts(r))
            var r3 = r
            r3.object.append(ArgumentFinder(kind: .dualPeople(2)))
            XCTAssertTrue(r3.hasDualPeople)
            r3.subject.append(ArgumentFinder(kind: .factObject("VISIT")))
            XCTAssertTrue(r3.readsFacts)
            r3.object.removeAll(); r3.subject.removeAll()
            XCTAssertFalse(r3.hasDualPeople); XCTAssertFalse(r3.readsFacts)
        }
        XCTAssertGreaterThan(seen.dual, 0); XCTAssertGreaterThan(seen.facts, 0); XCTAssertGreaterThan(seen.carry, 0)
    }

    /// `RuleEngine.introduced` as it was (the preposition forms made per call) against the one reading them from
    /// `PrepForms`, at every mention of the test sentences, for every preposition list of the bundled rules and
    /// invented ones, twice (the second time from the table).
    func testIntroducedAsBefore() {
        var lists: [[String]] = [["ب-", "في"], ["ل-"], ["مع", "ب-", "ل-"], ["الى", "و-"], ["-"], ["ب"], ["\u{0600}-", "ب\u{064E}-"], []]
        for r in RuleSet.bundled.rules {
            for f in r.subject + r.object { if case .afterPrep(let p, _) = f.kind { lists.append(p) } }
        }
        let rec = EntityRecognizer(gazetteer: Gazetteer.bundled)
        var cases = 0, yes = 0
        let texts = SpeedEquivalenceRuleEngineTests.texts + [
            "التقى الوزير بالرئيس الجزائري عبد المجيد تبون ولرئيس الحكومة، ثم توجه للسعودية والى الرياض ومع الملك سلمان.",
            "وصل الوفد إلى العاصمة الإثيوبية أديس أبابا، واجتمع مع سفير الولايات المتحدة لدى ليبيا، وبطرابلس التقى بالمشير خليفة حفتر.",
        ]
        for text in texts {
            for s in SpeedEquivalenceRuleEngineTests.sentences(text) {
                let c = SentenceContext(tokens: s.tokens, mentions: rec.recognize(s.tokens), dates: [], gazetteer: Gazetteer.bundled)
                for _ in 0..<2 {
                    for m in c.mentions.indices {
                        for preps in lists {
                            for people in [false, true] {
                                let old = Self.introducedOld(m, by: preps, c, people: people)
                                XCTAssertEqual(RuleEngine.introduced(m, by: preps, c, people: people), old, "\(c.mentions[m].text) \(preps)")
                                cases += 1; if old { yes += 1 }
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(cases, 1000); XCTAssertGreaterThan(yes, 20)
    }

    /// speed24's `introduced` (RuleEngine+Finders.swift before speed28).
    static func introducedOld(_ m: Int, by preps: [String], _ c: SentenceContext, people: Bool = false) -> Bool {
        let mm = (range: c.mentions[m].range, roleLower: c.mentions[m].role?.range.lowerBound, type: c.mentions[m].type,
                  isAdjective: c.mentions[m].isAdjective)
        var j = min(mm.range.lowerBound, mm.roleLower ?? Int.max)
        var steps = 0
        while steps < 5, j - 1 >= 0 {
            if let a = c.mention(at: j - 1) {
                let lo = c.mentions[a].range.lowerBound
                if mm.type == .person, !c.mentions[a].isAdjective, c.mentions[a].type != .person, lo >= 1, c.mention(at: lo - 1) == nil,
                   c.inClass(lo - 1, c.classInfo.roleHead) || c.inClass(lo - 1, c.classInfo.atPrep) {
                    j = lo; steps += 1; continue
                }
                guard c.mentions[a].isAdjective, lo >= 1, c.mention(at: lo - 1) == nil,
                      RuleEngine.isPlaceHead(token: lo - 1, c) || (mm.type == .person && c.inClass(lo - 1, c.classInfo.roleHead)) else { break }
                j = c.mentions[a].range.lowerBound; steps += 1; continue
            }
            guard RuleEngine.isPlaceHead(token: j - 1, c) || c.inClass(j - 1, c.classInfo.direction) || (mm.type == .person && c.inClass(j - 1, c.classInfo.roleHead))
                    || (mm.type == .person && c.inClass(j - 1, c.classInfo.atPrep) && j >= 2 && c.mention(at: j - 2) != nil)
                    || (people && mm.isAdjective && c.inClass(j - 1, c.classInfo.peopleOf)) else { break }
            j -= 1; steps += 1
        }
        let first = c.tokens[j].norm
        lazy var surfaceFirst = c.memo.surfaceFirst(m, c)
        for p in preps {
            if p.plainHasSuffix("-") {
                let pre = String(p.dropLast())
                if j < mm.range.lowerBound {
                    if first.plainHasPrefix(pre) || PlainConcat.hasPrefix(first, "و", pre) { return true }
                    continue
                }
                let article = surfaceFirst.plainHasPrefix("ال")
                let bare = article ? String(surfaceFirst.dropFirst(2)) : surfaceFirst
                let lam = pre.plainEquals("ل")
                for q in [pre, "و" + pre] where PlainConcat.equals(first, q, surfaceFirst) || PlainConcat.equals(first, q, "ال", bare)
                    || (lam && article && PlainConcat.equals(first, String(q.dropLast()), "لل", bare))
                    || (lam && PlainConcat.equals(first, q, "ل", surfaceFirst)) { return true }
            } else if j > 0, c.tokens[j - 1].norm.plainEquals(p) || PlainConcat.equals(c.tokens[j - 1].norm, "و", p) {
                return true
            }
        }
        return false
    }

    /// The fact keys against a `Set` of the joined strings, with more than 32 keys (the index by hash), plain keys
    /// and keys that are not plain but equal to plain ones («آ» and «ا» + U+0653), in both orders.
    func testFactKeysPlainAndNot() {
        var g = SeededRandom(seed: 28_003)
        let plain = ["VISIT", "MEET", "per-x-1", "وزير", "آل ثاني", "أحمد", "org-1", "a b", "ب"]
        let other = ["ا\u{0653}ل ثاني", "ا\u{0654}حمد", "وَزير", "e\u{301}", "\u{e9}", "a|b"]
        var slow = 0
        for round in 0..<300 {
            var keys = Extractor.FactKeys()
            var joined = Set<String>()
            let pool = round % 3 == 0 ? plain : plain + other
            for _ in 0..<Int.random(in: 1...90, using: &g) {
                let t = pool.randomElement(using: &g)!, s = pool.randomElement(using: &g)!, o = pool.randomElement(using: &g)!
                let si = Int.random(in: 0...3, using: &g)
                let key = "\(t)|\(s)|\(o)|\(si)"
                XCTAssertEqual(keys.contains(type: t, subject: s, object: o, sentence: si), joined.contains(key), key)
                XCTAssertEqual(keys.insert(type: t, subject: s, object: o, sentence: si), joined.insert(key).inserted, key)
                if !NormKey.isPlain(t) || !NormKey.isPlain(s) || !NormKey.isPlain(o) { slow += 1 }
            }
        }
        XCTAssertGreaterThan(slow, 500)
    }

    /// The office head's suffix test on bytes against `plainHasSuffix` over the suffixes.
    func testOfficeSuffixes() {
        let suffixes = ["ي", "ا", "ات", "ها", "هم", "هما", "نا", "كم"]
        var g = SeededRandom(seed: 28_004)
        let letters = ["ي", "ا", "ت", "ه", "م", "ن", "ك", "ر", "وزير", "رئيس", "\u{064E}", "\u{0654}", "a", "\r", "\n", "ـ"]
        var words = ["", "وزيري", "وزيرا", "وزيرات", "رئيسها", "رئيسهم", "رئيسهما", "رئيسنا", "رئيسكم", "رئيس", "وزيرة", "ي", "ا\u{0654}"]
        for _ in 0..<3000 { words.append((0..<Int.random(in: 0...5, using: &g)).map { _ in letters.randomElement(using: &g)! }.joined()) }
        var yes = 0
        for w in words {
            let old = suffixes.contains(where: { w.plainHasSuffix($0) })
            XCTAssertEqual(Extractor.endsInPronounOrNumber(w), old, w.debugDescription)
            if old { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 300)
    }

    /// `DateParser.number(norm:)` on bytes against the `String` code, on random digit strings.
    func testNumberOnBytes() {
        var g = SeededRandom(seed: 28_005)
        let pieces = ["0", "1", "9", "٠", "٣", "٩", "۰", "۵", "۹", "م", "\u{0301}", "\u{0651}", "a", ".", "-", "\u{200D}", "\r", "\n", "ب"]
        var yes = 0
        for _ in 0..<6000 {
            let w = (0..<Int.random(in: 0...7, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let old = SpeedEquivalenceRuleEngineTests.numberOld(w)
            XCTAssertEqual(DateParser.number(norm: w), old, w.debugDescription)
            XCTAssertEqual(DateParser.leadingDigit(w) != 0, w.unicodeScalars.first.map {
                (0x30...0x39).contains($0.value) || (0x0660...0x0669).contains($0.value) || (0x06F0...0x06F9).contains($0.value) } ?? false)
            if old != nil { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 300)
    }

    /// `EventPlaces.startsWithWaw` against `plainHasPrefix("و")`.
    func testStartsWithWaw() {
        var g = SeededRandom(seed: 28_006)
        let pieces = ["و", "ب", "ال", "\u{064E}", "\u{0654}", "a", "\r", "\n", "ـ", "وَ", "ﻭ"]
        var yes = 0
        for _ in 0..<3000 {
            let w = (0..<Int.random(in: 0...4, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let old = w.plainHasPrefix("و")
            XCTAssertEqual(EventPlaces.startsWithWaw(w), old, w.debugDescription)
            if old { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 150)
    }
    /// A surface form hashes as its `String` does (so a plain form and an equal form that is not plain meet in a set),
    /// and a set of them keeps the spellings a `Set<String>` keeps, on random sequences of forms.
    func testSurfaceFormHashesAsString() {
        let forms = ["آل ثاني", "ا\u{0653}ل ثاني", "أحمد", "ا\u{0654}حمد", "وزير", "وَزير", "e\u{301}", "\u{e9}", "", "a", "ABC",
                     "محمد بن سلمان", "سطر\r\nثان", "پوتين", "١٢", "😀", "ﻻ", "لا"]
        for f in forms { XCTAssertEqual(SurfaceForm(f).hashValue, f.hashValue, f.debugDescription) }
        var g = SeededRandom(seed: 28_007)
        for _ in 0..<500 {
            var a = Set<String>(), b = Set<SurfaceForm>()
            for _ in 0..<Int.random(in: 1...12, using: &g) {
                let f = forms.randomElement(using: &g)!
                XCTAssertEqual(a.insert(f).inserted, b.insert(SurfaceForm(f)).inserted)
            }
            XCTAssertEqual(a.sorted().map { Array($0.utf8) }, b.map(\.text).sorted().map { Array($0.utf8) })
        }
    }

    /// `DateParser.numericDate` (with its early answer for a number with no separator in or after it) against the
    /// code before speed28, at every token of random token runs of numbers, separators and words.
    func testNumericDateAsBefore() {
        var g = SeededRandom(seed: 28_008)
        let words = ["27", "01", "2026", "٢٧", "٠١", "٢٠٢٦", "۲۷", "12", "1999", "27.01.2026", "2026-01-27", "27/1/2026", "٢٧.٠١.٢٠٢٦",
                     "3", "31", "13", ".", "/", "-", "،", "..", ".\u{301}", "يناير", "a", "2024م", "1.5", "2026-"]
        var found = 0, cases = 0
        for _ in 0..<3000 {
            var t: [Token] = [], at = 0
            for _ in 0..<Int.random(in: 1...7, using: &g) {
                let w = words.randomElement(using: &g)!
                let kind: Token.Kind = DateParser.leadingDigit(w) != 0 ? .number
                    : (w.unicodeScalars.first?.properties.isAlphabetic ?? false) ? .word : .punctuation
                let gap = Int.random(in: 0...3, using: &g) == 0 ? 1 : 0
                t.append(Token(text: w, norm: w, begin: at + gap, end: at + gap + w.unicodeScalars.count, kind: kind))
                at += gap + w.unicodeScalars.count
            }
            for i in t.indices {
                let old = Self.numericDateOld(t, i), new = DateParser.numericDate(t, i)
                XCTAssertEqual(old?.0.value, new?.0.value); XCTAssertEqual(old?.1, new?.1)
                cases += 1; if old != nil { found += 1 }
            }
        }
        XCTAssertGreaterThan(cases, 5000); XCTAssertGreaterThan(found, 100)
    }

    static func numericDateOld(_ t: [Token], _ i: Int) -> (FactDate, Int)? {
        guard DateParser.leadingDigit(t[i].norm) & 3 != 0 else { return nil }
        var parts: [String] = []
        var end = i
        let seps: Set<Character> = [".", "/", "-"]
        let one = ArabicDigits.toASCII(t[i].norm)
        if one.contains(where: { seps.contains($0) }) {
            parts = one.split(whereSeparator: { seps.contains($0) }).map(String.init)
            end = i + 1
        } else {
            var k = i
            while k < t.count, parts.count < 3 {
                let w = ArabicDigits.toASCII(t[k].norm)
                guard !w.isEmpty, w.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                parts.append(w)
                if parts.count == 3 { break }
                guard k + 2 < t.count, t[k + 1].kind == .punctuation, t[k + 1].text.count == 1,
                      seps.contains(t[k + 1].text.first!), t[k + 1].begin == t[k].end, t[k + 2].begin == t[k + 1].end else { return nil }
                k += 2
            }
            end = k + 1
        }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let n = parts.compactMap { Int($0) }
        guard n.count == 3 else { return nil }
        let (y, m, d): (Int, Int, Int) = parts[0].count == 4 ? (n[0], n[1], n[2]) : (n[2], n[1], n[0])
        guard (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d), parts[0].count == 4 || parts[2].count == 4 else { return nil }
        return (FactDate(value: "\(DateParser.pad(y, 4))-\(DateParser.pad(m, 2))-\(DateParser.pad(d, 2))", precision: .day), end)
    }
}

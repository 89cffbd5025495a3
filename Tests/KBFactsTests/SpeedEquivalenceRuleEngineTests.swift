@testable import KBFacts
@testable import KBText
import KBGraph
import XCTest

/// speed12: the rule engine's and the date parser's shortcuts answer as the code they replace.
final class SpeedEquivalenceRuleEngineTests: XCTestCase {
    /// Sentences written for these tests: visits, meetings, receptions, titles, carried subjects, pronouns, masdars
    /// after verbs of saying and prepositions, dates.
    static let texts: [String] = [
        "وصل رئيس الوزراء السوداني كامل إدريس يوم الأحد 3 آب/ أغسطس 2025 إلى القاهرة بدعوة رسمية من الرئيس عبد الفتاح السيسي.",
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره المالي عبد الله ديوب في موسكو، حيث بحثا العلاقات بين البلدين.",
        "واستقبل الرئيس الجزائري عبد المجيد تبون وزير الخارجية الفرنسي في الجزائر العاصمة. واستقبله الرئيس التونسي قيس سعيد أمس.",
        "وأكد الوزير رفض بلاده للتدخل في شؤون ليبيا، وأعربت مصر عن دعم الجيش الوطني الليبي بقيادة المشير خليفة حفتر.",
        "ويخطط الرئيس محمد بازوم للسفر إلى باريس الشهر المقبل، قبل أن يستقبل وزير الدفاع التشادي إسحاق مالوا جاموس.",
        "التقى وزير الدفاع التشادي إسحاق مالوا جاموس بوفد روسي. وقال الجنرال جاموس إن التعاون مستمر. وأضاف جاموس أن الزيارة ناجحة.",
        "ونشرت تركيا قوات في الصومال منذ سنوات، وأنهت القوات الفرنسية انسحابها من النيجر في 22 ديسمبر 2023.",
        "وزار الوفد طرابلس، عاصمة ليبيا، ثم توجه وزير الخارجية لبنغازي حيث تنشط مجموعة فاغنر. ووقع الجانبان اتفاقية تعاون.",
        "وقالت وزارة الخارجية الأمريكية إن الوزير أنتوني بلينكن سيزور الرياض في السادس من أغسطس للقاء ولي العهد.",
        "الإثنين 4 يناير 2016 الساعة 12:39 – أبوظبي: التقى الشيخ محمد بن زايد الرئيس المصري بالقصر الرئاسي، بحضور وزير الخارجية.",
    ]

    static let extractor = Extractor()

    /// Without a trace the engine rules a rule out by its cues before any of its readings, and answers the masdar and
    /// clause-word tests once per trigger word; traced it runs every reading as before. The facts are the same.
    func testUntracedExtractionIsTheTracedOne() {
        var total = 0
        for (k, text) in Self.texts.enumerated() {
            for published in [nil, "2025-08-04"] as [String?] {
                let meta = published.map { DocumentMetadata(url: nil, outlet: nil, published: $0, title: nil) }
                let source = SourceText(documentID: "doc-\(k)", path: "t\(k).txt", text: text)
                let plain = Self.extractor.extract(source, metadata: meta)
                let traced = Self.extractor.extract(source, metadata: meta, trace: ExtractionTrace())
                XCTAssertEqual(plain.facts.map { String(describing: $0) }, traced.facts.map { String(describing: $0) }, text)
                total += plain.facts.count
            }
        }
        XCTAssertGreaterThan(total, 20)
    }

    static func sentences(_ text: String) -> [Sentence] {
        Cleaner.sentences(of: SourceText(documentID: "d", path: "d.txt", text: text))
    }

    /// The class ids and kinds looked up once per lexicon answer as the names did.
    func testClassInfoIsTheLexiconsNames() {
        let lex = RuleSet.bundled.lexicon
        let info = LexiconClassInfo.of(lex)
        XCTAssertTrue(info === LexiconClassInfo.of(lex))
        for (i, n) in lex.classNames.enumerated() {
            XCTAssertEqual(info.isVerb[i], n.hasSuffix(".verb"))
            XCTAssertEqual(info.isNoun[i], n.hasSuffix(".noun"))
            XCTAssertEqual(info.nounOfVerb[i], n.hasSuffix(".verb") ? lex.classID(String(n.dropLast(5)) + ".noun") : nil)
        }
        let named: [(String, Int?)] = [("PREP", info.prep), ("REPORT_THAT", info.reportThat), ("RELATIVE", info.relative),
            ("CLAUSE_BREAK", info.clauseBreak), ("CLAUSE_LINK", info.clauseLink), ("VSO_OPEN", info.vsoOpen), ("ROLE_HEAD", info.roleHead),
            ("COMPLEMENTISER", info.complementiser), ("OBLIQUE_PREP", info.obliquePrep), ("PASSIVE_AUX", info.passiveAux),
            ("PEOPLE_OF", info.peopleOf), ("ROLE_PLAYED", info.rolePlayed), ("TITLE_QUALIFIER", info.titleQualifier),
            ("LIST_STOP", info.listStop), ("CONJ", info.conj), ("AT_PREP", info.atPrep), ("DIRECTION", info.direction)]
        let rec = EntityRecognizer(gazetteer: Gazetteer.bundled)
        var hits = 0
        for text in Self.texts {
            for s in Self.sentences(text) {
                let c = SentenceContext(tokens: s.tokens, mentions: rec.recognize(s.tokens), dates: [], gazetteer: Gazetteer.bundled)
                for k in -1...s.tokens.count {
                    if k >= 0 && k < s.tokens.count { XCTAssertEqual(c.tokenClasses[k], lex.classes(of: s.tokens[k].norm)) }
                    for (name, id) in named {
                        XCTAssertEqual(id, lex.classID(name))
                        XCTAssertEqual(c.inClass(k, id), c.inClass(k, name))
                        if c.inClass(k, name) { hits += 1 }
                    }
                    if k >= 0 && k < s.tokens.count {
                        XCTAssertEqual(info.hasVerb(c.tokenClasses[k]), RuleEngine.verbTrigger(k, c.tokenClasses, lex))
                    }
                }
            }
        }
        XCTAssertGreaterThan(hits, 10)
    }

    /// `governed` as it was: the mention's text split and normalised on every call.
    static func governedOld(_ m: Int, _ c: SentenceContext) -> Bool {
        let mm = c.mentions[m], lo = mm.range.lowerBound
        if lo > 0, c.inClass(lo - 1, "PREP") { return true }
        let first = c.tokens[lo].norm
        let surface = ArabicNormalizer.normalize(String(mm.text.split(separator: " ").first ?? ""))
        return first.count > surface.count && (first.hasPrefix("ب") || first.hasPrefix("وب"))
    }

    static func obliqueOld(_ m: Int, _ c: SentenceContext) -> Bool {
        let mm = c.mentions[m]
        if governedOld(m, c) { return true }
        let lo = min(mm.range.lowerBound, mm.role?.range.lowerBound ?? Int.max)
        if lo > 0, c.inClass(lo - 1, "PREP") || c.inClass(lo - 1, "OBLIQUE_PREP") { return true }
        guard lo < mm.range.lowerBound else { return false }
        let t = c.tokens[lo].norm
        if ["بال", "وبال", "لل", "ولل"].contains(where: { t.hasPrefix($0) && t.count > $0.count + 2 }) { return true }
        return ["ب", "وب", "ل", "ول"].contains { t.hasPrefix($0) && Lexicon.roleHeads.contains(String(t.dropFirst($0.count))) }
    }

    static func isPlaceHeadOld(_ n: String) -> Bool {
        Lexicon.placeHeads.contains(n) || Lexicon.facilityHeads.contains(n)
            || (n.count > 3 && ["ب", "ل", "و", "ف"].contains(n.first.map(String.init) ?? "") && Lexicon.placeHeads.contains(String(n.dropFirst())))
    }

    /// The answers remembered per mention and per token for a sentence are the ones computed each time, asked twice.
    func testSentenceMemoAnswersAsTheComputation() {
        let rec = EntityRecognizer(gazetteer: Gazetteer.bundled)
        var seen = (governed: false, oblique: false, place: false, mentions: 0)
        let extra = ["بمدينة الجزائر وصلها الوزير", "وصل الوزير بالجزائر والتقى بالرئيس عبد المجيد تبون ولرئيس الحكومة"]
        for text in Self.texts + extra {
            for s in Self.sentences(text) {
                let c = SentenceContext(tokens: s.tokens, mentions: rec.recognize(s.tokens), dates: [], gazetteer: Gazetteer.bundled)
                for _ in 0..<2 {
                    for m in c.mentions.indices {
                        let g = Self.governedOld(m, c), o = Self.obliqueOld(m, c)
                        XCTAssertEqual(RuleEngine.governed(m, c), g, c.mentions[m].text)
                        XCTAssertEqual(RuleEngine.obliqueMention(m, c), o, c.mentions[m].text)
                        XCTAssertEqual(c.memo.surfaceFirst(m, c), ArabicNormalizer.normalize(String(c.mentions[m].text.split(separator: " ").first ?? "")))
                        seen.governed = seen.governed || g; seen.oblique = seen.oblique || o; seen.mentions += 1
                    }
                    for k in s.tokens.indices {
                        let p = Self.isPlaceHeadOld(s.tokens[k].norm)
                        XCTAssertEqual(RuleEngine.isPlaceHead(token: k, c), p)
                        XCTAssertEqual(RuleEngine.isPlaceHead(s.tokens[k].norm), p)
                        seen.place = seen.place || p
                    }
                }
            }
        }
        XCTAssertTrue(seen.governed && seen.oblique && seen.place && seen.mentions > 20)
        for w in SpeedEquivalenceTests.samples + ["بمدينة", "لمدينة", "ومدينة", "فمدينة", "كمدينة", "مدينة", "بِمدينة", "بـمدينة", "ب", "بم"] {
            XCTAssertEqual(RuleEngine.isPlaceHead(w), Self.isPlaceHeadOld(w), w)
        }
    }

    /// Words and pieces for the byte comparisons: Arabic with and without harakat, tatweel, CR LF, a prepended
    /// mark (U+0600 joins the next character), combining marks at the seams.
    static let words: [String] = SpeedEquivalenceTests.samples + [
        "ب", "ل", "و", "ال", "لل", "ول", "وب", "بالجزائر", "للسعودية", "لسعودية", "سعودية", "السعودية", "وبطرابلس", "لتونس",
        "مع", "ومع", "الى", "والى", "ب-", "-", "\u{0600}-", "\r", "\n", "\r\n", "a\r", "\na", "\u{064E}", "ب\u{064E}", "\u{064E}ب",
        "بَالجزائر", "بـالجزائر", "x  y", " x", "  ", " ", "رئيس الوزراء", "  رئيس", "ال\u{0654}", "ﻻ",
    ]
    static let pieces: [String] = ["", "و", "ب", "ل", "ال", "لل", "\u{064E}", "\r", "\n", "a", "الجزائر", "سعودية", "\u{0600}"]

    func testPlainConcatIsStringConcatenation() {
        var targets = Self.words
        for b in Self.pieces { for c in Self.pieces { targets.append(b + c) } }
        var seen = (equal: false, prefix: false)
        for a in targets {
            for b in Self.pieces {
                for c in Self.pieces {
                    let e = a == b + c, p = a.hasPrefix(b + c)
                    XCTAssertEqual(PlainConcat.equals(a, b, c), e, "\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value)) \(c.unicodeScalars.map(\.value))")
                    XCTAssertEqual(PlainConcat.hasPrefix(a, b, c), p, "\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value)) \(c.unicodeScalars.map(\.value))")
                    for d in ["", "ال", "\r", "سعودية"] {
                        XCTAssertEqual(PlainConcat.equals(a, b, c, d), a == b + c + d)
                    }
                    seen.equal = seen.equal || e; seen.prefix = seen.prefix || p
                }
            }
            XCTAssertEqual(PlainConcat.count(a), a.count, "\(a.unicodeScalars.map(\.value))")
            XCTAssertEqual(PlainConcat.firstWord(a).map(String.init), a.split(separator: " ").first.map(String.init))
        }
        XCTAssertTrue(seen.equal && seen.prefix)
        for t in [Set<EntityType>(), [.person], [.organization, .place], Set(EntityType.allCases)] {
            for x in EntityType.allCases { XCTAssertEqual(PlainConcat.bits(t) & PlainConcat.bit(x) != 0, t.contains(x)) }
        }
    }

    /// `number` as it was: the first scalar tested, then the digits.
    static func numberOld(_ norm: String) -> Int? {
        guard let f = norm.unicodeScalars.first,
              (0x30...0x39).contains(f.value) || (0x0660...0x0669).contains(f.value) || (0x06F0...0x06F9).contains(f.value)
        else { return nil }
        var s = ArabicDigits.toASCII(norm)
        if s.hasSuffix("م") { s.removeLast() }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }), s.count <= 4 else { return nil }
        return Int(s)
    }

    func testLeadingDigitIsTheFirstScalarsTest() {
        var words = Self.words + ["0", "9", "٠", "٩", "۰", "۹", "٪", "0\u{0301}", "١٢", "۱۲", "2024م", "٢٠٢٤م", "12345", "27.01.2026", "/"]
        for v in 0x20...0x0800 { if let u = Unicode.Scalar(v) { words.append(String(u)); words.append(String(u) + "1") } }
        for w in words {
            let f = w.unicodeScalars.first?.value ?? 0
            let ascii = (0x30...0x39).contains(f), indic = (0x0660...0x0669).contains(f), persian = (0x06F0...0x06F9).contains(f)
            let d = DateParser.leadingDigit(w)
            XCTAssertEqual(d != 0, ascii || indic || persian, w)
            XCTAssertEqual(d & 3 != 0, ascii || indic, w)
            XCTAssertEqual(DateParser.number(norm: w), Self.numberOld(w), w)
        }
    }

    /// The dates read from the tokens up to a given one are the first of all the dates, and hold every date that
    /// starts before it (the dateline reads only those).
    func testDatesStartingByArePrefixes() {
        let more = ["في 2020 و2021 زار الرئيس باريس، ثم عام 2015 سنة 2012.", "شهر مارس الماضي، و28 يونيو الجاري، ومايو 23, 2025",
                    "28-ديسمبر-2023 و27.01.2026 و2026-01-27 و27 / 01 / 2026", "الحادي والعشرين من مايو، والسادس من أغسطس، اليوم الأربعاء",
                    "كانون الثاني 2020 تشرين الأول أيار/ مايو 2019 مساء الاثنين الخميس المقبل أمس"]
        var nonEmpty = 0
        for text in Self.texts + more {
            for s in Self.sentences(text) {
                for (pub, today) in [(nil, nil), ("2025-08-04", nil), (nil, "2025-08-04"), ("2025-08", "2025-08-04")] as [(String?, String?)] {
                    let full = DateParser.dates(in: s.tokens, published: pub, today: today)
                    if !full.isEmpty { nonEmpty += 1 }
                    for last in -1...(s.tokens.count + 1) {
                        let part = DateParser.dates(in: s.tokens, published: pub, today: today, startingBy: last)
                        XCTAssertLessThanOrEqual(part.count, full.count)
                        for (x, y) in zip(part, full) {
                            XCTAssertEqual(x.range, y.range); XCTAssertEqual(x.date, y.date); XCTAssertEqual(x.relative, y.relative)
                        }
                        XCTAssertTrue(full.filter { $0.range.lowerBound <= last - 1 }.allSatisfy { d in part.contains { $0.range == d.range } })
                    }
                }
            }
        }
        XCTAssertGreaterThan(nonEmpty, 10)
    }

    /// The ordinal and weekday tables keyed by NormKey hold the String tables.
    func testNormKeyTablesAreTheStringTables() {
        XCTAssertEqual(DateParser.ordinalUnitKeys.count, DateParser.ordinalUnits.count)
        XCTAssertEqual(DateParser.ordinalTenKeys.count, DateParser.ordinalTens.count)
        XCTAssertEqual(DateParser.weekdayNumberKeys.count, DateParser.weekdayNumbers.count)
        for w in Self.words + Array(DateParser.ordinalUnits.keys) + Array(DateParser.ordinalTens.keys) + Array(DateParser.weekdayNumbers.keys)
            + ["الأول", "الاول", "الأَول", "الخميس", "الخمِيس", "العشرين"] {
            XCTAssertEqual(DateParser.ordinalUnitKeys[NormKey(w)], DateParser.ordinalUnits[w], w)
            XCTAssertEqual(DateParser.ordinalTenKeys[NormKey(w)], DateParser.ordinalTens[w], w)
            XCTAssertEqual(DateParser.weekdayNumberKeys[NormKey(w)], DateParser.weekdayNumbers[w], w)
        }
    }
}

import KBFacts
import KBGraph
import KBText
import XCTest

/// The state relations of the data rules: an unqualified minister serves the document's country (the host of a
/// visit, else the country named most), a title after a name is its apposition unless another name follows it,
/// and reports of one office merge whatever words name it.
final class StateRuleTests: XCTestCase {
    static let extractor = Extractor()

    func roles(_ text: String) -> [(String, String, String)] {
        Self.extractor.extract(SourceText(documentID: "doc-t", path: "t.txt", text: text)).facts
            .filter { $0.type == "HOLDS_ROLE" }.map { ($0.subject, $0.object, $0.rule) }
    }

    func testAnUnqualifiedMinisterServesTheCountryTheDocumentIsAbout() {
        let text = "قال الرئيس التونسي قيس سعيد إن بلاده ستواصل دعم الحوار. وقال الوزير الأول كمال الهادي إن تونس والجزائر وفرنسا تنسق."
        let r = roles(text)
        XCTAssertTrue(r.contains { $0.1 == "plc-tunisia" && $0.2 == "role.minister-of-document" }, "\(r)")
    }

    func testTheHostOfAVisitIsTheCountryOfItsUnqualifiedMinisters() {
        // Tunisia is named twice, Algeria once, but the visit is to Algeria: its ministers are the hosts
        let text = "وصل الرئيس التونسي قيس سعيد إلى الجزائر في زيارة رسمية إلى جانب وزراء من تونس. وقال وزير الخارجية كمال الهادي إن المحادثات مثمرة."
        let r = roles(text)
        XCTAssertTrue(r.contains { $0.1 == "plc-algeria" && $0.2.hasPrefix("role.minister") }, "\(r)")
        XCTAssertFalse(r.contains { $0.0 != "per-kais-saied" && $0.1 == "plc-tunisia" }, "\(r)")
    }

    func testWithoutACountryTheMinisterGetsNoRole() {
        let r = roles("وقال وزير الخارجية كمال الهادي إن المحادثات مثمرة.")
        XCTAssertTrue(r.isEmpty, "\(r)")
    }

    func testATitleAfterANameIsItsApposition() {
        let r = roles("وقال سامي الحداد، وزير الخارجية الأردني، إن المحادثات كانت مثمرة.")
        XCTAssertTrue(r.contains { $0.1 == "plc-jordan" && $0.2 == "role.after-name" }, "\(r)")
        // the title of the name that follows is not the first name's; a conjoined title is another person's
        let s = roles("استقبل الرئيس قيس سعيد وزير الخارجية المصري سامح شكري في قرطاج.")
        XCTAssertFalse(s.contains { $0.0 == "per-kais-saied" && $0.1 == "plc-egypt" }, "\(s)")
        let t = roles("والتقى سامي الحداد، ورئيس البرلمان الأردني في عمان.")
        XCTAssertFalse(t.contains { $0.2 == "role.after-name" }, "\(t)")
    }

    /// A title between commas after a name, closed by «، و» and the next name, is the first name's apposition;
    /// right before a name (no comma between) it still opens that name.
    func testATitleBetweenCommasBeforeAConjoinedNameIsTheFirstNames() {
        let x = extractInvented("وقال الرئيس قيس سعيد إنه استقبل سامي الحداد، وزير الخارجية الأردني، وكريم النجار، رئيس البرلمان، في قرطاج.")
        XCTAssertTrue(x.arrows("HOLDS_ROLE").contains("سامي الحداد → الأردن"), "\(x.arrows("HOLDS_ROLE"))")
        XCTAssertFalse(x.arrows("HOLDS_ROLE").contains("كريم النجار → الأردن"), "\(x.arrows("HOLDS_ROLE"))")
        let y = extractInvented("واستقبل الرئيس قيس سعيد في قرطاج أمس، وزير الخارجية الأردني كريم النجار.")
        XCTAssertTrue(y.arrows("HOLDS_ROLE").contains("كريم النجار → الأردن"), "\(y.arrows("HOLDS_ROLE"))")
    }

    func testReportsOfOneOfficeMerge() {
        func fact(_ id: String, _ begin: Int, _ role: String) -> Fact {
            Fact(id: id, type: "HOLDS_ROLE", subject: "per-a", object: "plc-tunisia", role: role,
                 provenance: Provenance(documentID: "d", sentenceBegin: begin, sentenceEnd: begin + 10, sentence: "", spanBegin: begin, spanEnd: begin + 5),
                 rule: "r", confidence: 0.8)
        }
        XCTAssertEqual(EventMerging.merge([fact("f-1", 0, "الرئيس"), fact("f-2", 20, "رئيس الجمهورية التونسية")]).count, 1)
        let counterpart = EventMerging.merge([fact("f-1", 0, "نظيره التونسي"), fact("f-2", 20, "الرئيس التونسي")])
        XCTAssertEqual(counterpart.count, 1)
        XCTAssertEqual(counterpart[0].role, "الرئيس التونسي", "the office named, not the counterpart")
        XCTAssertEqual(EventMerging.merge([fact("f-1", 0, "رئيس الجمهورية"), fact("f-2", 20, "رئيس الوزراء")]).count, 2,
                       "a president is not a prime minister")
    }

    func testAReceivedGuestsStateIsNotTheDocumentsCountry() {
        // Russia is named three times, Egypt twice, but the Russian is the guest: the unqualified officials are Egypt's
        let text = "استقبل الرئيس كمال منصور صباح الأحد في القصر سيرغي لافروف وزير خارجية روسيا. وقال لافروف إن روسيا ستدعم مصر. "
            + "وأضاف أن روسيا ومصر شريكان. وقال وزير الخارجية سامي الحداد إن العلاقات جيدة."
        let r = roles(text)
        XCTAssertTrue(r.contains { $0.1 == "plc-egypt" && $0.2 == "role.minister-of-document" }, "\(r)")
        XCTAssertTrue(r.contains { $0.1 == "plc-egypt" && $0.2 == "role.president-of-document" }, "\(r)")
        XCTAssertFalse(r.contains { $0.0 != "per-sergey-lavrov" && $0.1 == "plc-russia" }, "\(r)")
    }

    func testACompanionServesTheStateOfTheOneHeAccompanies() {
        // the visit is to Algeria, but the ministers travel with the Tunisian head of government
        let text = "وصل رئيس الحكومة التونسية كمال الهادي إلى الجزائر الثلاثاء. "
            + "ويرافق رئيس الحكومة التونسية خلال الرحلة وزيرا الدفاع والخارجية سامي الحداد ونبيل داود."
        // (the first holder of the dual title is read by the title, the second as a conjunct: either rule may fire)
        let r = roles(text).filter { ["role.ministers-of-document", "role.minister-of-document"].contains($0.2) }
        XCTAssertEqual(r.count, 2, "\(r)")
        XCTAssertTrue(r.allSatisfy { $0.1 == "plc-tunisia" }, "\(r)")
    }

    func testTitlesOfSeveralMinistersPairStatesAndNamesInOrder() {
        let r = roles("واجتمع وزراء خارجية مصر سامح شكري والأردن أيمن الصفدي والعراق فؤاد حسين في عمان.")
        let pairs = Set(r.map { "\($0.0) \($0.1)" })
        XCTAssertTrue(pairs.contains("per-ayman-safadi plc-jordan"), "\(r)")
        XCTAssertTrue(r.contains { $0.1 == "plc-iraq" && $0.2 == "role.ministers-list" }, "\(r)")
        // never a cross pair: each name serves one state
        XCTAssertEqual(Set(r.map(\.0)).count, pairs.count, "\(r)")
        let d = roles("والتقى وزيرا الخارجية الأردني والأمريكي أيمن الصفدي وأنتوني بلينكن في جنيف.")
        XCTAssertTrue(d.contains { $0.0 == "per-antony-blinken" && $0.1 == "plc-usa" && $0.2 == "role.ministers-dual" }, "\(d)")
        XCTAssertFalse(d.contains { $0.0 == "per-ayman-safadi" && $0.1 != "plc-jordan" }, "\(d)")
        // unequal lists give nothing
        let u = roles("واجتمع وزراء خارجية مصر والأردن والعراق سامح شكري في عمان.").filter { $0.2 == "role.ministers-list" }
        XCTAssertTrue(u.isEmpty, "\(u)")
    }

    func testTheTwoStatesAreThoseOfTheLastContactsTwoSides() {
        func pairs(_ text: String) -> [String] {
            Self.extractor.extract(SourceText(documentID: "doc-t", path: "t.txt", text: text)).facts
                .filter { $0.type == "COOPERATE" }.map { "\($0.subject) \($0.object)" }
        }
        // the visitor's state and the state visited
        let v = pairs("وصل الرئيس التونسي قيس سعيد إلى الجزائر. وأكد الجانب الجزائري حرصه على تعزيز التعاون الأمني بين البلدين.")
        XCTAssertEqual(v, ["plc-tunisia plc-algeria"])
        // no contact told before: nothing
        XCTAssertTrue(pairs("وأكد الجانب الجزائري حرصه على تعزيز التعاون الأمني بين البلدين.").isEmpty)
        // a visit inside one state is skipped for the talks of two states' leaders before it
        let t = pairs("وبحث الرئيس المصري عبد الفتاح السيسي مع الملك الأردني عبد الله الثاني الأوضاع. "
            + "ثم زار السيسي مدينة الإسكندرية. وتناول الاجتماع تطوير التعاون بين الدولتين.")
        XCTAssertEqual(t.count, 1, "\(t)")
        XCTAssertTrue(t.allSatisfy { $0.contains("plc-egypt") && $0.contains("plc-jordan") }, "\(t)")
    }

    func testFinderFlagOptionsSetTheirSwitchesAndUnknownOnesAreNamed() throws {
        var set = RuleSet(lexicon: RuleSet.bundled.lexicon)
        try set.parse("rule t.flags\ntype VISIT\ntrigger VISIT_V\nsubject before 4 types PER title\nobject after 6 types PLACE wide-list adj-only\nexample: زار الرئيس التونسي قيس سعيد الجزائر.\n",
                      file: "t.rules")
        let r = try XCTUnwrap(set.rules.first)
        XCTAssertTrue(r.subject[0].inRole && r.subject[0].inTitle && !r.subject[0].list)
        XCTAssertTrue(r.object[0].list && r.object[0].wideList && r.object[0].adjectives && r.object[0].adjectivesOnly)
        XCTAssertEqual(r.object[0].types, [.place])
        // back-list, not-led and the its-state finder
        var more = RuleSet(lexicon: RuleSet.bundled.lexicon)
        try more.parse("rule t.more\ntype CONTROLS\ntrigger TAKE_POWER\nsubject before 6 types ORG back-list not-led\nobject its-state\nexample: استولى الجيش على السلطة.\n",
                       file: "t.rules")
        let m = try XCTUnwrap(more.rules.first)
        XCTAssertTrue(m.subject[0].backList && m.subject[0].notLed && !m.subject[0].list)
        XCTAssertEqual(m.object[0].kind, .itsState)
        var bad = RuleSet(lexicon: RuleSet.bundled.lexicon)
        XCTAssertThrowsError(try bad.parse("rule t.bad\ntype VISIT\ntrigger VISIT_V\nsubject before 4 types PER sideways\nexample: زار الرئيس التونسي قيس سعيد الجزائر.\n", file: "b.rules")) { e in
            XCTAssertEqual((e as? RuleFileError)?.line, 4)
            XCTAssertTrue("\(e)".contains("«sideways»") && "\(e)".contains("wide-list") && "\(e)".contains("joined"), "\(e)")
        }
    }
}

import KBFacts
import KBGraph
import KBText
import XCTest

/// Linking that survives spelling, within a document and across documents. Every name here is invented.
final class LinkingTests: XCTestCase {
    static let extractor = Extractor()

    func extract(_ text: String, id: String = "doc-test") -> DocumentExtraction {
        Self.extractor.extract(SourceText(documentID: id, path: id + ".txt", text: text))
    }

    func graph(_ texts: [String]) -> KnowledgeGraph {
        var b = GraphBuilder()
        for (i, t) in texts.enumerated() { b.add(extract(t, id: "doc-\(i)")) }
        return b.build()
    }

    func people(_ entities: [Entity]) -> [Entity] { entities.filter { $0.type == .person } }

    // MARK: within one document

    func testSurnameAndTitlePlusSurnameJoinTheFullName() {
        let x = extract("استقبل وزير المالية كريم بلعيدوني وفدا من المستثمرين. وقال بلعيدوني إن الميزانية جاهزة. وأكد الوزير بلعيدوني أن الإصلاح مستمر.")
        let p = people(x.entities)
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 3)
    }

    func testOneLetterMoreOrLessInATransliteration() {
        // ريتشموند / ريتشمند: a long vowel written or not
        let x = extract("وصل وزير الخارجية الكندي جوناثان ريتشموند إلى الرباط. وقال ريتشمند إن المحادثات بناءة.")
        let p = people(x.entities)
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 2)
    }

    func testAFourLetterSpellingFindsTheFiveLetterOne() {
        let x = extract("وصل وزير الخارجية الكندي ماركو بيلين إلى الرباط. وقال بيلن إن المحادثات بناءة.")
        let p = people(x.entities)
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 2)
    }

    func testHamzaAndTaMarbutaForms() {
        let x = extract("التقى رئيس الوزراء أسامة الأنصاري بالسفراء. وقال اسامه الانصاري إن اللقاء مثمر. وأضاف الأنصارى أن التعاون قائم.")
        let p = people(x.entities)
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 3)
    }

    func testAbdSpacing() {
        let x = extract("التقى وزير الداخلية عبد الرحيم الشامخي بقادة الشرطة. وقال وزير الداخلية عبدالرحيم الشامخي إن الأمن مستتب.")
        let p = people(x.entities)
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 2)
    }

    func testTwoBrothersWithOneFamilyNameStayTwoPeople() {
        let x = extract("التقى وزير الداخلية سامر القطامي بشقيقه وزير المالية نادر القطامي في عمان. وقال وزير الداخلية سامر القطامي إن الأمن مستتب.")
        let p = people(x.entities)
        XCTAssertEqual(Set(p.map(\.id)).count, 2, "\(p.map(\.labelAr))")
        XCTAssertEqual(Set(p.map(\.labelAr)), ["سامر القطامي", "نادر القطامي"])
    }

    // MARK: across documents

    func testSurnameInAnotherDocumentJoinsTheOnlyFullNameEndingInIt() {
        let g = graph([
            "وصل وزير الخارجية الفنلندي يوهانس كارلسبيرغ إلى القاهرة أمس.",
            "وقال الرئيس كارلسبيرغ إن بلاده تدعم الحل السياسي.",
        ])
        let p = people(g.entities)
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.labelAr, "يوهانس كارلسبيرغ")
        XCTAssertEqual(p.first?.documents, ["doc-0", "doc-1"])
        XCTAssertEqual(p.first?.mentionCount, 2)
        XCTAssertEqual(Set(g.mentions.filter { $0.entityID == p.first?.id }.map(\.documentID)), ["doc-0", "doc-1"])
    }

    func testSpellingVariantsOfAFullNameJoinAcrossDocuments() {
        let g = graph([
            "وصل وزير الخارجية الفنلندي يوهانس كارلسبيرغ إلى القاهرة أمس.",
            "التقى وزير الخارجية الفنلندي يوهانس كارلسبرغ بنظيره المصري.",
        ])
        let p = people(g.entities)
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 2)
        // facts point at the kept id
        let ids = Set(g.entities.map(\.id))
        for f in g.facts { XCTAssertTrue(ids.contains(f.subject) && ids.contains(f.object), f.id) }
    }

    func testASurnameTwoPeopleShareJoinsNeitherAndTheyStayApart() {
        let g = graph([
            "التقى وزير الخارجية يوهانس كارلسبيرغ بوزير المالية ماتياس كارلسبيرغ في هلسنكي.",
            "وقال الرئيس كارلسبيرغ إن بلاده تدعم الحل السياسي.",
        ])
        let p = people(g.entities)
        XCTAssertEqual(p.count, 3, "\(p.map(\.labelAr))")
        let full = p.filter { $0.labelAr.contains(" ") }
        XCTAssertEqual(Set(full.map(\.labelAr)), ["يوهانس كارلسبيرغ", "ماتياس كارلسبيرغ"])
        XCTAssertTrue(full.allSatisfy { $0.documents == ["doc-0"] }, "the ambiguous surname joins neither of them")
    }

    func testPeopleOneDocumentKeepsApartAreNeverJoinedThroughAnother() {
        // doc-0 names two people the linker keeps apart; doc-1's variant spelling must not fuse them
        let g = graph([
            "التقى وزير الداخلية سامر القطامي بشقيقه وزير المالية نادر القطامي في عمان.",
            "وصل وزير الداخلية سامر القطامى إلى بيروت.",
        ])
        let full = people(g.entities).filter { $0.labelAr.split(separator: " ").count == 2 }
        XCTAssertEqual(Set(full.map(\.id)).count, 2, "\(full.map(\.labelAr))")
        let samer = full.first { $0.labelAr.hasPrefix("سامر") }
        XCTAssertEqual(samer?.documents, ["doc-0", "doc-1"])
    }

    func testTurningCrossDocumentLinkingOffKeepsEveryDocumentsEntities() {
        var b = GraphBuilder()
        b.add(extract("وصل وزير الخارجية الفنلندي يوهانس كارلسبيرغ إلى القاهرة أمس.", id: "doc-0"))
        b.add(extract("وقال الرئيس كارلسبيرغ إن بلاده تدعم الحل السياسي.", id: "doc-1"))
        XCTAssertEqual(people(b.build(linkAcrossDocuments: false).entities).count, 2)
        XCTAssertEqual(people(b.build().entities).count, 1)
    }
}

@testable import KBFacts
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
        XCTAssertEqual(Set(p.map { $0.id }).count, 2, "\(p.map(\.labelAr))")
        XCTAssertEqual(Set(p.map(\.labelAr)), ["سامر القطامي", "نادر القطامي"])
    }

    func testACompoundSurnameWithALongVowelMoreJoinsTheFullName() {
        // داود / داوود: one inner long vowel more, in a surname of two words
        let x = extract("وصل وزير الخارجية التركي سليم داود أوغلو إلى تونس. واستقبل داوود أوغلو في المطار وزير الخارجية التونسي.")
        let p = people(x.entities).filter { $0.labelAr.contains("أوغلو") }
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
        XCTAssertEqual(p.first?.mentionCount, 2)
    }

    func testOneInnerVowelApart() {
        XCTAssertTrue(Linker.oneInnerVowelApart("داوود", "داود"))
        XCTAssertFalse(Linker.oneInnerVowelApart("سعيدي", "سعيد"), "a final letter is a nisba, not a spelling")
        XCTAssertFalse(Linker.oneInnerVowelApart("كمال", "كمل") && Linker.variant("كمال", "كمل"), "short words match exactly")
    }

    func testAForeignSurnameAfterAVerbIsThePersonOfTheDocument() {
        let x = extract("وصل الرئيس الفرنسي جيروم لوكانتيه إلى باماكو. ويرافق لوكانتيه في زيارته إلى مالي وزراء.")
        XCTAssertFalse(x.entities.contains { $0.type != .person && $0.labelAr.contains("لوكانتيه") },
                       "\(x.entities.map { ($0.type, $0.labelAr) })")
        let p = people(x.entities).filter { $0.labelAr.contains("لوكانتيه") }
        XCTAssertEqual(p.count, 1, "\(p.map(\.labelAr))")
    }

    func testAWordAfterBinIsNoMentionOfThePersonWithThatSurname() {
        // "الحسين" ends the name of the first person; "بن الحسين" in another name is that person's father
        let x = extract("التقى الملك نادر بن الحسين بالوفد. وحضر الأمير فهد بن الحسين الاجتماع أيضا.")
        let p = people(x.entities)
        XCTAssertEqual(Set(p.map { $0.id }).count, 2, "\(p.map(\.labelAr))")
        XCTAssertTrue(p.contains { $0.labelAr == "فهد بن الحسين" }, "\(p.map(\.labelAr))")
    }

    func testABareSurnameTwoPeopleOfTheDocumentShareNamesNeither() {
        // two brothers: "القطامي" alone could be either, so it is a mention of neither
        let x = extract("التقى وزير الداخلية سامر القطامي بشقيقه وزير المالية نادر القطامي في عمان. وقال القطامي إن الأمن مستتب.")
        let p = people(x.entities)
        XCTAssertEqual(Set(p.map(\.labelAr)), ["سامر القطامي", "نادر القطامي"], "\(p.map(\.labelAr))")
        XCTAssertEqual(p.map(\.mentionCount), [1, 1], "\(p.map { ($0.labelAr, $0.mentionCount) })")
    }

    /// Links hand-made mentions (the recogniser left out): a full name in the first sentence, then `second`.
    func linked(_ text: String, first: [(Range<Int>, String)], second: RawMention) -> [[RawMention]] {
        let sentences = Cleaner.sentences(of: SourceText(documentID: "doc-test", path: "doc-test.txt", text: text))
        XCTAssertEqual(sentences.count, 2)
        var per: [[RawMention]] = [first.map { r, name in
            RawMention(range: r, begin: 0, end: 1, text: name, type: .person, subtype: "", gazetteerIDs: [],
                       nameKey: Gazetteer.key(name), isAdjective: false, role: nil, confidence: 0.7)
        }, [second]]
        Linker(gazetteer: Gazetteer.bundled).link(&per, sentences: sentences)
        return per
    }

    func guess(_ type: EntityType, _ range: Range<Int>, _ word: String) -> RawMention {
        RawMention(range: range, begin: 0, end: 1, text: word, type: type, subtype: "", gazetteerIDs: [],
                   nameKey: Gazetteer.key(word), isAdjective: false, role: nil, confidence: 0.6)
    }

    // MARK: document-level consistency (a name found once names the same entity elsewhere in the document)

    func testANameFoundOnceIsTheSameEntityWhereverTheDocumentWritesIt() {
        let x = extract("""
            واتهمت الحكومة الحركتين المدعوتين «سنابل» و«الراية» بتمويل الاحتجاجات في العاصمة.
            وقال متحدث إن قادة سنابل فروا إلى الخارج، وإن عناصر تابعين للراية اعتقلوا أمس.
            """)
        let orgs = x.entities.filter { $0.type == .organization }
        XCTAssertEqual(Set(orgs.map(\.labelAr)), ["سنابل", "الراية"], "\(orgs.map(\.labelAr))")
        for o in orgs { XCTAssertEqual(o.mentionCount, 2, o.labelAr) }
        // the later mention of "للراية" starts after the proclitic
        XCTAssertFalse(x.mentions.contains { $0.text.hasPrefix("ل") }, "\(x.mentions.map(\.text))")
    }

    func testANameTheDocumentTypesTwoWaysIsCarriedNowhere() {
        // "سنابل" is an organisation in one sentence and a town in another: a third, bare "سنابل" is neither
        let x = extract("""
            واتهمت الحكومة الحركة المدعوة «سنابل» بتمويل الاحتجاجات.
            ووصل الوفد إلى بلدة سنابل صباح أمس.
            وقال شهود إن سنابل شهدت هدوءا حذرا.
            """)
        let total = x.entities.filter { $0.labelAr == "سنابل" }.map(\.mentionCount).reduce(0, +)
        XCTAssertEqual(total, 2, "\(x.entities.map { ($0.labelAr, $0.type, $0.mentionCount) })")
    }

    func testOneWordNamesThatAreCommonWordsAreNotCarried() {
        XCTAssertFalse(Linker.carriesAlone("في"))
        XCTAssertFalse(Linker.carriesAlone(ArabicNormalizer.normalize("حركة")))
        XCTAssertFalse(Linker.carriesAlone(ArabicNormalizer.normalize("قال")))
        XCTAssertTrue(Linker.carriesAlone(ArabicNormalizer.normalize("سنابل")))
    }

    func testAGuessedOneWordPlaceOrOrganizationThatIsASurnameIsThePerson() {
        // the linker alone: whatever type the recogniser guessed for the bare surname, it is the person
        let text = "وصل الرئيس جيروم لوكانتيه إلى المدينة. ويرافق لوكانتيه وزراء."
        for type in [EntityType.organization, .place] {
            let per = linked(text, first: [(2..<4, "جيروم لوكانتيه")], second: guess(type, 1..<2, "لوكانتيه"))
            XCTAssertEqual(per[1].first?.type, .person, "\(type)")
            XCTAssertEqual(per[1].first?.key, per[0].first?.key, "\(type)")
        }
        // two people of that surname: neither; a surname of nobody: the guess stays
        let two = linked("وصل سامر القطامي ونادر القطامي إلى المدينة. ويرافق القطامي وزراء.",
                         first: [(1..<3, "سامر القطامي"), (3..<5, "نادر القطامي")], second: guess(.organization, 1..<2, "القطامي"))
        XCTAssertEqual(two[1].first?.type, .organization)
        let none = linked(text, first: [(2..<4, "جيروم لوكانتيه")], second: guess(.place, 1..<2, "بارندو"))
        XCTAssertEqual(none[1].first?.type, .place)
        XCTAssertEqual(none[1].first?.key, "plc:" + Gazetteer.key("بارندو"))
    }

    // MARK: across documents

    /// A graph of one document with these people (gazetteer people have ids starting "per-gaz").
    func doc(_ id: String, _ people: [(String, String)]) -> KnowledgeGraph {
        KnowledgeGraph(documents: [Document(id: id, path: id + ".txt")],
                       entities: people.map { Entity(id: $0.0, type: .person, labelAr: $0.1, surfaceForms: [$0.1], mentionCount: 1,
                                                     documents: [id], fromGazetteer: $0.0.hasPrefix("per-gaz")) },
                       mentions: people.map { Mention(entityID: $0.0, documentID: id, begin: 0, end: 1, text: $0.1) })
    }

    static let invented = try! Gazetteer.parse("""
        id\ttype\tsubtype\ten\tar\taliases\tadjectives\twikidata\tpart_of\tcapital_of
        per-gaz-karlsberg\tPERSON\t\tJohannes Karlsberg\tيوهانس كارلسبيرغ\t\t\t\t\t
        per-gaz-samer\tPERSON\t\tSamer Qatami\tسامر القطامي\t\t\t\t\t
        per-gaz-nader\tPERSON\t\tNader Qatami\tنادر القطامي\t\t\t\t\t
        """, path: "invented.tsv")

    func testSurnameInAnotherDocumentJoinsTheOnlyKnownPersonOfThatName() {
        var b = GraphBuilder(gazetteer: Self.invented)
        b.add(doc("doc-0", [("per-gaz-karlsberg", "يوهانس كارلسبيرغ")]))
        b.add(doc("doc-1", [("per-karlsberg-1", "كارلسبرغ")]))      // a letter less
        let g = b.build()
        XCTAssertEqual(g.entities.map { $0.id }, ["per-gaz-karlsberg"])
        XCTAssertEqual(g.entities.first?.documents, ["doc-0", "doc-1"])
        XCTAssertEqual(g.entities.first?.mentionCount, 2)
        XCTAssertEqual(Set(g.mentions.map { $0.entityID }), ["per-gaz-karlsberg"])
        // the known person must be in the graph: a surname alone does not bring him in
        var c = GraphBuilder(gazetteer: Self.invented)
        c.add(doc("doc-1", [("per-karlsberg-1", "كارلسبرغ")]))
        c.add(doc("doc-2", [("per-other", "ماتياس هولمبرغ")]))
        XCTAssertEqual(c.build().entities.map { $0.id }.sorted(), ["per-karlsberg-1", "per-other"])
    }

    func testASurnameTwoKnownPeopleShareOrAGivenNameJoinsNoOne() {
        var b = GraphBuilder(gazetteer: Self.invented)
        b.add(doc("doc-0", [("per-gaz-samer", "سامر القطامي"), ("per-gaz-nader", "نادر القطامي")]))
        b.add(doc("doc-1", [("per-qatami", "القطامي")]))
        b.add(doc("doc-2", [("per-samer", "سامر")]))
        XCTAssertEqual(b.build().entities.map { $0.id }.sorted(), ["per-gaz-nader", "per-gaz-samer", "per-qatami", "per-samer"])
    }

    func testASurnameDoesNotJoinAFullNameGuessedInAnotherDocument() {
        // whether it is the only one depends on which documents are read together (shards must merge to one run)
        let g = graph([
            "وصل وزير الخارجية الفنلندي يوهانس كارلسبيرغ إلى القاهرة أمس.",
            "وقال الرئيس كارلسبيرغ إن بلاده تدعم الحل السياسي.",
        ])
        XCTAssertEqual(people(g.entities).count, 2, "\(people(g.entities).map(\.labelAr))")
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
        let ids = Set(g.entities.map { $0.id })
        for f in g.facts { XCTAssertTrue(ids.contains(f.subject) && ids.contains(f.object), f.id) }
    }

    func testPeopleOneDocumentKeepsApartAreNeverJoinedThroughAnother() {
        // doc-0 names two people the linker keeps apart; doc-1's variant spelling must not fuse them
        let g = graph([
            "التقى وزير الداخلية سامر القطامي بشقيقه وزير المالية نادر القطامي في عمان.",
            "وصل وزير الداخلية سامر القطامى إلى بيروت.",
        ])
        let full = people(g.entities).filter { $0.labelAr.split(separator: " ").count == 2 }
        XCTAssertEqual(Set(full.map { $0.id }).count, 2, "\(full.map(\.labelAr))")
        let samer = full.first { $0.labelAr.hasPrefix("سامر") }
        XCTAssertEqual(samer?.documents, ["doc-0", "doc-1"])
    }

    func testTurningCrossDocumentLinkingOffKeepsEveryDocumentsEntities() {
        var b = GraphBuilder()
        b.add(extract("وصل وزير الخارجية الفنلندي يوهانس كارلسبيرغ إلى القاهرة أمس.", id: "doc-0"))
        b.add(extract("التقى وزير الخارجية الفنلندي يوهانس كارلسبرغ بنظيره المصري.", id: "doc-1"))
        XCTAssertEqual(people(b.build(linkAcrossDocuments: false).entities).count, 2)
        XCTAssertEqual(people(b.build().entities).count, 1)
    }
}

@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Entities that facts need, with their right extent (thirteenth round): numbered military units, two-word village
/// names, organisation names that stop before the verb's object, people's names that stop before a common noun, and
/// institutions named by head nouns the recogniser did not know. Invented sentences.
final class EntityBoundaryTests: XCTestCase {
    static let extractor = Extractor()

    func labels(_ text: String, _ type: EntityType) -> Set<String> {
        let x = Self.extractor.extract(SourceText(documentID: "doc-bounds", path: "bounds.txt", text: text))
        return Set(x.entities.filter { $0.type == type }.map(\.labelAr))
    }

    func testANumberedUnitIsAnOrganisation() {
        XCTAssertTrue(labels("وأعلن الفيلق الخامس أنه استعاد التلة.", .organization).contains("الفيلق الخامس"))
        XCTAssertTrue(labels("وقالت مصادر محلية إن اللواء 105 انسحب من الطريق.", .organization).contains("اللواء 105"))
        XCTAssertTrue(labels("ورست سفن من الأسطول السادس الأمريكي قبالة الساحل.", .organization)
            .contains("الأسطول السادس الأمريكي"))
        XCTAssertTrue(labels("وصدت الفرقة الرابعة المدرعة هجوما ليليا.", .organization).contains("الفرقة الرابعة المدرعة"))
        // «اللواء» before a name is still a rank
        let orgs = labels("وقال اللواء سمير الحداد إن قواته تتقدم.", .organization)
        XCTAssertFalse(orgs.contains { $0.contains("اللواء") }, "\(orgs)")
        XCTAssertTrue(labels("وقال اللواء سمير الحداد إن قواته تتقدم.", .person).contains("سمير الحداد"))
    }

    func testATwoWordVillageNameAfterAPlaceHead() {
        XCTAssertTrue(labels("وسيطر المسلحون على قرية عين الورد بعد اشتباكات.", .place).contains("عين الورد"))
        XCTAssertTrue(labels("وانتشرت الدوريات في منطقة تل السنديان أمس.", .place).contains("تل السنديان"))
        XCTAssertTrue(labels("وقصفت المدفعية بلدة مرعيا الفوقا فجرا.", .place).contains("مرعيا الفوقا"))
        // an adjective or a participle after the village's name is no part of it
        XCTAssertTrue(labels("وقصفت المدفعية بلدة مرعيا الحدودية فجرا.", .place).contains("مرعيا"))
        XCTAssertTrue(labels("وقصفت المدفعية بلدة مرعيا المجاورة فجرا.", .place).contains("مرعيا"))
    }

    func testAnOrganisationsNameStopsBeforeTheVerbsObject() {
        let council = labels("وبحث مجلس الوزراء المشروع في جلسته الأسبوعية.", .organization)
        XCTAssertTrue(council.contains("مجلس الوزراء"), "\(council)")
        XCTAssertFalse(council.contains { $0.contains("المشروع") }, "\(council)")
        let ministry = labels("وانتقدت وزارة الخارجية التصريحات بشدة.", .organization)
        XCTAssertEqual(ministry, ["وزارة الخارجية"])
        let board = labels("وتسلمت اللجنة الوطنية للانتخابات الطعون أمس.", .organization)
        XCTAssertEqual(board, ["اللجنة الوطنية للانتخابات"])
        let court = labels("وأصدرت المحكمة العليا الحكم بعد جلسة مطولة.", .organization)
        XCTAssertEqual(court, ["المحكمة العليا"])
        // adjectives of the name go on: elatives, participles, nisbas, an outlet's ordinal
        XCTAssertTrue(labels("وقالت المحكمة الدستورية العليا إنها قبلت الطعن.", .organization).contains("المحكمة الدستورية العليا"))
        XCTAssertTrue(labels("وأعلنت الهيئة العليا المستقلة للانتخابات موعد الاقتراع.", .organization)
            .contains("الهيئة العليا المستقلة للانتخابات"))
        XCTAssertTrue(labels("وقالت المديرية العامة للأمن الوطني إن الطرق آمنة.", .organization)
            .contains("المديرية العامة للأمن الوطني"))
        XCTAssertTrue(labels("وقال اتحاد المهندسين العرب إنه يرفض القرار.", .organization).contains("اتحاد المهندسين العرب"))
    }

    func testAPersonsNameStopsBeforeACommonNoun() {
        let people = labels("واستقبل وزير الخارجية سامي بن حمودة الوفد الزائر في مكتبه.", .person)
        XCTAssertTrue(people.contains("سامي بن حمودة"), "\(people)")
        XCTAssertFalse(people.contains { $0.contains("الوفد") }, "\(people)")
        let minister = labels("وأكد وزير المالية عادل علي الحكومة ماضية في الإصلاح.", .person)
        XCTAssertTrue(minister.contains("عادل علي"), "\(minister)")
        // a topic noun the rules know, after a name of three words, is the verb's object
        let topic = labels("وبحث الوزير كمال بن علي العلاقات الثنائية مع نظيره.", .person)
        XCTAssertTrue(topic.contains("كمال بن علي"), "\(topic)")
        // a family name with the article still ends the name
        XCTAssertTrue(labels("وقال المتحدث سالم بن عمر الدباغ إن الوضع مستقر.", .person).contains("سالم بن عمر الدباغ"))
    }

    func testInstitutionsNamedByOtherHeadNouns() {
        XCTAssertTrue(labels("وأعلن الدرك الوطني توقيف ثلاثة مهربين قرب الحدود.", .organization).contains("الدرك الوطني"))
        XCTAssertTrue(labels("وحددت الأمانة العامة لمجلس الوزراء موعد الجلسة.", .organization)
            .contains("الأمانة العامة لمجلس الوزراء"))
        XCTAssertTrue(labels("واقترحت الآلية الرباعية جولة جديدة من المشاورات.", .organization).contains("الآلية الرباعية"))
        // the African Union's council, named with its words in the other order, is not the UN Security Council
        let au = labels("وقرر مجلس الأمن والسلم الأفريقي تعليق العضوية.", .organization)
        XCTAssertFalse(au.contains("مجلس الأمن الدولي"), "\(au)")
        XCTAssertTrue(au.contains("مجلس السلم والأمن الأفريقي"), "\(au)")
    }

    func testAQuotedLeaderAfterAWordOfLeadingIsAPerson() {
        let text = "وتبنت كتيبة «صقور الوادي» التي يقودها «سالم الدرناوي» الهجوم على المعبر."
        XCTAssertTrue(labels(text, .person).contains("سالم الدرناوي"), "\(labels(text, .person))")
        XCTAssertTrue(labels("وتقدمت قوات بقيادة «مراد الزاوي» نحو المطار.", .person).contains("مراد الزاوي"))
        // a quoted body after the same words stays an organisation
        let orgs = labels("وتقدمت قوات بقيادة «حركة الفجر» نحو المطار.", .organization)
        XCTAssertTrue(orgs.contains("حركة الفجر"), "\(orgs)")
    }

    func testAConstructChainAfterAnIndefiniteHead() {
        XCTAssertEqual(labels("وانتشرت قوات حفظ السلام على طول الخط الفاصل.", .organization), ["قوات حفظ السلام"])
        XCTAssertTrue(labels("وقال ائتلاف دولة القانون إنه يدعم المرشح.", .person).isEmpty)
        XCTAssertTrue(labels("وقال ائتلاف دولة القانون إنه يدعم المرشح.", .organization).contains("ائتلاف دولة القانون"))
        XCTAssertTrue(labels("وقالت لجنة تقصي الحقائق إنها أنهت عملها.", .organization).contains("لجنة تقصي الحقائق"))
        // a leader's name after the head is still the leader; organising work is no organisation
        XCTAssertTrue(labels("وقالت قوات سالم الدرناوي إنها تقدمت.", .person).contains("سالم الدرناوي"))
        XCTAssertTrue(labels("وتوقف تنظيم عمل اللجان بسبب الخلافات.", .organization).isEmpty)
    }

    func testABankNamedByItsCountry() {
        XCTAssertTrue(labels("وقال مصرف لبنان إنه سيضخ السيولة في السوق.", .organization).contains("مصرف لبنان"))
        // a bank of some country, named by the adjective, is no name
        XCTAssertTrue(labels("وافتتح بنك ليبي فرعا جديدا في المدينة.", .organization).isEmpty)
    }

    func testAShortenedNameIsTheLongerOneOfTheDocument() {
        let x = Self.extractor.extract(SourceText(documentID: "doc-short", path: "short.txt", text: """
            أعلن المجلس العسكري الانتقالي تعليق العمل بالدستور. وقال المجلس الانتقالي إن الانتخابات ستجري بعد عامين.
            """))
        let orgs = x.entities.filter { $0.type == .organization }
        XCTAssertEqual(orgs.count, 1, "\(orgs.map(\.labelAr))")
        // two longer names of the same head leave the short one alone
        let y = Self.extractor.extract(SourceText(documentID: "doc-short2", path: "short2.txt", text: """
            ورحب حزب الأمة القومي وحزب الأمة الفدرالي بالاتفاق. وقال حزب الأمة إنه سيشارك.
            """))
        XCTAssertEqual(y.entities.filter { $0.type == .organization }.count, 3)
    }

    func testAStateBodyWrittenWithoutItsStateIsOfTheStateTheDocumentNames() {
        let x = Self.extractor.extract(SourceText(documentID: "doc-organ", path: "organ.txt", text: """
            وصل الوفد إلى بيروت أمس. وقال مجلس النواب إن جلسة انتخاب الرئيس تأجلت.
            """))
        let parliament = x.entities.filter { $0.type == .organization }
        XCTAssertEqual(parliament.count, 1)
        XCTAssertFalse(parliament.contains { $0.id == "org-house-of-representatives-libya" }, "\(parliament.map(\.id))")
        // with its state named, or no state at all, the gazetteer's body stays
        let y = Self.extractor.extract(SourceText(documentID: "doc-organ2", path: "organ2.txt", text: """
            وصل الوفد إلى طرابلس أمس. وقال مجلس النواب إن جلسة التصويت تأجلت.
            """))
        XCTAssertTrue(y.entities.contains { $0.id == "org-house-of-representatives-libya" })
        let z = Self.extractor.extract(SourceText(documentID: "doc-organ3", path: "organ3.txt", text: "وقال مجلس النواب إن الجلسة تأجلت."))
        XCTAssertTrue(z.entities.contains { $0.id == "org-house-of-representatives-libya" })
    }

    func testACompoundGivenNameGoesOnToTheFamilyName() {
        let people = labels("وقال مدير المكتب عماد الدين الخطابي إن اللقاء مثمر.", .person)
        XCTAssertTrue(people.contains("عماد الدين الخطابي"), "\(people)")
        XCTAssertTrue(labels("وقال محافظ البنك كمال الدين سرحان إن الجنيه استقر.", .person).contains("كمال الدين سرحان"))
        XCTAssertTrue(labels("وقال بنك السودان المركزي إن الجنيه استقر.", .organization).contains("بنك السودان المركزي"))
    }
}

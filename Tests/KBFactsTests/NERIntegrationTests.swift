import Foundation
import KBResources
import KBEvaluation
import KBFacts
import KBGraph
import KBNER
import KBText
import XCTest

/// The shipped labeller model inside extraction, on sentences written for these tests.
final class NERIntegrationTests: XCTestCase {
    static let extractor = Extractor()

    func extract(_ text: String) -> DocumentExtraction {
        Self.extractor.extract(SourceText(documentID: "doc-ner", path: "ner.txt", text: text))
    }

    func labels(_ x: DocumentExtraction, _ type: EntityType) -> Set<String> {
        Set(x.entities.filter { $0.type == type }.map(\.labelAr))
    }

    func testShippedModelLoadsFastAndIsSmall() throws {
        // the model is embedded in the binary (EmbeddedResources), as every bundled resource
        let data = try XCTUnwrap(EmbeddedResources.data(named: "KBFacts/ner.model"), "the model file ships with KBFacts")
        XCTAssertLessThanOrEqual(data.count, 20_000_000)
        let t0 = Date()
        _ = try NERModel(bytes: data)
        let seconds = Date().timeIntervalSince(t0)
        // the budget is 0.3 s on a release build; a debug build is given more room
        XCTAssertLessThan(seconds, 3.0)
        XCTAssertNotNil(BundledNER.model)
    }

    func testModelFindsUnseenPeopleWithoutTitles() {
        // invented names, not in the gazetteer
        let x = extract("وقال ماهر الزعبلاوي إن المحادثات ستستأنف الأسبوع المقبل، فيما رفض سليم القرمادي التعليق.")
        let people = labels(x, .person)
        XCTAssertTrue(people.contains("ماهر الزعبلاوي"), "\(people)")
        XCTAssertTrue(people.contains("سليم القرمادي"), "\(people)")
    }

    func testForeignFamilyNameThatIsAlsoATown() {
        // the labeller reads given name and town as one person: the town is the family name
        let x = extract("وقال نيكولا أورلاندو رئيس البعثة إن المفاوضات مستمرة.")
        XCTAssertTrue(labels(x, .person).contains("نيكولا أورلاندو"), "\(labels(x, .person))")
        XCTAssertFalse(labels(x, .place).contains("أورلاندو"), "\(labels(x, .place))")
        // counter-example: the town after a preposition stays a place
        let y = extract("ووصل الوفد إلى أورلاندو أمس.")
        XCTAssertTrue(labels(y, .place).contains("أورلاندو"), "\(labels(y, .place))")
    }

    func testModelFindsForeignTransliteratedNames() {
        let x = extract("وأكد كريستوفر هالبيرن أن الاتفاق يحتاج إلى وقت، بينما قالت إنغريد سوندبرغ إن بلادها تدعمه.")
        let people = labels(x, .person)
        XCTAssertTrue(people.contains("كريستوفر هالبيرن"), "\(people)")
        XCTAssertTrue(people.contains("إنغريد سوندبرغ"), "\(people)")
    }

    func testModelFindsOrganisations() {
        let x = extract("أعلن الاتحاد العام للشغل في بيان أن الإضراب سيستمر، وانتقدت جمعية النهضة للتنمية القرار.")
        let orgs = labels(x, .organization)
        XCTAssertTrue(orgs.contains("الاتحاد العام للشغل"), "\(orgs)")
        let y = extract("وقالت شركة الفرات للاتصالات في بيان إن الخدمة ستعود غدا.")
        XCTAssertTrue(labels(y, .organization).contains("شركة الفرات للاتصالات"), "\(labels(y, .organization))")
        XCTAssertTrue(labels(y, .place).isEmpty, "the company's name is not the river: \(labels(y, .place))")
    }

    func testCommonWordsAreNotNames() {
        let x = extract("وقال المتحدث إن الاجتماع سيعقد بحضور عدد من الخبراء خلال الأسبوع المقبل.")
        XCTAssertTrue(labels(x, .person).isEmpty, "\(labels(x, .person))")
    }

    func testAnAdjectiveJoinedByAndToAnotherIsNoPlace() {
        let x = extract("وانتشر الجيش في القطاعين الغربي والأوسط من جنوب البلاد.")
        XCTAssertFalse(labels(x, .place).contains("الأوسط"), "\(labels(x, .place))")
    }

    func testCliticsStayOutOfLabels() {
        let x = extract("وأشاد الوزير بدور القوات المسلحة، وقدم التهنئة للقوات المسلحة بمناسبة ذكرى تأسيسها.")
        for e in x.entities where e.type == .organization { XCTAssertFalse(e.labelAr.hasPrefix("للقوات"), e.labelAr) }
        let y = extract("استقبل الرئيس ضيوفه، ووزير الدفاع حاضر.")
        for e in y.entities { XCTAssertFalse(e.labelAr.hasPrefix("ووزير"), e.labelAr) }
    }

    func testFactsFileMarksNisbaMentions() throws {
        let x = extract("وصل الوزير الأمريكي إلى القاهرة، وقالت أمريكا إنها ترحب بالزيارة.")
        var builder = GraphBuilder()
        builder.add(x)
        let text = String(decoding: try FactsFile.lines(builder.build()).joined(), as: UTF8.self)
        let mentions = text.split(separator: "\n").filter { $0.contains("\"record\":\"mention\"") }
        XCTAssertTrue(mentions.contains { $0.contains("\"adjective\":true") && $0.contains("أمريكي") }, "\(mentions)")
        XCTAssertTrue(mentions.contains { !$0.contains("adjective") && $0.contains("\"text\":\"أمريكا\"") }, "\(mentions)")
        // the flag survives reading the file back (both readers)
        let back = try FactsFile.read(data: Data(text.utf8), path: "x.jsonl")
        XCTAssertTrue(back.mentions.contains { $0.adjective == true })
    }

    func testMinistryByCountryAdjective() {
        let x = extract("وأعلنت الخارجية الفرنسية أمس أن السفير سيعود إلى عمله.")
        XCTAssertTrue(x.entities.contains { $0.type == .organization && $0.surfaceForms.contains("الخارجية الفرنسية") },
                      "\(x.entities.map(\.labelAr))")
    }

    func testAGivenNameAndAFamilyNameThatIsACommonNoun() {
        // «الضيف», «الحداد» are also common nouns: after a known given name they end the name
        let x = extract("وأكدت المصادر مقتل القيادي محمد الضيف في غارة ليلية.")
        XCTAssertTrue(labels(x, .person).contains("محمد الضيف"), "\(labels(x, .person))")
        let y = extract("وقال سامر الحداد إن الوفد وصل متأخرا.")
        XCTAssertTrue(labels(y, .person).contains("سامر الحداد"), "\(labels(y, .person))")
        // a time word after the name is no family name
        let z = extract("وقال سامر الأسبوع الماضي إن الوفد وصل متأخرا.")
        XCTAssertFalse(labels(z, .person).contains { $0.contains("الأسبوع") }, "\(labels(z, .person))")
    }
}

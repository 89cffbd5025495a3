@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Where a person's name starts and ends after a title, on invented sentences and names.
final class PersonNameTests: XCTestCase {
    static let extractor = Extractor()

    func people(_ text: String) -> Set<String> {
        let x = Self.extractor.extract(SourceText(documentID: "doc-names", path: "names.txt", text: text))
        return Set(x.entities.filter { $0.type == .person }.map(\.labelAr))
    }

    func testALineageEndsAfterTheFathersNameWithTheArticle() {
        let p = people("وحضر سمو الأمير ماجد بن الحسين حفل الافتتاح في المدينة.")
        XCTAssertTrue(p.contains("ماجد بن الحسين"), "\(p)")
        XCTAssertFalse(p.contains { $0.contains("حفل") }, "\(p)")
    }

    func testATriggerWordAfterATitleStartsNoName() {
        // "خلفا" (succeeding) and "عقدا" (they held) after a title or a counterpart are no names
        let p = people("وأدى الجنرال سامر الدوري اليمين رئيسا خلفا لوالده في العاصمة.")
        XCTAssertFalse(p.contains { $0.hasPrefix("خلفا") }, "\(p)")
        let q = people("وكان الوزير سامر الدوري ونظيره الكندي عقدا جلسة مباحثات مطولة في العاصمة.")
        XCTAssertFalse(q.contains { $0.hasPrefix("عقدا") }, "\(q)")
        // a short particle's spelling stays a name ("بان" is also "that"); a trigger inside a name is a family name
        XCTAssertTrue(people("وقال الأمين العام بان كي مون إن الوضع خطير.").contains("بان كي مون"))
        XCTAssertTrue(people("ووصل رئيس الحكومة التونسية مهدي جمعة إلى الجزائر أمس.").contains("مهدي جمعة"))
    }

    func testAPrepositionOnAVerbalNounEndsAName() {
        // ب or ل fused to a verbal noun the rules know («بمبادرة», «لمناقشة») is no family name
        XCTAssertEqual(people("وشارك وزير الخارجية سامر حداد بمبادرة من نظيره الكندي في الاجتماع."), ["سامر حداد"])
        XCTAssertEqual(people("وشارك وزير الخارجية سامر حداد لمناقشة الأزمة في الاجتماع."), ["سامر حداد"])
        // a family name that only starts like a preposition stays («بشارة»)
        XCTAssertTrue(people("واستقبل وزير الخارجية سامر بشارة في مكتبه.").contains("سامر بشارة"))
    }

    func testAGivenNameAfterAbdIsNoPersonOfItsOwn() {
        // "عبد القادر" alone is a given name: the four words are one person, however the labeller reads them
        let p = people("وشارك الوزير/ عبد القادر حسين عمر في الاجتماع الخامس للجنة.")
        XCTAssertEqual(p, ["عبد القادر حسين عمر"], "\(p)")
    }

    func testAWeekdayAfterTheSubjectIsNoFamilyName() {
        // VSO news order puts the day after the subject: «قال الوزير فلان الأحد …»
        let p = people("وقال وزير المالية سامر الدوري الاثنين إن الموازنة جاهزة. واستقبل الملك فهد الأربعاء السفير الجديد.")
        XCTAssertTrue(p.contains("سامر الدوري"), "\(p)")
        XCTAssertFalse(p.contains { $0.contains("الاثنين") || $0.contains("الأربعاء") }, "\(p)")
    }

    func testAnAccusativeRuleWordEndsAName() {
        let p = people("وعين الرئيس الوزير كمال داود خلفا للوزير المستقيل.")
        XCTAssertTrue(p.contains("كمال داود"), "\(p)")
        XCTAssertFalse(p.contains { $0.contains("خلفا") }, "\(p)")
    }

    func testAnArticleWrittenWithHamzaBelongsToTheName() {
        // «ألباريس» is a family name, not «باريس» with the article; «ألمانيا» stays Germany
        let x = Self.extractor.extract(SourceText(documentID: "doc-hamza", path: "h.txt",
            text: "وقال الوزير الإسباني خوسيه ألباريس إن بلاده تدعم الحل. وزار ألمانيا الأسبوع الماضي."))
        let labels = Set(x.entities.map(\.labelAr))
        XCTAssertFalse(labels.contains("باريس"), "\(labels)")
        XCTAssertTrue(labels.contains("خوسيه ألباريس"), "\(labels)")
        XCTAssertTrue(x.entities.contains { $0.type == .place && $0.labelEn == "Germany" }, "\(labels)")
    }

    func testALineageOfSeveralGenerationsStaysOneName() {
        let p = people("واستقبل الأمير ماجد بن سلطان بن عبدالعزيز الوفد الزائر.")
        XCTAssertTrue(p.contains("ماجد بن سلطان بن عبدالعزيز"), "\(p)")
    }

    func testAGivenNameThatLooksLikeAConjunctionOnAVerb() {
        // "فيصل" is no "ف" + "يصل"
        let p = people("وأدى سمو الأمير فيصل بن جابر، اليمين أمام المجلس.")
        XCTAssertTrue(p.contains("فيصل بن جابر"), "\(p)")
    }

    func testGivenNamesWithTheArticleAfterATitle() {
        let p = people("وبعث الرئيس برسالة إلى نظيره الليبي المنصف الزاوي بعد الحادث. وقال المبعوث الأممي إلى ليبيا الأخضر السويحلي إن الحوار مستمر.")
        XCTAssertTrue(p.contains("المنصف الزاوي"), "\(p)")
        XCTAssertTrue(p.contains("الأخضر السويحلي"), "\(p)")
    }

    func testTheNameAliIsNotThePrepositionAla() {
        let p = people("وشارك سعادة السفير/ كمال علي داود , سفير جمهورية مصر بالرباط.")
        XCTAssertTrue(p.contains("كمال علي داود"), "\(p)")
    }

    func testOneWordShapedLikeAVerbOrAPossessedNounIsNoPlace() {
        for w in ["يؤكدان", "تواصلون", "مدتها", "قواتهم"] {
            XCTAssertTrue(EntityRecognizer.looksLikeVerbOrPossessed(ArabicNormalizer.normalize(w)), w)
        }
        for w in ["باماكو", "نواكشوط", "طرابلس"] {
            XCTAssertFalse(EntityRecognizer.looksLikeVerbOrPossessed(ArabicNormalizer.normalize(w)), w)
        }
    }

    func testATermOfOfficeIsNoProvince() {
        let x = Self.extractor.extract(SourceText(documentID: "doc-names", path: "names.txt",
                                                  text: "وانتخب المجلس رئيسا جديدا لولاية مدتها أربع سنوات."))
        XCTAssertFalse(x.entities.contains { $0.type == .place }, "\(x.entities.map(\.labelAr))")
    }

    func testMinistersListedAfterAColon() {
        let p = people("ويرافقه وزراء: الخارجية جان دوبون، والزراعة باسكال لوفان، في جولته.")
        XCTAssertTrue(p.contains("باسكال لوفان"), "\(p)")
    }
}

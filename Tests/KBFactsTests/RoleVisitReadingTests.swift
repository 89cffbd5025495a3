@testable import KBFacts
import XCTest

/// Readings of offices, visits and strikes (invented text): home visits dropped (Extractor+HomeVisits.swift), duties
/// taken on (role.took-duties), a long portfolio (role.minister-of-document-portfolio), a title that is a verb's object
/// (role.after-name), stacked nationality adjectives (attack.strike-adj-verb-first), and the object of a verb after a
/// clause word (RuleEngine+ElidedObject.swift).
final class RoleVisitReadingTests: XCTestCase {
    /// «في اختتام زيارته لعمان» after a Jordanian minister is named: nobody visits his own capital.
    func testNobodyVisitsTheCapitalOfTheStateHeServes() {
        let x = extractInvented("""
            وقال وزير الخارجية الأردني سامي الحداد إن المحادثات كانت مثمرة، في اختتام زيارته لعمان.
            """)
        XCTAssertTrue(x.arrows("HOLDS_ROLE").contains("سامي الحداد → الأردن"), "\(x.arrows("HOLDS_ROLE"))")
        XCTAssertFalse(x.arrows("VISIT").contains("سامي الحداد → عمان"), "\(x.arrows("VISIT"))")
    }

    /// A visit abroad stays.
    func testAVisitAbroadStays() {
        let x = extractInvented("وصل وزير الخارجية الأردني سامي الحداد إلى القاهرة في زيارة رسمية.")
        XCTAssertTrue(x.arrows("VISIT").contains("سامي الحداد → القاهرة"), "\(x.arrows("VISIT"))")
    }

    /// «مندوب روسيا الدائم لدى الأمم المتحدة X»: a state's representative to a body holds an office of the state.
    func testAStatesRepresentativeToABodyServesTheState() {
        let x = extractInvented("وقال مندوب روسيا الدائم لدى الأمم المتحدة كمال داودوف إن الحوار ضروري.")
        XCTAssertTrue(x.arrows("HOLDS_ROLE").contains("كمال داودوف → روسيا"), "\(x.arrows("HOLDS_ROLE"))")
    }

    func testDutiesOfAnOfficeTakenOn() {
        let x = extractInvented("وأعلن الفريق كمال داود، قائد الحرس، أنه يتولى مهام رئيس جمهورية النيجر حتى إجراء الانتخابات.")
        XCTAssertTrue(x.arrows("HOLDS_ROLE").contains("كمال داود → النيجر"), "\(x.arrows("HOLDS_ROLE"))")
    }

    func testALongPortfolioBeforeTheNameGivesTheDocumentsState() {
        let x = extractInvented("""
            تشهد تونس أزمة سياسية. وأكد وزير الشؤون الخارجية والهجرة والمقيمين بالخارج سامي الحداد أن تونس ستتجاوز الأزمة.
            """)
        XCTAssertTrue(x.arrows("HOLDS_ROLE").contains("سامي الحداد → تونس"), "\(x.arrows("HOLDS_ROLE"))")
    }

    /// «استقبل الرئيس X وزير الخارجية الفرنسي»: the title is the guest's, not the host's apposition.
    func testATitleAfterAReceivingVerbsSubjectIsItsObject() {
        let x = extractInvented("واستقبل الرئيس الموريتاني كمال الغزواني وزير الخارجية الفرنسي في نواكشوط.")
        XCTAssertFalse(x.arrows("HOLDS_ROLE").contains("كمال الغزواني → فرنسا"), "\(x.arrows("HOLDS_ROLE"))")
        XCTAssertTrue(x.arrows("HOLDS_ROLE").contains("كمال الغزواني → موريتانيا"), "\(x.arrows("HOLDS_ROLE"))")
    }

    func testTwoStackedNationalityAdjectivesNameTwoAttackers() {
        let x = extractInvented("وقال مسؤول محلي إن غارة فرنسية أمريكية استهدفت مدينة غاو.")
        let attacks = x.arrows("ATTACK")
        XCTAssertTrue(attacks.contains("فرنسا → غاو"), "\(attacks)")
        XCTAssertTrue(attacks.contains("الولايات المتحدة → غاو"), "\(attacks)")
    }

    /// «قبل أن يلتقي وزير الخارجية Y»: one actor after the verb, and nothing after him, is the one met by the
    /// sentence's subject; two actors after it are its subject and object.
    func testTheOneActorAfterAVerbAfterAClauseWordIsItsObject() {
        let x = extractInvented("""
            واستقبل الرئيس التونسي قيس سعيد الوزير المالطي كمال بورغ، قبل أن يلتقي وزير الخارجية الجزائري سامي عطاف.
            """)
        XCTAssertTrue(x.arrows("MEET").contains { $0 == "قيس سعيد → سامي عطاف" || $0 == "سامي عطاف → قيس سعيد" }, "\(x.arrows("MEET"))")
        let y = extractInvented("""
            ووصل الوزير المالطي إلى طرابلس، حيث استقبل رئيس المجلس الأعلى للدولة في ليبيا خالد المشري وزير الخارجية المالطي إيان بورغ.
            """)
        XCTAssertEqual(y.arrows("RECEIVE"), ["خالد المشري → إيان بورغ"])
    }
}

/// Talks: the partner after «مع» behind an envoy's long title, and a topic after «مع» when a dual names the sides.
final class TalksPartnerTests: XCTestCase {
    func testThePartnerAfterAnEnvoysTitleWithTheStateHeServesIn() {
        let x = extractInvented("وبحث رئيس المجلس الرئاسي الليبي محمد المنفي مع سفير الولايات المتحدة لدى ليبيا ريتشارد نورلاند تطورات العملية السياسية.")
        XCTAssertTrue(x.arrows("TALKS").contains("محمد المنفي → ريتشارد نورلاند"), "\(x.arrows("TALKS"))")
    }

    func testWithAfterTheTopicOfTwoSidesIsNoPartner() {
        let x = extractInvented("والتقى الرئيس التونسي قيس سعيد رئيسة الحكومة نجلاء بودن. وناقش الجانبان سبل تعزيز التعاون مع الاتحاد الأوروبي.")
        XCTAssertFalse(x.arrows("TALKS").contains { $0.hasSuffix("→ الاتحاد الأوروبي") }, "\(x.arrows("TALKS"))")
    }
}

/// «توجه X إلى Z للقاء Y»: the meeting a journey is for is planned, unless the document tells it as held
/// (meet.purpose, Extractor+RealisedPlans.swift).
final class PurposePlanTests: XCTestCase {
    func testAJourneysPurposeIsAPlanUnlessTheMeetingIsTold() {
        let x = extractInvented("وغادر الرئيس التونسي قيس سعيد متوجها إلى الجزائر للقاء الرئيس عبد المجيد تبون.")
        XCTAssertTrue(x.arrows("PLANS_MEET").contains("قيس سعيد → عبد المجيد تبون"), "\(x.arrows("PLANS_MEET"))")
        XCTAssertTrue(x.arrows("MEET").isEmpty, "\(x.arrows("MEET"))")
        let y = extractInvented("""
            والتقى الرئيس الجزائري عبد المجيد تبون الرئيس التونسي قيس سعيد في قصر المرادية. وكان سعيد قد غادر تونس صباحا متوجها إلى الجزائر للقاء تبون.
            """)
        XCTAssertTrue(y.arrows("PLANS_MEET").isEmpty, "\(y.arrows("PLANS_MEET"))")
        XCTAssertFalse(y.arrows("MEET").isEmpty)
    }
}

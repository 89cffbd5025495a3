@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Pronouns on verbs (RuleEngine+Pronouns.swift, rules/carry.rules): a contact verb with an object pronoun names
/// its subject after it and its object by the pronoun (`object-pronoun`); a past dual verb, or a dual noun before
/// the trigger, stands for the two people of the last contact (`dual-people`). Invented text.
final class PronounReadingTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-pronoun", path: "pronoun.txt", text: text))
    }
    func fired(_ rule: String, _ text: String) -> Bool {
        let trace = ExtractionTrace()
        _ = Extractor().extract(SourceText(documentID: "doc-pronoun", path: "pronoun.txt", text: text), metadata: nil, trace: trace)
        return trace.lines.values.joined().contains { $0.hasPrefix("rule \(rule) fired") }
    }
    func facts(_ x: DocumentExtraction, _ type: String) -> [String] {
        x.arrows(type)
    }

    static let visitThenReception = """
        وصل وزير الخارجية المصري سامح شكري إلى تونس صباح الأحد في زيارة عمل.
        واستقبله الرئيس التونسي قيس سعيد في قصر قرطاج.
        وبحث الوزيران سبل دعم التعاون الاقتصادي.
        واتفقا على عقد اجتماع جديد في القاهرة الشهر المقبل.
        """

    /// «تم بحثها»: a masdar with a possessive after an auxiliary of the passive, no verb with an object; «بحثا عن»
    /// after «الطرفان» is searching, no act of the two.
    func testAMasdarAfterThePassiveAuxiliaryOrBeforeAnIsNoContact() {
        let text = """
            وصل وزير الخارجية المصري سامح شكري إلى تونس صباح الأحد في زيارة عمل.
            وتناول المؤتمر الملفات التي تم بحثها مع قيادة الجيش الجزائري في وقت سابق.
            وقال الطرفان إن آلاف الشباب يهاجرون بحثا عن العمل.
            """
        let x = extract(text)
        XCTAssertTrue(facts(x, "TALKS").isEmpty, "\(facts(x, "TALKS"))")
        XCTAssertFalse(fired("talks.dual-verb", text))
    }

    /// «واستقبله الرئيس Y»: Y receives the visitor told before, not the other way round.
    func testTheActorAfterAVerbWithAnObjectPronounIsItsSubject() {
        let x = extract(Self.visitThenReception)
        XCTAssertEqual(facts(x, "RECEIVE"), ["قيس سعيد → سامح شكري"])
    }

    /// «والتقاها Y»: the meeting is between Y and the one carried over (her).
    func testMeetWithAnObjectPronoun() {
        let x = extract("""
            وصلت المبعوثة الأممية ستيفاني ويليامز إلى طرابلس أمس.
            والتقاها رئيس المجلس الرئاسي محمد المنفي بحضور وزير الخارجية نجلاء المنقوش.
            """)
        let meet = facts(x, "MEET")
        XCTAssertTrue(meet.contains { $0.hasPrefix("محمد المنفي → ستيفاني") || $0.hasSuffix("→ محمد المنفي") }, "\(meet)")
        XCTAssertFalse(meet.contains { $0.contains("نجلاء المنقوش") }, "\(meet)")
    }

    /// Without a referent told in that sentence or the one before, the pronoun names nobody: no fact.
    func testAnObjectPronounWithoutReferentGivesNothing() {
        let x = extract("""
            واستقبله الرئيس التونسي قيس سعيد في قصر قرطاج.
            """)
        XCTAssertTrue(facts(x, "RECEIVE").isEmpty, "\(facts(x, "RECEIVE"))")
    }

    /// «وبحث الوزيران» after a visit and a reception: talks between the host and the guest; «واتفقا على عقد
    /// اجتماع»: the two plan to meet.
    func testTheTwoSidesOfAReception() {
        let x = extract(Self.visitThenReception)
        let talks = facts(x, "TALKS"), plans = facts(x, "PLANS_MEET")
        XCTAssertTrue(talks.contains("قيس سعيد → سامح شكري") || talks.contains("سامح شكري → قيس سعيد"), "\(talks)")
        XCTAssertTrue(plans.contains("قيس سعيد → سامح شكري") || plans.contains("سامح شكري → قيس سعيد"), "\(plans)")
    }

    /// A future dual verb («وسيعقدان اجتماعا») after a meeting: the two plan to meet again.
    func testAPresentDualVerbIsPlanned() {
        let x = extract("""
            وصل وزير الخارجية المصري سامح شكري إلى تونس، والتقى الرئيس التونسي قيس سعيد.
            وسيعقدان اجتماعا ثانيا غدا.
            """)
        let plans = facts(x, "PLANS_MEET")
        XCTAssertTrue(plans.contains("سامح شكري → قيس سعيد") || plans.contains("قيس سعيد → سامح شكري"), "\(plans)")
    }

    /// A dual verb after a phone call; «بحثا عن» is the masdar (searching), no dual.
    func testADualVerbAfterACall() {
        let x = extract("""
            أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا مع الرئيس الجزائري عبد المجيد تبون.
            وناقشا الوضع على الحدود المشتركة.
            """)
        XCTAssertFalse(facts(x, "TALKS").isEmpty)
        XCTAssertTrue(facts(x, "TALKS").allSatisfy { $0 == "قيس سعيد → عبد المجيد تبون" || $0 == "عبد المجيد تبون → قيس سعيد" }, "\(facts(x, "TALKS"))")
        XCTAssertTrue(fired("talks.dual-verb", """
            أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا مع الرئيس الجزائري عبد المجيد تبون.
            وناقشا الوضع على الحدود المشتركة.
            """))
        XCTAssertFalse(fired("talks.dual-verb", """
            استقبل الرئيس التونسي قيس سعيد وزير الخارجية المصري سامح شكري.
            وخرج السكان بحثا عن الماء.
            """))
    }
}

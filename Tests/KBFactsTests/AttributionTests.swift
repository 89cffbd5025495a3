import KBFacts
import KBGraph
import KBText
import XCTest

/// Reported facts (reported speech, «بحسب …»): sentences invented for these tests.
final class AttributionTests: XCTestCase {
    static let extractor = Extractor()

    func facts(_ text: String, _ type: String) -> [Fact] {
        Self.extractor.extract(SourceText(documentID: "doc-test", path: "test.txt", text: text)).facts.filter { $0.type == type }
    }

    func testReportedSpeechIsAttributedToItsSource() {
        // unnamed sources
        let a = facts("وقالت مصادر مطلعة إن الرئيس التركي رجب طيب أردوغان زار الجزائر يوم الأحد.", "VISIT")
        XCTAssertEqual(a.count, 1)
        XCTAssertEqual(a.first?.attribution, Attribution(source: nil))
        XCTAssertEqual(a.first?.modality, .asserted, "attribution is not a modality")
        // a named agency, the verb before it
        let b = facts("وأفادت وكالة رويترز بأن أردوغان التقى الرئيس الجزائري عبد المجيد تبون في أنقرة.", "MEET")
        XCTAssertEqual(b.first?.attribution, Attribution(source: "org-reuters"))
        // the role of the speaker before the complementiser is not reported
        let roles = facts("وقال الرئيس التركي رجب طيب أردوغان إنه التقى الرئيس الجزائري عبد المجيد تبون.", "HOLDS_ROLE")
        XCTAssertFalse(roles.isEmpty)
        XCTAssertTrue(roles.allSatisfy { $0.attribution == nil })
    }

    func testTheSubjectOfAReportedVerbIsInTheReportedClause() {
        // «قال X إن الاتحاد يدعم Y»: an unnamed subject after «إن» is not the speaker
        let label = { (x: DocumentExtraction) in x.arrows("SUPPORT") }
        XCTAssertEqual(label(extractInvented("وقال وزير الخارجية سامر حداد إن الاتحاد يدعم النيجر في هذه المرحلة.")), [])
        XCTAssertEqual(label(extractInvented("وقال وزير الخارجية سامر حداد إن الاتحاد الأفريقي يدعم النيجر.")),
                       ["الاتحاد الأفريقي → النيجر"])
        // with the pronoun («إنه») the speaker is the subject; «أن» right before the verb is the subjunctive's
        XCTAssertEqual(label(extractInvented("وقال وزير الخارجية سامر حداد إنه يدعم النيجر.")), ["سامر حداد → النيجر"])
        XCTAssertEqual(label(extractInvented("ويريد وزير الخارجية سامر حداد أن يدعم النيجر.")), ["سامر حداد → النيجر"])
    }

    func testAttributionPhraseAnywhereInTheSentence() {
        let a = facts("والتقى أردوغان الرئيس الجزائري عبد المجيد تبون في أنقرة، بحسب وكالة الأناضول.", "MEET")
        XCTAssertEqual(a.first?.attribution, Attribution(source: "org-anadolu"))
        let b = facts("وبحسب مصادر دبلوماسية، زار أردوغان الجزائر سرا.", "VISIT")
        XCTAssertEqual(b.first?.attribution, Attribution(source: nil))
        // an unnamed source before a name: the name is not the source
        let d = facts("وبحسب مصادر إعلامية تركية زار الرئيس التركي رجب طيب أردوغان الجزائر سرا.", "VISIT")
        XCTAssertEqual(d.first?.attribution, Attribution(source: nil))
        let e = facts("وزار أردوغان الجزائر يوم الأحد، وفقا لما ذكرته وكالة رويترز.", "VISIT")
        XCTAssertEqual(e.first?.attribution, Attribution(source: "org-reuters"))
        // "بحسب الاتفاق" names no source: not an attribution
        let c = facts("وزار أردوغان الجزائر بحسب الاتفاق الموقع بين البلدين.", "VISIT")
        XCTAssertEqual(c.count, 1)
        XCTAssertNil(c.first?.attribution)
    }

    func testReportedPlansAndStatedFacts() {
        // a reported plan is planned and reported
        let p = facts("وذكرت مصادر أن أردوغان سيزور الجزائر الأسبوع المقبل.", "PLANS_VISIT")
        XCTAssertEqual(p.first?.modality, .planned)
        XCTAssertNotNil(p.first?.attribution)
        // a fact told before the verb of saying is stated; "بعد أن" is not a complementiser
        let v = facts("وزار أردوغان الجزائر يوم الأحد، وقال إن المحادثات كانت مثمرة.", "VISIT")
        XCTAssertEqual(v.count, 1)
        XCTAssertNil(v.first?.attribution)
        let w = facts("وتحدث أردوغان للصحفيين بعد أن زار الجزائر يوم الأحد.", "VISIT")
        XCTAssertTrue(w.allSatisfy { $0.attribution == nil })
    }

    func testStancesAreAttributedBackgroundTypesAreNot() throws {
        let o = facts("وقال وزير الخارجية الأردني أيمن الصفدي إن بلاده ترفض الموقف الإيراني.", "OPPOSE")
        XCTAssertEqual(o.first?.attribution, Attribution(source: "per-ayman-safadi"))
        XCTAssertTrue(RuleSet.bundled.backgroundTypes.contains("HOLDS_ROLE"))
        var set = RuleSet(lexicon: RuleSet.bundled.lexicon)
        XCTAssertThrowsError(try set.parse("# x\nbackground HOLDS_ROLE NOT_A_TYPE\n", file: "b.rules")) { e in
            XCTAssertEqual((e as? RuleFileError)?.line, 2)
        }
        var fresh = RuleSet(lexicon: RuleSet.bundled.lexicon)
        try fresh.parse("background CAPITAL_OF\n", file: "b.rules")
        XCTAssertEqual(fresh.backgroundTypes, ["CAPITAL_OF"])
    }
}

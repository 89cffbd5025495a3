@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Subject carry-over (`carry-subject` in rules/carry.rules, RuleEngine+CarryOver.swift): a verb that continues the
/// previous sentence's subject, or a masdar with a pronoun suffix, takes the document's earlier subject (invented text).
final class CarryOverTests: XCTestCase {
    func extract(_ text: String) -> DocumentExtraction {
        Extractor().extract(SourceText(documentID: "doc-carry", path: "carry.txt", text: text))
    }
    func facts(_ x: DocumentExtraction, _ type: String) -> [String] {
        x.arrows(type)
    }

    func testAVerbContinuingThePreviousSubject() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر صباح الأحد في زيارة رسمية.
            وبعد ذلك، اجتمع مع رئيس الوزراء الجزائري نذير العرباوي في قصر الحكومة.
            """)
        XCTAssertTrue(facts(x, "MEET").contains("قيس سعيد → نذير العرباوي"), "\(facts(x, "MEET"))")
    }

    /// «دعم» is both «he supported» and «support»: read by a masdar rule after «في», with no suffix, it carries no
    /// subject over from the sentence before; with a pronoun suffix («دعمه») or as a finite verb it does.
    func testAMasdarSpelledLikeAPastVerbCarriesNoSubjectWithoutASuffix() {
        let before = "وزار وزير الخارجية المصري سامر حداد تونس أمس.\n"
        XCTAssertEqual(facts(extract(before + "وأشاد الرئيس التونسي بالدور في دعم ليبيا."), "SUPPORT"), [])
        XCTAssertEqual(facts(extract(before + "وأكد دعمه لليبيا."), "SUPPORT"), ["سامر حداد → ليبيا"])
        XCTAssertEqual(facts(extract(before + "كما دعم ليبيا في المحافل الدولية."), "SUPPORT"), ["سامر حداد → ليبيا"])
    }

    /// «مع X» names whom one meets, never who meets: a subject finder steps over it.
    func testAnObliqueMentionIsNoSubject() {
        let x = extract("التقى مع الرئيس الجزائري عبد المجيد تبون في العاصمة.")
        XCTAssertTrue(facts(x, "MEET").isEmpty, "\(facts(x, "MEET"))")
    }

    /// A carried subject comes from the same or the previous sentence only.
    func testACarriedSubjectDoesNotReachFar() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر صباح الأحد في زيارة رسمية.
            وتعرف العاصمة حركة كثيفة هذه الأيام.
            وتشهد المدينة أيضا أشغالا في الطرق الكبرى.
            وبعد ذلك، اجتمع مع رئيس الوزراء الجزائري نذير العرباوي في قصر الحكومة.
            """)
        XCTAssertFalse(facts(x, "MEET").contains("قيس سعيد → نذير العرباوي"), "\(facts(x, "MEET"))")
    }

    /// A verb whose subject is found right after it (VSO) with its object missing does not carry: the mention
    /// after the verb may be its subject.
    func testAVerbWithAMentionAfterItDoesNotCarry() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر صباح الأحد في زيارة رسمية.
            وقبل ذلك، انتقد السيد برنار ديلون التصريحات الأخيرة.
            """)
        XCTAssertTrue(facts(x, "OPPOSE").isEmpty, "\(facts(x, "OPPOSE"))")
    }

    func testAMasdarWithAPronounSuffix() {
        // the possessor is the nearest actor before the masdar in its sentence
        let y = extract("ويرافق الوزير الجزائري أحمد عطاف الرئيس عبد المجيد تبون في زيارته إلى روما.")
        XCTAssertTrue(facts(y, "VISIT").contains("عبد المجيد تبون → روما"), "\(facts(y, "VISIT"))")
        let x = extract("""
            التقى الرئيس الموريتاني محمد ولد الغزواني رئيس الوزراء المالي شوغيل مايغا في نواكشوط.
            وتأتي هذه الخطوة بعد شهرين من زيارته إلى داكار.
            """)
        XCTAssertTrue(facts(x, "VISIT").contains { $0.contains("الغزواني") && $0.hasSuffix("→ داكار") }, "\(facts(x, "VISIT"))")
    }

    /// A masdar without a suffix, a verb whose subject is named before it, and a first sentence carry nothing.
    func testNothingToCarry() {
        XCTAssertTrue(facts(extract("وتأتي الزيارة إلى داكار بعد شهرين من التحضير."), "VISIT").isEmpty)
        let x = extract("""
            التقى الرئيس الموريتاني محمد ولد الغزواني رئيس الوزراء المالي شوغيل مايغا في نواكشوط.
            وتأتي زيارة إلى داكار ضمن جولة إقليمية.
            """)
        XCTAssertFalse(facts(x, "VISIT").contains { $0.contains("الغزواني") }, "\(facts(x, "VISIT"))")
    }

    /// The pronoun on «استقباله» is the one received, not the host: RECEIVE carries only from a verb.
    func testTheMasdarOfAReceptionCarriesNothing() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر صباح الأحد.
            وجرى استقباله من قبل السفير الفرنسي برنار ديلون.
            """)
        XCTAssertFalse(facts(x, "RECEIVE").contains("قيس سعيد → برنار ديلون"), "\(facts(x, "RECEIVE"))")
    }

    /// «وبحث الزعيمان …»: the two people of the last meeting told; nothing without one.
    func testTheTwoPeopleOfTheLastMeeting() {
        let x = extract("""
            التقى الرئيس التونسي قيس سعيد الرئيس الجزائري عبد المجيد تبون في الجزائر العاصمة.
            وبحث الزعيمان العلاقات الثنائية وسبل تطويرها.
            """)
        let talks = facts(x, "TALKS")
        XCTAssertTrue(talks.contains { $0.contains("قيس سعيد") && $0.contains("تبون") }, "\(talks)")
        let y = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر العاصمة.
            وبحث الزعيمان العلاقات الثنائية وسبل تطويرها.
            """)
        XCTAssertTrue(facts(y, "TALKS").isEmpty, "\(facts(y, "TALKS"))")
    }

    /// As subject only, one fact for each of the two.
    func testEachOfTheTwoPeopleSupports() {
        let x = extract("""
            واستقبل وزير الخارجية الأردني أيمن الصفدي نظيره المصري بدر عبد العاطي في عمان.
            وجدد الوزيران الترحيب بمبادرة الجامعة العربية.
            """)
        let support = facts(x, "SUPPORT")
        XCTAssertTrue(support.contains { $0.contains("الصفدي") && $0.contains("العربية") }, "\(support)")
        XCTAssertTrue(support.contains { $0.contains("عبد العاطي") && $0.contains("العربية") }, "\(support)")
    }

    /// «بين البلدين»: the two states of the last visit; a third state named by an adjective only («الأزمة الليبية»)
    /// is a topic and keeps them, one named by name is a side and leaves no pair.
    func testTheTwoStatesBesideATopic() {
        let x = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر في زيارة رسمية.
            وتناول اللقاء العلاقات الثنائية بين البلدين، والتعاون الأمني، والأزمة الليبية.
            """)
        XCTAssertTrue(facts(x, "COOPERATE").contains { $0.contains("تونس") && $0.contains("الجزائر") }, "\(facts(x, "COOPERATE"))")
        let y = extract("""
            وصل الرئيس التونسي قيس سعيد إلى الجزائر في زيارة رسمية.
            وتناول اللقاء العلاقات الثنائية بين البلدين، والتعاون الأمني، والوضع في ليبيا.
            """)
        XCTAssertTrue(facts(y, "COOPERATE").isEmpty, "\(facts(y, "COOPERATE"))")
    }

    /// «…، ثم زار وهران»: a verb right after a clause word with no actor after it continues the sentence's subject,
    /// never the nearest name before the clause word (the one who invited).
    func testAVerbAfterAClauseWordTakesTheSentencesSubject() {
        let x = extract("وصل الرئيس التونسي قيس سعيد إلى الجزائر، بدعوة من الرئيس عبد المجيد تبون، ثم زار وهران.")
        let visits = facts(x, "VISIT")
        XCTAssertTrue(visits.contains("قيس سعيد → وهران"), "\(visits)")
        XCTAssertFalse(visits.contains { $0.contains("تبون") }, "\(visits)")
    }

    /// Reported speech: the speaker at the sentence's start is not the subject of the reported clause's verbs.
    func testTheSpeakerIsNotTheSentencesSubject() {
        let x = extract("قال الرئيس التونسي قيس سعيد إن الوزير نبيل عمار وصل إلى الجزائر، ثم زار وهران.")
        let visits = facts(x, "VISIT")
        XCTAssertFalse(visits.contains("قيس سعيد → وهران"), "\(visits)")
        XCTAssertTrue(visits.contains { $0.contains("عمار") && $0.hasSuffix("وهران") }, "\(visits)")
    }

    /// A person right after the verb is its own subject (VSO).
    func testAnActorAfterTheClauseWordIsTheVerbsOwn() {
        let x = extract("وصل الرئيس التونسي قيس سعيد إلى الجزائر، ثم وصل الرئيس الموريتاني محمد ولد الغزواني إلى وهران.")
        let visits = facts(x, "VISIT")
        XCTAssertFalse(visits.contains("قيس سعيد → وهران"), "\(visits)")
        XCTAssertTrue(visits.contains { $0.contains("الغزواني") && $0.hasSuffix("وهران") }, "\(visits)")
    }

    /// After a relative pronoun the subject is its antecedent right before it, or none: never a name further back.
    func testAVerbAfterARelativeTakesItsAntecedent() {
        let x = extract("التقى الرئيس التونسي قيس سعيد الرئيس الجزائري عبد المجيد تبون الذي وصل تونس أمس.")
        XCTAssertTrue(facts(x, "VISIT").contains("عبد المجيد تبون → تونس"), "\(facts(x, "VISIT"))")
        let y = extract("وعقد الرئيس التونسي قيس سعيد اجتماعا مع الملك المغربي الذي وصل الرباط صباح الأحد.")
        XCTAssertFalse(facts(y, "VISIT").contains { $0.hasPrefix("قيس سعيد") }, "\(facts(y, "VISIT"))")
    }

    /// «وكذا بحث مع Y»: a clause link; the talks are the sentence subject's, not those of the place before it.
    func testAClauseLinkBeforeTheVerb() {
        let x = extract("والتقى الرئيس التونسي قيس سعيد خلال زيارته للجزائر عددا من الوزراء، وكذا بحث مع الرئيس عبد المجيد تبون العلاقات الثنائية.")
        let talks = facts(x, "TALKS")
        XCTAssertTrue(talks.contains("قيس سعيد → عبد المجيد تبون"), "\(talks)")
        XCTAssertFalse(talks.contains { $0.hasPrefix("الجزائر") }, "\(talks)")
    }

    func testTheDirectiveIsParsedWithErrors() throws {
        var set = RuleSet(lexicon: WordLexicon())
        try set.parse("carry-subject VISIT\ncarry-subject-verb RECEIVE\n", file: "x.rules")
        XCTAssertEqual(set.carrySubjectTypes, ["VISIT"])
        XCTAssertEqual(set.carrySubjectVerbTypes, ["RECEIVE"])
        XCTAssertThrowsError(try set.parse("carry-subject NOPE\n", file: "y.rules")) { e in
            XCTAssertEqual((e as? RuleFileError)?.line, 1)
        }
        XCTAssertTrue(RuleSet.bundled.carrySubjectTypes.contains("VISIT"))
    }
}

/// «رفض» after a verb of saying is the masdar: the speaker is not the one who opposes (invented text).
final class MasdarAfterSpeechTests: XCTestCase {
    func oppose(_ text: String) -> [String] {
        let x = Extractor().extract(SourceText(documentID: "doc-masdar", path: "masdar.txt", text: text))
        let label = Dictionary(x.entities.map { ($0.id, $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        return x.facts.filter { $0.type == "OPPOSE" }.map { "\(label[$0.subject] ?? $0.subject) → \(label[$0.object] ?? $0.object)" }
    }

    func testTheSpeakerIsNotTheSubjectOfTheMasdar() {
        let facts = oppose("وأكد وزير الخارجية الجزائري أحمد عطاف رفض الحكومة المالية للوساطة الفرنسية.")
        XCTAssertFalse(facts.contains { $0.hasPrefix("أحمد عطاف") }, "\(facts)")
        let own = oppose("وأكد وزير الخارجية الجزائري أحمد عطاف رفض الجزائر للتدخل الفرنسي في شؤون مالي.")
        XCTAssertTrue(own.contains { $0.hasPrefix("الجزائر") && $0.contains("فرنسا") }, "\(own)")
        XCTAssertFalse(own.contains { $0.hasPrefix("أحمد عطاف") }, "\(own)")
    }

    /// With a complementiser the word is the verb again, and so is a verb with no verb of saying before it.
    func testTheVerbReadingStays() {
        XCTAssertFalse(oppose("وأكد الوزير الجزائري أحمد عطاف أن الجزائر رفضت التدخل الفرنسي.").isEmpty)
        XCTAssertFalse(oppose("ورفضت الجزائر التدخل الفرنسي في شؤون مالي.").isEmpty)
    }
}

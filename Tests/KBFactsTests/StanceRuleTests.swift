import KBFacts
import XCTest

/// Stances as news Arabic states them (rules/stance.rules, ties.rules, wider.rules, conflict.rules: the rules13
/// additions): calls on a party to stop, welcomes of a party's act, sharp words, rebutted accusations, diplomatic rows,
/// votes of confidence, aid sent. Invented text.
final class StanceRuleTests: XCTestCase {
    func facts(_ text: String, _ type: String) -> [String] { extractInvented(text).arrows(type) }

    func testACallOnAPartyToStopOpposesIt() {
        XCTAssertEqual(facts("وطالب الاتحاد الأوروبي روسيا بسحب قواتها من أوكرانيا.", "OPPOSE"), ["الاتحاد الأوروبي → روسيا"])
        // a call with no party addressed opposes no one
        XCTAssertEqual(facts("ودعت الجامعة العربية إلى وقف القتال في السودان.", "OPPOSE"), [])
        // a council asked to make a war stop is not the party opposed
        XCTAssertEqual(facts("وطالبت الجامعة العربية مجلس الأمن الدولي بوقف العدوان على غزة.", "OPPOSE"), [])
    }

    func testWelcomingAPartysInitiativeSupportsIt() {
        XCTAssertEqual(facts("ورحبت الجزائر بمبادرة قطر.", "SUPPORT"), ["الجزائر → قطر"])
        XCTAssertEqual(facts("ورحبت الجزائر بالمبادرة.", "SUPPORT"), [])
    }

    func testASharpOnslaughtInWordsIsOpposition() {
        XCTAssertEqual(facts("وشن الرئيس الإريتري أسياس أفورقي هجوما لاذعا على إثيوبيا.", "OPPOSE"), ["أسياس أفورقي → إثيوبيا"])
        // a force's attack is armed, not words
        XCTAssertEqual(facts("وشنت قوات الدعم السريع هجوما على الفاشر.", "OPPOSE"), [])
    }

    func testACriticWithALongTitleBeforeTheName() {
        // the critic is the name after the three-word title, the criticised the state after it (was: the critic as object)
        XCTAssertEqual(facts("وانتقد وزير الخارجية الإيراني عباس عراقجي فرنسا بسبب موقفها.", "OPPOSE"), ["عباس عراقجي → فرنسا"])
    }

    func testRebuttedAccusationsNameTheirAuthorAsAccuser() {
        XCTAssertEqual(facts("ورفضت الحكومة الإثيوبية اتهامات السودان.", "ACCUSE"), ["السودان → إثيوبيا"])
        // the singular masdar's genitive is the accused
        XCTAssertEqual(facts("وجددت الحكومة الإثيوبية اتهام السودان بدعم المتمردين.", "ACCUSE"), ["إثيوبيا → السودان"])
    }

    func testAMutualRecallIsADiplomaticRow() {
        XCTAssertEqual(facts("وتبادلت تونس وليبيا سحب السفيرين.", "TENSION_WITH"), ["تونس → ليبيا"])
        XCTAssertEqual(facts("وكانت إيران والسعودية قد تبادلتا إبعاد الدبلوماسيين.", "TENSION_WITH"), ["إيران → السعودية"])
        XCTAssertEqual(facts("وتبادلت الجزائر وفرنسا الوفود الرسمية.", "TENSION_WITH"), [])
    }

    func testMutualAccusationsAreTension() {
        XCTAssertEqual(facts("وتبادلت وسائل الإعلام الاتهامات المتبادلة بين السودان وتشاد.", "TENSION_WITH"), ["السودان → تشاد"])
    }

    func testTheTwoCountriesOfADocumentThatNamesTwo() {
        // «بين البلدين» with no visit or meeting told: the document's two states
        let two = "أعلنت كندا استدعاء سفيرها لدى المكسيك. وقالت وزارة الخارجية الكندية إن القرار جاء بعد تصريحات مسؤولين في الحكومة المكسيكية. ويعد هذا التوتر الأخير في العلاقات الثنائية بين البلدين الأول منذ عقود."
        XCTAssertEqual(facts(two, "TENSION_WITH"), ["كندا → المكسيك"])
        // three states named: which two is not told
        let three = two.replacingOccurrences(of: "في الحكومة المكسيكية", with: "في البرازيل والمكسيك")
        XCTAssertEqual(facts(three, "TENSION_WITH"), [])
    }

    func testAConfidenceVoteSupportsTheHeadOfTheGovernment() {
        // «للحكومة الجديدة، برئاسة X»: the government is no name, its head is
        XCTAssertEqual(facts("ومنح البرلمان العراقي الثقة للحكومة الجديدة، برئاسة محمد شياع السوداني، بأغلبية الأصوات.", "SUPPORT"),
                       ["البرلمان العراقي → محمد شياع السوداني"])
    }

    func testRescueTeamsSentAreSupport() {
        XCTAssertEqual(facts("وبعثت الكويت فرق إغاثة إلى الأردن.", "SUPPORT"), ["الكويت → الأردن"])
    }
}

import KBFacts
import XCTest

/// Stance and tie constructions of news Arabic (rules17: stance.rules, ties.rules): the speaker's country as the
/// masdar's genitive, the supported named by an adjective, votes, condemned acts and their agents, tensions told verb
/// first, competitors, allies. Invented text.
final class StanceConstructionTests: XCTestCase {
    func facts(_ text: String, _ type: String) -> [String] { extractInvented(text).arrows(type) }

    func testHisCountrysSupportIsTheCountrysNotTheSpeakers() {
        // was: the speaker himself as the supporter
        XCTAssertEqual(facts("وأكد وزير الخارجية التركي هاكان فيدان دعم بلاده للحكومة الصومالية.", "SUPPORT"),
                       ["تركيا → الحكومة الصومالية"])
        XCTAssertEqual(facts("وجدد رئيس الوزراء الجزائري نذير العرباوي تأييد بلاده لتونس.", "SUPPORT"), ["الجزائر → تونس"])
        // a cause, not a party
        XCTAssertEqual(facts("وأكد وزير الخارجية التركي هاكان فيدان دعم بلاده للحوار.", "SUPPORT"), [])
    }

    func testTheSupportedNamedByTheAdjectiveOfItsPeopleOrStance() {
        XCTAssertEqual(facts("وأعلنت ماليزيا دعمها للشعب الفلسطيني.", "SUPPORT"), ["ماليزيا → فلسطين"])
        XCTAssertEqual(facts("وأكد البيان تأييد الكويت للموقف السعودي.", "SUPPORT"), ["الكويت → السعودية"])
        XCTAssertEqual(facts("وأكد البيان تأييد الكويت للموقف العربي.", "SUPPORT"), [])
    }

    func testAVoteForOrAgainstAStatesMotion() {
        XCTAssertEqual(facts("وصوتت الصين لصالح مشروع القرار البرازيلي.", "SUPPORT"), ["الصين → البرازيل"])
        XCTAssertEqual(facts("وصوتت بريطانيا ضد المقترح الروسي.", "OPPOSE"), ["المملكة المتحدة → روسيا"])
        XCTAssertEqual(facts("وصوتت بريطانيا ضد المقترح.", "OPPOSE"), [])
        XCTAssertEqual(facts("وصوتت بريطانيا ضد المقترح الروسي.", "SUPPORT"), [])
    }

    func testACondemnedActOpposesTheAgentNamedInTheRelativeClause() {
        XCTAssertEqual(facts("واستنكرت قطر الغارات التي شنها الجيش الإسرائيلي على لبنان.", "OPPOSE"), ["قطر → الجيش الإسرائيلي"])
        // a proposal rejected names no opponent
        XCTAssertEqual(facts("ورفضت السعودية الخطة التي قدمتها إيران.", "OPPOSE"), [])
    }

    func testTensionToldBeforeTheRelations() {
        XCTAssertEqual(facts("وساءت علاقات المغرب مع ألمانيا قبل عامين.", "TENSION_WITH"), ["المغرب → ألمانيا"])
        XCTAssertEqual(facts("وتطورت علاقات المغرب مع ألمانيا قبل عامين.", "TENSION_WITH"), [])
    }

    func testCompetitorsAreRivals() {
        XCTAssertEqual(facts("ويتنافس العراق والسعودية على استضافة القمة.", "RIVAL_OF"), ["العراق → السعودية"])
        XCTAssertEqual(facts("ويتنافس العراق على استضافة القمة.", "RIVAL_OF"), [])
    }

    func testAnAllyWithThePronounOfTheOtherParty() {
        XCTAssertEqual(facts("وفرضت الولايات المتحدة وحليفتها بريطانيا عقوبات جديدة.", "ALLY_OF"), ["الولايات المتحدة → المملكة المتحدة"])
    }
    func testTensionNamedBeforeTheRelationsBetweenTwoParties() {
        XCTAssertEqual(facts("ويأتي الاجتماع وسط توتر دبلوماسي متصاعد منذ أشهر تشهده العلاقات بين الهند وباكستان.", "TENSION_WITH"),
                       ["الهند → باكستان"])
        // (was: a crisis of one clause, «بين» in the next)
        XCTAssertEqual(facts("ويأتي الاجتماع وسط أزمة اقتصادية، لتطوير العلاقات بين الهند وباكستان.", "TENSION_WITH"), [])
    }

    func testRelationsWithAPartyGovernedByBa() {
        XCTAssertEqual(facts("وتشهد علاقات بوركينا فاسو بفرنسا فتورا واضحا.", "TENSION_WITH"), ["بوركينا فاسو → فرنسا"])
    }

    func testAStatesSeatInAnOrganisationIsItsMembership() {
        XCTAssertEqual(facts("وطالبت الحكومة باستعادة مقعد السودان في الاتحاد الأفريقي.", "MEMBER_OF"), ["السودان → الاتحاد الأفريقي"])
        XCTAssertEqual(facts("واستعادت غينيا مقعدها في منظمة التعاون الإسلامي.", "MEMBER_OF"),
                       ["غينيا → منظمة التعاون الإسلامي"])
        // the capital stands for its state
        XCTAssertEqual(facts("وتحدث الوزير عن السودان. وطالبت الحكومة باستعادة مقعد الخرطوم في الاتحاد الأفريقي.", "MEMBER_OF"),
                       ["السودان → الاتحاد الأفريقي"])
        XCTAssertEqual(facts("وجلس الوزير في مقعده بالقاعة.", "MEMBER_OF"), [])
    }

    func testJointDrillsAreMilitaryCooperation() {
        XCTAssertEqual(facts("واختتمت مناورات بحرية مشتركة بين مصر واليونان.", "COOPERATE"), ["مصر → اليونان"])
        XCTAssertEqual(facts("ونفذت السعودية تدريبات جوية مشتركة مع باكستان.", "COOPERATE"), ["السعودية → باكستان"])
        XCTAssertEqual(facts("ونفذ الجيشان المصري والسوداني تدريبات مشتركة قرب الحدود.", "COOPERATE"), ["مصر → السودان"])
        XCTAssertEqual(facts("ونفذت السعودية تدريبات جوية قرب الحدود.", "COOPERATE"), [])
    }
    func testAStateAndItsOwnGovernmentAreOneParty() {
        // was: Mauritania supporting the Mauritanian government (the nearest state before the aid)
        XCTAssertEqual(facts("وتعهدت اليابان مع موريتانيا بتقديم معونات للحكومة الموريتانية.", "SUPPORT"), [])
        XCTAssertEqual(facts("وأعلنت الأردن تقديم مساعدات للحكومة الأردنية.", "SUPPORT"), [])
        XCTAssertEqual(facts("وأعلنت الكويت تقديم مساعدات للحكومة الأردنية.", "SUPPORT"), ["الكويت → الحكومة الأردنية"])
    }
    func testARefusalAfterAPrepositionIsTheMasdarWithItsAgent() {
        // was: the ministry opposing its own state (the verb reading of «رفض»)
        XCTAssertEqual(facts("وأعربت الخارجية المغربية عن رفض المغرب القاطع للتصريحات الجزائرية.", "OPPOSE"), ["المغرب → الجزائر"])
    }
    func testMoreWaysToStateSupport() {
        // «الجانب Y(adj)» is the state; was: the subject carried from the sentence before
        XCTAssertEqual(facts("وأكدت تونس موقفها. وأكد الجانب التركي دعمه للحكومة الليبية.", "SUPPORT"), ["تركيا → الحكومة الليبية"])
        // the supporter as the adjective after «بدعم»
        XCTAssertEqual(facts("وتحظى الحكومة اليمنية بدعم سعودي.", "SUPPORT"), ["السعودية → اليمن"])
        // seeking to support
        XCTAssertEqual(facts("وتسعى الصين إلى دعم الحكومة الباكستانية.", "SUPPORT"), ["الصين → باكستان"])
        // the speaker's country stands by
        // (was: the minister himself)
        XCTAssertEqual(facts("وأكد وزير الخارجية العماني بدر البوسعيدي وقوف بلاده إلى جانب لبنان.", "SUPPORT"), ["سلطنة عمان → لبنان"])
    }
    func testAfterARelativeTheResumingPronounIsTheObject() {
        // was: the antecedent supporting the state named after the verb
        XCTAssertEqual(facts("وانسحبت قوات حركة الشباب التي تدعمها إريتريا من المدينة.", "SUPPORT"), ["إريتريا → حركة الشباب المجاهدين"])
        XCTAssertEqual(facts("وقال الجيش الوطني الليبي الذي تعارضه تركيا إن الهدنة صامدة.", "OPPOSE"), ["تركيا → الجيش الوطني الليبي"])
        // no actor after the verb: the antecedent is its subject, the pronoun someone else
        XCTAssertEqual(facts("وانسحبت قوات حركة الشباب التي تدعمه من المدينة.", "SUPPORT"), [])
    }
    func testThePartyLoyalToAnotherSupportsIt() {
        XCTAssertEqual(facts("وأعلن حزب الله الموالي لإيران مسؤوليته.", "SUPPORT"), ["حزب الله → إيران"])
        XCTAssertEqual(facts("وسيطرت القوات الموالية للحكومة على عدن.", "SUPPORT"), [])
    }
    func testEveryStateOfAListBeforeTheWordIsAMember() {
        // was: the last of the list only
        XCTAssertEqual(facts("وكانت موريتانيا وتشاد أعضاء في مجموعة دول الساحل الخمس.", "MEMBER_OF").sorted(),
                       ["تشاد → مجموعة دول الساحل الخمس", "موريتانيا → مجموعة دول الساحل الخمس"])
    }
    func testAnAgreementDiscussedSoughtOrRejectedIsNoneMade() {
        // was: an agreement between the two sides of the talks
        XCTAssertEqual(facts("وناقش وزير الخارجية الأردني أيمن الصفدي اتفاق المياه مع وزير الخارجية السوري أسعد الشيباني.", "AGREEMENT"), [])
        XCTAssertEqual(facts("وتسعى الصومال إلى اتفاق مع كينيا حول الحدود البحرية.", "AGREEMENT"), [])
        XCTAssertEqual(facts("ورفضت ليبيا الاتفاق مع اليونان.", "AGREEMENT"), [])
        XCTAssertEqual(facts("وأنجزت الصومال اتفاقا مع كينيا حول الحدود البحرية.", "AGREEMENT"), ["الصومال → كينيا"])
    }
    func testTheSpeakerIsNotTheSupporterInTheClauseSheReports() {
        // was: the United Nations supporting the forces it warns about
        XCTAssertEqual(facts("وحذرت الأمم المتحدة من أن الدعم الخارجي لحركة الشباب يهدد الصومال.", "SUPPORT"), [])
        // her own support, the pronoun on the masdar
        XCTAssertEqual(facts("وأكدت اليابان أن دعمها للصومال مستمر.", "SUPPORT"), ["اليابان → الصومال"])
    }
    func testAllyingWithAParty() {
        XCTAssertEqual(facts("وتتحالف حركة العدل والمساواة مع الجيش السوداني منذ أشهر.", "ALLY_OF"), ["حركة العدل والمساواة → القوات المسلحة السودانية"])
        XCTAssertEqual(facts("وعقدت تركيا تحالفا عسكريا مع أذربيجان.", "ALLY_OF"), ["تركيا → أذربيجان"])
        XCTAssertEqual(facts("وعقدت تركيا تحالفا عسكريا قبل عامين.", "ALLY_OF"), [])
    }
    func testTwoPartiesJoinedAsTheSubjectOfTheirCrisis() {
        XCTAssertEqual(facts("وتخوض إريتريا وإثيوبيا نزاعا حدوديا منذ عقود.", "TENSION_WITH"), ["إريتريا → إثيوبيا"])
        // a crisis they discuss, settle or speak about is not theirs
        XCTAssertEqual(facts("وناقشت إريتريا وإثيوبيا الأزمة في السودان.", "TENSION_WITH"), [])
        XCTAssertEqual(facts("وتعمل إريتريا وإثيوبيا على احتواء التوتر في السودان.", "TENSION_WITH"), [])
        XCTAssertEqual(facts("وقالت إريتريا وإثيوبيا إن الأزمة في السودان خطيرة.", "TENSION_WITH"), [])
    }
    func testAccusationsByTheAccusersAdjective() {
        XCTAssertEqual(facts("وتجددت الاتهامات الإثيوبية لمصر بدعم المتمردين.", "ACCUSE"), ["إثيوبيا → مصر"])
    }
    func testTheTargetOfACondemnedActIsNotTheOpposed() {
        // was: Qatar opposing the organisation attacked, Oman the country whose affairs are meddled in
        XCTAssertEqual(facts("واستنكرت قطر الهجوم على مقر الاتحاد الأفريقي.", "OPPOSE"), [])
        XCTAssertEqual(facts("ورفضت سلطنة عمان التدخل في شؤون اليمن.", "OPPOSE"), [])
        XCTAssertEqual(facts("واستنكرت قطر الاعتداء الإيراني على السفارة.", "OPPOSE"), ["قطر → إيران"])
    }
    func testHisCountryAfterABareTitleWithItsNationality() {
        // no name: the nationality of the title (was: no supporter)
        XCTAssertEqual(facts("وجدد الوزير البحريني دعم بلاده للحكومة اللبنانية.", "SUPPORT"), ["البحرين → الحكومة اللبنانية"])
        XCTAssertEqual(facts("وجدد المتحدث دعم بلاده للحكومة اللبنانية.", "SUPPORT"), [])
    }
}

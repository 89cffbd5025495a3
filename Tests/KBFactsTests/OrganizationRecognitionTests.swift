@testable import KBFacts
import KBGraph
import KBText
import XCTest

/// Organisations found from head nouns, outlets, summits and short forms, on sentences written for these tests.
final class OrganizationRecognitionTests: XCTestCase {
    static let extractor = Extractor()

    func entities(_ text: String, _ type: EntityType) -> Set<String> {
        let x = Self.extractor.extract(SourceText(documentID: "doc-org", path: "org.txt", text: text))
        return Set(x.entities.filter { $0.type == type }.map(\.labelAr))
    }

    /// Each of `names` is found as an entity of `type` in `text`.
    func assertFinds(_ text: String, _ type: EntityType, _ names: String..., file: StaticString = #filePath,
                     line: UInt = #line) {
        let found = entities(text, type)
        for name in names { XCTAssertTrue(found.contains(name), "\(name) not in \(found)", file: file, line: line) }
    }

    /// No organisation found in `text` is `bad` (any, by default).
    func assertNoOrganisation(_ text: String, file: StaticString = #filePath, line: UInt = #line,
                              _ bad: (String) -> Bool = { _ in true }) {
        let found = entities(text, .organization)
        XCTAssertFalse(found.contains(where: bad), "\(text): \(found)", file: file, line: line)
    }

    func testQuotedNamesAfterAnOrganisationHeadNoun() {
        assertFinds("وأكد المتحدث أن عناصر تابعة لكتيبة «صقور الوادي» انسحبت من المعبر.", .organization, "صقور الوادي")
        assertFinds("ونقلت صحيفة «الأنباء» عن مصدر أمني أن الطريق أغلق.", .organization, "الأنباء")
        assertFinds("وذكرت «النهار العربي» أن الوفد غادر، ونقلت «نبض الشمال» عن شهود قولهم إن الطريق أغلق.", .organization,
                    "النهار العربي", "نبض الشمال")
        // a gazetteer place inside the quotes is part of the name
        assertFinds("وقاتلت سرايا «ثوار بنغازي» إلى جانب الجيش.", .organization, "ثوار بنغازي")
        // a platform the gazetteer knows with its head is no organisation of the graph
        let platform = entities("ونشر القائد صورا على موقع \"إكس\" مساء أمس.", .organization)
        XCTAssertTrue(platform.isEmpty, "\(platform)")
    }

    func testQuotedNamesAfterANamingWordAndCoordinated() {
        assertFinds("واتهمت الحكومة الحركتين المدعوتين \"نور\" و\"فجر\" بتمويل الاحتجاجات.", .organization, "نور", "فجر")
        assertFinds("وتبنت الجماعة المسلحة المعروفة باسم «رايات الجنوب» الهجوم.", .organization, "رايات الجنوب")
    }

    func testQuotedWordsWithoutAHeadOrNamingWordAreNoOrganisation() {
        let orgs = entities("ورفع المحتجون شعار «الخبز والكرامة» وقال أحدهم «سنعود غدا».", .organization)
        XCTAssertTrue(orgs.isEmpty, "\(orgs)")
        // a definite head before the quote is a description, not a name
        let speech = entities("وأضاف بيان للحركة «إن المفاوضات متعثرة».", .organization)
        XCTAssertFalse(speech.contains { $0.contains("المفاوضات") }, "\(speech)")
    }

    func testTheOutletADatelineCredits() {
        assertFinds("النهار المغاربي (الرباط) - وصل وزير الخارجية الإسباني إلى الرباط أمس.", .organization, "النهار المغاربي")
        assertFinds("الرباط - (الساحل الجديد) وصل وزير الخارجية الإسباني إلى المغرب أمس.", .organization, "الساحل الجديد")
        assertFinds("المرصد الأطلسي : أكد وزير الخارجية الإسباني دعم بلاده للحوار.", .organization, "المرصد الأطلسي")
        assertFinds("نواكشوط: الصباح الموريتاني وصل وزير الخارجية الإسباني إلى نواكشوط أمس.", .organization, "الصباح الموريتاني")
        // a title before a colon, and a colon before speech, name no outlet
        let none = entities("الوزير: أكد أن الحوار مستمر. وقال المتحدث: الحوار مستمر.", .organization)
        XCTAssertTrue(none.isEmpty, "\(none)")
    }

    func testAMinistryNamedByItsDomainWithoutTheArticle() {
        assertFinds("وأعلنت وزارة داخلية الحكومة المؤقتة اعتقال خمسة مشتبه بهم.", .organization, "وزارة داخلية")
    }

    func testALatinAcronymBeforeAPersonsNameInTitleCase() {
        let orgs = entities("ووزعت الصورة التي التقطتها REUTERS Samir Haddad على الصحف أمس.", .organization)
        XCTAssertTrue(orgs.contains("REUTERS"), "\(orgs)")
        XCTAssertFalse(orgs.contains { $0.contains("Samir") }, "\(orgs)")
    }

    func testCurrentsAndFundsAreOrganisationHeads() {
        assertFinds("وانتقد التيار الصدري قرار الحكومة، فيما رحب تيار المستقبل به.", .organization, "التيار الصدري", "تيار المستقبل")
        assertFinds("وقدم صندوق التنمية الخليجي قرضا جديدا.", .organization, "صندوق التنمية الخليجي")
        let things = entities("وتوجه الناخبون إلى صندوق الاقتراع رغم انقطاع التيار الكهربائي.", .organization)
        XCTAssertTrue(things.isEmpty, "\(things)")
    }

    func testABodyOfANamedOrganisationOrMeeting() {
        assertFinds("وعقدت اللجنة التحضيرية لمؤتمر نواكشوط اجتماعها الأول أمس.", .organization, "اللجنة التحضيرية لمؤتمر نواكشوط")
        assertFinds("وانتخبت اللجنة المركزية لحركة التجديد أمينا عاما جديدا.", .organization, "اللجنة المركزية لحركة التجديد")
    }

    func testSummitsNamedByAdjectivesOrHostAndPurpose() {
        assertFinds("وتستعد العاصمة لاحتضان القمة الخليجية بعد أسابيع من القمة الروسية الإفريقية.", .organization, "القمة الخليجية", "القمة الروسية الإفريقية")
        assertFinds("ويشارك الوزير في مؤتمر روما للتنمية والاستثمار الذي يفتتح غدا.", .organization, "مؤتمر روما للتنمية والاستثمار")
        // an adjective that only describes the meeting names nothing
        let press = entities("وقال الوزير في المؤتمر الصحفي إن القمة الطارئة ستعقد قريبا.", .organization)
        XCTAssertTrue(press.isEmpty, "\(press)")
    }

    func testOutletsNamedWithATrailerOrACountry() {
        assertFinds("ونقل موقع تونس نيوز عن تلفزيون تشاد أن الطريق أغلق.", .organization, "تونس نيوز", "تلفزيون تشاد")
        // the outlet noun with its preposition stays out of the name; "بريس" is another spelling of "برس"
        assertFinds("وأكدت مصادر رسمية لشبكة سهول بريس أن الصفقة تمت.", .organization, "سهول بريس")
    }

    func testAnOutletNamedByItsTownAndANewsWord() {
        assertFinds("وبثت قناة دمشق الإخبارية صورا للموكب، فيما نقلت قناة عمان الفضائية الخبر.", .organization, "قناة دمشق الإخبارية", "قناة عمان الفضائية")
        // the town alone after the outlet head stays the town
        assertFinds("ووصل مراسل القناة إلى دمشق أمس.", .place, "دمشق")
    }

    func testADerivedVerbalNounAfterADefiniteHeadIsItsActionNotItsName() {
        XCTAssertTrue(EntityRecognizer.isDerivedMasdar("الانتشار") && EntityRecognizer.isDerivedMasdar("الاستقرار"))
        XCTAssertFalse(EntityRecognizer.isDerivedMasdar("الانتقالي"), "an adjective")
        let orgs = entities("وبدأ الجيش الانتشار للتمركز في المواقع الجديدة.", .organization)
        XCTAssertFalse(orgs.contains { $0.contains("الانتشار") }, "\(orgs)")
    }

    func testEmbassiesNaviesAndGovernmentsByAdjective() {
        let orgs = entities("وقالت السفارة الكندية إن البحرية الروسية رصدت سفينة قرب القاعدة البحرية الإيطالية.", .organization)
        XCTAssertTrue(orgs.contains("السفارة الكندية"), "\(orgs)")
        XCTAssertTrue(orgs.contains("البحرية الروسية"), "\(orgs)")
        XCTAssertFalse(orgs.contains("البحرية الإيطالية"), "a naval base, not the navy: \(orgs)")
    }

    func testBareInstitutionAfterAStatementWord() {
        assertFinds("وأعلنت الرئاسة أن الاجتماع تأجل، وأفاد بيان الخارجية بأن السفير استدعي.", .organization, "الرئاسة", "الخارجية")
        // an adjective of policy is no ministry
        let policy = entities("وتغيرت السياسة الخارجية للبلاد خلال العقد الماضي.", .organization)
        XCTAssertTrue(policy.isEmpty, "\(policy)")
    }

    func testACourtAGuardAndAProsecutionNamedByOneModifier() {
        assertFinds("وأعلن الديوان الملكي وفاة الأمير مساء أمس.", .organization, "الديوان الملكي")
        assertFinds("وقال الحرس الوطني إنه تصدى لمحاولة تسلل.", .organization, "الحرس الوطني")
        assertFinds("وأعلنت النيابة العامة فتح تحقيق في الحادث.", .organization, "النيابة العامة")
    }

    func testAnInstitutionsAdjectiveAndItsPurpose() {
        assertFinds("وأعلنت اللجنة العليا للانتخابات موعد الاقتراع.", .organization, "اللجنة العليا للانتخابات")
        assertFinds("وقالت المديرية العامة للأمن الوطني إنها أوقفت مشتبها.", .organization, "المديرية العامة للأمن الوطني")
        assertFinds("وأكد الاتحاد العام التونسي للشغل رفضه للقرار.", .organization, "الاتحاد العام التونسي للشغل")
        assertFinds("وأعلنت مديرية الأمن العام القبض على المتهم.", .organization, "مديرية الأمن العام")
        // the year is no part of a name, nor a description's complement
        assertNoOrganisation("وعقد الحزب العام الماضي مؤتمره الأول.") { $0.contains("العام") }
    }

    func testTheCabinetAHeadOfGovernmentLeadsIsTheState() {
        assertNoOrganisation("واستقبل رئيس مجلس الوزراء العراقي وفدا من رجال الأعمال.") { $0.contains("مجلس الوزراء") }
        XCTAssertTrue(entities("واستقبل رئيس مجلس الوزراء العراقي وفدا من رجال الأعمال.", .place).contains("العراق"))
        assertFinds("ووافق مجلس الوزراء العراقي على مشروع القانون.", .organization, "مجلس الوزراء العراقي")
    }

    func testAMovementNamedForTheLandItFightsFor() {
        assertFinds("وأعلنت الحركة الشعبية لتحرير السودان موقفها من الاتفاق.", .organization, "الحركة الشعبية لتحرير السودان")
        assertFinds("وأكد جيش تحرير السودان أنه صد الهجوم.", .organization, "جيش تحرير السودان")
        // a purpose that governs no place is no part of the name
        assertNoOrganisation("وتحركت القوات المسلحة لتحرير الرهائن فجر اليوم.") { $0.contains("تحرير") }
    }

    func testAlQaedaNamedAloneWhereItsMenOrAlliesAreSpokenOf() {
        assertFinds("وقالت إن الجماعات المرتبطة بالقاعدة تنشط في الصحراء.", .organization, "تنظيم القاعدة")
        assertFinds("واتهم الوزير الحكومة بإيواء قادة القاعدة منذ سنوات.", .organization, "تنظيم القاعدة")
        // a base, a rule
        for text in ["ووصل الجنود إلى القاعدة العسكرية قرب الحدود.", "وهبطت الطائرة في القاعدة صباحا.",
                     "وأكد أن القاعدة الأساسية هي احترام القانون."] {
            assertNoOrganisation(text) { $0 == "تنظيم القاعدة" }
        }
    }

    func testAFeminineCounterpartOfAnInstitutionIsThatInstitutionOfAnotherCountry() {
        assertFinds("وأبلغت الخارجية الجيبوتية نظيرتها السودانية بتأجيل اللقاء.", .organization,
                    "الخارجية الجيبوتية", "نظيرتها السودانية")
        assertFinds("واتصلت وزارة الخارجية المصرية بنظيرتها الليبية لبحث الأزمة.", .organization, "نظيرتها الليبية")
        // a person's counterpart is no institution
        assertNoOrganisation("والتقت رئيسة الوزراء الإيطالية نظيرتها الفرنسية في روما.")
    }

    func testOneOutletWhateverItsMedium() {
        let orgs = entities("وقالت قناة الفجر إن القصف استمر، ونشر موقع الفجر صورا من المكان.", .organization)
        XCTAssertEqual(orgs, ["قناة الفجر"])
    }

    func testBareInstitutionOfASpokesmanASourceOrAnOwner() {
        assertFinds("وقال متحدث الرئاسة السفير سامي العلي إن الزيارة ناجحة.", .organization, "الرئاسة")
        assertFinds("وصدر عن الخارجية بيان يدين الهجوم على القافلة.", .organization, "الخارجية")
        assertFinds("ونشر الموقع الإلكتروني للرئاسة نص المرسوم كاملا.", .organization, "الرئاسة")
        // the office one runs for, and a title after the bare word with an adjective, are no institution
        assertNoOrganisation("وأعلن المحامي ترشحه للرئاسة في الانتخابات المقبلة.")
        assertNoOrganisation("وقال متحدث الرئاسة الفرنسية إن القمة تأجلت.") { $0 == "الرئاسة" }
    }

    func testDescriptionsAreNotOrganisations() {
        let orgs = entities("وهاجمت مجموعة مسلحة قافلة، فيما تراجعت حركة التجارة الدولية، وأعلنت الهيئة المسؤولة عن تنظيم الانتخابات موعدا.",
                            .organization)
        XCTAssertFalse(orgs.contains("مجموعة مسلحة"), "\(orgs)")
        XCTAssertFalse(orgs.contains { $0.hasPrefix("حركة التجارة") }, "\(orgs)")
        XCTAssertFalse(orgs.contains("الهيئة المسؤولة"), "\(orgs)")
        XCTAssertFalse(orgs.contains("تنظيم الانتخابات"), "\(orgs)")
    }

    func testLatinBoilerplateAndPeopleAreNotOrganisations() {
        let orgs = entities("Facebook social icon Twitter X social icon وقالت Maria Rossi لوكالة REUTERS عند الساعة 9 GMT إن عناصر Africa Corps وصلوا.",
                            .organization)
        XCTAssertTrue(orgs.contains { $0.hasSuffix("REUTERS") }, "\(orgs)")
        XCTAssertTrue(orgs.contains("Africa Corps"), "\(orgs)")
        XCTAssertFalse(orgs.contains { $0.contains("social") || $0.contains("Maria") || $0 == "GMT" }, "\(orgs)")
    }

    func testThePresidencyOfAGovernmentNamedByItsCountry() {
        assertFinds("وأصدرت رئاسة الحكومة المغربية بلاغا حول الموسم الفلاحي.", .organization, "رئاسة الحكومة المغربية")
        // also where the gazetteer reads the government as its country
        assertFinds("ونفت رئاسة الحكومة التونسية الخبر جملة وتفصيلا.", .organization, "رئاسة الحكومة التونسية")
        // the government alone by its adjective, acting, stays the country
        let gov = entities("وأصدرت الحكومة المغربية بلاغا حول الموسم الفلاحي.", .organization)
        XCTAssertFalse(gov.contains { $0.contains("الحكومة") }, "\(gov)")
    }

    func testAGovernmentAPrepositionGovernsIsAnOrganisation() {
        // given to, served in: the body itself (guessed, and the gazetteer's entry)
        assertFinds("وقدم البنك الدولي قرضا جديدا للحكومة العراقية لدعم الموازنة.", .organization, "الحكومة العراقية")
        assertFinds("وكان قد عمل وزيرا للنقل في الحكومة الإسبانية قبل عامين.", .organization, "الحكومة الإسبانية")
        assertFinds("وتعهد المانحون بتقديم منح مالية للحكومة التونسية هذا العام.", .organization, "الحكومة التونسية")
        // acting, led, or acted with: the state
        for text in ["وقررت الحكومة العراقية تأجيل موعد الاقتراع.", "ووصل رئيس الحكومة العراقية إلى عمان أمس.",
                     "وبحث الوفد مع الحكومة التونسية ملف الهجرة."] {
            assertNoOrganisation(text) { $0.contains("الحكومة") }
        }
        XCTAssertTrue(entities("وقررت الحكومة العراقية تأجيل موعد الاقتراع.", .place).contains("العراق"))
    }
}

/// Words the labeller may not put inside a person's name, on sentences written for these tests.
final class ModelPersonWordTests: XCTestCase {
    func testPrepositionOnTheArticleAndVerbalNounWithPronounAreNoNameWords() {
        let r = EntityRecognizer(gazetteer: Gazetteer.bundled)
        for w in ["بالمملكه", "للرئيس", "والحكومه", "لابلاغه", "باعلانها", "وكذا"] {
            XCTAssertFalse(r.modelNameWord(w, inPerson: true), w)
        }
        for w in ["باسكال", "لافروف", "بلقاسم", "ابراهيم"] {
            XCTAssertTrue(r.modelNameWord(w, inPerson: true), w)
        }
    }
}

/// Error classes of the ninth round, on sentences written for these tests.
final class OrganizationRecognitionRound9Tests: XCTestCase {
    func entities(_ text: String, _ type: EntityType) -> Set<String> {
        let x = OrganizationRecognitionTests.extractor.extract(SourceText(documentID: "doc-org9", path: "org9.txt", text: text))
        return Set(x.entities.filter { $0.type == type }.map(\.labelAr))
    }

    func testStateSecurityCouncilIsNotTheUNBody() {
        let orgs = entities("وبحث مجلس الأمن القومي التركي الوضع على الحدود.", .organization)
        XCTAssertFalse(orgs.contains("مجلس الأمن الدولي"), "\(orgs)")
        let local = entities("وعقد مجلس الأمن الوطني اجتماعا في العاصمة.", .organization)
        XCTAssertFalse(local.contains("مجلس الأمن الدولي"), "\(local)")
        // counter-examples: the short name and its qualified forms stay the UN body
        XCTAssertTrue(entities("ويجتمع مجلس الأمن غدا لبحث الأزمة.", .organization).contains("مجلس الأمن الدولي"))
        XCTAssertTrue(entities("وطالب مجلس الأمن الدولي بوقف القتال.", .organization).contains("مجلس الأمن الدولي"))
    }

    func testSudanSecurityServiceUnderItsFormerName() {
        let orgs = entities("واعتقل جهاز الأمن والمخابرات الوطني عددا من الناشطين.", .organization)
        XCTAssertTrue(orgs.contains("جهاز المخابرات العامة السوداني"), "\(orgs)")
        XCTAssertFalse(orgs.contains("جهاز الأمن"), "\(orgs)")
    }

    func testNameAfterACoordinatedPortfolioAndNationality() {
        let people = entities("واستقبل وزير الخارجية والتعاون الدولي الموريتاني سالم ولد حمودي نظيره أمس.", .person)
        XCTAssertTrue(people.contains("سالم ولد حمودي"), "\(people)")
        let people2 = entities("وقال وزير الداخلية والجماعات المحلية التونسي منير الطرابلسي إن الوضع هادئ.", .person)
        XCTAssertTrue(people2.contains("منير الطرابلسي"), "\(people2)")
    }

    func testMinistryWithTwoPortfolios() {
        let orgs = entities("وأصدرت وزارة الخارجية وشؤون المغتربين الأردنية بيانا.", .organization)
        XCTAssertTrue(orgs.contains("وزارة الخارجية وشؤون المغتربين الأردنية"), "\(orgs)")
        let orgs2 = entities("وقالت وزارة الخارجية والتعاون الدولي إن الوفد وصل.", .organization)
        XCTAssertTrue(orgs2.contains("وزارة الخارجية والتعاون الدولي"), "\(orgs2)")
        // counter-example: a second body after «و» is not a portfolio
        let two = entities("ونسقت وزارة الخارجية والسفارة الأمريكية الزيارة.", .organization)
        XCTAssertTrue(two.contains("السفارة الأمريكية"), "\(two)")
    }

    func testGovernmentNamedByWhoAppointedIt() {
        let orgs = entities("وأعلنت الحكومة الليبية المكلفة من البرلمان رفضها للاتفاق.", .organization)
        XCTAssertTrue(orgs.contains("حكومة الاستقرار الوطني"), "\(orgs)")
    }

    func testPartyNameKeepsItsHeadAfterAClitic() {
        let orgs = entities("وقال الأمين العام لحزب جبهة التحرير الوطني إن الحزب جاهز.", .organization)
        XCTAssertTrue(orgs.contains("حزب جبهة التحرير الوطني"), "\(orgs)")
    }
}

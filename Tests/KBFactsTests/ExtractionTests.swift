import KBFacts
import KBGraph
import KBText
import XCTest

/// Extraction on sentences written for these tests (not taken from the seeds or the dev corpus).
final class ExtractionTests: XCTestCase {
    static let extractor = Extractor()

    func extract(_ text: String, published: String? = nil) -> DocumentExtraction {
        var meta: DocumentMetadata? = nil
        if let p = published { meta = DocumentMetadata(url: nil, outlet: nil, published: p, title: nil) }
        return Self.extractor.extract(SourceText(documentID: "doc-test", path: "test.txt", text: text), metadata: meta)
    }

    func entity(_ x: DocumentExtraction, _ label: String) -> Entity? {
        x.entities.first { $0.labelAr == label || $0.surfaceForms.contains(label) }
    }

    func facts(_ x: DocumentExtraction, _ type: String) -> [(String, String, Fact)] {
        let idx = Dictionary(x.entities.map { ($0.id, $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        return x.facts.filter { $0.type == type }.map { (idx[$0.subject] ?? "?", idx[$0.object] ?? "?", $0) }
    }

    func testGazetteerLoadsAndCoversTheRegion() {
        let g = Gazetteer.bundled
        XCTAssertGreaterThan(g.entries.count, 500)
        XCTAssertEqual(Set(g.entries.map(\.id)).count, g.entries.count, "gazetteer ids must be unique")
        for name in ["ليبيا", "النيجر", "تشاد", "السودان", "مالي", "موسكو", "نيامي", "الاتحاد الأفريقي"] {
            XCTAssertFalse(g.lookupName(Gazetteer.key(name)).isEmpty, name)
        }
        for e in g.entries {
            if let p = e.partOf { XCTAssertNotNil(g.entry(id: p), "\(e.id) part_of \(p)") }
            if let c = e.capitalOf { XCTAssertNotNil(g.entry(id: c), "\(e.id) capital_of \(c)") }
            if let q = e.wikidata { XCTAssertTrue(q.hasPrefix("Q"), e.id) }
        }
    }

    func testCliticsAreSplitButNamesStayWhole() {
        let x = extract("وصل الوفد إلى موسكو، ثم توجه وزير الخارجية لبنغازي حيث تنشط مجموعة فاغنر وقوات أخرى.")
        XCTAssertNotNil(x.entities.first { $0.labelEn == "Moscow" })
        XCTAssertNotNil(x.entities.first { $0.labelEn == "Benghazi" })
        XCTAssertNotNil(x.entities.first { $0.labelEn == "Wagner Group" })
        let y = extract("وقال مسؤول إن وموسكو وأنقرة تتفقان.")
        XCTAssertNotNil(y.entities.first { $0.labelEn == "Moscow" }, "وموسكو should be found as موسكو")
    }

    func testUnknownPersonFromRolePhraseDoesNotSwallowTheVerb() {
        let x = extract("وقال وزير الداخلية المالي داودا كوليبالي يستقبل نظيره في باماكو.")
        let p = x.entities.first { $0.type == .person }
        XCTAssertEqual(p?.labelAr, "داودا كوليبالي")
        XCTAssertFalse(x.entities.contains { $0.labelAr.contains("يستقبل") })
    }

    func testSurnameAndTitleMentionsLinkToTheFullName() {
        let x = extract("التقى وزير الدفاع التشادي إسحاق مالوا جاموس بوفد روسي. وقال الجنرال جاموس إن التعاون مستمر. وأضاف جاموس أن الزيارة ناجحة.")
        let people = x.entities.filter { $0.type == .person }
        XCTAssertEqual(people.count, 1, "\(people.map(\.labelAr))")
        XCTAssertEqual(people.first?.mentionCount, 3)
    }

    func testNigerAdjectiveResolvedByContext() {
        let x = extract("وصل الرئيس إلى العاصمة النيجيرية نيامي في زيارة رسمية.")
        XCTAssertNotNil(x.entities.first { $0.labelEn == "Niger" })
        XCTAssertNil(x.entities.first { $0.labelEn == "Nigeria" })
        let y = extract("وصل الرئيس إلى العاصمة النيجيرية أبوجا في زيارة رسمية.")
        XCTAssertNotNil(y.entities.first { $0.labelEn == "Nigeria" })
        XCTAssertNil(y.entities.first { $0.labelEn == "Niger" })
    }

    func testVisitWithDateAndInvitation() {
        let x = extract("وصل رئيس الوزراء السوداني كامل إدريس يوم الأحد 3 آب/ أغسطس 2025 إلى القاهرة بدعوة رسمية من الرئيس عبد الفتاح السيسي.")
        let visits = facts(x, "VISIT")
        XCTAssertEqual(visits.count, 1, "\(visits.map { ($0.0, $0.1) })")
        XCTAssertEqual(visits.first?.1, "القاهرة")
        XCTAssertEqual(visits.first?.2.date?.value, "2025-08-03")
        XCTAssertEqual(facts(x, "INVITE").first?.1, visits.first?.0)
    }

    func testPlannedVisitIsNotAVisit() {
        let x = extract("ويخطط الرئيس محمد بازوم للسفر إلى باريس الشهر المقبل.")
        XCTAssertTrue(facts(x, "VISIT").isEmpty)
        XCTAssertEqual(facts(x, "PLANS_VISIT").count, 1)
        XCTAssertEqual(facts(x, "PLANS_VISIT").first?.2.modality, .planned)
    }

    func testDatesInEveryWrittenForm() {
        func date(_ s: String, _ pub: String? = nil) -> String? {
            extract("زار الرئيس عبد المجيد تبون روما \(s).", published: pub).facts.first { $0.type == "VISIT" }?.date?.value
        }
        XCTAssertEqual(date("في 31 مايو 2024م"), "2024-05-31")
        XCTAssertEqual(date("في ٧ أغسطس ٢٠١٨"), "2018-08-07")
        XCTAssertEqual(date("في مايو 23, 2025"), "2025-05-23")
        XCTAssertEqual(date("في تشرين الأول/ أكتوبر 2023"), "2023-10")
        XCTAssertEqual(date("في مارس الماضي", "2024-06-10"), "2024-03")
        XCTAssertEqual(date("في نوفمبر الماضي", "2024-06-10"), "2023-11")
        XCTAssertEqual(date("في مارس الماضي"), "--03")
        XCTAssertEqual(date("عام 2019"), "2019")
    }

    func testControlsAndCapital() {
        let x = extract("ويسيطر الجيش الوطني الليبي على مدينة سبها في جنوب البلاد. وزار الوفد طرابلس، عاصمة ليبيا.")
        XCTAssertEqual(facts(x, "CONTROLS").first?.1, "سبها")
        XCTAssertEqual(facts(x, "CAPITAL_OF").first?.0, "طرابلس")
    }

    func testFactsCarryProvenanceRuleAndConfidence() {
        let text = "عنوان\n\nاستقبل الرئيس التونسي قيس سعيد رئيسة الوزراء الإيطالية جورجيا ميلوني في قصر قرطاج."
        let x = extract(text)
        let r = facts(x, "RECEIVE")
        XCTAssertEqual(r.count, 1)
        guard let f = r.first?.2 else { return }
        let scalars = Array(text.unicodeScalars)
        let sentence = String(String.UnicodeScalarView(scalars[f.provenance.sentenceBegin..<f.provenance.sentenceEnd]))
        XCTAssertEqual(sentence, f.provenance.sentence)
        XCTAssertEqual(f.rule, "receive.verb")
        XCTAssertGreaterThan(f.confidence, 0.5)
        XCTAssertLessThanOrEqual(f.confidence, 1)
    }

    func testSameInputGivesSameIDs() {
        let a = extract("التقى وزير الخارجية الروسي سيرغي لافروف نظيره المالي عبد الله ديوب في موسكو.")
        let b = extract("التقى وزير الخارجية الروسي سيرغي لافروف نظيره المالي عبد الله ديوب في موسكو.")
        XCTAssertEqual(a.entities.map(\.id), b.entities.map(\.id))
        XCTAssertEqual(a.facts.map(\.id), b.facts.map(\.id))
    }

    func testSpellingVariantsOfOnePersonLinkWithoutMergingRelatives() {
        let x = extract("التقى وزير الدفاع الروسي يونس بيك يفكوروف بالقادة. وقال يفكيروف إن التعاون مستمر. وكان يفكوريف قد زار بنغازي.")
        let people = x.entities.filter { $0.type == .person }
        XCTAssertEqual(people.count, 1, "\(people.map(\.labelAr))")
        XCTAssertEqual(people.first?.mentionCount, 3)
        let y = extract("التقى المشير خليفة حفتر بنجله صدام حفتر، ثم وصل خالد حفتر إلى بنغازي.")
        let haftars = Set(y.entities.filter { $0.type == .person }.map(\.id))
        XCTAssertEqual(haftars.count, 3, "\(haftars)")
    }

    func testKinshipGivesChildOf() {
        let x = extract("والتقى المشير خليفة حفتر بالوفد. وقال نجل حفتر بلقاسم إن المشاريع مستمرة.")
        let kin = facts(x, "CHILD_OF")
        XCTAssertEqual(kin.count, 1)
        XCTAssertEqual(kin.first?.1, "خليفة حفتر")
        XCTAssertEqual(kin.first?.0, "بلقاسم حفتر", "the gazetteer knows the son by his full name")
    }
    // MARK: Rules of issue 3 (sentences invented for these tests: other countries and people than the corpora)

    /// (subject, object) of the facts of a type, by English label where the gazetteer has one.
    func pairs(_ x: DocumentExtraction, _ type: String) -> [String] {
        let idx = Dictionary(x.entities.map { ($0.id, $0.labelEn ?? $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        return x.facts.filter { $0.type == type }.map { "\(idx[$0.subject] ?? "?") -> \(idx[$0.object] ?? "?")" }
    }

    func testSupportFromStandingByMasdarAndAid() {
        XCTAssertEqual(pairs(extract("وأكدت قطر وقوفها إلى جانب الشعب الصومالي في هذه المرحلة."), "SUPPORT"), ["Qatar -> Somalia"])
        XCTAssertEqual(pairs(extract("وجدد البيان دعم تركيا لسيادة الصومال ووحدة أراضيه."), "SUPPORT"), ["Turkey -> Somalia"])
        XCTAssertEqual(pairs(extract("وتلقت أوكرانيا مساعدات عسكرية من ألمانيا خلال العام الماضي."), "SUPPORT"), ["Germany -> Ukraine"])
        // "إلى جانب" alone ("in addition to") is not support
        XCTAssertTrue(pairs(extract("وحضر الاجتماع وزير الخارجية القطري إلى جانب السفير التركي في مقديشو."), "SUPPORT").isEmpty)
    }

    func testAccusationVerbAndMasdar() {
        XCTAssertEqual(pairs(extract("واتهمت إثيوبيا مصر بدعم جماعات مسلحة في المنطقة."), "ACCUSE"), ["Ethiopia -> Egypt"])
        // a capital stands for its government (the fact is kept when the country is named in the document)
        let x = extract("وتدهورت علاقات إيران مع الغرب. وجاء ذلك على خلفية اتهام طهران للولايات المتحدة بالتدخل في شؤونها.")
        XCTAssertEqual(pairs(x, "ACCUSE").count, 1)
        XCTAssertTrue(pairs(x, "ACCUSE").first?.hasPrefix("Iran") == true, "\(pairs(x, "ACCUSE"))")
    }

    func testArrestAttackAndAttemptedAttack() {
        let a = extract("واعتقل الجيش المالي الوزير السابق موسى كوناتي في باماكو.")
        XCTAssertEqual(pairs(a, "ARREST"), ["Malian Armed Forces -> موسى كوناتي"])
        let b = extract("وشنت جماعة بوكو حرام هجوما على مدينة مايدوغوري النيجيرية.")
        XCTAssertEqual(pairs(b, "ATTACK").count, 1)
        XCTAssertEqual(pairs(b, "LOCATED_IN").count, 1, "مدينة X النيجيرية: the city is in Nigeria")
        // an attempted attack is hostility, not an attack
        let c = extract("وندد البيان بمحاولة الاتحاد الأوروبي الاعتداء على سيادة صربيا.")
        XCTAssertTrue(pairs(c, "ATTACK").isEmpty)
        // "قُتل" is also the passive: no killer is guessed from the words before it
        XCTAssertTrue(extract("وقال الرئيس التشادي محمد ديبي إن قتل الصحفي محمد علي جريمة.").facts.filter { $0.type == "KILLED" }.isEmpty)
    }

    func testDeploymentsNeedAForceAndAPlace() {
        XCTAssertEqual(pairs(extract("ونشرت تركيا قوات في الصومال منذ سنوات."), "DEPLOYED_IN"), ["Turkey -> Somalia"])
        XCTAssertEqual(pairs(extract("وقال مسؤولون إن حركة الشباب تنشط في جنوب الصومال."), "DEPLOYED_IN"), ["Al-Shabaab -> Somalia"])
        // publishing photos is not deploying; a parliament voting on a deployment deploys nothing
        XCTAssertTrue(pairs(extract("ونشر وزير الخارجية الكيني صورا من زيارته إلى الصومال."), "DEPLOYED_IN").isEmpty)
        XCTAssertTrue(pairs(extract("وصوت البرلمان الألماني على القرار القاضي بنشر وحدة عسكرية في مالي."), "DEPLOYED_IN").isEmpty)
    }

    func testEndingCooperationIsNotCooperation() {
        let x = extract("وقررت بوركينا فاسو إلغاء اتفاقية التعاون العسكري مع فرنسا.")
        XCTAssertEqual(pairs(x, "ENDS_COOPERATION"), ["Burkina Faso -> France"])
        XCTAssertTrue(pairs(x, "COOPERATE").isEmpty)
        XCTAssertTrue(pairs(x, "AGREEMENT").isEmpty)
    }

    func testBetweenTheTwoCountriesAndConflicts() {
        let x = extract("واستقبل الرئيس السنغالي ماكي سال نظيره الموريتاني محمد ولد الغزواني، وبحثا تعزيز التعاون بين البلدين.")
        XCTAssertEqual(pairs(x, "COOPERATE"), ["Senegal -> Mauritania"])
        // fields of cooperation discussed are a topic
        XCTAssertTrue(pairs(extract("وناقش الوزير السنغالي في نواكشوط مجالات التعاون بين البلدين."), "COOPERATE").isEmpty)
        let y = extract("وتتواصل منذ أشهر اشتباكات الجيش التشادي وحركة الشباب.")
        XCTAssertEqual(pairs(y, "OPPOSE"), ["Chadian National Army -> Al-Shabaab"], "one fact, the side named first as subject")
    }

    func testCityInCountryAndGenericArmyLinking() {
        XCTAssertEqual(pairs(extract("ووقعت الهجمات في مدينة كيدال في مالي."), "LOCATED_IN"), ["Kidal -> Mali"])
        let x = extract("وأعلن الجيش التشادي انتهاء العملية. وقال المتحدث باسم القوات المسلحة إن الوضع مستقر.")
        XCTAssertEqual(x.entities.filter { $0.type == .organization }.map(\.id), ["org-chad-army"],
                       "a generic army phrase is the only army the document names")
    }

    func testPlansAreNotEvents() {
        let x = extract("ويزور الرئيس الفرنسي إيمانويل ماكرون الجزائر الأسبوع المقبل.")
        XCTAssertTrue(pairs(x, "VISIT").isEmpty)
        XCTAssertEqual(pairs(x, "PLANS_VISIT"), ["Emmanuel Macron -> Algeria"])
        let y = extract("وقال الرئيس الكيني ويليام روتو إنه سيلتقي الرئيس الأوغندي يويري موسيفيني في كمبالا.")
        XCTAssertTrue(pairs(y, "MEET").isEmpty)
    }
    func testDelegationListedInTheNextSentenceVisitsToo() {
        let x = extract("ووصل وفد مصري رفيع إلى الخرطوم في زيارة رسمية. ويضم الوفد وزير الخارجية بدر عبد العاطي ووزير الري هاني سويلم.")
        XCTAssertEqual(Set(pairs(x, "VISIT")), ["Badr Abdelatty -> Khartoum", "هاني سويلم -> Khartoum"])
        // without a visit before, a delegation's members go nowhere
        XCTAssertTrue(pairs(extract("ويضم الوفد وزير الخارجية بدر عبد العاطي."), "VISIT").isEmpty)
    }

    func testCounterpartAndPronounSubjects() {
        let x = extract("""
            استقبل وزير الخارجية الموريتاني محمد سالم ولد مرزوك نظيره المصري بدر عبد العاطي في نواكشوط. \
            ويتضمن جدول أعمال زيارة عبد العاطي لقاء مع نظيره الموريتاني، ثم لقاء مع الرئيس محمد ولد الغزواني.
            """)
        // "نظيره الموريتاني" is the person named before with a Mauritanian role; every meeting of the agenda is the visitor's
        XCTAssertEqual(Set(pairs(x, "PLANS_MEET")), ["Badr Abdelatty -> محمد سالم ولد مرزوك", "Badr Abdelatty -> Mohamed Ould Ghazouani"])
        XCTAssertTrue(pairs(x, "MEET").isEmpty, "an agenda is a plan")
        let y = extract("وقال وزير الخارجية الموريتاني محمد سالم ولد مرزوك إنه سيلتقي الرئيس السنغالي بصيرو ديوماي فاي في دكار.")
        XCTAssertEqual(pairs(y, "PLANS_MEET"), ["محمد سالم ولد مرزوك -> بصيرو ديوماي فاي"])
    }

    func testKnownLeadersHoldTheirOfficeWithoutACountryInTheTitle() {
        // (the country must be named in the document: a fact links entities of the document)
        let x = extract("واستقبل الرئيس بولا تينوبو في أبوجا وفدا من رجال الأعمال لبحث الاستثمار في نيجيريا.")
        XCTAssertEqual(pairs(x, "HOLDS_ROLE"), ["Bola Tinubu -> Nigeria"])
        // a rank is not an office, and an unknown person gets nothing from the gazetteer
        XCTAssertTrue(pairs(extract("وقال العقيد محمد ولد الغزواني إن الوضع مستقر."), "HOLDS_ROLE").isEmpty)
        XCTAssertTrue(pairs(extract("وقال الرئيس عثمان ولد محمد إن الوضع مستقر."), "HOLDS_ROLE").isEmpty)
    }
    func testKnownCapitalStackedOfficesAndBilateralCooperation() {
        XCTAssertEqual(pairs(extract("ووصل الوزير إلى العاصمة نواكشوط في زيارة تستمر يومين إلى موريتانيا."), "CAPITAL_OF"),
                       ["Nouakchott -> Mauritania"])
        let x = extract("وصل رئيس المجلس العسكري الانتقالي في تشاد القائد العام للجيش التشادي الجنرال محمد إدريس ديبي إلى باريس.")
        XCTAssertTrue(pairs(x, "HOLDS_ROLE").contains("Mahamat Déby -> Chadian National Army"), "\(pairs(x, "HOLDS_ROLE"))")
        // the army, and the council the first title names (role.head-of-body); a council is no organ of the state
        // (GOV_BODY): the state its name places it in is not the office's (RolesStateBody.swift)
        XCTAssertEqual(pairs(x, "HOLDS_ROLE").count, 2, "\(pairs(x, "HOLDS_ROLE"))")
        XCTAssertTrue(pairs(x, "HOLDS_ROLE").contains { $0.hasPrefix("Mahamat Déby -> ") && $0.contains("المجلس العسكري") || $0.contains("Military Council") },
                      "\(pairs(x, "HOLDS_ROLE"))")
        XCTAssertEqual(pairs(extract("وأكد الرئيسان الغاني والإيفواري أهمية التعاون الثنائي."), "COOPERATE"), ["Ghana -> Ivory Coast"])
    }

    func testJuntaTakingPowerAndForcesLeaving() {
        let x = extract("وفرضت الإيكواس عقوبات على المجلس العسكري الغيني الذي استولى على السلطة في غينيا عام 2021.")
        XCTAssertEqual(pairs(x, "CONTROLS").count, 1)
        XCTAssertTrue(pairs(x, "CONTROLS").first?.hasSuffix("-> Guinea") == true)
        XCTAssertEqual(pairs(extract("وغادرت القوات الفرنسية تشاد في يناير."), "WITHDRAW_FROM"), ["French Armed Forces -> Chad"])
        XCTAssertEqual(pairs(extract("وأعلنت مجموعة فاغنر أنها تنهي وجودها في ليبيا."), "WITHDRAW_FROM"), ["Wagner Group -> Libya"])
        // a president leaving a capital is travelling
        XCTAssertTrue(pairs(extract("وغادر الرئيس التشادي محمد ديبي باريس مساء الأحد."), "WITHDRAW_FROM").isEmpty)
    }
    func testVerbSubjectObjectSigningStatesAsPartiesAndDenials() {
        XCTAssertEqual(pairs(extract("وتدعم الإمارات قوات الدعم السريع بالسلاح بحسب تقرير أممي."), "SUPPORT"),
                       ["United Arab Emirates -> Rapid Support Forces"])
        let denied = extract("ونفت الإمارات تقديم أي دعم عسكري لقوات الدعم السريع.").facts.filter { $0.type == "SUPPORT" }
        XCTAssertEqual(denied.map(\.modality), [.negated])
        let signed = extract("ووقعت مصر والسعودية اتفاقية للتعاون في مجال الطاقة.")
        XCTAssertEqual(pairs(signed, "AGREEMENT"), ["Egypt -> Saudi Arabia"])
        XCTAssertTrue(pairs(signed, "COOPERATE").isEmpty, "an agreement for cooperation is the agreement")
        XCTAssertEqual(pairs(extract("وتسعى الجزائر إلى تعزيز التعاون الاقتصادي مع تونس."), "COOPERATE"), ["Algeria -> Tunisia"])
        XCTAssertEqual(pairs(extract("واعتقلت السلطات التونسية المعارض راشد الغنوشي في أبريل 2023."), "ARREST"), ["Tunisia -> Rached Ghannouchi"])
        XCTAssertEqual(pairs(extract("وكانت فرنسا قد سحبت قواتها من مالي عام 2022."), "WITHDRAW_FROM"), ["France -> Mali"])
        XCTAssertEqual(Set(pairs(extract("وتنتشر قوات فيلق إفريقيا الروسي في بوركينا فاسو والنيجر."), "DEPLOYED_IN")),
                       ["Africa Corps -> Burkina Faso", "Africa Corps -> Niger"])
        XCTAssertEqual(pairs(extract("وقال الناطق باسم الجيش إن قوات الدعم السريع هاجمت مدينة الأبيض صباح اليوم."), "ATTACK").count, 1)
        // the organisation of the killed man is not his killer ("قُتل القيادي في حركة X")
        XCTAssertTrue(pairs(extract("وقتل القيادي في حركة حماس إسماعيل هنية في طهران."), "KILLED").isEmpty)
        let m = extract("ويلتقي وزير الخارجية التركي هاكان فيدان نظيره المصري بدر عبد العاطي في القاهرة غدا.")
        XCTAssertEqual(pairs(m, "PLANS_MEET"), ["Hakan Fidan -> Badr Abdelatty"])
        XCTAssertTrue(m.facts.filter { $0.type == "HOLDS_ROLE" }.allSatisfy { $0.modality == .asserted }, "an office is not planned")
    }
    func testReceptionCommitteeCounterpartsAbroadAndStatesBySide() {
        let x = extract("""
            وصل رئيس الوزراء الإثيوبي آبي أحمد إلى نيروبي في زيارة رسمية. وكان في استقباله لدى وصوله إلى المطار الرئيس الكيني \
            ويليام روتو ووزير الخارجية موساليا مودافادي.
            """)
        XCTAssertEqual(Set(pairs(x, "RECEIVE")), ["William Ruto -> Abiy Ahmed", "موساليا مودافادي -> Abiy Ahmed"])
        XCTAssertEqual(pairs(extract("وأكد مصدر دبلوماسي جزائري استمرار التعاون مع موريتانيا."), "COOPERATE"), ["Algeria -> Mauritania"])
        let y = extract("وأكدت السعودية حرصها على التنسيق مع الجانب المصري.")
        XCTAssertEqual(pairs(y, "COOPERATE"), ["Saudi Arabia -> Egypt"])
        let z = extract("وقال الرئيس الكيني في كلمته أمام نظيره في أوغندا الرئيس يويري موسيفيني إن البلدين شريكان.")
        XCTAssertEqual(pairs(z, "HOLDS_ROLE"), ["Yoweri Museveni -> Uganda"])
    }

    func testDateAfterSinceAndTheClosestDateWins() {
        let x = extract("وأعلن المغرب في سبتمبر الماضي أن العلاقات بين المغرب والجزائر تشهد توترا منذ 24 أغسطس 2021.")
        XCTAssertEqual(x.facts.filter { $0.type == "TENSION_WITH" }.first?.date?.value, "2021-08-24")
    }
    func testInvitationsPhoneCallsToursHostsAndSupportForTheSpeakersCountry() {
        let x = extract("ودعا الرئيس الفرنسي إيمانويل ماكرون نظيره الجزائري عبد المجيد تبون لزيارة باريس.")
        XCTAssertEqual(pairs(x, "INVITE"), ["Emmanuel Macron -> Abdelmadjid Tebboune"])
        XCTAssertEqual(pairs(x, "PLANS_VISIT"), ["Abdelmadjid Tebboune -> Paris"], "the invitee's visit, and only a plan")
        XCTAssertTrue(pairs(x, "VISIT").isEmpty)
        let y = extract("وتلقى الرئيس التونسي قيس سعيد دعوة من نظيره الجزائري عبد المجيد تبون لزيارة الجزائر.")
        XCTAssertEqual(pairs(y, "PLANS_VISIT"), ["Kais Saied -> Algeria"])
        XCTAssertEqual(pairs(extract("وأجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون."), "TALKS"),
                       ["Abdel Fattah el-Sisi -> Emmanuel Macron"])
        XCTAssertEqual(Set(pairs(extract("وقام وزير الخارجية الروسي سيرغي لافروف بجولة أفريقية شملت مالي وبوركينا فاسو والنيجر."), "VISIT")),
                       ["Sergey Lavrov -> Mali", "Sergey Lavrov -> Burkina Faso", "Sergey Lavrov -> Niger"])
        XCTAssertEqual(pairs(extract("وتحتضن العاصمة المغربية الرباط اجتماعات الاتحاد الأفريقي في المغرب."), "HOSTS"), ["Rabat -> African Union"])
        XCTAssertEqual(pairs(extract("وأشاد الرئيس الصومالي حسن شيخ محمود بالدعم التركي لبلاده."), "SUPPORT"), ["Turkey -> Somalia"])
    }
    func testDocumentLevelInferences() {
        // "الدول الثلاث": the three countries named last
        let x = extract("وقررت فرنسا استدعاء سفيرها في غانا وتوغو ثم في بنين، بعدما استدعت الدول الثلاث سفراءها من باريس.")
        XCTAssertEqual(Set(pairs(x, "RECALL_AMBASSADOR").filter { $0.hasSuffix("-> France") }),
                       ["Ghana -> France", "Togo -> France", "Benin -> France"])
        // "الزيارة" after a reception: the guest visited the host's country
        let y = extract("استقبل الرئيس الكيني ويليام روتو رئيس الوزراء الإثيوبي آبي أحمد أمس. وشكلت الزيارة مناسبة لبحث الأمن في كينيا.")
        XCTAssertEqual(pairs(y, "VISIT"), ["Abiy Ahmed -> Kenya"])
        // received in a named city: that visit, and "الزيارة" is the same one
        let y2 = extract("استقبل الرئيس الكيني ويليام روتو رئيس الوزراء الإثيوبي آبي أحمد في نيروبي. وشكلت الزيارة مناسبة لبحث الأمن في كينيا.")
        XCTAssertEqual(pairs(y2, "VISIT"), ["Abiy Ahmed -> Nairobi"])
        // officials receiving a visitor at home serve the host country
        let z = extract("""
            وصل الرئيس الغاني جون ماهاما إلى داكار في زيارة رسمية إلى السنغال. وكان في استقباله بالمطار رئيس الوزراء عثمان سونكو \
            ووزير الخارجية ياسين فال.
            """)
        XCTAssertTrue(pairs(z, "HOLDS_ROLE").contains("ياسين فال -> Senegal"), "\(pairs(z, "HOLDS_ROLE"))")
        XCTAssertTrue(pairs(z, "RECEIVE").contains("ياسين فال -> John Mahama"), "\(pairs(z, "RECEIVE"))")
    }
    func testLocationVerbFirstAidToAPlaceAndCapitalsActing() {
        XCTAssertEqual(pairs(extract("وتقع مدينة أغاديس في شمال النيجر."), "LOCATED_IN"), ["Agadez -> Niger"])
        XCTAssertTrue(pairs(extract("وأرسلت الحكومة المصرية مساعدات إنسانية إلى غزة."), "SUPPORT").first?.hasPrefix("Egypt -> Gaza") == true)
        // (the state must be named in the document, here by the adjective)
        let x = extract("وقال مسؤول أمريكي إن واشنطن لن تسحب قواتها من العراق.")
        XCTAssertEqual(pairs(x, "WITHDRAW_FROM"), ["United States -> Iraq"])
        XCTAssertEqual(x.facts.first { $0.type == "WITHDRAW_FROM" }?.modality, .negated)
        // a news agency publishing a report deploys nothing; a charge by an unnamed opposition accuses no one
        XCTAssertTrue(extract("ونشرت وكالة الأنباء الفرنسية تقريرا عن الأوضاع في مالي.").facts.filter { $0.type == "DEPLOYED_IN" }.isEmpty)
        XCTAssertTrue(pairs(extract("ويأتي ذلك بعد أيام من اتهام المعارضة للحكومة التونسية بالفساد."), "ACCUSE").isEmpty)
    }
    func testAppointmentsKinshipTitlesAndClaimedKillings() {
        XCTAssertEqual(pairs(extract("وعين المجلس العسكري في مالي الجنرال عبد الله مايغا رئيسا للوزراء."), "APPOINT").count, 1)
        // "نجل الرئيس الأوغندي X": X is the president's son, not the president
        XCTAssertTrue(pairs(extract("وقال نجل الرئيس الأوغندي موهوزي كاينيروغابا إن الجيش جاهز."), "HOLDS_ROLE").isEmpty)
        let x = extract("وأعلن الجيش الإسرائيلي اغتيال القيادي في حركة حماس صالح العاروري في بيروت.")
        XCTAssertEqual(pairs(x, "KILLED"), ["Israel Defense Forces -> صالح العاروري"])
        XCTAssertEqual(pairs(x, "MEMBER_OF"), ["صالح العاروري -> Hamas"], "القيادي في حركة X is a member")
        // the passive names no killer; announcing a death is not killing
        XCTAssertTrue(pairs(extract("واغتيل القائد العسكري في حزب الله فؤاد شكر في غارة."), "KILLED").isEmpty)
        XCTAssertTrue(pairs(extract("وأعلنت وزارة الصحة مقتل القيادي في حركة حماس صالح العاروري."), "KILLED").isEmpty)
    }
    func testPlaceReferredBackRelativeClausesAndJointSubjects() {
        let x = extract("ويخطط وزير الدفاع التشادي للسفر إلى أبشي الشهر المقبل بدعوة من الرئيس الفرنسي إيمانويل ماكرون، الذي زار المدينة مرات عدة.")
        XCTAssertEqual(pairs(x, "VISIT"), ["Emmanuel Macron -> Abéché"], "a past visit in a relative clause is not planned")
        let y = extract("ويسعى الرئيس السنغالي بصيرو ديوماي فاي والرئيس الغاني جون ماهاما إلى تعزيز الشراكة الاقتصادية.")
        XCTAssertEqual(pairs(y, "COOPERATE"), ["بصيرو ديوماي فاي -> John Mahama"])
        // cooperation as the topic of talks is not cooperation
        XCTAssertTrue(pairs(extract("وبحث الرئيس السنغالي بصيرو ديوماي فاي والرئيس الغاني جون ماهاما التعاون الاقتصادي."), "COOPERATE").isEmpty)
    }
    func testCondemnationAndRejectionAreOpposition() {
        XCTAssertEqual(pairs(extract("وأدانت الجزائر العدوان الإسرائيلي على غزة."), "OPPOSE"), ["Algeria -> Israel"])
        XCTAssertEqual(pairs(extract("ورفضت مصر تصريحات رئيس الوزراء الإثيوبي آبي أحمد بشأن سد النهضة."), "OPPOSE"), ["Egypt -> Abiy Ahmed"])
        // rejecting an intervention in a country is not opposing that country; refusing to speak opposes no one
        XCTAssertTrue(pairs(extract("وقال إن فرنسا ترفض أي تدخل عسكري في النيجر."), "OPPOSE").isEmpty)
        XCTAssertTrue(pairs(extract("ورفض الرئيس المالي عاصمي غويتا أن يتحدث للصحفيين."), "OPPOSE").isEmpty)
    }
    func testBareYearsAfterATimePreposition() {
        let x = extract("وعقب انقلابين في 2020 و2021 تولى المجلس العسكري الحكم في غينيا.")
        XCTAssertEqual(Set(x.entities.filter { $0.type == .date }.compactMap(\.labelEn)), ["2020", "2021"])
        XCTAssertTrue(extract("ونشرت القوات نحو 2000 جندي على الحدود.").entities.filter { $0.type == .date }.isEmpty)
    }
    func testHisCountryIsTheCountryOfHisTitle() {
        XCTAssertEqual(pairs(extract("وقال الرئيس الفرنسي إيمانويل ماكرون إن بلاده تدعم الجيش المالي."), "SUPPORT"),
                       ["France -> Malian Armed Forces"])
        XCTAssertEqual(pairs(extract("وأكد وزير الخارجية الجزائري أحمد عطاف أن بلاده ترفض التدخل الفرنسي."), "OPPOSE"), ["Algeria -> France"])
    }
    func testOfficersOfAnArmyOrAServiceAreMembersItsCommanderIsNot() {
        let x = extract("وحضر اللقاء الفريق محمد عثمان، رئيس أركان الجيش التشادي، واللواء أحمد صالح، رئيس المخابرات العامة.")
        XCTAssertTrue(pairs(x, "MEMBER_OF").contains("محمد عثمان -> Chadian National Army"), "\(pairs(x, "MEMBER_OF"))")
        XCTAssertEqual(pairs(x, "MEMBER_OF").count, 2)
        let y = extract("وقال القائد العام للجيش التشادي الجنرال أبكر عبد الكريم داوود إن الوضع مستقر.")
        XCTAssertTrue(pairs(y, "MEMBER_OF").isEmpty)
        XCTAssertEqual(pairs(y, "HOLDS_ROLE").count, 1)
    }
    func testStaffOfAnIntergovernmentalOrganisationAreNotItsMembers() {
        let x = extract("والتقى الأمين العام للأمم المتحدة أنطونيو غوتيريش مبعوث الأمم المتحدة إلى ليبيا عبد الله باتيلي.")
        XCTAssertEqual(pairs(x, "HOLDS_ROLE").count, 2, "\(pairs(x, "HOLDS_ROLE"))")
        XCTAssertTrue(pairs(x, "MEMBER_OF").isEmpty, "\(pairs(x, "MEMBER_OF"))")
    }
    func testTravelToMeetAndTalk() {
        let x = extract("وغادر الرئيس الصومالي حسن شيخ محمود مقديشو متوجها إلى نيروبي للقاء الرئيس ويليام روتو ولبحث الأوضاع الأمنية في كينيا.")
        // the meeting a journey is for is planned (meet.purpose: the lam of purpose)
        XCTAssertEqual(pairs(x, "PLANS_MEET"), ["Hassan Sheikh Mohamud -> William Ruto"])
        // and so are the talks it is for (talks.purpose), with no meeting reported held
        XCTAssertEqual(pairs(x, "PLANS_TALKS"), ["Hassan Sheikh Mohamud -> William Ruto"])
        XCTAssertEqual(pairs(x, "TALKS"), [])
        XCTAssertEqual(pairs(x, "VISIT"), ["Hassan Sheikh Mohamud -> Nairobi"])
    }
    func testTheRulingCouncilIsNotASecondOffice() {
        let x = extract("وقال رئيس المجلس العسكري الحاكم في غينيا مامادي دومبويا إن الانتخابات ستجري العام المقبل.")
        XCTAssertFalse(pairs(x, "HOLDS_ROLE").contains("Mamady Doumbouya -> Guinea") && pairs(x, "HOLDS_ROLE").count > 1,
                       "\(pairs(x, "HOLDS_ROLE"))")
    }
    func testSolidarityIsSupport() {
        XCTAssertEqual(pairs(extract("وأعلنت السنغال تضامنها الكامل مع موريتانيا بعد الفيضانات."), "SUPPORT"), ["Senegal -> Mauritania"])
        XCTAssertEqual(pairs(extract("وأكد البيان تضامن الجزائر مع الشعب الفلسطيني."), "SUPPORT"), ["Algeria -> State of Palestine"])
    }
    func testMeetingWithBaAndCallsFromAndJointSubjects() {
        let x = extract("واجتمع الرئيس التشادي محمد ديبي بالرئيس الفرنسي إيمانويل ماكرون في قصر الإليزيه.")
        XCTAssertEqual(pairs(x, "MEET"), ["Mahamat Déby -> Emmanuel Macron"])
        XCTAssertTrue(pairs(x, "HOLDS_ROLE").contains("Emmanuel Macron -> France"), "a title after بـ is a title")
        XCTAssertEqual(pairs(extract("وعقد الرئيس الجزائري عبد المجيد تبون والرئيس التونسي قيس سعيد جلسة مباحثات في قرطاج."), "TALKS"),
                       ["Abdelmadjid Tebboune -> Kais Saied"])
        XCTAssertEqual(pairs(extract("وتلقى الرئيس الموريتاني محمد ولد الغزواني اتصالا هاتفيا من الرئيس الغاني جون ماهاما."), "TALKS"),
                       ["Mohamed Ould Ghazouani -> John Mahama"])
    }
    func testTitlesReferringBackWithClitics() {
        let x = extract("""
            وصل رئيس أركان الجيش التشادي الفريق أبكر عبد الكريم داوود إلى نيامي. واستقبل الرئيس النيجري عبد الرحمن تياني \
            برئيس أركان الجيش التشادي في القصر الرئاسي، وبحث معه الوضع الأمني.
            """)
        let people = Set(x.entities.filter { $0.type == .person }.map(\.id))
        XCTAssertEqual(people.count, 2, "the title after ب links to the chief of staff named before: \(people)")
        XCTAssertEqual(pairs(x, "TALKS").count, 1, "\(pairs(x, "TALKS"))")
    }
    func testFutureTravelNegatedIntentConfrontationAndAgreementsOfCooperation() {
        XCTAssertEqual(pairs(extract("وذكرت مصادر أن الرئيس السوداني عبد الفتاح البرهان سيتوجه إلى القاهرة الأسبوع المقبل."), "PLANS_VISIT"),
                       ["Abdel Fattah al-Burhan -> Cairo"])
        let w = extract("وأكد مسؤول روسي أن موسكو لا تنوي سحب قواتها من سوريا.")
        XCTAssertEqual(w.facts.first { $0.type == "WITHDRAW_FROM" }?.modality, .negated)
        XCTAssertEqual(pairs(extract("ويواجه الجيش السوداني قوات الدعم السريع في معارك عنيفة."), "OPPOSE"),
                       ["Sudanese Armed Forces -> Rapid Support Forces"])
        let a = extract("وفي عام 2019، وقعت روسيا اتفاقية تعاون عسكري مع جمهورية أفريقيا الوسطى.")
        XCTAssertEqual(pairs(a, "AGREEMENT"), ["Russia -> Central African Republic"])
        XCTAssertTrue(pairs(a, "COOPERATE").isEmpty)
        // "لا سيما" is "especially", not a negation
        let s = extract("وبحث الجانبان التعاون، ولا سيما دعم تركيا للصومال.")
        XCTAssertTrue(s.facts.filter { $0.type == "SUPPORT" }.allSatisfy { $0.modality == .asserted })
    }
    func testTheKremlinAsPlaceAndAsInstitutionAndReceptionsIn() {
        let x = extract("واستقبل الرئيس الروسي فلاديمير بوتين نظيره الكيني ويليام روتو في الكرملين. وقال الكرملين إن المحادثات بناءة.")
        XCTAssertEqual(Set(x.entities.filter { $0.labelEn?.contains("Kremlin") == true }.map(\.id)), ["plc-moscow-kremlin", "org-kremlin"])
        XCTAssertEqual(pairs(x, "VISIT"), ["William Ruto -> Moscow Kremlin"])
        // a reception with no place named gives no visit
        XCTAssertTrue(pairs(extract("واستقبل الرئيس الروسي فلاديمير بوتين نظيره الكيني ويليام روتو."), "VISIT").isEmpty)
    }
    func testMovementOfPeopleIsNotAMovement() {
        let x = extract("وطالبت الأمم المتحدة بالسماح بحركة المدنيين وتنظيم الرحلات بين المدن، وقالت حركة العدل والمساواة إنها ستشارك.")
        let orgs = x.entities.filter { $0.type == .organization }.map(\.labelAr)
        XCTAssertFalse(orgs.contains { $0.contains("المدنيين") || $0.contains("الرحلات") }, "\(orgs)")
        XCTAssertTrue(orgs.contains { $0.contains("العدل") }, "\(orgs)")
    }
    func testAForceWithdrawingWasDeployed() {
        let x = extract("وأكملت القوات الفرنسية انسحابها من تشاد بعد وجود دام عقودا.")
        XCTAssertEqual(pairs(x, "WITHDRAW_FROM"), ["French Armed Forces -> Chad"])
        XCTAssertEqual(pairs(x, "DEPLOYED_IN"), ["French Armed Forces -> Chad"])
        // a state leaving a bloc was never deployed in it
        XCTAssertTrue(pairs(extract("وأعلنت مالي انسحابها من المجموعة الاقتصادية لدول غرب إفريقيا."), "DEPLOYED_IN").isEmpty)
    }
    func testThanksForSolidarityIsSupportOfTheOneWhoThanks() {
        let x = extract("وقال الرئيس الصومالي إن زيارته تهدف إلى شكر شعوب كينيا وإثيوبيا على تضامنها خلال الأزمة.")
        XCTAssertEqual(Set(pairs(x, "SUPPORT")), ["Kenya -> Somalia", "Ethiopia -> Somalia"])
        // thanks for a stand with its own beneficiary: that beneficiary, not the speaker
        let y = extract("وأعرب الرئيس الصومالي عن شكره لدولة قطر على وقوفها إلى جانب الشعب السوداني.")
        XCTAssertEqual(pairs(y, "SUPPORT"), ["Qatar -> Sudan"])
    }
    func testTwoOfficialsWitnessingASigningSignForWhatTheyRepresent() {
        let x = extract("التقى وزير الخارجية المغربي ناصر بوريطة مع رئيس الحكومة الليبية عبد الحميد الدبيبة، وشهدا توقيع اتفاقيتي تعاون.")
        XCTAssertEqual(pairs(x, "AGREEMENT"), ["Morocco -> Libya"])
        // "أيضا" before the signing is no dual subject
        XCTAssertTrue(pairs(extract("التقى وزير الخارجية المغربي ناصر بوريطة مع رئيس الحكومة الليبية عبد الحميد الدبيبة، وتم أيضا توقيع اتفاقية."),
                            "AGREEMENT").isEmpty)
    }
    func testJointSupportersSendingTroopsAndNoNameFromAPrepositionalMasdar() {
        XCTAssertEqual(Set(pairs(extract("وأكدت فرنسا وألمانيا دعمهما لأوكرانيا."), "SUPPORT")), ["France -> Ukraine", "Germany -> Ukraine"])
        XCTAssertEqual(pairs(extract("وكشفت صحيفة لوموند أن فرنسا أرسلت جنودا إلى تشاد."), "DEPLOYED_IN"), ["France -> Chad"])
        let x = extract("وتعرض الرئيس لانتقادات من المعارضة بسبب زيارته إلى موسكو.")
        XCTAssertTrue(x.entities.filter { $0.type == .person }.isEmpty, "\(x.entities.map(\.labelAr))")
    }

    func testATitleWordMayStandBeforeTheAdjectiveOfATitleAfterAPreposition() {
        // "مع العاهل الأردني الملك X": the title's head word, its adjective, then the rank before the name
        let x = extract("وتشاور الرئيس المصري عبد الفتاح السيسي مع العاهل الأردني الملك عبد الله الثاني.")
        XCTAssertEqual(pairs(x, "TALKS"), ["Abdel Fattah el-Sisi -> Abdullah II of Jordan"])
        // but a preposition on a title before a body does not govern the body ("نائب أول لرئيس مجلس الوزراء")
        let y = extract("وحضر كمال داود، نائب أول لرئيس مجلس الوزراء، الاجتماع.")
        XCTAssertFalse(y.facts.contains { $0.type == "HOLDS_ROLE" && $0.rule == "role.after-name-in-body" }, "\(y.facts.map(\.rule))")
    }
}

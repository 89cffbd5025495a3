import XCTest
@testable import KBText

final class CleanerTests: XCTestCase {
    private func texts(_ text: String) -> [String] {
        let src = source(text)
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        return sentences.map(\.text)
    }

    // MARK: Notices, navigation, ads

    func testNoticeGluedToTheStartOfASentenceIsCut() {
        let text = "الصفحة غير متوفرة\n\nالمحتوى الذي تريدون تصفحه لم يعد في الخدمة أو غير متوفر حاليا.كشف موقع أفريكا إنتلجنس أن حفتر يقيم علاقات مع النيجر.\n"
        let src = source(text)
        let (sentences, dropped) = Cleaner.clean(src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.map(\.text), ["كشف موقع أفريكا إنتلجنس أن حفتر يقيم علاقات مع النيجر."])
        XCTAssertEqual(dropped.map(\.reason), ["page-not-available notice", "page-not-available notice"])
        XCTAssertEqual(src.slice(dropped[1].begin, dropped[1].end),
                       "المحتوى الذي تريدون تصفحه لم يعد في الخدمة أو غير متوفر حاليا.")
    }

    func testNoticeAndSkipLinkOnOneLine() {
        XCTAssertEqual(texts("تخطي إلى المحتوى الرئيسي الصفحة غير موجودة. وصل الوفد إلى نيامي."), ["وصل الوفد إلى نيامي."])
        // A sentence that merely mentions a page is kept.
        XCTAssertEqual(texts("نشرت الصفحة الرسمية للرئاسة بيانا عن الزيارة."), ["نشرت الصفحة الرسمية للرئاسة بيانا عن الزيارة."])
    }

    func testNavigationAdsAndRelatedLinks() {
        let text = """
        تخطي إلى المحتوى الرئيسي
        العالم العربي
        الرئيسية » أخبار » سياسة

        وصل الرئيس إلى القاهرة.
        إعلان
        اظهار أخبار متعلقة
        اقرأ أيضا: السيسي يستقبل حفتر في العلمين
        والتقى نظيره المصري.
        شارك
        """
        XCTAssertEqual(texts(text), ["وصل الرئيس إلى القاهرة.", "والتقى نظيره المصري."])
    }

    func testAdMarkers() {
        XCTAssertEqual(texts("[ad_1]\nوصل الوفد.\n[ad_2]"), ["وصل الوفد."])
        XCTAssertEqual(texts("[ad_1]وصل الوفد إلى طرابلس."), ["وصل الوفد إلى طرابلس."])
        // A marker inside a line ends the sentence before it: no sentence spans removed text.
        XCTAssertEqual(texts("وصل الوفد [ad_1] إلى طرابلس."), ["وصل الوفد", "إلى طرابلس."])
        XCTAssertEqual(texts("وصل الوفد<br/>إلى طرابلس."), ["وصل الوفد", "إلى طرابلس."])
        // Square brackets around Arabic or numbers are text.
        XCTAssertEqual(texts("قال [الرئيس] إن المادة [3] نافذة."), ["قال [الرئيس] إن المادة [3] نافذة."])
    }

    func testPunctuationOnlyLinesAndBullets() {
        XCTAssertEqual(texts("***\n---\n. . .\n- وصل الوفد.\n• والتقى الرئيس.\n"), ["وصل الوفد.", "والتقى الرئيس."])
    }

    // MARK: Captions, tags, bylines, counters, dates

    /// A caption keeps its text (it often states a fact) but loses its photo credit; a "صورة:" line goes.
    func testPhotoCreditsAreCutCaptionsAndHeadlinesKept() {
        let text = """
        خليفة حفتر طرف في تعاون عسكري واستخباراتي ضخم في النيجر

        رئيس النيجر محمد يوسفو يستقبل خليفة حفتر( فيس بوك)

        الرئيس التونسي يستقبل ميلوني - أرشيفية

        صورة: الرئيس السيسي خلال اللقاء

        السيسي يستقبل حفتر في القاهرة (فيديو)

        وصل حفتر إلى نيامي.
        """
        let src = source(text)
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.map(\.text), [
            "خليفة حفتر طرف في تعاون عسكري واستخباراتي ضخم في النيجر",
            "رئيس النيجر محمد يوسفو يستقبل خليفة حفتر",
            "الرئيس التونسي يستقبل ميلوني",
            "السيسي يستقبل حفتر في القاهرة (فيديو)",
            "وصل حفتر إلى نيامي.",
        ])
        XCTAssertEqual(sentences.map(\.role), [.heading, .heading, .heading, .heading, .body])
    }

    func testTagsBylinesCountersAndCopyright() {
        let text = """
        كتب: محمد علي
        بقلم أحمد حسن
        ۱۹۱مشاهدات
        رمز الخبر: ۵۴۷۹۰
        كتب الرئيس على حسابه أنه سيزور روما.
        الوسوم: ليبيا، حفتر، النيجر
        #ليبيا #حفتر
        المصدر: وكالات
        © 2024 جميع الحقوق محفوظة
        https://example.org/news/123
        """
        XCTAssertEqual(texts(text), ["كتب الرئيس على حسابه أنه سيزور روما."])
    }

    func testDatelinesStandAlone() {
        let text = "وصل المنفي إلى الجزائر.\nتأريخ النشر: 28 July 2021\nالأربعاء 28 يوليو 2021\nوكان في استقباله الرئيس."
        let src = source(text)
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.map(\.text), ["وصل المنفي إلى الجزائر.", "تأريخ النشر: 28 July 2021",
                                               "الأربعاء 28 يوليو 2021", "وكان في استقباله الرئيس."])
        XCTAssertEqual(sentences.map(\.role), [.body, .dateline, .dateline, .body])
    }

    // MARK: Line joining and headlines

    func testBrokenLinesAreJoinedWithTheBreakAsSeparator() {
        let text = "كشف موقع\nأفريكا إنتلجنس الفرنسي، أن اللواء المتقاعد خليفة\nحفتر يقيم\nعلاقات وثيقة مع النيجر.\n"
        let src = source(text)
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.count, 1)
        XCTAssertEqual(sentences[0].text, "كشف موقع أفريكا إنتلجنس الفرنسي، أن اللواء المتقاعد خليفة حفتر يقيم علاقات وثيقة مع النيجر.")
        // The break is a token boundary: words are never glued across it.
        XCTAssertTrue(sentences[0].tokens.map(\.text).contains("خليفة"))
        XCTAssertTrue(sentences[0].tokens.map(\.text).contains("حفتر"))
        XCTAssertTrue(src.slice(sentences[0].begin, sentences[0].end).contains("خليفة\nحفتر"))
    }

    func testLineBrokenMidWordIsNotMerged() {
        let sentences = texts("وقال الرئيس، إن الوفد وصل إلى العاصمة الليبية طرا\nبلس صباح اليوم.")
        XCTAssertEqual(sentences, ["وقال الرئيس، إن الوفد وصل إلى العاصمة الليبية طرا بلس صباح اليوم."])
    }

    func testHeadlineFollowedByBlankLineIsItsOwnSentence() {
        let src = source("روما تدعو طرابلس لبذل مزيد من الجهود\n\nوعبرت ميلوني عن قلقها.")
        let sentences = Cleaner.sentences(of: src)
        XCTAssertEqual(sentences.map(\.text), ["روما تدعو طرابلس لبذل مزيد من الجهود", "وعبرت ميلوني عن قلقها."])
        XCTAssertEqual(sentences.map(\.role), [.heading, .body])
    }

    func testHeadlineDirectlyAboveAParagraphIsItsOwnSentence() {
        let text = "الاحتفالات تعم شوارع عاصمة النيجر مع جلاء اخر جندي فرنسي اليوم\nاليوم الجمعة انهت القوات الفرنسية انسحابها من النيجر.\n"
        XCTAssertEqual(texts(text), ["الاحتفالات تعم شوارع عاصمة النيجر مع جلاء اخر جندي فرنسي اليوم",
                                     "اليوم الجمعة انهت القوات الفرنسية انسحابها من النيجر."])
    }

    func testSentenceNeverSpansADroppedLine() {
        XCTAssertEqual(texts("وصل الرئيس إلى\nإعلان\nالعاصمة صباحا."), ["وصل الرئيس إلى", "العاصمة صباحا."])
    }

    func testCRLFInput() {
        let text = "تخطي إلى المحتوى الرئيسي\r\n\r\nوصل الوفد إلى\r\nطرابلس صباحا.\r\nوالتقى الرئيس.\r\n"
        let src = source(text)
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.map(\.text), ["وصل الوفد إلى  طرابلس صباحا.", "والتقى الرئيس."])
        XCTAssertFalse(sentences.contains { $0.text.contains("\r") })
    }

    func testLoneCRAndUnicodeLineSeparators() {
        XCTAssertEqual(texts("وصل الوفد.\rوالتقى الرئيس.\u{2029}ثم غادر."), ["وصل الوفد.", "والتقى الرئيس.", "ثم غادر."])
    }

    // MARK: Sentence splitting

    func testSplitsOnStopsIncludingMissingSpace() {
        XCTAssertEqual(texts("وصل الوفد.وقالت الحكومة إنها تأسف! هل ستعود؟ نعم."),
                       ["وصل الوفد.", "وقالت الحكومة إنها تأسف!", "هل ستعود؟", "نعم."])
    }

    func testDoesNotSplitNumbersAbbreviationsURLsOrBeforeAComma() {
        XCTAssertEqual(texts("ارتفع المؤشر 2.5 بالمئة في 7.8.2018 حسب موقع www.example.com اليوم."), [
            "ارتفع المؤشر 2.5 بالمئة في 7.8.2018 حسب موقع www.example.com اليوم.",
        ])
        XCTAssertEqual(texts("قال د. محمد إن وكالة أ.ف.ب نقلت الخبر."), ["قال د. محمد إن وكالة أ.ف.ب نقلت الخبر."])
        XCTAssertEqual(texts("تمنى لهم إقامة سعيدة في بلدهم الثاني.، وأكد أن العلاقات قديمة."),
                       ["تمنى لهم إقامة سعيدة في بلدهم الثاني.، وأكد أن العلاقات قديمة."])
        XCTAssertEqual(texts("1. وصل الوفد.\n2. غادر الوفد."), ["1. وصل الوفد.", "2. غادر الوفد."])
        XCTAssertEqual(texts("انتهى العام 2024م. وبدأ عام جديد."), ["انتهى العام 2024م.", "وبدأ عام جديد."])
    }

    func testClosingQuotesStayWithTheirSentence() {
        XCTAssertEqual(texts("وقال: \"المهمة أنجزت.\" ثم غادر. وأضاف «سنعود». انتهى"),
                       ["وقال: \"المهمة أنجزت.\"", "ثم غادر.", "وأضاف «سنعود».", "انتهى"])
        // A short quote of two sentences stays whole.
        XCTAssertEqual(texts("وقال مصدر \"رسميا، فاغنر تنهي وجودها. لكن الفيلق يتولى المهمة\". ثم غادر."),
                       ["وقال مصدر \"رسميا، فاغنر تنهي وجودها. لكن الفيلق يتولى المهمة\".", "ثم غادر."])
    }

    func testDoubleSpacesAndTabsKeepOffsets() {
        let src = source("استقبل بوتين  نظيره التشادي\tفي الكرملين .  وقد سمح هذا اللقاء ، ببحث  العلاقات.")
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.map(\.text), ["استقبل بوتين  نظيره التشادي في الكرملين .", "وقد سمح هذا اللقاء ، ببحث  العلاقات."])
    }

    func testExcerptCutMidWordIsKept() {
        XCTAssertEqual(texts("وصل الوفد.\n\nكما تناول اللقاء تطورات الأوضاع في الإ"), ["وصل الوفد.", "كما تناول اللقاء تطورات الأوضاع في الإ"])
    }

    func testDroppedReportIsInTextOrder() {
        let src = source("إعلان\nوصل الوفد.\n[ad_1]\nاظهار أخبار متعلقة")
        let dropped = Cleaner.clean(src).dropped
        XCTAssertEqual(dropped.map(\.reason), ["advertisement", "markup marker", "related-news link"])
        XCTAssertEqual(dropped.map { src.slice($0.begin, $0.end) }, ["إعلان", "[ad_1]", "اظهار أخبار متعلقة"])
    }
}

/// Furniture that only shows across several lines, and page layouts of other outlets.
final class PageLayoutTests: XCTestCase {
    private func texts(_ text: String) -> [String] {
        let src = source(text)
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        return sentences.map(\.text)
    }

    func testMenusOfShortLabelsAreDropped() {
        XCTAssertEqual(texts("ليبيا\nالسودان\n\nتشاد\n\nوصل الوفد إلى نيامي."), ["وصل الوفد إلى نيامي."])
        // One short line alone is not a menu.
        XCTAssertEqual(texts("كشف موقع\nأفريكا إنتلجنس أن حفتر يقيم علاقات مع النيجر."),
                       ["كشف موقع أفريكا إنتلجنس أن حفتر يقيم علاقات مع النيجر."])
    }

    func testRelatedListUnderAHeaderIsDropped() {
        let text = """
        استقبل السيسي حفتر في القاهرة.
        اقرأ أيضا
        list of 2 items
        حفتر يزور روما ويلتقي ميلوني
        الدبيبة: لا انتخابات دون دستور
        end of list
        وقال المتحدث إن اللقاء تناول سبل دعم الاستقرار.
        """
        XCTAssertEqual(texts(text), ["استقبل السيسي حفتر في القاهرة.", "وقال المتحدث إن اللقاء تناول سبل دعم الاستقرار."])
        // Running text under the header is kept.
        XCTAssertEqual(texts("اظهار أخبار متعلقة\nولفت الموقع إلى أن قادة عسكريين، مثل الوزير، يلعبون دورا لشرق\nليبيا في هذا السياق."),
                       ["ولفت الموقع إلى أن قادة عسكريين، مثل الوزير، يلعبون دورا لشرق ليبيا في هذا السياق."])
    }

    func testLatinLabelsInAnArabicPage() {
        XCTAssertEqual(texts("Share\nوصل الوفد إلى نيامي.\nRead more\nوتستضيف قيادة حفتر مرتزقة مثل Redut وConvoy."),
                       ["وصل الوفد إلى نيامي.", "وتستضيف قيادة حفتر مرتزقة مثل Redut وConvoy."])
        // In a Latin page they are text.
        XCTAssertEqual(texts("Haftar visited Niamey\nwith a large delegation."), ["Haftar visited Niamey with a large delegation."])
    }

    func testBylinesAndDatesOfOtherLayouts() {
        let text = """
        كتب أحمد عرفة
        الثلاثاء، 12 مارس 2024 10:00 ص
        12/3/2024
        وصل رئيس المجلس الرئاسي الليبي إلى الجزائر.
        """
        let src = source(text)
        let sentences = Cleaner.sentences(of: src)
        XCTAssertEqual(sentences.map(\.text), ["الثلاثاء، 12 مارس 2024 10:00 ص", "12/3/2024", "وصل رئيس المجلس الرئاسي الليبي إلى الجزائر."])
        XCTAssertEqual(sentences.map(\.role), [.dateline, .dateline, .body])
    }

    func testLineStartingWithAPrepositionContinuesTheOneBefore() {
        XCTAssertEqual(texts("وصل الرئيس التونسي قيس سعيد\r\nإلى روما في زيارة تستغرق يومين.\r\n"),
                       ["وصل الرئيس التونسي قيس سعيد  إلى روما في زيارة تستغرق يومين."])
    }
}

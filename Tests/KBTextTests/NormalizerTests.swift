import XCTest
@testable import KBText

final class NormalizerTests: XCTestCase {
    func testAlefVariants() {
        XCTAssertEqual(ArabicNormalizer.normalize("أحمد إبراهيم آمنة ٱلله"), "احمد ابراهيم امنه الله")
    }

    func testYaTaMarbutaHamzaSeats() {
        XCTAssertEqual(ArabicNormalizer.normalize("مصطفى"), "مصطفي")
        XCTAssertEqual(ArabicNormalizer.normalize("القاهرة"), "القاهره")
        XCTAssertEqual(ArabicNormalizer.normalize("مؤتمر"), "موتمر")
        XCTAssertEqual(ArabicNormalizer.normalize("رئيس"), "رييس")
        XCTAssertEqual(ArabicNormalizer.normalize("ایران کابل"), "ايران كابل")  // Persian ya and kaf
    }

    func testDiacriticsAndTatweel() {
        XCTAssertEqual(ArabicNormalizer.normalize("مُحَمَّدٌ"), "محمد")
        XCTAssertEqual(ArabicNormalizer.normalize("سعيّد"), "سعيد")
        XCTAssertEqual(ArabicNormalizer.normalize("معركةً"), "معركه")
        XCTAssertEqual(ArabicNormalizer.normalize("الرحمٰن"), "الرحمن")  // U+0670
        XCTAssertEqual(ArabicNormalizer.normalize("ليـــبيا"), "ليبيا")
        XCTAssertEqual(ArabicNormalizer.normalize("بـ"), "ب")
    }

    func testDigitsLatinSpacesAndInvisibles() {
        XCTAssertEqual(ArabicNormalizer.normalize("٢٤ يناير ٢٠٢٤"), "24 يناير 2024")
        XCTAssertEqual(ArabicNormalizer.normalize("۱۹۱ ۵۴۷۹۰"), "191 54790")
        XCTAssertEqual(ArabicNormalizer.normalize("Redut CONVOY Déby"), "redut convoy déby")
        XCTAssertEqual(ArabicNormalizer.normalize("  عبد \u{00A0}\u{00A0} الحميد\n\tالدبيبة  "), "عبد الحميد الدبيبه")
        XCTAssertEqual(ArabicNormalizer.normalize("\u{200F}حفتر\u{200C}\u{202B}"), "حفتر")
        XCTAssertEqual(ArabicNormalizer.normalize("\u{FEDF}\u{FEF4}\u{FE92}\u{FEE4}\u{FE8E}"), "ليبما")  // presentation forms
        XCTAssertEqual(ArabicNormalizer.normalize(""), "")
    }

    func testDigitsToASCIIKeepsLength() {
        let s = "في ٢٠٢٤ و۱۹۹۰ و2015"
        XCTAssertEqual(ArabicDigits.toASCII(s), "في 2024 و1990 و2015")
        XCTAssertEqual(ArabicDigits.toASCII(s).unicodeScalars.count, s.unicodeScalars.count)
    }

    private func stems(_ word: String) -> [String] {
        ArabicNormalizer.cliticCandidates(ArabicNormalizer.normalize(word)).map(\.stem)
    }

    func testCliticCandidates() {
        XCTAssertEqual(stems("وموسكو").first, "وموسكو")
        XCTAssertTrue(stems("وموسكو").contains("موسكو"))
        XCTAssertTrue(ArabicNormalizer.cliticCandidates("وموسكو").contains { $0 == ("موسكو", "و") })

        // The raw token comes first, so the caller keeps فاغنر and بنغازي whole.
        XCTAssertEqual(stems("فاغنر").first, "فاغنر")
        XCTAssertEqual(stems("بنغازي").first, "بنغازي")

        // لل swallows the alef of ال: both the stem with ال restored and without it.
        let lil = ArabicNormalizer.cliticCandidates(ArabicNormalizer.normalize("للقوات"))
        XCTAssertTrue(lil.contains { $0 == ("القوات", "لل") })
        XCTAssertTrue(lil.contains { $0 == ("قوات", "لل") })

        XCTAssertTrue(stems("بتانجا").contains("تانجا"))
        XCTAssertTrue(stems("والجزائر").contains("الجزاير"))
        XCTAssertTrue(stems("والجزائر").contains("جزاير"))
        XCTAssertTrue(stems("وبالقاهرة").contains("القاهره"))
        XCTAssertTrue(stems("فللجيش").contains("الجيش"))
    }

    func testCliticCandidatesNeverGiveOneLetterStems() {
        for (stem, prefix) in ArabicNormalizer.cliticCandidates("وبه") where !prefix.isEmpty {
            XCTAssertGreaterThanOrEqual(stem.count, 2, stem)
        }
        XCTAssertEqual(ArabicNormalizer.cliticCandidates("وب").map(\.stem), ["وب"])
        XCTAssertEqual(ArabicNormalizer.cliticCandidates("lavrov").map(\.stem), ["lavrov"])
        XCTAssertEqual(ArabicNormalizer.cliticCandidates("").count, 0)
        // Each stem once.
        let all = ArabicNormalizer.cliticCandidates("والليبي").map(\.stem)
        XCTAssertEqual(all.count, Set(all).count)
    }

    func testStripArticle() {
        XCTAssertEqual(ArabicNormalizer.stripArticle("الجزاير"), "جزاير")
        XCTAssertEqual(ArabicNormalizer.stripArticle("الي"), "الي")
        XCTAssertEqual(ArabicNormalizer.stripArticle("موسكو"), "موسكو")
    }
}

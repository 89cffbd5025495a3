import KBFacts
import XCTest

/// Two titles conjoined before one name (EntityRecognizer.rolePhrase): «رئيس وفد الحركة والمتحدث باسمها X» is one
/// holder with both titles, the body of the first his. Invented text.
final class ConjoinedTitleTests: XCTestCase {
    func testASpokesmansTitleConjoinedAfterAnotherTitle() {
        let text = "وقال رئيس المكتب السياسي لحركة حماس والمتحدث باسم الحركة محمد نزال إن الوضع خطير."
        XCTAssertEqual(extractInvented(text).arrows("HOLDS_ROLE"), ["محمد نزال → حركة حماس"])
    }

    func testTheHeadOfADelegationHoldsARoleInItsBody() {
        let doc = extractInvented("والتقى رئيس وفد حركة حماس والمتحدث باسم الحركة محمد نزال بالوسطاء.")
        XCTAssertEqual(doc.arrows("HOLDS_ROLE"), ["محمد نزال → حركة حماس"])
        // the body inside his title is not the one who met him
        XCTAssertEqual(doc.arrows("MEET"), [])
    }

    func testTwoTitlesWithTwoNamesStayApart() {
        // a comma closes the first title: the conjoined one is another person's
        let doc = extractInvented("وحضر اللقاء سامي الحداد، رئيس حركة حماس، والمتحدث باسم الحكومة الأردنية كريم النجار.")
        XCTAssertFalse(doc.arrows("HOLDS_ROLE").contains("كريم النجار → حركة حماس"))
    }
}

/// Stacked titles after a name (RuleEngine+StackedTitles.swift): «X رئيس وزراء غينيا رئيس الاتحاد الأفريقي», X holds
/// both. Invented text.
final class StackedTitleTests: XCTestCase {
    func testASecondTitleAfterTheFirstTitlesStateIsTheSameHolders() {
        let doc = extractInvented("وشارك موسى كمارا رئيس وزراء غينيا رئيس الاتحاد الأفريقي في المؤتمر.")
        XCTAssertEqual(doc.arrows("HOLDS_ROLE").sorted(), ["موسى كمارا → الاتحاد الأفريقي", "موسى كمارا → غينيا"])
    }

    func testASecondTitleWithItsOwnNameIsAnotherPersons() {
        let doc = extractInvented("واستقبل محمد المنفي رئيس المجلس الرئاسي الليبي رئيس الوزراء الإيطالي كريم النجار.")
        XCTAssertFalse(doc.arrows("HOLDS_ROLE").contains("محمد المنفي → إيطاليا"))
    }

    /// «رئيس المجلس الرئاسي الليبي رئيس الوزراء الإيطالي X»: the second title (a role head without the article after a
    /// title a nationality adjective or a named body closed) is X's; the first is another person's, unnamed here.
    func testStackedTitlesOfTwoPeopleBeforeOneName() {
        let a = extractInvented("استقبل رئيس المجلس الرئاسي الليبي رئيس الوزراء الإيطالي ماريو ريتشي في طرابلس.")
        XCTAssertEqual(a.arrows("HOLDS_ROLE"), ["ماريو ريتشي → إيطاليا"])
        let b = extractInvented("والتقى رئيس المجلس الرئاسي رئيس الوزراء الإيطالي ماريو ريتشي في طرابلس.")
        XCTAssertEqual(b.arrows("HOLDS_ROLE"), ["ماريو ريتشي → إيطاليا"])
        // a title conjoined by و is the same holder's; one title alone keeps its body
        let c = extractInvented("واستقبل الرئيس نائب رئيس الوزراء الإيطالي ووزير الخارجية ماريو ريتشي في طرابلس.")
        XCTAssertEqual(c.arrows("HOLDS_ROLE"), ["ماريو ريتشي → إيطاليا"])
        let d = extractInvented("وقال رئيس المجلس الرئاسي الليبي ماريو ريتشي إن الوضع خطير.")
        XCTAssertEqual(d.arrows("HOLDS_ROLE"), ["ماريو ريتشي → المجلس الرئاسي الليبي"])
    }
}

@testable import KBFacts
import XCTest

/// Talks in a clause a clause word opens («…، حيث أجرى مباحثات …») that name no partner are held by the sides of
/// the one meeting the sentence told before (RuleEngine+TalksAfterMeeting.swift; invented text).
final class TalksAfterMeetingTests: XCTestCase {
    func testTalksAfterAMeetingAreBetweenItsSides() {
        let x = extractInvented("التقى الرئيس التونسي قيس سعيد بالرئيس الجزائري عبد المجيد تبون في قصر المرادية، حيث أجرى مباحثات تناولت العلاقات الثنائية.")
        XCTAssertTrue(x.arrows("TALKS").contains("قيس سعيد → عبد المجيد تبون"), "\(x.arrows("TALKS"))")
    }

    /// A planned meeting of a visit's programme gives planned talks, with each side met.
    func testTalksAfterAPlannedMeetingArePlanned() {
        let x = extractInvented("يصل الرئيس التونسي قيس سعيد غدا إلى الجزائر في زيارة عمل، يلتقي فيها بالرئيس الجزائري عبد المجيد تبون، إذ يجري مباحثات حول أمن الحدود.")
        XCTAssertTrue(x.arrows("PLANS_TALKS").contains("قيس سعيد → عبد المجيد تبون"), "\(x.arrows("PLANS_TALKS"))")
        XCTAssertTrue(x.arrows("TALKS").isEmpty, "\(x.arrows("TALKS"))")
    }

    /// Two meetings before the clause: whose talks they are is not told.
    func testTwoMeetingsBeforeGiveNoTalks() {
        let x = extractInvented("التقى الرئيس التونسي قيس سعيد بالرئيس الجزائري عبد المجيد تبون، ثم اجتمع برئيس الوزراء نذير العرباوي، حيث أجرى مباحثات تناولت العلاقات الثنائية.")
        XCTAssertTrue(x.arrows("TALKS").isEmpty, "\(x.arrows("TALKS"))")
    }

    /// Talks that name their partner are with that partner only, not with the one met before.
    func testTalksWithTheirOwnPartnerTakeNoOther() {
        let x = extractInvented("التقى الرئيس التونسي قيس سعيد بالرئيس الجزائري عبد المجيد تبون، حيث أجرى مباحثات مع رئيس الوزراء نذير العرباوي.")
        XCTAssertFalse(x.arrows("TALKS").contains("قيس سعيد → عبد المجيد تبون"), "\(x.arrows("TALKS"))")
    }

    /// Talks with no clause word before them are not taken for the meeting's.
    func testTalksOutsideAClauseAreLeftAlone() {
        let x = extractInvented("التقى الرئيس التونسي قيس سعيد بالرئيس الجزائري عبد المجيد تبون في قصر المرادية، وأعلن فشل مباحثات سابقة حول الحدود.")
        XCTAssertFalse(x.arrows("TALKS").contains("قيس سعيد → عبد المجيد تبون"), "\(x.arrows("TALKS"))")
    }
}

@testable import KBFacts
import XCTest

/// A bare «الجيش» / «الحركة» stands for the one army or movement the document named (Linker+BareHeads.swift).
/// Invented text.
final class BareHeadReferenceTests: XCTestCase {
    func testTheArmyIsTheOneTheDocumentNamed() {
        let d = extractInvented("أعلن الجيش اللبناني صباح اليوم رفع جاهزيته. وقال الناطق باسم الجيش العميد خالد منصور إن الوضع هادئ.")
        XCTAssertTrue(d.arrows("HOLDS_ROLE").contains("خالد منصور → الجيش اللبناني"), "\(d.arrows("HOLDS_ROLE"))")
    }

    func testArmedForcesAreTheArmy() {
        let d = extractInvented("أصدرت القوات المسلحة السودانية بيانا. وقال الناطق باسم الجيش العميد سامي يوسف إن الهدنة صامدة.")
        XCTAssertTrue(d.arrows("HOLDS_ROLE").contains { $0.hasPrefix("سامي يوسف → القوات المسلحة") }, "\(d.arrows("HOLDS_ROLE"))")
    }

    func testMovementWithClitic() {
        let d = extractInvented("التقى الوفد قادة حركة حماس في الدوحة. وقال المتحدث باسم الحركة سليم عودة إن اللقاء كان إيجابيا.")
        XCTAssertTrue(d.arrows("HOLDS_ROLE").contains { $0.hasPrefix("سليم عودة → ") && $0.contains("حماس") }, "\(d.arrows("HOLDS_ROLE"))")
    }

    func testTwoArmiesLeaveItUnread() {
        let d = extractInvented("اشتبك الجيش اللبناني مع الجيش السوري قرب الحدود. وقال الناطق باسم الجيش العميد خالد منصور إن الوضع هادئ.")
        XCTAssertFalse(d.mentions.contains { $0.text == "الجيش" }, "\(d.mentions.map(\.text))")
    }

    func testNotAcrossHeads() {
        // a movement named before does not make «الجيش» mean it
        let d = extractInvented("أعلنت حركة حماس موقفها. وقال الناطق باسم الجيش العميد خالد منصور إن الوضع هادئ.")
        XCTAssertFalse(d.mentions.contains { $0.text == "الجيش" }, "\(d.mentions.map(\.text))")
    }

    func testHeadName() {
        XCTAssertEqual(Linker.bareHead(ofName: "حزب الأمة"), "الحزب")
        XCTAssertNil(Linker.bareHead(ofName: "القوات الخاصة"))
    }
}

/// A town whose name holds another place's name is that town (gazetteer.tsv). Invented text.
final class TownNameTests: XCTestCase {
    func testBintJbeilIsNotByblos() {
        let d = extractInvented("وصل الوزير إلى بلدة بنت جبيل صباح الأحد.")
        XCTAssertTrue(d.entities.contains { $0.id == "plc-bint-jbeil" }, "\(d.entities.map(\.id))")
        XCTAssertFalse(d.entities.contains { $0.id == "plc-byblos" }, "\(d.entities.map(\.id))")
    }
}

import KBFacts
import KBGraph
import KBText
import XCTest

/// `object-of TYPE` (the object of a fact another rule found on the same word) and the guest received in a city
/// (rules/migrated-received.rules, migrated from the Swift family received-in). Invented sentences.
final class FactObjectFinderTests: XCTestCase {
    func fired(_ rule: String, _ text: String, _ x: Extractor) -> Bool {
        let trace = ExtractionTrace()
        _ = x.extract(SourceText(documentID: "doc-t", path: "t.txt", text: text), metadata: nil, trace: trace)
        return trace.lines.values.joined().contains { $0.hasPrefix("rule \(rule) fired") }
    }

    func testObjectOfReadsTheFactFoundOnTheSameWord() throws {
        var set = RuleSet.bundled
        try set.parse("""
            rule t.guest-at
            type VISIT
            trigger RECEIVE_V
            subject object-of RECEIVE
            object after-prep في within 9 types PLACE clause
            example: x

            """, file: "t.rules")
        let x = Extractor(rules: set)
        XCTAssertTrue(fired("t.guest-at", "واستقبل الرئيس الغاني جون ماهاما نظيره التوغولي فوري غناسينغبي في منطقة الساحل.", x))
        // `clause`: the place after a comma is another clause's
        XCTAssertFalse(fired("t.guest-at", "واستقبل الرئيس الغاني جون ماهاما نظيره التوغولي فوري غناسينغبي بحفاوة، ثم سافر في منطقة الساحل.", x))
        // a planned reception names no guest who came
        XCTAssertFalse(fired("t.guest-at", "وسيستقبل الرئيس الغاني جون ماهاما نظيره التوغولي فوري غناسينغبي في منطقة الساحل.", x))
    }

    func testObjectOfNeedsAKnownTypeAndStandsAlone() {
        var set = RuleSet.bundled
        XCTAssertThrowsError(try set.parse("rule x\ntype VISIT\ntrigger RECEIVE_V\nsubject object-of NO_SUCH_TYPE\nobject after 3\nexample: x\n",
                                           file: "o.rules")) { e in
            XCTAssertTrue("\(e)".hasPrefix("o.rules:1:") && "\(e)".contains("NO_SUCH_TYPE"), "\(e)")
        }
        XCTAssertThrowsError(try set.parse("rule y\ntype VISIT\ntrigger RECEIVE_V\nsubject object-of\n", file: "o.rules")) { e in
            XCTAssertTrue("\(e)".hasPrefix("o.rules:4:"), "\(e)")
        }
    }

    func testTheGuestReceivedInACityIsADataRule() {
        XCTAssertFalse(RuleSet.bundled.rules.compactMap(\.procedural).contains("received-in"))
        let x = Extractor().extract(SourceText(documentID: "doc-t", path: "t.txt",
                                               text: "واستقبل الرئيس الغاني جون ماهاما نظيره التوغولي فوري غناسينغبي في أكرا."))
        XCTAssertTrue(x.facts.contains { $0.type == "VISIT" && $0.rule == "visit.received-in" }, "\(x.facts.map(\.rule))")
    }
}

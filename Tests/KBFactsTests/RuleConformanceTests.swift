import KBFacts
import KBGraph
import KBText
import XCTest

/// The rule files: every rule's invented examples make it fire, no counter-example does; the lexicon generates
/// the forms news text writes; errors name file and line.
final class RuleConformanceTests: XCTestCase {
    static let extractor = Extractor()

    func fired(_ rule: String, _ text: String) -> Bool {
        let trace = ExtractionTrace()
        _ = Self.extractor.extract(SourceText(documentID: "doc-example", path: "example.txt", text: text), metadata: nil, trace: trace)
        return trace.lines.values.joined().contains { $0.hasPrefix("rule \(rule) fired") }
    }

    func testEveryRuleFiresOnItsExamplesAndNotOnItsCounterExamples() {
        let set = RuleSet.bundled
        XCTAssertGreaterThan(set.rules.filter { $0.procedural == nil }.count, 10)
        for r in set.rules where r.procedural == nil {
            XCTAssertFalse(r.examples.isEmpty, "\(r.file):\(r.line): \(r.name) has no example")
            for e in r.examples { XCTAssertTrue(fired(r.name, e.text), "\(r.file):\(e.line): \(r.name) does not fire on its example") }
            for e in r.counters { XCTAssertFalse(fired(r.name, e.text), "\(r.file):\(e.line): \(r.name) fires on its counter-example") }
        }
    }

    func testEveryTypeOfTheInventoryIsListedInTheRuleFiles() {
        let listed = Set(RuleSet.bundled.rules.map(\.type) + RuleSet.bundled.rules.compactMap(\.plannedType))
        let missing = RelationTable.standard.names.filter { !listed.contains($0) }
        // the types no rule covers yet (reported, not hidden)
        XCTAssertLessThanOrEqual(missing.count, 1, "types without a rule: \(missing)")
    }

    func testOneVerbEntryCoversItsForms() throws {
        var lex = WordLexicon()
        try lex.parse("VISIT verb زار يزور زيارة\n", file: "t.txt")
        for w in ["زار", "زارت", "يزور", "تزور", "سيزور", "زيارة", "زيارته", "وزار", "بزيارة", "الزيارة", "زاروا", "زارها"] {
            XCTAssertTrue(lex.contains(w, in: "VISIT"), w)
        }
        XCTAssertTrue(lex.contains("زيارته", in: "VISIT.noun"))
        XCTAssertFalse(lex.contains("زيارته", in: "VISIT.verb"))
        XCTAssertFalse(lex.contains("زائر", in: "VISIT"))
        // natural spelling is normalised: ى, ة, hamza forms
        try lex.parse("MEET verb التقى يلتقي لقاء\n", file: "t.txt")
        for w in ["التقى", "التقت", "التقوا", "يلتقي", "سيلتقي", "لقاءه", "التقاه"] { XCTAssertTrue(lex.contains(w, in: "MEET"), w) }
    }

    func testErrorsNameFileAndLine() {
        var lex = WordLexicon()
        XCTAssertThrowsError(try lex.parse("OK word في\nVISIT verb زار\n", file: "my.txt")) { e in
            XCTAssertTrue("\(e)".hasPrefix("my.txt:2:"), "\(e)")
        }
        var set = RuleSet.bundled
        XCTAssertThrowsError(try set.parse("rule x\ntype VISIT\ntrigger NO_SUCH_CLASS\n", file: "r.rules")) { e in
            XCTAssertTrue("\(e)".hasPrefix("r.rules:3:"), "\(e)")
        }
        XCTAssertThrowsError(try set.parse("rule x\ntype NOT_A_TYPE\ntrigger ARRIVE\n", file: "r.rules")) { e in
            XCTAssertTrue("\(e)".contains("r.rules:1:"), "\(e)")
        }
        XCTAssertThrowsError(try set.parse("rule x\ntype VISIT\ntrigger ARRIVE\nsubject sideways 3\n", file: "r.rules")) { e in
            XCTAssertTrue("\(e)".hasPrefix("r.rules:4:"), "\(e)")
        }
    }

    func testAUserRuleAndVerbExtendTheBundledOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kb-rules-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lexFile = dir.appendingPathComponent("extra.txt").path
        try "PRAISE verb أشاد يشيد إشادة\n".write(toFile: lexFile, atomically: true, encoding: .utf8)
        let rules = """
            rule praise.verb
            type SUPPORT
            trigger PRAISE
            subject before 8 types PER,ORG,PLACE | after 6 types PER,ORG,PLACE
            object after-prep ب- within 8 types PER,ORG,PLACE
            example: أشاد الرئيس التونسي قيس سعيد بالجزائر.

            """
        try rules.write(toFile: dir.appendingPathComponent("praise.rules").path, atomically: true, encoding: .utf8)
        let set = try RuleSet.load(ruleDirs: [dir.path], lexiconFiles: [lexFile])
        let x = Extractor(rules: set).extract(SourceText(documentID: "d", path: "d.txt", text: "أشاد الرئيس التونسي قيس سعيد بالجزائر."))
        XCTAssertTrue(x.facts.contains { $0.rule == "praise.verb" && $0.type == "SUPPORT" }, "\(x.facts.map(\.rule))")
    }
}

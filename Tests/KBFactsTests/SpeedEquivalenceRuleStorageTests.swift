@testable import KBFacts
import KBGraph
import XCTest

/// speed16: a `Rule` keeps its fields in one shared box, copied on the first change of a copy. A copy changed in any
/// field leaves the rule it was copied from as it was (a value, as when the fields were stored in the struct).
final class SpeedEquivalenceRuleStorageTests: XCTestCase {
    /// Each field, changed on a copy, and whether the original still reads its old value.
    static var changes: [(String, (inout Rule) -> Void, (Rule, Rule) -> Bool)] { [
        ("name", { $0.name = "other" }, { $0.name == $1.name }),
        ("file", { $0.file = "x.rules" }, { $0.file == $1.file }),
        ("line", { $0.line += 7 }, { $0.line == $1.line }),
        ("type", { $0.type = "NEW_TYPE" }, { $0.type == $1.type }),
        ("triggers", { $0.triggers.append(99_999) }, { $0.triggers == $1.triggers }),
        ("triggerNames", { $0.triggerNames.append("X") }, { $0.triggerNames == $1.triggerNames }),
        ("subject", { $0.subject.append(ArgumentFinder(kind: .documentPeople)) }, { $0.subject == $1.subject }),
        ("object", { $0.object.append(ArgumentFinder(kind: .documentPeople)) }, { $0.object == $1.object }),
        ("requires", { $0.requires.append(ContextCue(cls: 1, className: "C", before: true, within: 2)) }, { $0.requires == $1.requires }),
        ("unless", { $0.unless.append(ContextCue(cls: 2, className: "D", before: false, within: 3)) }, { $0.unless == $1.unless }),
        ("plannedType", { $0.plannedType = "PLANS_X" }, { $0.plannedType == $1.plannedType }),
        ("modality", { $0.modality = .negated }, { $0.modality == $1.modality }),
        ("keepNegated", { $0.keepNegated.toggle() }, { $0.keepNegated == $1.keepNegated }),
        ("pairwise", { $0.pairwise.toggle() }, { $0.pairwise == $1.pairwise }),
        ("confidence", { $0.confidence += 0.125 }, { $0.confidence == $1.confidence }),
        ("takesDate", { $0.takesDate.toggle() }, { $0.takesDate == $1.takesDate }),
        ("dated", { $0.dated.toggle() }, { $0.dated == $1.dated }),
        ("objectFirst", { $0.objectFirst.toggle() }, { $0.objectFirst == $1.objectFirst }),
        ("freeTitle", { $0.freeTitle.toggle() }, { $0.freeTitle == $1.freeTitle }),
        ("unlessFired", { $0.unlessFired += ["r"] }, { $0.unlessFired == $1.unlessFired }),
        ("procedural", { $0.procedural = "p" }, { $0.procedural == $1.procedural }),
        ("examples", { $0.examples.append(("t", 1)) }, { $0.examples.count == $1.examples.count }),
        ("counters", { $0.counters.append(("t", 1)) }, { $0.counters.count == $1.counters.count }),
    ] }

    func testACopyChangedLeavesTheOriginal() {
        let rules = RuleSet.bundled.rules
        XCTAssertFalse(rules.isEmpty)
        for r in rules.prefix(40) + [Rule(name: "fresh", file: "f.rules", line: 1)] {
            for (field, change, same) in Self.changes {
                let before = r
                var copy = r
                change(&copy)
                XCTAssertFalse(same(copy, before), "\(r.name): \(field) not changed on the copy")
                XCTAssertTrue(same(r, before), "\(r.name): \(field) changed on the original")
                // the copy keeps every other field
                for (other, _, same2) in Self.changes where other != field {
                    XCTAssertTrue(same2(copy, r), "\(r.name): \(other) lost when \(field) changed")
                }
            }
        }
    }

    /// A rule built field by field (as the parser does) reads back what was set, and a copy made before a change
    /// keeps the value it had.
    func testBuiltFieldByField() {
        var r = Rule(name: "n", file: "f", line: 3)
        let early = r
        r.type = "VISIT"; r.triggers = [1, 2]; r.confidence = 0.5; r.subject.append(ArgumentFinder(kind: .documentPeople))
        XCTAssertEqual(r.type, "VISIT"); XCTAssertEqual(r.triggers, [1, 2]); XCTAssertEqual(r.confidence, 0.5)
        XCTAssertEqual(r.subject.count, 1)
        XCTAssertEqual(early.type, ""); XCTAssertEqual(early.triggers, []); XCTAssertEqual(early.confidence, 0.75)
        XCTAssertTrue(early.subject.isEmpty); XCTAssertTrue(early.takesDate); XCTAssertNil(early.modality)
    }
}

import Foundation
import KBGraph
import KBTestSupport
import XCTest

final class RelationTableTests: XCTestCase {
    /// The bundled table holds exactly the types of the shared fact inventory, with the same symmetric marks (↔).
    func testTableIsTheInventory() throws {
        let inventory = try String(contentsOfFile: Project.sharedPath("notes/fact-inventory.md"), encoding: .utf8)
        var names: [String] = [], symmetric = Set<String>()
        for line in inventory.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = cells.first, !name.isEmpty, name.allSatisfy({ $0.isUppercase || $0 == "_" }) else { continue }
            names.append(name)
            if cells.count > 1, cells[1].contains("↔") { symmetric.insert(name) }
        }
        XCTAssertEqual(names.count, 50)
        let table = RelationTable.standard
        XCTAssertEqual(table.names, names)
        XCTAssertEqual(Set(table.types.filter(\.symmetric).map(\.name)), symmetric)
    }

    func testRolesAndTypes() throws {
        let t = RelationTable.standard
        let visit = try XCTUnwrap(t["VISIT"])
        XCTAssertEqual(visit.objectRole(for: .place), "location")
        XCTAssertEqual(visit.objectRole(for: .organization), "organizer")
        XCTAssertEqual(visit.kind, .event)
        XCTAssertEqual(t["HOLDS_ROLE"]?.kind, .state)
        XCTAssertEqual(t["HOLDS_ROLE"]?.allows(subject: .person, object: .organization), true)
        XCTAssertEqual(t["HOLDS_ROLE"]?.allows(subject: .place, object: .organization), false)
        XCTAssertEqual(t["OTHER"]?.allows(subject: .date, object: .date), true)
        XCTAssertEqual(FactType.cameo("VISIT"), "042")
        XCTAssertTrue(FactType.isSymmetric("MEET"))
        XCTAssertFalse(FactType.isSymmetric("RECEIVE"))
    }

    func testMalformedTableNamesTheLine() {
        let header = "name\tsymmetric\tkind\tsubject\tobject\tsubj_role\tobj_role\tcameo\tgloss\n"
        func error(_ text: String) -> String {
            do { _ = try RelationTable.parse(text, file: "r.tsv"); return "" } catch { return "\(error)" }
        }
        XCTAssertTrue(error("# c\n" + header + "VISIT\tmaybe\tevent\tPER\tPLACE\t-\t-\t042\tvisits\n").hasPrefix("r.tsv:3: symmetric"))
        XCTAssertTrue(error(header + "VISIT\tno\tevent\tPER\tCITY\t-\t-\t042\tvisits\n").contains("r.tsv:2: unknown entity type 'CITY'"))
        XCTAssertTrue(error(header + "VISIT\tno\tevent\tPER\tPLACE\n").contains("r.tsv:2: expected 9"))
        XCTAssertTrue(error(header + "A\tno\tevent\t*\t*\t-\t-\t-\ta\nA\tno\tevent\t*\t*\t-\t-\t-\ta\n").contains("r.tsv:3: type 'A' is listed twice"))
        XCTAssertTrue(error("VISIT\tno\tevent\tPER\tPLACE\t-\t-\t042\tvisits\n").contains("r.tsv:1: expected the header"))
    }

    /// Schemas/kbexport-vocabulary.rdf names every type of the table.
    func testVocabularyListsEveryType() throws {
        let vocab = try String(contentsOfFile: Project.schema("kbexport-vocabulary.rdf"), encoding: .utf8)
        for name in RelationTable.standard.names {
            XCTAssertTrue(vocab.range(of: "\\b\(name)\\b", options: .regularExpression) != nil, "\(name) missing from the vocabulary")
        }
    }
}

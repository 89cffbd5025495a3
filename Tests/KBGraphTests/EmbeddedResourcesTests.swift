import Foundation
import KBResources
import KBTestSupport
import XCTest

/// Every bundled resource is compiled into the binary, byte for byte, under its module's name.
final class EmbeddedResourcesTests: XCTestCase {
    func testEveryResourceFolderFileIsEmbeddedByteForByte() throws {
        let fm = FileManager.default
        var expected: [String: URL] = [:]
        let sources = Project.root.appendingPathComponent("Sources")
        for module in try fm.contentsOfDirectory(atPath: sources.path) {
            let dir = sources.appendingPathComponent(module).appendingPathComponent("Resources")
            for rel in (fm.enumerator(atPath: dir.path)?.allObjects as? [String]) ?? [] where !rel.hasPrefix(".") {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: dir.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue {
                    expected["\(module)/\(rel)"] = dir.appendingPathComponent(rel)
                }
            }
        }
        for folder in ["seeds", "Schemas"] {
            for name in try fm.contentsOfDirectory(atPath: Project.root.appendingPathComponent(folder).path) where !name.hasPrefix(".") {
                expected["\(folder)/\(name)"] = Project.root.appendingPathComponent("\(folder)/\(name)")
            }
        }
        XCTAssertNotNil(expected["KBFacts/gazetteer.tsv"])
        XCTAssertNotNil(expected["KBGraph/relations.tsv"])
        XCTAssertEqual(Set(EmbeddedResources.names), Set(expected.keys))
        for (name, url) in expected {
            XCTAssertEqual(EmbeddedResources.data(named: name), try Data(contentsOf: url), name)
        }
        XCTAssertEqual(EmbeddedResources.names(under: "seeds/").filter { $0.hasSuffix(".txt") }.count, 2)
        XCTAssertNil(EmbeddedResources.data(named: "KBFacts/no-such-file.tsv"))
    }
}

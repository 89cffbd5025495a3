import Foundation
import KBTestSupport
import XCTest

/// The binary copied alone to another folder exports the seed articles built into it, from `/` and from a folder
/// that has its own `seeds/`; the output is the same bytes as reading the project's seeds/ from the project root.
final class PortableBinaryTests: XCTestCase {
    func testCopiedBinaryExportsTheEmbeddedSeedsFromAnywhere() throws {
        let dir = try TempFolder("portable")
        defer { dir.remove() }
        let copy = dir.path("bin/kbexport")
        try FileManager.default.createDirectory(atPath: dir.path("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Project.binary, toPath: copy)
        // a folder with its own seeds/ (a user's articles): must not replace the bundled ones
        try dir.write("work/seeds/mine.txt", "وصل رئيس الوزراء إلى العاصمة في زيارة قصيرة.\n")

        for format in ["graphml", "jsonl"] {
            let reference = try Command.kbexport(["seeds", "--format", format], cwd: Project.root.path)
            XCTAssertEqual(reference.status, 0, reference.stderr)
            for cwd in ["/", dir.path("work")] {
                let r = try Command.run(copy, ["--format", format], cwd: cwd)
                XCTAssertEqual(r.status, 0, "\(format) from \(cwd): \(r.stderr)")
                XCTAssertEqual(r.stdout, reference.stdout, "\(format) from \(cwd) differs from the project's seeds/")
                XCTAssertFalse(r.stdoutText.contains("mine.txt"))
            }
        }
        let jsonl = try Command.run(copy, ["--format", "jsonl"], cwd: "/").stdoutText
        XCTAssertTrue(jsonl.contains("\"path\":\"seeds/000_0f4681632fbd4e5c.txt\""), String(jsonl.prefix(300)))
        // evaluate --corpus seeds and validate (kbexport's own schemas) work from the copy too
        let eval = try Command.run(copy, ["evaluate", "--corpus", "seeds"], cwd: "/")
        XCTAssertEqual(eval.status, 0, eval.stderr)
        XCTAssertTrue(eval.stdoutText.contains("seeds (bundled)"), eval.stdoutText)
        let graphml = try dir.write("out.graphml", try Command.run(copy, [], cwd: "/").stdout)
        let empty = try TempFolder("portable-noschemas")
        defer { empty.remove() }
        let v = try Command.run(copy, ["validate", graphml], cwd: "/", env: ["KBEXPORT_SCHEMAS": empty.path])
        XCTAssertEqual(v.status, 0, v.stdoutText + v.stderr)
        XCTAssertTrue(v.stdoutText.contains("kbexport-graphml.xsd"), v.stdoutText)
    }
}

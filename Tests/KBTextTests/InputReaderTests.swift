import Foundation
import KBTestSupport
import XCTest
@testable import KBText

final class InputReaderTests: XCTestCase {
    private func load(_ bytes: [UInt8]) throws -> SourceText {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        let path = try dir.write("in.txt", bytes)
        return try InputReader.load(InputFile(path: path), documentID: "d")
    }

    private func loadError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> InputError? {
        do {
            _ = try InputReader.decode(bytes, path: "in.txt")
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as InputError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: Decoding

    func testUTF8BOMIsRemoved() throws {
        let source = try load([0xEF, 0xBB, 0xBF] + Array("مرحبا بكم.".utf8))
        XCTAssertEqual(source.text, "مرحبا بكم.")
        XCTAssertEqual(source.scalars.first, "م")
        XCTAssertEqual(source.documentID, "d")
    }

    func testCRLFIsKeptInTheText() throws {
        let source = try load(Array("سطر أول.\r\nسطر ثان.\r\n".utf8))
        XCTAssertTrue(source.scalars.contains("\r"), "CR must be kept as is")
        XCTAssertEqual(source.scalars.count, source.text.unicodeScalars.count)
    }

    func testTextIsNFC() throws {
        // ا + U+0654 (hamza above) composes to أ; e + U+0301 to é.
        let source = try load(Array("\u{0627}\u{0654}حمد cafe\u{0301}".utf8))
        XCTAssertEqual(source.text, "\u{0623}حمد caf\u{00E9}")
        XCTAssertEqual(source.scalars[0], "\u{0623}")
    }

    func testInvalidUTF8ReportsTheByteOffset() {
        XCTAssertEqual(loadError(Array("abc".utf8) + [0xD8] + Array(" x".utf8)), .invalidUTF8(path: "in.txt", byteOffset: 3))
        // An overlong encoding, a surrogate and a stray continuation byte.
        XCTAssertEqual(loadError(Array("مم".utf8) + [0xC0, 0x80]), .invalidUTF8(path: "in.txt", byteOffset: 4))
        XCTAssertEqual(loadError([0x41, 0xED, 0xA0, 0x80]), .invalidUTF8(path: "in.txt", byteOffset: 1))
        XCTAssertEqual(loadError([0x41, 0x42, 0x80]), .invalidUTF8(path: "in.txt", byteOffset: 2))
        // A sequence cut by the end of the file.
        XCTAssertEqual(loadError(Array("ab".utf8) + [0xD9]), .invalidUTF8(path: "in.txt", byteOffset: 2))
        // With a BOM, the offset still counts from the start of the file.
        XCTAssertEqual(loadError([0xEF, 0xBB, 0xBF, 0x41, 0xFF]), .invalidUTF8(path: "in.txt", byteOffset: 4))
    }

    func testNULByteIsBinary() {
        XCTAssertEqual(loadError(Array("نص".utf8) + [0x00, 0x41, 0x00]), .binary(path: "in.txt", byteOffset: 4))
        XCTAssertEqual(loadError([0x89, 0x50, 0x4E, 0x47, 0x00]), .binary(path: "in.txt", byteOffset: 4))
    }

    func testUTF16BOMIsReported() {
        XCTAssertEqual(loadError([0xFF, 0xFE, 0x27, 0x06]), .utf16(path: "in.txt"))
        XCTAssertEqual(loadError([0xFE, 0xFF, 0x06, 0x27]), .utf16(path: "in.txt"))
    }

    func testEmptyAndWhitespaceOnly() {
        XCTAssertEqual(loadError([]), .empty(path: "in.txt"))
        XCTAssertEqual(loadError(Array(" \n\t\r\n\u{00A0}\u{200F}".utf8)), .empty(path: "in.txt"))
        XCTAssertEqual(loadError([0xEF, 0xBB, 0xBF]), .empty(path: "in.txt"))
    }

    func testDescriptionsNameTheFileAndOffset() {
        let invalid = InputError.invalidUTF8(path: "docs/a.txt", byteOffset: 17).description
        XCTAssertTrue(invalid.contains("docs/a.txt") && invalid.contains("17"), invalid)
        let binary = InputError.binary(path: "b.txt", byteOffset: 9).description
        XCTAssertTrue(binary.contains("b.txt") && binary.contains("9") && binary.contains("NUL"), binary)
        XCTAssertTrue(InputError.utf16(path: "c.txt").description.contains("UTF-16"))
        XCTAssertTrue(InputError.symlinkLoop(path: "d").description.contains("loop"))
        XCTAssertEqual(InputError.empty(path: "e.txt").path, "e.txt")
    }

    func testLoadErrorsUseTheDisplayPath() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        let path = try dir.write("x.txt", [0x41, 0x00])
        XCTAssertThrowsError(try InputReader.load(InputFile(path: path, displayPath: "shown/x.txt"), documentID: "x")) {
            XCTAssertEqual($0 as? InputError, .binary(path: "shown/x.txt", byteOffset: 1))
        }
        XCTAssertThrowsError(try InputReader.load(InputFile(path: dir.path("missing.txt")), documentID: "m")) {
            XCTAssertEqual($0 as? InputError, .notFound(path: dir.path("missing.txt")))
        }
        XCTAssertThrowsError(try InputReader.load(InputFile(path: dir.url.path), documentID: "dir")) {
            guard case .unreadable(_, let reason)? = $0 as? InputError else { return XCTFail("\($0)") }
            XCTAssertTrue(reason.lowercased().contains("directory"), reason)
        }
    }

    func testOnlyBoilerplate() throws {
        let src = source("تخطي إلى المحتوى الرئيسي\nالعالم العربي\n\nإعلان\n[ad_1]\n\nالصفحة غير متوفرة\n", path: "p.txt")
        XCTAssertTrue(Cleaner.sentences(of: src).isEmpty)
        XCTAssertThrowsError(try Cleaner.articleSentences(of: src)) {
            XCTAssertEqual($0 as? InputError, .onlyBoilerplate(path: "p.txt"))
        }
        XCTAssertEqual(try Cleaner.articleSentences(of: source("وصل الوفد إلى طرابلس.")).count, 1)
    }

    // MARK: Collecting

    func testDirectoryRecursionIsSortedAndTxtOnly() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        for name in ["b.txt", "a.txt", "sub/z.txt", "sub/c.TXT", "sub/deeper/a.txt", "notes.md", "sub/d.json", ".hidden.txt"] {
            try dir.write(name, "نص.")
        }
        let (files, errors) = InputReader.collect([dir.url.path])
        XCTAssertEqual(errors, [])
        let root = dir.url.path + "/"
        XCTAssertEqual(files.map { String($0.path.dropFirst(root.count)) },
                       ["a.txt", "b.txt", "sub/c.TXT", "sub/deeper/a.txt", "sub/z.txt"])
        XCTAssertEqual(files.map(\.displayPath), files.map(\.path))
    }

    func testFilesAsGivenStdinAndDuplicates() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        let md = try dir.write("note.md", "نص.")
        let txt = try dir.write("a.txt", "نص.")
        let (files, errors) = InputReader.collect([md, "-", txt, txt, dir.url.path, "-"])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(files, [InputFile(path: md), .stdin, InputFile(path: txt)])
        XCTAssertEqual(InputFile.stdin.displayPath, "<stdin>")
        XCTAssertTrue(InputFile.stdin.isStandardInput)
    }

    func testMissingPathIsReported() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        let good = try dir.write("ok.txt", "نص.")
        let missing = dir.path("nope.txt")
        let (files, errors) = InputReader.collect([missing, good])
        XCTAssertEqual(files, [InputFile(path: good)])
        XCTAssertEqual(errors, [.notFound(path: missing)])
    }

    func testSymlinkLoopsAreDetected() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        try dir.write("tree/a.txt", "نص.")
        let fm = FileManager.default
        // A link back to an ancestor directory, and a link that points at itself.
        try fm.createSymbolicLink(atPath: dir.path("tree/up"), withDestinationPath: dir.path("tree"))
        try fm.createSymbolicLink(atPath: dir.path("tree/self.txt"), withDestinationPath: dir.path("tree/self.txt"))
        let (files, errors) = InputReader.collect([dir.path("tree")])
        XCTAssertEqual(files, [InputFile(path: dir.path("tree/a.txt"))])
        XCTAssertEqual(Set(errors), [.symlinkLoop(path: dir.path("tree/self.txt")), .symlinkLoop(path: dir.path("tree/up"))])
        // Given directly.
        XCTAssertEqual(InputReader.collect([dir.path("tree/self.txt")]).errors, [.symlinkLoop(path: dir.path("tree/self.txt"))])
    }

    func testLinkedDirectoryOutsideTheTreeIsFollowed() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        try dir.write("other/x.txt", "نص.")
        try dir.write("tree/a.txt", "نص.")
        try FileManager.default.createSymbolicLink(atPath: dir.path("tree/link"), withDestinationPath: dir.path("other"))
        let (files, errors) = InputReader.collect([dir.path("tree")])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(files.map(\.path), [dir.path("tree/a.txt"), dir.path("tree/link/x.txt")])
    }

    func testUnreadableEntryIsReported() throws {
        try XCTSkipIf(geteuid() == 0, "root reads every file")
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        let path = try dir.write("locked.txt", "نص.")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let (files, errors) = InputReader.collect([dir.url.path])
        XCTAssertEqual(files, [])
        guard case .unreadable(let p, _)? = errors.first else { return XCTFail("\(errors)") }
        XCTAssertEqual(p, path)
    }

    // MARK: Metadata

    func testMetadataSidecar() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        let txt = try dir.write("doc.txt", "نص.")
        XCTAssertNil(try InputReader.metadata(for: InputFile(path: txt)))
        XCTAssertNil(try InputReader.metadata(for: .stdin))
        try dir.write("doc.meta.json", #"{"url": "https://example.org/a", "outlet": "المنصة", "published": "2025-12-08", "extra": 1}"#)
        XCTAssertEqual(try InputReader.metadata(for: InputFile(path: txt)),
                       DocumentMetadata(url: "https://example.org/a", outlet: "المنصة", published: "2025-12-08", title: nil))
        XCTAssertEqual(InputReader.metadataPath(for: InputFile(path: txt)), dir.path("doc.meta.json"))
    }

    func testMalformedMetadataIsUnreadable() throws {
        let dir = try TempFolder("kbtext", removeWhenDone: true)
        let txt = InputFile(path: try dir.write("doc.txt", "نص."))
        let cases: [(String, String)] = [
            (#"{"url": "x""#, "JSON"),
            (#"["a"]"#, "object"),
            (#"{"title": 5}"#, "title"),
            (#"{"published": "2023-02-29"}"#, "published"),
            (#"{"published": "2023-13"}"#, "published"),
            (#"{"published": "7 April 2025"}"#, "published"),
        ]
        for (json, word) in cases {
            try dir.write("doc.meta.json", json)
            XCTAssertThrowsError(try InputReader.metadata(for: txt), json) { error in
                guard case .unreadable(let path, let reason)? = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(path, dir.path("doc.meta.json"))
                XCTAssertTrue(reason.contains(word), "\(json): \(reason)")
            }
        }
        for date in ["2024", "2024-02", "2024-02-29"] {
            try dir.write("doc.meta.json", #"{"published": "\#(date)"}"#)
            XCTAssertEqual(try InputReader.metadata(for: txt)?.published, date)
        }
    }
}

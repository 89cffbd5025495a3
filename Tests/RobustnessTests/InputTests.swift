// Bad inputs through the built binary: each is named on standard error (with the byte offset where it applies),
// the other inputs are still exported, the exit status is 2 when anything was skipped, and --strict refuses
// before anything is written.

import Foundation
import KBTestSupport
import KBText
import KBWriters
import KBXML
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real article (from the seeds) that yields entities and facts.
let goodArticle: String = {
    let url = Project.root.appendingPathComponent("seeds/000_0f4681632fbd4e5c.txt")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "وصل المشير خليفة حفتر إلى نيامي بدعوة من رئيس النيجر محمد يوسفو."
}()

/// One sentence that yields entities and facts.
let shortArticleText = "وصل المشير خليفة حفتر يوم الثلاثاء 7 أغسطس 2018 إلى العاصمة النيجيرية نيامي بدعوة من رئيس النيجر محمد يوسفو.\n"

/// The bad inputs of the issue, with the message each must produce (file name, reason, byte offset).
struct BadInput {
    let name: String
    let bytes: [UInt8]
    let expected: [String]
}

let badInputs: [BadInput] = [
    BadInput(name: "stray-byte.txt", bytes: Array("abc".utf8) + [0xD8] + Array(" نص".utf8),
             expected: ["stray-byte.txt", "not valid UTF-8", "byte offset 3"]),
    BadInput(name: "truncated.txt", bytes: Array("نص عربي".utf8) + [0xE2, 0x80],
             expected: ["truncated.txt", "not valid UTF-8", "byte offset 13"]),
    // A UTF-16 surrogate encoded as if it were a scalar (CESU-8 / WTF-8 style): not UTF-8.
    BadInput(name: "lone-surrogate.txt", bytes: Array("نص".utf8) + [0xED, 0xA0, 0x80] + Array(" x".utf8),
             expected: ["lone-surrogate.txt", "not valid UTF-8", "byte offset 4"]),
    BadInput(name: "cesu-pair.txt", bytes: Array("ab".utf8) + [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80],
             expected: ["cesu-pair.txt", "not valid UTF-8", "byte offset 2"]),
    BadInput(name: "overlong.txt", bytes: Array("a".utf8) + [0xC0, 0xAF],
             expected: ["overlong.txt", "not valid UTF-8", "byte offset 1"]),
    BadInput(name: "utf16.txt", bytes: [0xFF, 0xFE] + Array("خبر".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
             expected: ["utf16.txt", "UTF-16"]),
    BadInput(name: "utf16be.txt", bytes: [0xFE, 0xFF, 0x06, 0x2E], expected: ["utf16be.txt", "UTF-16"]),
    BadInput(name: "binary.txt", bytes: Array("\u{89}PNG".utf8) + [0x0D, 0x0A, 0x1A, 0x00, 0x01],
             expected: ["binary.txt", "NUL byte", "byte offset 8"]),
    BadInput(name: "empty.txt", bytes: [], expected: ["empty.txt", "empty input"]),
    BadInput(name: "blank.txt", bytes: Array(" \n\t\r\n\u{00A0}\u{200F}\n".utf8), expected: ["blank.txt", "empty input"]),
    BadInput(name: "boilerplate.txt", bytes: Array("تخطي إلى المحتوى الرئيسي\nالعالم العربي\n\nإعلان\nاقرأ أيضا\nشارك\n".utf8),
             expected: ["boilerplate.txt", "no article text left after removing boilerplate"]),
]

@Suite struct InputTests {
    /// A directory with one good article and every bad input, a symlink loop, and a missing path on the command line.
    private func fixture() throws -> (dir: TempFolder, inputs: String, missing: String) {
        let dir = try TempFolder("robust")
        try dir.write("in/good.txt", goodArticle)
        for b in badInputs { try dir.write("in/\(b.name)", b.bytes) }
        try FileManager.default.createSymbolicLink(atPath: dir.path("in/loop.txt"), withDestinationPath: dir.path("in/loop.txt"))
        try FileManager.default.createSymbolicLink(atPath: dir.path("in/up"), withDestinationPath: dir.path("in"))
        return (dir, dir.path("in"), dir.path("no-such-file.txt"))
    }

    @Test(arguments: OutputFormat.allCases)
    func badInputsAreNamedSkippedAndTheRestIsWritten(format: OutputFormat) throws {
        let (dir, inputs, missing) = try fixture()
        defer { dir.remove() }
        let out = dir.path("out.\(format.fileExtension)")
        let r = try Command.kbexport([inputs, missing, "--format", format.rawValue, "-o", out])
        #expect(r.status == 2, "exit status 2 = written, but inputs skipped; stderr:\n\(r.stderr)")
        #expect(r.stdout.isEmpty)
        for b in badInputs {
            let line = r.stderr.split(separator: "\n").first { $0.contains("/in/\(b.name):") }
            #expect(line != nil, "\(b.name) is not named on stderr:\n\(r.stderr)")
            for part in b.expected { #expect(line?.contains(part) == true, "\(b.name): missing '\(part)' in \(line ?? "-")") }
        }
        #expect(r.stderr.contains("in/loop.txt: symbolic link loop"), "\(r.stderr)")
        #expect(r.stderr.contains("in/up: symbolic link loop"), "\(r.stderr)")
        #expect(r.stderr.contains("no-such-file.txt: no such file or directory"), "\(r.stderr)")
        #expect(!r.stderr.contains("good.txt"), "the good article must not be reported: \(r.stderr)")
        // The good article was exported, and the file is well-formed and valid.
        let bytes = try #require(dir.read("out.\(format.fileExtension)"))
        try expectValid(bytes, format, out)
        #expect(String(decoding: bytes, as: UTF8.self).contains("خليفة حفتر"))
        #expect(dir.entries() == ["in", "out.\(format.fileExtension)"], "no temporary file may be left")
    }

    @Test func strictRefusesBeforeAnythingIsWritten() throws {
        let (dir, inputs, _) = try fixture()
        defer { dir.remove() }
        // Problems found while collecting (a link loop), to standard output and to a file.
        var r = try Command.kbexport([inputs, "--strict"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "--strict must not write anything to standard output")
        #expect(r.stderr.contains("loop.txt: symbolic link loop") && r.stderr.contains("--strict"), "\(r.stderr)")
        try dir.write("previous.graphml", "previous")
        r = try Command.kbexport([inputs, "--strict", "-o", dir.path("previous.graphml")])
        #expect(r.status == 1)
        #expect(dir.read("previous.graphml") == Array("previous".utf8))
        r = try Command.kbexport([inputs, "--strict", "-o", dir.path("new.graphml")])
        #expect(r.status == 1)
        #expect(dir.entries() == ["in", "previous.graphml"], "no output and no temporary file")
        // Problems found only while decoding (invalid UTF-8 next to a good file).
        let good = dir.path("in/good.txt"), bad = dir.path("in/stray-byte.txt")
        for format in OutputFormat.allCases {
            r = try Command.kbexport([good, bad, "--strict", "--format", format.rawValue])
            #expect(r.status == 1, "\(format)")
            #expect(r.stdout.isEmpty, "\(format): --strict wrote \(r.stdout.count) bytes")
            #expect(r.stderr.contains("stray-byte.txt: not valid UTF-8: bad byte sequence at byte offset 3"), "\(r.stderr)")
        }
        r = try Command.kbexport([good, bad, "--strict", "-o", dir.path("new.graphml")])
        #expect(r.status == 1)
        #expect(dir.entries() == ["in", "previous.graphml"])
        // Without a problem, --strict writes as usual.
        r = try Command.kbexport([good, "--strict", "-o", dir.path("new.graphml")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(dir.entries() == ["in", "new.graphml", "previous.graphml"])
    }

    @Test func nothingReadableIsFatal() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        for b in badInputs { try dir.write(b.name, b.bytes) }
        let r = try Command.kbexport([dir.path, "-o", dir.path("out.graphml")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no readable input"), "\(r.stderr)")
        #expect(!dir.entries().contains { $0.contains("out.graphml") })
    }

    /// A named pipe is never opened (it could block forever): it is named and skipped, given or found in a tree.
    @Test func namedPipeInputIsSkippedWithoutBlocking() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        try dir.write("in/good.txt", shortArticleText)
        #expect(mkfifo(dir.path("in/pipe.txt"), 0o644) == 0)
        let r = try Command.kbexport([dir.path("in"), dir.path("in/pipe.txt")])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("in/pipe.txt: cannot read: a named pipe, not a regular file"), "\(r.stderr)")
        try expectValid(r.stdout, .graphml, "pipe.graphml")
    }

    @Test func standardInputErrorsNameStdinAndTheOffset() throws {
        let r = try Command.kbexport(["-"], stdin: Array("خبر".utf8) + [0xFF] + Array("x".utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>: not valid UTF-8: bad byte sequence at byte offset 6"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let ok = try Command.kbexport(["-"], stdin: [0xEF, 0xBB, 0xBF] + Array(goodArticle.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(ok.status == 0, "a BOM and CRLF are fine: \(ok.stderr)")
        try expectValid(ok.stdout, .graphml, "stdin.graphml")
    }

    /// As root, permission bits do not stop reading; the check then runs kbexport as `nobody` with setpriv.
    @Test(.enabled(if: !Env.isRoot || Env.dropPrivileges != nil,
                   "needs a non-root user, or setpriv to drop root (root reads every file)"))
    func unreadableFileInADirectoryIsNamedAndSkipped() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        try dir.write("in/a-good.txt", goodArticle)
        let locked = try dir.write("in/locked.txt", goodArticle)
        #expect(chmod(locked, 0) == 0)
        let command = (Env.dropPrivileges ?? []) + [Project.binary, dir.path("in"), "--format", "graphml"]
        let r = try Command.run(command[0], Array(command.dropFirst()))
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(locked): cannot read: Permission denied"), "\(r.stderr)")
        try expectValid(r.stdout, .graphml, "unreadable.graphml")
        #expect(r.stdoutText.contains("خليفة حفتر"))
        // An unreadable directory inside the tree is reported the same way.
        let sub = try dir.write("in/sub/x.txt", goodArticle)
        _ = sub
        #expect(chmod(dir.path("in/sub"), 0) == 0)
        let r2 = try Command.run(command[0], Array(command.dropFirst()))
        #expect(r2.status == 2)
        #expect(r2.stderr.contains("in/sub: cannot read: cannot list directory"), "\(r2.stderr)")
    }

    /// A long single-line input (no line break at all) finishes with a valid file; the 50 MB case is in
    /// Benchmarks/many-files.sh. Memory is checked with /usr/bin/time where it exists.
    @Test func longSingleLineInputFinishes() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        let line = goodArticle.replacingOccurrences(of: "\n", with: " ")
        var text = ""
        while text.utf8.count < 96 * 1024 { text += line + " " }
        let input = try dir.write("line.txt", text)
        let out = dir.path("line.graphml")
        let start = ContinuousClock.now
        var args = [input, "-o", out]
        var exe = Project.binary
        if let time = Command.which("time"), FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
            _ = time
            exe = "/usr/bin/time"
            args = ["-f", "%M", "-o", dir.path("rss"), Project.binary] + args
        }
        let r = try Command.run(exe, args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(ContinuousClock.now - start < .seconds(60))
        try expectValid(try #require(dir.read("line.graphml")), .graphml, out)
        if let rss = dir.read("rss").flatMap({ Int(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }) {
            // AddressSanitizer (swift test --sanitize=address) roughly triples the memory of the child.
            let limit = Env.underAddressSanitizer ? 1_500_000 : 400_000
            #expect(rss < limit, "max RSS \(rss) KB for a 96 KB input")
        }
    }

    /// The reading and cleaning steps on a multi-megabyte single line: linear, no quadratic blow-up.
    @Test func readerAndCleanerHandleAMultiMegabyteLine() throws {
        let line = goodArticle.replacingOccurrences(of: "\n", with: " ")
        var text = ""
        while text.utf8.count < 2 * 1024 * 1024 { text += line + " " }
        let start = ContinuousClock.now
        let decoded = try InputReader.decode(Array(text.utf8), path: "line.txt")
        let source = SourceText(documentID: "doc-line", path: "line.txt", text: decoded)
        let sentences = try Cleaner.articleSentences(of: source)
        #expect(sentences.count > 1000)
        #expect(ContinuousClock.now - start < .seconds(60))
        // Invalid UTF-8 at the very end of a long line is still found, at the right offset.
        let bad = Array(text.utf8) + [0xC3]
        #expect(throws: InputError.invalidUTF8(path: "line.txt", byteOffset: text.utf8.count)) {
            try InputReader.decode(bad, path: "line.txt")
        }
    }
}

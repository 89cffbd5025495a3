// The command line as a new user meets it: non-article inputs refused with the reason (unless --force-text),
// mistyped commands answered with "did you mean", `validate FILE` never read as an input, the export options in
// the top-level help, and progress only on a terminal.

import Foundation
import KBTestSupport
import Testing

@Suite struct CommandLineTests {
    /// Each kind of non-article input, with the words its refusal must contain.
    static let nonArticles: [(name: String, text: String, reason: String)] = [
        ("graph.txt", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"/></graphml>\n", "looks like GraphML"),
        ("page.txt", "<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>نص</p></body></html>\n", "looks like HTML"),
        ("report.txt", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n", "looks like PDF"),
        ("data.txt", "{\"title\": \"خبر\", \"body\": \"نص\"}\n", "looks like JSON"),
        ("feed.txt", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title></channel></rss>\n", "looks like XML (root element <rss>)"),
        ("triples.txt", "<http://example.org/a> <http://example.org/b> \"نص\" .\n", "looks like N-Triples"),
        ("facts.txt", "{\"record\":\"kbexport-facts\",\"version\":1}\n", "looks like a kbexport facts file"),
    ]

    @Test func nonArticleInputsAreRefusedWithTheReason() throws {
        let dir = try TempFolder("cli")
        defer { dir.remove() }
        try dir.write("in/good.txt", shortArticleText)
        for n in Self.nonArticles { try dir.write("in/\(n.name)", n.text) }
        let r = try Command.kbexport([dir.path("in"), "--format", "jsonl"])
        #expect(r.status == 2, "written, with inputs skipped: \(r.stderr)")
        for n in Self.nonArticles {
            let line = r.stderr.split(separator: "\n").first { $0.contains("in/\(n.name):") }
            #expect(line?.contains(n.reason) == true, "\(n.name): \(line ?? "not named") in\n\(r.stderr)")
            #expect(line?.contains("--force-text") == true)
        }
        // only the article became a document
        #expect(r.stdoutText.components(separatedBy: "\"record\":\"document\"").count - 1 == 1, "\(r.stdoutText.prefix(400))")
    }

    /// kbexport's own GraphML given back as an article gives no junk entities: it is refused, and the exit says so.
    @Test func ownGraphMLIsRefusedAndForceTextReadsIt() throws {
        let dir = try TempFolder("cli")
        defer { dir.remove() }
        let graph = try Command.kbexport(["--format", "graphml"])
        try #require(graph.status == 0)
        let path = try dir.write("seeds.graphml", graph.stdout)
        let refused = try Command.kbexport([path, "--format", "jsonl"])
        #expect(refused.status == 1, "nothing readable: \(refused.stderr)")
        #expect(refused.stderr.contains("seeds.graphml: looks like GraphML"), "\(refused.stderr)")
        let forced = try Command.kbexport([path, "--format", "jsonl", "--force-text"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdoutText.contains("\"record\":\"document\""))
    }

    @Test(arguments: [("evalute", "evaluate"), ("validat", "validate"), ("inspekt", "inspect"), ("exprot", "export")])
    func mistypedCommandGetsDidYouMean(typed: String, meant: String) throws {
        let r = try Command.kbexport([typed])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("did you mean '\(meant)'?"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// A word far from every command, or an existing file of that name, is an input as before.
    @Test func farWordsAndExistingFilesAreInputs() throws {
        let far = try Command.kbexport(["zzzzqqq"])
        #expect(far.status == 1 && !far.stderr.contains("did you mean"), "\(far.stderr)")
        let dir = try TempFolder("cli")
        defer { dir.remove() }
        try dir.write("evalute", shortArticleText)
        let file = try Command.kbexport(["evalute", "--format", "jsonl"], cwd: dir.path)
        #expect(file.status == 0, "\(file.stderr)")
    }

    @Test func validateIsACommandNotAnInput() throws {
        let dir = try TempFolder("cli")
        defer { dir.remove() }
        let r = try Command.kbexport(["validate", dir.path("x.graphml")])
        #expect(r.status == 1)
        #expect(r.stdoutText.contains("x.graphml:0: cannot read the file"), "\(r.stdoutText)\n\(r.stderr)")
        #expect(!r.stderr.contains("no readable input"), "\(r.stderr)")
    }

    @Test func topLevelHelpShowsTheExportOptions() throws {
        let r = try Command.kbexport(["--help"])
        #expect(r.status == 0)
        for option in ["--format", "--output", "--from", "--base", "--label-lang", "--min-confidence", "--force-text", "--strict", "validate"] {
            #expect(r.stdoutText.contains(option), "--help lacks \(option)")
        }
    }

    /// A long single article shows a progress line on a terminal (run under `script`, a real pseudo-terminal), erased
    /// at the end; through a pipe nothing of it appears.
    @Test func progressOnlyOnATerminal() throws {
        guard let script = Command.which("script") else { throw SetupError("script (util-linux) is needed for a terminal") }
        let dir = try TempFolder("cli")
        defer { dir.remove() }
        let article = try dir.write("long.txt", String(repeating: shortArticleText, count: 1_100_000 / shortArticleText.utf8.count + 1))
        // the two runs side by side (each takes seconds in a debug build)
        let piped = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            piped.result = try? Command.kbexport([article, "--format", "jsonl", "-o", dir.path("piped.jsonl")])
        }
        let line = [Project.binary, article, "--format", "jsonl", "-o", dir.path("tty.jsonl")].map { "'\($0)'" }.joined(separator: " ")
        let tty = try Command.run(script, ["-qec", line, "/dev/null"])
        group.wait()
        #expect(piped.result?.status == 0)
        #expect(piped.result?.stderr.contains("extracting") == false && piped.result?.stderr.contains("\r") == false, "\(piped.result?.stderr ?? "")")
        #expect(tty.status == 0, "\(tty.stderr)")
        #expect(tty.stdoutText.contains("kbexport: extracting 1 file(s), 1.1 MB"), "\(tty.stdoutText.debugDescription)")
        #expect(tty.stdoutText.hasSuffix("\r\u{1B}[K"), "the line is erased at the end: \(tty.stdoutText.suffix(80).debugDescription)")
    }
}

private final class Box: @unchecked Sendable { var result: Command.Result? }

import ArgumentParser
import Foundation
import KBEvaluation
import KBFacts
import KBGraph
import KBText
import KBWriters
import KBXML

@main
struct KBExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kbexport",
        abstract: "Turn Arabic news articles into a knowledge graph and export it for Gephi and triple stores.",
        discussion: """
            With no INPUT, kbexport reads the seed articles built into the binary (seeds/ of the project).

            Examples:
              kbexport --format graphml -o seeds.graphml          # open in Gephi: File > Open
              kbexport --format rdfxml --base https://example.org/kb/ -o seeds.rdf
              kbexport articles/ --format graphml --label-lang en > graph.graphml
              cat article.txt | kbexport - --format rdfxml
              kbexport --format html -o seeds.html                # a picture with the evidence, in any browser
              kbexport evaluate                                    # scores on seeds/ and ../shared/dev-corpus
              kbexport validate seeds.graphml seeds.rdf            # check files against the schemas
              kbexport evaluate --conll test.txt --no-misc         # scores the entity labeller on a CoNLL file
            """,
        version: KBVersion.string,
        subcommands: [Export.self, Evaluate.self, Inspect.self, Validate.self, Add.self, Extract.self, Merge.self],
        defaultSubcommand: Export.self
    )

    /// Before the parser: `--help` also shows the export options (the default command's), and a first word that is
    /// neither a file nor a command but close to one gets "did you mean" (instead of "no readable input").
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        if args == ["--help"] || args == ["-h"] || args == ["help"] {
            print(helpMessage(columns: nil))
            print("\nEXPORT (the default command: kbexport [INPUT ...] [options]):\n" + Export.optionsHelp)
            return
        }
        if let first = args.first, let suggestion = CommandSuggestion.suggest(first) {
            warn("'\(first)' is not a command or a file: did you mean '\(suggestion)'? (commands: \(CommandSuggestion.commands.joined(separator: ", ")))")
            Foundation.exit(64)
        }
        Self.main(nil)
    }
}

/// "Did you mean": the closest subcommand name to a first argument that is neither a file nor a command.
enum CommandSuggestion {
    static let commands = KBExportCommand.configuration.subcommands.map { $0._commandName } + ["help"]

    static func suggest(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !word.contains("/"), !word.contains("."), !commands.contains(word),
              !FileManager.default.fileExists(atPath: word) else { return nil }
        let lower = word.lowercased()
        let scored = commands.map { ($0, distance(lower, $0)) }.min { $0.1 < $1.1 }
        guard let (name, d) = scored, d <= max(1, min(2, name.count / 3)) else { return nil }
        return name
    }

    /// Levenshtein distance, with a transposition of two neighbours counting as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}

enum KBVersion { static let string = "0.1.0" }

extension OutputFormat: ExpressibleByArgument {}

enum LabelLanguage: String, ExpressibleByArgument, CaseIterable { case ar, en }

/// Where the development corpus is (for `evaluate`): ../shared beside the current directory or the source tree.
enum ProjectPaths {
    static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
    static var devCorpus: String? {
        let fm = FileManager.default
        for p in [fm.currentDirectoryPath + "/../shared/dev-corpus", packageRoot + "/../shared/dev-corpus"]
        where fm.fileExists(atPath: p) { return URL(fileURLWithPath: p).standardizedFileURL.path }
        return nil
    }
}

/// Prints a message on standard error.
func warn(_ s: String) {
    FileHandle.standardError.write(Data(("kbexport: " + s + "\n").utf8))
}

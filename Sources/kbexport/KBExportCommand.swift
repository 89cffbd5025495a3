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
            With no INPUT, kbexport reads the bundled seed articles (seeds/).

            Examples:
              kbexport --format graphml -o seeds.graphml          # open in Gephi: File > Open
              kbexport --format rdfxml --base https://example.org/kb/ -o seeds.rdf
              kbexport articles/ --format graphml --label-lang en > graph.graphml
              cat article.txt | kbexport - --format rdfxml
              kbexport evaluate                                    # scores on seeds/ and ../shared/dev-corpus
              kbexport evaluate --conll test.txt --no-misc         # scores the entity labeller on a CoNLL file
            """,
        version: KBVersion.string,
        subcommands: [Export.self, Evaluate.self, Inspect.self],
        defaultSubcommand: Export.self
    )
}

enum KBVersion { static let string = "0.1.0" }

extension OutputFormat: ExpressibleByArgument {}

enum LabelLanguage: String, ExpressibleByArgument, CaseIterable { case ar, en }

/// Where the bundled seeds are: ./seeds when run from the project, else the package's own seeds/.
enum ProjectPaths {
    static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
    static var seeds: String? {
        let fm = FileManager.default
        // Relative when run from the project root, so the document paths in the output do not depend on where the
        // project was cloned (the same input gives the same bytes on every machine).
        if fm.fileExists(atPath: fm.currentDirectoryPath + "/seeds") { return "seeds" }
        return fm.fileExists(atPath: packageRoot + "/seeds") ? packageRoot + "/seeds" : nil
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

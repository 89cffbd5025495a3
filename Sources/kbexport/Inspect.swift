import ArgumentParser
import KBFacts
import KBGraph
import KBText

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show, sentence by sentence, the entities, dates and facts the extractor finds in a file.")

    @Argument(help: "Text files to inspect.")
    var files: [String]

    func run() throws {
        let extractor = Extractor()
        for path in files {
            let f = InputFile(path: path, displayPath: path)
            let src = try InputReader.load(f, documentID: StableID.document(path: path))
            print("== \(path)")
            print(extractor.explain(src, metadata: try InputReader.metadata(for: f)))
        }
    }
}

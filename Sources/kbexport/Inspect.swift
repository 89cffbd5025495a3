import ArgumentParser
import KBFacts
import KBGraph
import KBText

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trace the export's pipeline on a file, sentence by sentence: entities, dates, the triggers the rules saw, each rule that fired (with its arguments) or did not (and why), and the facts kept.")

    @Argument(help: "Text files to inspect.")
    var files: [String]

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let extractor = try extraction.extractor()
        for path in files {
            let f = InputFile(path: path, displayPath: path)
            let src = try InputReader.load(f, documentID: StableID.document(path: path))
            print("== \(path)")
            print(extractor.explain(src, metadata: try InputReader.metadata(for: f)))
        }
    }
}

import ArgumentParser
import Foundation
import KBEvaluation
import KBFacts
import KBGraph
import KBNER
import KBText

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the extractor against gold annotations (seeds/ and the development corpus).",
        discussion: """
            Gold files use the development corpus format (kind, type, subject, object, date, arabic_evidence).
            Seeds: NAME.gold.tsv next to NAME.txt. Dev corpus: docs/NAME.txt with gold/NAME.tsv.
            """)

    enum Corpus: String, ExpressibleByArgument, CaseIterable { case seeds, dev, all }

    @Option(help: "Which corpus to score.")
    var corpus: Corpus = .all

    @Option(help: "The development corpus folder (default: ../shared/dev-corpus).")
    var devCorpus: String?

    @Flag(name: .shortAndLong, help: "List every missed and spurious entity and fact.")
    var verbose = false

    @Option(help: "Score the entity labeller on a labelled token file (CoNLL/ANERcorp: `token TAG` lines, IOB2, blank line between sentences): exact spans, per type and micro.")
    var conll: String?

    @Flag(help: "With --conll: leave MISC out (PER, ORG and LOC only).")
    var noMisc = false

    @Option(help: "With --conll: the model file to score (default: the shipped one).")
    var model: String?

    func run() throws {
        if let file = conll {
            let m: NERModel
            if let path = model { m = try NERModel(path: path) } else {
                guard let b = BundledNER.model else { throw ValidationError("the shipped NER model is missing") }
                m = b
            }
            let sentences = try NERCorpus.read(path: file)
            let score = CoNLLScore.evaluate(model: m, on: sentences, excluding: noMisc ? [.misc] : [])
            print(score.render(title: file + (noMisc ? " (PER, ORG, LOC)" : "")), terminator: "")
            return
        }
        var ran = false
        if corpus != .dev {
            guard let seeds = ProjectPaths.seeds else { throw ValidationError("seeds/ folder not found") }
            try score(title: "seeds (\(seeds))", paths: [seeds]); ran = true
        }
        if corpus != .seeds {
            guard let dev = devCorpus ?? ProjectPaths.devCorpus else {
                throw ValidationError("development corpus not found: pass --dev-corpus PATH")
            }
            try score(title: "dev corpus (\(dev))", paths: [dev + "/docs"]); ran = true
        }
        if !ran { throw ExitCode(1) }
    }

    func score(title: String, paths: [String]) throws {
        let (files, errors) = InputReader.collect(paths)
        for e in errors { warn("skipped: \(e)") }
        let result = Pipeline.run(files: files)
        for e in result.errors { warn("skipped: \(e)") }
        let gold = try Evaluator.loadGold(forTextFiles: files.map(\.path))
        let report = Evaluator.evaluate(graph: result.graph, gold: gold)
        print(report.render(title: title, verbose: verbose))
    }
}

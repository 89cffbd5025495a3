import ArgumentParser
import Foundation
import KBEvaluation
import KBFacts
import KBGraph
import KBResources
import KBNER
import KBText

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the extractor against gold annotations (seeds/ and the development corpus).",
        discussion: """
            Gold files use the development corpus format (kind, type, subject, object, date, arabic_evidence).
            Seeds: NAME.gold.tsv next to NAME.txt. Dev corpus: docs/NAME.txt with gold/NAME.tsv, scored as two
            parts: its check split (d04, d08, …, d56: measures generalisation) and the rest (for development).
            """)

    enum Corpus: String, ExpressibleByArgument, CaseIterable { case seeds, dev, check, rest, all }

    @Option(help: "Which corpus to score: seeds, dev (check split and rest, apart), check, rest, or all.")
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
        if corpus == .seeds || corpus == .all {
            try scoreEmbeddedSeeds(); ran = true
        }
        if corpus != .seeds {
            guard let dev = devCorpus ?? ProjectPaths.devCorpus else {
                throw ValidationError("development corpus not found: pass --dev-corpus PATH")
            }
            let (files, errors) = InputReader.collect([dev + "/docs"])
            for e in errors { warn("skipped: \(e)") }
            for split in DevCorpusSplit.allCases where corpus == .dev || corpus == .all || corpus.rawValue == split.rawValue {
                let part = files.filter { DevCorpusSplit.of(path: $0.path) == split }
                let what = split == .check ? "check split (d04, d08, …, d56)" : "rest (development part)"
                try score(title: "dev corpus, \(what) (\(dev))", files: part)
            }
            ran = true
        }
        if !ran { throw ExitCode(1) }
    }

    func score(title: String, paths: [String]) throws {
        let (files, errors) = InputReader.collect(paths)
        for e in errors { warn("skipped: \(e)") }
        try score(title: title, files: files)
    }

    /// The seed articles and their gold (`seeds/NAME.gold.tsv`), both embedded in the binary.
    func scoreEmbeddedSeeds() throws {
        let files = InputFile.embeddedSeeds
        let result = Pipeline.run(files: files)
        for e in result.errors { warn("skipped: \(e)") }
        var gold: [String: [GoldRow]] = [:]
        for f in files {
            let name = String(f.path.dropLast(4)) + ".gold.tsv"
            guard let text = EmbeddedResources.text(named: name) else { continue }
            gold[StableID.document(path: f.path)] = try GoldReader.parse(text, file: name)
        }
        print(Evaluator.evaluate(graph: result.graph, gold: gold).render(title: "seeds (bundled)", verbose: verbose))
    }

    func score(title: String, files: [InputFile]) throws {
        let result = Pipeline.run(files: files)
        for e in result.errors { warn("skipped: \(e)") }
        let gold = try Evaluator.loadGold(forTextFiles: files.map(\.path))
        let report = Evaluator.evaluate(graph: result.graph, gold: gold)
        print(report.render(title: title, verbose: verbose))
    }
}

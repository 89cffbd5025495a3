import ArgumentParser
import Foundation
import KBFacts
import KBGraph
import KBWriters
import KBXML

/// `kbexport extract INPUT… -o shard.jsonl`: extraction alone, to a facts file (a shard of a corpus).
/// Every id in it is derived from content (document file names, entity names, fact content), never from how the
/// corpus was cut, so shards extracted anywhere merge into what one run over all the articles gives.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract articles to a facts file (a shard), to merge later with `kbexport merge`.",
        discussion: """
            The same as `kbexport INPUT… --format jsonl`. Example (two machines, then one merge):
              kbexport extract corpus/a/ -o a.jsonl
              kbexport extract corpus/b/ -o b.jsonl
              kbexport merge a.jsonl b.jsonl --format graphml -o corpus.graphml
            """)

    @Argument(help: "Text files or directories (searched recursively for *.txt), as for the export.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "The shard file to write (atomically). Default: standard output.")
    var output: String?

    @Flag(help: "Treat any skipped input as fatal: nothing is written.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print what was read and skipped on standard error.")
    var verbose = false

    func run() throws {
        guard !inputs.isEmpty else { throw ValidationError("extract needs at least one INPUT (files or directories)") }
        // reports, not events: events are merged when the shards are (`merge`), across all of them
        var args = ["--format", "jsonl", "--reports"]
        if let output { args += ["--output", output] }
        if strict { args.append("--strict") }
        if verbose { args.append("--verbose") }
        var export = try Export.parse(args + ["--"] + inputs)
        try export.run()
    }
}

/// `kbexport merge SHARD… --format X`: the shards' graphs as one, written in any format. Entities with the same id
/// are one entity; the result does not depend on the order of the shards and, when the shards together hold the
/// articles of one run, is byte for byte that run's output.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge facts files (shards from `kbexport extract`) and export them in any format.",
        discussion: """
            Takes the export's options (--format, -o, --base, --label-lang, --min-confidence, …). Example:
              kbexport merge shards/*.jsonl --format rdfxml -o corpus.rdf
            """)

    @Argument(parsing: .captureForPassthrough, help: "Shard files, then any export option.")
    var arguments: [String] = []

    func run() throws {
        let export = try Export.parse(["--from", "jsonl"] + arguments)
        guard !export.inputs.isEmpty, !export.inputs.contains("-") else {
            throw ValidationError("merge needs one or more shard files (not -)")
        }
        try export.mergeShards()
    }
}

extension Export {
    /// Several facts files (shards of reports) as one graph, their events merged as in one run unless --reports.
    func mergeShards() throws {
        FileDescriptorSink.ignoreBrokenPipeSignal()
        AtomicFileSink.removeTemporaryFilesOnSignals()
        let merged = try mergeFactsFiles(inputs)
        try export(GraphSource(reports ? merged : merged.mergingEvents()))
    }

    /// Several facts files: each read whole, then merged as the documents of one run are.
    func mergeFactsFiles(_ paths: [String]) throws -> KnowledgeGraph {
        var builder = GraphBuilder(gazetteer: .bundled)
        var seen: [String: String] = [:]
        for path in paths {
            let g: KnowledgeGraph
            do { g = try FactsFile.read(path: path) } catch {
                warn("\(error)")
                throw ExitCode(1)
            }
            for d in g.documents {
                if let other = seen[d.id] {
                    warn("\(path): document \(d.id) is also in \(other): give the articles distinct file names (shards must not overlap)")
                    throw ExitCode(1)
                }
                seen[d.id] = path
            }
            if verbose { warn("\(path): \(g.documents.count) documents, \(g.entities.count) entities, \(g.facts.count) facts") }
            builder.add(g)
        }
        return builder.build()
    }
}

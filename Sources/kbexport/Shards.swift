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
    /// Several facts files (shards of reports) as one graph, their events merged as in one run unless --reports. As a
    /// run over the articles does (`Export.run`), the reports, documents and mentions go to spill files and the events
    /// are merged bucket by bucket: memory holds the entities.
    func mergeShards() throws {
        FileDescriptorSink.ignoreBrokenPipeSignal()
        AtomicFileSink.removeTemporaryFilesOnSignals()
        let keepMentions = format.makeStreamWriter(options: exportOptions).needs.contains(.wholeGraph)
        let spill = makeSpill(mentions: keepMentions)
        var builder = GraphBuilder(gazetteer: .bundled, keepMentions: false, keepDocuments: false)
        let facts: SortedFacts
        let links: [String: String]
        do {
            try spillShards(inputs, into: spill, builder: &builder)
            let linked = builder.takeLinked()
            links = linked.links
            builder = GraphBuilder()
            facts = try spill.finish(links: links, mergeEvents: !reports)
            if verbose { warn("merged: \(spill.documentCount) documents, \(linked.graph.entities.count) entities, \(facts.count) facts") }
            try export(SpilledFactSource(spill: spill, links: links, entities: linked.graph.entities, facts: facts))
        } catch let e as ExitCode {
            throw e
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
    }

    /// Reads the shards into `spill` (reports, documents, mentions) and `builder` (entities, and the number of
    /// documents). A shard that lists its documents and entities before its facts (kbexport's own) is streamed;
    /// another is read whole first. A document in two shards is an error.
    func spillShards(_ paths: [String], into spill: ReportSpill, builder: inout GraphBuilder) throws {
        // the document ids seen (as hashes; the shard number), told apart by reading the shard again on a hash hit
        var seen = HashedIDs()
        func inShard(_ k: Int, _ id: String) throws -> Bool {
            var found = false
            try FactsFile.forEachRecord(path: paths[k]) { r, _ in if case let .document(d) = r, d.id == id { found = true } }
            return found
        }
        func note(_ d: Document, _ k: Int) throws {
            if let other = try seen.value(of: d.id, isSame: { try inShard($0, d.id) }) {
                warn("\(paths[k]): document \(d.id) is also in \(paths[other]): give the articles distinct file names (shards must not overlap)")
                throw ExitCode(1)
            }
            try seen.insert(d.id, k, isSame: { try inShard($0, d.id) })
            try spill.appendDocument(d)
        }
        for (k, path) in paths.enumerated() {
            var entities: [Entity] = [], documents = 0, mentions = 0, factCount = 0
            if FactsFile.factOrder(path: path) != nil {
                // documents and entities come first: every fact's references are checked as it comes
                var entityIDs = Set<String>(), documentIDs = SortedIDs(), documentSet = Set<String>()
                var problem: String?
                let lastLine = try FactsFile.forEachRecord(path: path) { r, _ in
                    switch r {
                    case .header: break
                    case let .document(d):
                        try note(d, k)
                        documents += 1
                        documentIDs.append(d.id)
                        if !documentIDs.inOrder { documentSet.insert(d.id) }
                    case let .entity(e): entities.append(e); entityIDs.insert(e.id)
                    case let .mention(m): mentions += 1; try spill.appendMentions([m])
                    case let .fact(f):
                        factCount += 1
                        if problem == nil {
                            // a document out of order: every id in a set (the table holds those before it)
                            if !documentIDs.inOrder, documentSet.count < documentIDs.count {
                                try FactsFile.forEachRecord(path: path) { r, _ in if case let .document(d) = r { documentSet.insert(d.id) } }
                            }
                            let inOrder = documentIDs.inOrder
                            problem = Self.danglingReference(f, entities: entityIDs,
                                                             documents: { inOrder ? documentIDs.contains($0) : documentSet.contains($0) })
                        }
                        try spill.append([f])
                    }
                }
                // as `FactsFile.read` reports it: at the last line, once the file is read
                if let problem { throw FactsFile.ReadError(path: path, line: lastLine, reason: problem) }
            } else {
                let g = try FactsFile.read(path: path)
                for d in g.documents { try note(d, k) }
                entities = g.entities
                (documents, mentions, factCount) = (g.documents.count, g.mentions.count, g.facts.count)
                try spill.appendMentions(g.mentions)
                try spill.append(g.facts)
            }
            if verbose { warn("\(path): \(documents) documents, \(entities.count) entities, \(factCount) facts") }
            _ = mentions
            builder.noteDocuments(documents)
            builder.add(KnowledgeGraph(entities: entities))
        }
    }

    /// What `FactsFile.read` says of a fact that points at an entity or document the file does not have, nil when it
    /// points at none.
    static func danglingReference(_ f: Fact, entities: Set<String>, documents: (String) -> Bool) -> String? {
        for (field, id) in [("subject", f.subject), ("object", f.object)] + (f.place.map { [("place", $0)] } ?? [])
        where !entities.contains(id) {
            return "fact \(f.id): \(field) \"\(id)\" is not an entity of the file"
        }
        if !documents(f.provenance.documentID) { return "fact \(f.id): document \"\(f.provenance.documentID)\" is not in the file" }
        for e in f.evidence where !documents(e.documentID) {
            return "fact \(f.id): evidence document \"\(e.documentID)\" is not in the file"
        }
        return nil
    }
}

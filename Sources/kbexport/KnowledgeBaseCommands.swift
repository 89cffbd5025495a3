import ArgumentParser
import Foundation
import KBFacts
import KBGraph
import KBStore
import KBText
import KBWriters

/// `kbexport add INPUT… --kb FILE`: grows a knowledge base with new or changed articles.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add articles to a knowledge base (SQLite): new and changed ones are extracted, the same ones skipped.",
        discussion: """
            Each batch of articles is one transaction: a crash or Ctrl-C loses nothing already committed and never
            leaves half a document. Adding the same article again changes nothing; a changed article at the same
            path replaces its facts. Export any time with `kbexport export --kb FILE --format …`.
            Examples:
              kbexport add news/2026-12-05/ --kb story.kb
              kbexport add news/2026-12-06/ --kb story.kb
              kbexport export --kb story.kb --since 2026-12-01 --format gexf -o story.gexf
            """)

    @Argument(help: "Text files or directories (searched recursively for *.txt).")
    var inputs: [String] = []

    @Option(help: "The knowledge base file (made when missing).")
    var kb: String

    @Option(help: "Articles per transaction.")
    var batch: Int = 64

    @Flag(name: .shortAndLong, help: "Name every article added, replaced or skipped.")
    var verbose = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("add needs at least one INPUT (files or directories)") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        let (files, collectErrors) = InputReader.collect(inputs)
        for e in collectErrors { warn("skipped: \(e)") }
        let base: KnowledgeBase
        do { base = try KnowledgeBase(path: kb, create: true) } catch { warn("\(error)"); throw ExitCode(1) }
        let tty = isatty(2) == 1
        let report = try base.add(files: files, batchSize: batch, progress: tty ? { warn($0) } : nil)
        for e in report.errors { warn("skipped: \(e)") }
        if verbose {
            for p in report.added { warn("added: \(p)") }
            for p in report.replaced { warn("replaced (changed): \(p)") }
            for p in report.unchanged { warn("unchanged: \(p)") }
            for p in report.duplicates { warn("same text already in the base: \(p)") }
        }
        warn("\(kb): \(report.added.count) added, \(report.replaced.count) replaced, \(report.unchanged.count + report.duplicates.count) already there; \(try base.count()) documents in all")
        if !(collectErrors.isEmpty && report.errors.isEmpty) { throw ExitCode(2) }
    }
}

extension Export {
    func exportKnowledgeBase(_ path: String) throws {
        // as a run over the articles: reports, documents and mentions spilled, events merged bucket by bucket (the
        // base keeps reports)
        let keepMentions = format.makeStreamWriter(options: exportOptions).needs.contains(.wholeGraph)
        let spill = makeSpill(mentions: keepMentions)
        let source: SpilledFactSource
        do {
            var builder = GraphBuilder(gazetteer: .bundled, keepMentions: false, keepDocuments: false)
            try KnowledgeBase(path: path, create: false).spill(into: spill, builder: &builder, since: since, documents: document)
            let (graph, links) = builder.takeLinked()
            let facts = try spill.finish(links: links, mergeEvents: !reports)
            source = SpilledFactSource(spill: spill, links: links, entities: graph.entities, facts: facts)
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
        if spill.documentCount == 0 { warn("\(path): no document matches; the export is empty") }
        try export(source)
    }

    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && parts.dropFirst().allSatisfy { $0.count == 2 }
    }
}

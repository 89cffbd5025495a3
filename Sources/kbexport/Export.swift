import ArgumentParser
import Foundation
import KBFacts
import KBGraph
import KBRDF
import KBText
import KBWriters
import KBXML

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract entities and facts from articles and write the graph (the default command).")

    @Argument(help: "Text files, directories (searched recursively for *.txt) or - for standard input. Default: the seed articles built into the binary. With --from ntriples|rdfxml: exactly one RDF file, or -. With --from jsonl: one facts file, or several to merge.")
    var inputs: [String] = []

    @Option(help: "What the input is: text (articles, the default), a facts file to export (jsonl), or RDF to convert: ntriples, rdfxml.")
    var from: InputSyntax = .text

    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .graphml

    @Option(name: .shortAndLong, help: "Output file (written atomically). Default: standard output.")
    var output: String?

    @Option(help: "Base IRI for RDF output; must be an absolute http(s) IRI ending in / or #.")
    var base: String = "https://kb.example.org/"

    @Option(help: "Language of the main node label: ar (default) or en where known.")
    var labelLang: LabelLanguage = .ar

    @Option(help: "Drop facts whose confidence is below this value (0...1).")
    var minConfidence: Double = 0

    @Flag(help: "Read inputs that look like XML, HTML, PDF, JSON or RDF as article text anyway (refused by default).")
    var forceText = false

    @Flag(name: [.customLong("reports"), .customLong("one-edge-per-report")],
          help: "Keep one fact per report: do not merge the facts that state the same event (by default they are one fact with a support count and every report as evidence).")
    var reports = false

    @Flag(help: "GraphML and GEXF: draw DATE entities as nodes (by default dates are attributes of the facts; the facts file and RDF always keep them).")
    var dateNodes = false

    @Flag(help: "GraphML and GEXF: keep entities that no fact links (by default they are left out).")
    var keepIsolated = false

    @Flag(help: "Treat any skipped input as fatal: nothing is written.")
    var strict = false

    @Option(help: "Export a knowledge base made with `kbexport add` (no INPUT then).")
    var kb: String?

    @Option(help: "With --kb: only articles published on or after this date (YYYY-MM-DD; undated articles are left out).")
    var since: String?

    @Option(help: "With --kb: only this document (id or path as added); repeat for several.")
    var document: [String] = []

    @Flag(name: .shortAndLong, help: "Print what was read and skipped on standard error.")
    var verbose = false

    @OptionGroup var extraction: ExtractionOptions

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        if kb != nil {
            guard inputs.isEmpty, from == .text else { throw ValidationError("--kb exports the knowledge base: give no INPUT and no --from") }
        } else if since != nil || !document.isEmpty {
            throw ValidationError("--since and --document filter a knowledge base: use them with --kb FILE")
        }
        if let since, !Self.isISODate(since) { throw ValidationError("--since takes a date YYYY-MM-DD (or YYYY-MM, YYYY), not '\(since)'") }
        if from != .text {
            guard inputs.count == 1 || (from == .jsonl && !inputs.isEmpty && !inputs.contains("-")) else {
                throw ValidationError("--from \(from.rawValue) reads exactly one INPUT (a file, or - for standard input)"
                                      + (from == .jsonl ? "; several facts files (not -) are merged" : ""))
            }
            guard minConfidence == 0 || from == .jsonl else { throw ValidationError("--min-confidence applies to text and facts-file input only") }
        }
        do { try ExportOptions(base: base).validate() } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        // a closed pipe (kbexport … | head) must end with an error we handle, not a signal
        FileDescriptorSink.ignoreBrokenPipeSignal()
        // Ctrl-C or kill mid-write: remove the temporary output file (the previous output stays as it was)
        AtomicFileSink.removeTemporaryFilesOnSignals()
        if let kb { return try exportKnowledgeBase(kb) }
        if let syntax = from.rdfSyntax { return try convert(inputs[0], syntax) }
        if from == .jsonl, inputs.count > 1 { return try mergeShards() }
        if from == .jsonl { return try exportFactsFile(inputs[0]) }
        // the bundled tables built on other cores while the inputs are listed and sniffed
        extraction.preload()
        // No input: the seed articles embedded in the binary (never a ./seeds folder of the current directory)
        let (files, usable) = collectInputs()
        var problems = usable
        if strict, !problems.isEmpty {
            for p in problems { warn(p) }
            warn("--strict: \(problems.count) input(s) cannot be used; nothing written")
            throw ExitCode(1)
        }
        let report: (@Sendable (String) -> Void)? = files.count > 200 && ProgressLine.enabled ? { @Sendable (s: String) in warn(s) } : nil
        let bytes = files.count <= 200 ? files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) } : 0
        let progress = bytes > 1_000_000 ? ProgressLine.start { "extracting \(files.count) file(s), \(ProgressLine.megabytes(bytes))" } : nil
        // the facts file writes the mentions; the other formats do not need them kept
        let keepMentions = format.makeStreamWriter(options: exportOptions).needs.contains(.wholeGraph)
        // the reports go to a spill file as documents are extracted: memory holds entities and documents, not reports
        let spill: ReportSpill
        var result: Pipeline.Result
        do {
            spill = makeSpill(mentions: keepMentions)
            result = try Pipeline.run(files: files, extractor: try extraction.extractor(), keepMentions: keepMentions,
                                      spill: spill, progress: report)
        } catch let e as SpillError {
            progress?.stop()
            warn("\(e)")
            throw ExitCode(1)
        }
        progress?.stop()
        problems += result.errors
        for p in problems { warn("skipped: " + p) }
        for n in result.notes { warn(n) }
        if strict, !result.errors.isEmpty {
            warn("--strict: \(result.errors.count) input(s) skipped; nothing written")
            throw ExitCode(1)
        }
        if spill.documentCount == 0 {
            warn("no readable input: nothing to export")
            throw ExitCode(1)
        }
        let reportCount = spill.count
        let facts: SortedFacts
        do {
            // joined people applied, events merged, sorted by id: a bucket of reports in memory at a time
            facts = try spill.finish(links: result.links, mergeEvents: !reports)
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
        if verbose {
            let events = reports ? "" : " (\(reportCount) reports)"
            warn("\(spill.documentCount) documents, \(result.graph.entities.count) entities, \(facts.count) facts\(events)")
            warn("reports spilled \(spill.onDisk ? "to disk" : "in memory (small run)"), merged in \(facts.runCount) bucket(s)")
        }
        let entities = result.graph.entities
        result.graph = KnowledgeGraph()
        try export(SpilledFactSource(spill: spill, links: result.links, entities: entities, facts: facts))
        if !problems.isEmpty { throw ExitCode(2) }
    }

    /// The input files (compactly: a million paths take 45 MB), and the problems of those that cannot be used.
    func collectInputs() -> (InputFileList, [String]) {
        let (collected, collectErrors) = inputs.isEmpty ? (InputFile.embeddedSeeds, []) : InputReader.collect(inputs)
        let (files, refused) = forceText ? (collected, []) : Self.refuseNonText(collected)
        return (InputFileList(files), collectErrors.map(\.description) + refused)
    }

    /// The spill of a run: reports, documents and (`mentions`) mentions go to disk as they come.
    /// KBEXPORT_SPILL_BUCKET_BYTES and KBEXPORT_SPILL_RUN_BYTES set smaller buckets of reports and runs of documents and
    /// mentions (tests: many buckets and runs on a small corpus).
    func makeSpill(mentions: Bool) -> ReportSpill {
        let env = ProcessInfo.processInfo.environment
        let bucket = env["KBEXPORT_SPILL_BUCKET_BYTES"].flatMap { Int($0) }.map { max(1, $0) }
        let run = env["KBEXPORT_SPILL_RUN_BYTES"].flatMap { Int($0) }.map { max(1, $0) }
        return ReportSpill(bucketBytes: bucket ?? ReportSpill.defaultBucketBytes, documents: true, mentions: mentions,
                           runBytes: run ?? SortedSpill<Document>.defaultRunBytes)
    }

    /// Writes `source` in `--format` through the format's stream writer; `--min-confidence` is applied there, once.
    func export(_ source: FactSource, writer: FactStreamWriter? = nil) throws {
        let writer = writer ?? format.makeStreamWriter(options: exportOptions)
        try writeOutput { try GraphExport.run(source, writer: writer, minConfidence: minConfidence, to: $0) }
    }

    var exportOptions: ExportOptions {
        ExportOptions(base: base, preferEnglishLabels: labelLang == .en, toolVersion: KBVersion.string,
                      dateNodes: dateNodes, keepIsolated: keepIsolated)
    }

    /// Writes the output through `body`: to `-o FILE` atomically (temporary file, renamed on success,
    /// removed on error), else to standard output. A closed pipe ends with status 141, other errors with 1.
    func writeOutput(_ body: (OutputSink) throws -> Void) throws {
        do {
            if let path = output {
                let sink = try AtomicFileSink(path: path)
                do { try withProgress(sink, body); try sink.commit() } catch { sink.abort(); throw error }
            } else {
                let sink = FileDescriptorSink.standardOutput()
                try withProgress(sink, body)
                try sink.flush()
            }
        } catch XMLError.closedPipe {
            throw ExitCode(141)
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
    }

    /// `--from jsonl`: exports a facts file (kbexport's own, or another extractor's) with any writer. A file that lists
    /// documents and entities before its facts is streamed (kbexport's own files, whose facts are in id order, give
    /// the bytes the whole-graph export gives; other files give their facts in file order): memory holds the
    /// documents and entities (and what the writer's first pass keeps), not the facts. Other files, standard input
    /// and writers that need the whole graph (the facts file itself) read the whole graph first.
    func exportFactsFile(_ path: String) throws {
        let writer = format.makeStreamWriter(options: exportOptions)
        if !writer.needs.contains(.wholeGraph), let order = FactsFile.factOrder(path: path) {
            if verbose { warn("\(path): streamed") }
            return try export(FactsFileSource(path: path, order: order), writer: writer)
        }
        let graph: KnowledgeGraph
        do {
            graph = try FactsFile.read(path: path)
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
        if verbose { warn("\(path): \(graph.entities.count) entities, \(graph.facts.count) facts") }
        try export(GraphSource(graph), writer: writer)
    }
}

// MARK: - RDF in (--from ntriples|rdfxml)

/// `--from`: articles, or RDF to convert.
enum InputSyntax: String, ExpressibleByArgument, CaseIterable {
    case text, ntriples, rdfxml, jsonl

    var rdfSyntax: RDFInputSyntax? { RDFInputSyntax(rawValue: rawValue) }
}

extension Export {
    /// Reads one RDF document and writes its triples as they are in `--format`. Relative IRIs in RDF/XML
    /// resolve against the file's own `file://` IRI (as rapper and rdflib do); standard input has no base.
    /// N-Triples are streamed from the file, read once (RDF/XML into a pipe or device: twice, so that a refused input
    /// writes nothing there either); RDF/XML is read first.
    func convert(_ path: String, _ syntax: RDFInputSyntax) throws {
        let options = exportOptions
        if syntax == .ntriples {
            let source: NTriplesFile
            do { source = try NTriplesFile(path: path) } catch {
                warn("\(error)")
                throw ExitCode(1)
            }
            try writeOutput { try RDFConversion.write(source: source, format: format, options: options, to: $0) }
            return
        }
        let triples: [RDFTriple]
        do {
            triples = try RDFReader.read(path: path, syntax: syntax, base: path == "-" ? nil : Self.fileIRI(path))
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
        if verbose { warn("\(path): \(triples.count) triples read (\(syntax.name))") }
        try writeOutput { try RDFConversion.write(triples, format: format, options: options, to: $0) }
    }

    /// `file://` IRI of a path (made absolute; bytes outside RFC 3986 unreserved and `/` percent-encoded).
    static func fileIRI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return "file://" + absolute.split(separator: "/", omittingEmptySubsequences: false)
            .map { IRIs.percentEncode(String($0)) }.joined(separator: "/")
    }
}

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

    @Argument(help: "Text files, directories (searched recursively for *.txt) or - for standard input. Default: the bundled seeds/. With --from ntriples|rdfxml: exactly one RDF file, or -.")
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

    @Flag(help: "Treat any skipped input as fatal: nothing is written.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print what was read and skipped on standard error.")
    var verbose = false

    @OptionGroup var extraction: ExtractionOptions

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        if from != .text {
            guard inputs.count == 1 else { throw ValidationError("--from \(from.rawValue) reads exactly one INPUT (a file, or - for standard input)") }
            guard minConfidence == 0 || from == .jsonl else { throw ValidationError("--min-confidence applies to text and facts-file input only") }
        }
        do { try ExportOptions(base: base).validate() } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        // a closed pipe (kbexport … | head) must end with an error we handle, not a signal
        FileDescriptorSink.ignoreBrokenPipeSignal()
        // Ctrl-C or kill mid-write: remove the temporary output file (the previous output stays as it was)
        AtomicFileSink.removeTemporaryFilesOnSignals()
        if let syntax = from.rdfSyntax { return try convert(inputs[0], syntax) }
        if from == .jsonl { return try exportFactsFile(inputs[0]) }
        var paths = inputs
        if paths.isEmpty {
            guard let seeds = ProjectPaths.seeds else {
                throw ValidationError("no INPUT given and the bundled seeds/ folder was not found; pass files or directories")
            }
            paths = [seeds]
        }
        let (files, collectErrors) = InputReader.collect(paths)
        var problems: [String] = collectErrors.map(\.description)
        if strict, !problems.isEmpty {
            for p in problems { warn(p) }
            warn("--strict: \(problems.count) input(s) cannot be used; nothing written")
            throw ExitCode(1)
        }
        let report: (@Sendable (String) -> Void)? = files.count > 200 ? { @Sendable (s: String) in warn(s) } : nil
        let result = Pipeline.run(files: files, extractor: try extraction.extractor(), progress: report)
        problems += result.errors
        for p in problems { warn("skipped: " + p) }
        for n in result.notes { warn(n) }
        if strict, !result.errors.isEmpty {
            warn("--strict: \(result.errors.count) input(s) skipped; nothing written")
            throw ExitCode(1)
        }
        if result.graph.documents.isEmpty {
            warn("no readable input: nothing to export")
            throw ExitCode(1)
        }
        let graph = result.graph.filtered(minConfidence: minConfidence)
        if verbose {
            warn("\(graph.documents.count) documents, \(graph.entities.count) entities, \(graph.facts.count) facts")
        }
        let writer = format.makeWriter(options: exportOptions)
        try writeOutput { try writer.write(graph, to: $0) }
        if !problems.isEmpty { throw ExitCode(2) }
    }

    var exportOptions: ExportOptions {
        ExportOptions(base: base, preferEnglishLabels: labelLang == .en, toolVersion: KBVersion.string)
    }

    /// Writes the output through `body`: to `-o FILE` atomically (temporary file, renamed on success,
    /// removed on error), else to standard output. A closed pipe ends with status 141, other errors with 1.
    func writeOutput(_ body: (OutputSink) throws -> Void) throws {
        do {
            if let path = output {
                let sink = try AtomicFileSink(path: path)
                do { try body(sink); try sink.commit() } catch { sink.abort(); throw error }
            } else {
                let sink = FileDescriptorSink.standardOutput()
                try body(sink)
                try sink.flush()
            }
        } catch let e as XMLError where "\(e)".contains("broken pipe") {
            throw ExitCode(141)
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
    }

    /// `--from jsonl`: exports a facts file (kbexport's own, or another extractor's) with any writer.
    /// GraphML and RDF/XML stream the facts of files that list documents and entities first (kbexport's own files,
    /// whose facts are in id order, give the bytes the whole-graph export gives; other files give their facts in
    /// file order): memory holds the documents and entities (and, for RDF/XML, where the evidence sentences are),
    /// not the facts. Other files, standard input and the other formats read the whole graph first.
    func exportFactsFile(_ path: String) throws {
        if format == .graphml || format == .rdfxml, let order = FactsFile.factOrder(path: path) {
            return try streamFactsFile(path, order: order)
        }
        let graph: KnowledgeGraph
        do {
            graph = try FactsFile.read(path: path)
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
        let filtered = graph.filtered(minConfidence: minConfidence)
        if verbose { warn("\(path): \(filtered.entities.count) entities, \(filtered.facts.count) facts") }
        let writer = format.makeWriter(options: exportOptions)
        try writeOutput { try writer.write(filtered, to: $0) }
    }
}

extension Export {
    func streamFactsFile(_ path: String, order: FactsFile.FactOrder) throws {
        let options = exportOptions
        var facts = 0
        /// Writes one streamed fact through `write` when it passes --min-confidence and the graph checks.
        func emit(_ f: Fact, _ write: (Fact) throws -> Void) throws {
            guard minConfidence <= 0 || !(f.confidence < minConfidence) else { return }
            try GraphChecks.check(f)
            try write(f)
            facts += 1
        }
        try writeOutput { sink in
            switch format {
            case .graphml:
                var stream: GraphMLStream?
                try FactsFile.stream(path: path, order: order, begin: { documents, entities in
                    try GraphChecks.check(documents: documents, entities: entities)
                    stream = try GraphMLWriter(options: options).startStream(entities: entities, to: sink)
                }, fact: { f in try emit(f) { try stream!.fact($0) } })
                try stream!.finish()
            default:
                // The sentences are kept as offsets of fact lines, their text read back when written.
                var sentences = RDFGraphMapping.Sentences()
                var stream: RDFXMLStream?
                let lines = FactsFile.LineReader(path: path)
                try FactsFile.stream(path: path, order: order, sentences: { s in
                    guard minConfidence <= 0 || !(s.confidence < minConfidence) else { return }
                    RDFGraphMapping.note(document: s.documentID, begin: s.begin, end: s.end, .reference(s.offset), in: &sentences)
                }, begin: { documents, entities in
                    stream = try RDFXMLWriter(options: options).startStream(
                        documents: documents, entities: entities, sentences: sentences,
                        resolve: { try lines.fact(at: $0).provenance.sentence }, to: sink)
                    sentences = [:]
                }, fact: { f in try emit(f) { try stream!.fact($0) } })
                try stream!.finish()
            }
        }
        if verbose { warn("\(path): \(facts) facts streamed") }
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
    /// N-Triples are streamed from the file (read twice by RDF/XML and GraphML); RDF/XML is read first.
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

extension KnowledgeGraph {
    /// The graph without facts below a confidence threshold.
    func filtered(minConfidence: Double) -> KnowledgeGraph {
        guard minConfidence > 0 else { return self }
        var g = self
        g.facts.removeAll { $0.confidence < minConfidence }
        return g
    }
}


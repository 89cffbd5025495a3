import ArgumentParser
import Foundation
import KBFacts
import KBGraph
import KBText
import KBWriters
import KBXML

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract entities and facts from articles and write the graph (the default command).")

    @Argument(help: "Text files, directories (searched recursively for *.txt) or - for standard input. Default: the bundled seeds/.")
    var inputs: [String] = []

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

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        do { try ExportOptions(base: base).validate() } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        // a closed pipe (kbexport … | head) must end with an error we handle, not a signal
        FileDescriptorSink.ignoreBrokenPipeSignal()
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
            throw ExitCode(1)
        }
        let report: (@Sendable (String) -> Void)? = files.count > 200 ? { @Sendable (s: String) in warn(s) } : nil
        let result = Pipeline.run(files: files, progress: report)
        problems += result.errors
        for p in problems { warn("skipped: " + p) }
        for n in result.notes { warn(n) }
        if strict, !result.errors.isEmpty { throw ExitCode(1) }
        if result.graph.documents.isEmpty {
            warn("no readable input: nothing to export")
            throw ExitCode(1)
        }
        let graph = result.graph.filtered(minConfidence: minConfidence)
        if verbose {
            warn("\(graph.documents.count) documents, \(graph.entities.count) entities, \(graph.facts.count) facts")
        }
        let options = ExportOptions(base: base, preferEnglishLabels: labelLang == .en, toolVersion: KBVersion.string)
        let writer = format.makeWriter(options: options)
        do {
            if let path = output {
                let sink = try AtomicFileSink(path: path)
                do { try writer.write(graph, to: sink); try sink.commit() } catch { sink.abort(); throw error }
            } else {
                let sink = FileDescriptorSink.standardOutput()
                try writer.write(graph, to: sink)
                try sink.flush()
            }
        } catch let e as XMLError where "\(e)".contains("broken pipe") {
            throw ExitCode(141)
        } catch {
            warn("\(error)")
            throw ExitCode(1)
        }
        if !problems.isEmpty { throw ExitCode(2) }
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


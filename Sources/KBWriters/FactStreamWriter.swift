// One streaming interface for every export format: begin (documents, entities, and what a first pass over the facts
// found), one fact at a time, finish. `GraphExport.run` drives it from any `FactSource` — a graph in memory or a
// facts file read line by line — and is the one place where facts are checked and filtered by confidence, so the
// command line has no per-format branch. A writer of the older whole-graph kind (`GraphWriter`) plugs in through
// `WholeGraphStreamWriter`, which collects the graph and writes it at `finish`.

import KBGraph
import KBXML

/// What a stream writer needs to know about the facts before the first one is written.
public struct FactPass: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The evidence sentences (RDF writes them before the facts).
    public static let sentences = FactPass(rawValue: 1)
    /// Who the facts link (graph formats leave out the nodes no fact links).
    public static let participants = FactPass(rawValue: 2)
    /// The facts' dates (GEXF gives each node the span of its facts).
    public static let timeline = FactPass(rawValue: 4)
    /// The whole graph, mentions included (the facts file, whole-graph writers): the source reads everything first.
    public static let wholeGraph = FactPass(rawValue: 8)
}

/// What a stream writer gets at `begin`.
public struct GraphOutline {
    /// The documents in id order (an array, or read from a spill file: `RecordList`).
    public var documents: RecordList<Document>
    public var entities: [Entity]
    /// The mentions, when the writer asked for `.wholeGraph` (else empty), in canonical order.
    public var mentions: RecordList<Mention>
    /// The evidence sentences of the facts to come (`.sentences`).
    public var sentences: RDFGraphMapping.Sentences = [:]
    /// The text of a sentence noted by reference (a facts file's line offset and the report's index).
    public var resolve: (Int, Int?) throws -> String = { _, _ in "" }
    /// The (subject, object) pairs of the facts to come (`.participants`).
    public var pairs: Set<[String]> = []
    /// The facts' intervals by participant (`.timeline`); documents' publication dates are added by the writer.
    public var timeline = GEXFTimeline()

    public init(documents: [Document], entities: [Entity], mentions: [Mention] = []) {
        self.documents = RecordList(documents); self.entities = entities; self.mentions = RecordList(mentions)
    }

    /// Documents and mentions read one at a time (from spill files).
    public init(documents: RecordList<Document>, entities: [Entity], mentions: RecordList<Mention>) {
        self.documents = documents; self.entities = entities; self.mentions = mentions
    }

    /// The nodes and edges a graph format draws of this outline.
    public func view(_ options: ExportOptions) -> GraphView {
        GraphView(options: options, entities: entities, participants: { body in for p in pairs { body(p[0], p[1]) } })
    }
}

/// A format written one fact at a time.
public protocol FactStreamWriter: AnyObject {
    /// What `begin` needs from a first pass over the facts.
    var needs: FactPass { get }
    /// Writes what comes before the facts (nothing is written before: a refused outline leaves the sink untouched).
    func begin(_ outline: GraphOutline, to sink: OutputSink) throws
    /// Writes one fact (checked, above the confidence threshold, in the order of the source).
    func fact(_ f: Fact) throws
    /// Writes what comes after the facts and flushes.
    func finish() throws
}

/// Facts to export: a graph in memory, or a facts file read line by line.
public protocol FactSource {
    /// Calls `scan` (when given) with every fact and, for a fact whose text stays in the source, where it is
    /// (an offset `sentence(at:evidence:)` reads back); then `begin` with documents, entities (canonical order) and
    /// mentions (when the source has them); then `fact` with every fact. Checks what the source alone can check.
    func run(scan: ((Fact, Int?) throws -> Void)?, begin: (GraphOutline) throws -> Void, fact: (Fact) throws -> Void) throws
    /// The text of the sentence of the fact at `offset` (its provenance, or its report number `evidence`).
    func sentence(at offset: Int, evidence: Int?) throws -> String
}

/// A graph in memory: every check of `GraphChecks` runs before anything is written.
public struct GraphSource: FactSource {
    public let graph: KnowledgeGraph
    public init(_ graph: KnowledgeGraph) { self.graph = graph }

    public func run(scan: ((Fact, Int?) throws -> Void)?, begin: (GraphOutline) throws -> Void, fact: (Fact) throws -> Void) throws {
        try GraphChecks.check(graph)
        if let scan { for f in graph.facts { try scan(f, nil) } }
        try begin(GraphOutline(documents: graph.documents, entities: graph.entities, mentions: graph.mentions))
        for f in graph.facts { try fact(f) }
    }

    public func sentence(at offset: Int, evidence: Int?) throws -> String { "" }
}

/// A facts file whose documents and entities come before its facts (`FactsFile.factOrder`), streamed: memory holds
/// the documents and entities (and what the writer's first pass keeps), not the facts.
public final class FactsFileSource: FactSource {
    let path: String
    let order: FactsFile.FactOrder
    private lazy var lines = FactsFile.LineReader(path: path)

    public init(path: String, order: FactsFile.FactOrder) { self.path = path; self.order = order }

    public func run(scan: ((Fact, Int?) throws -> Void)?, begin: (GraphOutline) throws -> Void, fact: (Fact) throws -> Void) throws {
        try FactsFile.stream(path: path, order: order, scan: scan.map { s in { f, offset in try s(f, offset) } }, begin: { d, e in
            try begin(GraphOutline(documents: d, entities: e))
        }, fact: fact)
    }

    public func sentence(at offset: Int, evidence: Int?) throws -> String {
        let f = try lines.fact(at: offset)
        return evidence.map { f.evidence[$0].sentence } ?? f.provenance.sentence
    }
}

/// Runs an export: the one place where facts are checked and filtered by confidence.
public enum GraphExport {
    /// Writes the facts of `source` with `writer` to `sink`, leaving out facts below `minConfidence`.
    public static func run(_ source: FactSource, writer: FactStreamWriter, minConfidence: Double = 0, to sink: OutputSink) throws {
        func keeps(_ f: Fact) -> Bool { minConfidence <= 0 || !(f.confidence < minConfidence) }
        let needs = writer.needs
        var sentences = RDFGraphMapping.Sentences(), pairs = Set<[String]>(), timeline = GEXFTimeline()
        let scan: ((Fact, Int?) throws -> Void)? = needs.isDisjoint(with: [.sentences, .participants, .timeline]) ? nil : { f, offset in
            guard keeps(f) else { return }
            if needs.contains(.sentences) {
                if let offset {
                    let p = f.provenance
                    RDFGraphMapping.note(document: p.documentID, begin: p.sentenceBegin, end: p.sentenceEnd,
                                         .reference(offset, evidence: nil), in: &sentences)
                    for (k, e) in f.evidence.enumerated() {
                        RDFGraphMapping.note(document: e.documentID, begin: e.sentenceBegin, end: e.sentenceEnd,
                                             .reference(offset, evidence: k), in: &sentences)
                    }
                } else {
                    RDFGraphMapping.note(f, in: &sentences)
                }
            }
            if needs.contains(.participants) { pairs.insert([f.subject, f.object]) }
            if needs.contains(.timeline) { timeline.note(f) }
        }
        try source.run(scan: scan, begin: { head in
            try GraphChecks.check(documents: head.documents, entities: head.entities)
            var outline = head
            outline.sentences = sentences; outline.pairs = pairs; outline.timeline = timeline
            outline.resolve = { try source.sentence(at: $0, evidence: $1) }
            sentences = [:]; pairs = []
            try writer.begin(outline, to: sink)
        }, fact: { f in
            guard keeps(f) else { return }
            try GraphChecks.check(f)
            try writer.fact(f)
        })
        try writer.finish()
    }
}

/// A whole-graph writer (`GraphWriter`) behind the streaming interface: the graph is collected, then written.
public final class WholeGraphStreamWriter: FactStreamWriter {
    let writer: any GraphWriter
    private var graph = KnowledgeGraph()
    private var sink: OutputSink?

    public init(_ writer: any GraphWriter) { self.writer = writer }

    public var needs: FactPass { [.wholeGraph] }

    public func begin(_ outline: GraphOutline, to sink: OutputSink) throws {
        graph = KnowledgeGraph(documents: try outline.documents.all(), entities: outline.entities,
                               mentions: try outline.mentions.all())
        self.sink = sink
    }

    public func fact(_ f: Fact) throws { graph.facts.append(f) }

    public func finish() throws {
        guard let sink else { return }
        try writer.write(graph, to: sink)
    }
}

/// A `GraphWriter` that also writes one fact at a time. Formats whose writer is only a `GraphWriter` (written for
/// the whole graph) are streamed through `WholeGraphStreamWriter`.
public protocol StreamingGraphWriter: GraphWriter {
    func streamWriter() -> FactStreamWriter
}

extension StreamingGraphWriter {
    /// The whole graph through the stream writer: checks, then begin, every fact, finish.
    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        try GraphExport.run(GraphSource(graph), writer: streamWriter(), to: sink)
    }
}

extension OutputFormat {
    /// The format's stream writer (a whole-graph writer behind `WholeGraphStreamWriter` when it has none).
    public func makeStreamWriter(options: ExportOptions) -> FactStreamWriter {
        let writer = makeWriter(options: options)
        return (writer as? any StreamingGraphWriter)?.streamWriter() ?? WholeGraphStreamWriter(writer)
    }
}

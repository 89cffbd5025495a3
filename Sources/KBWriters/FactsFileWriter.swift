// The facts file (JSON Lines): kbexport's own format for handing extracted facts to other tools and for
// reading facts produced elsewhere (see `FactsFile` in KBGraph for the record layout).

import Foundation
import KBGraph
import KBXML

public struct FactsFileWriter: StreamingGraphWriter {
    public static let name = "kbexport facts (JSON Lines)"
    public static let fileExtension = "jsonl"
    public static let mediaType = "application/x-ndjson"

    public init(options: ExportOptions) {}

    /// The graph in canonical order (documents, entities, mentions, facts, each by id).
    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        for line in try FactsFile.lines(graph) {
            try line.withUnsafeBytes { try sink.write($0) }
        }
        try sink.flush()
    }

    public func streamWriter() -> FactStreamWriter { FactsFileStreamWriter() }
}

/// The facts file behind the streaming interface: header, documents, entities and mentions at `begin` (sorted), then
/// each fact as it comes (a graph source gives them in id order, so the bytes are those of `FactsFileWriter.write`).
public final class FactsFileStreamWriter: FactStreamWriter {
    private let encoder = FactsFile.LineEncoder()
    private var sink: OutputSink?
    private var buffer = Data()

    public init() {}

    public var needs: FactPass { [.wholeGraph] }

    public func begin(_ outline: GraphOutline, to sink: OutputSink) throws {
        self.sink = sink
        var g = KnowledgeGraph(documents: outline.documents, entities: outline.entities, mentions: outline.mentions)
        g.canonicalize()
        buffer = encoder.header()
        for d in g.documents { try add(.document(d)) }
        for e in g.entities { try add(.entity(e)) }
        for m in g.mentions { try add(.mention(m)) }
    }

    public func fact(_ f: Fact) throws { try add(.fact(f)) }

    public func finish() throws {
        guard let sink else { return }
        try drain(sink)
        try sink.flush()
    }

    private func add(_ r: FactsFile.Record) throws {
        buffer.append(try encoder.line(r))
        if buffer.count >= 64 * 1024, let sink { try drain(sink) }
    }

    private func drain(_ sink: OutputSink) throws {
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

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
        buffer = encoder.header()
        // documents and mentions streamed (a spill gives them in canonical order), or arrays sorted here
        let (docs, mentions) = (outline.documents, outline.mentions)
        var g = KnowledgeGraph(documents: docs.isStreamed ? [] : try docs.all(), entities: outline.entities,
                               mentions: mentions.isStreamed ? [] : try mentions.all())
        g.canonicalize()
        try (docs.isStreamed ? docs : RecordList(g.documents)).forEach { try add(.document($0)) }
        for e in g.entities { try add(.entity(e)) }
        try (mentions.isStreamed ? mentions : RecordList(g.mentions)).forEach { try add(.mention($0)) }
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

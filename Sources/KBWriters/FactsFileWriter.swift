// The facts file (JSON Lines): kbexport's own format for handing extracted facts to other tools and for
// reading facts produced elsewhere (see `FactsFile` in KBGraph for the record layout).

import KBGraph
import KBXML

public struct FactsFileWriter: GraphWriter {
    public static let name = "kbexport facts (JSON Lines)"
    public static let fileExtension = "jsonl"
    public static let mediaType = "application/x-ndjson"

    public init(options: ExportOptions) {}

    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        for line in try FactsFile.lines(graph) {
            try line.withUnsafeBytes { try sink.write($0) }
        }
        try sink.flush()
    }
}

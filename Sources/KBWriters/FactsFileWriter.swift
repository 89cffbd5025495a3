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
///
/// Lines are encoded a batch at a time on every core (``LineBatch``) and written in order: a line depends on its
/// record alone, so the bytes are those of one encoder writing one line after the other. A batch is encoded and its
/// lines written on other threads while the caller reads the records of the next one (`EncodingBatch`); the next
/// batch starts when it is done (one batch in flight: the lines are written in order).
public final class FactsFileStreamWriter: FactStreamWriter {
    private let encoder = FactsFile.LineEncoder()
    /// The output, used by the batch in flight (or by this thread when there is none).
    private var output: LineOutput?
    private var pending: [FactsFile.Record] = []
    /// The batch being encoded and written.
    private var encoding: EncodingBatch?

    public init() {}

    public var needs: FactPass { [.wholeGraph] }

    public func begin(_ outline: GraphOutline, to sink: OutputSink) throws {
        output = LineOutput(sink: sink, header: encoder.header())
        // documents and mentions streamed (a spill gives them in canonical order), or arrays sorted here
        let (docs, mentions) = (outline.documents, outline.mentions)
        var g = KnowledgeGraph(documents: docs.isStreamed ? [] : try docs.all(), entities: outline.entities,
                               mentions: mentions.isStreamed ? [] : try mentions.all())
        g.canonicalize()
        try (docs.isStreamed ? docs : RecordList(g.documents)).forEach { try queue(.document($0)) }
        for e in g.entities { try queue(.entity(e)) }
        try (mentions.isStreamed ? mentions : RecordList(g.mentions)).forEach { try queue(.mention($0)) }
        try flushPending()
    }

    public func fact(_ f: Fact) throws { try queue(.fact(f)) }

    /// Records are encoded a batch at a time (`LineBatch`), in the order they come.
    private func queue(_ r: FactsFile.Record) throws {
        pending.append(r)
        if pending.count >= LineBatch.size { try flushPending() }
    }

    public func finish() throws {
        try flushPending()
        try waitForBatch()
        guard let output else { return }
        try output.drain()
        try output.sink.flush()
    }

    /// Waits for the batch in flight, and starts encoding and writing the pending records.
    private func flushPending() throws {
        guard !pending.isEmpty, let output else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        try waitForBatch()
        encoding = EncodingBatch(batch[...], output: output)
    }

    /// Waits for the batch in flight to be written (its error thrown here).
    private func waitForBatch() throws {
        guard let batch = encoding else { return }
        encoding = nil
        try batch.wait()
    }
}

/// Where a facts file's lines go: a buffer drained to the sink every 64 KiB. Used by one thread at a time (the batch
/// in flight, else the writer's).
final class LineOutput: @unchecked Sendable {
    let sink: OutputSink
    private var buffer: [UInt8]

    init(sink: OutputSink, header: Data) { self.sink = sink; buffer = Array(header) }

    /// Lines, a chunk's at a time (each chunk whole lines).
    func append(_ chunks: [[UInt8]]) throws {
        for chunk in chunks {
            buffer.append(contentsOf: chunk)
            if buffer.count >= 64 * 1024 { try drain() }
        }
    }

    func drain() throws {
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A batch of records encoded (``LineBatch``) and its lines written to `output`, on other threads from the moment it
/// is made; `wait()` waits for them.
final class EncodingBatch: @unchecked Sendable {
    private var records: ArraySlice<FactsFile.Record>   // used by the encoding alone, which lets them go
    private var result: Result<Void, Error>?            // written by the encoding, read after `done`
    private let done = DispatchGroup()

    init(_ records: ArraySlice<FactsFile.Record>, output: LineOutput) {
        self.records = records
        done.enter()
        DispatchQueue.global().async { [self] in
            result = Result { try output.append(try LineBatch.encode(self.records)) }
            self.records = []   // let go here, not by the caller's thread
            done.leave()
        }
    }

    func wait() throws {
        done.wait()
        try result!.get()
    }
}

/// Facts-file lines of a run of records, encoded in parallel chunks (one `LineEncoder` per chunk), in order: each
/// chunk's lines written one after the other into one byte buffer (`LineEncoder.append`).
enum LineBatch {
    /// Records per batch, and per chunk of a batch (a chunk makes its own encoder). A batch's lines are held at
    /// once (a fact's line carries its sentence: about a megabyte for a batch), so batches stay small.
    static let size = 512
    static let chunk = 64

    static func encode(_ records: ArraySlice<FactsFile.Record>) throws -> [[UInt8]] {
        let n = records.count
        guard n > chunk else { return [try lines(records)] }
        let base = records.startIndex
        let chunks = (n + chunk - 1) / chunk
        let out = ChunkResults(count: chunks)
        let input = Input(records)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = base + c * chunk, hi = min(base + n, lo + chunk)
            out.set(c, Result { try lines(input.records[lo..<hi]) })
        }
        return try (0..<chunks).map { try out.get($0).get() }
    }

    /// The lines of `records`, one after the other.
    static func lines(_ records: ArraySlice<FactsFile.Record>) throws -> [UInt8] {
        let e = FactsFile.LineEncoder()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(records.count * 512)
        for r in records { try e.append(r, to: &bytes) }
        return bytes
    }

    /// The records, read (never changed) by every thread.
    private final class Input: @unchecked Sendable {
        let records: ArraySlice<FactsFile.Record>
        init(_ records: ArraySlice<FactsFile.Record>) { self.records = records }
    }

    /// One slot per chunk, each written by one thread and read after all have finished.
    private final class ChunkResults: @unchecked Sendable {
        private var slots: [Result<[UInt8], Error>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<[UInt8], Error>) { lock.lock(); slots[i] = r; lock.unlock() }
        func get(_ i: Int) -> Result<[UInt8], Error> { lock.lock(); defer { lock.unlock() }; return slots[i]! }
    }
}

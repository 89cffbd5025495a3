// Records sorted on disk: an external sort for what a run would otherwise hold until the end (the mentions of a facts
// file, the documents of a corpus).
//
// Records are appended in any order and kept in memory until they pass `runBytes` (encoded); then they are sorted
// (stably: of two equal records, the one appended first stays first) and written out as one sorted run of an unlinked
// spill file (`SpillFile`). `forEach` gives every record in order by a k-way merge of the runs (of two equal records,
// the one of the earlier run first): the order a stable sort of the whole list gives. A small list never touches the
// disk.

/// Records of one type appended, then read back sorted (an external merge sort).
public final class SortedSpill<Element> {
    public typealias Encode = (Element, inout SpillEncoder) -> Void
    /// Called on other threads (`forEach` decodes ahead of the merge).
    public typealias Decode = @Sendable (inout SpillDecoder) throws -> Element

    private let encode: Encode
    private let decode: Decode
    private let less: (Element, Element) -> Bool
    /// `less` on elements in place, when the caller gives it (the sort of a run uses it).
    private let lessAt: ((UnsafePointer<Element>, UnsafePointer<Element>) -> Bool)?
    private let directory: String
    /// Encoded bytes of the records held in memory before they go to disk as a run.
    public let runBytes: Int
    private var pending: [Element] = []
    private var pendingBytes = 0
    private var file: SpillFile?
    private var runs: [Range<Int>] = []
    /// How many records were appended.
    public private(set) var count = 0
    /// How many sorted runs went to disk.
    public var runCount: Int { runs.count }

    /// 4 MiB of records per run.
    public static var defaultRunBytes: Int { 4 << 20 }

    public init(directory: String = SpillFile.directory, runBytes: Int = SortedSpill.defaultRunBytes,
                encode: @escaping Encode, decode: @escaping Decode, less: @escaping (Element, Element) -> Bool,
                lessAt: ((UnsafePointer<Element>, UnsafePointer<Element>) -> Bool)? = nil, size: ((Element) -> Int)? = nil) {
        self.directory = directory; self.runBytes = max(1, runBytes)
        self.encode = encode; self.decode = decode; self.less = less; self.lessAt = lessAt; self.size = size
    }

    /// The size of a record's encoding, when the caller gives it (computed without encoding the record).
    private let size: ((Element) -> Int)?

    /// Sorts what is in memory (stably), through `lessAt` when there is one.
    private func sortPending() {
        if let lessAt { pending.sortMovingOnce(at: lessAt) } else { pending.sortMovingOnce(by: less) }
    }

    /// Appends one record.
    public func append(_ e: Element) throws {
        pending.append(e)
        pendingBytes += sizeEstimate(e)
        count += 1
        if pendingBytes >= runBytes { try writeRun() }
    }

    /// An encoder whose bytes are reused by `sizeEstimate`.
    private var scratch = SpillEncoder()

    /// The encoded size of a record (what the run would take on disk).
    private func sizeEstimate(_ e: Element) -> Int {
        if let size { return size(e) + 16 }
        scratch.bytes.removeAll(keepingCapacity: true)
        encode(e, &scratch)
        return scratch.bytes.count + 16
    }

    /// Sorts what is in memory and writes it out as a run.
    private func writeRun() throws {
        guard !pending.isEmpty else { return }
        sortPending()
        let file = self.file ?? SpillFile(directory: directory, memoryLimit: 0)
        self.file = file
        let start = file.size
        var enc = SpillEncoder()
        for e in pending {
            enc.bytes.removeAll(keepingCapacity: true)
            encode(e, &enc)
            try file.appendRecord(enc.bytes)
        }
        try file.flush()
        runs.append(start..<file.size)
        pending = []
        pendingBytes = 0
    }

    /// Every record in order (stable), read once per call; what is still in memory is sorted first (and stays in
    /// memory when nothing went to disk).
    public func forEach(_ body: (Element) throws -> Void) throws {
        if !runs.isEmpty { try writeRun() }
        guard let file else {
            sortPending()
            for e in pending { try body(e) }
            return
        }
        // each run's records decoded on other threads a batch ahead of the merge (`DecodingRunReader`)
        let decode = self.decode
        let batch = DecodingRunReader<Element>.batchBytes(runs: runs.count)
        let readers = runs.map { r in
            DecodingRunReader<Element>(file: file, range: r, batchBytes: batch) { _, bytes in
                var d = SpillDecoder(bytes)
                return try decode(&d)
            }
        }
        var heads: [Element?] = []
        for r in readers { heads.append(try r.next()) }
        if let lessAt {
            try RunMerge.merge(heads: heads, next: { i in try readers[i].next() }, lessAt: lessAt, body)
        } else {
            try RunMerge.merge(heads: heads, next: { i in try readers[i].next() }, less: less, body)
        }
    }
}

// Reports on disk: a one-machine run whose memory grows with the entities, not with the documents.
//
// While documents are extracted, their reports (facts before event merging) are appended to a spill file instead of
// being kept. When extraction is done and the people named in several documents are joined (the old id → new id
// map), `finish` reads the reports back once, points them at the joined ids, drops a fact left between one entity and
// itself, and deals them into buckets by event key (type, modality, participants: `EventMerging.key`), so that every
// report of one event lands in one bucket. Each bucket in turn is read into memory, its events merged
// (`EventMerging.merge`, which merges each key on its own) and sorted by id, and written out as one sorted run. The
// facts come out of `SortedFacts` by a k-way merge of the runs: the order of `KnowledgeGraph.canonicalize`, and the
// facts of one run in memory (`EventMerging` over the whole graph) — byte for byte.
//
// Memory holds one bucket (8 MiB of reports on disk, `bucketBytes`) and, per run, a read window and two batches of
// facts decoded ahead of the merge (`DecodingRunReader`: 4 MiB of records over all runs); the facts of one event,
// with all their evidence, are in one bucket. Spill files are unlinked as soon as they are made (`SpillFile`).

import Foundation

/// Reports appended during extraction, then merged into events and sorted (`finish`).
public final class ReportSpill {
    private let reports: SpillFile
    private let directory: String
    /// How many reports were appended.
    public private(set) var count = 0
    /// The size of a bucket's reports on disk: the memory `finish` needs is a small multiple of it.
    public let bucketBytes: Int

    /// 8 MiB of reports on disk (about 30,000 reports of one sentence; two to three times that in memory).
    public static let defaultBucketBytes = 8 << 20

    /// - Parameters:
    ///   - documents: the documents go to a spill too (`appendDocument`, `forEachDocument`).
    ///   - mentions: the mentions go to a spill too (`appendMentions`, `forEachMention`).
    ///   - runBytes: the bytes of documents or mentions held in memory before a sorted run of them goes to disk.
    public init(directory: String = SpillFile.directory, bucketBytes: Int = ReportSpill.defaultBucketBytes,
                documents: Bool = false, mentions: Bool = false, runBytes: Int = SortedSpill<Document>.defaultRunBytes) {
        self.directory = directory
        self.bucketBytes = max(1, bucketBytes)
        memoryLimit = min(self.bucketBytes, 1 << 20)
        reports = SpillFile(directory: directory, memoryLimit: memoryLimit)
        documentSpill = documents ? SortedSpill(directory: directory, runBytes: runBytes, encode: { $1.document($0) },
                                                decode: { try $0.document() }, less: { $0.id < $1.id }) : nil
        // the canonical order of mentions (`KnowledgeGraph.canonicalize`); the number is the order they came in
        mentionSpill = mentions ? SortedSpill(directory: directory, runBytes: runBytes, encode: { $1.mention($0.0); $1.int($0.1) },
                                              decode: { (try $0.mention(), try $0.int()) }, less: { a, b in
            (a.0.documentID, a.0.begin, a.0.end, a.0.entityID, a.1) < (b.0.documentID, b.0.begin, b.0.end, b.0.entityID, b.1)
        }, lessAt: ReportSpill.mentionBefore, size: { SpillEncoder.size(of: $0.0) + SpillEncoder.size(of: $0.1) }) : nil
    }

    /// The order of the mention spill's `less`, on mentions in place.
    static func mentionBefore(_ a: UnsafePointer<(Mention, Int)>, _ b: UnsafePointer<(Mention, Int)>) -> Bool {
        // (a tuple's first element is at its start)
        let o = mentionOrder(UnsafeRawPointer(a).assumingMemoryBound(to: Mention.self),
                             UnsafeRawPointer(b).assumingMemoryBound(to: Mention.self))
        return o != 0 ? o < 0 : a.pointee.1 < b.pointee.1
    }

    /// The order of two mentions by document, begin, end and entity: −1, 0 (all four equal) or 1.
    static func mentionOrder(_ a: UnsafePointer<Mention>, _ b: UnsafePointer<Mention>) -> Int {
        if a.pointee.documentID != b.pointee.documentID { return a.pointee.documentID < b.pointee.documentID ? -1 : 1 }
        if a.pointee.begin != b.pointee.begin { return a.pointee.begin < b.pointee.begin ? -1 : 1 }
        if a.pointee.end != b.pointee.end { return a.pointee.end < b.pointee.end ? -1 : 1 }
        if a.pointee.entityID != b.pointee.entityID { return a.pointee.entityID < b.pointee.entityID ? -1 : 1 }
        return 0
    }

    private let documentSpill: SortedSpill<Document>?
    private let mentionSpill: SortedSpill<(Mention, Int)>?

    /// True when documents go to the spill (else the caller keeps them).
    public var spillsDocuments: Bool { documentSpill != nil }
    /// True when mentions go to the spill.
    public var spillsMentions: Bool { mentionSpill != nil }
    /// How many documents were appended.
    public var documentCount: Int { documentSpill?.count ?? 0 }
    /// How many mentions were appended.
    public var mentionCount: Int { mentionSpill?.count ?? 0 }

    /// Appends a document (when documents are spilled).
    public func appendDocument(_ d: Document) throws { try documentSpill?.append(d) }

    /// Appends mentions (when mentions are spilled).
    public func appendMentions(_ ms: [Mention]) throws {
        guard let mentionSpill else { return }
        // in the spill's order already (its order is total: the number is unique): mentions of one document, come in
        // documents in id order, are then a run in order, which the run's sort finds at once
        let base = mentionSpill.count
        // (the mentions' places sorted: no numbered copies of them made and let go)
        let order = ms.withUnsafeBufferPointer { p -> [Int]? in
            guard p.count > 1, let m = p.baseAddress,
                  (1..<p.count).contains(where: { ReportSpill.mentionOrder(m + $0, m + $0 - 1) < 0 }) else { return nil }
            return p.indices.sorted { a, b in
                let o = ReportSpill.mentionOrder(m + a, m + b)
                return o != 0 ? o < 0 : a < b
            }
        }
        if let order {
            for k in order { try mentionSpill.append((ms[k], base + k)) }
        } else {
            for k in ms.indices { try mentionSpill.append((ms[k], base + k)) }
        }
    }

    /// The documents in id order (of two with one id, the one appended first first).
    public func forEachDocument(_ body: (Document) throws -> Void) throws { try documentSpill?.forEach(body) }

    /// The mentions, joined ids applied (`links`), in the canonical order (`KnowledgeGraph.canonicalize`: by document,
    /// begin, end and entity id, then the order they came in). Mentions of one span are sorted again once their ids
    /// are joined.
    public func forEachMention(links: [String: String], _ body: (Mention) throws -> Void) throws {
        guard let mentionSpill else { return }
        var group: [(Mention, Int)] = []
        func flush() throws {
            if group.count > 1 { group.sortMovingOnce { ($0.0.entityID, $0.1) < ($1.0.entityID, $1.1) } }
            for (m, _) in group { try body(m) }
            group.removeAll(keepingCapacity: true)
        }
        try mentionSpill.forEach { x in
            var x = x
            if let n = links[x.0.entityID] { x.0.entityID = n }
            if let g = group.first, (g.0.documentID, g.0.begin, g.0.end) != (x.0.documentID, x.0.begin, x.0.end) { try flush() }
            group.append(x)
        }
        try flush()
    }

    /// What a spill file holds in memory before it goes to disk: a small run (1 MiB of reports, a few thousand
    /// reports) never touches the disk.
    let memoryLimit: Int

    /// True once reports went to disk.
    public var onDisk: Bool { reports.onDisk }

    /// Appends reports (each is written out and let go).
    public func append(_ facts: [Fact]) throws {
        for f in facts { try reports.appendRecord(SpillEncoder.bytes(of: f)) }
        count += facts.count
    }

    /// What `finish` does with one report: left out (a fact between an entity and itself once ids are joined), kept
    /// (one bucket: `buckets` 0), or its bucket (by event key) and bytes (encoded again when ids were joined).
    enum Dealt: Sendable { case dropped, fact(Fact), bucket(Int, [UInt8]) }

    /// One report's bytes read, the joined ids (`links`) applied and dealt (see `Dealt`): a function of the bytes, so
    /// it runs on every core. A report no joined id touches keeps its bytes (what encoding it again would give: a
    /// fact read back is the fact written, and its encoding is a function of the fact).
    static func dealt(_ bytes: [UInt8], links: [String: String], buckets: Int, _ table: RelationTable) throws -> Dealt {
        guard buckets > 0 else {
            var f = try SpillDecoder.fact(bytes)
            relink(&f, links)
            // (as `CrossDocumentLinker.apply`: only when some entity was joined)
            return !links.isEmpty && f.subject == f.object ? .dropped : .fact(f)
        }
        // the ids and the event key need no sentence, nor any other string: the event's fields are read (the rest of
        // the record checked and skipped: `SpillDecoder.eventFields`), and the fact read whole only when a joined id
        // changes it (it is then encoded again)
        let e = try SpillDecoder.eventFields(bytes, others: !links.isEmpty)
        var subject = e.subject, object = e.object, changed = false
        if !links.isEmpty {
            // (as `relink`: the participants, then the place and the attributions' sources)
            if let s = links[subject] { subject = s; changed = true }
            if let o = links[object] { object = o; changed = true }
            if !changed { changed = e.others.contains { links[$0] != nil } }
            if subject == object { return .dropped }
        }
        let b = Int(EventMerging.keyHash(type: e.type, modality: e.modality, subject: subject, object: object, table)
                    % UInt64(buckets))
        guard changed else { return .bucket(b, bytes) }
        var whole = try SpillDecoder.fact(bytes)
        relink(&whole, links)
        return .bucket(b, SpillEncoder.bytes(of: whole))
    }

    /// The joined ids (`links`) applied to a fact's participants, place and attributions; true when one changed.
    @discardableResult
    static func relink(_ f: inout Fact, _ links: [String: String]) -> Bool {
        guard !links.isEmpty else { return false }
        var changed = false
        if let s = links[f.subject] { f.subject = s; changed = true }
        if let o = links[f.object] { f.object = o; changed = true }
        if let p = f.place, let n = links[p] { f.place = n; changed = true }
        if let a = f.attribution?.source, let n = links[a] { f.attribution?.source = n; changed = true }
        for e in f.evidence.indices {
            if let a = f.evidence[e].attribution?.source, let n = links[a] { f.evidence[e].attribution?.source = n; changed = true }
        }
        return changed
    }

    /// The reports, joined ids applied (`links`: old entity id → the id it joins), merged into events unless
    /// `mergeEvents` is false, in id order. The reports' file is read once; the spill can then be let go.
    public func finish(links: [String: String], mergeEvents: Bool, table: RelationTable = .standard) throws -> SortedFacts {
        let buckets = max(1, (reports.size + bucketBytes - 1) / bucketBytes)
        // the buckets share one file, written in blocks (a few MB of buffers in all, one file descriptor)
        let bucketFile = buckets > 1 ? SpillFile(directory: directory, memoryLimit: memoryLimit) : nil
        let blockSize = max(1024, min(1 << 16, (16 << 20) / buckets))
        var pending = [[UInt8]](repeating: [], count: buckets > 1 ? buckets : 0)
        var blocks = [[Range<Int>]](repeating: [], count: buckets > 1 ? buckets : 0)
        var single: [Fact] = []
        // the reports are read in chunks, each decoded, pointed at the joined ids and given its bucket on every core
        // (`ParallelMap`, `dealt`), then dealt in order
        let bucketed = bucketFile != nil
        func deal(_ records: [[UInt8]]) throws {
            for d in try ParallelMap.map(records, { try ReportSpill.dealt($0, links: links, buckets: bucketed ? buckets : 0, table) }) {
                switch d {
                case .dropped: continue
                case .fact(let f): single.append(f)
                case .bucket(let b, let bytes):
                    SpillFile.frame(bytes, into: &pending[b])
                    if pending[b].count >= blockSize {
                        blocks[b].append(try bucketFile!.appendFramed(pending[b]))
                        pending[b].removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        var reader = reports.records()
        var chunk: [[UInt8]] = []
        while let r = try reader.next() {
            chunk.append(r.bytes)
            if chunk.count == 4096 { try deal(chunk); chunk.removeAll(keepingCapacity: true) }
        }
        try deal(chunk)
        if let bucketFile {
            for b in pending.indices where !pending[b].isEmpty { blocks[b].append(try bucketFile.appendFramed(pending[b])) }
            pending = []
        }
        let runs = SpillFile(directory: directory, memoryLimit: memoryLimit)
        var ranges: [Range<Int>] = []
        var total = 0
        func run(_ facts: [Fact]) throws {
            var facts = mergeEvents ? EventMerging.merge(facts, table: table) : facts
            facts.sortMovingOnce { $0.id < $1.id }
            let start = runs.size
            let sorted = facts
            for lo in stride(from: 0, to: facts.count, by: 4096) {
                for bytes in ParallelMap.map(Array(lo..<min(facts.count, lo + 4096)), { SpillEncoder.bytes(of: sorted[$0]) }) {
                    try runs.appendRecord(bytes)
                }
            }
            if !facts.isEmpty { ranges.append(start..<runs.size) }
            total += facts.count
            LetGo.elsewhere(facts)
        }
        if let bucketFile {
            for b in blocks.indices {
                var facts: [Fact] = [], records: [[UInt8]] = []
                for block in blocks[b] {
                    var r = bucketFile.records(block)
                    while let x = try r.next() {
                        records.append(x.bytes)
                        if records.count == 4096 { facts += try ParallelMap.map(records, SpillDecoder.fact); records = [] }
                    }
                }
                facts += try ParallelMap.map(records, SpillDecoder.fact)
                try run(facts)
                LetGo.elsewhere(facts)
            }
        } else {
            try run(single)
            LetGo.elsewhere(single)
            single = []
        }
        return SortedFacts(file: runs, runs: ranges, count: total)
    }
}

/// Facts on disk in sorted runs, read in id order (a k-way merge) as often as needed.
public final class SortedFacts {
    let file: SpillFile
    let runs: [Range<Int>]
    /// How many facts there are.
    public let count: Int
    /// How many sorted runs (buckets that held facts) they are in.
    public var runCount: Int { runs.count }

    init(file: SpillFile, runs: [Range<Int>], count: Int) { self.file = file; self.runs = runs; self.count = count }

    /// Every fact in id order (of two with one id, that of the earlier run first), with its offset (`fact(at:)`).
    /// The facts are decoded on other threads a batch ahead of the merge (`DecodingRunReader`). `sentences: false`
    /// gives every sentence as "" (a reader of the ids and references alone: most of a fact's bytes are sentences).
    public func forEach(sentences: Bool = true, _ body: (Fact, Int) throws -> Void) throws {
        let batch = DecodingRunReader<(fact: Fact, offset: Int)>.batchBytes(runs: runs.count)
        let decode: @Sendable ([UInt8]) throws -> Fact = sentences ? SpillDecoder.fact : SpillDecoder.factWithoutSentences
        let readers = runs.map { r in
            DecodingRunReader<(fact: Fact, offset: Int)>(file: file, range: r, batchBytes: batch) { offset, bytes in
                (try decode(bytes), offset)
            }
        }
        var heads: [(fact: Fact, offset: Int)?] = []
        for r in readers { heads.append(try r.next()) }
        try RunMerge.merge(heads: heads, next: { i in try readers[i].next() },
                           lessAt: { $0.pointee.fact.id < $1.pointee.fact.id }) { try body($0.fact, $0.offset) }
    }

    /// The fact at an offset `forEach` gave.
    public func fact(at offset: Int) throws -> Fact { try SpillDecoder.fact(try file.record(at: offset)) }
}

extension EventMerging {
    /// `StableID.fnv1a(key(f, table))`: FNV-1a over the key's pieces and bars, without the key (a `String` made and
    /// its bytes checked).
    static func keyHash(_ f: Fact, _ table: RelationTable) -> UInt64 {
        keyHash(type: f.type, modality: f.modality, subject: f.subject, object: f.object, table)
    }

    /// ``keyHash(_:_:)`` of a fact of these fields.
    static func keyHash(type: String, modality: Modality, subject: String, object: String, _ table: RelationTable) -> UInt64 {
        let pair = table.isSymmetric(type) && object < subject ? (object, subject) : (subject, object)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func byte(_ b: UInt8) { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 }
        @inline(__always) func put(_ s: String) {
            var s = s
            s.withUTF8 { for b in $0 { byte(b) } }
        }
        put(type); byte(0x7C); put(modality.rawValue); byte(0x7C); put(pair.0); byte(0x7C); put(pair.1)
        return h
    }
}

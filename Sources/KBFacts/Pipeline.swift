import Foundation
import KBGraph
import KBText

/// Reads, extracts and merges a list of inputs; the order of the result does not depend on threads.
public enum Pipeline {
    public struct Result: Sendable {
        public var graph: KnowledgeGraph; public var errors: [String]; public var notes: [String]
        /// The people joined across documents (old entity id → the id it joins), already applied to the graph; to
        /// apply to the reports of a `ReportSpill`.
        public var links: [String: String] = [:]
    }

    /// `keepMentions: false` leaves the mentions out of the graph (writers other than the facts file do not use
    /// them, and on a large corpus they are most of the memory).
    public static func run(files: [InputFile], extractor: Extractor = Extractor(), keepMentions: Bool = true,
                           progress: (@Sendable (String) -> Void)? = nil) -> Result {
        do {
            return try run(files: files, extractor: extractor, keepMentions: keepMentions, spill: nil, progress: progress)
        } catch {
            fatalError("kbexport: extraction without a spill file failed: \(error)")   // nothing throws without one
        }
    }

    /// ``run(files:extractor:keepMentions:progress:)`` with the reports (facts before event merging) appended to
    /// `spill` instead of kept in the graph (whose `facts` is then empty): memory holds the entities and documents,
    /// not the reports. `links` of the result are to be applied to the spilled reports (`ReportSpill.finish`).
    /// Throws the spill file's errors (a full disk).
    /// `files`: an array, or an `InputFileList` (a million paths in a third of the memory).
    public static func run<Files: RandomAccessCollection & Sendable>(
        files: Files, extractor: Extractor = Extractor(), keepMentions: Bool = true, spill: ReportSpill?,
        progress: (@Sendable (String) -> Void)? = nil) throws -> Result where Files.Element == InputFile, Files.Index == Int {
        let n = files.count
        // documents and mentions the spill takes are not kept in the graph
        let spillsDocuments = spill?.spillsDocuments ?? false, spillsMentions = spill?.spillsMentions ?? false
        var builder = GraphBuilder(gazetteer: extractor.gazetteer, keepMentions: keepMentions && !spillsMentions,
                                   keepDocuments: !spillsDocuments)
        if !spillsDocuments { builder.reserveCapacity(documents: n) }
        var errors: [String] = []
        var notes: [String] = []
        // the document ids given so far (file index; as hashes: a million ids in 30 MB, not 100), and the ids of the
        // files renamed because another had their name
        var seen = HashedIDs()
        var renamed: [Int: String] = [:]
        func id(of j: Int) -> String { renamed[j] ?? StableID.document(path: files[j].path) }
        // Files are extracted on every core, at most a window ahead of the one going into the graph, and go into the
        // graph in file order while the next ones are extracted: memory holds the graph, not every file's extraction.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let window = max(64, 32 * cores)
        let feed = OrderedFeed<Swift.Result<Loaded, Error>>(count: n, ahead: window, workers: cores) { i in
            let f = files[i]
            do {
                let meta = try InputReader.metadata(for: f)
                switch try InputReader.loadLong(f, documentID: StableID.document(path: f.path)) {
                case .left(let src): return .success(.extracted(extractor.extract(src, metadata: meta)))
                case .right(let long): return .success(.long(long, meta))
                }
            } catch {
                return .failure(error)
            }
        }
        defer { feed.finish() }
        // one file's extraction into the graph, in file order
        func consume(_ i: Int) throws {
            let loaded: Loaded
            switch feed.take(i) {
            case .success(let l): loaded = l
            case .failure(let e): errors.append("\(e)"); return
            }
            let documentID = loaded.documentID
            // two inputs with the same file name get distinct document ids
            let newID = seen.value(of: documentID, isSame: { id(of: $0) == documentID }).map { other in
                let id = documentID + "-" + String(StableID.hex(files[i].path).prefix(6))
                notes.append("\(files[i].displayPath): same document name as \(files[other].displayPath); its id is \(id)")
                return id
            }
            func add(_ x: DocumentExtraction, first: Bool) throws {
                var x = x
                if let newID { x.rename(to: newID) }
                if let spill {
                    try spill.append(x.facts)
                    x.facts = []
                    if spillsDocuments, first { try spill.appendDocument(x.document) }
                    if spillsMentions {
                        if keepMentions { try spill.appendMentions(x.mentions) }
                        x.mentions = []
                    }
                }
                builder.add(x, document: first)
            }
            switch loaded {
            case .extracted(let x): try add(x, first: true)
            case .long(let long, let meta):
                // each segment goes into the graph as it is extracted: memory never holds the whole document's
                let found = try extractSegments(long, metadata: meta, extractor: extractor) { try add($0, first: $1) }
                if !found { errors.append("\(InputError.onlyBoilerplate(path: long.path))"); return }
            }
            if let newID { renamed[i] = newID }
            let given = newID ?? documentID
            seen.insert(given, i, isSame: { id(of: $0) == given })
        }
        for i in 0..<n {
            try consume(i)
            // reported where the windows of the earlier code ended (every `window` files and the last)
            let end = i + 1, done = end - ((end - 1) % window + 1)
            if let p = progress, end % window == 0 || end == n, end / 1000 > done / 1000 || end == n {
                p("processed \(end)/\(n) files")
            }
        }
        let (graph, links) = builder.takeLinked()
        return Result(graph: graph, errors: errors, notes: notes, links: links)
    }

    /// The segments of a long document extracted, a window at a time on every core, and given to `body` in order
    /// (with `true` for the first, which carries the document, its length the whole document's). Segments with no
    /// article sentence give nothing; false when no segment had one.
    static func extractSegments(_ long: LongDocument, metadata: DocumentMetadata?, extractor: Extractor,
                                _ body: (DocumentExtraction, Bool) throws -> Void) rethrows -> Bool {
        let count = long.segments.count
        let window = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var first = true
        for start in stride(from: 0, to: count, by: window) {
            let end = min(count, start + window)
            let slots = ResultSlots<DocumentExtraction?>(count: end - start)
            DispatchQueue.concurrentPerform(iterations: end - start) { k in
                let src = long.segment(start + k)
                let hasArticle = Cleaner.sentences(of: src).contains { $0.role != .dateline }
                slots.set(k, .success(hasArticle ? extractor.extract(src, metadata: metadata) : nil))
            }
            for k in 0..<(end - start) {
                guard case .success(var x?)? = slots.get(k) else { continue }
                if first { x.document.length = long.length }
                try body(x, first)
                first = false
            }
        }
        return !first
    }

    /// One input read and extracted on its own (a long document segment by segment, joined into one extraction).
    public static func extract(_ file: InputFile, extractor: Extractor, longDocument: (threshold: Int, segment: Int)
                               = (LongDocument.threshold, LongDocument.segmentScalars)) throws -> DocumentExtraction {
        let meta = try InputReader.metadata(for: file)
        switch try InputReader.loadLong(file, documentID: StableID.document(path: file.path), threshold: longDocument.threshold,
                                        segmentScalars: longDocument.segment) {
        case .left(let src): return extractor.extract(src, metadata: meta)
        case .right(let long):
            var joined: DocumentExtraction? = nil
            var entities: [String: Entity] = [:]
            let found = extractSegments(long, metadata: meta, extractor: extractor) { x, first in
                if first { joined = x } else { joined?.mentions += x.mentions; joined?.facts += x.facts }
                for e in x.entities {
                    guard var old = entities[e.id] else { entities[e.id] = e; continue }
                    old.mentionCount += e.mentionCount
                    old.surfaceForms = Array(Set(old.surfaceForms).union(e.surfaceForms)).sorted()
                    entities[e.id] = old
                }
            }
            guard found, var x = joined else { throw InputError.onlyBoilerplate(path: long.path) }
            x.entities = entities.values.sorted { $0.id < $1.id }
            return x
        }
    }

    /// What reading one input gave: its extraction, or a long document to extract segment by segment.
    enum Loaded: Sendable {
        case extracted(DocumentExtraction)
        case long(LongDocument, DocumentMetadata?)

        var documentID: String {
            switch self {
            case .extracted(let x): return x.document.id
            case .long(let long, _): return long.documentID
            }
        }
    }
}

/// Per-item results filled from several threads.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var items: [Result<T, Error>?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<T, Error>) { lock.lock(); items[i] = r; lock.unlock() }
    func get(_ i: Int) -> Result<T, Error>? { lock.lock(); defer { lock.unlock() }; return items[i] }
}

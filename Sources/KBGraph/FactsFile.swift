import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The facts file: kbexport's open interface for other extractors (JSON Lines, UTF-8).
///
/// One JSON object per line, each with a `"record"` field saying what it is:
///
/// ```
/// {"record":"kbexport-facts","version":1}
/// {"record":"document","id":"doc-a","path":"a.txt","url":"…","published":"2018-08-07","length":1520}
/// {"record":"entity","id":"per-khalifa-haftar","type":"PERSON","labelAr":"خليفة حفتر","labelEn":"Khalifa Haftar",…}
/// {"record":"mention","entityID":"per-khalifa-haftar","documentID":"doc-a","begin":10,"end":20,"text":"خليفة حفتر"}
/// (a nisba adjective standing for a place adds "adjective":true)
/// {"record":"fact","id":"f-1","type":"VISIT","subject":"per-…","object":"plc-niamey","date":{"value":"2018-08-07","precision":"day"},
///  "modality":"asserted","provenance":{"documentID":"doc-a","sentenceBegin":0,"sentenceEnd":79,"sentence":"…",
///  "spanBegin":0,"spanEnd":40},"rule":"visit.verb","confidence":0.87}
/// ```
///
/// Field names and types are those of `Document`, `Entity`, `Mention` and `Fact`; optional fields may be
/// left out. Offsets count Unicode code points. The header line is optional when reading; records may come
/// in any order (documents and entities are needed only by the end of the file). Writing is deterministic:
/// header, documents, entities, mentions, facts, each sorted by id, keys sorted.
public enum FactsFile {
    /// The version written. Version 2 added a fact's `evidence` (every report of a merged fact) and `support`;
    /// version 1 files (no evidence: each fact is its single report) are read as they always were.
    public static let version = 2

    /// Why a facts file could not be read: file, line and reason.
    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let line: Int
        public let reason: String
        public var description: String { "\(path):\(line): \(reason)" }
        public init(path: String, line: Int, reason: String) { self.path = path; self.line = line; self.reason = reason }
    }


    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A model value JSON numbers cannot carry (a NaN confidence) is written as a string instead of failing
        // the whole export with an EncodingError; `read` accepts it back (issue 5, found by the property tests).
        e.nonConformingFloatEncodingStrategy = nonConforming.encoding
        return e
    }

    private static let nonConforming = (
        encoding: JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"),
        decoding: JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"))

    /// Encodes a record as one line (without the newline), with its `record` tag first.
    static func line<T: Encodable>(_ kind: String, _ value: T, _ e: JSONEncoder) throws -> Data {
        let body = try e.encode(value)
        var out = Data("{\"record\":\"\(kind)\",".utf8)
        out.append(body.dropFirst())   // body starts with "{"
        return out
    }

    /// Encodes records one at a time, each as one line ending in "\n" (a stream writer's encoder).
    public final class LineEncoder {
        private let e = FactsFile.encoder()
        public init() {}
        public func header() -> Data { Data("{\"record\":\"kbexport-facts\",\"version\":\(FactsFile.version)}\n".utf8) }
        public func line(_ record: Record) throws -> Data {
            var out: [UInt8] = []
            try append(record, to: &out)
            return Data(out)
        }

        /// ``line(_:)``'s bytes appended to `out` (the direct lines written in place).
        public func append(_ record: Record, to out: inout [UInt8]) throws {
            var d: Data
            switch record {
            case .header: out.append(contentsOf: header()); return
            case let .document(x):
                if FactsFile.appendDocumentLine(x, to: &out) { return }
                d = try FactsFile.line("document", x, e)
            case let .entity(x):
                if FactsFile.appendEntityLine(x, newline: true, to: &out) { return }
                d = try FactsFile.line("entity", x, e)
            case let .mention(x):
                if FactsFile.appendMentionLine(x, newline: true, to: &out) { return }
                d = try FactsFile.line("mention", x, e)
            case let .fact(x):
                if FactsFile.appendFactLine(x, newline: true, to: &out) { return }
                d = try FactsFile.line("fact", x, e)
            }
            out.append(contentsOf: d)
            out.append(0x0A)
        }
    }

    /// The whole graph as facts-file lines, in canonical order, each ending in "\n".
    public static func lines(_ graph: KnowledgeGraph) throws -> [Data] {
        var g = graph
        g.canonicalize()
        let e = encoder()
        var out: [Data] = [Data("{\"record\":\"kbexport-facts\",\"version\":\(version)}".utf8)]
        for d in g.documents { out.append(try line("document", d, e)) }
        for x in g.entities { out.append(try line("entity", x, e)) }
        for m in g.mentions { out.append(try line("mention", m, e)) }
        for f in g.facts { out.append(try line("fact", f, e)) }
        return out.map { var d = $0; d.append(0x0A); return d }
    }

    /// One record of a facts file.
    public enum Record {
        case header(version: Int?)
        case document(Document)
        case entity(Entity)
        case mention(Mention)
        case fact(Fact)
    }

    /// Reads a facts file (from any extractor that follows the format).
    public static func read(data: Data, path: String) throws -> KnowledgeGraph {
        var g = KnowledgeGraph()
        var lastLine = 0
        try data.withUnsafeBytes { raw in
            try LineSplitter.forEachLine(raw.bindMemory(to: UInt8.self), firstLine: 1) { n, line in
                lastLine = n
                try decode(line, lineNo: n, path: path).map { add($0, to: &g) }
            }
        }
        return try finish(g, path: path, lastLine: lastLine)
    }

    /// Reads a facts file line by line (`-`: standard input), without holding the whole file.
    public static func read(path: String) throws -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let name = path == "-" ? "<stdin>" : path
        let lastLine = try LineSplitter.forEachLine(path: path, name: name) { n, line in
            try decode(line, lineNo: n, path: name).map { add($0, to: &g) }
        }
        return try finish(g, path: name, lastLine: lastLine)
    }

    /// Every record of a facts file with its line number, in file order, nothing kept (`read` without the graph: no
    /// reference is checked). - Returns: the number of the last line.
    @discardableResult
    public static func forEachRecord(path: String, _ body: (Record, Int) throws -> Void) throws -> Int {
        let name = path == "-" ? "<stdin>" : path
        return try LineSplitter.forEachLine(path: path, name: name) { n, line in
            if let r = try decode(line, lineNo: n, path: name) { try body(r, n) }
        }
    }

    private static func add(_ r: Record, to g: inout KnowledgeGraph) {
        switch r {
        case .header: break
        case let .document(d): g.documents.append(d)
        case let .entity(e): g.entities.append(e)
        case let .mention(m): g.mentions.append(m)
        case let .fact(f): g.facts.append(f)
        }
    }

    /// Every fact must point at known entities and documents; then the canonical order.
    private static func finish(_ graph: KnowledgeGraph, path: String, lastLine: Int) throws -> KnowledgeGraph {
        var g = graph
        let entities = Set(g.entities.map(\.id)), documents = Set(g.documents.map(\.id))
        for f in g.facts { try checkReferences(f, entities: entities, documents: documents, path: path, line: lastLine) }
        g.canonicalize()
        return g
    }

    static func checkReferences(_ f: Fact, entities: Set<String>, documents: Set<String>, path: String, line: Int) throws {
        for (field, id) in [("subject", f.subject), ("object", f.object)] + (f.place.map { [("place", $0)] } ?? [])
        where !entities.contains(id) {
            throw ReadError(path: path, line: line, reason: "fact \(f.id): \(field) \"\(id)\" is not an entity of the file")
        }
        if !documents.contains(f.provenance.documentID) {
            throw ReadError(path: path, line: line, reason: "fact \(f.id): document \"\(f.provenance.documentID)\" is not in the file")
        }
        for e in f.evidence where !documents.contains(e.documentID) {
            throw ReadError(path: path, line: line, reason: "fact \(f.id): evidence document \"\(e.documentID)\" is not in the file")
        }
    }

    /// Streams a facts file to an exporter: `begin` gets the documents and entities (canonical order) once they are
    /// all read, then `fact` each fact as it is read; only documents, entities (and, with `sentences`, where the
    /// evidence sentences are) are kept. Call it with the order `factOrder(path:)` found.
    /// - Parameter sentences: called first with every fact, in file order, in a pass of its own (an exporter that
    ///   writes the evidence sentences before the facts collects them there).
    /// - Throws: `ReadError` naming the line (output may have been started), or what the closures throw.
    public static func stream(path: String, order: FactOrder = .idOrder, sentences: ((SentenceRef) throws -> Void)? = nil,
                              scan: ((Fact, Int) throws -> Void)? = nil,
                              begin: ([Document], [Entity]) throws -> Void, fact: (Fact) throws -> Void) throws {
        if sentences != nil || scan != nil {
            let factPrefix = Array(#"{"record":"fact""#.utf8), recordPrefix = Array(#"{"record":""#.utf8)
            /// The primary sentence and every report's, each with the index of its report (nil: the primary).
            func note(_ f: Fact, _ offset: Int) throws {
                try scan?(f, offset)
                guard let sentences else { return }
                let p = f.provenance
                try sentences(SentenceRef(documentID: p.documentID, begin: p.sentenceBegin, end: p.sentenceEnd,
                                          confidence: f.confidence, offset: offset, evidence: nil))
                for (k, e) in f.evidence.enumerated() {
                    try sentences(SentenceRef(documentID: e.documentID, begin: e.sentenceBegin, end: e.sentenceEnd,
                                              confidence: f.confidence, offset: offset, evidence: k))
                }
            }
            try LineSplitter.forEachLine(path: path, name: path, offsets: { n, offset, line in
                if line.starts(with: factPrefix) {
                    if case let .fact(f)? = fastRecord(line) { return try note(f, offset) }
                    // A line that does not decode is reported by the main pass.
                    if scan != nil || line.count > 0 && Self.mentionsEvidence(line) {
                        if case let .fact(f)? = try? decode(line, lineNo: n, path: path) { try note(f, offset) }
                        return
                    }
                    // Only the fields needed.
                    guard let sentences, let f = try? decoder.decode(SentenceFields.self, from: Data(line)) else { return }
                    try sentences(SentenceRef(documentID: f.provenance.documentID, begin: f.provenance.sentenceBegin,
                                              end: f.provenance.sentenceEnd, confidence: f.confidence ?? 1, offset: offset,
                                              evidence: nil))
                } else if !line.starts(with: recordPrefix), case let .fact(f)? = try decode(line, lineNo: n, path: path) {
                    try note(f, offset)
                }
            })
        }
        var documents = [Document](), entities = [Entity]()
        var documentIDs = Set<String>(), entityIDs = Set<String>()
        var begun = false
        var factIDs = Set<String>()   // file order only: ids in order cannot repeat
        func start() throws {
            documents.sort { $0.id < $1.id }
            entities.sort { $0.id < $1.id }
            documentIDs = Set(documents.map(\.id)); entityIDs = Set(entities.map(\.id))
            try begin(documents, entities)
            documents = []; entities = []   // the exporter keeps what it needs
            begun = true
        }
        try LineSplitter.forEachLine(path: path, name: path) { n, line in
            switch try decode(line, lineNo: n, path: path) {
            case let .document(d)?: documents.append(d)
            case let .entity(e)?: entities.append(e)
            case let .fact(f)?:
                if !begun { try start() }
                try checkReferences(f, entities: entityIDs, documents: documentIDs, path: path, line: n)
                if order == .fileOrder, !factIDs.insert(f.id).inserted {
                    throw ReadError(path: path, line: n, reason: "duplicate fact id \"\(f.id)\"")
                }
                try fact(f)
            default: break
            }
        }
        if !begun { try start() }
    }

    /// Where a fact's evidence sentence is: its offsets, and the file offset of the fact's line
    /// (`LineReader.fact(at:)` reads the text back).
    public struct SentenceRef: Sendable {
        public let documentID: String
        public let begin: Int, end: Int
        public let confidence: Double
        public let offset: Int
        /// The index of the report in the fact's `evidence`, nil for the fact's own provenance.
        public let evidence: Int?
    }

    /// Whether a line has an `"evidence"` key somewhere (the light decoding of the sentence pass would miss it).
    static func mentionsEvidence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = Array(#""evidence""#.utf8)
        guard line.count >= key.count else { return false }
        for i in 0...(line.count - key.count) where line[i] == 0x22 {
            if line[i..<(i + key.count)].elementsEqual(key) { return true }
        }
        return false
    }

    private struct SentenceFields: Decodable {
        struct P: Decodable { let documentID: String; let sentenceBegin: Int; let sentenceEnd: Int }
        let provenance: P
        let confidence: Double?
    }

    /// Reads single lines of a facts file back, by file offset.
    public final class LineReader {
        let path: String
        private var fd: Int32 = -1
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        public init(path: String) { self.path = path }
        deinit { if fd >= 0 { _ = close(fd) } }

        /// The fact on the line that starts at `offset`.
        public func fact(at offset: Int) throws -> Fact {
            if fd < 0 {
                fd = open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw ReadError(path: path, line: 0, reason: "cannot read the file (\(String(cString: strerror(errno))))") }
            }
            // Read 4 KB at a time (a fact line is usually shorter) until the line feed.
            var filled = 0
            while true {
                if filled + 4096 > buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, 4096, off_t(offset + filled)) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw ReadError(path: path, line: 0, reason: "cannot read the file (\(String(cString: strerror(errno))))") }
                let start = filled
                filled += n
                if n == 0 || buffer[start..<filled].contains(0x0A) { break }
            }
            let end = buffer[0..<filled].firstIndex(of: 0x0A) ?? filled
            let record = try buffer.withUnsafeBufferPointer { all in
                try FactsFile.decode(UnsafeBufferPointer(rebasing: all[0..<end]), lineNo: 0, path: path)
            }
            guard case let .fact(f)? = record else {
                throw ReadError(path: path, line: 0, reason: "the file changed while it was read (no fact at byte \(offset))")
            }
            return f
        }
    }

    /// In what order a streamable file gives its facts.
    public enum FactOrder: Sendable, Equatable {
        /// Ids increase (kbexport's own files): streaming gives the order `read` gives.
        case idOrder
        /// Another order: the facts are exported in the order of the file (deterministic, but not the id order
        /// `read` gives), and `stream` checks ids for duplicates.
        case fileOrder
    }

    /// Whether `path` is a file that can be streamed (`stream`): every document and entity comes before the first
    /// fact. A quick scan of each line's top-level `record` and `id`; anything it cannot tell (escapes, unusual
    /// JSON, standard input) answers nil, and the file is read whole.
    public static func factOrder(path: String) -> FactOrder? {
        guard path != "-" else { return nil }
        var factsSeen = false, ok = true, increasing = true
        var lastID: String?
        do {
            try LineSplitter.forEachLine(path: path, name: path) { _, line in
                guard ok, let (kind, id) = TopLevelScan.recordAndID(line) else { ok = false; return }
                switch kind {
                case "kbexport-facts", "mention", "blank": break
                case "document", "entity": if factsSeen { ok = false }
                case "fact":
                    factsSeen = true
                    guard let id else { ok = false; return }
                    if increasing, let last = lastID, !(last < id) { increasing = false }
                    lastID = id
                default: ok = false
                }
            }
        } catch { return nil }
        return ok ? (increasing ? .idOrder : .fileOrder) : nil
    }

    /// True when `path` streams in id order (`factOrder(path:) == .idOrder`): the output is the one `read` gives.
    public static func isStreamable(path: String) -> Bool { factOrder(path: path) == .idOrder }

    private struct TagKeys: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
        static let record = TagKeys(stringValue: "record"), version = TagKeys(stringValue: "version")
    }

    /// The record tag, then the record, decoded in one pass over the line.
    private struct AnyRecord: Decodable {
        let record: Record
        struct BadTag: Error { let underlying: Error }
        struct Failed: Error { let kind: String; let underlying: Error }
        struct Unknown: Error { let kind: String }

        init(from decoder: Decoder) throws {
            let kind: String
            let version: Int?
            do {
                let c = try decoder.container(keyedBy: TagKeys.self)
                kind = try c.decode(String.self, forKey: .record)
                version = kind == "kbexport-facts" ? try c.decodeIfPresent(Int.self, forKey: .version) : nil
            } catch { throw BadTag(underlying: error) }
            do {
                switch kind {
                case "kbexport-facts": record = .header(version: version)
                case "document": record = .document(try Document(from: decoder))
                case "entity": record = .entity(try Entity(from: decoder))
                case "mention": record = .mention(try Mention(from: decoder))
                case "fact": record = .fact(try Fact(from: decoder))
                default: throw Unknown(kind: kind)
                }
            } catch let e as Unknown { throw e } catch { throw Failed(kind: kind, underlying: error) }
        }
    }

    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = nonConforming.decoding
        return d
    }()

    /// Decodes one line (nil for a blank line).
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, lineNo: Int, path: String) throws -> Record? {
        var end = raw.count
        if end > 0, raw[end - 1] == 0x0D { end -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: raw[0..<end])
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        func fail(_ why: String) -> ReadError { ReadError(path: path, line: lineNo, reason: why) }
        if let record = fastRecord(bytes) {
            if case let .header(v?) = record, v > version {
                throw fail("facts file version \(v) is newer than this kbexport (\(version))")
            }
            return record
        }
        let record: Record
        do {
            record = try decoder.decode(AnyRecord.self, from: Data(bytes)).record
        } catch let e as AnyRecord.Unknown {
            throw fail("unknown record \"\(e.kind)\" (expected document, entity, mention or fact)")
        } catch let e as AnyRecord.Failed {
            let kind = e.kind
            switch e.underlying {
            case let DecodingError.keyNotFound(key, _):
                throw fail("\(kind): missing field \"\(key.stringValue)\"")
            case let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx):
                throw fail("\(kind): wrong type at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))")
            case let DecodingError.dataCorrupted(ctx):
                throw fail("\(kind): invalid value at \(ctx.codingPath.map(\.stringValue).joined(separator: ".")): \(ctx.debugDescription)")
            default:
                throw fail("\(kind): \(e.underlying)")
            }
        } catch {
            let underlying = (error as? AnyRecord.BadTag)?.underlying ?? error
            throw fail("not a JSON object with a \"record\" field (\(String(describing: underlying).prefix(120)))")
        }
        if case let .header(v?) = record, v > version {
            throw fail("facts file version \(v) is newer than this kbexport (\(version))")
        }
        return record
    }
}

/// Lines of a file or buffer, split at LF (the LF not included), read in blocks.
enum LineSplitter {
    /// Calls `body` with each line of `bytes` and its number; a last line without LF counts too.
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int,
                            _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var line = firstLine, start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            try body(line, UnsafeBufferPointer(rebasing: bytes[start..<end]))
            line += 1
            start = end + 1
        }
    }

    /// Calls `body` with each line of the file (`-`: standard input).
    /// - Returns: the number of the last line.
    @discardableResult
    static func forEachLine(path: String, name: String, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        try forEachLine(path: path, name: name, offsets: { n, _, line in try body(n, line) })
    }

    /// `forEachLine(path:name:_:)`, with the file offset where each line starts.
    @discardableResult
    static func forEachLine(path: String, name: String,
                            offsets body: (Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FactsFile.ReadError(path: name, line: 0, reason: "cannot read the file (\(String(cString: strerror(errno))))") }
        defer { if path != "-" { _ = close(fd) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var filled = 0, line = 1, lastLine = 0, base = 0
        while true {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FactsFile.ReadError(path: name, line: line, reason: "cannot read the file (\(String(cString: strerror(errno))))")
            }
            let eof = n == 0
            filled += n
            var end = filled
            if !eof {
                while end > 0, buffer[end - 1] != 0x0A { end -= 1 }
                if end == 0 { continue }
            }
            if end > 0 {
                try buffer.withUnsafeBufferPointer { all in
                    // Whole lines (the block ends with LF, or the file ends).
                    let block = UnsafeBufferPointer(rebasing: all[0..<(eof ? end : end - 1)])
                    try forEachLine(block, firstLine: line) { n, l in
                        lastLine = n
                        try body(n, base + (l.baseAddress.map { $0 - all.baseAddress! } ?? 0), l)
                    }
                }
                line = lastLine + 1
            }
            if eof { break }
            buffer.withUnsafeMutableBytes { raw in
                let base = raw.baseAddress!
                memmove(base, base + end, filled - end)
            }
            filled -= end
            base += end
        }
        return lastLine
    }
}

/// A minimal scan of one JSON object's top level: the `record` and `id` string values, other values skipped.
enum TopLevelScan {
    /// nil when the line is not a plain JSON object or has an escape in a key, the record or the id.
    static func recordAndID(_ line: UnsafeBufferPointer<UInt8>) -> (String, String?)? {
        var i = 0
        let n = line.count
        func space() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 } }
        /// A string without escapes at `i` (bytes between the quotes), or nil.
        func plainString() -> Range<Int>? {
            guard i < n, line[i] == 0x22 else { return nil }
            let start = i + 1
            i = start
            while i < n, line[i] != 0x22 { if line[i] == 0x5C { return nil }; i += 1 }
            guard i < n else { return nil }
            i += 1
            return start..<(i - 1)
        }
        func skipValue() -> Bool {
            guard i < n else { return false }
            var depth = 0
            repeat {
                guard i < n else { return false }
                let c = line[i]
                if c == 0x22 {
                    i += 1
                    while i < n, line[i] != 0x22 { i += line[i] == 0x5C ? 2 : 1 }
                    guard i < n else { return false }
                    i += 1
                } else if c == 0x7B || c == 0x5B { depth += 1; i += 1 }
                else if c == 0x7D || c == 0x5D {
                    if depth == 0 { return true }
                    depth -= 1; i += 1
                } else if c == 0x2C && depth == 0 { return true }
                else { i += 1 }
            } while depth > 0 || (i < n && line[i] != 0x2C && line[i] != 0x7D)
            return true
        }
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[r]), as: UTF8.self) }
        space()
        if i == n { return ("blank", nil) }
        guard line[i] == 0x7B else { return nil }
        i += 1
        var record: String?, id: String?
        space()
        if i < n, line[i] == 0x7D { return nil }
        while true {
            space()
            guard let key = plainString() else { return nil }
            space()
            guard i < n, line[i] == 0x3A else { return nil }
            i += 1
            space()
            let k = text(key)
            if k == "record" || k == "id" {
                guard let v = plainString() else { return nil }
                if k == "record" { record = text(v) } else { id = text(v) }
            } else {
                guard skipValue() else { return nil }
            }
            space()
            guard i < n else { return nil }
            if line[i] == 0x2C { i += 1; continue }
            if line[i] == 0x7D { break }
            return nil
        }
        guard let record else { return nil }
        return (record, id)
    }
}

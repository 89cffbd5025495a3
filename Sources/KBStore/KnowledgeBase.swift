// An embedded knowledge base (SQLite through GRDB) that grows article by article: `kbexport add` extracts new
// or changed articles and stores each document's extraction; `kbexport export --kb` merges what is stored into
// one graph, exactly as one run over the same articles would (entities with the same id are one entity).
//
// Table `document`: one row per article, keyed by its kbexport document id, with the path it was added from,
// a hash of its bytes (adding the same article again changes nothing; a changed article at the same path
// replaces its facts), its publication date, and its extraction as facts-file lines. Each batch of articles
// is one transaction, so a crash or a kill loses nothing committed and never leaves half a document. The
// database is in WAL mode: readers export while one writer adds.

import Foundation
import GRDB
import KBFacts
import KBGraph
import KBText

public struct KnowledgeBaseError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ s: String) { description = s }
}

public final class KnowledgeBase: Sendable {
    public let path: String
    private let pool: DatabasePool

    /// Opens the base at `path`; `create: true` makes it when it does not exist.
    public init(path: String, create: Bool) throws {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw KnowledgeBaseError("\(path): no knowledge base there (make one with `kbexport add INPUT… --kb \(path)`)")
        }
        var config = Configuration()
        config.busyMode = .timeout(30)
        // a reader (export) opens the base read-only and never migrates: it may run while a writer adds
        config.readonly = !create
        do {
            pool = try DatabasePool(path: path, configuration: config)
            if create {
                try Self.migrator.migrate(pool)
            } else if try !pool.read({ try $0.tableExists("document") }) {
                throw KnowledgeBaseError("no document table")
            }
        } catch {
            throw KnowledgeBaseError("\(path): not a kbexport knowledge base or unreadable (\(error))")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("path", .text).notNull().unique()
                t.column("contentHash", .text).notNull().indexed()
                t.column("published", .text).indexed()
                t.column("extraction", .blob).notNull()
            }
        }
        return m
    }

    /// What `add` did with each input.
    public struct AddReport: Sendable {
        public var added: [String] = [], replaced: [String] = [], unchanged: [String] = [], duplicates: [String] = []
        public var errors: [String] = []
    }

    /// Extracts and stores the articles that are new or changed, `batchSize` documents per transaction.
    public func add(files: [InputFile], extractor: Extractor = Extractor(), batchSize: Int = 64,
                    progress: ((String) -> Void)? = nil) throws -> AddReport {
        var report = AddReport()
        let known: [String: (id: String, hash: String)] = try pool.read { db in
            var out: [String: (String, String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, path, contentHash FROM document") {
                out[row["path"]] = (row["id"], row["contentHash"])
            }
            return out
        }
        var hashes = Set(known.values.map(\.hash))
        var ids = Set(known.values.map(\.id))
        var pending: [(InputFile, String)] = []
        for f in files {
            guard let bytes = FileManager.default.contents(atPath: f.path) else {
                report.errors.append("\(f.displayPath): cannot read"); continue
            }
            let hash = Self.contentHash(bytes)
            if let k = known[f.displayPath] {
                if k.hash == hash { report.unchanged.append(f.displayPath); continue }
            } else if hashes.contains(hash) {
                report.duplicates.append(f.displayPath); continue
            }
            hashes.insert(hash)
            pending.append((f, hash))
        }
        var done = 0
        for start in stride(from: 0, to: pending.count, by: max(1, batchSize)) {
            let batch = Array(pending[start..<min(pending.count, start + max(1, batchSize))])
            let results = Self.extract(batch.map(\.0), extractor: extractor)
            var rows: [(id: String, path: String, hash: String, published: String?, blob: Data, replaces: String?)] = []
            for (i, r) in results.enumerated() {
                let (file, hash) = batch[i]
                switch r {
                case .failure(let e): report.errors.append("\(e)")
                case .success(var x):
                    let replaces = known[file.displayPath]?.id
                    // another article with the same file name: its id gets a hash of the path, as in one run
                    if x.document.id != replaces, ids.contains(x.document.id) {
                        x.rename(to: x.document.id + "-" + String(StableID.hex(file.path).prefix(6)))
                    }
                    ids.insert(x.document.id)
                    var builder = GraphBuilder()
                    builder.add(x)
                    let blob = Data(try FactsFile.lines(builder.build()).joined())
                    rows.append((x.document.id, file.displayPath, hash, x.document.published, blob, replaces))
                    if replaces != nil { report.replaced.append(file.displayPath) } else { report.added.append(file.displayPath) }
                }
            }
            try pool.write { db in
                for r in rows {
                    if let old = r.replaces { try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [old]) }
                    try db.execute(sql: "INSERT INTO document (id, path, contentHash, published, extraction) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [r.id, r.path, r.hash, r.published, r.blob])
                }
            }
            done += batch.count
            progress?("added \(done)/\(pending.count) articles")
        }
        return report
    }

    /// The stored documents as one graph; `since`: only articles published on or after this ISO date (articles
    /// without a date are left out); `documents`: only these document ids or paths (empty: all).
    public func graph(since: String? = nil, documents: [String] = []) throws -> KnowledgeGraph {
        var builder = GraphBuilder(gazetteer: .bundled)   // cross-document linking as in one run
        let (sql, args) = Self.select(since: since, documents: documents)
        let rows = try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) }
        for row in rows {
            let id: String = row["id"]
            let blob: Data = row["extraction"]
            builder.add(try FactsFile.read(data: blob, path: "\(path)#\(id)"))
        }
        return builder.build()
    }

    /// ``graph(since:documents:)`` with the reports, documents and mentions (when the spill takes them) appended to
    /// `spill` and the entities added to `builder` (made with `keepDocuments: false`), one stored document at a time:
    /// memory holds the entities, as a run over the articles does (`ReportSpill`). One read transaction: a writer
    /// adding meanwhile is not seen.
    public func spill(into spill: ReportSpill, builder: inout GraphBuilder, since: String? = nil, documents: [String] = []) throws {
        let (sql, args) = Self.select(since: since, documents: documents)
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(args))
            while let row = try rows.next() {
                let id: String = row["id"]
                let blob: Data = row["extraction"]
                let g = try FactsFile.read(data: blob, path: "\(path)#\(id)")
                for d in g.documents { try spill.appendDocument(d) }
                try spill.appendMentions(g.mentions)
                try spill.append(g.facts)
                builder.add(KnowledgeGraph(documents: g.documents, entities: g.entities))
            }
        }
    }

    /// The query of the stored documents `graph(since:documents:)` reads, in id order.
    static func select(since: String?, documents: [String]) -> (String, [DatabaseValueConvertible?]) {
        var sql = "SELECT id, extraction FROM document"
        var clauses: [String] = [], args: [DatabaseValueConvertible?] = []
        if let since { clauses.append("published IS NOT NULL AND published >= ?"); args.append(since) }
        if !documents.isEmpty {
            let marks = Array(repeating: "?", count: documents.count).joined(separator: ", ")
            clauses.append("(id IN (\(marks)) OR path IN (\(marks)))")
            args += documents as [DatabaseValueConvertible?]; args += documents as [DatabaseValueConvertible?]
        }
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY id"
        return (sql, args)
    }

    /// Number of stored documents.
    public func count() throws -> Int { try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document") ?? 0 } }

    /// SQLite's own consistency check ("ok" when sound).
    public func integrityCheck() throws -> String {
        try pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// FNV-1a 64 of the bytes and their length: the article's identity for idempotent adds.
    static func contentHash(_ bytes: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01b3 }
        let v = String(h, radix: 16)
        return String(repeating: "0", count: 16 - v.count) + v + "-" + String(bytes.count)
    }

    static func extract(_ files: [InputFile], extractor: Extractor) -> [Result<DocumentExtraction, Error>] {
        let slots = Slots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let f = files[i]
            do {
                slots.set(i, .success(try Pipeline.extract(f, extractor: extractor)))
            } catch { slots.set(i, .failure(error)) }
        }
        return slots.all
    }
}

private final class Slots: @unchecked Sendable {
    private var items: [Result<DocumentExtraction, Error>?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<DocumentExtraction, Error>) { lock.lock(); items[i] = r; lock.unlock() }
    var all: [Result<DocumentExtraction, Error>] { lock.lock(); defer { lock.unlock() }; return items.map { $0! } }
}

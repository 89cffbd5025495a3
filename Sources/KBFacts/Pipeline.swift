import Foundation
import KBGraph
import KBText

/// Reads, extracts and merges a list of inputs; the order of the result does not depend on threads.
public enum Pipeline {
    public struct Result: Sendable { public var graph: KnowledgeGraph; public var errors: [String]; public var notes: [String] }

    public static func run(files: [InputFile], extractor: Extractor = Extractor(), progress: (@Sendable (String) -> Void)? = nil) -> Result {
        let n = files.count
        var builder = GraphBuilder(gazetteer: extractor.gazetteer)
        var errors: [String] = []
        var notes: [String] = []
        var seenIDs: [String: String] = [:]
        // Files are extracted a window at a time, on every core, and each window's results go into the graph
        // (in file order) before the next starts: memory holds the graph, not every file's extraction.
        let window = max(64, 32 * ProcessInfo.processInfo.activeProcessorCount)
        var done = 0
        for start in stride(from: 0, to: n, by: window) {
            let end = min(n, start + window)
            let slots = ResultSlots(count: end - start)
            DispatchQueue.concurrentPerform(iterations: end - start) { k in
                let f = files[start + k]
                do {
                    let src = try InputReader.load(f, documentID: StableID.document(path: f.path))
                    let meta = try InputReader.metadata(for: f)
                    slots.set(k, .success(extractor.extract(src, metadata: meta)))
                } catch {
                    slots.set(k, .failure(error))
                }
            }
            for k in 0..<(end - start) {
                let i = start + k
                switch slots.get(k) {
                case .success(var x)?:
                    // two inputs with the same file name get distinct document ids
                    if let other = seenIDs[x.document.id] {
                        let newID = x.document.id + "-" + String(StableID.hex(files[i].path).prefix(6))
                        notes.append("\(files[i].displayPath): same document name as \(other); its id is \(newID)")
                        x.rename(to: newID)
                    }
                    seenIDs[x.document.id] = files[i].displayPath
                    builder.add(x)
                case .failure(let e)?: errors.append("\(e)")
                case nil: break
                }
            }
            if let p = progress, end / 1000 > done / 1000 || end == n { p("processed \(end)/\(n) files") }
            done = end
        }
        return Result(graph: builder.build(), errors: errors, notes: notes)
    }
}

/// Per-file results filled from several threads.
final class ResultSlots: @unchecked Sendable {
    private var items: [Result<DocumentExtraction, Error>?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<DocumentExtraction, Error>) { lock.lock(); items[i] = r; lock.unlock() }
    func get(_ i: Int) -> Result<DocumentExtraction, Error>? { lock.lock(); defer { lock.unlock() }; return items[i] }
}

import Foundation
import KBGraph
import KBText

/// Reads, extracts and merges a list of inputs; the order of the result does not depend on threads.
public enum Pipeline {
    public struct Result: Sendable { public var graph: KnowledgeGraph; public var errors: [String]; public var notes: [String] }

    public static func run(files: [InputFile], extractor: Extractor = Extractor(), progress: (@Sendable (String) -> Void)? = nil) -> Result {
        let n = files.count
        let slots = ResultSlots(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { i in
            let f = files[i]
            do {
                let src = try InputReader.load(f, documentID: StableID.document(path: f.path))
                let meta = try InputReader.metadata(for: f)
                slots.set(i, .success(extractor.extract(src, metadata: meta)))
            } catch {
                slots.set(i, .failure(error))
            }
            if let p = progress, i % 100 == 0 { p("processed \(i)/\(n) files") }
        }
        var builder = GraphBuilder(gazetteer: extractor.gazetteer)
        var errors: [String] = []
        var notes: [String] = []
        var seenIDs: [String: String] = [:]
        for i in 0..<n {
            switch slots.get(i) {
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

import Foundation

/// Work spread over every core whose result is what doing it in order on one thread gives.
enum ParallelMap {
    /// `transform` of each item, in the order of `items`, computed in chunks of `chunk` items on every core. The error
    /// thrown is that of the first chunk (in order) that threw.
    static func map<T: Sendable, U: Sendable>(_ items: [T], chunk: Int = 256, _ transform: @Sendable (T) throws -> U) throws -> [U] {
        let n = items.count
        guard n > chunk else { return try items.map(transform) }
        let chunks = (n + chunk - 1) / chunk
        var parts = [Result<[U], Error>?](repeating: nil, count: chunks)
        parts.withUnsafeMutableBufferPointer { buffer in
            let slots = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                slots.base[c] = Result { try items[(c * chunk)..<min(n, (c + 1) * chunk)].map(transform) }
            }
        }
        var out = [U]()
        out.reserveCapacity(n)
        for c in parts.indices { out += try parts[c]!.get(); parts[c] = nil }
        return out
    }
}

/// A buffer written by several threads, each its own elements, and read once they are done.
struct SendableBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T>
    init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}

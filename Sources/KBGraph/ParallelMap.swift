import Foundation

/// Work spread over every core whose result is what doing it in order on one thread gives.
enum ParallelMap {
    /// `transform` of each item, in the order of `items`, computed in chunks of `chunk` items on every core. The error
    /// thrown is that of the first chunk (in order) that threw. Each result is made in its place in the array returned
    /// (no chunk arrays joined: joining copies every element, which for a fact retains each of its strings).
    static func map<T: Sendable, U: Sendable, E: Error>(_ items: [T], chunk: Int = 256,
                                                       _ transform: @Sendable (T) throws(E) -> U) throws(E) -> [U] {
        let n = items.count
        guard n > chunk else {
            var out = [U]()
            out.reserveCapacity(n)
            for x in items { out.append(try transform(x)) }
            return out
        }
        let chunks = (n + chunk - 1) / chunk
        var errors = [E?](repeating: nil, count: chunks)
        let out = errors.withUnsafeMutableBufferPointer { errs in
            [U](unsafeUninitializedCapacity: n) { buffer, initialized in
                let slots = SendableBuffer(buffer), failures = SendableBuffer(errs)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let lo = c * chunk, hi = min(n, lo + chunk)
                    let base = slots.base.baseAddress!
                    var k = lo
                    do throws(E) {
                        while k < hi {
                            (base + k).initialize(to: try transform(items[k]))
                            k += 1
                        }
                    } catch {
                        (base + lo).deinitialize(count: k - lo)
                        failures.base[c] = error
                    }
                }
                guard errs.contains(where: { $0 != nil }) else { initialized = n; return }
                // a chunk threw: the results of the others are let go, and the array is empty
                for c in 0..<chunks where errs[c] == nil {
                    let lo = c * chunk
                    (buffer.baseAddress! + lo).deinitialize(count: min(n, lo + chunk) - lo)
                }
                initialized = 0
            }
        }
        if let e = errors.first(where: { $0 != nil }) { throw e! }
        return out
    }
}

/// A buffer written by several threads, each its own elements, and read once they are done.
struct SendableBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T>
    init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}

/// Values let go on another thread: freeing a large array of facts walks every string of every fact, and the main
/// thread's end of a run is serial. The caller's own reference goes right after the call (the other thread's is
/// then the last); where the memory is freed is all that changes.
enum LetGo {
    static func elsewhere<T: Sendable>(_ value: T) {
        DispatchQueue.global().async { withExtendedLifetime(value) {} }
    }
}

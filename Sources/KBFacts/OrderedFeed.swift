import Foundation

/// Items computed on every core and taken by one caller in index order, the workers running at most `ahead` items
/// beyond the last one taken. The caller's serial work on item i (adding it to the graph) runs while the workers
/// compute the next ones, and no core waits at the end of a window for the slowest item of the window. What the
/// caller gets is what computing every item and then taking them in order gives: each item is `compute(i)`, taken
/// once, in order. Memory holds at most `ahead` computed items (a ring of slots).
final class OrderedFeed<T: Sendable>: @unchecked Sendable {
    private let count: Int, ahead: Int
    private var ring: [T?]
    private var claimed = 0       // items given to workers so far (the next one to compute)
    private var taken = 0         // items taken by the caller so far
    private var stopped = false
    private let condition = NSCondition()
    private let workersDone = DispatchGroup()

    /// Starts `workers` threads computing `compute(i)` for i in 0..<count.
    init(count: Int, ahead: Int, workers: Int, compute: @escaping @Sendable (Int) -> T) {
        self.count = count
        self.ahead = max(1, ahead)
        ring = Array(repeating: nil, count: min(count, self.ahead))
        guard count > 0 else { return }
        workersDone.enter()
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
                while let i = claim() { put(i, compute(i)) }
            }
            workersDone.leave()
        }
    }

    /// The next index to compute, waiting while it is `ahead` beyond the caller; nil when all are given or stopped.
    private func claim() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while !stopped, claimed < count, claimed >= taken + ahead { condition.wait() }
        guard !stopped, claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }

    private func put(_ i: Int, _ item: T) {
        condition.lock()
        ring[i % ahead] = item   // free: i < taken + ahead, and item i − ahead was taken
        condition.broadcast()
        condition.unlock()
    }

    /// Item `i`, waited for; items are taken once each, in order (0, 1, 2, …).
    func take(_ i: Int) -> T {
        condition.lock(); defer { condition.unlock() }
        precondition(i == taken && i < count, "OrderedFeed: items are taken once each, in order")
        while ring[i % ahead] == nil { condition.wait() }
        let item = ring[i % ahead]!
        ring[i % ahead] = nil
        taken += 1
        condition.broadcast()
        return item
    }

    /// Stops giving out items (those being computed are finished and dropped) and waits for the workers.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        workersDone.wait()
    }
}

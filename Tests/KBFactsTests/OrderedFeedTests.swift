@testable import KBFacts
import Foundation
import XCTest

/// Items computed on every core and taken in order (`OrderedFeed`, the extraction loop of `Pipeline.run`).
final class OrderedFeedTests: XCTestCase {
    /// Every item is computed once and taken in index order, whatever the number of workers and the window; the
    /// workers never run more than `ahead` items beyond the last one taken.
    func testItemsComeInOrderAndWorkersStayWithinTheWindow() {
        for (count, ahead, workers) in [(0, 4, 2), (1, 1, 3), (100, 1, 2), (257, 8, 3), (1000, 64, 2)] {
            let taken = Counter()
            let feed = OrderedFeed<Int>(count: count, ahead: ahead, workers: workers) { i in
                XCTAssertLessThan(i, taken.value + ahead, "item \(i) started \(ahead) or more beyond the last taken")
                if i % 7 == 0 { usleep(50) }   // items finish out of order
                return i * i
            }
            for i in 0..<count {
                taken.increment()   // counted before it is taken: the feed may start item i + ahead once take(i) is in
                XCTAssertEqual(feed.take(i), i * i)
            }
            feed.finish()
        }
    }

    /// `finish` before every item is taken stops the workers (the caller stopped on an error): no item is computed
    /// beyond the window, and `finish` returns.
    func testFinishingEarlyStopsTheWorkers() {
        let computed = Counter()
        let feed = OrderedFeed<Int>(count: 10_000, ahead: 16, workers: 2) { i in computed.increment(); return i }
        XCTAssertEqual(feed.take(0), 0)
        feed.finish()
        XCTAssertLessThanOrEqual(computed.value, 17)
    }

    final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
        func increment() { lock.lock(); n += 1; lock.unlock() }
    }
}

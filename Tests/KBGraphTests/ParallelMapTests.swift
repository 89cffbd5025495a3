@testable import KBGraph
import XCTest

/// Work spread over every core gives what doing it in order gives (`ParallelMap`, used by `ReportSpill.finish`).
final class ParallelMapTests: XCTestCase {
    struct Odd: Error, Equatable { let value: Int }

    func testMapIsTheSequentialMapInOrder() throws {
        for n in [0, 1, 255, 256, 257, 1000, 5000] {
            let items = Array(0..<n)
            XCTAssertEqual(try ParallelMap.map(items, chunk: 256) { $0 * 3 + 1 }, items.map { $0 * 3 + 1 }, "\(n)")
            XCTAssertEqual(try ParallelMap.map(items, chunk: 7) { String($0) }, items.map { String($0) }, "\(n)")
        }
    }

    /// The error thrown is that of the first item (in order) that throws, as a sequential map would throw.
    func testTheFirstErrorInOrderIsThrown() {
        let items = Array(0..<3000)
        XCTAssertThrowsError(try ParallelMap.map(items, chunk: 100) { x -> Int in
            if x == 2950 || x == 1234 || x == 1240 { throw Odd(value: x) }
            return x
        }) { XCTAssertEqual($0 as? Odd, Odd(value: 1234)) }
    }
}

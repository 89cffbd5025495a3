import XCTest
@testable import KBGraph

/// `sortMovingOnce` gives the order of the standard stable sort.
final class SortMovingOnceTests: XCTestCase {
    func testSameOrderAsStableSort() {
        var rng = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 3, 10, 257, 2_000] {
            // pairs with repeated keys: stability shows in the second component
            let items = (0..<n).map { i in (key: Int.random(in: 0..<max(1, n / 3), using: &rng), tag: i) }
            var mine = items
            mine.sortMovingOnce { $0.key < $1.key }
            let expected = items.sorted { $0.key < $1.key }
            XCTAssertEqual(mine.map(\.key), expected.map(\.key), "n = \(n)")
            XCTAssertEqual(mine.map(\.tag), expected.map(\.tag), "n = \(n): not stable")
        }
    }

    func testSortedAndReversedInputs() {
        var up = Array(0..<100)
        up.sortMovingOnce(by: <)
        XCTAssertEqual(up, Array(0..<100))
        var down = Array((0..<100).reversed())
        down.sortMovingOnce(by: <)
        XCTAssertEqual(down, Array(0..<100))
        var strings = ["ب", "ا", "ت", "ا"]
        strings.sortMovingOnce(by: <)
        XCTAssertEqual(strings, ["ا", "ا", "ب", "ت"])
    }
}

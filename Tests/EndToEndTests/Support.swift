// Paths, processes and temporary folders come from KBTestSupport (shared by the test targets).

import KBTestSupport
import XCTest

/// When a consumer is missing: fail if KB_REQUIRE_CONSUMERS=1 (CI), else skip.
func requireConsumer(_ available: Bool, _ what: String) throws {
    try Command.requireConsumer(available, what) { XCTSkip($0) }
}

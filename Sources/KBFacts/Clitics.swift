import Foundation
import KBText

/// `ArabicNormalizer.cliticCandidates`, remembered: the rules ask for the clitic-free forms of the same
/// words many times over (every trigger list, every pass), and the words of news text repeat.
enum Clitics {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: [(stem: String, prefix: String)]] = [:]
    private static let limit = 400_000

    static func of(_ normalized: String) -> [(stem: String, prefix: String)] {
        lock.lock()
        if let hit = cache[normalized] { lock.unlock(); return hit }
        lock.unlock()
        let value = ArabicNormalizer.cliticCandidates(normalized)
        lock.lock()
        if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
        cache[normalized] = value
        lock.unlock()
        return value
    }
}

import Foundation
import KBText

/// `ArabicNormalizer.cliticCandidates`, remembered: the rules ask for the clitic-free forms of the same
/// words many times over (every pass), and the words of news text repeat. One cache per thread, so that
/// documents extracted in parallel never wait for each other.
enum Clitics {
    private final class Cache {
        var table: [String: [(stem: String, prefix: String)]] = [:]
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() } }
        return k
    }()

    private static var cache: Cache {
        if let raw = pthread_getspecific(key) { return Unmanaged<Cache>.fromOpaque(raw).takeUnretainedValue() }
        let c = Cache()
        pthread_setspecific(key, Unmanaged.passRetained(c).toOpaque())
        return c
    }

    static func of(_ normalized: String) -> [(stem: String, prefix: String)] {
        let c = cache
        if let hit = c.table[normalized] { return hit }
        let value = ArabicNormalizer.cliticCandidates(normalized)
        if c.table.count >= 200_000 { c.table.removeAll(keepingCapacity: true) }
        c.table[normalized] = value
        return value
    }
}

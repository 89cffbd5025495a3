// Interning by bytes for the N-Triples conversions (predicates, datatypes, nodes).

import KBWriters
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A map from byte strings (IRIs, node keys) to indices, without a String per lookup: the keys live in one arena.
struct ByteTable {
    private var arena = [UInt8]()
    private var starts = [Int]()            // per key: start in arena (the key ends where the next starts)
    private var values = [Int]()
    private var slots = [Int32](repeating: -1, count: 64)

    var count: Int { values.count }

    @inline(__always) static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var h = UInt64(n) &* 0x9E3779B97F4A7C15
        var i = 0
        if n >= 8 {
            let raw = UnsafeRawPointer(b.baseAddress!)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58476D1CE4E5B9
                h ^= h >> 29
                i += 8
            }
            if i < n {  // the last eight bytes (overlapping)
                h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0x94D049BB133111EB
                h ^= h >> 31
            }
        } else {
            while i < n { h = (h ^ UInt64(b[i])) &* 0x100000001b3; i += 1 }
        }
        h = (h ^ (h >> 32)) &* 0xD6E8FEB86659FD93
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    let mask = slots.count - 1
                    var s = Self.hash(b) & mask
                    while true {
                        let k = Int(slots[s])
                        if k < 0 { return nil }
                        let start = starts[k]
                        let end = k + 1 < starts.count ? starts[k + 1] : arena.count
                        if end - start == b.count, b.count == 0 || memcmp(arena.baseAddress! + start, b.baseAddress!, b.count) == 0 {
                            return values[k]
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// The bytes of the `k`th key inserted.
    func withKey<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let end = k + 1 < starts.count ? starts[k + 1] : arena.count
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[starts[k]..<end])) }
    }

    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, _ value: Int) {
        if (values.count + 1) * 2 > slots.count {
            var bigger = [Int32](repeating: -1, count: slots.count * 2)
            let mask = bigger.count - 1
            for k in 0..<values.count {
                var s = withKey(k) { Self.hash($0) } & mask
                while bigger[s] >= 0 { s = (s + 1) & mask }
                bigger[s] = Int32(k)
            }
            slots = bigger
        }
        let mask = slots.count - 1
        var s = Self.hash(b) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(values.count)
        starts.append(arena.count)
        arena.append(contentsOf: b)
        values.append(value)
    }
}

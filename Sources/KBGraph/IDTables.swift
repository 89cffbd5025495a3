// Compact tables of ids for what a run checks per document: whether a document id was already given (`HashedIDs`)
// and whether a fact's document is in the graph (`SortedIDs`). A `Set<String>` of a million document ids takes about
// 80 bytes an id; these take 16 to 40.

import Foundation

/// Ids mapped to numbers, kept as 64-bit hashes: an id whose hash is already there is told apart from the one
/// inserted with it by `isSame` (is the id the one inserted with that number?), so the answers are those of a
/// `[String: Int]`.
public struct HashedIDs {
    private var byHash: [UInt64: Int] = [:]
    /// Ids whose hash was taken by another id (a collision: hardly ever).
    private var exact: [String: Int] = [:]

    public init() {}

    /// The number inserted with `id`, nil when it was not. `isSame(n)`: whether `id` is the id inserted with n.
    public func value(of id: String, isSame: (Int) throws -> Bool) rethrows -> Int? {
        guard let n = byHash[StableID.fnv1a(id)] else { return nil }
        if try isSame(n) { return n }
        return exact[id]
    }

    /// Inserts `id` with number `n`, or gives it `n` when it is there. `isSame(m)`: whether `id` is the id inserted
    /// with m.
    public mutating func insert(_ id: String, _ n: Int, isSame: (Int) throws -> Bool) rethrows {
        let h = StableID.fnv1a(id)
        if let m = byHash[h], try !isSame(m) { exact[id] = n } else { byHash[h] = n }
    }
}

/// Ids given in increasing order, kept as one byte buffer: membership by binary search.
public struct SortedIDs {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// False once an id came out of order (`contains` is then not to be trusted: use a set).
    public private(set) var inOrder = true

    public init() {}

    public var count: Int { ends.count }

    /// Appends an id (it must be greater than the one before for `contains` to work).
    public mutating func append(_ id: String) {
        var id = id
        id.withUTF8 { u in
            if inOrder, let last = ends.last {
                let start = ends.count > 1 ? ends[ends.count - 2] : 0
                if Self.compare(bytes, start..<last, u) >= 0 { inOrder = false }
            }
            bytes.append(contentsOf: u)
        }
        ends.append(bytes.count)
    }

    /// True when `id` was appended.
    public func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { u in
            bytes.withUnsafeBufferPointer { all in
                var lo = 0, hi = ends.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    let c = Self.compare(all, (mid > 0 ? ends[mid - 1] : 0)..<ends[mid], u)
                    if c == 0 { return true }
                    if c < 0 { lo = mid + 1 } else { hi = mid }
                }
                return false
            }
        }
    }

    /// ``compare(_:_:_:)`` in place (`memcmp` orders bytes as unsigned numbers, as the loop does).
    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ u: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(r.count, u.count)
        if n > 0, let a = bytes.baseAddress, let b = u.baseAddress {
            let c = memcmp(a + r.lowerBound, b, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return r.count == u.count ? 0 : (r.count < u.count ? -1 : 1)
    }

    /// The order of UTF-8 bytes (for ids, which are ASCII, the order of `String`'s `<`).
    private static func compare(_ bytes: [UInt8], _ r: Range<Int>, _ u: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(r.count, u.count)
        for k in 0..<n {
            let a = bytes[r.lowerBound + k], b = u[k]
            if a != b { return a < b ? -1 : 1 }
        }
        return r.count == u.count ? 0 : (r.count < u.count ? -1 : 1)
    }
}

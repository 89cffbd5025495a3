import Foundation

/// An index of plain words (``NormKey/isPlain(_:)``) held as bytes, laid end to end in one buffer: the
/// loaders of the bundled tables add tens of thousands of words made by putting a clitic before a stem, and a
/// `String` per word (validated, hashed, one allocation each) was most of their time.
///
/// A key is found exactly where a `[NormKey: Value]` finds it: a simple ``NormKey`` (plain, or canonically equal to
/// a plain string) by its plain bytes (its ``NormKey/simpleText``) and its byte hash; a key that is not simple is
/// never in the table (it equals no plain string), and the caller keeps such keys elsewhere.
/// The words are numbered in the order they were added (the caller keeps its values in an array by that number).
/// Not generic: called from other modules, generic code would not be specialised.
public struct PlainKeyIndex: Sendable {
    private var arena: [UInt8] = []
    private var entries: [(hash: UInt64, start: Int32, count: Int32)] = []
    /// open addressing: entry index, -1 for an empty slot
    private var slots: [Int32]

    public init(minimumCapacity: Int = 16) {
        var n = 16
        while n < minimumCapacity * 2 { n <<= 1 }
        slots = [Int32](repeating: -1, count: n)
        entries.reserveCapacity(minimumCapacity)
        arena.reserveCapacity(minimumCapacity * 16)
    }

    public var count: Int { entries.count }

    /// The key of entry `i`, as a `String`.
    public func key(at i: Int) -> String {
        let e = entries[i]
        return arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(e.start)..<Int(e.start + e.count)]), as: UTF8.self)
        }
    }

    /// The key of entry `i` as a ``NormKey`` (the same key as `NormKey(key(at: i))`).
    public func normKey(at i: Int) -> NormKey {
        let e = entries[i]
        return arena.withUnsafeBufferPointer {
            NormKey(plain: String(decoding: UnsafeBufferPointer(rebasing: $0[Int(e.start)..<Int(e.start + e.count)]), as: UTF8.self),
                    hash: e.hash)
        }
    }

    /// The hash of plain bytes: the byte hash a ``NormKey`` of them has.
    @inline(__always)
    public static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UInt64(bitPattern: Int64(NormKey.fastHash(b, seed: 0)))
    }

    @inline(__always)
    private static func slot(_ h: UInt64, _ mask: Int) -> Int {
        var x = h
        x = (x ^ (x >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: x >> 32) & mask
    }

    /// The entry of these plain bytes (hash `h`), or nil.
    public func index(utf8 b: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int? {
        let (e, _) = probe(b, h)
        return e
    }

    /// The entry of these bytes, or nil and the empty slot where they would go.
    @inline(__always)
    private func probe(_ b: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (entry: Int?, slot: Int) {
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    var s = PlainKeyIndex.slot(h, mask)
                    while true {
                        let e = Int(slots[s])
                        if e < 0 { return (nil, s) }
                        let x = entries[e]
                        if x.hash == h, Int(x.count) == b.count,
                           b.count == 0 || memcmp(arena.baseAddress! + Int(x.start), b.baseAddress!, b.count) == 0 {
                            return (e, s)
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// The entry of these plain bytes or nil.
    public func index(utf8 b: UnsafeBufferPointer<UInt8>) -> Int? { index(utf8: b, hash: PlainKeyIndex.hash(b)) }

    /// The entry of a key, or nil (always nil for a key that is not simple).
    public func index(of key: NormKey) -> Int? {
        guard key.simple else { return nil }
        var t = key.bytes
        return t.withUTF8 { index(utf8: $0, hash: key.h) }
    }

    /// The entry of these plain bytes (hash `h`), added when there is none: its index, and whether it was added.
    @discardableResult
    public mutating func insert(utf8 b: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (index: Int, inserted: Bool) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let (found, s) = probe(b, h)
        if let e = found { return (e, false) }
        let e = entries.count
        entries.append((h, Int32(arena.count), Int32(b.count)))
        if arena.count + b.count > arena.capacity { arena.reserveCapacity(max(2 * arena.capacity, arena.count + b.count)) }
        arena.append(contentsOf: b)
        slots[s] = Int32(e)
        return (e, true)
    }

    @discardableResult
    public mutating func insert(utf8 b: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        insert(utf8: b, hash: PlainKeyIndex.hash(b))
    }

    /// The entry of a simple key (by its plain bytes), added when there is none; nil for a key that is not simple.
    @discardableResult
    public mutating func insert(key: NormKey) -> (index: Int, inserted: Bool)? {
        guard key.simple else { return nil }
        var t = key.bytes
        return t.withUTF8 { insert(utf8: $0, hash: key.h) }
    }

    private mutating func grow() {
        let n = slots.count * 2
        var s = [Int32](repeating: -1, count: n)
        let mask = n - 1
        for (e, x) in entries.enumerated() {
            var k = PlainKeyIndex.slot(x.hash, mask)
            while s[k] >= 0 { k = (k + 1) & mask }
            s[k] = Int32(e)
        }
        slots = s
    }
}

extension NormKey {
    /// ``isPlain(_:)`` of UTF-8 bytes.
    public static func isPlain(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool { isPlain(b) }

    /// Whether the key is plain or canonically equal to a plain string (compared as bytes: see ``PlainKeyTable``).
    public var isSimple: Bool { simple }
}

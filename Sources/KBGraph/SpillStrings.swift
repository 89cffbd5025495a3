// The strings of spill records (`SpillDecoder`), remembered per thread by their bytes.
//
// A spill file holds the same strings again and again: the sentence of every report a sentence gave (a bucket, a
// sorted run and the facts file read each of them back), entity and document ids, relation types, rules. Each was read
// back through `String(decoding:as:)`, which checks the UTF-8 (about 6 instructions a byte of Arabic) and allocates.
// Here a string read before on this thread is found by a hash of its bytes and its bytes compared in full (`memcmp`;
// a string of 16 bytes or fewer by its bytes as two words and its count):
// the string given is one whose UTF-8 bytes are the record's bytes, which is what `String(decoding:as:)` gives for
// valid bytes (and spill bytes are always the bytes of a `String`: valid). Equal bytes are the same string in every
// respect, so the facts read back are the facts read before.

import Foundation

final class SpillStrings {
    /// Slots of the table (a power of two).
    static let slots = 8192
    /// Longer strings are made afresh (not kept: a table of long ones would hold much memory).
    static let longest = 4096

    let hashes: UnsafeMutablePointer<UInt64>
    let counts: UnsafeMutablePointer<Int>
    let strings: UnsafeMutablePointer<String>
    /// Strings of 16 bytes or fewer, in a table of their own keyed by the bytes themselves (two words, zeros after
    /// the bytes, and the count): a key equal to the record's is its bytes, with no `memcmp`.
    let shortKeys: UnsafeMutablePointer<(UInt64, UInt64, Int)>
    let shortStrings: UnsafeMutablePointer<String>

    init() {
        hashes = .allocate(capacity: SpillStrings.slots)
        hashes.initialize(repeating: 0, count: SpillStrings.slots)
        counts = .allocate(capacity: SpillStrings.slots)
        counts.initialize(repeating: -1, count: SpillStrings.slots)   // (no string has −1 bytes: an empty slot)
        strings = .allocate(capacity: SpillStrings.slots)
        strings.initialize(repeating: "", count: SpillStrings.slots)
        shortKeys = .allocate(capacity: SpillStrings.slots)
        shortKeys.initialize(repeating: (0, 0, -1), count: SpillStrings.slots)
        shortStrings = .allocate(capacity: SpillStrings.slots)
        shortStrings.initialize(repeating: "", count: SpillStrings.slots)
    }

    deinit {
        hashes.deinitialize(count: SpillStrings.slots); hashes.deallocate()
        counts.deinitialize(count: SpillStrings.slots); counts.deallocate()
        strings.deinitialize(count: SpillStrings.slots); strings.deallocate()
        shortKeys.deinitialize(count: SpillStrings.slots); shortKeys.deallocate()
        shortStrings.deinitialize(count: SpillStrings.slots); shortStrings.deallocate()
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in if let raw { Unmanaged<SpillStrings>.fromOpaque(raw).release() } }
        return k
    }()

    /// This thread's table, read without retaining it.
    @inline(__always)
    static func withTable<R>(_ body: (SpillStrings) throws -> R) rethrows -> R {
        if let raw = pthread_getspecific(key) { return try Unmanaged<SpillStrings>.fromOpaque(raw)._withUnsafeGuaranteedRef(body) }
        let t = SpillStrings()
        pthread_setspecific(key, Unmanaged.passRetained(t).toOpaque())
        return try body(t)
    }

    /// The string of the valid UTF-8 bytes `b` (what `String(decoding: b, as: UTF8.self)` gives).
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        guard b.count > 0 else { return "" }
        guard b.count <= longest else { return String(decoding: b, as: UTF8.self) }
        return withTable { $0.string(b) }
    }

    private func string(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let n = b.count
        if n <= 16 { return short(b) }
        let h = SpillStrings.hash(UnsafeRawPointer(b.baseAddress!), n)
        let slot = Int(truncatingIfNeeded: h >> 40) & (SpillStrings.slots - 1)
        if hashes[slot] == h && counts[slot] == n && SpillStrings.holds(strings[slot], b) { return strings[slot] }
        let s = String(decoding: b, as: UTF8.self)
        hashes[slot] = h
        counts[slot] = n
        strings[slot] = s
        return s
    }

    /// `string(b)` of 1 to 16 bytes.
    @inline(__always)
    private func short(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let n = b.count
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: b.baseAddress!, byteCount: n) }
        var h = (words.0 &+ UInt64(truncatingIfNeeded: n)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 29) ^ words.1) &* 0xBF58_476D_1CE4_E5B9
        let slot = Int(truncatingIfNeeded: h >> 40) & (SpillStrings.slots - 1)
        let k = shortKeys[slot]
        if k.0 == words.0 && k.1 == words.1 && k.2 == n { return shortStrings[slot] }
        let s = String(decoding: b, as: UTF8.self)
        shortKeys[slot] = (words.0, words.1, n)
        shortStrings[slot] = s
        return s
    }

    /// True when the UTF-8 bytes of `s` are `b` (whose count is that of `s`'s bytes).
    @inline(__always)
    private static func holds(_ s: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { u in
            u.count == b.count && memcmp(u.baseAddress!, b.baseAddress!, b.count) == 0
        } ?? false
    }

    /// A hash of `n` bytes at `p` (eight at a time), for the table only.
    @inline(__always)
    static func hash(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        var h = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: n &+ 1)
        var k = 0
        while k &+ 8 <= n {
            h = (h ^ p.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            k &+= 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while k < n {
            tail |= UInt64(p.load(fromByteOffset: k, as: UInt8.self)) << shift
            shift &+= 8
            k &+= 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}

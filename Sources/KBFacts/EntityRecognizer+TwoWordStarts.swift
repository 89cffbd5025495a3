import KBText

/// ``Gazetteer/longestName(startingWith:then:)`` remembered per thread for pass 1's gazetteer look-up: the same first
/// forms and next words meet again sentence after sentence (~950 instructions a look-up: the two words joined and
/// hashed). A direct-mapped table keyed by the two `String` values' own bits and the gazetteer's serial, as
/// ``WordMemo``'s first level: a slot keeps its two strings alive, so equal bits are the same texts, and a serial is
/// never given to another gazetteer.
final class TwoWordStarts {
    private static let slots = 4096
    private let first: UnsafeMutablePointer<String>
    private let second: UnsafeMutablePointer<String>
    private let serials: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Int>

    init() {
        first = .allocate(capacity: Self.slots); first.initialize(repeating: "", count: Self.slots)
        second = .allocate(capacity: Self.slots); second.initialize(repeating: "", count: Self.slots)
        // (serial 0 is no gazetteer's: the empty slots match none)
        serials = .allocate(capacity: Self.slots); serials.initialize(repeating: 0, count: Self.slots)
        values = .allocate(capacity: Self.slots); values.initialize(repeating: 0, count: Self.slots)
    }

    deinit {
        first.deinitialize(count: Self.slots); first.deallocate()
        second.deinitialize(count: Self.slots); second.deallocate()
        serials.deallocate(); values.deallocate()
    }

    @inline(__always)
    private static func bits(_ p: UnsafeRawPointer) -> (UInt64, UInt64) {
        (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    /// `g.longestName(startingWith: a, then: b)`.
    @inline(__always)
    func longest(_ g: Gazetteer, _ a: String, _ b: String) -> Int {
        var a = a, b = b
        let ba = withUnsafeBytes(of: &a) { Self.bits($0.baseAddress!) }
        let bb = withUnsafeBytes(of: &b) { Self.bits($0.baseAddress!) }
        let mixed = (ba.0 &* 0x9E37_79B9_7F4A_7C15) ^ (ba.1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (bb.0 &* 0xD6E8_FEB8_6659_FD93) ^ (bb.1 &* 0xFF51_AFD7_ED55_8CCD)
        let slot = Int(truncatingIfNeeded: mixed >> 40) & (Self.slots - 1)
        if serials[slot] == g.serial, Self.bits(UnsafeRawPointer(first + slot)) == ba,
           Self.bits(UnsafeRawPointer(second + slot)) == bb { return values[slot] }
        let v = g.longestName(startingWith: a, then: b)
        first[slot] = a; second[slot] = b; serials[slot] = g.serial; values[slot] = v
        return v
    }

    static let perThread = PerThread { TwoWordStarts() }
}

extension EntityRecognizer {
    /// `gazetteer.longestName(startingWith: a, then: b)`, remembered per thread (``TwoWordStarts``).
    @inline(__always)
    func longestName(startingWith a: String, then b: String) -> Int {
        TwoWordStarts.perThread.withValue { $0.longest(gazetteer, a, b) }
    }
}

/// The classes of the scalars U+0000–U+06FF (ASCII, Latin-1 and the Arabic block: nearly every scalar of a page) in a
/// table of flags, made once from the class functions themselves: a loop over a page's scalars reads one byte per
/// test instead of running the function's ranges. A scalar from U+0700 on is asked of the function as before.
extension ScalarClass {
    static let arabicLetterBit: UInt8 = 1
    static let otherLetterBit: UInt8 = 2
    static let digitBit: UInt8 = 4
    static let markBit: UInt8 = 8
    static let spaceLikeBit: UInt8 = 16
    static let lineBreakBit: UInt8 = 32
    static let terminatorBit: UInt8 = 64
    /// `"`, `«`, `»`: the quotation marks of the table's range that `Cleaner.QuoteState` counts.
    static let quoteBit: UInt8 = 128

    /// The number of scalars the table covers.
    static let tableSize = 0x700

    /// The flags of every scalar below ``tableSize`` (never freed: one table for the process; written once, before any
    /// reader, by the lazy initialiser, then only read).
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: tableSize)
        for v in 0..<tableSize {
            let s = Unicode.Scalar(UInt32(v))!   // (no surrogate below U+D800)
            var b: UInt8 = 0
            if isArabicLetter(s) { b |= arabicLetterBit }
            if isOtherLetter(s) { b |= otherLetterBit }
            if isDigit(s) { b |= digitBit }
            if isMark(s) { b |= markBit }
            if isSpaceLike(s) { b |= spaceLikeBit }
            if isLineBreak(s) { b |= lineBreakBit }
            if isTerminator(s) { b |= terminatorBit }
            if v == 0x22 || v == 0xAB || v == 0xBB { b |= quoteBit }
            p[v] = b
        }
        return UnsafePointer(p)
    }()

    /// `slow(c)`, read from `table` (``table``, fetched once by the caller) with `bit` for a scalar it covers.
    @inline(__always)
    static func test(_ c: Unicode.Scalar, _ bit: UInt8, _ table: UnsafePointer<UInt8>, _ slow: (Unicode.Scalar) -> Bool) -> Bool {
        let v = c.value
        return v < 0x700 ? table[Int(v)] & bit != 0 : slow(c)
    }
}

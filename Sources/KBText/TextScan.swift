// A decoded page read once: its scalars, whether it is plain NFC, its lines and whether it is mostly Arabic.
//
// Loading a page walked its text five times after the UTF-8 check: `InputReader.isPlainNFC` (the bytes),
// `SourceText.scalarArray` (the bytes, twice: a count, then the scalars), `Cleaner.isMostlyArabic` and
// `Cleaner.lineRanges` (the scalars). `TextScan` decodes the scalars once and answers the four questions on the way,
// each as its function answers it (the same tests, on the same scalars, in the same order).

struct TextScan {
    /// `SourceText.scalarArray(text)`.
    let scalars: [Unicode.Scalar]
    /// `Cleaner.lineRanges(scalars)`.
    let lines: [(begin: Int, end: Int)]
    /// `Cleaner.isMostlyArabic(scalars)`.
    let mostlyArabic: Bool

    /// The scan of `text`, or nil when `InputReader.isPlainNFC(text)` is false (the caller normalises the text first).
    init?(_ text: String) {
        var text = text
        guard let made = text.withUTF8({ TextScan.scan($0) }) else { return nil }
        (scalars, lines, mostlyArabic) = made
    }

    private static func scan(_ b: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [(begin: Int, end: Int)], Bool)? {
        let n = b.count
        var count = 0
        for x in b where x & 0xC0 != 0x80 { count += 1 }
        var plain = true
        var lines: [(begin: Int, end: Int)] = []
        var arabic = 0, other = 0
        let t = ScalarClass.table
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, made in
            var i = 0, k = 0
            var lastMark: UInt32 = 0      // (`isPlainNFC`) the scalar before when it is one of the harakat, else 0
            var start = 0                 // (`lineRanges`) where the current line starts
            var cr = -2                   // (`lineRanges`) the place of the last CR that ended a line
            while i < n {
                let x = b[i]
                let v: UInt32
                if x < 0x80 {
                    v = UInt32(x); i += 1; lastMark = 0
                } else if x < 0xE0 {
                    v = UInt32(x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                    switch x {
                    case 0xC2, 0xC3:   // U+0080–U+00FF
                        lastMark = 0
                    case 0xD8...0xDB:  // U+0600–U+06FF
                        if !ScalarClass.isArabicBlockMark(v) {
                            lastMark = 0
                        } else {
                            switch v {
                            case 0x064B...0x0652:
                                if v < lastMark { plain = false }
                                lastMark = v
                            case 0x0610...0x061A, 0x0653...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
                                 0x06EA...0x06ED:
                                plain = false
                            default: lastMark = 0
                            }
                        }
                    default: plain = false
                    }
                } else if x < 0xF0 {
                    v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                    // U+2000–U+2FFF: only U+2002–U+205E; any other lead: not plain
                    if x != 0xE2 || !(0x2002...0x205E).contains(v) { plain = false }
                    lastMark = 0
                } else {
                    v = UInt32(x & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                        | UInt32(b[i + 3] & 0x3F)
                    i += 4
                    plain = false
                }
                if !plain { break }
                // (valid UTF-8 of a string: a scalar value)
                let c = unsafeBitCast(v, to: Unicode.Scalar.self)
                out[k] = c
                let flags: UInt8 = v < 0x700 ? t[Int(v)] : TextScan.flags(c)
                // (an Arabic letter, else another letter: counted without a branch)
                let isArabic = Int(flags & ScalarClass.arabicLetterBit)
                arabic &+= isArabic
                other &+= Int((flags & ScalarClass.otherLetterBit) >> 1) & (isArabic ^ 1)
                if flags & ScalarClass.lineBreakBit != 0 {
                    if v == 0x0A && cr == k &- 1 {
                        // CR LF ends one line
                        start = k + 1
                    } else {
                        lines.append((start, k))
                        start = k + 1
                        if v == 0x0D { cr = k }
                    }
                }
                k += 1
            }
            if plain && start < k { lines.append((start, k)) }
            made = k
        }
        return plain ? (scalars, lines, arabic > other) : nil
    }

    /// The flags of the three classes the scan asks of a scalar from U+0700 on (the table's, from the functions).
    private static func flags(_ c: Unicode.Scalar) -> UInt8 {
        var f: UInt8 = 0
        if ScalarClass.isArabicLetter(c) { f |= ScalarClass.arabicLetterBit } else if ScalarClass.isOtherLetter(c) { f |= ScalarClass.otherLetterBit }
        if ScalarClass.isLineBreak(c) { f |= ScalarClass.lineBreakBit }
        return f
    }
}

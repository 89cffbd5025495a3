/// The quote marks of ``EntityRecognizer/openingQuotes`` and ``EntityRecognizer/closingQuotes`` found on bytes.
/// Each mark is one scalar with no decomposition that no other scalar decomposes to or composes into, so a
/// `String` equal to it (canonical equivalence) has exactly its bytes: the byte test is `Set.contains` without
/// the hash and the Unicode tables (a sentence's every punctuation token was hashed and compared).
extension EntityRecognizer {
    /// Bit 1: an opening quote; bit 2: a closing quote («"» is both).
    @inline(__always)
    static func quoteBits(_ s: String) -> UInt8 {
        var s = s
        return s.withUTF8 { b in
            switch b.count {
            case 1: return b[0] == 0x22 ? 3 : 0                                       // "
            case 2:
                guard b[0] == 0xC2 else { return 0 }
                return b[1] == 0xAB ? 1 : b[1] == 0xBB ? 2 : 0                        // « »
            case 3:
                guard b[0] == 0xE2, b[1] == 0x80 else { return 0 }
                switch b[2] {
                case 0x9C, 0x9E, 0xB9: return 1                                       // “ „ ‹
                case 0x9D, 0xBA: return 2                                             // ” ›
                default: return 0
                }
            default: return 0
            }
        }
    }

    /// `openingQuotes.contains(s)`.
    @inline(__always) static func isOpeningQuote(_ s: String) -> Bool { quoteBits(s) & 1 != 0 }
    /// `closingQuotes.contains(s)`.
    @inline(__always) static func isClosingQuote(_ s: String) -> Bool { quoteBits(s) & 2 != 0 }
}

/// Character classes shared by the tokenizer, the normaliser and the cleaner.
enum ScalarClass {
    /// Arabic script blocks: Arabic, Supplement, Extended-A/B, presentation forms A and B.
    static func isArabicBlock(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }

    /// Decimal digits of any script (ASCII, Arabic-Indic, Persian, ...).
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: return true
        case 0...0x7F, 0x0600...0x06FF: return false
        default: return s.properties.numericType == .decimal
        }
    }

    /// Marks that sit on a letter (Arabic harakat, Latin accents in decomposed form).
    @inline(__always)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        if v &- 0x600 < 0x100 { return isArabicBlockMark(v) }
        return isMarkAbove2FF(s)
    }

    /// ``isMarkAbove2FF(_:)`` of a scalar U+0600–U+06FF (its value `v`), read from a 256-bit mask of the marks of
    /// the block (U+0610–061A, U+064B–065F, U+0670, U+06D6–06DC, U+06DF–06E4, U+06E7, U+06E8, U+06EA–06ED).
    @inline(__always)
    static func isArabicBlockMark(_ v: UInt32) -> Bool {
        let k = v &- 0x600
        let word: UInt64
        switch k >> 6 {
        case 0: word = 0x7ff_0000
        case 1: word = 0x1_0000_ffff_f800
        case 2: word = 0
        default: word = 0x3d9f_9fc0_0000
        }
        return (word >> UInt64(k & 63)) & 1 != 0
    }

    /// ``isMark(_:)`` of a scalar from U+0300 on.
    static func isMarkAbove2FF(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0...0x2FF: return false
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
             0x06EA...0x06ED:
            return true
        case 0x0600...0x06FF: return false
        default:
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    /// A letter of the Arabic script, tatweel included (digits and punctuation excluded).
    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0620...0x064A, 0x066E, 0x066F, 0x0671...0x06D3, 0x06D5, 0x06E5, 0x06E6, 0x06EE, 0x06EF,
             0x06FA...0x06FC, 0x06FF:
            return true
        case 0x0600...0x06FF: return false
        default:
            guard isArabicBlock(s), !isDigit(s) else { return false }
            return s.properties.isAlphabetic && !isMark(s)
        }
    }

    /// A letter of another script (Latin, Cyrillic, ...).
    static func isOtherLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0...0x7F: return false
        default: return !isArabicBlock(s) && s.properties.isAlphabetic && !isMark(s) && !isDigit(s)
        }
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool { isArabicLetter(s) || isOtherLetter(s) }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

    /// Zero-width and bidi controls: invisible, ignored for matching.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0x061C, 0xFEFF, 0x00AD:
            return true
        default:
            return false
        }
    }

    /// Ends a line: LF, CR, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whitespace, invisible format characters and other controls: nothing to read.
    /// (ASCII and the Arabic block answered inline, as ``isSpaceLikeSlow(_:)`` answers them: most scalars of a page.)
    @inline(__always)
    static func isSpaceLike(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x7F { return v <= 0x20 }
        if v &- 0x0606 < 0xFA { return v == 0x061C || v == 0x06DD }   // U+0606–U+06FF
        return isSpaceLikeSlow(s)
    }

    /// ``isSpaceLike(_:)`` of any scalar.
    static func isSpaceLikeSlow(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0...0x20, 0x7F...0xA0: return true
        case 0x21...0x7E: return false
        case 0x0600...0x0605, 0x061C, 0x06DD: return true
        case 0x0606...0x06FF: return false
        default:
            if s.properties.isWhitespace || isInvisible(s) { return true }
            switch s.properties.generalCategory {
            case .control, .format: return true
            default: return false
            }
        }
    }

    /// Characters that end a sentence.
    static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ".", "!", "?", "\u{061F}", "\u{2026}", "\u{06D4}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}":
            return true
        default:
            return false
        }
    }

    /// Closing quotes and brackets that belong to the sentence before them.
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ")", "]", "}", "\u{00BB}", "\u{201D}", "\u{2019}", "\u{203A}", "\"", "'", "\u{FD3F}": return true
        default: return false
        }
    }

    /// Punctuation after which a line is clearly not finished.
    static func isContinuationMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ",", "\u{060C}", ";", "\u{061B}", ":", "-", "\u{2013}", "\u{2014}", "(", "[", "{",
             "\u{00AB}", "\u{201C}", "\u{2018}", "/", "\\", "&", "+", "=", "\u{FD3E}":
            return true
        default:
            return false
        }
    }

    /// ``string(_:)`` of scalars of an array (the tokens' and slices' case), encoded on the array's memory.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { encoded(scalars) { $0 } }

    /// ``string(_:)`` of the scalars with every tab and line break (``isLineBreak(_:)``) as a space: a sentence's
    /// text, encoded in place like `string(ArraySlice)` (through a lazy map it cost two closure calls a scalar).
    static func flatString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        encoded(scalars) { v in v == 0x09 || (v &- 0x0A < 4) || v == 0x85 || v == 0x2028 || v == 0x2029 ? 0x20 : v }
    }

    /// The UTF-8 string of `map` of each scalar's value (a scalar value again), sized and written on the array's
    /// memory in two passes.
    @inline(__always)
    private static func encoded(_ scalars: ArraySlice<Unicode.Scalar>, _ map: (UInt32) -> UInt32) -> String {
        scalars.withUnsafeBufferPointer { p -> String in
            var bytes = 0
            for c in p {
                let v = map(c.value)
                bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            }
            return String(unsafeUninitializedCapacity: bytes) { out in
                var n = 0
                for c in p {
                    let v = map(c.value)
                    if v < 0x80 {
                        out[n] = UInt8(v); n += 1
                    } else if v < 0x800 {
                        out[n] = 0xC0 | UInt8(v >> 6); out[n + 1] = 0x80 | UInt8(v & 0x3F); n += 2
                    } else if v < 0x10000 {
                        out[n] = 0xE0 | UInt8(v >> 12); out[n + 1] = 0x80 | UInt8((v >> 6) & 0x3F)
                        out[n + 2] = 0x80 | UInt8(v & 0x3F); n += 3
                    } else {
                        out[n] = 0xF0 | UInt8(v >> 18); out[n + 1] = 0x80 | UInt8((v >> 12) & 0x3F)
                        out[n + 2] = 0x80 | UInt8((v >> 6) & 0x3F); out[n + 3] = 0x80 | UInt8(v & 0x3F); n += 4
                    }
                }
                return n
            }
        }
    }

    /// Converts scalars to a String (through UTF-8, the fast way to build one). The storage is sized to the UTF-8
    /// bytes, not to four bytes a scalar: a sentence or title kept for the output (a document's title, a report's
    /// sentence) holds no slack.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes = 0
        for scalar in scalars { bytes += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var n = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[n] = byte
                    n += 1
                }
            }
            return n
        }
    }
}

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
        s.properties.numericType == .decimal
    }

    /// Marks that sit on a letter (Arabic harakat, Latin accents in decomposed form).
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A letter of the Arabic script, tatweel included (digits and punctuation excluded).
    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        guard isArabicBlock(s), !isDigit(s) else { return false }
        if s.value == 0x0640 { return true }  // tatweel
        return s.properties.isAlphabetic && !isMark(s)
    }

    /// A letter of another script (Latin, Cyrillic, ...).
    static func isOtherLetter(_ s: Unicode.Scalar) -> Bool {
        !isArabicBlock(s) && s.properties.isAlphabetic && !isMark(s) && !isDigit(s)
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
    static func isSpaceLike(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace || isInvisible(s) { return true }
        switch s.properties.generalCategory {
        case .control, .format: return true
        default: return false
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

    /// Converts the scalar range of `scalars` to a String.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

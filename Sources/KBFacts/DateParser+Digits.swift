import KBText

/// The date parser's tests of numbers and digits, on the UTF-8 bytes.
extension DateParser {
    /// `number` of a token with this normalised form.
    /// (On the bytes: one to four digits, ASCII, Arabic-Indic or Persian, then nothing or «م» alone. The `String`
    /// code it replaces: the digits made ASCII, a last `Character` «م» dropped, then every `Character` an ASCII digit,
    /// four at most; a mark or joiner after a digit or after «م» makes its `Character` no digit and no «م», and is no
    /// digit byte here either.)
    static func number(norm: String) -> Int? {
        var s = norm
        return s.withUTF8 { b -> Int? in
            var i = 0, n = 0, digits = 0
            while i < b.count {
                let x = b[i]
                if x >= 0x30 && x <= 0x39 { n = n * 10 + Int(x - 0x30); i += 1 }
                else if x == 0xD9, i + 1 < b.count, b[i + 1] >= 0xA0 && b[i + 1] <= 0xA9 { n = n * 10 + Int(b[i + 1] - 0xA0); i += 2 }
                else if x == 0xDB, i + 1 < b.count, b[i + 1] >= 0xB0 && b[i + 1] <= 0xB9 { n = n * 10 + Int(b[i + 1] - 0xB0); i += 2 }
                else { break }
                digits += 1
                if digits > 4 { return nil }
            }
            guard digits > 0 else { return nil }
            // «م» = D9 85, the last thing in the word
            return i == b.count || (i + 2 == b.count && b[i] == 0xD9 && b[i + 1] == 0x85) ? n : nil
        }
    }

    /// A «.», «/» or «-» byte anywhere in the string.
    static func hasSeparatorByte(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { $0.contains { $0 == 0x2E || $0 == 0x2F || $0 == 0x2D } }
    }

    /// The text is «.», «/» or «-» alone.
    static func isSeparator(_ s: String) -> Bool {
        PunctText.isASCII(s, 0x2E) || PunctText.isASCII(s, 0x2F) || PunctText.isASCII(s, 0x2D)
    }

    /// The kind of digit the string starts with, read from its first UTF-8 bytes: 1 an ASCII digit, 2 an
    /// Arabic-Indic one (U+0660–U+0669), 4 a Persian one (U+06F0–U+06F9), 0 none (as the first Unicode scalar's value
    /// tells: these three ranges are the UTF-8 sequences 30–39, D9 A0–A9 and DB B0–B9).
    @inline(__always)
    static func leadingDigit(_ s: String) -> Int {
        // (the contiguous bytes: the view's iterator is generic code per byte)
        var s = s
        return s.withUTF8 { b in
            guard let b0 = b.first else { return 0 }
            if b0 < 0x80 { return b0 >= 0x30 && b0 <= 0x39 ? 1 : 0 }
            guard b0 == 0xD9 || b0 == 0xDB, b.count >= 2 else { return 0 }
            let b1 = b[1]
            if b0 == 0xD9 { return b1 >= 0xA0 && b1 <= 0xA9 ? 2 : 0 }
            return b1 >= 0xB0 && b1 <= 0xB9 ? 4 : 0
        }
    }
}

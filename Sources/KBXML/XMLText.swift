// XML 1.0 (Fifth Edition) character classes, in one place.
// Spec: https://www.w3.org/TR/xml/#charsets (Char), https://www.w3.org/TR/xml/#NT-Name (NameStartChar, NameChar),
// https://www.w3.org/TR/xml-names/#NT-NCName (NCName, QName).
//
// libxml2's xmlTextWriter escapes `& < > "` (and TAB/LF/CR in attributes) but copies every other byte as is,
// including ESC (U+001B), which makes the output not well-formed. `XMLStreamWriter` therefore runs every text and
// attribute value through `XMLText.sanitize(_:)` before handing it to libxml2.

public enum XMLText {
    /// Removes every scalar that is not an XML 1.0 `Char`: U+0000-U+0008, U+000B, U+000C, U+000E-U+001F,
    /// U+FFFE and U+FFFF (surrogates cannot occur in a Swift `String`).
    ///
    /// - Returns: the cleaned string and the number of scalars removed.
    ///
    ///     XMLText.sanitize("a\u{1B}b")   // ("ab", 1)
    public static func sanitize(_ s: String) -> (text: String, removed: Int) {
        guard !isAllXMLChars(s) else { return (s, 0) }
        var out = String.UnicodeScalarView()
        var removed = 0
        for u in s.unicodeScalars {
            if isXMLChar(u) { out.append(u) } else { removed += 1 }
        }
        return (String(out), removed)
    }

    /// True when every scalar of `s` is an XML 1.0 `Char`: one pass over the UTF-8 bytes (the only
    /// non-characters in UTF-8 are C0 controls other than TAB/LF/CR, and U+FFFE/U+FFFF = EF BF BE/BF).
    public static func isAllXMLChars(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                if b < 0x20 {
                    if b != 0x09 && b != 0x0A && b != 0x0D { return false }
                } else if b == 0xEF, i + 2 < n, u[i + 1] == 0xBF, u[i + 2] >= 0xBE {
                    return false
                }
                i += 1
            }
            return true
        }
    }

    /// `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`
    public static func isXMLChar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `NCName ::= Name - (Char* ':' Char*)`: a `NameStartChar` other than `:`, then `NameChar`s other than `:`.
    public static func isNCName(_ s: String) -> Bool {
        if let ascii = asciiNameCheck(s, colons: false) { return ascii }
        var it = s.unicodeScalars.makeIterator()
        guard let first = it.next(), first != ":", isNameStartChar(first) else { return false }
        while let u = it.next() {
            if u == ":" || !isNameChar(u) { return false }
        }
        return true
    }

    /// `QName ::= PrefixedName | UnprefixedName`, that is `NCName` or `NCName ':' NCName`.
    public static func isQName(_ s: String) -> Bool {
        if let ascii = asciiNameCheck(s, colons: true) { return ascii }
        let parts = s.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return isNCName(s)
        case 2: return isNCName(String(parts[0])) && isNCName(String(parts[1]))
        default: return false
        }
    }

    /// NCName (or, with `colons`, QName) check of an all-ASCII string over its bytes; nil when `s` has a
    /// non-ASCII byte (the scalar check decides then).
    private static func asciiNameCheck(_ s: String, colons: Bool) -> Bool? {
        var s = s
        return s.withUTF8 { u -> Bool? in
            var ok = !u.isEmpty
            var atStart = true
            var colonSeen = false
            for b in u {
                if b >= 0x80 { return nil }
                let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
                if atStart {
                    if !letter { ok = false }
                    atStart = false
                } else if b == 0x3A {
                    if !colons || colonSeen { ok = false }
                    colonSeen = true
                    atStart = true
                } else if !(letter || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E) {
                    ok = false
                }
            }
            return ok && !atStart
        }
    }

    /// `Nmtoken ::= (NameChar)+` (`:` allowed).
    public static func isNMToken(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy(isNameChar)
    }

    /// `NameStartChar ::= ":" | [A-Z] | "_" | [a-z] | [#xC0-#xD6] | [#xD8-#xF6] | [#xF8-#x2FF] | [#x370-#x37D]
    /// | [#x37F-#x1FFF] | [#x200C-#x200D] | [#x2070-#x218F] | [#x2C00-#x2FEF] | [#x3001-#xD7FF] | [#xF900-#xFDCF]
    /// | [#xFDF0-#xFFFD] | [#x10000-#xEFFFF]`
    public static func isNameStartChar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF,
             0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// `NameChar ::= NameStartChar | "-" | "." | [0-9] | #xB7 | [#x0300-#x036F] | [#x203F-#x2040]`
    public static func isNameChar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isNameStartChar(u)
        }
    }
}

import Foundation

/// Folding of Arabic (and Latin) text for matching. Never used for display or offsets.
public enum ArabicNormalizer {
    /// For matching only: alef variants أ إ آ ٱ (and ٲ ٳ) → ا; ى and Persian ی → ي; ة and ۀ → ه;
    /// ؤ → و; ئ → ي; Persian ک → ك; tatweel removed; diacritics (U+064B–U+065F, U+0670,
    /// U+06D6–U+06ED) removed; Eastern Arabic and Persian digits → ASCII; Latin lowercased;
    /// bidi controls and zero-width characters removed; runs of whitespace → one space; trimmed.
    /// Arabic presentation forms are first folded to their base letters (NFKC).
    public static func normalize(_ s: String) -> String {
        var input = s.unicodeScalars
        if input.contains(where: needsCompatibilityFolding) {
            input = s.precomposedStringWithCompatibilityMapping.unicodeScalars
        }
        // built as UTF-8 bytes (appending to a String.UnicodeScalarView scalar by scalar is slow)
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 2 + 8)
        var pendingSpace = false
        for scalar in input {
            if isWhitespace(scalar) || ScalarClass.isLineBreak(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            guard let folded = fold(scalar) else { continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            UTF8.encode(folded) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `scalar.properties.isWhitespace` (Unicode White_Space), without the property table lookup for
    /// ASCII and the Arabic block (which has no white space).
    @inline(__always)
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20: return true
        case 0...0x7F, 0x0600...0x06FF: return false
        default: return c.properties.isWhitespace
        }
    }

    /// One scalar folded, or nil when it is dropped.
    static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c.value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return "\u{0627}"  // alef variants → ا
        case 0x0649, 0x06CC: return "\u{064A}"          // ى, ی → ي
        case 0x0629, 0x06C0: return "\u{0647}"          // ة, ۀ → ه
        case 0x0624: return "\u{0648}"                  // ؤ → و
        case 0x0626: return "\u{064A}"                  // ئ → ي
        case 0x06A9: return "\u{0643}"                  // ک → ك
        case 0x0640: return nil                         // tatweel
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED: return nil  // diacritics and Quranic marks
        case 0x0660...0x0669: return Unicode.Scalar(0x30 + c.value - 0x0660)
        case 0x06F0...0x06F9: return Unicode.Scalar(0x30 + c.value - 0x06F0)
        case 0x41...0x5A: return Unicode.Scalar(c.value + 0x20)
        default:
            if ScalarClass.isInvisible(c) { return nil }
            if c.value >= 0xC0, !ScalarClass.isArabicBlock(c), c.properties.isUppercase,
               let lower = c.properties.lowercaseMapping.unicodeScalars.first,
               c.properties.lowercaseMapping.unicodeScalars.count == 1 {
                return lower
            }
            return c
        }
    }

    private static func needsCompatibilityFolding(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// Proclitics tried by ``cliticCandidates(_:)``, as (prefix, the part of it that is the article).
    /// "لل" and its combinations swallow the alef of ال: their stems are tried with ال restored too.
    /// The proclitics ``cliticCandidates(_:)`` removes, and whether each swallows the alef of ال.
    public static var procliticPrefixes: [(prefix: String, swallowsAlef: Bool)] { proclitics }

    private static let proclitics: [(prefix: String, swallowsAlef: Bool)] = [
        ("و", false), ("ف", false), ("ب", false), ("ك", false), ("ل", false),
        ("ال", false), ("لل", true),
        ("وب", false), ("وك", false), ("ول", false), ("فب", false), ("فك", false), ("فل", false),
        ("وال", false), ("فال", false), ("بال", false), ("كال", false), ("ولل", true), ("فلل", true),
        ("وبال", false), ("فبال", false), ("وكال", false), ("فكال", false),
    ]

    /// Clitic-aware candidate stems for a normalised token: the raw token first, then the token with
    /// ONE proclitic removed (و ف ب ك ل, ال, لل, وب وك ول فب فك فل, وال فال بال كال, ولل فلل, وبال فبال وكال فكال).
    /// For لل-forms the stem is given with ال restored AND without (للقوات → القوات, قوات).
    /// A stem shorter than 2 letters is never produced, and each stem appears once (first prefix wins).
    /// Tokens that do not start with an Arabic letter get only themselves.
    /// The caller picks the longest gazetteer match; the raw token comes first so that فاغنر and
    /// بنغازي stay whole.
    public static func cliticCandidates(_ normalizedToken: String) -> [(stem: String, prefix: String)] {
        guard !normalizedToken.isEmpty else { return [] }
        if NormKey.isPlain(normalizedToken) { return plainCliticCandidates(normalizedToken) }
        return generalCliticCandidates(normalizedToken)
    }

    /// ``cliticCandidates(_:)`` for any token (on `String`s).
    static func generalCliticCandidates(_ normalizedToken: String) -> [(stem: String, prefix: String)] {
        guard !normalizedToken.isEmpty else { return [] }
        var result: [(stem: String, prefix: String)] = [(normalizedToken, "")]
        guard let first = normalizedToken.unicodeScalars.first, ScalarClass.isArabicLetter(first) else {
            return result
        }
        var seen: Set<String> = [normalizedToken]
        func add(_ stem: String, _ prefix: String) {
            guard stem.unicodeScalars.count >= 2, seen.insert(stem).inserted else { return }
            result.append((stem, prefix))
        }
        for (prefix, swallowsAlef) in proclitics where normalizedToken.hasPrefix(prefix) {
            let rest = String(normalizedToken.unicodeScalars.dropFirst(prefix.unicodeScalars.count))
            guard rest.unicodeScalars.count >= 2 else { continue }
            if swallowsAlef {
                add("ال" + rest, prefix)
            }
            add(rest, prefix)
        }
        return result
    }

    /// ``cliticCandidates(_:)`` for a plain token (`NormKey.isPlain`: ASCII, plain Arabic letters and digits),
    /// on UTF-8 bytes. In such a string every scalar is a character of its own and the text is NFC, so
    /// `hasPrefix` is a byte prefix test, dropping the prefix's scalars drops its bytes, and `==` is byte equality.
    static func plainCliticCandidates(_ token: String) -> [(stem: String, prefix: String)] {
        var result: [(stem: String, prefix: String)] = [(token, "")]
        guard let first = token.unicodeScalars.first, ScalarClass.isArabicLetter(first) else { return result }
        let bytes = Array(token.utf8)
        var seen: [[UInt8]] = [bytes]
        func scalarCount<C: Collection>(_ b: C) -> Int where C.Element == UInt8 { b.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        func add(_ stem: [UInt8], _ prefix: String) {
            guard scalarCount(stem) >= 2, !seen.contains(stem) else { return }
            seen.append(stem)
            result.append((String(decoding: stem, as: UTF8.self), prefix))
        }
        for (prefix, swallowsAlef) in proclitics {
            let p = Array(prefix.utf8)
            guard bytes.count >= p.count, bytes.starts(with: p) else { continue }
            let rest = Array(bytes[p.count...])
            guard scalarCount(rest) >= 2 else { continue }
            if swallowsAlef {
                add(Array("ال".utf8) + rest, prefix)
            }
            add(rest, prefix)
        }
        return result
    }

    /// Removes a leading ال from a normalised word if the rest has ≥ 2 letters.
    public static func stripArticle(_ w: String) -> String {
        guard w.plainHasPrefix("ال") else { return w }
        let rest = w.unicodeScalars.dropFirst(2)
        return rest.count >= 2 ? ScalarClass.string(rest) : w
    }
}

/// Digit conversion that keeps every other character (and so every offset) as it is.
public enum ArabicDigits {
    /// Eastern Arabic (٠–٩) and Persian (۰–۹) digits → ASCII 0–9; one scalar for one scalar.
    public static func toASCII(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.value {
            case 0x0660...0x0669: out.append(Unicode.Scalar(0x30 + c.value - 0x0660)!)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(0x30 + c.value - 0x06F0)!)
            default: out.append(c)
            }
        }
        return String(out)
    }
}

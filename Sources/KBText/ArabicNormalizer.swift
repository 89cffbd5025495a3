import Foundation

/// Folding of Arabic (and Latin) text for matching. Never used for display or offsets.
public enum ArabicNormalizer {
    /// For matching only: alef variants أ إ آ ٱ (and ٲ ٳ) → ا; ى and Persian ی → ي; ة and ۀ → ه;
    /// ؤ → و; ئ → ي; Persian ک → ك; tatweel removed; diacritics (U+064B–U+065F, U+0670,
    /// U+06D6–U+06ED) removed; Eastern Arabic and Persian digits → ASCII; Latin lowercased;
    /// bidi controls and zero-width characters removed; runs of whitespace → one space; trimmed.
    /// Arabic presentation forms are first folded to their base letters (NFKC).
    public static func normalize(_ s: String) -> String {
        plainNormalize(s) ?? generalNormalize(s)
    }

    /// ``normalize(_:)`` of any text, scalar by scalar.
    static func generalNormalize(_ s: String) -> String {
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

    /// ``normalize(_:)`` of a text of ASCII and the Arabic block (U+0600–U+06FF) only, on its UTF-8 bytes; nil for any
    /// other text. Such a text needs no compatibility folding, and each of its scalars folds to nothing, to ASCII or to
    /// a scalar of the Arabic block: never more bytes than it had, so the result is built in place.
    static func plainNormalize(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { b -> String? in
            let n = b.count
            var i = 0
            while i < n {
                let x = b[i]
                if x < 0x80 { i += 1 } else if x >= 0xD8 && x <= 0xDB { i += 2 } else { return nil }
            }
            let table = plainFolds
            return String(unsafeUninitializedCapacity: n) { out in
                var k = 0, i = 0
                var pendingSpace = false
                while i < n {
                    let x = b[i]
                    let f: Int32
                    if x < 0x80 {
                        f = table[Int(x)]; i += 1
                    } else {
                        f = table[0x80 + (Int(x & 0x03) << 6 | Int(b[i + 1] & 0x3F))]; i += 2   // U+0600 + (x & 3) << 6 | …
                    }
                    if f == Self.spaceFold {
                        pendingSpace = k > 0
                        continue
                    }
                    if f == Self.droppedFold { continue }
                    if pendingSpace { out[k] = 0x20; k += 1; pendingSpace = false }
                    if f < 0x80 {
                        out[k] = UInt8(f); k += 1
                    } else {
                        out[k] = 0xC0 | UInt8(f >> 6); out[k + 1] = 0x80 | UInt8(f & 0x3F); k += 2
                    }
                }
                return k
            }
        }
    }

    /// What ``plainNormalize(_:)`` does with each scalar of ASCII (entries 0–0x7F) and of the Arabic block (0x80 +
    /// scalar − U+0600): `spaceFold` for white space and line breaks, `droppedFold` when `fold` drops it, else the
    /// value of the scalar `fold` gives (ASCII or the Arabic block: one or two UTF-8 bytes). Made from `isWhitespace`,
    /// `isLineBreak` and `fold` themselves.
    private static let plainFolds: [Int32] = {
        let scalars = (UInt32(0)..<0x80).map { Unicode.Scalar($0)! } + (UInt32(0x0600)..<0x0700).map { Unicode.Scalar($0)! }
        return scalars.map { c -> Int32 in
            if isWhitespace(c) || ScalarClass.isLineBreak(c) { return spaceFold }
            guard let f = fold(c) else { return droppedFold }
            precondition(f.value < 0x80 || (0x0600..<0x0700).contains(f.value), "a plain scalar folds outside ASCII and the Arabic block")
            return Int32(f.value)
        }
    }()
    private static let spaceFold: Int32 = -2
    private static let droppedFold: Int32 = -1

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
        var token = token
        return token.withUTF8 { b -> [(stem: String, prefix: String)] in
            let n = b.count
            // a stem is the token's bytes from `start` on, behind ال when `al`; the token itself is (false, 0)
            var seen: [(al: Bool, start: Int)] = [(false, 0)]
            seen.reserveCapacity(8)
            // (ال is 4 bytes, 2 scalars)
            @inline(__always) func byte(_ s: (al: Bool, start: Int), _ k: Int) -> UInt8 {
                s.al ? (k < 4 ? alefLam[k] : b[s.start + k - 4]) : b[s.start + k]
            }
            func same(_ x: (al: Bool, start: Int), _ y: (al: Bool, start: Int)) -> Bool {
                let lx = n - x.start + (x.al ? 4 : 0), ly = n - y.start + (y.al ? 4 : 0)
                guard lx == ly else { return false }
                for k in 0..<lx where byte(x, k) != byte(y, k) { return false }
                return true
            }
            func scalarCount(from start: Int) -> Int {
                var c = 0
                for k in start..<n where b[k] & 0xC0 != 0x80 { c += 1 }
                return c
            }
            func add(_ stem: (al: Bool, start: Int), _ prefix: String) {
                guard (stem.al ? 2 : 0) + scalarCount(from: stem.start) >= 2 else { return }
                for s in seen where same(s, stem) { return }
                seen.append(stem)
                let text: String
                if stem.al {
                    text = String(unsafeUninitializedCapacity: n - stem.start + 4) { out in
                        for k in 0..<4 { out[k] = alefLam[k] }
                        for k in stem.start..<n { out[k - stem.start + 4] = b[k] }
                        return n - stem.start + 4
                    }
                } else {
                    text = String(decoding: UnsafeBufferPointer(rebasing: b[stem.start...]), as: UTF8.self)
                }
                result.append((text, prefix))
            }
            for (p, prefix, swallowsAlef) in procliticBytes {
                guard n >= p.count else { continue }
                var match = true
                for k in 0..<p.count where b[k] != p[k] { match = false; break }
                guard match, scalarCount(from: p.count) >= 2 else { continue }
                if swallowsAlef { add((true, p.count), prefix) }
                add((false, p.count), prefix)
            }
            return result
        }
    }

    /// The bytes of ال.
    private static let alefLam: [UInt8] = Array("ال".utf8)
    /// ``proclitics`` with each prefix's UTF-8 bytes.
    private static let procliticBytes: [(bytes: [UInt8], prefix: String, swallowsAlef: Bool)] =
        proclitics.map { (Array($0.prefix.utf8), $0.prefix, $0.swallowsAlef) }

    /// Removes a leading ال from a normalised word if the rest has ≥ 2 letters.
    public static func stripArticle(_ w: String) -> String {
        guard w.plainHasPrefix("ال") else { return w }
        // (the first two scalars are then ا and ل, which nothing else is canonically equal to: its first 4 bytes)
        var s = w
        return s.withUTF8 { b -> String in
            var rest = 0
            for k in 4..<b.count where b[k] & 0xC0 != 0x80 {
                rest += 1
                if rest == 2 { return String(decoding: UnsafeBufferPointer(rebasing: b[4...]), as: UTF8.self) }
            }
            return w
        }
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

// Value formatting shared by the writers: display text, locale-independent numbers, id checks.

import KBXML

enum Values {
    /// Text for a display field (GraphML values): XML-illegal characters removed, every run of line
    /// breaks/tabs (with the spaces around it) collapsed to one space, then trimmed. Nil when nothing
    /// but whitespace is left, so the caller omits the value instead of writing it empty.
    static func display(_ s: String) -> String? {
        if isDisplayReady(s) { return s }
        let clean = XMLText.sanitize(s).text
        var out = String.UnicodeScalarView()
        var pendingBreak = false
        var spaces = String.UnicodeScalarView()
        for u in clean.unicodeScalars {
            if isLineBreakOrTab(u) { pendingBreak = true; spaces.removeAll(); continue }
            if u == " " { spaces.append(u); continue }
            if pendingBreak { out.append(" "); pendingBreak = false; spaces.removeAll() }
            else if !spaces.isEmpty { out.append(contentsOf: spaces); spaces.removeAll() }
            out.append(u)
        }
        let trimmed = trim(String(out))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// True when `display(s)` is `s` itself, decided in one pass over the UTF-8 bytes: not empty, no XML-illegal
    /// character, no line break or tab (TAB-CR, U+0085, U+2028, U+2029), and neither end is whitespace. (An
    /// ASCII end byte other than a space is not whitespace; a non-ASCII end is checked as `trim` checks it.)
    static func isDisplayReady(_ s: String) -> Bool {
        var copy = s
        let bytesOK = copy.withUTF8 { u -> Bool in
            let n = u.count
            guard n > 0, u[0] != 0x20, u[n - 1] != 0x20 else { return false }
            var i = 0
            while i < n {
                let b = u[i]
                if b < 0x20 { return false }
                if b >= 0xC2 {
                    if b == 0xC2, i + 1 < n, u[i + 1] == 0x85 { return false }
                    if b == 0xE2, i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 { return false }
                    if b == 0xEF, i + 2 < n, u[i + 1] == 0xBF, u[i + 2] >= 0xBE { return false }
                }
                i += 1
            }
            return true
        }
        guard bytesOK else { return false }
        let first = s.utf8.first!, last = s.utf8.last!
        if first >= 0x80, s.first!.isWhitespace { return false }
        if last >= 0x80, s.last!.isWhitespace { return false }
        return true
    }

    /// True when `s` has nothing but whitespace once XML-illegal characters are removed.
    static func isBlank(_ s: String) -> Bool {
        XMLText.sanitize(s).text.allSatisfy { $0.isWhitespace }
    }

    static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace { sub.removeLast() }
        return String(sub)
    }

    private static func isLineBreakOrTab(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `x` rounded half away from zero to `fractionDigits` decimals, trailing zeros dropped but one kept
    /// (`0.85`, `1.0`, `0.333`). Locale-independent; valid as xsd:decimal and GraphML double.
    /// Nil for NaN, infinities and magnitudes beyond 1e15.
    static func decimal(_ x: Double, fractionDigits: Int = 3) -> String? {
        guard x.isFinite, abs(x) < 1e15, fractionDigits >= 1 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = Int64((abs(x) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let intPart = scaled / scale
        var frac = String(scaled % scale)
        frac = String(repeating: "0", count: fractionDigits - frac.count) + frac
        while frac.count > 1 && frac.hasSuffix("0") { frac.removeLast() }
        let sign = (x < 0 && scaled != 0) ? "-" : ""
        return sign + String(intPart) + "." + frac
    }

    /// Stable ids are non-empty ASCII `[A-Za-z0-9_.-]` (see KBGraph.StableID).
    static func isStableID(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
                || $0 == "_" || $0 == "." || $0 == "-"
        }
    }

    /// A GeoNames id when it is digits without a leading zero, else nil.
    static func geonames(_ s: String?) -> String? {
        guard let s, let first = s.unicodeScalars.first, first != "0",
              s.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        return s
    }

    /// Degrees with five decimals (about a metre), trailing zeros dropped: valid xsd:decimal and GraphML double.
    static func degrees(_ x: Double) -> String? { decimal(x, fractionDigits: 5) }

    /// The Wikidata id when it has the form `Q<digits>` (no leading zero), else nil.
    static func wikidata(_ s: String?) -> String? {
        guard let s, s.hasPrefix("Q") else { return nil }
        let digits = s.unicodeScalars.dropFirst()
        guard let first = digits.first, first != "0", digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        return s
    }
}

// Value formatting shared by the writers: display text, locale-independent numbers, id checks.

import KBXML

enum Values {
    /// Text for a display field (GraphML values): XML-illegal characters removed, every run of line
    /// breaks/tabs (with the spaces around it) collapsed to one space, then trimmed. Nil when nothing
    /// but whitespace is left, so the caller omits the value instead of writing it empty.
    static func display(_ s: String) -> String? {
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

    /// The Wikidata id when it has the form `Q<digits>` (no leading zero), else nil.
    static func wikidata(_ s: String?) -> String? {
        guard let s, s.hasPrefix("Q") else { return nil }
        let digits = s.unicodeScalars.dropFirst()
        guard let first = digits.first, first != "0", digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        return s
    }
}

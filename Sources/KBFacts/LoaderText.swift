import Foundation

/// What the loaders of the bundled tables (gazetteer, lexicon, rules) ask of their text, done on the UTF-8 bytes
/// where that gives exactly the `String` answer, and by `String` where it might not.
///
/// `String.split(separator: "\n")` and the other `Character` operations find grapheme boundaries scalar by scalar
/// through the Unicode tables: over the 600 KB of bundled text they were a third of start-up. A line feed is a
/// `Character` of its own except after a carriage return (CR LF is one `Character`), so a text without a CR byte
/// splits at its LF bytes exactly as `Character`s split it.
enum LoaderText {
    /// `text.split(separator: "\n", omittingEmptySubsequences: false)` (the same pieces), cut at the LF bytes when
    /// the text has no CR; else by `String`.
    static func lines(_ text: String) -> [Substring] {
        var t = text
        let ranges: [Range<Int>]? = t.withUTF8 { b in
            if b.contains(0x0D) { return nil }
            var out: [Range<Int>] = []
            var start = 0
            for i in 0..<b.count where b[i] == 0x0A {
                out.append(start..<i)
                start = i + 1
            }
            out.append(start..<b.count)
            return out
        }
        guard let ranges else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        let u = text.utf8, s = u.startIndex
        return ranges.map { text[u.index(s, offsetBy: $0.lowerBound)..<u.index(s, offsetBy: $0.upperBound)] }
    }

    /// Whether a scalar never joins an ASCII neighbour into one `Character`: ASCII but CR and LF, the Arabic letters
    /// and digits, the Arabic comma, semicolon and question mark, and the guillemets, quotation marks and dashes
    /// (Grapheme_Cluster_Break=Other: no Extend, SpacingMark, ZWJ or Prepend among them).
    @inline(__always)
    static func isLoneScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0x09: return true
        case 0xAB, 0xBB: return true
        case 0x060C, 0x061B, 0x061F, 0x0621...0x064A, 0x0660...0x066D, 0x0671...0x06D3: return true
        case 0x2010...0x2027: return true
        default: return false
        }
    }

    /// Whether every scalar of the line is a lone one (``isLoneScalar(_:)``): then every ASCII byte of it is a
    /// `Character` of its own, and `Character` operations with ASCII arguments are byte operations on it.
    static func isLoneScalars(_ s: Substring) -> Bool {
        if let r = s.utf8.withContiguousStorageIfAvailable({ isLoneScalars($0) }) { return r }
        for u in s.unicodeScalars where !isLoneScalar(u.value) { return false }
        return true
    }

    /// ``isLoneScalars(_:)`` of valid UTF-8 (the scalars decoded here: ASCII, two-byte and three-byte sequences).
    static func isLoneScalars(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let x = b[i]
            if x < 0x80 {
                guard isLoneScalar(UInt32(x)) else { return false }
                i += 1
            } else if x < 0xE0 {
                guard i + 1 < n else { return false }
                guard isLoneScalar(UInt32(x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)) else { return false }
                i += 2
            } else if x < 0xF0 {
                guard i + 2 < n else { return false }
                let v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                guard isLoneScalar(v) else { return false }
                i += 3
            } else {
                return false   // four bytes: not a lone scalar
            }
        }
        return true
    }

    /// `s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)`, on the bytes when every scalar of `s`
    /// is a lone one.
    static func words(_ s: Substring) -> [String] {
        guard isLoneScalars(s) else { return s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
        var s = s
        return s.withUTF8 { b in
            var out: [String] = []
            var k = 0
            let n = b.count
            while k < n {
                if b[k] == 0x20 || b[k] == 0x09 { k += 1; continue }
                let start = k
                while k < n && b[k] != 0x20 && b[k] != 0x09 { k += 1 }
                out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self))
            }
            return out
        }
    }

    /// `s[..<s.firstIndex(of: c)]` (the text before the first `c`, an ASCII character; all of `s` when there is
    /// none), on the bytes when every scalar of `s` is a lone one.
    static func before(_ c: UInt8, in s: Substring) -> Substring {
        guard isLoneScalars(s) else {
            guard let h = s.firstIndex(of: Character(Unicode.Scalar(c))) else { return s }
            return s[..<h]
        }
        var k = 0
        for x in s.utf8 {
            if x == c { return s[..<s.utf8.index(s.utf8.startIndex, offsetBy: k)] }
            k += 1
        }
        return s
    }

    /// `s.split(separator: sep, omittingEmptySubsequences:)` for an ASCII separator other than CR and LF, on the
    /// bytes when every scalar of `s` is a lone one (``isLoneScalar(_:)``).
    static func split(_ s: Substring, _ sep: UInt8, omittingEmptySubsequences omitting: Bool = true) -> [Substring] {
        let ranges: [Range<Int>]?? = s.utf8.withContiguousStorageIfAvailable { b in
            guard isLoneScalars(b) else { return nil }
            var out: [Range<Int>] = []
            var start = 0
            for i in 0..<b.count where b[i] == sep {
                if !(omitting && start == i) { out.append(start..<i) }
                start = i + 1
            }
            if start != b.count || !omitting { out.append(start..<b.count) }
            return out
        }
        guard let r = ranges ?? nil else {
            return s.split(separator: Character(Unicode.Scalar(sep)), omittingEmptySubsequences: omitting)
        }
        let u = s.utf8, st = u.startIndex
        return r.map { s[u.index(st, offsetBy: $0.lowerBound)..<u.index(st, offsetBy: $0.upperBound)] }
    }
}

/// A sentence after cleaning.
///
/// `begin`/`end` are offsets into ``SourceText/scalars``; `text` is exactly that slice with every
/// line break (`\n`, `\r`, and the rarer VT, FF, NEL, U+2028, U+2029) and `\t` replaced by a space,
/// so it has the same length and offsets inside it stay valid.
public struct Sentence: Sendable {
    public let index: Int
    public let begin: Int
    public let end: Int
    public let text: String
    public let tokens: [Token]
    /// Where the sentence comes from in the page layout.
    public let role: Role

    public enum Role: String, Sendable, Hashable {
        /// Running text.
        case body
        /// A title-like line without final punctuation that stands on its own (headline, subheading).
        case heading
        /// A publication line or a date-only line ("تاريخ النشر: 28 July 2021").
        case dateline
    }

    public init(index: Int, begin: Int, end: Int, text: String, tokens: [Token], role: Role = .body) {
        self.index = index
        self.begin = begin
        self.end = end
        self.text = text
        self.tokens = tokens
        self.role = role
    }
}

/// Turns a page's text into sentences, dropping web-page furniture.
///
/// The steps, line by line:
/// 1. Boilerplate lines are dropped: navigation and section labels, ads and `[ad_1]`-style markers,
///    related-news links, "page not available" notices (also when glued to the start of real text,
///    whose rest is kept), photo captions ending in a credit ("…( فيس بوك)", "… - أرشيفية"), tag
///    lines, bylines, share bars, view counters, copyright lines, bare links, punctuation-only lines,
///    and, in an Arabic page, lines of only Latin words ("list 1 of 4"). Two or more short labels in a
///    row are a menu, and the title-like lines under a "related news" header are links: both go.
///    Headlines are kept. Publication and date-only lines are kept as sentences of their own.
/// 2. Lines broken mid-sentence are joined: a line that does not end in sentence punctuation
///    continues on the next line unless it looks like a headline (the first line of a block, 4–15
///    words, no comma, not ending in a preposition or conjunction, followed by a line that ends a
///    sentence and does not start with a word like إلى or الذي). The line break stays in the slice
///    and reads as a space in `text`.
/// 3. Blocks are split into sentences at `.` `!` `?` `؟` `…` (not inside numbers, URLs or one-letter
///    abbreviations, and not when a comma follows), and at the end of every block. A blank line,
///    a dropped line and a removed marker always end a sentence.
public enum Cleaner {
    public static func sentences(of source: SourceText) -> [Sentence] {
        if let done = source.precleaned { return done }
        return clean(source).sentences
    }

    /// Same as ``sentences(of:)``, plus a report of what was dropped (scalar offsets and reason),
    /// in text order, for `--verbose`.
    public static func clean(_ source: SourceText) -> (sentences: [Sentence], dropped: [(begin: Int, end: Int, reason: String)]) {
        clean(source, scan: nil)
    }

    /// ``clean(_:)`` with the lines and letters of `scan` (the scan of `source`'s text: `TextScan`) when given.
    static func clean(_ source: SourceText, scan: TextScan?) -> (sentences: [Sentence], dropped: [(begin: Int, end: Int, reason: String)]) {
        let scalars = source.scalars
        let analyzer = LineAnalyzer(scalars: scalars, arabicDocument: scan?.mostlyArabic ?? isMostlyArabic(scalars))
        var lines = (scan?.lines ?? lineRanges(scalars)).map { analyzer.analyze(begin: $0.begin, end: $0.end) }
        dropMenus(&lines, scalars)
        dropRelatedLists(&lines)
        let dropped = lines.flatMap(\.removed).sorted { $0.begin < $1.begin }

        // Sentences fall on token boundaries, so they take their tokens from the lines' (read in text order through a
        // cursor over the lines, not copied into one array first).
        var line = 0, next = 0
        var text = TextCursor(source)
        var sentences: [Sentence] = []
        for block in blocks(lines, scalars) {
            for (b, e) in split(scalars, block.begin, block.end) {
                var tokens: [Token] = []
                while line < lines.count {
                    let ts = lines[line].tokens
                    while next < ts.count && ts[next].begin < b { next += 1 }
                    let from = next
                    while next < ts.count && ts[next].end <= e { next += 1 }
                    // (the run taken at once: a line's whole array shared, else one copy of the exact size)
                    if from < next {
                        if tokens.isEmpty && from == 0 && next == ts.count { tokens = ts } else { tokens.append(contentsOf: ts[from..<next]) }
                    }
                    if next < ts.count { break }
                    line += 1; next = 0
                }
                sentences.append(Sentence(index: sentences.count, begin: b, end: e, text: text.flattened(b, e),
                                          tokens: tokens, role: block.role))
            }
        }
        return (sentences, dropped)
    }

    /// The sentences, or ``InputError/onlyBoilerplate(path:)`` when nothing but boilerplate (and
    /// date lines) is left.
    public static func articleSentences(of source: SourceText) throws -> [Sentence] {
        try articleSentences(of: source, scan: nil)
    }

    /// ``articleSentences(of:)`` with the scan of `source`'s text (`TextScan`) when given.
    static func articleSentences(of source: SourceText, scan: TextScan?) throws -> [Sentence] {
        let result = source.precleaned ?? clean(source, scan: scan).sentences
        guard result.contains(where: { $0.role != .dateline }) else {
            throw InputError.onlyBoilerplate(path: source.path)
        }
        return result
    }

    // MARK: Sentences

    /// Sentence ranges in [b, e), trimmed; pieces without a letter or digit are left out.
    static func split(_ s: [Unicode.Scalar], _ b: Int, _ e: Int) -> [(Int, Int)] {
        var pieces: [(Int, Int)] = []
        var start = b
        var quotes = QuoteState()
        var scanned = b  // quotes has seen s[start..<scanned]
        var i = b
        let t = ScalarClass.table
        while i < e {
            guard ScalarClass.test(s[i], ScalarClass.terminatorBit, t, ScalarClass.isTerminator),
                  endsSentence(s, at: i, from: start, to: e) else {
                i += 1
                continue
            }
            // (a scalar that is no quotation mark changes nothing in `quotes`: only the marks are fed)
            while scanned < i {
                let c = s[scanned]
                if c.value < 0x700 ? t[Int(c.value)] & ScalarClass.quoteBit != 0 : c.value == 0x201C || c.value == 0x201D {
                    quotes.feed(c)
                }
                scanned += 1
            }
            if quotes.closesShortlyAfter(i, in: s, to: e) {
                i += 1
                continue
            }
            var j = i + 1
            while j < e && ScalarClass.isTerminator(s[j]) { j += 1 }
            while j < e && ScalarClass.isCloser(s[j]) { j += 1 }
            var k = j
            while k < e && ScalarClass.isSpaceLike(s[k]) { k += 1 }
            if k < e && [",", "\u{060C}", ";", "\u{061B}"].contains(s[k]) {
                i = j  // "الثاني.، وأكد": a stray stop before a comma
                continue
            }
            pieces.append((start, j))
            start = j
            quotes = QuoteState()
            scanned = j
            i = j
        }
        if start < e { pieces.append((start, e)) }
        return pieces.compactMap { trimSentence(s, $0.0, $0.1) }
    }

    /// Whether the stop at `i` ends a sentence: not a decimal point, not inside a URL or a Latin
    /// abbreviation, not after a one-letter abbreviation ("د.", "أ.ف.ب"), not after a list number.
    static func endsSentence(_ s: [Unicode.Scalar], at i: Int, from start: Int, to e: Int) -> Bool {
        guard s[i] == "." else { return true }
        let prev: Unicode.Scalar? = i > start ? s[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < e ? s[i + 1] : nil
        if let p = prev, let n = next {
            if ScalarClass.isDigit(p) && ScalarClass.isDigit(n) { return false }
            if ScalarClass.isOtherLetter(p) && (ScalarClass.isOtherLetter(n) || ScalarClass.isDigit(n)) { return false }
        }
        if let p = prev, ScalarClass.isLetter(p) {
            let before = i - 2
            if before < start || !(ScalarClass.isLetterOrDigit(s[before]) || ScalarClass.isMark(s[before])) {
                return false
            }
        }
        let head = s[start..<i]
        if head.allSatisfy({ ScalarClass.isDigit($0) || ScalarClass.isSpaceLike($0) || isLeadingJunk($0) }),
           head.contains(where: ScalarClass.isDigit) {
            return false
        }
        return true
    }

    /// The quotation marks opened since the start of the current sentence.
    struct QuoteState {
        var straight = false
        var curly = 0
        var guillemets = 0

        /// How far ahead a quotation may close and still keep its sentences together.
        static let reach = 250

        mutating func feed(_ c: Unicode.Scalar) {
            switch c {
            case "\"": straight.toggle()
            case "\u{201C}": curly += 1
            case "\u{201D}": curly = max(0, curly - 1)
            case "\u{00AB}": guillemets += 1
            case "\u{00BB}": guillemets = max(0, guillemets - 1)
            default: break
            }
        }

        /// Whether the stop at `i` is inside an open quotation that closes within ``reach``
        /// characters (but not right after the stop, where the quotation ends with the sentence):
        /// a short quoted statement of several sentences stays with the verb that introduces it.
        func closesShortlyAfter(_ i: Int, in s: [Unicode.Scalar], to e: Int) -> Bool {
            var closers: Set<Unicode.Scalar> = []
            if straight { closers.insert("\"") }
            if curly > 0 { closers.insert("\u{201D}") }
            if guillemets > 0 { closers.insert("\u{00BB}") }
            guard !closers.isEmpty else { return false }
            var j = i + 1
            while j < e && ScalarClass.isTerminator(s[j]) { j += 1 }
            if j < e && closers.contains(s[j]) { return false }
            let limit = min(e, i + Self.reach)
            return j < limit && s[j..<limit].contains(where: closers.contains)
        }
    }

    /// The range without surrounding space and leading bullets or stray punctuation; nil when no
    /// letter or digit is in it.
    static func trimSentence(_ s: [Unicode.Scalar], _ b: Int, _ e: Int) -> (Int, Int)? {
        var b = b, e = e
        while b < e && (ScalarClass.isSpaceLike(s[b]) || isLeadingJunk(s[b])) { b += 1 }
        while e > b && ScalarClass.isSpaceLike(s[e - 1]) { e -= 1 }
        guard (b..<e).contains(where: { ScalarClass.isLetterOrDigit(s[$0]) }) else { return nil }
        return (b, e)
    }

    /// Bullets, dashes and stray punctuation that cannot start a sentence.
    static func isLeadingJunk(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "\u{2013}", "\u{2014}", "\u{2022}", "\u{00B7}", "*", "\u{25AA}", "\u{25CF}", "\u{25A0}",
             "\u{25C6}", "\u{25BA}", "|", "\u{060C}", ",", ".", ":", ";", "\u{061B}", "_", "\u{00BB}", ">", "~",
             "=", "\u{2026}", "\u{203A}", "\u{2192}", "\u{2190}", "\u{2605}", "\u{2606}", "\u{2713}", "\u{2714}":
            return true
        default:
            return false
        }
    }

    /// The slice as text, with line breaks and tabs shown as spaces (same length).
    static func flattened(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        ScalarClass.flatString(scalars)
    }

    /// ``flattened(_:)`` of the sentences of a text, in text order: a slice without a tab or line break is copied from
    /// the text's own UTF-8 (no encoding, no UTF-8 check), found by a cursor that moves forward only.
    struct TextCursor {
        let scalars: [Unicode.Scalar]
        let text: String
        var offset = 0   // a scalar offset
        var byte = 0     // its UTF-8 offset in `text`

        init(_ source: SourceText) {
            scalars = source.scalars
            text = source.text
        }

        /// The UTF-8 offset of scalar `k` (not before the last asked).
        mutating func byteOffset(_ k: Int) -> Int {
            while offset < k {
                let v = scalars[offset].value
                byte += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                offset += 1
            }
            return byte
        }

        mutating func flattened(_ b: Int, _ e: Int) -> String {
            guard b >= offset else { return Cleaner.flattened(scalars[b..<e]) }
            let start = byteOffset(b)
            // (the slice's bytes counted and its tabs and line breaks looked for in one walk; the cursor stays valid
            // wherever the walk stops)
            while offset < e {
                let v = scalars[offset].value
                if v == 0x09 || (v &- 0x0A < 4) || v == 0x85 || v == 0x2028 || v == 0x2029 { return Cleaner.flattened(scalars[b..<e]) }
                byte += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                offset += 1
            }
            let u = text.utf8
            let i = u.index(u.startIndex, offsetBy: start), j = u.index(u.startIndex, offsetBy: byte)
            return String(text.unicodeScalars[i..<j])
        }
    }
}

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
///    lines, bylines, share bars, view counters, copyright lines, bare links and punctuation-only lines.
///    Headlines are kept. Publication and date-only lines are kept as sentences of their own.
/// 2. Lines broken mid-sentence are joined: a line that does not end in sentence punctuation
///    continues on the next line unless it looks like a headline (the first line of a block, 4–15
///    words, no comma, not ending in a preposition or conjunction, followed by a line that ends a
///    sentence). The line break stays in the slice and reads as a space in `text`.
/// 3. Blocks are split into sentences at `.` `!` `?` `؟` `…` (not inside numbers, URLs or one-letter
///    abbreviations, and not when a comma follows), and at the end of every block. A blank line,
///    a dropped line and a removed marker always end a sentence.
public enum Cleaner {
    public static func sentences(of source: SourceText) -> [Sentence] {
        clean(source).sentences
    }

    /// Same as ``sentences(of:)``, plus a report of what was dropped (scalar offsets and reason),
    /// in text order, for `--verbose`.
    public static func clean(_ source: SourceText) -> (sentences: [Sentence], dropped: [(begin: Int, end: Int, reason: String)]) {
        let scalars = source.scalars
        let analyzer = LineAnalyzer(scalars: scalars)
        let lines = lineRanges(scalars).map { analyzer.analyze(begin: $0.begin, end: $0.end) }
        let dropped = lines.flatMap(\.removed).sorted { $0.begin < $1.begin }

        var sentences: [Sentence] = []
        for block in blocks(lines, scalars) {
            for (b, e) in split(scalars, block.begin, block.end) {
                sentences.append(Sentence(index: sentences.count, begin: b, end: e,
                                          text: flattened(scalars[b..<e]),
                                          tokens: Tokenizer.tokenize(scalars, begin: b, end: e),
                                          role: block.role))
            }
        }
        return (sentences, dropped)
    }

    /// The sentences, or ``InputError/onlyBoilerplate(path:)`` when nothing but boilerplate (and
    /// date lines) is left.
    public static func articleSentences(of source: SourceText) throws -> [Sentence] {
        let result = sentences(of: source)
        guard result.contains(where: { $0.role != .dateline }) else {
            throw InputError.onlyBoilerplate(path: source.path)
        }
        return result
    }

    // MARK: Lines

    /// Lines without their terminators; CRLF counts as one line end.
    static func lineRanges(_ s: [Unicode.Scalar]) -> [(begin: Int, end: Int)] {
        var lines: [(begin: Int, end: Int)] = []
        var start = 0
        var i = 0
        while i < s.count {
            if ScalarClass.isLineBreak(s[i]) {
                lines.append((start, i))
                if s[i] == "\r" && i + 1 < s.count && s[i + 1] == "\n" { i += 1 }
                i += 1
                start = i
            } else {
                i += 1
            }
        }
        if start < s.count { lines.append((start, s.count)) }
        return lines
    }

    // MARK: Blocks (lines joined)

    struct Block {
        var begin: Int
        var end: Int
        var lines: [Int]
        var role: Sentence.Role
    }

    /// Runs of text that may form sentences: joined lines, cut at blank and dropped lines, at
    /// removed markers, after date lines and after headline-like lines.
    static func blocks(_ lines: [AnalyzedLine], _ s: [Unicode.Scalar]) -> [Block] {
        var blocks: [Block] = []
        var open: Block?
        func close() {
            if let b = open { blocks.append(b) }
            open = nil
        }
        for (index, line) in lines.enumerated() {
            if line.isBlank || line.isDropped {
                close()
                continue
            }
            for (k, segment) in line.segments.enumerated() {
                if k == 0, var block = open, continues(block, into: index, lines) {
                    block.end = segment.end
                    block.lines.append(index)
                    open = block
                } else {
                    close()
                    open = Block(begin: segment.begin, end: segment.end, lines: [index],
                                 role: line.isDateline ? .dateline : .body)
                }
            }
            if line.isDateline || line.endsBeforeRemoval { close() }
        }
        close()

        // A one-line block without any sentence punctuation, followed by more text, is a heading.
        for i in blocks.indices where i < blocks.count - 1 && blocks[i].role == .body && blocks[i].lines.count == 1 {
            let line = lines[blocks[i].lines[0]]
            if line.segments.count == 1 && !line.tokens.contains(where: isStop) && line.wordCount <= 20 {
                blocks[i].role = .heading
            }
        }
        return blocks
    }

    private static func isStop(_ t: Token) -> Bool {
        t.kind == .punctuation && t.text.unicodeScalars.first.map(ScalarClass.isTerminator) == true
    }

    /// Whether line `index` continues the sentence left open at the end of `block`.
    static func continues(_ block: Block, into index: Int, _ lines: [AnalyzedLine]) -> Bool {
        let previous = lines[block.lines[block.lines.count - 1]]
        let next = lines[index]
        guard block.role == .body, !next.isDateline, !previous.endsBeforeRemoval, !next.startsAfterRemoval,
              let last = previous.tokens.last(where: { !isCloserToken($0) }), let first = next.tokens.first else {
            return false
        }
        if isStop(last) { return false }
        if last.kind == .punctuation, let c = last.text.unicodeScalars.first, ScalarClass.isContinuationMark(c) {
            return true
        }
        if first.kind == .punctuation, let c = first.text.unicodeScalars.first,
           ScalarClass.isCloser(c) || [",", "\u{060C}", ";", "\u{061B}", ":", "."].contains(c) {
            return true
        }
        if first.kind == .latin, let c = first.text.unicodeScalars.first, c.properties.isLowercase { return true }
        if let lastWord = previous.tokens.last(where: \.isWordLike),
           BoilerplateRules.continuationWords.contains(lastWord.norm)
            || (lastWord.kind == .word && lastWord.norm.unicodeScalars.count == 1) {
            return true
        }
        // Only the first line of a block can be a headline; later lines are already continuations.
        if block.lines.count > 1 { return true }
        if hasClausePunctuation(previous.tokens) || !isBalanced(previous.tokens) { return true }
        let words = previous.wordCount
        if words <= 3 || words > 15 { return true }
        // A wrapped block: the next line does not end a sentence either and more text follows it.
        let nextEnds = next.tokens.last(where: { !isCloserToken($0) }).map(isStop) ?? false
        if !nextEnds && next.wordCount <= 15, index + 1 < lines.count,
           !lines[index + 1].isBlank, !lines[index + 1].isDropped {
            return true
        }
        return false
    }

    private static func isCloserToken(_ t: Token) -> Bool {
        t.kind == .punctuation && t.text.unicodeScalars.first.map(ScalarClass.isCloser) == true
    }

    private static func hasClausePunctuation(_ tokens: [Token]) -> Bool {
        tokens.contains { $0.kind == .punctuation && [",", "\u{060C}", ";", "\u{061B}"].contains($0.text) }
    }

    /// Brackets and quotes all closed on the line.
    private static func isBalanced(_ tokens: [Token]) -> Bool {
        var depth = 0, guillemets = 0, curly = 0, straight = 0
        for t in tokens where t.kind == .punctuation {
            switch t.text {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "\u{00AB}": guillemets += 1
            case "\u{00BB}": guillemets -= 1
            case "\u{201C}": curly += 1
            case "\u{201D}": curly -= 1
            case "\"": straight += 1
            default: break
            }
        }
        return depth <= 0 && guillemets <= 0 && curly <= 0 && straight % 2 == 0
    }

    // MARK: Sentences

    /// Sentence ranges in [b, e), trimmed; pieces without a letter or digit are left out.
    static func split(_ s: [Unicode.Scalar], _ b: Int, _ e: Int) -> [(Int, Int)] {
        var pieces: [(Int, Int)] = []
        var start = b
        var quotes = QuoteState()
        var scanned = b  // quotes has seen s[start..<scanned]
        var i = b
        while i < e {
            guard ScalarClass.isTerminator(s[i]), endsSentence(s, at: i, from: start, to: e) else {
                i += 1
                continue
            }
            while scanned < i { quotes.feed(s[scanned]); scanned += 1 }
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
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.lazy.map { c in
            c == "\t" || ScalarClass.isLineBreak(c) ? " " : c
        })
        return String(view)
    }
}

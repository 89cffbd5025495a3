/// One physical line of the input as the cleaner sees it.
struct AnalyzedLine {
    /// The line without its terminator.
    let begin: Int
    let end: Int
    /// Pieces of real text, trimmed, in order. Empty for blank and dropped lines.
    var segments: [(begin: Int, end: Int)] = []
    /// What was removed from this line (a whole dropped line is one span).
    var removed: [(begin: Int, end: Int, reason: String)] = []
    /// Word, number and punctuation tokens of the segments.
    var tokens: [Token] = []
    var isBlank = false
    /// Publication line or date line: a sentence of its own.
    var isDateline = false
    /// The first segment starts after removed text (a notice or marker glued before it).
    var startsAfterRemoval = false
    /// The last segment ends before removed text.
    var endsBeforeRemoval = false

    /// A line of one or two words and no punctuation (a menu item, if it has company).
    var isShortLabel = false
    /// A "related news" header: the title-like lines under it are links.
    var isRelatedHeader = false
    /// A photo caption whose credit was cut off: it stands as a sentence of its own.
    var isCaption = false

    var isDropped: Bool { !isBlank && segments.isEmpty }
    var wordCount: Int { tokens.lazy.filter(\.isWordLike).count }

    /// Drops the whole line for `reason`.
    mutating func drop(_ reason: String) {
        guard let first = segments.first, let last = segments.last else { return }
        let begin = min(first.begin, removed.first?.begin ?? first.begin)
        let end = max(last.end, removed.last?.end ?? last.end)
        segments = []
        tokens = []
        isDateline = false
        removed = [(begin, end, reason)]
    }
}

/// Decides, line by line, what is boilerplate. See ``BoilerplateRules`` for the word lists.
struct LineAnalyzer {
    let scalars: [Unicode.Scalar]
    /// Whether the document is mostly Arabic: then a line of only Latin words is page furniture.
    var arabicDocument = true

    private static let wholeLines: [(reason: String, words: [[String]])] =
        BoilerplateRules.wholeLines.map { ($0.reason, $0.phrases.map(BoilerplateRules.words)) }
    private static let strippable: [(reason: String, words: [[String]])] =
        BoilerplateRules.strippablePrefixes.map { ($0.reason, $0.phrases.map(BoilerplateRules.words)) }
    private static let dropping: [(reason: String, follow: BoilerplateRules.Follow, maxWords: Int, words: [[String]])] =
        BoilerplateRules.droppingPrefixes.map { ($0.reason, $0.follow, $0.maxWords, $0.phrases.map(BoilerplateRules.words)) }
    /// The first words of the whole-line and dropping phrases (`boilerplate` skips their rules for a line starting otherwise).
    private static let phraseFirstWords: Set<NormKey> =
        Set((wholeLines.flatMap(\.words) + dropping.flatMap(\.words)).compactMap { $0.first.map(NormKey.init) })
    static let datelines: [[String]] = BoilerplateRules.datelinePrefixes.map(BoilerplateRules.words)
    private static let noticeOpeners: [[String]] = BoilerplateRules.noticeOpeners.map(BoilerplateRules.words)
    /// The first words of the strippable phrases and notice openers (`leadingNotice` needs one to start the line).
    private static let noticeFirstWords: Set<NormKey> =
        Set((strippable.flatMap(\.words) + noticeOpeners).compactMap { $0.first.map(NormKey.init) })
    private static let noticePredicates: [[String]] = BoilerplateRules.noticePredicates.map(BoilerplateRules.words)
    static let credits: [[String]] = BoilerplateRules.photoCredits.map(BoilerplateRules.words)
    private static let captionOpeners: [[String]] = BoilerplateRules.captionOpeners.map(BoilerplateRules.words)
    /// The first words of the caption openers (`isCaption` needs one to start the line).
    private static let captionFirstWords: Set<NormKey> = Set(captionOpeners.compactMap { $0.first.map(NormKey.init) })

    private static let relatedReason = "related-news link"

    /// How far into a line a notice or skip link is looked for.
    private static let noticeWindow = 400

    /// Separators that may follow a label ("الوسوم:", "كتب -", "المصدر |").
    private static let separators: Set<String> = [":", "-", "\u{2013}", "\u{2014}", "|", "/", "\u{00BB}", ">", "_"]
    private static let breadcrumbSeparators: Set<String> = ["\u{00BB}", "\u{203A}", ">", "|", "/", "\\", "\u{2022}",
                                                            "\u{00B7}", "\u{2192}", "\u{2190}", "\u{00AB}", "\u{2039}", "<"]
    private static let homeWords: Set<String> = BoilerplateRules.normalizedSet(["الرئيسية", "الصفحة الرئيسية", "home"])

    func analyze(begin: Int, end: Int) -> AnalyzedLine {
        var line = AnalyzedLine(begin: begin, end: end)
        guard let (cb, ce) = trim(begin, end) else {
            line.isBlank = true
            return line
        }
        if ce - cb <= 40 {
            let kinds = Tokenizer.kinds(scalars, begin: cb, end: ce, limit: 3)
            line.isShortLabel = (1...2).contains(kinds.count) && kinds.allSatisfy { $0 != .punctuation }
        }
        // 1. Markup markers ([ad_1], [caption …], <br>) split the line; they are never text.
        var removed = markers(cb, ce)
        var segments = complement(of: removed, in: cb, ce)
        guard !segments.isEmpty else {
            return dropWhole(line, cb, ce, removed.isEmpty ? "punctuation only" : "markup marker")
        }
        // 2. Notices and skip links glued to the start of the line.
        while let first = segments.first, let (cut, reason) = leadingNotice(first.begin, first.end) {
            removed.append((first.begin, cut, reason))
            if let rest = trimText(cut, first.end) {
                segments[0] = rest
            } else {
                segments.removeFirst()
            }
            if segments.isEmpty { return dropWhole(line, cb, ce, reason) }
        }
        // 3. The remaining text, judged as a whole; a photo credit at the end of a caption is cut off.
        // (one segment, most lines: its tokens as they are, not copied by `flatMap`)
        var tokens = segments.count == 1 ? Tokenizer.tokenize(scalars, begin: segments[0].begin, end: segments[0].end)
            : segments.flatMap { Tokenizer.tokenize(scalars, begin: $0.begin, end: $0.end) }
        if let k = captionCredit(tokens), let last = segments.last, let kept = trim(last.begin, tokens[k].begin) {
            removed.append((tokens[k].begin, last.end, "photo credit"))
            segments[segments.count - 1] = (kept.0, kept.1)
            tokens = Array(tokens[..<k])
            line.isCaption = true
        }
        if let reason = boilerplate(tokens) {
            var dropped = dropWhole(line, cb, ce, reason)
            dropped.isRelatedHeader = reason == Self.relatedReason
                && Self.wholeLines.contains { $0.reason == reason && $0.words.contains(tokens.filter(\.isWordLike).map(\.norm)) }
            return dropped
        }

        line.segments = segments
        line.removed = removed.sorted { $0.begin < $1.begin }
        line.tokens = tokens
        line.isDateline = isDateline(tokens)
        line.startsAfterRemoval = removed.contains { $0.begin == cb }
        line.endsBeforeRemoval = removed.contains { $0.end == ce }
        return line
    }

    private func dropWhole(_ line: AnalyzedLine, _ cb: Int, _ ce: Int, _ reason: String) -> AnalyzedLine {
        var line = line
        line.segments = []
        line.removed = [(cb, ce, reason)]
        return line
    }

    // MARK: Trimming

    /// The range without surrounding whitespace, or nil when nothing readable is left.
    func trim(_ b: Int, _ e: Int) -> (Int, Int)? {
        var b = b, e = e
        while b < e && ScalarClass.isSpaceLike(scalars[b]) { b += 1 }
        while e > b && ScalarClass.isSpaceLike(scalars[e - 1]) { e -= 1 }
        return b < e ? (b, e) : nil
    }

    /// Like `trim`, but also drops leading separators left behind by a removal, and requires a
    /// letter or digit in what is left.
    func trimText(_ b: Int, _ e: Int) -> (begin: Int, end: Int)? {
        var b = b
        while b < e && (ScalarClass.isSpaceLike(scalars[b]) || Cleaner.isLeadingJunk(scalars[b])) { b += 1 }
        guard let (tb, te) = trim(b, e), (tb..<te).contains(where: { ScalarClass.isLetterOrDigit(scalars[$0]) }) else {
            return nil
        }
        return (tb, te)
    }

    // MARK: Markers

    /// `[ad_1]`, `[/caption]`, `[embed …]`, `<br>`, `</p>`: a bracket whose content starts with an
    /// ASCII letter (or `/` and one), has no Arabic, and is at most 80 characters long.
    func markers(_ b: Int, _ e: Int) -> [(begin: Int, end: Int, reason: String)] {
        var found: [(begin: Int, end: Int, reason: String)] = []
        var i = b
        while i < e {
            let open = scalars[i]
            guard open == "[" || open == "<" else { i += 1; continue }
            let close: Unicode.Scalar = open == "[" ? "]" : ">"
            var j = i + 1
            if j < e && scalars[j] == "/" { j += 1 }
            guard j < e, scalars[j].isASCII, ScalarClass.isOtherLetter(scalars[j]) else { i += 1; continue }
            var k = j
            while k < e && k - i <= 80 && scalars[k] != close && scalars[k] != open
                    && !ScalarClass.isArabicBlock(scalars[k]) && !ScalarClass.isLineBreak(scalars[k]) {
                k += 1
            }
            if k < e && scalars[k] == close {
                found.append((i, k + 1, "markup marker"))
                i = k + 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// The parts of [b, e) outside `removed`, trimmed, each with a letter or digit.
    private func complement(of removed: [(begin: Int, end: Int, reason: String)], in b: Int, _ e: Int)
        -> [(begin: Int, end: Int)] {
        var pieces: [(begin: Int, end: Int)] = []
        var start = b
        for r in removed.sorted(by: { $0.begin < $1.begin }) {
            if let piece = trimText(start, r.begin) { pieces.append(piece) }
            start = r.end
        }
        if let piece = trimText(start, e) { pieces.append(piece) }
        return pieces
    }

    // MARK: Notices at the start of a line

    /// A skip link, or a short "page not available" sentence, at the start of [b, e): where it ends
    /// (after its full stop and following punctuation) and why it goes.
    private func leadingNotice(_ b: Int, _ e: Int) -> (Int, String)? {
        // A notice is short: look at the start of the line only.
        let window = min(e, b + Self.noticeWindow)
        // Every rule starts with a given word: look at the first word alone first (tokenized from a short
        // probe; a token ending more than one scalar before the probe's end is the one the window gives).
        let probeEnd = min(window, b + 48)
        if let first = Tokenizer.firstWordLike(scalars, begin: b, end: probeEnd) {
            if first.end + 1 < probeEnd, !Self.noticeFirstWords.contains(NormKey(first.norm)) { return nil }
        } else if probeEnd == window {
            return nil   // no word at all
        }
        let tokens = Tokenizer.tokenize(scalars, begin: b, end: window)
        let words = tokens.filter(\.isWordLike)
        for rule in Self.strippable {
            for phrase in rule.words where startsWith(words, phrase) {
                return (afterPunctuation(words[phrase.count - 1].end, e), rule.reason)
            }
        }
        // A notice sentence: up to the first sentence end, at most 18 words.
        guard Self.noticeOpeners.contains(where: { startsWith(words, $0) }) else { return nil }
        var sentenceEnd: Int?
        var count = 0
        for t in tokens {
            if t.isWordLike { count += 1 }
            if t.kind == .punctuation, let s = t.text.unicodeScalars.first, ScalarClass.isTerminator(s) {
                sentenceEnd = t.end
                break
            }
            if count > 18 { return nil }
        }
        // Without a full stop the notice is the whole line, which must then fit in the window.
        guard let sentenceEnd = sentenceEnd ?? (window == e ? e : nil) else { return nil }
        let sentenceWords = words.filter { $0.end <= sentenceEnd }.map(\.norm)
        guard sentenceWords.count <= 18,
              Self.noticePredicates.contains(where: { contains(sentenceWords, $0) }) else { return nil }
        return (afterPunctuation(sentenceEnd, e), "page-not-available notice")
    }

    /// Skips punctuation (not opening quotes or brackets) and spaces after `i`.
    private func afterPunctuation(_ i: Int, _ e: Int) -> Int {
        var j = i
        while j < e, ScalarClass.isSpaceLike(scalars[j]) || ScalarClass.isTerminator(scalars[j])
                || Cleaner.isLeadingJunk(scalars[j]) {
            j += 1
        }
        return j
    }

    // MARK: Whole-line judgement

    /// Why the line (its tokens) is boilerplate, or nil when it is text.
    func boilerplate(_ tokens: [Token]) -> String? {
        // (the words counted, and the first found, before any array is made)
        let (wordCount, firstWord) = Self.words(tokens)
        if wordCount == 0 { return "punctuation only" }
        // (a whole-line phrase equals the line's words, a dropping one starts them: either has its first word)
        let phraseRules = Self.phraseFirstWords.contains(NormKey(tokens[firstWord].norm))
        // A line of more than 40 words that starts no phrase (running text) can only be a tag line, a breadcrumb or a
        // link: every other test below needs 40 words or fewer (the counter 4, the copyright line 25, the Latin label 8,
        // the caption 40) or a phrase rule.
        if !phraseRules && wordCount > 40 {
            if isHashtagLine(tokens) { return "tag line" }
            if isBreadcrumb(tokens) { return "navigation" }
            if isLink(tokens) { return "link" }
            return nil
        }
        // (a line without punctuation is its own list of words: shared, not copied)
        let words = wordCount == tokens.count ? tokens : tokens.wordLike(count: wordCount)
        // (the words' norms made only for a line that may be a phrase)
        if phraseRules {
            let norms = words.map(\.norm)
            for rule in Self.wholeLines where rule.words.contains(norms) { return rule.reason }
        }
        for rule in Self.dropping where phraseRules && words.count <= rule.maxWords {
            for phrase in rule.words where startsWith(words, phrase) {
                switch rule.follow {
                case .anything:
                    return rule.reason
                case .bareWords:
                    if !tokens.contains(where: { $0.kind == .punctuation }) { return rule.reason }
                case .separator:
                    if let next = tokens.first(where: { $0.begin >= words[phrase.count - 1].end }),
                       next.kind == .punctuation, Self.separators.contains(next.text) {
                        return rule.reason
                    }
                }
            }
        }
        if isHashtagLine(tokens) { return "tag line" }
        if isBreadcrumb(tokens) { return "navigation" }
        if isCounter(words) { return "page metadata" }
        if words.count <= 25 && tokens.hasMark("\u{00A9}") { return "copyright line" }
        if isLink(tokens) { return "link" }
        if arabicDocument, words.count <= 8, words.hasKind(.latin), !words.hasKind(.word), !tokens.hasStop() {
            return "non-Arabic page label"
        }
        if isCaption(tokens, words) { return "photo caption" }
        return nil
    }

    /// The number of word-like tokens and the index of the first (-1 when none), read in place (a `for` loop over
    /// the tokens copied each, two strings).
    @inline(__always)
    static func words(_ tokens: [Token]) -> (count: Int, first: Int) {
        var count = 0, first = -1
        for i in tokens.indices where tokens[i].kind != .punctuation {
            if first < 0 { first = i }
            count += 1
        }
        return (count, first)
    }

    private func isHashtagLine(_ tokens: [Token]) -> Bool {
        var sawTag = false
        for i in tokens.indices where tokens[i].isWordLike {
            guard i > 0, tokens[i - 1].text.isMark("#") || tokens[i - 1].text.isMark("_") || tokens[i - 1].isWordLike
                    && tokens[i - 1].end == tokens[i].begin else { return false }
            if tokens[i - 1].text.isMark("#") { sawTag = true }
        }
        return sawTag
    }

    /// "الرئيسية » أخبار » سياسة": three or more short items between separators.
    private func isBreadcrumb(_ tokens: [Token]) -> Bool {
        var items: [Int] = [0]
        // (the tokens read in place; an item of more than three words makes no breadcrumb, whatever follows: running
        // text is out after its first four words)
        for i in tokens.indices {
            if tokens[i].kind == .punctuation && Self.breadcrumbSeparators.contains(tokens[i].text) {
                if items.last != 0 { items.append(0) }
            } else if tokens[i].isWordLike {
                items[items.count - 1] += 1
                if items[items.count - 1] > 3 { return false }
            } else if let s = tokens[i].text.unicodeScalars.first, ScalarClass.isTerminator(s) {
                return false
            }
        }
        items = items.filter { $0 > 0 }
        guard items.count >= 2, items.allSatisfy({ $0 <= 3 }),
              tokens.contains(where: { $0.kind == .word || $0.kind == .latin }) else { return false }
        let startsHome = tokens.first(where: \.isWordLike).map { Self.homeWords.contains($0.norm) } ?? false
        let average = Double(items.reduce(0, +)) / Double(items.count)
        return startsHome || (items.count >= 3 && average <= 2)
    }

    /// "۱۹۱مشاهدات", "3 دقائق قراءة".
    private func isCounter(_ words: [Token]) -> Bool {
        guard (2...4).contains(words.count), words.contains(where: { $0.kind == .number }),
              words.contains(where: { $0.kind != .number }) else { return false }
        return words.allSatisfy { $0.kind == .number || BoilerplateRules.counterWords.contains($0.norm) }
    }

    /// A bare address: "https://…", "www.…".
    private func isLink(_ tokens: [Token]) -> Bool {
        guard let first = tokens.first, first.kind == .latin else { return false }
        let hasScheme = ["http", "https", "www"].contains(first.norm)
        let hasSpace = zip(tokens, tokens.dropFirst()).contains { a, b in
            (a.end..<b.begin).contains { ScalarClass.isSpaceLike(scalars[$0]) }
        }
        return hasScheme && !hasSpace
    }

    /// A photo caption that opens with "صورة:" / "صورة أرشيفية": dropped whole.
    private func isCaption(_ tokens: [Token], _ words: [Token]) -> Bool {
        guard words.count <= 40 else { return false }
        // (every opener starts with a given word: a line starting otherwise is compared with none)
        guard let first = words.first, Self.captionFirstWords.contains(NormKey(first.norm)) else { return false }
        for opener in Self.captionOpeners where startsWith(words, opener) {
            let after = tokens.first { $0.begin >= words[opener.count - 1].end }
            if let after, after.kind == .punctuation, Self.separators.contains(after.text) { return true }
            if opener.count >= 2 { return true }
        }
        return false
    }
}

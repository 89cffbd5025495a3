/// The line-level half of the cleaner: which lines go together, which are page furniture that
/// only their neighbours give away (menus, related-news lists), and where headlines stand alone.
extension Cleaner {
    // MARK: Lines

    /// Lines without their terminators; CRLF counts as one line end.
    static func lineRanges(_ s: [Unicode.Scalar]) -> [(begin: Int, end: Int)] {
        var lines: [(begin: Int, end: Int)] = []
        var start = 0
        var i = 0
        let t = ScalarClass.table
        while i < s.count {
            if ScalarClass.test(s[i], ScalarClass.lineBreakBit, t, ScalarClass.isLineBreak) {
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

    /// Whether the letters of the text are mostly Arabic (then Latin-only labels are furniture).
    static func isMostlyArabic(_ s: [Unicode.Scalar]) -> Bool {
        var arabic = 0, other = 0
        let t = ScalarClass.table
        s.withUnsafeBufferPointer { p in
            for c in p {
                if ScalarClass.test(c, ScalarClass.arabicLetterBit, t, ScalarClass.isArabicLetter) {
                    arabic += 1
                } else if ScalarClass.test(c, ScalarClass.otherLetterBit, t, ScalarClass.isOtherLetter) {
                    other += 1
                }
            }
        }
        return arabic > other
    }

    // MARK: Page furniture seen across lines

    /// Two or more short labels in a row (one or two words, no punctuation, blank lines between
    /// allowed) are a menu: "الرئيسية / أخبار / سياسة", "حفظ / استمع / شارك".
    static func dropMenus(_ lines: inout [AnalyzedLine], _ s: [Unicode.Scalar]) {
        var i = 0
        while i < lines.count {
            guard lines[i].isShortLabel else { i += 1; continue }
            var members = [i]
            var j = i + 1
            while j < lines.count && (lines[j].isBlank || lines[j].isShortLabel) {
                if lines[j].isShortLabel { members.append(j) }
                j += 1
            }
            if members.count >= 2 {
                for m in members where !lines[m].isDropped && !lines[m].isDateline {
                    lines[m].drop("navigation menu")
                }
            }
            i = j
        }
    }

    /// After a "related news" header ("اقرأ أيضا", "أخبار ذات صلة"), the title-like lines that follow
    /// are links to other articles.
    static func dropRelatedLists(_ lines: inout [AnalyzedLine]) {
        for i in lines.indices where lines[i].isRelatedHeader {
            var j = i + 1
            while j < lines.count {
                if lines[j].isBlank || lines[j].isDropped { j += 1; continue }
                guard !lines[j].isDateline, isTitleLike(lines[j]) else { break }
                lines[j].drop("related-news link")
                j += 1
            }
        }
    }

    /// A line that reads like a title: one piece, 1–15 words, no comma, brackets and quotes
    /// closed, not ending in sentence punctuation, a continuation mark or a function word.
    static func isTitleLike(_ line: AnalyzedLine) -> Bool {
        guard line.segments.count == 1, (1...15).contains(line.wordCount), !hasClausePunctuation(line.tokens),
              isBalanced(line.tokens), let last = line.tokens.last(where: { !isCloserToken($0) }) else {
            return false
        }
        if isStop(last) { return false }
        if last.kind == .punctuation, let c = last.text.unicodeScalars.first, ScalarClass.isContinuationMark(c) {
            return false
        }
        if let word = line.tokens.last(where: \.isWordLike), BoilerplateRules.continuationWords.contains(word.norm) {
            return false
        }
        return true
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
            if line.segments.count == 1 && !line.tokens.hasStop() && line.wordCount <= 20 {
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
        if let firstWord = next.tokens.first(where: \.isWordLike), BoilerplateRules.nonInitialWords.contains(firstWord.norm) {
            return true
        }
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
}

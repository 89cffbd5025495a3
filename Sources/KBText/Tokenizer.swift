/// A token: Arabic word, Latin (or other non-Arabic) word, number, or single punctuation mark.
///
/// `begin`/`end` are offsets into ``SourceText/scalars``; `text` is the exact slice there (diacritics
/// and tatweel kept) and `norm` is `ArabicNormalizer.normalize(text)`.
public struct Token: Sendable, Equatable {
    public let text: String
    public let norm: String
    public let begin: Int
    public let end: Int
    public let kind: Kind

    public enum Kind: String, Sendable, Hashable {
        case word, number, punctuation, latin
    }

    public init(text: String, norm: String, begin: Int, end: Int, kind: Kind) {
        self.text = text
        self.norm = norm
        self.begin = begin
        self.end = end
        self.kind = kind
    }

    /// A word, a Latin word or a number: something that can be part of a name or a date.
    public var isWordLike: Bool { kind != .punctuation }
}

public enum Tokenizer {
    /// Splits `scalars[begin..<end]` into tokens.
    ///
    /// - An Arabic word is a run of Arabic letters with their diacritics and tatweel (a zero-width
    ///   joiner or non-joiner between two letters stays inside). Runs of tatweel alone are skipped.
    /// - A number is a run of digits of any script, with `.` `,` `٫` `٬` kept between two digits
    ///   (`2.5`, `1,500`). A number glued to a word is split from it (`2024م` → `2024`, `م`).
    /// - A Latin token is a run of non-Arabic letters, marks and ASCII digits, with an apostrophe
    ///   kept between two letters (`d'Ivoire`).
    /// - Any other visible character is one punctuation token. Whitespace, controls, bidi and
    ///   zero-width characters outside words are skipped.
    public static func tokenize(_ scalars: [Unicode.Scalar], begin: Int, end: Int) -> [Token] {
        var tokens: [Token] = []
        // (room for a token every four scalars, about what Arabic text has: few regrowths; the array lives as long as
        // the line it is of)
        tokens.reserveCapacity(max(0, min(end, scalars.count) - max(0, begin)) / 4 + 4)
        TokenTexts.withTable { table in
            scan(scalars, begin: begin, end: end) { b, e, kind in
                let (text, norm) = TokenTexts.texts(table, scalars, b, e, kind)
                tokens.append(Token(text: text, norm: norm, begin: b, end: e, kind: kind))
                return true
            }
        }
        return tokens
    }

    /// The first token of `tokenize(scalars, begin:end:)` that is not punctuation (only its text is built).
    static func firstWordLike(_ scalars: [Unicode.Scalar], begin: Int, end: Int) -> Token? {
        var found: Token?
        scan(scalars, begin: begin, end: end) { b, e, kind in
            guard kind != .punctuation else { return true }
            found = token(scalars, b, e, kind)
            return false
        }
        return found
    }

    /// The kinds of the tokens of `tokenize(scalars, begin:end:)`, at most `limit` of them (no text built).
    static func kinds(_ scalars: [Unicode.Scalar], begin: Int, end: Int, limit: Int) -> [Token.Kind] {
        var kinds: [Token.Kind] = []
        scan(scalars, begin: begin, end: end) { _, _, kind in
            kinds.append(kind)
            return kinds.count < limit
        }
        return kinds
    }

    @inline(__always)
    private static func token(_ scalars: [Unicode.Scalar], _ b: Int, _ e: Int, _ kind: Token.Kind) -> Token {
        // (a short token's strings remembered per thread by its bytes: TokenTexts.swift)
        let (text, norm) = TokenTexts.texts(scalars, b, e, kind)
        return Token(text: text, norm: norm, begin: b, end: e, kind: kind)
    }

    /// The token ranges and kinds of `scalars[begin..<end]` in order, given to `found` until it answers false.
    @inline(__always)
    private static func scan(_ scalars: [Unicode.Scalar], begin: Int, end: Int,
                             _ found: (Int, Int, Token.Kind) -> Bool) {
        let start = max(0, begin)
        let stop = min(end, scalars.count)
        var i = start
        // (the classes of the scalars below U+0700 read from `ScalarClass.table`, made from the same functions)
        let t = ScalarClass.table
        @inline(__always) func space(_ c: Unicode.Scalar) -> Bool { ScalarClass.test(c, ScalarClass.spaceLikeBit, t, ScalarClass.isSpaceLike) }
        @inline(__always) func mark(_ c: Unicode.Scalar) -> Bool { ScalarClass.test(c, ScalarClass.markBit, t, ScalarClass.isMark) }
        @inline(__always) func arabic(_ c: Unicode.Scalar) -> Bool { ScalarClass.test(c, ScalarClass.arabicLetterBit, t, ScalarClass.isArabicLetter) }
        @inline(__always) func digit(_ c: Unicode.Scalar) -> Bool { ScalarClass.test(c, ScalarClass.digitBit, t, ScalarClass.isDigit) }
        @inline(__always) func other(_ c: Unicode.Scalar) -> Bool { ScalarClass.test(c, ScalarClass.otherLetterBit, t, ScalarClass.isOtherLetter) }

        while i < stop {
            let c = scalars[i]
            if space(c) || mark(c) {
                i += 1
            } else if arabic(c) {
                var j = i + 1
                var hasLetter = c.value != 0x0640
                while j < stop {
                    let d = scalars[j]
                    if arabic(d) || mark(d) {
                        if d.value != 0x0640 && !mark(d) { hasLetter = true }
                        j += 1
                    } else if (d == "\u{200C}" || d == "\u{200D}") && j + 1 < stop
                                && arabic(scalars[j + 1]) {
                        j += 1
                    } else {
                        break
                    }
                }
                if hasLetter { guard found(i, j, .word) else { return } }
                i = j
            } else if digit(c) {
                var j = i + 1
                while j < stop {
                    let d = scalars[j]
                    if digit(d) {
                        j += 1
                    } else if d == "." || d == "," || d == "\u{066B}" || d == "\u{066C}", j + 1 < stop,
                              digit(scalars[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                }
                guard found(i, j, .number) else { return }
                i = j
            } else if other(c) {
                var j = i + 1
                while j < stop {
                    let d = scalars[j]
                    if other(d) || mark(d) || (d.isASCII && digit(d)) {
                        j += 1
                    } else if (d == "'" || d == "\u{2019}") && j + 1 < stop && other(scalars[j + 1]) {
                        j += 1
                    } else {
                        break
                    }
                }
                guard found(i, j, .latin) else { return }
                i = j
            } else {
                guard found(i, i + 1, .punctuation) else { return }
                i += 1
            }
        }
    }
}

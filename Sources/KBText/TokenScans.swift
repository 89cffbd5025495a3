/// Tests over a line's tokens that read each token in place: a closure given the array's elements (`contains(where:)`,
/// `filter`, `last(where:)`) gets every token copied, its two strings retained and released.
extension Array where Element == Token {
    /// Whether some token is a sentence stop: punctuation whose first scalar ``ScalarClass/isTerminator(_:)``.
    func hasStop() -> Bool {
        for i in indices where self[i].kind == .punctuation {
            if let c = self[i].text.unicodeScalars.first, ScalarClass.isTerminator(c) { return true }
        }
        return false
    }

    /// Whether some token's text is `mark`, a scalar that is no letter, digit, mark or space (the tokenizer makes a
    /// punctuation token of it, and of it alone): only punctuation tokens are looked at.
    func hasMark(_ mark: StaticString) -> Bool {
        for i in indices where self[i].kind == .punctuation && self[i].text.isMark(mark) { return true }
        return false
    }

    /// `filter(\.isWordLike)` given the number of such tokens (one array of that size, no regrowth).
    func wordLike(count: Int) -> [Token] {
        var words: [Token] = []
        words.reserveCapacity(count)
        for i in indices where self[i].kind != .punctuation { words.append(self[i]) }
        return words
    }

    /// Whether some token is of `kind`.
    func hasKind(_ kind: Token.Kind) -> Bool {
        for i in indices where self[i].kind == kind { return true }
        return false
    }
}

/// The caption credit, date-line and word-sequence tests of ``LineAnalyzer`` (moved out of LineAnalyzer.swift).
extension LineAnalyzer {
    /// A photo credit closing a caption line without a full stop, "… ( فيس بوك)" or "… - أرشيفية":
    /// the index of the credit's first token. The caption itself is kept (it often states a fact,
    /// "الرئيس X يستقبل Y"); only the credit is removed.
    func captionCredit(_ tokens: [Token]) -> Int? {
        // (the words counted, not copied)
        guard Self.words(tokens).count <= 40, let last = tokens.last else { return nil }
        guard !tokens.hasStop() else { return nil }
        if last.text.isMark(")") || last.text.isMark("\u{FD3F}") {
            guard let open = tokens.lastIndex(where: { $0.text.isMark("(") || $0.text.isMark("\u{FD3E}") }) else { return nil }
            let inside = tokens[open...].filter(\.isWordLike).map(\.norm)
            let before = tokens[..<open].filter(\.isWordLike).count
            return before >= 2 && inside.count <= 5 && Self.credits.contains { contains(inside, $0) } ? open : nil
        }
        if let dash = tokens.lastIndex(where: { t in t.text.isMark("-") || t.text.isMark("\u{2013}") || t.text.isMark("\u{2014}") || t.text.isMark("|") }) {
            let after = tokens[(dash + 1)...].filter(\.isWordLike).map(\.norm)
            let before = tokens[..<dash].filter(\.isWordLike).count
            let isCredit = before >= 2 && (1...4).contains(after.count)
                && Self.credits.contains { $0 == after || (after.count <= 2 && contains(after, $0)) }
            return isCredit ? dash : nil
        }
        return nil
    }

    // MARK: Date lines

    /// A publication line ("تاريخ النشر: …") or a line of only a date ("الثلاثاء 7 أغسطس 2018").
    func isDateline(_ tokens: [Token]) -> Bool {
        // (the words counted before they are copied: most lines have more than 15)
        let wordCount = Self.words(tokens).count
        guard wordCount > 0, wordCount <= 15 else { return false }
        let words = tokens.wordLike(count: wordCount)
        // (both answers below need a number: a line without one is not looked up in the word lists)
        guard words.contains(where: { $0.kind == .number }) else { return false }
        if Self.datelines.contains(where: { startsWith(words, $0) }) && words.contains(where: { $0.kind == .number }) {
            return true
        }
        guard words.count <= 10 else { return false }
        let numbers = words.filter { $0.kind == .number }.count
        let months = words.filter { BoilerplateRules.monthWords.contains($0.norm) }.count
        let allDateWords = words.allSatisfy { $0.kind == .number || BoilerplateRules.dateWords.contains($0.norm) }
        return allDateWords && numbers >= 1 && (months >= 1 || numbers >= 3)
    }

    // MARK: Word sequence helpers

    func startsWith(_ words: [Token], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for (i, w) in phrase.enumerated() where !words[i].norm.plainEquals(w) { return false }
        return true
    }

    func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where phrase.indices.allSatisfy({ words[start + $0].plainEquals(phrase[$0]) }) {
            return true
        }
        return false
    }
}

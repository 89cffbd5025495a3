import KBText

// Per-word answers of the linker as integers and keys (speed11): what depends on one word alone is computed once
// per word and compared by `NormKey` (byte hash and byte equality for plain text, exactly `String`'s meaning),
// where the linker compared `String`s (through the Unicode tables) for every mention and every pass.

extension Linker {
    /// `s.count`: for a plain string (``NormKey/isPlain(_:)``: ASCII, plain Arabic letters and digits) without CR,
    /// every scalar is a `Character` of its own (no plain scalar extends or joins the one before it; only LF after
    /// CR does), so the count is the number of scalars, read from the UTF-8 bytes; any other string is counted by
    /// `String` itself.
    static func characterCount(_ s: String) -> Int {
        guard NormKey.isPlain(s) else { return s.count }
        var u = s
        let n = u.withUTF8 { b -> Int in
            var scalars = 0
            for x in b {
                if x == 0x0D { return -1 }
                if x & 0xC0 != 0x80 { scalars += 1 }
            }
            return scalars
        }
        return n >= 0 ? n : s.count
    }

    /// The forms of a title or role word that step 2b of `link` compares ("بالقائد" and "القائد" meet): the word,
    /// its clitic-free stems, each without the article, as keys without repeats (`NormKey` equality is `String`
    /// equality, so two lists meet exactly when the sets of strings the step made met). Remembered per thread.
    static func titleForms(_ w: String) -> [NormKey] {
        titleFormsMemo.withValue { $0.get(w, computeTitleForms) }
    }

    static func computeTitleForms(_ w: String) -> [NormKey] {
        let readings = Clitics.of(w)
        var out: [NormKey] = []
        func add(_ s: String) { let k = NormKey(s); if !out.contains(k) { out.append(k) } }
        add(w)
        for c in readings { add(c.stem) }
        for c in readings { add(ArabicNormalizer.stripArticle(c.stem)) }
        add(ArabicNormalizer.stripArticle(w))
        return out
    }

    /// Whether two lists of `titleForms` share a form (the sets were not disjoint).
    @inline(__always)
    static func meet(_ a: [NormKey], _ b: [NormKey]) -> Bool { a.contains { b.contains($0) } }

    private static let titleFormsShared = SharedWordTable<[NormKey]>()
    private static let titleFormsMemo = PerThread { WordMemo<[NormKey]>(slots: 1024, shared: titleFormsShared) }
}

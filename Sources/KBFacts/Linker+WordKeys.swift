import KBGraph
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

extension Linker {
    /// What the linker asks of a gazetteer entry, by id: its type and subtype, `Gazetteer.country(of:)` and the bare
    /// head of its Arabic name (`bareHead(ofName:)`). `gazetteer.entry(id:)` copied the whole entry (a dozen
    /// strings and arrays) and `country(of:)` up to six of them, for every mention and pass.
    struct EntryFacts {
        let type: EntityType
        let subtype: String
        let country: String?
        let bareHead: String?
    }

    /// One thread's `EntryFacts` for the gazetteer of serial `serial` (emptied for another).
    final class EntryFactsTable {
        var serial: UInt64 = .max
        var memo = WordMemo<EntryFacts?>(slots: 4096)
    }
    private static let entryFactsTables = PerThread { EntryFactsTable() }

    /// The `EntryFacts` of the gazetteer entry `id`, nil when the gazetteer has none (as `entry(id:)`). Remembered
    /// per thread and gazetteer: the same answers as asking the gazetteer each time.
    func facts(_ id: String) -> EntryFacts? {
        let g = gazetteer
        return Linker.entryFactsTables.withValue { t in
            if t.serial != g.serial { t.serial = g.serial; t.memo = WordMemo<EntryFacts?>(slots: 4096) }
            return t.memo.get(id) { id in
                g.entry(id: id).map { e in
                    EntryFacts(type: e.type, subtype: e.subtype, country: g.country(of: id), bareHead: Linker.bareHead(ofName: e.ar))
                }
            }
        }
    }

    /// `key.hasPrefix(prefix)` for an ASCII `prefix`: false at once when the bytes do not start with the prefix's (a
    /// prefix of ASCII `Character`s is a prefix of the bytes), else `plainHasPrefix` (exactly `hasPrefix`).
    @inline(__always)
    static func keyHasPrefix(_ key: String, _ prefix: String) -> Bool {
        key.utf8.starts(with: prefix.utf8) && key.plainHasPrefix(prefix)
    }

    /// The index of the last «@» of a key (`lastIndex(of: "@")`): found on the bytes in a plain key (every plain
    /// scalar is a `Character` of its own unless CR LF, and «@» is neither), else by `String`.
    static func lastAt(_ key: String) -> String.Index? {
        guard NormKey.isPlain(key) else { return key.lastIndex(of: "@") }
        return key.utf8.lastIndex(of: UInt8(ascii: "@"))
    }

    /// `key.contains("@")`, on the bytes of a plain key.
    static func hasAt(_ key: String) -> Bool {
        NormKey.isPlain(key) ? key.utf8.contains(UInt8(ascii: "@")) : key.contains("@")
    }
}

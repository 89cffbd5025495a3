import Foundation
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

/// The byte length and last byte a word of a small set of Arabic words must have to be one of them (`Set<String>`
/// equality, clitic readings aside), read without hashing: every word of the set is plain Arabic letters
/// (U+0621–U+064A), none of which is a canonical decomposition or has one, so the only string canonically equal to
/// such a word is the word itself, with its bytes.
struct WordShape {
    let minBytes: Int
    private var lastBytes = [Bool](repeating: false, count: 256)
    /// The words' bytes, less «ال» at the start: a word that passes the cheap tests must end with one of them.
    private var endings: [[UInt8]] = []

    init<S: Sequence>(_ words: S) where S.Element == String {
        var least = Int.max
        for w in words {
            precondition(w.unicodeScalars.allSatisfy { (0x0621...0x064A).contains($0.value) && $0.value != 0x0640 }, "WordShape: \(w)")
            least = min(least, w.utf8.count)
            lastBytes[Int(w.utf8.last!)] = true
            let b = Array(w.utf8)
            endings.append(b.starts(with: [0xD8, 0xA7, 0xD9, 0x84]) ? Array(b[4...]) : b)
        }
        minBytes = least
    }

    /// False when `s` is none of the words; also false for a word whose clitic readings (proclitics off, «ال» back for
    /// a swallowed «ل») include one of them only if it ends otherwise or is shorter, which cannot be: such a word is a
    /// prefix and the stem (or «ل…» for «ال…», as long), so it ends with the word's bytes (those after «ال» for a
    /// stem that got «ال» back: a stem is the word's bytes from some point on, with or without «ال» before them).
    @inline(__always)
    func mayBe(_ s: String) -> Bool {
        Linker.withBytes(s) { b in
            guard b.count >= minBytes, lastBytes[Int(b[b.count - 1])] else { return false }
            for e in endings where e.count <= b.count {
                if e.withUnsafeBufferPointer({ memcmp(b.baseAddress! + (b.count - $0.count), $0.baseAddress!, $0.count) }) == 0 { return true }
            }
            return false
        }
    }
}

extension Linker {
    /// What the linker asks of a gazetteer entry, by id: its type and subtype and `Gazetteer.country(of:)`.
    /// `gazetteer.entry(id:)` copied the whole entry (a dozen strings and arrays) and `country(of:)` up to six of
    /// them, for every mention and pass.
    /// (A class with constant fields: a copy out of the memo is one retain, not one per string.)
    final class EntryFacts {
        let type: EntityType
        let subtype: String
        let country: String?
        /// `Linker.stateOrganSubtypes.contains(subtype)`.
        let stateOrgan: Bool
        init(type: EntityType, subtype: String, country: String?) {
            self.type = type; self.subtype = subtype; self.country = country
            stateOrgan = Linker.stateOrganSubtypes.contains(subtype)
        }
    }

    /// One thread's `EntryFacts` for the gazetteer of serial `serial` (emptied for another).
    final class EntryFactsTable {
        var serial: UInt64 = .max
        var memo = WordMemo<EntryFacts?>(slots: 4096)
        /// `computeIsKingdom` by id.
        var kingdoms = WordMemo<Bool>(slots: 256)
        /// Whether an id of the gazetteer has a «:» (no id of the bundled one has: the linker's own keys, «per:…»,
        /// «org:…», are then no id, and are answered without a look-up; no other scalar decomposes to «:», so a key
        /// with one is canonically equal to no id without one).
        var colonInIDs = true
        /// The ids of the gazetteer's armies by the id they are part of, in gazetteer order (made when first asked).
        var armiesByCountry: [String: [String]]? = nil
    }
    private static let entryFactsTables = PerThread { EntryFactsTable() }

    /// `body` of this thread's table, emptied first if it was another gazetteer's.
    @inline(__always)
    private func withFactsTable<R>(_ body: (EntryFactsTable) -> R) -> R {
        let g = gazetteer
        return Linker.entryFactsTables.withValue { t in
            if t.serial != g.serial {
                t.serial = g.serial
                t.memo = WordMemo<EntryFacts?>(slots: 4096)
                t.kingdoms = WordMemo<Bool>(slots: 256)
                t.colonInIDs = g.entries.indices.contains { Linker.hasByte(g.entries[$0].id, UInt8(ascii: ":")) }
                t.armiesByCountry = nil
            }
            return body(t)
        }
    }

    /// The `EntryFacts` of the gazetteer entry `id`, nil when the gazetteer has none (as `entry(id:)`). Remembered
    /// per thread and gazetteer: the same answers as asking the gazetteer each time.
    func facts(_ id: String) -> EntryFacts? {
        let g = gazetteer
        return withFactsTable { t in
            if let v = t.memo.cached(id) { return v }
            if !t.colonInIDs, Linker.hasByte(id, UInt8(ascii: ":")) { return nil }
            return t.memo.get(id) { id in
                g.entry(id: id).map { e in
                    EntryFacts(type: e.type, subtype: e.subtype, country: g.country(of: id))
                }
            }
        }
    }

    /// Whether the UTF-8 of `s` has the byte `byte` (read in place).
    static func hasByte(_ s: String, _ byte: UInt8) -> Bool {
        var u = s
        return u.withUTF8 { b in
            for x in b where x == byte { return true }
            return false
        }
    }

    /// `computeIsKingdom(id)`, remembered per thread and gazetteer.
    func isKingdom(_ id: String) -> Bool {
        let g = gazetteer
        return withFactsTable { t in t.kingdoms.get(id) { Linker.computeIsKingdom($0, in: g) } }
    }

    /// The ids of the gazetteer's armies that are part of `country`, in gazetteer order (as filtering the entries
    /// for subtype «army» and that `partOf`), remembered per thread and gazetteer.
    func armies(of country: String) -> [String] {
        let g = gazetteer
        return withFactsTable { t in
            if t.armiesByCountry == nil {
                var map: [String: [String]] = [:]
                for e in g.entries where e.subtype == "army" { if let p = e.partOf { map[p, default: []].append(e.id) } }
                t.armiesByCountry = map
            }
            return t.armiesByCountry![country] ?? []
        }
    }

    /// `key.hasPrefix(prefix)` for an ASCII `prefix`: false at once when the bytes do not start with the prefix's (a
    /// prefix of ASCII `Character`s is a prefix of the bytes), else `plainHasPrefix` (exactly `hasPrefix`).
    @inline(__always)
    static func keyHasPrefix(_ key: String, _ prefix: String) -> Bool {
        bytesStart(key, prefix) && key.plainHasPrefix(prefix)
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

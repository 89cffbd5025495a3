import Foundation
import KBText

/// Fast membership of a sentence's words in the fact rules' word sets (`SentenceContext.matches`), with
/// exactly the answers of `Set<String>.contains`.
///
/// `Set<String>.contains` hashes and compares Arabic text by canonical equivalence (NFC scalar by scalar
/// through Unicode tables): the rules ask it tens of times per word. Here every word any rule looks for
/// (`FactRules.ruleWords`) gets a small integer id once (``RuleVocabulary``); a sentence's words carry the
/// ids of their clitic-free forms (``RuleForms``, remembered per word), and each word set the rules pass is
/// compiled once per thread into a bit set over those ids (``RuleWordSets``). A form without an id can only
/// match a word of the set that has none either: those few words are kept as ``NormKey``s (the meaning of
/// `String` equality) and compared as before.
enum RuleVocabulary {
    /// Every word of `FactRules.ruleWords`, in sorted order, numbered from 0.
    static let ids: [NormKey: Int32] = {
        // (String order; for two plain strings — NFC, see NormKey.isPlain — that is the order of their UTF-8 bytes,
        // compared without String's normalising comparison. The words are distinct strings, so the order is total.)
        let words = sortedWords(Array(FactRules.ruleWords.keys))
        var out: [NormKey: Int32] = [:]
        out.reserveCapacity(words.count)
        for w in words where out[w] == nil { out[w] = Int32(out.count) }
        return out
    }()

    /// The keys in the `String` order of their words: when every word is plain, by their bytes, laid end to end in
    /// one buffer (no array per word); else by `String`'s `<`.
    static func sortedWords(_ keys: [NormKey]) -> [NormKey] {
        var bytes: [UInt8] = []
        var plain = true
        // each word's first eight bytes as a big-endian number (zero after its end): when two differ, they order the
        // words as their bytes do; when they are equal, the bytes are compared
        var spans: [(head: UInt64, start: Int, count: Int)] = []
        spans.reserveCapacity(keys.count)
        for k in keys {
            var w = k.string
            w.withUTF8 { b in
                plain = plain && NormKey.isPlain(utf8: b)
                var head: UInt64 = 0
                for i in 0..<8 { head = head << 8 | UInt64(i < b.count ? b[i] : 0) }
                spans.append((head, bytes.count, b.count))
                bytes.append(contentsOf: b)
            }
        }
        guard plain else { return keys.sorted { $0.string < $1.string } }
        let order = bytes.withUnsafeBufferPointer { b in
            spans.withUnsafeBufferPointer { spans in
                (0..<keys.count).sorted { i, j in
                    let p = spans[i], q = spans[j]
                    if p.head != q.head { return p.head < q.head }
                    let n = min(p.count, q.count)
                    let c = n == 0 ? 0 : memcmp(b.baseAddress! + p.start, b.baseAddress! + q.start, n)
                    return c != 0 ? c < 0 : p.count < q.count
                }
            }
        }
        return order.map { keys[$0] }
    }

    static let count: Int = ids.count

    static func id(_ w: String) -> Int32 { ids[NormKey(w)] ?? -1 }
}

extension WordSet {
    /// `first.union(others[0]).union(others[1])…` for a `first` set of keys alone (so is every union after it): the
    /// same keys, gathered into one set (each `union` copied the growing set, tens of thousands of keys, again).
    static func union(keysOnly first: WordSet, _ others: [WordSet]) -> WordSet {
        precondition(!first.hasStoredStrings, "a set with stored strings keeps them through `union`")
        var keys = first.keys
        keys.reserveCapacity(others.reduce(first.count) { $0 + $1.count })
        for s in others { keys.formUnion(s.keys) }
        return WordSet(keys: keys)
    }
}

/// A word's normalised form and clitic-free stems (empty when no rule looks for any of them), with the
/// vocabulary id of each form (-1: none).
struct RuleForms {
    let forms: [String]
    let ids: [Int32]

    static let none = RuleForms(forms: [], ids: [])

    static func compute(_ n: String) -> RuleForms {
        let forms = [n] + Clitics.of(n).map(\.stem)
        let ids = forms.map(RuleVocabulary.id)
        return ids.contains(where: { $0 >= 0 }) ? RuleForms(forms: forms, ids: ids) : .none
    }
}

/// A word set of the rules as a bit set over the vocabulary ids, and the words it holds outside the vocabulary.
final class CompiledWordSet {
    let bits: [UInt64]
    let extra: Set<NormKey>

    init(_ set: Set<String>) {
        var bits = [UInt64](repeating: 0, count: (RuleVocabulary.count + 63) / 64)
        var extra = Set<NormKey>()
        for w in set {
            let id = RuleVocabulary.id(w)
            if id >= 0 { bits[Int(id) >> 6] |= 1 << UInt64(id & 63) } else { extra.insert(NormKey(w)) }
        }
        self.bits = bits
        self.extra = extra
    }

    /// `set.contains` of any of the forms (`ids` their vocabulary ids).
    @inline(__always)
    func containsAny(_ f: RuleForms) -> Bool {
        let n = f.ids.count
        var k = 0
        while k < n {
            let id = f.ids[k]
            if id >= 0 {
                if bits[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0 { return true }
            } else if !extra.isEmpty, extra.contains(NormKey(f.forms[k])) {
                return true
            }
            k += 1
        }
        return false
    }
}

/// The compiled form of each word set passed to `matches`, per thread, found by the identity of the set's
/// storage. An entry holds the set itself, so that storage is neither freed nor changed in place while the
/// entry lives (a set that is mutated after being asked about is copied first: its storage is shared), and
/// an address seen again is the same set.
enum RuleWordSets {
    private final class Table {
        static let slots = 1024
        /// direct-mapped by address; behind it every set compiled so far (emptied when it gets large)
        var keys = [Set<String>?](repeating: nil, count: slots)
        var compiled = [CompiledWordSet?](repeating: nil, count: slots)
        var all: [UInt: (set: Set<String>, compiled: CompiledWordSet)] = [:]
    }

    private static let perThread = PerThread { Table() }
    private static var table: Table { perThread.value }

    /// Whether a set value is one pointer to its storage (true for the native sets of Swift on Linux).
    private static let byIdentity = MemoryLayout<Set<String>>.size == MemoryLayout<UInt>.size

    @inline(__always)
    static func compiled(_ set: Set<String>) -> CompiledWordSet {
        guard byIdentity else { return CompiledWordSet(set) }
        let address = unsafeBitCast(set, to: UInt.self)
        let slot = Int(truncatingIfNeeded: (address &* 0x9E37_79B9_7F4A_7C15) >> 50) & (Table.slots - 1)
        let t = table
        if let c = t.compiled[slot], let k = t.keys[slot], unsafeBitCast(k, to: UInt.self) == address { return c }
        return miss(set, address, slot, t)
    }

    private static func miss(_ set: Set<String>, _ address: UInt, _ slot: Int, _ t: Table) -> CompiledWordSet {
        let c: CompiledWordSet
        if let e = t.all[address] {
            c = e.compiled
        } else {
            c = CompiledWordSet(set)
            if t.all.count >= 4096 { t.all.removeAll(keepingCapacity: true) }
            t.all[address] = (set, c)
        }
        t.keys[slot] = set
        t.compiled[slot] = c
        return c
    }
}

extension SentenceContext {
    /// `matches` of a ``WordSet``: its stored `Set<String>` (one storage, compiled once per thread); a set built
    /// from keys alone is asked form by form (the same answer: a word without rule forms matches nothing).
    func matches(_ i: Int, _ set: WordSet) -> Bool {
        if set.hasStoredStrings { return matches(i, set.strings) }
        let f = forms(i)
        return !f.isEmpty && f.contains(where: set.contains)
    }
}

/// `text == "،" || text == ","` and `[".", "!", "?", "؟", ";", "؛", ":", "(", ")", "[", "]"].contains(text)` on the
/// UTF-8 bytes. `String ==` is canonical equivalence (it compared these Arabic marks scalar by scalar through the
/// Unicode tables); the only strings canonically equal to one of these marks are the mark itself and, for «;»,
/// GREEK QUESTION MARK U+037E (its singleton decomposition): no other scalar decomposes to any of them, and a
/// combining mark after one changes its decomposed form.
enum PunctText {
    @inline(__always)
    static func isComma(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in (b.count == 1 && b[0] == 0x2C) || (b.count == 2 && b[0] == 0xD8 && b[1] == 0x8C) }
    }

    /// `s == String(UnicodeScalar(byte))` for an ASCII mark no other scalar decomposes to (not «;», «K», «`»).
    @inline(__always)
    static func isASCII(_ s: String, _ byte: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { b in b.count == 1 && b[0] == byte }
    }

    @inline(__always)
    static func isStrong(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            switch b.count {
            case 1:
                switch b[0] {
                case 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x28, 0x29, 0x5B, 0x5D: return true   // . ! ? ; : ( ) [ ]
                default: return false
                }
            case 2: return (b[0] == 0xD8 && (b[1] == 0x9F || b[1] == 0x9B)) || (b[0] == 0xCD && b[1] == 0xBE)  // ؟ ؛ U+037E
            default: return false
            }
        }
    }
}

/// The marks of a token ``SentenceContext`` keeps per sentence: `comma` and `strong` for punctuation tokens
/// (`PunctText.isComma`, `PunctText.isStrong`), `open` and `close` for a token of any kind that is "(" or ")".
enum PunctBits {
    static let comma: UInt8 = 1, strong: UInt8 = 2, open: UInt8 = 4, close: UInt8 = 8
    /// Set by the sentence context, not by ``of(_:_:)``: the word has rule forms / lexicon classes.
    static let forms: UInt8 = 16, classes: UInt8 = 32

    static func of(_ kind: Token.Kind, _ text: String) -> UInt8 {
        var b: UInt8 = 0
        if kind == .punctuation {
            if PunctText.isComma(text) { b |= comma }
            if PunctText.isStrong(text) { b |= strong }
        }
        if PunctText.isASCII(text, 0x28) { b |= open }
        if PunctText.isASCII(text, 0x29) { b |= close }
        return b
    }
}

import Foundation
import KBNER
import KBText

/// The labeller's word features of a sentence's tokens, remembered per thread: a word's in its record
/// (`Clitics.nerWord`), with its clitic forms from their memo (`Clitics.of`); a number, a Latin word or a
/// punctuation mark in a table of its own (before, computed again at every occurrence, with the sums of its
/// features: ``NERModel`` remembers those in the info).
enum ModelWords {
    /// One thread's infos of tokens other than words, by normalised form: `plain` for a token whose text does
    /// not start with a capital, `capital` for one that does (`NERFeaturizer.wordInfo` reads the text for that
    /// alone: the info is a function of the form and that bit).
    final class Table {
        var plain: [ByteKey: NERFeaturizer.WordInfo] = [:]
        var capital: [ByteKey: NERFeaturizer.WordInfo] = [:]
        static let maxEntries = 50_000
        /// A first level in front of the dictionaries, keyed by the form's `String` bits as ``WordMemo``'s (the slot
        /// keeps its form alive, so equal bits are the same text): most such tokens are a few marks and numbers.
        static let slots = 1024
        let keys: UnsafeMutablePointer<String>
        let plainSlots: UnsafeMutablePointer<NERFeaturizer.WordInfo?>
        let capitalSlots: UnsafeMutablePointer<NERFeaturizer.WordInfo?>
        init() {
            keys = .allocate(capacity: Self.slots); keys.initialize(repeating: "", count: Self.slots)
            plainSlots = .allocate(capacity: Self.slots); plainSlots.initialize(repeating: nil, count: Self.slots)
            capitalSlots = .allocate(capacity: Self.slots); capitalSlots.initialize(repeating: nil, count: Self.slots)
        }
        deinit {
            keys.deinitialize(count: Self.slots); keys.deallocate()
            plainSlots.deinitialize(count: Self.slots); plainSlots.deallocate()
            capitalSlots.deinitialize(count: Self.slots); capitalSlots.deallocate()
        }

        @inline(__always)
        static func bits(_ p: UnsafeRawPointer) -> (UInt64, UInt64) {
            (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }

        /// The slot of form `w` (by its bits) and whether it holds `w`.
        @inline(__always)
        func slot(_ w: String) -> (slot: Int, same: Bool) {
            var w = w
            let b = withUnsafeBytes(of: &w) { Self.bits($0.baseAddress!) }
            let mixed = (b.0 &* 0x9E37_79B9_7F4A_7C15) ^ (b.1 &* 0xC2B2_AE3D_27D4_EB4F)
            let slot = Int(truncatingIfNeeded: mixed >> 40) & (Self.slots - 1)
            return (slot, Self.bits(UnsafeRawPointer(keys + slot)) == b)
        }

        /// Remembers `v` for `w` in the first level (the slot's other value kept only if it is `w`'s).
        @inline(__always)
        func keep(_ w: String, _ slot: Int, same: Bool, capital: Bool, _ v: NERFeaturizer.WordInfo) {
            if !same { keys[slot] = w; plainSlots[slot] = nil; capitalSlots[slot] = nil }
            if capital { capitalSlots[slot] = v } else { plainSlots[slot] = v }
        }
    }

    /// A form as a key by its UTF-8 bytes (the features hash the bytes: two spellings that are equal as
    /// `String`s are not one key here).
    struct ByteKey: Hashable {
        let s: String
        let h: UInt64
        init(_ s: String) {
            // (on the contiguous bytes: the generic walks of a UTF-8 view were most of a look-up)
            var s = s
            self.h = s.withUTF8 { b in
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
                return h
            }
            self.s = s
        }
        static func == (a: ByteKey, b: ByteKey) -> Bool {
            guard a.h == b.h else { return false }
            var x = a.s, y = b.s
            return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
        }
        func hash(into hasher: inout Hasher) { hasher.combine(h) }
    }

    private static let perThread = PerThread { Table() }

    /// Whether the text's first scalar is uppercase (what `wordInfo` asks of the text), without the Unicode
    /// tables for ASCII: the ASCII uppercase scalars are A–Z.
    @inline(__always)
    static func startsWithCapital(_ text: String) -> Bool {
        guard let f = text.utf8.first else { return false }
        if f < 0x80 { return f >= 0x41 && f <= 0x5A }
        // (lead bytes 0xD8–0xDF start the scalars U+0600–U+07FF, Arabic, Syriac, Thaana and N'Ko: none is uppercase)
        if f >= 0xD8 && f <= 0xDF { return false }
        return text.unicodeScalars.first!.properties.isUppercase
    }

    /// The plain words' infos of every thread, their sums for the shipped model computed before they are stored
    /// (``NERModel/prepareSums(_:)``): read only from then on, so a word one thread met is not computed again by
    /// another.
    private static let shared = SharedWordTable<NERFeaturizer.WordInfo>()

    /// `model.featurizer.wordInfo` of a token as the labeller reads it: a word by its normalised form alone,
    /// another token by its form and text. `model` is the shipped model (`EntityRecognizer.nerModel`, the one
    /// the shared infos are prepared for).
    static func info(_ tok: Token, _ model: NERModel) -> NERFeaturizer.WordInfo {
        // (the featurizer is read from the model where needed: no copy of it and its lexicon per token)
        if tok.kind == .word {
            return Clitics.nerWord(tok.norm) { w in
                // (shared only for a plain word, whose key's equality is byte equality: the features hash the
                // bytes, so another thread's spelling of a word equal as a `String` may not stand for this one)
                guard NormKey.isPlain(w) else { return model.featurizer.wordInfo(norm: w, text: w, clitics: Clitics.of) }
                return shared.get(NormKey(w), w) { w in
                    let v = model.featurizer.wordInfo(norm: w, text: w, clitics: Clitics.of)
                    model.prepareSums(v)
                    return v
                }
            }
        }
        let capital = startsWithCapital(tok.text)
        return perThread.withValue { t in
            let (slot, same) = t.slot(tok.norm)
            if same, let v = capital ? t.capitalSlots[slot] : t.plainSlots[slot] { return v }
            let k = ByteKey(tok.norm)
            if let v = capital ? t.capital[k] : t.plain[k] {
                t.keep(tok.norm, slot, same: same, capital: capital, v)
                return v
            }
            let v = model.featurizer.wordInfo(norm: tok.norm, text: tok.text, clitics: Clitics.of)
            t.keep(tok.norm, slot, same: same, capital: capital, v)
            if capital {
                if t.capital.count >= Table.maxEntries { t.capital.removeAll(keepingCapacity: true) }
                t.capital[k] = v
            } else {
                if t.plain.count >= Table.maxEntries { t.plain.removeAll(keepingCapacity: true) }
                t.plain[k] = v
            }
            return v
        }
    }
}

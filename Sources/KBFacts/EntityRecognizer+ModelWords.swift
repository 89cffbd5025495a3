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
            let k = ByteKey(tok.norm)
            if let v = capital ? t.capital[k] : t.plain[k] { return v }
            let v = model.featurizer.wordInfo(norm: tok.norm, text: tok.text, clitics: Clitics.of)
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

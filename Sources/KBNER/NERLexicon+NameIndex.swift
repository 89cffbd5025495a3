import KBText

/// The lexicon's names of two words or more and its two-word starts held as plain bytes (``PlainKeyIndex``), for
/// ``NERLexicon/gazetteerTags(_:index:)``: a key joined from plain words is looked up on its bytes, without a
/// `String` per key (joining Arabic words into a `String` costs about a thousand instructions a key).
///
/// A plain key finds exactly the entry its ``NormKey`` finds in the dictionaries (``PlainKeyIndex``'s contract:
/// a simple key by its plain bytes, and a key that is not simple equals no plain string); a key with a word that
/// is not plain is looked up in the dictionaries as before.
public final class NERNameIndex: @unchecked Sendable {
    private let names: PlainKeyIndex
    private let nameBits: [UInt8]
    private let twoWords: PlainKeyIndex
    private let twoWordLongest: [Int]

    init(_ lex: NERLexicon) {
        // (only keys with a space: the keys looked up here are two words or more)
        var n = PlainKeyIndex(), bits: [UInt8] = []
        for (k, v) in lex.namesN where k.string.utf8.contains(0x20) {
            if let r = n.insert(key: k), r.inserted { bits.append(v) }
        }
        var t = PlainKeyIndex(), longest: [Int] = []
        for (k, v) in lex.firstTwoWordsN {
            if let r = t.insert(key: k), r.inserted { longest.append(v) }
        }
        names = n; nameBits = bits; twoWords = t; twoWordLongest = longest
    }

    /// `firstTwoWordsN[NormKey(key)] ?? 0` of the plain key with these bytes.
    @inline(__always)
    func longest(_ b: UnsafeBufferPointer<UInt8>) -> Int { twoWords.index(utf8: b).map { twoWordLongest[$0] } ?? 0 }

    /// `namesN[NormKey(key)]` of the plain key with these bytes (a key of two words or more).
    @inline(__always)
    func bits(_ b: UnsafeBufferPointer<UInt8>) -> UInt8? { names.index(utf8: b).map { nameBits[$0] } }
}

extension NERLexicon {
    /// ``gazetteerTags(_:)`` with the keys of plain words looked up on their bytes in `index` (made from this
    /// lexicon): the same tags. Without an index every key is a `String`, grown a word at a time.
    func gazetteerTags(_ info: [NERFeaturizer.WordInfo], index: NERNameIndex?) -> [(b: UInt8, i: UInt8)] {
        var out = [(b: UInt8, i: UInt8)](repeating: (0, 0), count: info.count)
        var key: [UInt8] = []
        @inline(__always) func append(_ s: String) { var s = s; s.withUTF8 { key.append(contentsOf: $0) } }
        var i = 0
        while i < info.count {
            // (no form starting a longer name, or a next word that is no name's second word: the loop below finds
            // the first one-word tag alone)
            if !info[i].startsLonger || !(i + 1 < info.count && info[i + 1].secondWord) {
                out[i].b = info[i].firstOneWord
                i += 1
                continue
            }
            var matched = 0
            var bits: UInt8 = 0
            for (first, maxLen, oneWord) in info[i].nameStarts {
                // the key grows a word at a time; the longest name found wins (the first form on a tie)
                if oneWord != 0, matched < 1 { matched = 1; bits = oneWord }
                // (a next word that is no name's second word continues no name: nothing to look up)
                guard maxLen >= 2, i + 1 < info.count, info[i + 1].secondWord else { continue }
                key.removeAll(keepingCapacity: true)
                append(first); key.append(0x20); append(info[i + 1].stems[0])
                let plainTwo = index != nil && key.withUnsafeBufferPointer { NormKey.isPlain(utf8: $0) }
                // only names that start with these two words can be found further
                let two = plainTwo ? key.withUnsafeBufferPointer { index!.longest($0) } : longestName(startingWith: first, then: info[i + 1].stems[0])
                let reach = min(maxLen, info.count - i, two)
                guard reach >= 2 else { continue }
                var plain = plainTwo
                var text = plain ? "" : first + " " + info[i + 1].stems[0]
                for len in 2...reach {
                    if len > 2 {
                        let w = info[i + len - 1].stems[0]
                        if plain, NormKey.isPlain(w) { key.append(0x20); append(w) } else {
                            if plain { text = String(decoding: key, as: UTF8.self); plain = false }
                            text += " "; text += w
                        }
                    }
                    guard len > matched else { continue }
                    if let b = plain ? key.withUnsafeBufferPointer({ index!.bits($0) }) : nameBits(text) { matched = len; bits = b }
                }
            }
            if matched > 0 {
                out[i].b = bits
                for k in (i + 1)..<(i + matched) { out[k].i = bits }
                i += matched
            } else {
                i += 1
            }
        }
        return out
    }
}

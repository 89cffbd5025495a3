import KBText

extension Linker {
    /// The `PeopleIndex.bit`s of every key of `surnameLookups(norm)`, without repeats: a word none of whose bits is
    /// set in a people index's filter finds nobody there.
    /// (The keys made here as `surnameLookups` makes them, `lookupForms` of each candidate stem, but straight from
    /// the pure functions: the per-word memos of the stems, their forms and skeletons were records made for strings
    /// no other pass asks about. A stem of plain Arabic letters is tested and has its forms' bits taken from bytes:
    /// `plainCandidateBits`.)
    /// (For a plain word (``NormKey/isPlain``) the candidates are `surnameCandidates(norm)`'s, taken in its order
    /// with its test, `isSurnameCandidate`, but read from `Clitics.of` in place: no candidate array is made, and the
    /// memo of `surnameCandidates` is filled only for the words `bareSurname` goes on to look up. A plain word is the
    /// only string equal to it, so that memo's value, whenever it is made, is made from these bytes. Another word
    /// reads the memo's candidates, as before: they are those of the first of the strings equal to it that reached
    /// it, which `surnameLookups` reads too.)
    static func computeSurnameBits(_ norm: String) -> [UInt16] {
        var out: [UInt16] = []
        guard NormKey.isPlain(norm) else {
            for c in Clitics.surnameCandidates(norm, surnameCandidates) where !plainStemBits(c.stem, &out) {
                addLookupFormBits(c.stem, &out)
            }
            return out
        }
        func take(_ stem: String) {
            guard !plainCandidateBits(stem, &out), isSurnameCandidate(stem) else { return }
            addLookupFormBits(stem, &out)
        }
        take(norm)
        for c in Clitics.of(norm) { take(c.stem) }
        return out
    }

    /// The bits of the keys of `PeopleIndex.computeLookupForms(stem)`, added to `out` without repeats.
    private static func addLookupFormBits(_ stem: String, _ out: inout [UInt16]) {
        for f in PeopleIndex.computeLookupForms(stem) {
            let b = UInt16(PeopleIndex.bit(NormKey(f)))
            if !out.contains(b) { out.append(b) }
        }
    }

    /// `computeSurnameBits`'s bits of one candidate stem (the bits of `NormKey`s of `PeopleIndex.computeLookupForms`:
    /// the stem, the stem without the article, and «~» and the skeleton of that from four letters), added to `out`
    /// without repeats, when every scalar of the stem is an Arabic letter U+0621–U+064A (two UTF-8 bytes, D8 A1–BF
    /// or D9 80–8A); false (nothing added) for any other stem. Such a stem and its forms are plain (``NormKey/isPlain``),
    /// so a form's key hashes its bytes (``NormKey/plainHashValue(_:)``); without the article is the bytes after
    /// «ال» when two scalars or more follow (`stripArticle`); the letters are counted by their lead bytes
    /// (`characterCount`); the skeleton is `plainSkeleton`'s steps on the bytes.
    static func plainStemBits(_ stem: String, _ out: inout [UInt16]) -> Bool {
        var u = stem
        return u.withUTF8 { b -> Bool in
            guard arabicLetters(b) else { return false }
            addPlainStemBits(b, NormKey.plainHashValue(b), &out)
            return true
        }
    }

    /// `plainStemBits` of a stem `isSurnameCandidate` keeps; nothing added for one it drops; false (nothing added)
    /// when the stem is not Arabic letters only. Such a stem has `characterCount` half its bytes, and its key's
    /// `hashValue` is the hash of its bytes, which `plainStemBits` takes anyway: a key of `stopwordsAndVerbs` has the
    /// same hash as every key equal to it, so a stem whose hash has no bit in `stopwordHashBits` is none of them (the
    /// set is asked only when the bit is set).
    static func plainCandidateBits(_ stem: String, _ out: inout [UInt16]) -> Bool {
        var u = stem
        return u.withUTF8 { b -> Bool in
            guard arabicLetters(b) else { return false }
            guard b.count >= 6 else { return true }       // fewer than three letters
            let h = NormKey.plainHashValue(b)
            let bit = h & 0xFFFF
            if Linker.stopwordHashBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0, Linker.stopwordsAndVerbs.contains(NormKey(stem)) {
                return true
            }
            addPlainStemBits(b, h, &out)
            return true
        }
    }

    /// A 65,536-bit filter of the `hashValue`s of `stopwordsAndVerbs` (bit `hashValue & 0xFFFF`).
    static let stopwordHashBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for k in Linker.stopwordsAndVerbs {
            let b = k.hashValue & 0xFFFF
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }
        return bits
    }()

    /// The bits of `plainStemBits` of Arabic letters `b` whose hash (`NormKey.plainHashValue`) is `hash`.
    @inline(__always)
    private static func addPlainStemBits(_ b: UnsafeBufferPointer<UInt8>, _ hash: Int, _ out: inout [UInt16]) {
        let n = b.count
        func addBit(_ bit: UInt16) { if !out.contains(bit) { out.append(bit) } }
        func add(_ p: UnsafeBufferPointer<UInt8>) { addBit(UInt16(NormKey.plainHashValue(p) & 4095)) }
        addBit(UInt16(hash & 4095))
        // ا ل and two letters or more: the article comes off
        let bareStart = n >= 8 && b[0] == 0xD8 && b[1] == 0xA7 && b[2] == 0xD9 && b[3] == 0x84 ? 4 : 0
        let bare = UnsafeBufferPointer(rebasing: b[bareStart...])
        add(bare)
        let m = bare.count / 2
        guard m >= 4 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bare.count + 1) { sk in
            sk[0] = UInt8(ascii: "~")
            add(UnsafeBufferPointer(rebasing: sk[..<writeSkeleton(bare, sk, at: 1)]))
        }
    }
}

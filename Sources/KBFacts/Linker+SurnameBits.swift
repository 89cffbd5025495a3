import KBText

extension Linker {
    /// The `PeopleIndex.bit`s of every key of `surnameLookups(norm)`, without repeats: a word none of whose bits is
    /// set in a people index's filter finds nobody there.
    /// (The keys made here as `surnameLookups` makes them, `lookupForms` of each candidate stem, but straight from
    /// the pure functions: the per-word memos of the stems, their forms and skeletons were records made for strings
    /// no other pass asks about. A stem of plain Arabic letters has its forms' bits taken from bytes: `plainStemBits`.)
    static func computeSurnameBits(_ norm: String) -> [UInt16] {
        var out: [UInt16] = []
        for c in Clitics.surnameCandidates(norm, surnameCandidates) where !plainStemBits(c.stem, &out) {
            for f in PeopleIndex.computeLookupForms(c.stem) {
                let b = UInt16(PeopleIndex.bit(NormKey(f)))
                if !out.contains(b) { out.append(b) }
            }
        }
        return out
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
            let n = b.count
            guard arabicLetters(b) else { return false }
            func add(_ p: UnsafeBufferPointer<UInt8>) {
                let bit = UInt16(NormKey.plainHashValue(p) & 4095)
                if !out.contains(bit) { out.append(bit) }
            }
            add(b)
            // ا ل and two letters or more: the article comes off
            let bareStart = n >= 8 && b[0] == 0xD8 && b[1] == 0xA7 && b[2] == 0xD9 && b[3] == 0x84 ? 4 : 0
            let bare = UnsafeBufferPointer(rebasing: b[bareStart...])
            add(bare)
            let m = bare.count / 2
            guard m >= 4 else { return true }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bare.count + 1) { sk in
                sk[0] = UInt8(ascii: "~")
                add(UnsafeBufferPointer(rebasing: sk[..<writeSkeleton(bare, sk, at: 1)]))
            }
            return true
        }
    }
}

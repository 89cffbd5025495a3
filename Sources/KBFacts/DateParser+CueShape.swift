import Foundation
import KBText

extension DateParser {
    /// The last two letters of the words `dateCue` looks for, as the word itself or as a clitic-free stem (a table of
    /// 2^14 flags, indexed by `twoLetterKey`), of those whose NFC form is Arabic letters U+0621–U+064A only (the others,
    /// Latin month names, equal no word of Arabic letters, which is its own NFC form); nil (no table) if one of those
    /// has fewer than two letters after an «ال» it starts with.
    static let cueEndings: [Bool]? = {
        var table = [Bool](repeating: false, count: 1 << 14)
        for k in cueWords.union(cueStems) {
            var u = k.string.precomposedStringWithCanonicalMapping
            guard u.withUTF8({ arabicLetters($0) }) else { continue }
            let key = u.withUTF8 { b -> Int? in
                let article = b.count >= 4 && b[0] == 0xD8 && b[1] == 0xA7 && b[2] == 0xD9 && b[3] == 0x84 ? 4 : 0
                guard b.count - article >= 4 else { return nil }
                return twoLetterKey(b)
            }
            guard let key else { return nil }
            table[key] = true
        }
        return table
    }()

    /// (`Linker.arabicLetters`.)
    @inline(__always)
    static func arabicLetters(_ b: UnsafeBufferPointer<UInt8>) -> Bool { Linker.arabicLetters(b) }

    /// The last two letters of Arabic letters `b` (four bytes or more) as 14 bits: of each letter, the low bit of its
    /// lead byte and the low six of its second (which tell the letters of U+0621–U+064A apart).
    @inline(__always)
    static func twoLetterKey(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let c = b.count
        let first = Int(b[c - 4] & 1) << 6 | Int(b[c - 3] & 0x3F)
        let second = Int(b[c - 2] & 1) << 6 | Int(b[c - 1] & 0x3F)
        return first << 7 | second
    }

    /// False when `dateCue(n)` is surely false, read from the bytes: `n` is Arabic letters only and its last two
    /// letters end no cue word. Such a word is plain, so it equals a cue word (plain too) only with its bytes; a clitic
    /// reading's stem is the word without a proclitic, or «ال» and the word's rest for «لل», so a stem that is a cue
    /// word ends with the cue word's last two letters (two or more follow any «ال» of it); a word of one letter is no
    /// cue word and has no such stem; and a word of the Arabic block is no Latin month name in capitals. True
    /// otherwise (the look-up decides).
    @inline(__always)
    static func mayBeCue(_ n: String) -> Bool {
        guard let table = cueEndings else { return true }
        var u = n
        return u.withUTF8 { b -> Bool in
            guard b.count > 0, arabicLetters(b) else { return true }
            return b.count >= 4 && table[twoLetterKey(b)]
        }
    }
}

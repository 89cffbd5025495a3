import KBGraph

/// ``Linker/transliterate(_:)`` of a name whose scalars are all lone ones (``LoaderText/isLoneScalars(_:)``: each is a
/// `Character` of its own), read scalar by scalar: the same letters out, without building the letter table (a
/// dictionary of 35 `Character`s) for every name. An entity id's first computation spent most of its time there.
/// (Equivalence test: Tests/KBFactsTests/SpeedEquivalenceDocumentResultTests.swift.)
enum Transliteration {
    /// The transliteration, or nil when some scalar of `s` may join its neighbour (then `transliterate` reads
    /// `Character`s).
    static func ofLoneScalars(_ s: String) -> String? {
        var s = s
        let out: [UInt8]? = s.withUTF8 { b in
            guard LoaderText.isLoneScalars(b) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            for u in String(decoding: b, as: UTF8.self).unicodeScalars {
                let v = u.value
                if v < 0x80 {
                    let x = UInt8(v)
                    switch x {
                    case 0x20, 0x40: out.append(0x2D)                       // " " and "@": "-"
                    case 0x41...0x5A: out.append(x + 0x20)                   // A-Z lowered
                    case 0x61...0x7A, 0x30...0x39, 0x2D: out.append(x)       // a-z, 0-9, "-"
                    default: break
                    }
                } else if let m = letter(v) {
                    out.append(contentsOf: m.utf8)
                }
            }
            return out
        }
        return out.map { StableID.slug(String(decoding: $0, as: UTF8.self)) }
    }

    /// The letters of `Linker.transliterate`'s table.
    private static func letter(_ v: UInt32) -> String? {
        switch v {
        case 0x0627: return "a"
        case 0x0628: return "b"
        case 0x062A: return "t"
        case 0x062B: return "th"
        case 0x062C: return "j"
        case 0x062D: return "h"
        case 0x062E: return "kh"
        case 0x062F: return "d"
        case 0x0630: return "dh"
        case 0x0631: return "r"
        case 0x0632: return "z"
        case 0x0633: return "s"
        case 0x0634: return "sh"
        case 0x0635: return "s"
        case 0x0636: return "d"
        case 0x0637: return "t"
        case 0x0638: return "z"
        case 0x0639: return "a"
        case 0x063A: return "gh"
        case 0x0641: return "f"
        case 0x0642: return "q"
        case 0x0643: return "k"
        case 0x0644: return "l"
        case 0x0645: return "m"
        case 0x0646: return "n"
        case 0x0647: return "h"
        case 0x0648: return "w"
        case 0x064A: return "y"
        case 0x0621: return ""
        case 0x067E: return "p"
        case 0x0686: return "ch"
        case 0x06A4: return "v"
        case 0x06AF: return "g"
        default: return nil
        }
    }
}

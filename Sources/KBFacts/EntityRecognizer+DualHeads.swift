import KBText

extension EntityRecognizer {
    /// Dual head nouns of organisations ("حركتي", "حزبا") and their singular ("حركة", "حزب").
    static let dualHeads: [NormKey: String] = {
        var out: [NormKey: String] = [:]
        for sing in ["حركة", "حزب", "منظمة", "جماعة", "جبهة", "تنظيم", "مجلس", "وكالة", "صحيفة", "قناة"] {
            let s = ArabicNormalizer.normalize(sing)
            let base = s.hasSuffix("ه") ? String(s.dropLast()) + "ت" : s
            for end in ["ي", "ا", "ين", "ان"] { out[NormKey(base + end)] = s }
        }
        return out
    }()

    /// The clitics a dual head noun may carry.
    static let dualHeadPrefixes = ["و", "ف", "ب", "ل", "ول", "وب"]

    /// The singular of the dual head noun a word is, bare or after one of `dualHeadPrefixes` (the first found of the
    /// word itself, then its clitic stems in order); nil for most words. Remembered per word (`Clitics.dualHead`).
    static func computeDualHead(_ n: String) -> String? {
        let forms = [n] + Clitics.of(n).filter { listContains(dualHeadPrefixes, $0.prefix) }.map(\.stem)
        return forms.lazy.compactMap({ EntityRecognizer.dualHeads[NormKey($0)] }).first
    }

    /// "حركتي فتح وحماس", "لحزبي النهضة والتكتل": each name coordinated after a dual head noun is the organisation
    /// the gazetteer knows by the singular head and that name ("حركة فتح"), where no rule found it already.
    func addDualHeadNames(_ t: [Token], _ mentions: inout [RawMention], _ covered: inout [Int?], _ cues: WordCues) {
        // (a word's cue bit is whether it is a dual head: a sentence without one has nothing to add)
        guard cues.anyHas(WordCues.dualHead) else { return }
        var i = 0
        while i + 1 < t.count {
            defer { i += 1 }
            guard cues.has(i, WordCues.dualHead), covered[i] == nil else { continue }
            guard let sing = Clitics.dualHead(t[i].norm, EntityRecognizer.computeDualHead) else { continue }
            // the first name, then "و" + the second (one word each)
            var k = i + 1
            for n in 0..<2 {
                guard k < t.count, t[k].kind == .word else { break }
                let word = n == 0 ? t[k].norm : (t[k].norm.hasPrefix("و") ? String(t[k].norm.dropFirst()) : "")
                guard !word.isEmpty else { break }
                if covered[k] == nil,
                   let e = gazetteer.lookupName(sing + " " + word).first(where: { $0.type == .organization }) {
                    let prefix = n == 0 ? "" : "و"
                    let (text, b) = strippedPrefix(t[k], prefix, restore: word)
                    covered[k] = mentions.count
                    mentions.append(RawMention(range: k..<(k + 1), begin: b, end: t[k].end, text: text, type: .organization,
                                               subtype: e.subtype, gazetteerIDs: [e.id], nameKey: "", isAdjective: false,
                                               role: nil, confidence: 0.9))
                }
                k += 1
            }
        }
    }
}

// A province named after its chief town ("منطقة الرياض", "ولاية الخرطوم", "محافظة البصرة") is a place of its
// own, not the town; the police or the governor's office of a province ("شرطة منطقة الرياض", "إمارة منطقة
// مكة المكرمة") and a town's police ("شرطة دبي") are organisations.

import KBGraph
import KBText

extension EntityRecognizer {
    /// Heads of a first-level division named after its chief town.
    static let provinceHeads = Lexicon.set("منطقة محافظة ولاية إقليم")
    /// Heads of a division's administration: the police, the governor's office (Saudi regions: "إمارة منطقة").
    static let policeHeads = Lexicon.set("شرطة")
    static let emirateHead = ArabicNormalizer.normalize("إمارة")
    static let regionHead = ArabicNormalizer.normalize("منطقة")

    /// The head word without a conjunction or preposition ("بمنطقة" → "منطقة"), if it is in `set`.
    private func divisionHead(_ tok: Token, _ set: WordSet) -> String? {
        guard tok.kind == .word, !EntityRecognizer.hasArticle(tok) else { return nil }
        if set.contains(tok.norm) { return tok.norm }
        return Clitics.of(tok.norm).first { set.contains($0.stem) && EntityRecognizer.listContains(["و", "ف", "ب", "ل", "وب", "ول"], $0.prefix) }?.stem
    }

    /// A town or capital the gazetteer found, not at the sentence's start: what a province or police head may precede.
    /// (read through a pointer: its fields in place, the mention not copied out of the list)
    static func mayHeadDivision(_ m: UnsafePointer<RawMention>) -> Bool {
        m.pointee.type == .place && !m.pointee.isAdjective && m.pointee.gazetteerIDs.count >= 1 && m.pointee.range.lowerBound > 0
            && (m.pointee.subtype == "city" || m.pointee.subtype == "capital")
    }

    /// Turns a town the gazetteer found after an indefinite province head into the province, and a province or
    /// town after a police head (or a region after "إمارة") into that organisation. Runs on the gazetteer's mentions.
    func addProvincesAndPolice(_ t: [Token], _ mentions: inout [RawMention]) {
        // (only a town or capital the gazetteer found after the sentence's start can change: none, nothing to do)
        // (the candidates found first, read in place: a loop over the list copied every mention; a step replaces only
        // its own mention, so which later ones are candidates does not change)
        let candidates = mentions.withUnsafeBufferPointer { b in b.indices.filter { EntityRecognizer.mayHeadDivision(b.baseAddress! + $0) } }
        guard !candidates.isEmpty else { return }
        // (the tokens taken as flags, and each mention tested in place before it is copied)
        var taken = [Bool](repeating: false, count: t.count)
        for k in mentions.indices { for x in mentions[k].range where x < t.count { taken[x] = true } }
        for k in candidates {
            let m = mentions[k]
            var start = m.range.lowerBound
            var head: String? = nil
            if !taken[start - 1], let h = divisionHead(t[start - 1], EntityRecognizer.provinceHeads) { head = h; start -= 1 }
            // "شرطة منطقة الرياض", "شرطة دبي", "إمارة منطقة مكة المكرمة"
            if start > 0, !taken[start - 1] {
                let before = t[start - 1]
                let police = divisionHead(before, EntityRecognizer.policeHeads) != nil
                let emirate = head == EntityRecognizer.regionHead && divisionHead(before, [EntityRecognizer.emirateHead]) != nil
                if police || emirate {
                    let range = (start - 1)..<m.range.upperBound
                    let (text, b) = stripped(t, range)
                    let name = [police ? "شرطه" : EntityRecognizer.emirateHead, head ?? "", m.gazetteerIDs[0]].filter { !$0.isEmpty }
                    var org = RawMention(range: range, begin: b, end: m.end, text: text, type: .organization, subtype: "",
                                         gazetteerIDs: [], nameKey: name.joined(separator: " "), isAdjective: false, role: nil,
                                         confidence: 0.7)
                    org.countryHint = gazetteer.country(of: m.gazetteerIDs[0])
                    mentions[k] = org
                    for x in range { taken[x] = true }
                    continue
                }
            }
            // (subtype region: a first-level division, as the fact rules' place types know it)
            guard let h = head else { continue }
            let range = start..<m.range.upperBound
            let (text, b) = stripped(t, range)
            var province = RawMention(range: range, begin: b, end: m.end, text: text, type: .place, subtype: "region",
                                      gazetteerIDs: [], nameKey: h + " " + m.gazetteerIDs[0], isAdjective: false, role: nil,
                                      confidence: 0.8)
            province.countryHint = gazetteer.country(of: m.gazetteerIDs[0])
            mentions[k] = province
            for x in range { taken[x] = true }
        }
    }
}

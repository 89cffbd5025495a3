import KBText

/// «استقبل الرئيس … سامي الحداد، وزير الدفاع، وكريم النجار، وزير الخارجية»: a title between commas after a
/// person's name is that person's apposition when what follows the closing comma is a conjoined name («، وكريم …»)
/// or a rank before the next name («، اللواء كريم …»). A title right before a name («، وزير الدفاع كريم النجار»)
/// keeps opening that name.
extension EntityRecognizer {
    /// A title to give back to the name before it once every name is found: its cue, and where the next name
    /// starts (that name takes the title when no person ends right before it).
    struct PendingApposition { var cue: RoleCue; var next: Int }

    /// Whether the title phrase `cue` (whose name would start at `nameStart`) sits between commas after a word
    /// that is or may be a person's name (the labeller finds most untitled names later), closed by a conjoined
    /// name or a rank.
    func closesApposition(_ t: [Token], _ cue: Range<Int>, _ nameStart: Int, _ covered: [Int?], _ mentions: [RawMention]) -> Bool {
        func comma(_ k: Int) -> Bool { k < t.count && t[k].kind == .punctuation && (t[k].text == "،" || t[k].text == ",") }
        let i = cue.lowerBound, j = cue.upperBound
        // «، ووزير الدفاع»: a conjoined title is another person's
        guard i >= 2, comma(i - 1), t[i - 2].kind == .word, stripConj(t[i].norm) == t[i].norm,
              covered[i - 2].map({ mentions[$0].type == .person && (mentions[$0].role?.isRankOnly ?? true) }) ?? true,
              comma(j), j < nameStart, nameStart < t.count else { return false }
        if nameStart > j + 1 { return true }   // a rank opens the next name
        // a conjunction on the next name's first word: the mention (or the name read there) starts after it
        if let c = covered[nameStart] { return mentions[c].begin > t[nameStart].begin }
        return t[nameStart].kind == .word && stripped(t, nameStart..<(nameStart + 1)).1 > t[nameStart].begin
    }

    /// Gives each pending title to the person named right before it, if that person has no title of their own;
    /// else to the person named at its `next` position, if untitled (the reading before appositions were known).
    func attachAppositions(_ pending: [PendingApposition], _ mentions: inout [RawMention]) {
        for a in pending {
            let end = a.cue.range.lowerBound - 1
            if let p = mentions.indices.first(where: { mentions[$0].type == .person && mentions[$0].range.upperBound == end }) {
                if mentions[p].role?.isRankOnly ?? true { mentions[p].role = a.cue }
            } else if let n = mentions.indices.first(where: { mentions[$0].type == .person && mentions[$0].range.lowerBound == a.next }),
                      mentions[n].role == nil {
                mentions[n].role = a.cue
            }
        }
    }
}

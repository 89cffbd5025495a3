import KBText

extension Linker {
    /// "ولد" ("son of"), with which Mauritanian and Sahrawi names are formed ("محمد ولد الغزواني") and by which
    /// the news names such a person on second mention ("ولد الغزواني").
    static let ould = ArabicNormalizer.normalize("ولد")

    /// Whether the person `key` of the document is named with "ولد" right before the last word of a name
    /// (then "ولد" + that word names them).
    func namedWithOuld(_ key: String, _ people: PeopleIndex) -> Bool {
        guard let p = people.people.first(where: { $0.key == key }) else { return false }
        return p.names.contains { n in n.count >= 3 && ArabicNormalizer.normalize(n[n.count - 2]) == Linker.ould }
    }

    /// A one-word mention of such a person right after a free "ولد" takes it in ("وأكد ولد أجاي" → «ولد أجاي»):
    /// the name as the news writes it, and "ولد" no stray word between mentions.
    func takeInOuld(_ perSentence: inout [[RawMention]], sentences: [Sentence], people: PeopleIndex) {
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            var covered = [Bool](repeating: false, count: toks.count)
            for k in perSentence[s].indices { for t in perSentence[s][k].range where t < toks.count { covered[t] = true } }
            for k in perSentence[s].indices {
                let range = perSentence[s][k].range
                let i = range.lowerBound
                guard perSentence[s][k].type == .person, range.count == 1, i >= 1, !covered[i - 1], toks[i - 1].kind == .word,
                      toks[i - 1].norm == Linker.ould else { continue }
                let m = perSentence[s][k]
                guard !m.key.isEmpty, namedWithOuld(m.key, people) else { continue }
                perSentence[s][k].range = (i - 1)..<m.range.upperBound
                perSentence[s][k].begin = toks[i - 1].begin
                perSentence[s][k].text = toks[i - 1].text + " " + m.text
                covered[i - 1] = true
            }
        }
    }
}

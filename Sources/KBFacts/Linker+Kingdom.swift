import KBText

extension Linker {
    /// «المملكة» alone, with its clitics («للمملكة», «بالمملكة», «والمملكة»).
    static let kingdomWords: WordSet = ["المملكه", "للمملكه", "بالمملكه", "والمملكه", "فالمملكه", "وللمملكه", "وبالمملكه"]

    /// «وانتقدت ستوكهولم المملكة»: «المملكة» alone is the kingdom the document is about — the one country it
    /// names (by name or adjective) that the gazetteer calls «المملكة …» («المملكة العربية السعودية», «المملكة
    /// المغربية»). Nothing when it names none or two. Not when «المملكة» starts a name or takes a nationality
    /// adjective («المملكة المتحدة», «المملكة الأردنية»).
    /// Whether the gazetteer calls the entry `id` «المملكة …» (by its name or an alias): remembered per gazetteer
    /// and id for the whole process (the names of a country were normalised again for every mention of it).
    static func computeIsKingdom(_ id: String, in g: Gazetteer) -> Bool {
        guard let e = g.entry(id: id) else { return false }
        return ([e.ar] + e.aliases).contains(where: { Gazetteer.key($0).hasPrefix("المملكه ") })
    }
    static let kingdomShape = WordShape(kingdomWords)

    func linkKingdomReferences(_ perSentence: inout [[RawMention]], sentences: [Sentence]) {
        var kingdoms: Set<String> = []
        for s in perSentence.indices {
            for k in perSentence[s].indices where perSentence[s][k].type == .place && perSentence[s][k].subtype == "country" && !perSentence[s][k].key.isEmpty {
                guard isKingdom(perSentence[s][k].key) else { continue }
                kingdoms.insert(perSentence[s][k].key)
            }
        }
        guard kingdoms.count == 1, let kingdom = kingdoms.first else { return }
        let rec = EntityRecognizer(gazetteer: gazetteer)
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            var owned = [Bool](repeating: false, count: toks.count)
            for k in perSentence[s].indices { for x in perSentence[s][k].range where x < toks.count { owned[x] = true } }
            var added: [RawMention] = []
            for i in toks.indices where !owned[i] && toks[i].kind == .word && Linker.kingdomShape.mayBe(toks[i].norm)
                && Linker.kingdomWords.contains(toks[i].norm) {
                if i + 1 < toks.count, owned[i + 1] { continue }
                // the clitic split off as the recogniser does («للمملكة» → «المملكة» after «ل»)
                let prefix = Clitics.of(toks[i].norm).first { $0.stem == "المملكه" }?.prefix ?? ""
                let (text, b) = rec.strippedPrefix(toks[i], prefix, restore: "المملكه")
                var m = RawMention(range: i..<(i + 1), begin: b, end: toks[i].end, text: text, type: .place, subtype: "country",
                                   gazetteerIDs: [kingdom], nameKey: "", isAdjective: false, role: nil, confidence: 0.7)
                m.key = kingdom
                added.append(m)
            }
            if !added.isEmpty { perSentence[s] = (perSentence[s] + added).sorted { $0.range.lowerBound < $1.range.lowerBound } }
        }
    }
}

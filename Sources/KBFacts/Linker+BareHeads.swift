import KBText

extension Linker {
    /// The bare definite head an organisation's name starts with, as a reference word: «الجيش اللبناني» and
    /// «القوات المسلحة السودانية» → «الجيش»; «حركة حماس» → «الحركه»; «حزب الأمة» → «الحزب»; «المجلس الرئاسي» →
    /// «المجلس». nil for other names.
    static func bareHead(ofName name: String) -> String? { Clitics.bareHeadOfName(name, computeBareHead(ofName:)) }

    static func computeBareHead(ofName name: String) -> String? {
        let words = Gazetteer.key(name).split(separator: " ").map(String.init)
        guard words.count >= 2, let first = words.first else { return nil }
        if first == "القوات" || first == "قوات" { return words[1] == "المسلحه" ? "الجيش" : nil }
        let definite = first.hasPrefix("ال") ? first : "ال" + first
        return bareHeads.contains(definite) ? definite : nil
    }

    static let bareHeads: Set<String> = ["الجيش", "الحركه", "الحزب", "المجلس"]

    /// «وقال الناطق باسم الجيش …» after «الجيش اللبناني»: a bare head word («الجيش», «للجيش», «والحركة») stands
    /// for the organisation the document named earlier with that head — when exactly one such organisation was
    /// named before it. Not when two were (two armies, two movements), not across heads, not when the word
    /// starts a name or takes an adjective of its own («الجيش الوطني»).
    func linkBareHeadReferences(_ perSentence: inout [[RawMention]], sentences: [Sentence]) {
        // (a document with no word that is a bare head has nothing to link: its organisations' heads are not needed)
        guard perSentence.indices.contains(where: { s in
            // (the tokens read in place: `contains(where:)` copied each, two strings retained and released)
            // (`isBareHeadReference` with the shape fetched once)
            let toks = sentences[s].tokens, shape = Linker.bareHeadShape
            for i in toks.indices where toks[i].kind == .word && shape.mayBe(toks[i].norm)
                && Clitics.bareHeadReference(toks[i].norm, Linker.computeBareHeadReference) != nil {
                return true
            }
            return false
        }) else { return }
        // head → organisations named so far (distinct keys); (keyed by `NormKey`: `String`'s equality, hashed from the
        // bytes; only looked up, never iterated)
        var named: [NormKey: [RawMention]] = [:]
        let rec = EntityRecognizer(gazetteer: gazetteer)
        for s in perSentence.indices {
            let toks = sentences[s].tokens
            // (the tokens owned by a mention, and by a mention other than a person («باسم الحركة سليم …»): marked when
            // a word first gets past the tests that need no marks, most sentences have none)
            var owned: [Bool] = [], ownedByName: [Bool] = []
            var added: [RawMention] = []
            // (the organisations by index, in order, each copied once when its turn comes)
            let orgs = perSentence[s].indices.filter { k in
                perSentence[s][k].type == .organization && !perSentence[s][k].key.isEmpty && !perSentence[s][k].isAdjective
            }
            var nextOrg = 0
            var i = 0
            while i < toks.count {
                defer { i += 1 }
                // organisations before this token are "named before"
                while nextOrg < orgs.count, perSentence[s][orgs[nextOrg]].range.lowerBound <= i {
                    let o = perSentence[s][orgs[nextOrg]]
                    nextOrg += 1
                    // (its heads, at most two, each once: the name's and the gazetteer entry's)
                    let h1 = Linker.bareHead(ofName: o.text)
                    var h2: String? = nil
                    if let e = gazetteer.entry(id: o.key), let h = Linker.bareHead(ofName: e.ar), h != h1 { h2 = h }
                    for h in [h1, h2] {
                        guard let h else { continue }
                        let hk = NormKey(h)
                        guard !(named[hk] ?? []).contains(where: { $0.key == o.key }) else { continue }
                        named[hk, default: []].append(o)
                    }
                }
                // (no organisation with a head named yet: no word can stand for one)
                guard !named.isEmpty, toks[i].kind == .word, Linker.mayBeBareHeadReference(toks[i].norm),
                      let (stem, prefix) = Clitics.bareHeadReference(toks[i].norm, Linker.computeBareHeadReference),
                      let ones = named[NormKey(stem)], ones.count == 1, let org = ones.first else { continue }
                if owned.isEmpty {
                    owned = [Bool](repeating: false, count: toks.count)
                    ownedByName = owned
                    for k in perSentence[s].indices {
                        let byName = perSentence[s][k].type != .person
                        for x in perSentence[s][k].range where x < toks.count { owned[x] = true; ownedByName[x] = byName }
                    }
                }
                guard !owned[i] else { continue }
                if i + 1 < toks.count, ownedByName[i + 1] || Linker.isDefiniteAdjective(toks[i + 1]) { continue }
                let (text, b) = rec.strippedPrefix(toks[i], prefix, restore: stem)
                var m = RawMention(range: i..<(i + 1), begin: b, end: toks[i].end, text: text, type: .organization,
                                   subtype: org.subtype, gazetteerIDs: org.gazetteerIDs, nameKey: org.nameKey,
                                   isAdjective: false, role: nil, confidence: 0.6)
                m.key = org.key
                m.countryHint = org.countryHint
                added.append(m)
            }
            if !added.isEmpty { perSentence[s] = (perSentence[s] + added).sorted { $0.range.lowerBound < $1.range.lowerBound } }
        }
    }

    /// The bare head a word is, after a clitic (its first clitic reading whose stem is one) or as it is; nil for most
    /// words. Remembered per word (`Clitics.bareHeadReference`).
    static func computeBareHeadReference(_ n: String) -> (stem: String, prefix: String)? {
        Clitics.of(n).first(where: { Linker.bareHeads.contains($0.stem) }) ?? (Linker.bareHeads.contains(n) ? (n, "") : nil)
    }

    /// False for a word that cannot be a bare head, clitic or not (most words), read from its bytes alone: a clitic
    /// reading's stem is the word without a proclitic (with «ال» for the «ل» that «لل» swallowed), so it ends as the
    /// word does and is no longer, and a stem equal to a head has its bytes (`WordShape`).
    static func mayBeBareHeadReference(_ n: String) -> Bool { bareHeadShape.mayBe(n) }
    static let bareHeadShape = WordShape(bareHeads)

    /// Whether a word is a bare head after a clitic or as it is (`computeBareHeadReference`, remembered per word).
    static func isBareHeadReference(_ n: String) -> Bool {
        mayBeBareHeadReference(n) && Clitics.bareHeadReference(n, computeBareHeadReference) != nil
    }

    /// «الوطني», «السودانية», «الحر»: a definite word after the head that may make it another name.
    static func isDefiniteAdjective(_ t: Token) -> Bool {
        t.kind == .word && t.norm.hasPrefix("ال") && t.norm.count > 3
            && (t.norm.hasSuffix("ي") || t.norm.hasSuffix("يه") || t.norm.hasSuffix("ه") || t.norm == "الحر")
    }
}

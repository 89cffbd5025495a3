import KBText

extension Linker {
    /// Subtypes of a state's own bodies, which news names without the state when the reader knows which one is meant.
    static let stateOrganSubtypes: Set<String> = ["parliament", "government", "ministry", "army", "security_agency"]

    /// «مجلس النواب» in a report that names Lebanon and nothing Libyan is Lebanon's parliament, not the Libyan House
    /// the gazetteer lists under that short name: a state's own body known to the gazetteer, written without its
    /// state, stays that body when the document names that state somewhere (its name, adjective, a town of it,
    /// a person or body the gazetteer places in it) or no state at all; when it names others only, it becomes an organisation of its own name (of the
    /// one state the document names, if it names one).
    func unlinkForeignStateOrgans(_ perSentence: inout [[RawMention]]) {
        // (the mention read in place)
        func organ(_ s: Int, _ k: Int) -> String? {
            guard perSentence[s][k].type == .organization, perSentence[s][k].gazetteerIDs.count == 1,
                  perSentence[s][k].key == perSentence[s][k].gazetteerIDs[0],
                  let e = facts(perSentence[s][k].key), e.stateOrgan else { return nil }
            guard let c = e.country else { return nil }
            // «الجيش المالي»: a name that carries its state's name or adjective names the state itself
            let says = Linker.gazetteerKey(perSentence[s][k].text).plainSplit(separator: " ").contains { w in
                let bare = ArabicNormalizer.stripArticle(String(w))
                return (gazetteer.lookupAdjective(bare) + gazetteer.lookupName(String(w)) + gazetteer.lookupName(bare)).contains { $0.id == c }
            }
            return says ? nil : c
        }
        // (as keys: hashed from the bytes, with `String`'s equality)
        var named = Set<NormKey>()
        // (the last string inserted: the same string again leaves the set as it is, found without hashing it)
        var last: String? = nil
        func name(_ c: String) {
            if let last, Linker.sameBytes(c, last) { return }
            named.insert(NormKey(c))
            last = c
        }
        // (the state organs and their states, found once: the second pass reads them, not every mention again; a
        // mention's answer depends on it alone, and the second pass changes only the mention it is at)
        var organs: [(s: Int, k: Int, state: String)] = []
        for s in perSentence.indices {
            for k in perSentence[s].indices {
                if let c = organ(s, k) { organs.append((s, k, c)); continue }
                if let c = perSentence[s][k].countryHint { name(c) }
                let key = perSentence[s][k].key, ids = perSentence[s][k].gazetteerIDs
                for id in ids where key == id || ids.count == 1 {
                    if let c = facts(id)?.country { name(c) }
                }
                if Linker.keyHasPrefix(key, "org:"), let at = Linker.lastAt(key) { name(String(key[key.index(after: at)...])) }
            }
        }
        // a document that names no state at all leaves the gazetteer's reading alone
        guard !organs.isEmpty, !named.isEmpty else { return }
        for (s, k, c) in organs where !named.contains(NormKey(c)) {
            // the state it is of, when the document names one state only
            let home = named.count == 1 ? named.first?.string : nil
            let name = Linker.gazetteerKey(perSentence[s][k].text) + (home.map { "@" + $0 } ?? "")
            perSentence[s][k].key = "org:" + name
            perSentence[s][k].nameKey = name
            perSentence[s][k].gazetteerIDs = []
            perSentence[s][k].countryHint = home
        }
    }
}

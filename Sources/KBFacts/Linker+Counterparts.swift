import KBText

/// «وزير الدفاع X ونظيره الروسي»: a counterpart holds the same office as its possessor, in the named country. A
/// defence minister's counterpart is the other country's defence minister, not its foreign minister.
extension Linker {
    /// The person a counterpart title with a nationality stands for («نظيره الروسي», `words` its normalised
    /// words): among the people with a title the document gave before, the most recent one of that country
    /// (the nationality in the title, or the country the gazetteer gives the person) whose office (the title
    /// without nationalities or clitic و/ب/ل) is one the possessor holds. The possessor is the nearest person named
    /// before the counterpart in its sentence. Nil when the possessor's office is not known, or nobody of that
    /// country holds it: the caller then keeps to the nationality alone.
    func sameOfficeCounterpart(_ words: [String], possessor: String?, roles: ArraySlice<(key: String, phrase: String)>) -> String? {
        guard let possessor, words.count > 1 else { return nil }
        let nationality = Array(words.dropFirst())
        let countries = Set(nationality.flatMap { countriesOfAdjective($0) })
        guard !countries.isEmpty else { return nil }
        let offices = Set(roles.filter { $0.key == possessor }.map { office($0.phrase) }.filter { !$0.isEmpty })
        guard !offices.isEmpty else { return nil }
        return roles.last { r in
            guard r.key != possessor, offices.contains(office(r.phrase)) else { return false }
            let rw = r.phrase.plainSplit(separator: " ").map(String.init)
            return rw.contains { !countries.isDisjoint(with: countriesOfAdjective($0)) }
                || gazetteer.country(of: r.key).map(countries.contains) == true
        }?.key
    }

    /// The countries a nationality adjective names («الروسي», «الروسية»: Russia).
    func countriesOfAdjective(_ word: String) -> [String] {
        gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(word)).compactMap { gazetteer.country(of: $0.id) ?? $0.id }
    }

    /// A title's office: its words without nationality adjectives, the first without a clitic و/ب/ل
    /// («ووزير الدفاع الروسي» → «وزير الدفاع»).
    func office(_ phrase: String) -> String {
        var ws = phrase.plainSplit(separator: " ").map(String.init).filter { countriesOfAdjective($0).isEmpty }
        if let h = ws.first, !Lexicon.roleHeads.contains(h),
           let bare = ["و", "ب", "ل", "وب", "ول"].lazy.map({ String(h.dropFirst($0.count)) }).first(where: { h.count > 2 && Lexicon.roleHeads.contains($0) }) {
            ws[0] = bare
        }
        return ws.joined(separator: " ")
    }
}

import KBGraph

/// «… في اختتام زيارته لبيروت» read as the visit of a Lebanese minister named nearer: nobody visits the state he
/// serves or its capital, so a VISIT (or PLANS_VISIT) of a person to the state of one of his offices stated in the
/// document (HOLDS_ROLE to a country named with the office, not the document's country a `doc-country` rule gave: that
/// one is the host's for a visitor), or the state the gazetteer says he serves, or to that state's capital, is a wrong
/// reading of the visitor and is dropped. Other towns of his own state stay visits (a tour of the provinces).
extension Extractor {
    /// The names of the rules whose object is the document's country (`doc-country`).
    static func countryGuessingRules(_ rules: RuleSet) -> Set<String> {
        Set(rules.rules.filter { r in r.object.contains { $0.kind == .documentCountry } }.map(\.name))
    }
    /// ``countryGuessingRules(_:)`` of the bundled rules.
    static let bundledCountryGuessingRules = countryGuessingRules(RuleSet.bundled)

    /// `guessed`: ``countryGuessingRules(_:)`` of `rules` when known (the bundled set's are made once).
    static func droppingHomeVisits(_ drafts: [(Int, FactDraft)], gazetteer: Gazetteer, rules: RuleSet,
                                   guessed known: Set<String>? = nil) -> [(Int, FactDraft)] {
        guard drafts.contains(where: { $0.1.type == "VISIT" || $0.1.type == "PLANS_VISIT" }) else { return drafts }
        let guessed = known ?? countryGuessingRules(rules)
        var home: [String: Set<String>] = [:]
        for (_, d) in drafts where d.type == "HOLDS_ROLE" && d.modality == .asserted && !guessed.contains(d.rule)
            && gazetteer.entry(id: d.object).map({ $0.type == .place && $0.subtype == "country" }) == true {
            home[d.subject, default: []].insert(d.object)
        }
        // (each visitor's states found once: the gazetteer's entry and country of a person cost ~3 K instructions)
        var statesOf: [String: Set<String>] = [:]
        func states(of person: String) -> Set<String> {
            if let known = statesOf[person] { return known }
            var s = home[person] ?? []
            if let e = gazetteer.entry(id: person), e.type == .person, let c = gazetteer.country(of: person) { s.insert(c) }
            statesOf[person] = s
            return s
        }
        func kept(_ d: FactDraft) -> Bool {
            guard d.type == "VISIT" || d.type == "PLANS_VISIT" else { return true }
            let own = states(of: d.subject)
            guard !own.isEmpty else { return true }
            if own.contains(d.object) { return false }
            if let capital = gazetteer.entry(id: d.object)?.capitalOf, own.contains(capital) { return false }
            return true
        }
        // (the drafts read in place; handed back as they are when none is dropped)
        var out: [(Int, FactDraft)]? = nil
        drafts.withUnsafeBufferPointer { ds in
            for k in ds.indices where !kept(ds[k].1) {
                if out == nil { out = Array(ds[..<k]) }
                out!.append(contentsOf: ds[(k + 1)...].filter { kept($0.1) })
                return
            }
        }
        return out ?? drafts
    }
}

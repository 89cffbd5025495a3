import KBGraph

// A stance or tie relates two parties: a state and its own government, army, ministry or security service are one.
extension FactRules {
    /// The types that relate two parties («تونس» and «الحكومة التونسية» are not two).
    static let twoPartyTypes: Set<String> = ["SUPPORT", "OPPOSE", "ACCUSE", "THREATEN", "COOPERATE", "AGREEMENT",
                                             "TENSION_WITH", "ALLY_OF", "RIVAL_OF"]
    /// The organisations that are organs of their state.
    static let organSubtypes: Set<String> = ["government", "ministry", "army", "security_agency"]

    /// True when the draft relates a country to an organ of that same country ("تعهدت X مع موريتانيا بتقديم معونات
    /// للحكومة الموريتانية": Mauritania does not support its own government).
    static func relatesStateToOwnOrgan(_ c: SentenceContext, _ d: FactDraft) -> Bool {
        guard twoPartyTypes.contains(d.type) else { return false }
        func country(_ k: String) -> String? { c.gazetteer.entry(id: k)?.subtype == "country" ? k : nil }
        func organState(_ k: String) -> String? {
            if let e = c.gazetteer.entry(id: k) {
                return e.type == .organization && organSubtypes.contains(e.subtype) ? c.gazetteer.country(of: k) : nil
            }
            // a name the gazetteer does not know («حكومة X(adj)»): an organ by its subtype or its head (GOV_BODY), of the
            // state its nationality adjective names
            guard let i = c.mentions.firstIndex(where: { $0.key == k }), c.mentions[i].type == .organization,
                  organSubtypes.contains(c.mentions[i].subtype) || isStateBody(c, i) else { return nil }
            let m = c.mentions[i]
            return m.countryHint ?? c.mentions.first(where: {
                $0.type == .place && $0.subtype == "country" && m.range.contains($0.range.lowerBound)
            })?.key
        }
        if let s = country(d.subject), organState(d.object) == s { return true }
        if let o = country(d.object), organState(d.subject) == o { return true }
        return false
    }
}

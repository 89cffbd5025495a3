/// Visits the document implies. Companions of a visit told in a later sentence than the visit (`companions-visit`, the document-level half;
/// `FactRules.companionsVisit` pairs them within one sentence).
extension Extractor {
    /// «وصل X إلى Y … ويرافقه في زيارته الوزير Z»: a companion (ACCOMPANIES Z → X) visits where the person he
    /// accompanies visits, when that visit (asserted or planned) was told in the same sentence or the two before
    /// (anywhere before when the companion's sentence names the visit, «في زيارته»: `namesVisit`), and the companion is not already given a visit of that type there. The visit's date goes with it when the
    /// companion's sentence states none. A companion who serves the state he would visit (a host's official at
    /// the guest's side) is not visiting it.
    static func companionsVisitEarlier(_ drafts: [(Int, FactDraft)], countryOf: (String) -> String? = { _ in nil },
                                       namesVisit: (Int) -> Bool = { _ in false }) -> [(Int, FactDraft)] {
        guard drafts.contains(where: { $0.1.type == "ACCOMPANIES" }) else { return drafts }
        var lastVisit: [String: (si: Int, d: FactDraft)] = [:]
        var have = Set<String>()
        for (_, d) in drafts where d.type == "VISIT" || d.type == "PLANS_VISIT" { have.insert("\(d.type)|\(d.subject)|\(d.object)") }
        var out: [(Int, FactDraft)] = []
        for (si, d) in drafts {
            out.append((si, d))
            if (d.type == "VISIT" || d.type == "PLANS_VISIT"), d.modality != .negated, !d.subject.isEmpty, !d.object.isEmpty {
                lastVisit[d.subject] = (si, d)
            }
            guard d.type == "ACCOMPANIES", d.modality == .asserted, let v = lastVisit[d.object], si - v.si <= 2 || namesVisit(si) else { continue }
            let dest = countryOf(v.d.object) ?? v.d.object
            let serves = Set(drafts.filter { $0.1.type == "HOLDS_ROLE" && $0.1.subject == d.subject }.map { countryOf($0.1.object) ?? $0.1.object })
            guard d.subject != v.d.object, !serves.contains(dest), countryOf(d.subject) != dest, have.insert("\(v.d.type)|\(d.subject)|\(v.d.object)").inserted else { continue }
            var x = v.d
            x.subject = d.subject
            x.rule = "visit.companion"
            x.trigger = d.trigger; x.span = d.span
            x.attributed = d.attributed; x.attributedTo = d.attributedTo
            if let own = d.date { x.date = own }
            out.append((si, x))
        }
        return out
    }
}

import KBGraph

/// «التقى الرئيس X الرئيس Y … وكان Y قد توجه إلى القاهرة للقاء X»: a journey's purpose (a rule triggered by a class
/// `PURPOSE_…`: «للقاء», «لبحث») makes a meeting planned, but when the document states that meeting (or those talks)
/// as having taken place between the same pair, the purpose restates it: the planned report is dropped. Talks a
/// journey is for («متوجها إلى Z للقاء Y ولبحث …») are held at the meeting of the pair the document reports held:
/// they are told as held (TALKS), not planned.
extension Extractor {
    static let realisedTypes = ["PLANS_MEET": "MEET", "PLANS_TALKS": "TALKS", "PLANS_VISIT": "VISIT"]
    /// The event at which a planned event of a journey's purpose takes place when the document reports it held.
    static let heldAt = ["PLANS_TALKS": "MEET"]

    /// The names of the rules triggered by a class `PURPOSE_…`.
    static func purposeRules(_ rules: RuleSet) -> Set<String> {
        Set(rules.rules.filter { $0.triggerNames.contains { $0.hasPrefix("PURPOSE_") } }.map(\.name))
    }
    /// ``purposeRules(_:)`` of the bundled rules.
    static let bundledPurposeRules = purposeRules(RuleSet.bundled)

    /// `purpose`: ``purposeRules(_:)`` of `rules` when known (the bundled set's are made once).
    static func droppingRealisedPlans(_ drafts: [(Int, FactDraft)], rules: RuleSet, purpose known: Set<String>? = nil) -> [(Int, FactDraft)] {
        guard drafts.contains(where: { realisedTypes[$0.1.type] != nil }) else { return drafts }
        let purpose = known ?? purposeRules(rules)
        // (only a plan of a purpose rule changes: without one the drafts are handed back as they are)
        guard drafts.containsInPlace(where: { realisedTypes[$0.pointee.1.type] != nil && purpose.contains($0.pointee.1.rule) }) else { return drafts }
        var done = Set<String>()
        for (_, d) in drafts where d.modality == .asserted && realisedTypes.values.contains(d.type) {
            done.insert("\(d.type)|\(d.subject)|\(d.object)")
            if d.type != "VISIT" { done.insert("\(d.type)|\(d.object)|\(d.subject)") }
        }
        return drafts.compactMap { (i, d) in
            guard let t = realisedTypes[d.type], purpose.contains(d.rule) else { return (i, d) }
            if done.contains("\(t)|\(d.subject)|\(d.object)") { return nil }
            guard let at = heldAt[d.type], done.contains("\(at)|\(d.subject)|\(d.object)") else { return (i, d) }
            var held = d
            held.type = t; held.modality = .asserted
            return (i, held)
        }
    }
}

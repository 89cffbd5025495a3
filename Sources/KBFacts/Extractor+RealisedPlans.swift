import KBGraph

/// «التقى الرئيس X الرئيس Y … وكان Y قد توجه إلى القاهرة للقاء X»: a journey's purpose (a rule triggered by a class
/// `PURPOSE_…`: «للقاء», «لبحث») makes a meeting planned, but when the document states that meeting (or those talks)
/// as having taken place between the same pair, the purpose restates it: the planned report is dropped.
extension Extractor {
    static let realisedTypes = ["PLANS_MEET": "MEET", "PLANS_TALKS": "TALKS", "PLANS_VISIT": "VISIT"]

    static func droppingRealisedPlans(_ drafts: [(Int, FactDraft)], rules: RuleSet) -> [(Int, FactDraft)] {
        guard drafts.contains(where: { realisedTypes[$0.1.type] != nil }) else { return drafts }
        let purpose = Set(rules.rules.filter { $0.triggerNames.contains { $0.hasPrefix("PURPOSE_") } }.map(\.name))
        var done = Set<String>()
        for (_, d) in drafts where d.modality == .asserted && realisedTypes.values.contains(d.type) {
            done.insert("\(d.type)|\(d.subject)|\(d.object)")
            if d.type != "VISIT" { done.insert("\(d.type)|\(d.object)|\(d.subject)") }
        }
        return drafts.filter { (_, d) in
            guard let t = realisedTypes[d.type], purpose.contains(d.rule) else { return true }
            return !done.contains("\(t)|\(d.subject)|\(d.object)")
        }
    }
}

// «دعم مالي», «عجز مالي»: the country Mali and the adjective "financial" are one word. After an indefinite noun of
// money it is the adjective; the Malian source («مصدر أمني مالي») and the country after a preposition or a head
// noun («في مالي», «حكومة مالي») keep the country.

import KBText

extension EntityRecognizer {
    /// Nouns that «مالي» qualifies as "financial" (indefinite, as written before the adjective).
    static let moneyNouns: Set<String> = ["دعم", "عجز", "تمويل", "مبلغ", "قرض", "تعويض", "فساد", "احتياطي", "عائد", "مردود",
                                          "حافز", "التزام", "اختلاس", "ضمان", "تحويل", "تبرع", "مورد", "استثمار"]

    /// Drops the place read in «مالي» (the word alone, no clitic: by the gazetteer or the labeller) right after one of
    /// `moneyNouns`, with or without «و».
    func dropFinancialMali(_ t: [Token], _ mentions: inout [RawMention]) {
        // (most sentences have no one-word place «مالي»: their mentions are read in place, no partition made)
        guard mentions.indices.contains(where: { k in
            mentions[k].type == .place && mentions[k].range.count == 1 && !mentions[k].isAdjective
                && t[mentions[k].range.lowerBound].norm.plainEquals("مالي")
        }) else { return }
        mentions.removeAll { m in
            guard m.type == .place, m.range.count == 1, !m.isAdjective,
                  t[m.range.lowerBound].norm == "مالي", m.range.lowerBound > 0 else { return false }
            let prev = t[m.range.lowerBound - 1].norm
            return EntityRecognizer.moneyNouns.contains(prev) || prev.hasPrefix("و") && EntityRecognizer.moneyNouns.contains(String(prev.dropFirst()))
        }
    }
}

import KBGraph
import KBText

// `speaker-country`: «قال الرئيس X(adj) Y إن بلاده تدعم …» — «بلاده» stands for the country of the speaker's title.
extension RuleEngine {
    /// The mention of the country a word of class `HIS_COUNTRY` right before the trigger at i (or the trigger itself:
    /// «دعم بلاده لـ Y» read on «بلاده») stands for: the state the title of the nearest person before it names, else,
    /// when no person is named before it, the nationality adjective of a bare title («وأكد الوزير الكويتي دعم بلاده»:
    /// a word of `ROLE_HEAD` at most two words before the adjective).
    static func speakerCountry(at i: Int, _ c: SentenceContext, excluding: String?) -> Int? {
        guard let b = (max(0, i - 2)...i).last(where: { c.inClass($0, "HIS_COUNTRY") }) else { return nil }
        func usable(_ m: Int) -> Bool { !c.mentions[m].key.isEmpty && c.mentions[m].key != excluding }
        if let p = (0..<b).compactMap({ c.mention(at: $0) }).last(where: { c.mentions[$0].type == .person }) {
            guard let cue = c.mentions[p].role,
                  let m = cue.range.compactMap({ c.mention(at: $0) }).first(where: {
                      c.mentions[$0].type == .place && (c.mentions[$0].isAdjective || c.mentions[$0].subtype == "country")
                  }), usable(m) else { return nil }
            return m
        }
        guard let m = (0..<b).compactMap({ c.mention(at: $0) }).last(where: { c.mentions[$0].type != .date }),
              c.mentions[m].type == .place, c.mentions[m].isAdjective, usable(m) else { return nil }
        let lo = c.mentions[m].range.lowerBound
        return (max(0, lo - 3)..<lo).contains(where: { c.mention(at: $0) == nil && c.inClass($0, c.classInfo.roleHead) }) ? m : nil
    }
}

import KBGraph
import KBText

extension Extractor {
    /// `doc-country` arguments: the state a person the gazetteer knows serves, else the country the document is about. News about a visit names the host's
    /// officials without their country: the country of the first place visited (or where a meeting was held);
    /// else the country the document names most often (by name or adjective, twice at least; the first named
    /// wins a tie; not the state of a received guest). Without one the draft is dropped.
    /// A state a counterpart word names in the draft's sentence («بدعوة من نظيره الكندي», `counterparts`: the
    /// state and the people named before the word) is not the document's country of a person named before it: no
    /// fact rather than the other side's state. Nor is it the state of a person whose office (`office`: the office
    /// a HOLDS_ROLE draft's title names) another holds of it by a statement (Extractor+SoleHolders.swift).
    /// Whether a draft has a `@doc-` placeholder: else ``resolveDocumentCountry(_:_:counterparts:office:countryOf:)``
    /// leaves the drafts as they are (and reads none of its other arguments).
    static func namesDocumentPlaceholder(_ drafts: [(Int, FactDraft)]) -> Bool {
        // (the drafts read in place, each key's first byte before `hasPrefix`: DocumentPasses.swift)
        drafts.withUnsafeBufferPointer { ds in
            ds.contains { isDocumentPlaceholder($0.1.subject) || isDocumentPlaceholder($0.1.object) }
        }
    }

    static func resolveDocumentCountry(_ drafts: [(Int, FactDraft)], _ mentions: [[RawMention]],
                                       counterparts: [[String: Set<String>]] = [],
                                       office: (Int, FactDraft) -> String? = { _, _ in nil },
                                       countryOf: (String) -> String?) -> [(Int, FactDraft)] {
        guard namesDocumentPlaceholder(drafts) else { return drafts }
        var count: [String: Int] = [:], first: [String: Int] = [:]
        // (the mentions read in place, in document order)
        for ms in mentions {
            for k in ms.indices where ms[k].type == .place && ms[k].subtype == "country" && !ms[k].key.isEmpty {
                count[ms[k].key, default: 0] += 1
                if first[ms[k].key] == nil { first[ms[k].key] = first.count }
            }
        }
        var host: String? = nil
        // (the drafts read in place: a `for (_, d) in` or a `filter` copied each one, a retain per string)
        for k in drafts.indices where drafts[k].1.modality == .asserted {
            let type = drafts[k].1.type
            if type == "VISIT" { host = countryOf(drafts[k].1.object) }
            else if type == "RECEIVE" || type == "MEET" || type == "TALKS" || type == "HOSTS", let p = drafts[k].1.place { host = countryOf(p) }
            if host != nil { break }
        }
        // a guest's state is not the host's: "استقبل الرئيس X وزير الخارجية الروسي Y" is not about Russia
        var guests = Set<String>()
        for k in drafts.indices where drafts[k].1.type == "RECEIVE" && drafts[k].1.modality == .asserted { guests.insert(drafts[k].1.object) }
        var guestStates = Set<String>()
        // a person whose office the document states with its state or body keeps that one
        var stated = Set<String>()
        for k in drafts.indices where drafts[k].1.type == "HOLDS_ROLE" {
            if guests.contains(drafts[k].1.subject) { guestStates.insert(drafts[k].1.object) }
            if drafts[k].1.object != RuleEngine.documentCountry { stated.insert(drafts[k].1.subject) }
        }
        let best = host ?? count.filter { $0.value >= 2 && !guestStates.contains($0.key) }.max { a, b in a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]! }?.key
        func companionState(_ p: String) -> String? {
            for (_, a) in drafts where a.type == "ACCOMPANIES" && a.subject == p {
                if let c = countryOf(a.object) { return c }
                if let r = drafts.first(where: { $0.1.type == "HOLDS_ROLE" && $0.1.subject == a.object && $0.1.object != RuleEngine.documentCountry }),
                   count[r.1.object] != nil { return r.1.object }
            }
            return nil
        }
        // one office of one state has one holder: a title with no state gives another the state it names
        let moved = best.map { soleHolderStates(drafts, host: $0, count: count, office: office,
                                                own: { countryOf($0) ?? companionState($0) }) } ?? [:]
        // "بين البلدين": the sentence's two states, else the states of the two sides of the last contact told so far,
        // else (no contact told) the two states the document has named
        func state(_ k: String) -> String? {
            if count[k] != nil { return k }
            if let c = countryOf(k) { return c }
            return drafts.first(where: { $0.1.type == "HOLDS_ROLE" && $0.1.subject == k && count[$0.1.object] != nil })?.1.object
        }
        func pair(_ si: Int) -> (String, String)? {
            var own: [String] = [], named: [String] = []
            if si < mentions.count {
                for m in mentions[si] where m.type == .place && m.subtype == "country" && !m.key.isEmpty && !own.contains(m.key) {
                    own.append(m.key)
                    if !m.isAdjective { named.append(m.key) }
                }
            }
            if own.count == 2 { return (own[0], own[1]) }
            // the last contact whose two sides serve two states (and the sentence's own state named by name among
            // them: an adjective alone, «الأزمة السورية», names a topic more often than a side)
            for (sj, d) in drafts.reversed() where sj <= si && RuleEngine.contactTypes.contains(d.type) {
                guard let a = state(d.subject), let b = state(d.object), a != b else { continue }
                return named.allSatisfy({ $0 == a || $0 == b }) && (own.count < 2 || own.allSatisfy({ $0 == a || $0 == b })) ? (a, b) : nil
            }
            // no contact told: the document's two states (RuleEngine+DocumentPair.swift)
            return twoStatesNamed(upTo: si, mentions, own: own)
        }
        return drafts.compactMap { (si, d) in
            if d.type == "HOLDS_ROLE", d.object == RuleEngine.documentCountry, stated.contains(d.subject) { return nil }
            var x = d
            if x.subject == RuleEngine.documentPair.0 {
                guard let p = pair(si) else { return nil }
                x.subject = p.0; x.object = p.1
                return (si, x)
            }
            guard x.subject == RuleEngine.documentCountry || x.object == RuleEngine.documentCountry else { return (si, x) }
            // a person the gazetteer knows serves the state it names; a companion serves the state of the one he accompanies
            let own = x.object == RuleEngine.documentCountry ? countryOf(x.subject) ?? companionState(x.subject) : nil
            // (another holds his office of the document's country: the state he takes instead, or none)
            let instead = own == nil && x.type == "HOLDS_ROLE" ? moved[x.subject] : nil
            if let instead, instead == nil { return nil }
            guard let b = own ?? instead ?? best else { return nil }
            if own == nil, x.object == RuleEngine.documentCountry, si < counterparts.count, counterparts[si][b]?.contains(x.subject) == true { return nil }
            if x.subject == RuleEngine.documentCountry { x.subject = b }
            if x.object == RuleEngine.documentCountry { x.object = b }
            return x.subject == x.object ? nil : (si, x)
        }
    }
}

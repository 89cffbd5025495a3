// `object-of TYPE`: a rule whose subject is the object of a fact another rule found on the same trigger word
// (rules/migrated-received.rules: «استقبل X Y في Z» — the guest Y came to Z). Such rules run after the sentence's
// other rules, in the order of their triggers.

import KBGraph
import KBText

// (`Rule.readsFacts`: Rule.swift, kept with the finders)

extension RuleEngine {
    /// The people named after trigger i who are the object of an asserted fact of the type found on it.
    static func factObjects(_ type: String, at i: Int, _ c: SentenceContext, _ facts: [FactDraft]) -> [Int] {
        var out: [Int] = []
        for d in facts where d.trigger == i && d.type == type && d.modality == .asserted && !d.object.isEmpty {
            guard let g = c.mentions.indices.first(where: { c.mentions[$0].key == d.object && c.mentions[$0].type == .person
                    && c.mentions[$0].range.lowerBound > i }), !out.contains(g) else { continue }
            out.append(g)
        }
        return out
    }

    /// Runs the deferred `object-of` rules over the facts the sentence's other rules found.
    static func factObjectRules(_ deferred: [(rule: Int, at: Int)], _ c: SentenceContext, _ set: RuleSet, _ classes: [[Int]], _ cue: Cues,
                                _ lex: WordLexicon, _ table: RelationTable, facts: [FactDraft], trace: ExtractionTrace?) -> [FactDraft] {
        var out: [FactDraft] = []
        for (ri, i) in deferred {
            let r = set.rules[ri]
            switch apply(r, at: i, c, classes, cue, lex, table, facts: facts) {
            case .fired(let drafts):
                out += drafts
                for d in drafts { trace?.note("rule \(r.name) fired on «\(c.tokens[i].text)»: \(d.type) \(label(c, d.subject)) → \(label(c, d.object))") }
            case .failed(let why):
                trace?.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(why)")
            case .unmet(let q):
                trace?.note("rule \(r.name) on «\(c.tokens[i].text)» did not fire: \(unmetReason(q))")
            }
        }
        return out
    }
}

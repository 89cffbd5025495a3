// Attribution: a fact the sentence does not state on its own account but attributes to a source — reported
// speech («قالت مصادر إن …», «أفادت تقارير بأن …», «وقال الوزير: …»), an impersonal report («يعتقد أن …»), or an
// attribution phrase anywhere in the sentence («بحسب وكالة …», «وفقا لما ذكرته صحيفة …», «نقلا عن …»). The cue
// words are word classes of the lexicon (Resources/lexicon.txt), read by the engine itself:
//   REPORT_SAY        a verb of saying or reporting; its complement clause is reported
//   REPORT_THAT       the complementiser that opens that clause (إن، أن، بأن); a colon opens direct speech;
//                     not after a word of REPORT_NOT_THAT («بعد أن», «قبل أن»: conjunctions of time)
//   REPORT_ACCORDING  an attribution phrase (بحسب، وفقا، نقلا); it attributes the whole sentence when a source
//                     follows it: a person or organisation, a word of REPORT_SOURCE («مصادر», «تقارير») or a verb
//                     of saying («وفقا لما ذكرته وكالة X»)
// The source is the entity the text names as the one speaking: the subject of the verb (after it, or just
// before it), or the mention after the attribution phrase; none when the text names none («مصادر مطلعة»).
// Attribution does not change the fact's type or modality: a reported fact may also be planned or negated. Facts
// of the types a rule file lists as `background` (an office, a capital, where a place lies: rules/attribution.rules)
// are the writer's background knowledge, not the source's claim, and are never attributed.

import KBGraph
import KBText

extension FactRules {
    /// Marks the drafts of the sentence that lie in the scope of an attribution cue.
    static func attribute(_ c: SentenceContext, _ drafts: inout [FactDraft]) {
        guard !drafts.isEmpty else { return }
        // (the class ids looked up once per lexicon, RuleEngine+ClassIDs.swift: `c.ruleSet.lexicon` copied the rule set
        // and its lexicon per sentence, and the names were hashed)
        let info = c.classInfo
        guard let say = info.reportSay, let that = info.reportThat else { return }
        let according = info.reportAccording, sourceWord = info.reportSource
        let notThat = info.reportNotThat
        func isClass(_ k: Int, _ cls: Int?) -> Bool {
            guard let cls, k >= 0, k < c.tokens.count, c.tokens[k].kind == .word, c.mention(at: k) == nil else { return false }
            return c.tokenClasses[k].contains(cls)   // (the classes of the context's lexicon, `lex`, looked up once)
        }
        // a sentence end (a colon is not one: it opens direct speech)
        func barrier(_ k: Int) -> Bool { c.isStrongPunct(k) && c.tokens[k].text != ":" }
        func isSource(_ m: Int) -> Bool {
            let mm = c.mentions[m]
            guard !mm.isAdjective, !mm.key.isEmpty, !mm.key.hasPrefix("group:") else { return false }
            return mm.type == .person || mm.type == .organization || (mm.type == .place && mm.subtype == "country")
        }
        /// (scope start: the first token of the reported clause, source key)
        var scopes: [(from: Int, to: Int, source: String?)] = []
        for v in c.tokens.indices where isClass(v, say) {
            // the complementiser (or a colon) within a few words after the verb, its subject between
            // ("قالت مصادر …": an unnamed source noun before any name is the subject: no source)
            var k = v + 1, source: String? = nil, opens: Int? = nil, unnamed = false
            while k < c.tokens.count, k - v <= 12, !barrier(k) {
                if let m = c.mention(at: k) {
                    if source == nil, !unnamed, isSource(m) { source = c.mentions[m].key }
                    k = c.mentions[m].range.upperBound; continue
                }
                // ("بعد أن", "قبل أن": a conjunction of time, not a complementiser)
                if (isClass(k, that) && !isClass(k - 1, notThat)) || c.tokens[k].text == ":" { opens = k; break }
                // ("قال المسؤول الأمريكي X إن": a title of the name after it is not an unnamed source)
                if source == nil, isClass(k, sourceWord), !c.mentions.contains(where: { $0.role?.range.contains(k) ?? false }) { unnamed = true }
                k += 1
            }
            guard let o = opens else { continue }
            if source == nil, !unnamed {
                // "X قال إن …", "X، قال إن …": the subject just before the verb
                var j = v - 1
                if c.isComma(j) { j -= 1 }
                if let m = c.mention(at: j), isSource(m) { source = c.mentions[m].key }
            }
            // the clause runs to the end of the sentence
            var end = o + 1
            while end < c.tokens.count, !barrier(end) { end += 1 }
            scopes.append((o + 1, end, source))
        }
        if let according {
            for a in c.tokens.indices where isClass(a, according) {
                // the phrase runs to a comma, a complementiser or the end of the sentence, eight words at most;
                // it is an attribution only with a source: "بحسب الاتفاق" is not one
                // ("بحسب مصادر إعلامية …": an unnamed source noun before any name: no source; "وفقا لما ذكرته
                // وكالة X": a verb of saying, then the source)
                var source: String? = nil, sourced = false, unnamed = false
                var k = a + 1
                while k < c.tokens.count, k - a <= 8, !barrier(k), !c.isComma(k), !isClass(k, that) {
                    if let m = c.mention(at: k) {
                        if isSource(m) {
                            if source == nil, !unnamed { source = c.mentions[m].key }
                            if k - a <= 3 { sourced = true }
                        } else if k - a <= 1 { break }
                        k = c.mentions[m].range.upperBound; continue
                    }
                    if isClass(k, sourceWord), source == nil {
                        unnamed = true
                        if k - a <= 3 { sourced = true }
                    }
                    if k - a <= 3, isClass(k, say) { sourced = true }
                    k += 1
                }
                guard sourced else { continue }
                // the whole sentence
                var lo = a, hi = a
                while lo > 0, !barrier(lo - 1) { lo -= 1 }
                while hi < c.tokens.count, !barrier(hi) { hi += 1 }
                scopes.append((lo, hi, source))
            }
        }
        guard !scopes.isEmpty else { return }
        // a fact of a background type (an office, a capital, where a place lies: `background` in the rule files) is
        // the writer's, not the source's claim
        let background = c.rules.set.backgroundTypes
        for d in drafts.indices where !drafts[d].attributed && !background.contains(drafts[d].type) {
            let t = drafts[d].trigger
            guard let s = scopes.first(where: { $0.from <= t && t < $0.to }) else { continue }
            drafts[d].attributed = true
            // a source that is a party to the fact still reports it ("قال X إنه التقى Y")
            drafts[d].attributedTo = s.source
        }
    }
}

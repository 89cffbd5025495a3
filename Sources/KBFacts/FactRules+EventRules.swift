// What the data rules still need from the Swift event rules: which forces can deploy (the finder option `force`,
// the deployment a withdrawal implies).
// Support, ends of cooperation and seizures of power are data rules (rules/migrated-support.rules,
// rules/migrated-ties.rules); their lexicons and party finders are in FactRules+Events.swift.

import KBGraph
import KBText

extension FactRules {
    /// Forces, armed groups, governments and states deploy; parliaments, ministries, media and companies do not.
    /// (A name the gazetteer does not know deploys when its head is a word of the lexicon class FORCE_HEAD: «قوات»,
    /// «جيش», «مجموعة» …; the finder option `force` of the rule files.)
    static func canDeploy(_ c: SentenceContext, _ m: RawMention) -> Bool {
        if m.type == .place { return true }
        let sub = c.gazetteer.entry(id: m.key)?.subtype ?? m.subtype
        if ["army", "armed_group", "government", "security_agency", "intl_org", "alliance"].contains(sub) { return true }
        guard sub.isEmpty, let head = PlainConcat.firstWord(m.text).map({ ArabicNormalizer.normalize(String($0)) }),
              let cls = c.ruleSet.lexicon.classID("FORCE_HEAD") else { return false }
        return c.ruleSet.lexicon.classes(of: head).contains(cls)
    }
}

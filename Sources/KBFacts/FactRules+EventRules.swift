// The Swift event rules still listed as procedural in the rule files (support, arrests,
// attacks, ends of cooperation, seizures of power, apposition of
// places); their lexicons and party finders are in FactRules+Events.swift.

import KBGraph
import KBText

extension FactRules {
    // MARK: Rules

    /// SUPPORT: "تقف X إلى جانب Y", "وقوف X إلى جانب الشعب الليبي", "دعم X لـ Y", "X الداعمة لـ Y",
    /// "مساعدات عسكرية من Y" (Y supports the party before), "زودت X Y بالأسلحة".
    static func support(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        if c.matches(i, standWords) {
            guard let j = (i + 1..<min(c.tokens.count, i + 9)).first(where: {
                c.tokens[$0].norm == "جانب" || c.tokens[$0].norm == "بجانب" }), j > 0, c.tokens[j - 1].norm == "الي" || c.tokens[j - 1].norm == "الى"
                || c.tokens[j].norm == "بجانب" else { return [] }
            guard let y = partyAfter(c, j, limit: 5) else { return [] }
            let x = (i + 1..<j).compactMap { c.mention(at: $0) }.first { isParty(c, c.mentions[$0]) && !c.mentions[$0].inRolePhrase }
                ?? partyBefore(c, i, limit: 10, excluding: [c.mentions[y].key])
            guard let s = x, let d = draft(c, "SUPPORT", s, y, i, rule: "support.stand-by", base: 0.75) else { return [] }
            return [d]
        }
        // "تضامن X مع Y", "أعلنت X تضامنها الكامل مع Y": X supports Y
        if c.matches(i, solidarityWords) {
            guard let k = (i + 1..<min(c.tokens.count, i + 5)).first(where: { c.tokens[$0].norm == "مع" }),
                  let y = partyAfter(c, k, limit: 3) else { return [] }
            let x = (i + 1..<k).compactMap { c.mention(at: $0) }.first { isParty(c, c.mentions[$0]) && !c.mentions[$0].inRolePhrase }
                ?? speakersCountry(c, i) ?? partyBefore(c, i, limit: 10, excluding: [c.mentions[y].key])
            guard let s = x, let d = draft(c, "SUPPORT", s, y, i, rule: "support.solidarity", base: 0.7) else { return [] }
            return [d]
        }
        // "… من Y" right after the trigger (up to two words between): Y supports the party before
        var fromIdx: Int? = nil
        for k in i + 1..<min(c.tokens.count, i + 4) {
            if c.isStrongPunct(k) || c.isComma(k) || c.mention(at: k) != nil { break }
            if c.tokens[k].norm == "من" { fromIdx = k; break }
        }
        let withBa = c.tokens[i].norm.hasPrefix("ب")
        if withBa || fromIdx != nil {
            let after = fromIdx ?? i
            guard let supporter = c.actorAfter(after, limit: 6, types: [.person, .organization, .place]) ?? c.adjectiveAfter(after, limit: 4),
                  fromIdx == nil || c.mentions[supporter].range.lowerBound <= after + 3 else { return [] }
            var beneficiaries: [Int] = []
            var k = i - 1
            while k >= 0, i - k <= 14 {
                if c.isStrongPunct(k) || (!withBa && c.isComma(k)) { break }
                if let m = c.mention(at: k) {
                    let mm = c.mentions[m]
                    if (withBa ? c.isActor(mm) : isParty(c, mm)), !mm.inRolePhrase {
                        beneficiaries = [m] + beneficiaries.filter { c.mentions[$0].key != mm.key }
                    }
                    k = mm.range.lowerBound - 1; continue
                }
                k -= 1
            }
            // "أشاد الرئيس الصومالي بالدعم التركي لبلاده": the beneficiary is the country of the speaker's title
            if let k = (c.mentions[supporter].range.upperBound..<min(c.tokens.count, c.mentions[supporter].range.upperBound + 3)).first(where: {
                ["لبلاده", "لبلادها", "لبلده", "لبلدها"].contains(c.tokens[$0].norm) }) {
                let own = beneficiaries.compactMap { b -> Int? in
                    guard c.mentions[b].type == .person, let cue = c.mentions[b].role else { return nil }
                    return cue.range.compactMap { c.mention(at: $0) }.first { c.mentions[$0].type == .place && (c.mentions[$0].isAdjective || c.mentions[$0].subtype == "country") }
                }.first
                guard let country = own else { return [] }
                return draft(c, "SUPPORT", supporter, country, k, rule: "support.by", base: 0.75).map { [$0] } ?? []
            }
            return beneficiaries.compactMap { b in draft(c, "SUPPORT", supporter, b, i, rule: "support.by", base: 0.75) }
        }
        // the masdar with its agent and a ل-object: "دعم القاهرة لسيادة ليبيا", "دعم روسيا للمجلس العسكري"
        if let x = partyAfter(c, i, limit: 2, people: false), c.mentions[x].range.lowerBound <= i + 2,
           let y = partyAfter(c, c.mentions[x].range.upperBound - 1, limit: 3, excluding: [c.mentions[x].key]),
           hasLam(c, c.mentions[x].range.upperBound, c.mentions[y].range.lowerBound) {
            return draft(c, "SUPPORT", x, y, i, rule: "support.masdar", base: 0.75).map { [$0] } ?? []
        }
        // VSO: "تدعم الإمارات قوات X بالسلاح", "زودت روسيا مالي بطائرات"
        if c.matches(i, supportVerbs), partyBefore(c, i, limit: 12) == nil, let x = partyAfter(c, i, limit: 2, people: false),
           let y = partyAfter(c, c.mentions[x].range.upperBound - 1, limit: 2, excluding: [c.mentions[x].key]) {
            return draft(c, "SUPPORT", x, y, i, rule: "support.verb", base: 0.75).map { [$0] } ?? []
        }
        // "أرسلت X مساعدات إنسانية إلى غزة": aid goes to a place too
        guard let obj = partyAfter(c, i, limit: 4) ?? (c.matches(i, aidWords) ? c.destinationAfter(i, limit: 5) : nil) else { return [] }
        // "X الداعمة لـ Y", "X يدعم Y", "دور X في دعم Y"
        var subj = speakersCountry(c, i) ?? partyBefore(c, i, limit: 12, excluding: [c.mentions[obj].key])
        if subj == nil {
            subj = (max(0, i - 3)..<i).compactMap { c.mention(at: $0) }.last {
                c.mentions[$0].isAdjective && c.mentions[$0].type == .place && !c.mentions[$0].inRolePhrase && c.mentions[$0].key != c.mentions[obj].key
            }
        }
        guard let s = subj, let d = draft(c, "SUPPORT", s, obj, i, rule: "support.verb", base: 0.75) else { return [] }
        // "وأكدت فرنسا وألمانيا دعمهما لأوكرانيا": both supporters
        if let (a, b) = jointSubject(c, i), b == s, let e = draft(c, "SUPPORT", a, obj, i, rule: "support.verb", base: 0.75) { return [e, d] }
        return [d]
    }

    /// True when the subject of the trigger is a pronoun ("أنه احتجز"): no name before it is the subject.
    static func pronounBefore(_ c: SentenceContext, _ i: Int) -> Bool {
        i > 0 && (c.matches(i - 1, pronounSubjects) || (i > 1 && c.matches(i - 2, pronounSubjects) && c.mention(at: i - 1) == nil))
    }

    /// A place (not an adjective) after token i.
    static func placeAfter(_ c: SentenceContext, _ i: Int, limit: Int) -> Int? {
        c.actorAfter(i, limit: limit, types: [.place])
    }

    /// Forces, armed groups, governments and states deploy; parliaments, ministries, media and companies do not.
    /// (A name the gazetteer does not know deploys when its head is a word of the lexicon class FORCE_HEAD: «قوات»,
    /// «جيش», «مجموعة» …; the finder option `force` of the rule files.)
    static func canDeploy(_ c: SentenceContext, _ m: RawMention) -> Bool {
        if m.type == .place { return true }
        let sub = c.gazetteer.entry(id: m.key)?.subtype ?? m.subtype
        if ["army", "armed_group", "government", "security_agency", "intl_org", "alliance"].contains(sub) { return true }
        guard sub.isEmpty, let head = m.text.split(separator: " ").first.map({ ArabicNormalizer.normalize(String($0)) }),
              let cls = c.ruleSet.lexicon.classID("FORCE_HEAD") else { return false }
        return c.ruleSet.lexicon.classes(of: head).contains(cls)
    }

    static func mentionFree(_ c: SentenceContext, _ k: Int) -> Bool { c.mention(at: k) == nil }

    /// ENDS_COOPERATION: "ألغى X اتفاقات التعاون مع Y", "فكت X تحالفها مع Y", "إنهاء X العلاقات مع Y",
    /// "ألغى X اتفاقات التعاون بين A وB" (the party that is not X's own). Returns the tie word consumed.
    static func endsCooperation(_ c: SentenceContext, _ i: Int) -> (drafts: [FactDraft], tie: Int?) {
        // the tie within a few words, names between not counted ("ألغى الجيش بقيادة الجنرال X اتفاقات التعاون")
        var tieIdx: Int? = nil
        var words = 0
        var k0 = i + 1
        while k0 < c.tokens.count, words < 5 {
            if c.isStrongPunct(k0) || c.isComma(k0) { break }
            if let m = c.mention(at: k0) { k0 = c.mentions[m].range.upperBound; continue }
            if c.matches(k0, tieWords) { tieIdx = k0; break }
            words += 1; k0 += 1
        }
        guard let tie = tieIdx else { return ([], nil) }
        var x = (i + 1..<tie).compactMap { c.mention(at: $0) }.first {
            isParty(c, c.mentions[$0]) && !c.mentions[$0].inRolePhrase && !afterLedBy(c, c.mentions[$0])
        }
        // "فقد ألغى X …": after قد the subject follows the verb
        let vso = i > 0 && ["قد", "فقد", "وقد", "لقد"].contains(c.tokens[i - 1].norm)
        if x == nil, !vso, !pronounBefore(c, i) { x = partyBefore(c, i, limit: 10) }
        var ys: [Int] = []
        var k = tie + 1
        while k < c.tokens.count, k - tie <= 6 {
            if c.isStrongPunct(k) { break }
            let t = c.tokens[k].norm
            if t == "مع" || t == "بين" {
                if let a = partyAfter(c, k, limit: 6, people: false) {
                    ys = t == "بين" ? c.conjuncts(of: a, adjectives: false).filter { isParty(c, c.mentions[$0]) } : [a]
                }
                break
            }
            k += 1
        }
        guard let s = x, !ys.isEmpty else { return ([], tie) }
        // "بين باريس ونيامي": the party that is not the subject's own country
        let own = c.gazetteer.country(of: c.mentions[s].key) ?? c.mentions[s].countryHint ?? c.mentions[s].key
        let others = ys.filter { y in
            let yk = c.mentions[y].key
            return yk != c.mentions[s].key && (c.gazetteer.country(of: yk) ?? yk) != own
        }
        let targets = ys.count > 1 && others.count == 1 ? others : (ys.count == 1 ? ys : [])
        return (targets.compactMap { draft(c, "ENDS_COOPERATION", s, $0, i, rule: "ends-cooperation", base: 0.75) }, tie)
    }

    /// CONTROLS of a country by the organisation that took power: "المجلس العسكري X(adj) الذي استولى على الحكم",
    /// "استولى الجيش على الحكم في X". The country: the one named with the organisation, or "في X" after.
    static func tookPower(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        guard let noun = (i + 1..<min(c.tokens.count, i + 4)).first(where: { c.matches($0, powerNouns) }) else { return [] }
        // the organisation: between verb and noun (VSO), else before the verb
        let org = (i + 1..<noun).compactMap { c.mention(at: $0) }.first { c.mentions[$0].type == .organization && c.isActor(c.mentions[$0]) }
            ?? c.actorBefore(i, limit: 6).flatMap { c.mentions[$0].type == .organization ? $0 : nil }
        guard let o = org else { return [] }
        let om = c.mentions[o]
        var country: String? = om.countryHint ?? c.gazetteer.country(of: om.key)
        if country == nil, noun + 2 < c.tokens.count, c.tokens[noun + 1].norm == "في", let m = c.mention(at: noun + 2),
           c.mentions[m].type == .place, c.mentions[m].subtype == "country" { country = c.mentions[m].key }
        guard let k = country, k != om.key else { return [] }
        return [FactDraft(type: "CONTROLS", subject: om.key, object: k, trigger: i, span: c.span([o], i),
                          rule: "controls.took-power", confidence: conf(0.75, abs(om.range.lowerBound - i), c, [o]))]
    }
}

import KBGraph
import KBText

/// A fact found in a sentence, before it gets provenance and an id.
struct FactDraft {
    var type: String
    var subject: String            // entity key
    var object: String
    var place: String? = nil
    var trigger: Int               // token index of the trigger word
    var span: Range<Int>           // tokens covering trigger and arguments
    var rule: String
    var confidence: Double
    var role: String? = nil
    var modality: Modality = .asserted
    var date: FactDate? = nil
    /// Rules that describe states (roles, capitals) take no event date.
    var takesDate = true
}

/// The sentence as the fact rules see it: tokens, resolved mentions and dates.
struct SentenceContext {
    let tokens: [Token]
    let mentions: [RawMention]
    let dates: [DateMention]
    let gazetteer: Gazetteer
    private let owner: [Int?]

    /// Each word's normalised form and clitic-free stems, computed once per sentence.
    private let wordForms: [[String]]

    init(tokens: [Token], mentions: [RawMention], dates: [DateMention], gazetteer: Gazetteer) {
        self.tokens = tokens; self.mentions = mentions; self.dates = dates; self.gazetteer = gazetteer
        var o = [Int?](repeating: nil, count: tokens.count)
        for (k, m) in mentions.enumerated() { for t in m.range where t < o.count { o[t] = k } }
        owner = o
        // only words that some rule looks for keep their forms: `matches` is then a single test for the rest
        wordForms = tokens.map { t in
            guard t.kind == .word else { return [] }
            return Clitics.ruleForms(t.norm) { n in
                let forms = [n] + Clitics.of(n).map(\.stem)
                return forms.contains(where: { FactRules.ruleWords.contains($0) }) ? forms : []
            }
        }
    }

    func mention(at i: Int) -> Int? { i >= 0 && i < owner.count ? owner[i] : nil }

    /// People and organisations act; media outlets are sources, not actors.
    func isActor(_ m: RawMention) -> Bool {
        (m.type == .person || m.type == .organization) && !m.isAdjective && m.subtype != "media"
    }

    /// The word (normalised) at i and its clitic-free stems.
    /// The word's clitic-free forms, when it is one the rules look for (else empty).
    func forms(_ i: Int) -> [String] {
        i >= 0 && i < tokens.count ? wordForms[i] : []
    }

    func matches(_ i: Int, _ set: Set<String>) -> Bool { forms(i).contains { set.contains($0) } }

    func isComma(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && (tokens[i].text == "،" || tokens[i].text == ",") }
    /// Punctuation that closes a clause: an argument is not looked for across it (commas, slashes,
    /// dashes and quotes do not count).
    func isStrongPunct(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        return [".", "!", "?", "؟", ";", "؛", ":", "(", ")", "[", "]"].contains(tokens[i].text)
    }

    /// Nearest actor before token i (skipping role-phrase qualifiers), within `limit` tokens; a relative pronoun
    /// ("الذي"/"التي") right before i points at the mention before it.
    func actorBefore(_ i: Int, limit: Int = 14, excluding: Set<String> = [], countries: Bool = false, personsOnly: Bool = false) -> Int? {
        var k = i - 1
        while k >= 0, i - k <= limit {
            if isStrongPunct(k) { return nil }
            if let m = mention(at: k) {
                let mm = mentions[m]
                if isActor(mm) || (countries && mm.type == .place && (mm.subtype == "country" || mm.subtype == "group") && !mm.isAdjective),
                   !mm.inRolePhrase, !excluding.contains(mm.key), !personsOnly || mm.type == .person { return m }
                k = mm.range.lowerBound - 1; continue
            }
            k -= 1
        }
        return nil
    }

    /// First actor after token i, within `limit` tokens, stopping at strong punctuation.
    func actorAfter(_ i: Int, limit: Int = 14, types: Set<EntityType> = [.person, .organization], excluding: Set<String> = [],
                    stopAt: Set<String> = []) -> Int? {
        var k = i + 1
        while k < tokens.count, k - i <= limit {
            if isStrongPunct(k) { return nil }
            if !stopAt.isEmpty, mention(at: k) == nil, matches(k, stopAt) { return nil }
            if let m = mention(at: k) {
                let mm = mentions[m]
                if types.contains(mm.type), !mm.isAdjective, !mm.inRolePhrase, !excluding.contains(mm.key) { return m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return nil
    }

    /// First place after a preposition ("إلى"/"الى"/"ل") following token i.
    func destinationAfter(_ i: Int, limit: Int = 45) -> Int? {
        var k = i + 1
        while k < tokens.count, k - i <= limit {
            if isStrongPunct(k) || (mention(at: k) == nil && matches(k, FactRules.clauseBreaks)) { return nil }
            if let m = mention(at: k) {
                let mm = mentions[m]
                if mm.type == .place, !mm.isAdjective, k > 0, mm.range.lowerBound == k {
                    let prev = tokens[k - 1].norm
                    let pfx = tokens[k].norm
                    if prev == "الي" || prev == "الى" || prev == "نحو" || pfx.hasPrefix("ل") && !mm.text.hasPrefix("ل")
                        || EntityRecognizer.placeHeadBefore(self, k) {
                        return m
                    }
                }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return nil
    }

    /// Actors joined by "و" with mention m ("حفتر والمجلس العسكري"), including m.
    func conjuncts(of m: Int, adjectives: Bool = false) -> [Int] {
        var out = [m]
        var k = mentions[m].range.upperBound
        while k < tokens.count {
            // "وConvoy": the conjunction can be a token of its own before a Latin name
            let conj = tokens[k].norm == "و" ? k + 1 : k
            guard conj < tokens.count, let n = mention(at: conj), conj > k || tokens[k].norm.hasPrefix("و"),
                  isActor(mentions[n]) || (adjectives && mentions[n].type == .place) else { break }
            out.append(n); k = mentions[n].range.upperBound
        }
        return out
    }

    /// A country adjective within `limit` tokens after i ("بدعم من الاستخبارات الروسية" → Russia).
    func adjectiveAfter(_ i: Int, limit: Int) -> Int? {
        var k = i + 1
        while k < tokens.count, k - i <= limit {
            if isStrongPunct(k) || isComma(k) { return nil }
            if let m = mention(at: k) { return mentions[m].isAdjective ? m : nil }
            k += 1
        }
        return nil
    }

    func span(_ idx: [Int?], _ trigger: Int) -> Range<Int> {
        var lo = trigger, hi = trigger + 1
        for case let m? in idx { lo = min(lo, mentions[m].range.lowerBound); hi = max(hi, mentions[m].range.upperBound) }
        return lo..<hi
    }
}

extension EntityRecognizer {
    /// True when the place at k is preceded by a place head noun after "إلى" ("إلى العاصمة النيجيرية نيامي").
    static func placeHeadBefore(_ c: SentenceContext, _ k: Int) -> Bool {
        var j = k - 1
        var steps = 0
        while j >= 0, steps < 3 {
            let n = c.tokens[j].norm
            if n == "الي" || n == "الى" { return true }
            if c.mention(at: j) != nil || Lexicon.placeHeads.contains(n) || c.forms(j).contains(where: { Lexicon.placeHeads.contains($0) }) {
                j -= 1; steps += 1; continue
            }
            return false
        }
        return false
    }
}

/// The extraction rules, one function per relation family. Each returns drafts with the rule name
/// that fired and a confidence from the evidence (rule strength, distance, gazetteer vs guessed).
enum FactRules {
    static let welcomeWords = Lexicon.set("رحب رحبت يرحب")
    static let meetVerbs = Lexicon.verbForms("التقى التقت يلتقي تلتقي يلتقيان تلتقيان")
    static let relationsPlural = Lexicon.set("علاقات العلاقات")
    static let capitalWords = Lexicon.set("العاصمة عاصمة")
    static let leaderHeads = Lexicon.set("رئيس رئيسة الرئيس قائد القائد زعيم الزعيم")

    static let visitVerbs = Lexicon.verbForms("زار زارت يزور تزور سيزور ستزور زاروا يزورون قام قامت")
    static let arriveVerbs = Lexicon.verbForms("وصل وصلت يصل تصل وصلوا سيصل ستصل حل حلت")
    static let travelWords = Lexicon.verbForms("السفر سفر يسافر تسافر سافر سافرت توجه توجهت يتوجه تتوجه التوجه متوجها متوجهة")
    static let visitNouns = Lexicon.set("زيارة زيارته زيارتها زيارتهم زيارتهما الزيارة زيارات جولة")
    static let receiveWords = Lexicon.verbForms("استقبل استقبلت يستقبل تستقبل استقبال استقباله استقبالها رحب رحبت يرحب ترحب استقبله استقبلها")
    static let leadWords = Lexicon.set("بقيادة")
    static let withdrawWords = Lexicon.verbForms("انسحاب انسحابها انسحابه انسحابهم الانسحاب انسحب انسحبت تنسحب ينسحب سحب سحبت يسحب تسحب سحبوا")
    static let recallWords = Lexicon.set("استدعاء استدعت استدعى باستدعاء")
    static let conflictWords = Lexicon.set("الحرب حرب اشتباكات الاشتباكات معارك المعارك الصراع صراع القتال قتال المواجهات مواجهات")
    static let hostWords = Lexicon.verbForms("تستضيف يستضيف استضاف استضافت تحتضن يحتضن")
    static let meetWords = Lexicon.verbForms("التقى التقت يلتقي تلتقي التقوا التقيا يلتقيان تلتقيان اجتمع اجتمعت يجتمع تجتمع لقاء لقائه لقائها لقائهما اللقاء اجتماع اجتماعا")
    static let talksWords = Lexicon.verbForms("محادثات مباحثات المحادثات المباحثات بحث بحثا بحثت ناقش ناقشا ناقشت يبحث تبحث يناقش تناقش يبحثان يناقشان مشاورات تناول تناولت تطرق النقاش ببحث اتصالا مكالمه")
    static let inviteWords = Lexicon.set("بدعوة دعوة")
    /// "دعا X Y لزيارة Z": the verb of an invitation (only with a visit after it).
    static let inviteVerbs = Lexicon.verbForms("دعا دعت يدعو تدعو وجه وجهت")
    static let appointWords = Lexicon.set("عين عينت يعين تعيين بتعيين سمى")
    static let supportWords = Lexicon.verbForms("دعم بدعم يدعم تدعم دعمت دعموا يدعمون مساندة بمساندة بمباركة مباركة يساند تساند ساند ساندت")
        .union(aidWords).union(standWords)
    static let cooperateWords = Lexicon.set("تعاون التعاون بالتعاون تعاونا شراكة الشراكة التقارب تقارب محور تحالف التحالف لتحالف")
        .union(Lexicon.nounForms("تنسيق تعاون تحالف شراكة"))
    /// "مجالات التعاون", "آفاق التعاون": cooperation as a topic discussed, not a fact.
    static let topicWords = Lexicon.set("مجالات ومجالات آفاق وآفاق إمكانيات إمكانية فرص")
    static let foundingWords = Lexicon.set("إنشاء انشاء تأسيس تؤسس أسست إقامة تشكيل")
    static let membershipWords = Lexicon.set("تمسك انضمام انضمت انضم عضوية الأعضاء أعضاء تؤسس تأسيس إنشاء أسست بعضوية")
    static let relationsWords = Lexicon.set("علاقات العلاقات علاقاتها علاقاته علاقاتهما")
    static let tensionWords = Lexicon.verbForms("""
        توتر بتوتر التوتر تدهور تدهورا التدهور أزمة الأزمة قطيعة القطيعة توترا خلاف الخلاف
        توترت تتوتر تدهورت تتدهور
        """)
    static let agreementWords = Lexicon.set("اتفاقية الاتفاقية اتفاق الاتفاق اتفاقيات اتفاقيتي اتفاقيتين مذكرة مذكرتي معاهدة المعاهدة ميثاق الميثاق كونفدرالية")
    static let controlWords = Lexicon.set("يسيطر تسيطر سيطر سيطرت سيطرة يسيطرون")
    static let killWords = Lexicon.set("مقتل اغتيال")
    static let locatedWords = Lexicon.set("الواقعة الواقع تقع يقع")
    static let plannedCues = Lexicon.set("""
        يخطط تخطط يعتزم تعتزم المقرر المنتظر المتوقع سوف المرتقبة المرتقب ستتبعها يعتزمون تخطيط
        المزمع المزمعة مقرر يرتقب ينتظر يتضمن تتضمن سيتضمن جدول المقبل المقبلة القادم القادمة
        """)
    static let delegationNouns = Lexicon.set("وفد الوفد وفدا ووفد بوفد")
    /// Nouns for a person: a nationality adjective after them describes that person.
    static let personNouns = Lexicon.set("المسؤول مسؤول المسؤوله الضيف الزائر المبعوث نظيره نظيرها الدبلوماسي المتحدث")
    static func isPersonNoun(_ n: String) -> Bool {
        let forms = [n] + Clitics.of(n).map(\.stem)
        return forms.contains { personNouns.contains($0) || Lexicon.roleHeads.contains($0) }
    }
    static let agendaCues = Lexicon.set("يتضمن تتضمن سيتضمن جدول")
    /// Cues right after the trigger that make it a plan ("زيارته المرتقبة", "يزور الأسبوع المقبل").
    static let plannedAfterCues = Lexicon.set("المقبل المقبلة القادم القادمة المرتقب المرتقبة المزمع المزمعة المنتظر المنتظرة غدا غدًا")
    /// Signing an agreement: "وقعت X وY اتفاقية", "توقيع X اتفاقا مع Y".
    static let signWords = Lexicon.verbForms("وقع وقعت وقعا وقعتا يوقع توقع يوقعان توقيع أبرم أبرمت أبرما إبرام")
    static let negationCues = Lexicon.set("لم لن نفى نفت ينفي تنفي")
    static let denialVerbs = Lexicon.set("نفى نفت ينفي تنفي نفوا ينفون نفي ونفى ونفت")
    static let listCues = Lexicon.set("بينهم منهم ومنهم يضم ويضم تضم وتضم ضم")
    /// Nouns that refer back to a meeting already told ("اللقاء", "المحادثات").
    static let anaphoraNouns = Lexicon.set("اللقاء لقاء الاجتماع المحادثات المباحثات النقاش معه معها")
    /// Words that open a clause of their own: a date or a list does not reach across them.
    static let clauseBreaks = Lexicon.set("الذي التي الذين اللذين منذ حيث بعد قبل عندما")

    /// Every word any rule tests with `matches`.
    static let ruleWords: Set<String> = allTriggers.union(clauseBreaks).union(listCues).union(negationCues)
        .union(tensionWords).union(foundingWords).union(membershipWords).union(anaphoraNouns).union(welcomeWords)
        .union(relationsPlural).union(meetVerbs).union(capitalWords).union(relationsWords).union(conflictWords)
        .union(leadWords).union(cooperateWords).union(agreementWords).union(Lexicon.placeHeads).union(["من"])
        .union(eventTriggers).union(eventContextWords).union(topicWords).union(killWords).union(plannedAfterCues)
        .union(denialVerbs).union(signWords).union(inviteVerbs).union(inviteWords)

    /// Every trigger word: none of them is part of a person's name.
    static let allTriggers: Set<String> = visitVerbs.union(arriveVerbs).union(travelWords).union(visitNouns)
        .union(receiveWords).union(hostWords).union(meetWords).union(talksWords).union(inviteWords)
        .union(appointWords).union(supportWords).union(cooperateWords).union(agreementWords).union(controlWords)
        .union(killWords).union(locatedWords).union(plannedCues).union(withdrawWords).union(recallWords)
        .union(eventTriggers)

    static func extract(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        var cancelledTies = Set<Int>()
        for i in c.tokens.indices where c.tokens[i].kind == .word && c.mention(at: i) == nil {
            if c.matches(i, visitVerbs) || c.matches(i, arriveVerbs) || c.matches(i, travelWords) || c.matches(i, visitNouns) {
                out += visit(c, i)
            }
            if c.matches(i, receiveWords) { out += receive(c, i) }
            if c.matches(i, hostWords) { out += hosts(c, i) }
            if c.matches(i, meetWords) { out += meet(c, i, type: "MEET") }
            if c.matches(i, talksWords) { out += meet(c, i, type: "TALKS") }
            if c.matches(i, inviteWords) { out += invite(c, i) }
            if c.matches(i, inviteVerbs) { out += inviteToVisit(c, i) }
            if c.matches(i, appointWords) { out += appoint(c, i) }
            if c.matches(i, supportWords) { out += support(c, i) }
            if c.matches(i, cancelWords) {
                let (ends, tie) = endsCooperation(c, i)
                out += ends
                // "اتفاقات التعاون الدفاعي": every tie word of the phrase is ended
                if let t = tie { for k in t..<min(c.tokens.count, t + 3) { cancelledTies.insert(k) } }
            }
            if c.matches(i, accuseWords) { out += accuse(c, i) }
            if c.matches(i, powerVerbs) { out += tookPower(c, i) }
            if c.matches(i, opposeVerbs) { out += condemns(c, i) }
            if c.matches(i, thankWords) { out += thanks(c, i) }
            if c.matches(i, leaveVerbs) || c.matches(i, cancelWords) { out += forceLeaves(c, i) }
            if c.matches(i, arrestWords) { out += arrest(c, i) }
            if c.matches(i, killVerbs) || c.matches(i, killWords) { out += killed(c, i) }
            if c.matches(i, attackWords) || c.matches(i, strikeWords) { out += attack(c, i) }
            if c.matches(i, activeWords) || c.matches(i, deployVerbs) { out += deployed(c, i) }
            // a tie that is being ended is not cooperation; "مجالات التعاون" is a topic
            let topic = i > 0 && c.matches(i - 1, topicWords)
            // founding an alliance or a confederation is an agreement between its parties
            let founding = (max(0, i - 3)..<i).contains { c.matches($0, foundingWords) }
            // "اتفاقية تعاون عسكري": the agreement is the fact
            let ofAgreement = i > 0 && c.matches(i - 1, agreementWords)
            if c.matches(i, cooperateWords), !cancelledTies.contains(i), !topic, !ofAgreement {
                let type = founding ? "AGREEMENT" : "COOPERATE"
                out += between(c, i, type: type).nonEmpty ?? bilateral(c, i, type: type)
            }
            if c.matches(i, agreementWords), !cancelledTies.contains(i) { out += between(c, i, type: "AGREEMENT").nonEmpty ?? signed(c, i) }
            if c.matches(i, controlWords) { out += controls(c, i) }
            if c.matches(i, locatedWords) { out += located(c, i) }
            if c.matches(i, leadWords) { out += ledBy(c, i) }
            if c.matches(i, relationsWords) { out += relations(c, i) }
            if c.matches(i, membershipWords) { out += membership(c, i) }
            if c.matches(i, withdrawWords) { out += withdraw(c, i) }
            if c.matches(i, recallWords) { out += recall(c, i) }
            if c.matches(i, conflictWords) {
                // a conflict is mutual: the side named first is the subject (one fact, as for symmetric relations)
                out += between(c, i, type: "OPPOSE").nonEmpty ?? conflictPair(c, i)
            }
        }
        out += roles(c)
        out += capitals(c)
        out += kinship(c)
        out += locatedByApposition(c)
        if !out.contains(where: { $0.type == "VISIT" }) { out += delegationContinued(c) }
        // a force that withdraws from a country was deployed there ("أنهت القوات الفرنسية انسحابها من النيجر")
        for d in out where d.type == "WITHDRAW_FROM" {
            guard let f = c.mentions.first(where: { $0.key == d.subject }), f.type == .organization, canDeploy(c, f),
                  f.subtype != "intl_org", f.subtype != "alliance", f.subtype != "government",
                  let p = c.mentions.first(where: { $0.key == d.object }), p.type == .place else { continue }
            var x = d; x.type = "DEPLOYED_IN"; x.rule = "deployed.withdrawn"; x.takesDate = false
            out.append(x)
        }
        for k in out.indices { applyModality(c, &out[k]); governmentByCapital(c, &out[k]) }
        attachDates(c, &out)
        return out
    }

    // MARK: Rules

    static func visit(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        let isNoun = c.matches(i, visitNouns)
        // "وشكلت الزيارة مناسبة …" with no one named: the visit of the guest received before; the extractor resolves it
        if ["الزياره", "والزياره"].contains(c.tokens[i].norm), !c.mentions.contains(where: { c.isActor($0) && $0.type == .person && !$0.inRolePhrase }) {
            return [FactDraft(type: "VISIT", subject: "", object: "", trigger: i, span: i..<(i + 1), rule: "visit.anaphora", confidence: 0.6)]
        }
        guard let dest = c.destinationAfter(i) ?? (c.matches(i, visitVerbs) || isNoun ? firstPlaceAfter(c, i) : nil)
                ?? (c.matches(i, visitVerbs) ? placeReferredBack(c, i) : nil)
                ?? (c.matches(i, arriveVerbs) ? firstPlaceAfter(c, i).flatMap { c.mentions[$0].range.lowerBound == i + 1 ? $0 : nil } : nil) else {
            return []
        }
        var visitors: [Int] = []
        // VSO: "وصل القائد العام ... المشير خليفة حفتر ... إلى نيامي"; noun: "زيارة وزير ... يفكوروف إلى نيامي"
        if let a = c.actorAfter(i, limit: isNoun ? 10 : 24), c.mentions[a].range.lowerBound < c.mentions[dest].range.lowerBound {
            visitors = c.conjuncts(of: a)
        } else if !isNoun || c.tokens[i].norm.hasSuffix("ه") || c.tokens[i].norm.hasSuffix("ها") || c.tokens[i].norm.hasSuffix("هم") {
            if let b = c.actorBefore(i, limit: 12) { visitors = [b] }
        } else if let b = c.actorBefore(i, limit: 5) {
            visitors = [b]   // "X، بأكثر من زيارة، إلى …"
        }
        // "زار عدد من الشخصيات ... موسكو، بما في ذلك رئيس الوزراء X، ووزير الدفاع Y"
        if visitors.isEmpty {
            var k = c.mentions[dest].range.upperBound
            var listed = false
            while k < c.tokens.count {
                if c.isStrongPunct(k) || c.matches(k, clauseBreaks) { break }
                if c.matches(k, listCues) || c.tokens[k].norm == "ذلك" { listed = true }
                if listed, let m = c.mention(at: k) {
                    if c.mentions[m].type == .person { visitors.append(m) }
                    k = c.mentions[m].range.upperBound; continue
                }
                k += 1
            }
        }
        var out: [FactDraft] = []
        // "وصل وفد مصري إلى الخرطوم" with no one named: the destination waits for "ويضم الوفد …" in a later sentence
        if visitors.isEmpty, !isNoun, (i + 1..<min(c.tokens.count, i + 3)).contains(where: { delegationNouns.contains(c.tokens[$0].norm) }) {
            out.append(FactDraft(type: "VISIT", subject: "", object: c.mentions[dest].key, trigger: i, span: c.span([dest], i),
                                 rule: "visit.delegation-anchor", confidence: 0.5))
        }
        // "لزيارة" after an invitation: the invitee's planned visit, not the host's
        var invited = false
        if c.tokens[i].norm.hasPrefix("لزياره"), let inv = (max(0, i - 14)..<i).last(where: { c.matches($0, inviteWords) || c.matches($0, inviteVerbs) }) {
            invited = true
            if c.matches(inv, inviteVerbs) {
                // "دعا X Y لزيارة Z": Y, the second person after the verb
                if let x = c.actorAfter(inv, limit: 8, types: [.person]),
                   let y = c.actorAfter(c.mentions[x].range.upperBound - 1, limit: 6, types: [.person], excluding: [c.mentions[x].key]),
                   c.mentions[y].range.lowerBound < i { visitors = [y] }
                else if let x = c.actorBefore(inv, limit: 8, personsOnly: true),
                        let y = c.actorAfter(inv, limit: 8, types: [.person], excluding: [c.mentions[x].key]), c.mentions[y].range.lowerBound < i {
                    visitors = [y]   // "X دعا Y لزيارة"
                } else { visitors = [] }
            } else if let y = c.actorBefore(inv, limit: 10, personsOnly: true) {
                visitors = [y]       // "تلقى Y دعوة من X لزيارة"
            } else { visitors = [] }
        }
        // "جولة شملت مالي وبوركينا فاسو والنيجر", "زار باريس ولندن": every place of the list
        let dests = c.conjuncts(of: dest, adjectives: true).filter { c.mentions[$0].type == .place && !c.mentions[$0].isAdjective }
        for v in visitors {
            for d in dests where c.mentions[v].key != c.mentions[d].key {
                let dist = abs(c.mentions[v].range.lowerBound - i) + abs(c.mentions[d].range.lowerBound - i)
                var f = FactDraft(type: "VISIT", subject: c.mentions[v].key, object: c.mentions[d].key, trigger: i,
                                  span: c.span([v, d], i), rule: invited ? "visit.invited" : isNoun ? "visit.noun" : "visit.verb",
                                  confidence: conf(0.9, dist, c, [v, d]))
                if invited { f.modality = .planned }
                out.append(f)
            }
        }
        // delegation members: "على رأس وفد ... يضم ..." / "ويضم الوفد ..." (the list ends at the destination)
        if let lead = visitors.first {
            var k = i
            var inList = false
            let stop = c.mentions[dest].range.lowerBound > i ? c.mentions[dest].range.lowerBound : c.tokens.count
            while k < stop {
                if c.isStrongPunct(k) || (inList && c.matches(k, clauseBreaks)) { break }
                if c.matches(k, listCues) { inList = true }
                if inList, let m = c.mention(at: k), c.mentions[m].type == .person, m != lead, !visitors.contains(m) {
                    out.append(FactDraft(type: "VISIT", subject: c.mentions[m].key, object: c.mentions[dest].key, trigger: i,
                                         span: c.span([m, dest], i), rule: "visit.delegation",
                                         confidence: conf(0.8, abs(k - i), c, [m, dest])))
                }
                if let m = c.mention(at: k) { k = c.mentions[m].range.upperBound } else { k += 1 }
            }
        }
        return out
    }

    /// "زار المدينة", "زار البلاد": the city (or country) named before in the sentence.
    static func placeReferredBack(_ c: SentenceContext, _ i: Int) -> Int? {
        guard i + 1 < c.tokens.count else { return nil }
        let n = c.tokens[i + 1].norm
        let kinds: Set<String>
        switch n {
        case "المدينه": kinds = ["city", "capital"]
        case "العاصمه": kinds = ["capital"]
        case "البلاد": kinds = ["country"]
        default: return nil
        }
        return (0..<i).compactMap { c.mention(at: $0) }.last { c.mentions[$0].type == .place && !c.mentions[$0].isAdjective && kinds.contains(c.mentions[$0].subtype) }
    }

    static func firstPlaceAfter(_ c: SentenceContext, _ i: Int) -> Int? {
        var k = i + 1
        while k < c.tokens.count, k - i <= 12 {
            if c.isStrongPunct(k) { return nil }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .place, !mm.isAdjective, !(k > 0 && c.tokens[k - 1].norm == "من") { return m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return nil
    }

    static func receive(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        if let r = receptionCommittee(c, i) { return r }
        var host: Int?, guest: Int?
        if c.matches(i, FactRules.welcomeWords) {
            // "رحب X بـ Y": only with a ب-guest right after the host
            guard let h = c.actorAfter(i, limit: 6) ?? c.actorBefore(i, limit: 4) else { return [] }
            let after = max(i, c.mentions[h].range.upperBound - 1)
            guard let g = c.actorAfter(after, limit: 3, excluding: [c.mentions[h].key]), c.tokens[c.mentions[g].range.lowerBound].norm.hasPrefix("ب")
                    || (c.mentions[g].range.lowerBound > 0 && c.tokens[c.mentions[g].range.lowerBound - 1].norm.hasPrefix("ب")) else { return [] }
            return [FactDraft(type: "RECEIVE", subject: c.mentions[h].key, object: c.mentions[g].key, trigger: i,
                              span: c.span([h, g], i), rule: "receive.welcome", confidence: conf(0.75, abs(c.mentions[g].range.lowerBound - i), c, [h, g]))]
        }
        let n = c.tokens[i].norm
        if (n.hasSuffix("استقباله") || n.hasSuffix("استقبالها")), let g = c.actorAfter(i, limit: 3),
           c.mentions[g].range.lowerBound > 0, hasLam(c, c.mentions[g].range.lowerBound, c.mentions[g].range.lowerBound),
           let h = c.actorBefore(i, limit: 14, excluding: [c.mentions[g].key]) {
            // "صورا من استقباله لنظيره": the pronoun's owner receives the ل-guest
            host = h; guest = g
        } else if let b = c.actorBefore(i, limit: 6) {
            host = b; guest = c.actorAfter(i, limit: 14, types: [.person, .organization])
        } else if let a = c.actorAfter(i, limit: 10) {
            host = a; guest = c.actorAfter(c.mentions[a].range.upperBound - 1, limit: 14, excluding: [c.mentions[a].key])
        }
        guard let h = host, let g = guest, c.mentions[h].key != c.mentions[g].key else { return [] }
        var out = [FactDraft(type: "RECEIVE", subject: c.mentions[h].key, object: c.mentions[g].key, trigger: i,
                             span: c.span([h, g], i), rule: "receive.verb", confidence: conf(0.9, abs(c.mentions[g].range.lowerBound - i), c, [h, g]))]
        // "استقبل X Y … في الكرملين": the guest came to the place of the reception
        if c.mentions[g].type == .person {
            var k = c.mentions[g].range.upperBound
            while k < c.tokens.count, k - c.mentions[g].range.upperBound <= 8 {
                if c.isStrongPunct(k) || c.isComma(k) && k > c.mentions[g].range.upperBound { break }
                if let m = c.mention(at: k) {
                    let mm = c.mentions[m]
                    let locative = (k > 0 && c.tokens[k - 1].norm == "في") || c.tokens[mm.range.lowerBound].norm.hasPrefix("ب")
                        || c.tokens[mm.range.lowerBound].norm.hasPrefix("في")
                    if mm.type == .place, !mm.isAdjective, ["city", "capital", "facility"].contains(mm.subtype), locative {
                        out.append(FactDraft(type: "VISIT", subject: c.mentions[g].key, object: mm.key, trigger: i, span: c.span([g, m], i),
                                             rule: "visit.received-in", confidence: conf(0.75, abs(mm.range.lowerBound - i), c, [g, m])))
                        break
                    }
                    if mm.type != .date { k = mm.range.upperBound; continue }
                }
                k += 1
            }
        }
        return out
    }

    /// "وكان في استقباله (لدى وصوله) … X وY", "كان في استقبال الضيف … X": everyone named after the cue
    /// receives the guest; a guest named by a pronoun or a description is the visitor of the sentences before
    /// (the object is left empty here for the extractor to fill).
    static func receptionCommittee(_ c: SentenceContext, _ i: Int) -> [FactDraft]? {
        guard i >= 2, c.tokens[i - 1].norm == "في", ["كان", "وكان", "كانت", "وكانت"].contains(c.tokens[i - 2].norm) else { return nil }
        let n = c.tokens[i].norm
        var guest: Int? = nil
        if !(n.hasSuffix("ه") || n.hasSuffix("ها")), i + 1 < c.tokens.count, let g = c.mention(at: i + 1), c.mentions[g].type == .person {
            guest = g
        }
        var out: [FactDraft] = []
        var k = i + 1
        while k < c.tokens.count {
            if c.isStrongPunct(k) { break }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .person, m != guest, !mm.inRolePhrase, !out.contains(where: { $0.subject == mm.key }) {
                    let object = guest.map { c.mentions[$0].key } ?? ""
                    if object != mm.key {
                        out.append(FactDraft(type: "RECEIVE", subject: mm.key, object: object, trigger: i, span: c.span([m], i),
                                             rule: "receive.committee", confidence: conf(0.8, abs(mm.range.lowerBound - i), c, [m])))
                        // an official receiving a visitor at home serves the host country: "رئيس الوزراء X" with no
                        // country in the title holds the office there (the extractor fills in the visit's country)
                        if let cue = mm.role, !cue.isRankOnly, guest == nil,
                           !cue.range.contains(where: { c.mention(at: $0).map { c.mentions[$0].type != .person } ?? false }),
                           c.gazetteer.entry(id: mm.key) == nil {
                            var r = FactDraft(type: "HOLDS_ROLE", subject: mm.key, object: "", trigger: cue.range.lowerBound,
                                              span: c.span([m], cue.range.lowerBound), rule: "role.host-country",
                                              confidence: conf(0.7, 0, c, [m]), role: cue.phrase)
                            r.takesDate = false
                            out.append(r)
                        }
                    }
                }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return out
    }

    /// "توجه إلى مصر للقاء السيسي ولبحث …": the traveller meets (and talks with) the person named after
    /// "للقاء"; a talk coordinated right after the meeting ("ولبحث") has the same pair.
    static func purposeMeeting(_ c: SentenceContext, _ i: Int, type: String) -> (Int, Int)? {
        func pair(at k: Int) -> (Int, Int)? {
            guard ["للقاء", "وللقاء"].contains(c.tokens[k].norm), let y = c.actorAfter(k, limit: 6, types: [.person]),
                  (c.mentions[y].role.map { min($0.range.lowerBound, c.mentions[y].range.lowerBound) } ?? c.mentions[y].range.lowerBound) == k + 1,
                  let x = c.actorBefore(k, limit: 14, excluding: [c.mentions[y].key], personsOnly: true) else { return nil }
            return (x, y)
        }
        if type == "MEET" { return pair(at: i) }
        guard c.tokens[i].norm.hasPrefix("لب") || c.tokens[i].norm.hasPrefix("ولب") else { return nil }
        for k in max(0, i - 5)..<i { if let p = pair(at: k) { return p } }
        return nil
    }

    static func hosts(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        // "تحتضن العاصمة المغربية الرباط اجتماعات الاتحاد الأفريقي": a city hosts the organisation's meeting
        if let p = c.actorAfter(i, limit: 4, types: [.place]), !c.mentions[p].isAdjective,
           (i + 1..<c.mentions[p].range.lowerBound).allSatisfy({ c.mention(at: $0).map { c.mentions[$0].type == .place } ?? Lexicon.placeHeads.contains(c.tokens[$0].norm) }),
           let g = c.actorAfter(c.mentions[p].range.upperBound - 1, limit: 4, types: [.organization]),
           let d = draft(c, "HOSTS", p, g, i, rule: "hosts.place", base: 0.75) {
            return [d]
        }
        guard let h = c.actorAfter(i, limit: 6) ?? c.actorBefore(i, limit: 6) else { return [] }
        guard let g = c.actorAfter(max(i, c.mentions[h].range.upperBound - 1), limit: 10, excluding: [c.mentions[h].key]) else { return [] }
        var guests = c.conjuncts(of: g)
        // "… بالإضافة إلى كيانات أخرى … مثل X وY"
        var k = c.mentions[g].range.upperBound
        var listed = false
        while k < c.tokens.count, k - i <= 30 {
            if c.isStrongPunct(k) || c.matches(k, clauseBreaks) { break }
            if c.tokens[k].norm == "مثل" { listed = true }
            if let m = c.mention(at: k) {
                if listed, c.isActor(c.mentions[m]) { guests += c.conjuncts(of: m); k = (guests.last.map { c.mentions[$0].range.upperBound }) ?? k + 1; continue }
                k = c.mentions[m].range.upperBound; continue
            }
            k += 1
        }
        return guests.filter { c.mentions[$0].key != c.mentions[h].key }.map { g in
            FactDraft(type: "HOSTS", subject: c.mentions[h].key, object: c.mentions[g].key, trigger: i,
                      span: c.span([h, g], i), rule: "hosts.verb", confidence: conf(0.8, abs(c.mentions[g].range.lowerBound - i), c, [h, g]))
        }
    }

    static func meet(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        let n = c.tokens[i].norm
        var a: Int?, b: Int?
        let dual = n.hasSuffix("هما") || n.hasSuffix("ا") && type == "TALKS" && (n == "بحثا" || n == "ناقشا")
        // "مع X" / "ب X" after the trigger
        var withIdx: Int? = nil
        var k = i + 1
        while k < c.tokens.count, k - i <= 12 {
            if c.isStrongPunct(k) { break }
            if c.tokens[k].norm == "مع" || (c.tokens[k].norm.hasPrefix("ب") && c.mention(at: k) != nil && k == i + 1) {
                withIdx = c.actorAfter(k - 1, limit: 12); break
            }
            // "تلقى X اتصالا هاتفيا من Y": the caller
            if c.tokens[k].norm == "من", ["اتصالا", "مكالمه"].contains(c.tokens[i].norm) {
                withIdx = c.actorAfter(k, limit: 8); break
            }
            // "اجتمع X بالرئيس Y": the person whose title (or name) carries ب, after the subject
            if k > i + 1, c.tokens[k].norm.hasPrefix("ب"), let m = c.actorAfter(k - 1, limit: 6, types: [.person]),
               (c.mentions[m].role.map { min($0.range.lowerBound, c.mentions[m].range.lowerBound) } ?? c.mentions[m].range.lowerBound) - k <= 3,
               c.forms(k).contains(where: { Lexicon.roleHeads.contains($0) || Lexicon.ranks.contains($0) }) || c.mentions[m].range.lowerBound == k
                || Lexicon.roleHeads.contains(String(c.tokens[k].norm.dropFirst())) || Lexicon.roleHeads.contains(String(c.tokens[k].norm.dropFirst(3))) {
                withIdx = m; break
            }
            if let m = c.mention(at: k) { k = c.mentions[m].range.upperBound; continue }
            k += 1
        }
        if let w = withIdx {
            b = w
            a = c.actorBefore(i, limit: pronounBefore(c, i) ? 25 : 12, excluding: [c.mentions[w].key])
            // an agenda ("يتضمن جدول أعمال زيارة X لقاء مع Y، ثم لقاء مع Z"): every meeting is the visitor's
            if (0..<i).contains(where: { c.matches($0, agendaCues) }) {
                a = c.mentions.indices.first { c.mentions[$0].range.upperBound <= i && c.isActor(c.mentions[$0]) && !c.mentions[$0].inRolePhrase
                    && c.mentions[$0].type == .person && c.mentions[$0].key != c.mentions[w].key }
            }
            if a == nil, let after = c.actorAfter(i, limit: 8, excluding: [c.mentions[w].key]),
               c.mentions[after].range.lowerBound < c.mentions[w].range.lowerBound { a = after }
        } else if dual {
            let actors = c.mentions.indices.filter { c.isActor(c.mentions[$0]) && !c.mentions[$0].inRolePhrase && c.mentions[$0].type == .person }
            let keys = actors.reduce(into: [Int]()) { acc, m in if !acc.contains(where: { c.mentions[$0].key == c.mentions[m].key }) { acc.append(m) } }
            if keys.count >= 2 { a = keys[0]; b = keys[1] }
        } else if c.matches(i, FactRules.meetVerbs), pronounBefore(c, i) {
            // "أنه سيلتقي X": the subject is the person the sentence is about
            a = c.actorBefore(i, limit: 25, personsOnly: true); b = c.actorAfter(i, limit: 8)
        } else if c.matches(i, FactRules.meetVerbs) {
            a = c.actorBefore(i, limit: 8) ?? c.actorAfter(i, limit: 8)
            if let x = a { b = c.actorAfter(max(i, c.mentions[x].range.upperBound - 1), limit: 12, excluding: [c.mentions[x].key]) }
        }
        if a == nil || b == nil, let (x, y) = purposeMeeting(c, i, type: type) ?? jointSubject(c, i) { a = x; b = y }
        guard let x = a, let y = b, c.mentions[x].key != c.mentions[y].key else {
            // "اللقاء تناول …", "وبحث معه …", "النقاش بين الزعيمين": a meeting told before; the extractor
            // gives it the participants of the last reception or meeting of the document
            let anaphoric = c.matches(i, anaphoraNouns) || (type == "TALKS" && c.mentions.allSatisfy { !c.isActor($0) || $0.inRolePhrase })
                || (i + 1 < c.tokens.count && ["معه", "معها", "معهم"].contains(c.tokens[i + 1].norm))
            guard anaphoric, a == nil || b == nil else { return [] }
            return [FactDraft(type: type, subject: "", object: "", trigger: i, span: i..<(i + 1),
                              rule: type == "MEET" ? "meet.anaphora" : "talks.anaphora", confidence: 0.6)]
        }
        return [FactDraft(type: type, subject: c.mentions[x].key, object: c.mentions[y].key, trigger: i, span: c.span([x, y], i),
                          rule: type == "MEET" ? "meet.with" : "talks.with",
                          confidence: conf(0.85, abs(c.mentions[y].range.lowerBound - i), c, [x, y]))]
    }

    /// "دعا الرئيس X نظيره Y لزيارة Z", "وجه X دعوة إلى Y لزيارة": X invites Y.
    static func inviteToVisit(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        guard let v = (i + 1..<min(c.tokens.count, i + 16)).first(where: {
            c.tokens[$0].norm.hasPrefix("لزياره") || c.tokens[$0].norm == "زياره" && $0 > 0 && c.tokens[$0 - 1].norm == "الي"
        }) else { return [] }
        let x: Int?, y: Int?
        if let a = c.actorAfter(i, limit: 8, types: [.person]), c.mentions[a].range.lowerBound < v,
           let b = c.actorAfter(c.mentions[a].range.upperBound - 1, limit: 8, types: [.person], excluding: [c.mentions[a].key]),
           c.mentions[b].range.lowerBound < v {
            x = a; y = b
        } else if let a = c.actorBefore(i, limit: 8, personsOnly: true), let b = c.actorAfter(i, limit: 10, types: [.person], excluding: [c.mentions[a].key]),
                  c.mentions[b].range.lowerBound < v {
            x = a; y = b
        } else { return [] }
        guard let s = x, let o = y, let d = draft(c, "INVITE", s, o, i, rule: "invite.to-visit", base: 0.8) else { return [] }
        return [d]
    }

    static func invite(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        // "بدعوة (رسمية) من X": X invites the traveller of the sentence
        var k = i + 1
        if k < c.tokens.count, c.mention(at: k) == nil, c.tokens[k].norm != "من" { k += 1 }
        guard k < c.tokens.count, c.tokens[k].norm == "من" || c.forms(k).contains("من") else { return [] }
        guard let host = c.actorAfter(k - 1, limit: 12) else { return [] }
        // the guest: the visitor in this sentence, the first person actor before the cue
        var guest: Int? = nil
        for m in c.mentions.indices where c.mentions[m].range.upperBound <= i && c.isActor(c.mentions[m])
            && !c.mentions[m].inRolePhrase && c.mentions[m].type == .person && c.mentions[m].key != c.mentions[host].key {
            guest = m; break
        }
        guard let g = guest else { return [] }
        return [FactDraft(type: "INVITE", subject: c.mentions[host].key, object: c.mentions[g].key, trigger: i,
                          span: c.span([host, g], i), rule: "invite.at-invitation-of",
                          confidence: conf(0.85, abs(c.mentions[host].range.lowerBound - i), c, [host, g]))]
    }

    static func appoint(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        guard let appointee = c.actorAfter(i, limit: 12, types: [.person]) else { return [] }
        // VSO: "وعين المجلس العسكري في مالي الجنرال X رئيسا للوزراء"
        let between = (i + 1..<c.mentions[appointee].range.lowerBound).compactMap { c.mention(at: $0) }.first {
            c.isActor(c.mentions[$0]) && !c.mentions[$0].inRolePhrase
        }
        guard let agent = between ?? c.actorBefore(i, limit: 8, excluding: [c.mentions[appointee].key]) else { return [] }
        return [FactDraft(type: "APPOINT", subject: c.mentions[agent].key, object: c.mentions[appointee].key, trigger: i,
                          span: c.span([agent, appointee], i), rule: "appoint.verb",
                          confidence: conf(0.85, abs(c.mentions[appointee].range.lowerBound - i), c, [agent, appointee]))]
    }

    /// "وأكد مصدر عسكري مالي مواصلة التعاون مع روسيا": a nationality adjective just before (outside a title)
    /// speaks for its country.
    static func sourceAdjectiveBefore(_ c: SentenceContext, _ i: Int, excluding: String) -> Int? {
        (max(0, i - 4)..<i).compactMap { c.mention(at: $0) }.last {
            c.mentions[$0].isAdjective && c.mentions[$0].type == .place && !c.mentions[$0].inRolePhrase && c.mentions[$0].key != excluding
        }
    }

    /// "وقعت مصر والسعودية اتفاقية …", "وقع X اتفاقا مع Y": the parties named with the signing verb.
    static func signed(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        guard let v = (max(0, i - 6)..<i).last(where: { c.mention(at: $0) == nil && c.matches($0, signWords) }) else { return [] }
        let between = (v + 1..<i).compactMap { c.mention(at: $0) }.filter { isParty(c, c.mentions[$0]) && !c.mentions[$0].inRolePhrase }
        var parties: [Int] = []
        for m in between where !parties.contains(where: { c.mentions[$0].key == c.mentions[m].key }) { parties.append(m) }
        if parties.count == 1, i + 1 < c.tokens.count {
            // "وقعت X اتفاقا مع Y"
            if let k = (i + 1..<min(c.tokens.count, i + 4)).first(where: { c.tokens[$0].norm == "مع" }),
               let y = partyAfter(c, k, limit: 3, excluding: [c.mentions[parties[0]].key], people: false) { parties.append(y) }
        }
        if parties.isEmpty, v > 0, ["شهدا", "وشهدا", "حضرا", "وحضرا", "ترأسا", "وترأسا"].contains(c.tokens[v - 1].norm)
            || ["وقعا", "ووقعا", "أبرما", "وأبرما"].map(ArabicNormalizer.normalize).contains(c.tokens[v].norm) {
            // "وشهدا توقيع اتفاقيتي تعاون": the two officials of the sentence sign for what they represent
            let people = c.mentions.indices.filter { c.mentions[$0].type == .person && !c.mentions[$0].inRolePhrase && c.mentions[$0].range.upperBound <= v }
            let represented = people.compactMap { p -> Int? in
                guard let cue = c.mentions[p].role else { return nil }
                return cue.range.compactMap { c.mention(at: $0) }.first {
                    c.mentions[$0].type == .organization || (c.mentions[$0].type == .place && (c.mentions[$0].isAdjective || c.mentions[$0].subtype == "country"))
                }
            }
            if people.count == 2, represented.count == 2, c.mentions[represented[0]].key != c.mentions[represented[1]].key {
                parties = represented
            }
        }
        guard parties.count >= 2 else { return [] }
        return (1..<parties.count).compactMap { draft(c, "AGREEMENT", parties[0], parties[$0], i, rule: "agreement.signed", base: 0.75) }
    }

    /// "التعاون الثنائي", "العلاقات بين البلدين … تتميز بالتعاون": cooperation of the two countries of the sentence.
    static func bilateral(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        let after = (i + 1..<min(c.tokens.count, i + 3)).contains { ["الثنايي", "الثناييه"].contains(c.tokens[$0].norm) }
        let betweenTwo = (max(0, i - 8)..<i).contains { k in
            c.tokens[k].norm == "بين" && k + 1 < c.tokens.count && c.matches(k + 1, dualPartyWords)
        }
        if after || betweenTwo { return dualParties(c, i, type: type) }
        // "ويسعى X وY إلى وضع تفاصيل الشراكة": two parties joined as the subject (not a topic of talks)
        guard !(max(0, i - 4)..<i).contains(where: { c.matches($0, talksWords) || c.matches($0, meetWords) }) else { return [] }
        // "وقعت X وY اتفاقية للتعاون": the agreement is the fact
        guard !(max(0, i - 3)..<i).contains(where: { c.matches($0, agreementWords) }) else { return [] }
        guard let (first, m) = jointSubject(c, i) else { return [] }
        // "بحث X وY التعاون": the verb before the subjects makes it a topic
        let firstStart = c.mentions[first].role.map { min($0.range.lowerBound, c.mentions[first].range.lowerBound) } ?? c.mentions[first].range.lowerBound
        guard !(max(0, firstStart - 3)..<i).contains(where: { c.mention(at: $0) == nil && (c.matches($0, talksWords) || c.matches($0, meetWords)) }),
              let d = draft(c, type, first, m, i, rule: type.lowercased() + ".joint-subject", base: 0.7) else { return [] }
        return [d]
    }

    /// "X وY" (or "الرئيس A X والرئيس B Y") as the subject just before token i: the two parties.
    static func jointSubject(_ c: SentenceContext, _ i: Int) -> (Int, Int)? {
        var k = i - 1
        while k >= 0, i - k <= 10 {
            if c.isStrongPunct(k) || c.isComma(k) { return nil }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                // the second joined with و (on the name or on its title)
                let start = mm.role.map { min($0.range.lowerBound, mm.range.lowerBound) } ?? mm.range.lowerBound
                guard isParty(c, mm), !mm.inRolePhrase, c.tokens[start].norm.hasPrefix("و"), start > 0,
                      let first = c.mention(at: start - 1), isParty(c, c.mentions[first]), !c.mentions[first].inRolePhrase,
                      c.mentions[first].key != mm.key else { return nil }
                return (first, m)
            }
            k -= 1
        }
        return nil
    }

    /// "كما يضم الوفد أيضا X، وY": members of a delegation whose visit was told in a sentence before; the
    /// extractor gives them that visit's destination (the object is left empty here).
    static func delegationContinued(_ c: SentenceContext) -> [FactDraft] {
        guard let cue = c.tokens.indices.first(where: { k in
            c.mention(at: k) == nil && c.matches(k, listCues)
                && ((k + 1 < c.tokens.count && c.tokens[k + 1].norm.hasSuffix("الوفد")) || (k > 0 && c.tokens[k - 1].norm.hasSuffix("الوفد")))
        }) else { return [] }
        var out: [FactDraft] = []
        var k = cue + 1
        while k < c.tokens.count {
            if c.isStrongPunct(k) || (c.mention(at: k) == nil && c.matches(k, clauseBreaks)) { break }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .person, !mm.inRolePhrase, !out.contains(where: { $0.subject == mm.key }) {
                    out.append(FactDraft(type: "VISIT", subject: mm.key, object: "", trigger: cue, span: c.span([m], cue),
                                         rule: "visit.delegation-continued", confidence: conf(0.75, abs(mm.range.lowerBound - cue), c, [m])))
                }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        return out
    }

    /// "اشتباكات الجيش وقوات X", "الصراع مع X" (the party before): the two sides of a conflict.
    static func conflictPair(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        if i + 1 < c.tokens.count, let a = c.mention(at: i + 1), isParty(c, c.mentions[a]), !c.mentions[a].inRolePhrase {
            let conj = c.conjuncts(of: a)
            guard conj.count == 2, let d = draft(c, "OPPOSE", conj[0], conj[1], i, rule: "oppose.conflict-of", base: 0.75) else { return [] }
            return [d]
        }
        if i + 1 < c.tokens.count, c.tokens[i + 1].norm == "مع" || c.tokens[i + 1].norm == "ضد",
           let b = partyAfter(c, i + 1, limit: 3, people: false),
           let a = partyBefore(c, i, limit: 14, excluding: [c.mentions[b].key]) {
            return draft(c, "OPPOSE", a, b, i, rule: "oppose.conflict-with", base: 0.7).map { [$0] } ?? []
        }
        return []
    }

    /// "التعاون العسكري بين X و Y", "اتفاقية بين X و Y", "بالتعاون مع X".
    static func between(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        var k = i + 1
        while k < c.tokens.count, k - i <= 6 {
            if c.isStrongPunct(k) { return [] }
            let n = c.tokens[k].norm
            if n == "بين" {
                if k + 1 < c.tokens.count, c.matches(k + 1, dualPartyWords) { return dualParties(c, i, type: type) }
                guard let a = c.actorAfter(k, limit: 6, types: [.person, .organization, .place]) ?? c.adjectiveAfter(k, limit: 3) else { return [] }
                let conj = c.conjuncts(of: a, adjectives: true)
                if conj.count > 2 || (conj.count == 1 && c.mentions[a].subtype == "group") {
                    // "بين بوركينا فاسو ومالي والنيجر", "بين الدول الثلاث": every pair
                    let keys = conj.count > 2 ? "group:" + conj.map { c.mentions[$0].key }.joined(separator: "|") : c.mentions[a].key
                    return [FactDraft(type: type, subject: keys, object: keys, trigger: i, span: c.span(conj, i),
                                      rule: type.lowercased() + ".between-all", confidence: 0.7)]
                }
                var b: Int? = conj.count > 1 ? conj[1] : nil
                if b == nil {
                    let after = c.mentions[a].range.upperBound
                    if after < c.tokens.count, let m = c.mention(at: after), c.tokens[after].norm.hasPrefix("و") { b = m }
                }
                guard let bb = b, c.mentions[a].key != c.mentions[bb].key else { return [] }
                return [FactDraft(type: type, subject: c.mentions[a].key, object: c.mentions[bb].key, trigger: i,
                                  span: c.span([a, bb], i), rule: type.lowercased() + ".between",
                                  confidence: conf(0.8, abs(c.mentions[a].range.lowerBound - i), c, [a, bb]))]
            }
            if n == "مع" || (n == "من" && c.matches(i, FactRules.relationsPlural)) {
                // "تسعى الجزائر إلى تعزيز التعاون مع تونس": a state is a party too
                // "مع الجانب المصري", "مع القيادة المصرية": the country of the adjective
                guard let b = c.actorAfter(k, limit: 4, types: [.person, .organization, .place]) ?? partyAfter(c, k, limit: 3),
                      let a = c.actorBefore(i, limit: 12, excluding: [c.mentions[b].key])
                        ?? partyBefore(c, i, limit: 12, excluding: [c.mentions[b].key])
                        ?? sourceAdjectiveBefore(c, i, excluding: c.mentions[b].key) else { return [] }
                return [FactDraft(type: type, subject: c.mentions[a].key, object: c.mentions[b].key, trigger: i,
                                  span: c.span([a, b], i), rule: type.lowercased() + ".with",
                                  confidence: conf(0.7, abs(c.mentions[b].range.lowerBound - i), c, [a, b]))]
            }
            if c.mention(at: k) != nil { return [] }
            k += 1
        }
        return []
    }

    static func controls(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        var place: Int? = nil
        var actor: Int? = nil
        // "سيطرة قواته على …": the forces of someone named elsewhere
        if i + 1 < c.tokens.count, ["قواته", "قواتها", "قواتهم"].contains(c.tokens[i + 1].norm) { return [] }
        // "X يسيطر على Y" / "يسيطر X على Y"
        var k = i + 1
        while k < c.tokens.count, k - i <= 14 {
            // an alias in brackets ("محمد حمدان دقلو (حميدتي)") does not end the clause
            if c.tokens[k].text == "(", let close = (k + 1..<min(c.tokens.count, k + 6)).first(where: { c.tokens[$0].text == ")" }) { k = close + 1; continue }
            if c.isStrongPunct(k) { break }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .place, !mm.isAdjective, place == nil { place = m }
                else if c.isActor(mm), actor == nil { actor = m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        // "السيطرة على Y" names no one: the agent of a definite masdar is not the subject before it
        let definiteMasdar = c.tokens[i].norm.hasSuffix("سيطره") && c.tokens[i].norm.contains("الس")
        if actor == nil, !definiteMasdar { actor = c.actorBefore(i, limit: 8) }
        // "بنغازي، حيث يسيطر هناك حفتر"
        if place == nil {
            var j = i - 1
            while j >= 0, i - j <= 5 {
                if let m = c.mention(at: j), c.mentions[m].type == .place, !c.mentions[m].isAdjective { place = m; break }
                j -= 1
            }
        }
        guard let a = actor, let p = place else { return [] }
        return [FactDraft(type: "CONTROLS", subject: c.mentions[a].key, object: c.mentions[p].key, trigger: i,
                          span: c.span([a, p], i), rule: "controls.verb", confidence: conf(0.8, abs(c.mentions[a].range.lowerBound - i), c, [a, p]))]
    }

    /// "في (شمال|جنوب|…) Y" starting at token k: the place Y.
    static func placeInAfter(_ c: SentenceContext, _ k: Int) -> Int? {
        guard k < c.tokens.count, c.tokens[k].norm == "في" else { return nil }
        var j = k + 1
        if j < c.tokens.count, ["شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"].contains(c.tokens[j].norm) { j += 1 }
        guard j < c.tokens.count, let m = c.mention(at: j), c.mentions[m].type == .place, !c.mentions[m].isAdjective else { return nil }
        return m
    }

    static func located(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        // "X، المدينة الواقعة في شمال Y"
        var k = i + 1
        var container: Int? = nil
        while k < c.tokens.count, k - i <= 5 {
            if let m = c.mention(at: k) {
                if c.mentions[m].type == .place, !c.mentions[m].isAdjective { container = m }
                break
            }
            k += 1
        }
        guard let y = container else { return [] }
        // "تقع مدينة أغاديس في شمال النيجر": the verb first, then the place and its container
        if c.mentions[y].subtype != "country", let after = placeInAfter(c, c.mentions[y].range.upperBound), c.mentions[after].key != c.mentions[y].key {
            var d = FactDraft(type: "LOCATED_IN", subject: c.mentions[y].key, object: c.mentions[after].key, trigger: i,
                              span: c.span([y, after], i), rule: "located.in", confidence: conf(0.8, abs(c.mentions[after].range.lowerBound - i), c, [y, after]))
            d.takesDate = false
            return [d]
        }
        var x: Int? = nil
        var j = i - 1
        while j >= 0, i - j <= 20 {
            if let m = c.mention(at: j) {
                let mm = c.mentions[m]
                if mm.type == .place, !mm.isAdjective, mm.key != c.mentions[y].key, mm.subtype != "country" { x = m; break }
                j = mm.range.lowerBound - 1; continue
            }
            j -= 1
        }
        guard let xx = x else { return [] }
        var d = FactDraft(type: "LOCATED_IN", subject: c.mentions[xx].key, object: c.mentions[y].key, trigger: i,
                          span: c.span([xx, y], i), rule: "located.in", confidence: conf(0.8, abs(c.mentions[xx].range.lowerBound - i), c, [xx, y]))
        d.takesDate = false
        return [d]
    }

    /// Relations between two parties: tense ones ("توتر", "تدهور") are OPPOSE; "يقيم علاقات (وثيقة) مع/من Y"
    /// is COOPERATE; plain "العلاقات الثنائية بين X وY" is neither (a topic, not a fact).
    static func relations(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        let tense = c.tokens.indices.contains { c.matches($0, tensionWords) }
        let indefinite = c.tokens[i].norm == "علاقات"
        guard tense || indefinite else { return [] }
        // "علاقاتها مع Y": the owner of the pronoun is the subject, not the nearest name before
        let possessive = c.tokens[i].norm.hasSuffix("ها") || c.tokens[i].norm.hasSuffix("ه") || c.tokens[i].norm.hasSuffix("هم")
        var drafts = possessive ? [] : between(c, i, type: tense ? "OPPOSE" : "COOPERATE")
        if drafts.isEmpty, possessive {
            // "علاقاتها مع فرنسا": the owner is the subject before
            var k = i + 1
            while k < c.tokens.count, k - i <= 3, c.tokens[k].norm != "مع" { k += 1 }
            if k < c.tokens.count, c.tokens[k].norm == "مع", let b = c.actorAfter(k, limit: 3, types: [.person, .organization, .place]),
               let a = ownerBefore(c, i, excluding: c.mentions[b].key, feminine: c.tokens[i].norm.hasSuffix("ها")) {
                drafts = [FactDraft(type: tense ? "OPPOSE" : "COOPERATE", subject: c.mentions[a].key, object: c.mentions[b].key,
                                    trigger: i, span: c.span([a, b], i), rule: "relations.with",
                                    confidence: conf(0.7, abs(c.mentions[b].range.lowerBound - i), c, [a, b]))]
            }
        }
        return drafts.map { var d = $0; d.rule = tense ? "relations.tense" : d.rule; return d }
    }

    /// The owner of a possessive ("علاقاتها"): the nearest party before; a feminine pronoun skips men
    /// (countries and most organisations are feminine in Arabic).
    static func ownerBefore(_ c: SentenceContext, _ i: Int, excluding: String, feminine: Bool) -> Int? {
        var skip: Set<String> = [excluding]
        for _ in 0..<4 {
            guard let a = c.actorBefore(i, limit: 12, excluding: skip, countries: true) else { return nil }
            if feminine, c.mentions[a].type == .person {
                // a woman's name cannot be told from a man's here: keep her only when her title is feminine
                let t = c.mentions[a].role.map { ArabicNormalizer.normalize($0.phrase) } ?? ""
                if !(t.hasPrefix("رييسه") || t.hasPrefix("وزيره") || t.hasPrefix("الرييسه") || t.hasPrefix("الوزيره")) {
                    skip.insert(c.mentions[a].key); continue
                }
            }
            return a
        }
        return nil
    }

    /// "تمسك مالي والنيجر وبوركينا فاسو بالكونفدرالية …", "انضمام X إلى Y": each country of the list is a
    /// member of the international organisation named in the sentence.
    static func membership(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        guard let org = c.mentions.indices.first(where: { c.mentions[$0].type == .organization && c.mentions[$0].range.lowerBound > i
                  && (c.mentions[$0].subtype == "intl_org" || c.mentions[$0].subtype == "alliance") }) else { return [] }
        var members: [Int] = []
        for m in c.mentions.indices where c.mentions[m].type == .place && !c.mentions[m].isAdjective
            && (c.mentions[m].subtype == "country" || c.mentions[m].subtype == "group") && abs(c.mentions[m].range.lowerBound - i) <= 8 {
            if !members.contains(where: { c.mentions[$0].key == c.mentions[m].key }) { members.append(m) }
        }
        return members.map { m in
            FactDraft(type: "MEMBER_OF", subject: c.mentions[m].key, object: c.mentions[org].key, trigger: i,
                      span: c.span([m, org], i), rule: "member.of", confidence: conf(0.7, abs(c.mentions[org].range.lowerBound - i), c, [m, org]))
        }
    }

    /// "الجيش السوداني بقيادة عبد الفتاح البرهان": the person leads the organisation.
    static func ledBy(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        guard let p = c.actorAfter(i, limit: 5, types: [.person]),
              let o = c.actorBefore(i, limit: 6), c.mentions[o].type == .organization else { return [] }
        var d = FactDraft(type: "HOLDS_ROLE", subject: c.mentions[p].key, object: c.mentions[o].key, trigger: i,
                          span: c.span([p, o], i), rule: "role.led-by", confidence: conf(0.8, abs(c.mentions[p].range.lowerBound - i), c, [p, o]),
                          role: "قائد")
        d.takesDate = false
        return [d]
    }

    /// "انسحاب X من Y", "أعلنت X انسحابها من Y".
    static func withdraw(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        var k = i + 1
        var from: Int? = nil
        while k < c.tokens.count, k - i <= 4 {
            if c.tokens[k].norm == "من", let m = c.actorAfter(k, limit: 4, types: [.place, .organization]) { from = m; break }
            k += 1
        }
        guard let y = from else { return [] }
        let subject = c.actorAfter(i, limit: 3, excluding: [c.mentions[y].key]).flatMap { c.mentions[$0].range.lowerBound < c.mentions[y].range.lowerBound ? $0 : nil }
            ?? nearest(c, c.actorBefore(i, limit: 8, excluding: [c.mentions[y].key], countries: true),
                       // "إن واشنطن لن تسحب قواتها": a capital is the state that acts
                       partyBefore(c, i, limit: 8, excluding: [c.mentions[y].key]))
        guard let x = subject else { return [] }
        return [FactDraft(type: "WITHDRAW_FROM", subject: c.mentions[x].key, object: c.mentions[y].key, trigger: i,
                          span: c.span([x, y], i), rule: "withdraw.from", confidence: conf(0.75, abs(c.mentions[x].range.lowerBound - i), c, [x, y]))]
    }

    /// The later (nearer to what follows) of two mentions.
    static func nearest(_ c: SentenceContext, _ a: Int?, _ b: Int?) -> Int? {
        guard let x = a else { return b }
        guard let y = b else { return a }
        return c.mentions[y].range.lowerBound > c.mentions[x].range.lowerBound ? y : x
    }

    /// "قررت الجزائر استدعاء سفيريها في مالي والنيجر".
    static func recall(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        // the envoy word within a few tokens: "استدعاء سفيريها", "استدعت الدول الثلاث مبعوثيها"
        guard let envoy = (i + 1..<min(c.tokens.count, i + 5)).first(where: {
            c.tokens[$0].norm.contains("سفير") || c.tokens[$0].norm.contains("سفرا") || c.tokens[$0].norm.contains("مبعوث")
        }) else { return [] }
        let between = (i + 1..<envoy).compactMap { c.mention(at: $0) }.first {
            c.mentions[$0].type == .place && ["country", "group"].contains(c.mentions[$0].subtype) && !c.mentions[$0].isAdjective
        }
        guard let x = between ?? c.actorBefore(i, limit: 16, countries: true) else { return [] }
        guard let first = c.actorAfter(envoy, limit: 3, types: [.place], excluding: [c.mentions[x].key]) else { return [] }
        return c.conjuncts(of: first, adjectives: true).filter { c.mentions[$0].key != c.mentions[x].key }.map { y in
            FactDraft(type: "RECALL_AMBASSADOR", subject: c.mentions[x].key, object: c.mentions[y].key, trigger: i,
                      span: c.span([x, y], i), rule: "recall.ambassador", confidence: conf(0.8, abs(c.mentions[y].range.lowerBound - i), c, [x, y]))
        }
    }

    /// HOLDS_ROLE from role phrases: "وزير الدفاع ساليفو مودي", "رئيس النيجر محمد يوسفو".
    static func roles(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        for (pi, p) in c.mentions.enumerated() where p.type == .person {
            guard let cue = p.role else { continue }
            // "نجل الرئيس الأوغندي X": the office is the parent's, not X's
            if cue.range.lowerBound > 0, c.forms(cue.range.lowerBound - 1).contains(where: { Lexicon.kinship.contains($0) })
                || Lexicon.kinship.contains(c.tokens[max(0, cue.range.lowerBound - 1)].norm) { continue }
            if cue.isRankOnly || !cue.range.contains(where: { c.mention(at: $0).map { c.mentions[$0].type != .person } ?? false }) {
                // "الرئيس عبد المجيد تبون", "رئيسة الوزراء X": a title with no country; the gazetteer knows whose leader he is
                if let d = knownLeaderRole(c, pi, cue) { out.append(d); if cue.isRankOnly { continue } }
                else if cue.isRankOnly { continue }
            }
            var target: Int? = nil
            for k in cue.range {
                if let m = c.mention(at: k), c.mentions[m].type == .organization
                    || (c.mentions[m].type == .place && c.mentions[m].subtype == "country") {
                    target = m; break
                }
            }
            if target == nil {
                // "من النيجر … ووزير الدفاع X" / "وفد تركي … وزراء الخارجية X": the country named before
                var j = cue.range.lowerBound - 1
                while j >= 0 {
                    if let m = c.mention(at: j), c.mentions[m].type == .place, c.mentions[m].subtype == "country" || c.mentions[m].isAdjective,
                       !c.mentions[m].inRolePhrase, (j > 0 && c.tokens[j - 1].norm == "من")
                        // "وفد تركي", "النفوذ الروسي", but not the adjective of another person ("المسؤول الليبي")
                        || (c.mentions[m].isAdjective && !(c.mentions[m].range.lowerBound > 0
                            && isPersonNoun(c.tokens[c.mentions[m].range.lowerBound - 1].norm))) { target = m; break }
                    j -= 1
                }
            }
            guard let t = target, c.mentions[t].key != p.key else { continue }
            out += stackedRoles(c, pi, cue, first: c.mentions[t].key)
            var d = FactDraft(type: "HOLDS_ROLE", subject: p.key, object: c.mentions[t].key, trigger: cue.range.lowerBound,
                              span: c.span([pi, t], cue.range.lowerBound), rule: "role.apposition",
                              confidence: conf(0.85, abs(p.range.lowerBound - cue.range.lowerBound), c, [pi, t]), role: cue.phrase)
            d.takesDate = false
            out.append(d)
            // a role in an organisation makes its holder a member (the commander-in-chief aside)
            let head = ArabicNormalizer.normalize(String(cue.phrase.split(separator: " ").first ?? ""))
            // the head of an army or a security service ("رئيس الأركان", "رئيس المخابرات") is one of its officers;
            // the commander-in-chief or the head of a state body leads it
            let orgHead = ArabicNormalizer.normalize(String(c.mentions[t].text.split(separator: " ").first ?? ""))
            let forceOrService = ["army", "security_agency"].contains(c.gazetteer.entry(id: c.mentions[t].key)?.subtype ?? "")
                || ([orgHead] + Clitics.of(orgHead).map(\.stem)).contains { serviceHeads.contains($0) }
            let officer = ([head] + Clitics.of(head).map(\.stem)).contains("رييس") && forceOrService
            let leads = ([head] + Clitics.of(head).map(\.stem)).contains { FactRules.leaderHeads.contains($0) }
            if c.mentions[t].type == .organization, !leads || officer {
                var m = d; m.type = "MEMBER_OF"; m.rule = "role.member"; out.append(m)
            }
        }
        return out
    }

    /// A second office in the same title ("رئيس مجلس السيادة … القائد العام للقوات المسلحة الفريق X"):
    /// each definite role head after the first opens a role of its own.
    static func stackedRoles(_ c: SentenceContext, _ pi: Int, _ cue: RoleCue, first: String) -> [FactDraft] {
        let starts = cue.range.filter { k in
            k > cue.range.lowerBound && c.mention(at: k) == nil && c.tokens[k].norm.hasPrefix("ال")
                && Lexicon.roleHeads.contains(c.tokens[k].norm) && !Lexicon.roleHeads.contains(c.tokens[k - 1].norm)
                // right after an organisation's name "الحاكم" qualifies it ("المجلس العسكري الحاكم": the ruling council)
                && !(["الحاكم", "الحاكمه"].contains(c.tokens[k].norm) && (c.mention(at: k - 1).map { c.mentions[$0].type == .organization } ?? false))
        }
        var out: [FactDraft] = []
        var seen: Set<String> = [first, c.mentions[pi].key]
        for (n, s) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : cue.range.upperBound
            guard let t = (s..<end).compactMap({ c.mention(at: $0) }).first(where: {
                c.mentions[$0].type == .organization || (c.mentions[$0].type == .place && c.mentions[$0].subtype == "country")
            }), seen.insert(c.mentions[t].key).inserted else { continue }
            let phrase = (s..<end).map { c.tokens[$0].text }.joined(separator: " ")
            var d = FactDraft(type: "HOLDS_ROLE", subject: c.mentions[pi].key, object: c.mentions[t].key, trigger: s,
                              span: c.span([pi, t], s), rule: "role.stacked", confidence: conf(0.8, abs(c.mentions[pi].range.lowerBound - s), c, [pi, t]),
                              role: phrase)
            d.takesDate = false
            out.append(d)
        }
        return out
    }

    static let serviceHeads = Lexicon.set("قوات القوات جيش الجيش المخابرات مخابرات الاستخبارات استخبارات الشرطة الأمن")
    static let stateTitles = Lexicon.set("الرئيس رئيس الملك العاهل الأمير أمير ملك")
    static let leaderSubtypes: Set<String> = ["head_of_state", "head_of_government", "monarch", "minister"]

    /// HOLDS_ROLE from a title that names no country ("الرئيس X", "رئيس الوزراء X", "الوزير X") for a
    /// leader the gazetteer knows with the country he serves (`part_of`).
    static func knownLeaderRole(_ c: SentenceContext, _ pi: Int, _ cue: RoleCue) -> FactDraft? {
        let p = c.mentions[pi]
        guard let e = c.gazetteer.entry(id: p.key), e.type == .person, leaderSubtypes.contains(e.subtype),
              let country = e.partOf, c.gazetteer.entry(id: country)?.subtype == "country" else { return nil }
        let head = ArabicNormalizer.normalize(String(cue.phrase.split(separator: " ").first ?? ""))
        let heads = [head] + Clitics.of(head).map(\.stem)
        if cue.isRankOnly, !heads.contains(where: { stateTitles.contains($0) }) { return nil }   // "العقيد", "الشيخ": ranks, not offices
        // an adjective of another country in the phrase ("الرئيس الفرنسي") is handled by the phrase itself
        if cue.range.contains(where: { c.mention(at: $0).map { c.mentions[$0].isAdjective } ?? false }) { return nil }
        var d = FactDraft(type: "HOLDS_ROLE", subject: p.key, object: country, trigger: cue.range.lowerBound,
                          span: c.span([pi], cue.range.lowerBound), rule: "role.known-leader",
                          confidence: conf(0.8, 0, c, [pi]), role: cue.phrase)
        d.takesDate = false
        return d
    }

    /// CHILD_OF from kinship: "نجل حفتر خالد", "صدام خليفة حفتر".
    static func kinship(_ c: SentenceContext) -> [FactDraft] {
        c.mentions.enumerated().compactMap { (k, m) -> FactDraft? in
            guard let parent = m.parentKey, parent != m.key, !m.key.isEmpty else { return nil }
            var d = FactDraft(type: "CHILD_OF", subject: m.key, object: parent, trigger: m.range.lowerBound,
                              span: m.range, rule: "kinship", confidence: conf(0.85, 0, c, [k]))
            d.takesDate = false
            return d
        }
    }

    /// "العاصمة النيجيرية نيامي", "نيامي عاصمة النيجر".
    static func capitals(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        for i in c.tokens.indices where c.matches(i, FactRules.capitalWords) && c.mention(at: i) == nil {
            var country: Int? = nil, city: Int? = nil
            var k = i + 1
            while k < c.tokens.count, k - i <= 3 {
                guard let m = c.mention(at: k) else { break }
                let mm = c.mentions[m]
                if mm.type == .place, mm.isAdjective || mm.subtype == "country" { if country == nil { country = m } }
                else if mm.type == .place, city == nil { city = m }
                k = mm.range.upperBound
            }
            if city == nil, let co = country, i > 0 {
                // "نيامي، عاصمة النيجر"
                var j = i - 1
                if c.isComma(j) { j -= 1 }
                if let m = c.mention(at: j), c.mentions[m].type == .place, !c.mentions[m].isAdjective, c.mentions[m].key != c.mentions[co].key { city = m }
            }
            if country == nil, let ci = city, c.mentions[ci].range.lowerBound == i + 1,
               let known = c.gazetteer.entry(id: c.mentions[ci].key)?.capitalOf {
                // "إلى العاصمة طرابلس": the gazetteer knows whose capital it is (kept when the country is named in the document)
                var d = FactDraft(type: "CAPITAL_OF", subject: c.mentions[ci].key, object: known, trigger: i,
                                  span: c.span([ci], i), rule: "capital.known", confidence: conf(0.85, 0, c, [ci]))
                d.takesDate = false
                out.append(d)
                continue
            }
            guard let ci = city, let co = country, c.mentions[ci].key != c.mentions[co].key else { continue }
            var d = FactDraft(type: "CAPITAL_OF", subject: c.mentions[ci].key, object: c.mentions[co].key, trigger: i,
                              span: c.span([ci, co], i), rule: "capital.apposition", confidence: conf(0.9, 1, c, [ci, co]))
            d.takesDate = false
            out.append(d)
        }
        return out
    }

    /// Relations between actors whose participant is a capital ("بين واشنطن ونيامي") concern the country.
    static let actorRelations: Set<String> = ["COOPERATE", "AGREEMENT", "SUPPORT", "ALLY_OF", "OPPOSE", "ACCUSE", "TALKS", "MEET",
                                              "ENDS_COOPERATION", "RECALL_AMBASSADOR", "INVITE", "RECEIVE", "HOSTS"]
    /// Actions whose agent may be named by its capital ("واشنطن تسحب قواتها"); the object stays the place.
    static let agentRelations: Set<String> = ["WITHDRAW_FROM", "DEPLOYED_IN", "ATTACK", "ARREST", "KILLED"]
    static func governmentByCapital(_ c: SentenceContext, _ d: inout FactDraft) {
        if agentRelations.contains(d.type), let e = c.gazetteer.entry(id: d.subject), let country = e.capitalOf { d.subject = country; return }
        // a city hosting a meeting is the place itself
        guard actorRelations.contains(d.type), d.rule != "hosts.place" else { return }
        if let e = c.gazetteer.entry(id: d.subject), let country = e.capitalOf { d.subject = country }
        if let e = c.gazetteer.entry(id: d.object), let country = e.capitalOf { d.object = country }
    }

    // MARK: Modality, dates, confidence

    static func applyModality(_ c: SentenceContext, _ d: inout FactDraft) {
        // states (offices, capitals, kinship) are not planned or denied by the event words around them
        guard d.takesDate else { return }
        let lo = max(0, d.trigger - 12)
        // an agenda lists the meetings of a visit under way ("يتضمن جدول أعمال زيارة X لقاء مع …"), not the visit
        let agenda = d.type == "VISIT" ? agendaCues : []
        // a cue does not reach into a relative clause ("يخطط X للسفر … بدعوة من Y، الذي زار المدينة")
        for k in lo..<d.trigger where c.matches(k, plannedCues) && !c.matches(k, agenda)
            && !(k + 1..<d.trigger).contains(where: { c.mention(at: $0) == nil && ["الذي", "التي", "الذين"].contains(c.tokens[$0].norm) }) {
            d.modality = .planned
        }
        if d.type == "MEET" || d.type == "TALKS", (0..<d.trigger).contains(where: { c.matches($0, agendaCues) }) { d.modality = .planned }
        // "زيارته المرتقبة", "يزور X الجزائر الأسبوع المقبل": a cue right after the trigger or its arguments
        for k in (d.trigger + 1)..<min(c.tokens.count, max(d.trigger, d.span.upperBound) + 3) where c.matches(k, plannedAfterCues) {
            d.modality = .planned
        }
        let t = c.tokens[d.trigger].norm
        if t.hasPrefix("سي") || t.hasPrefix("ست"), Lexicon.verbs.contains("ي" + t.dropFirst(2)) || Lexicon.verbs.contains("ت" + t.dropFirst(2)) {
            d.modality = .planned
        }
        for k in max(0, d.trigger - 3)..<d.trigger where c.matches(k, negationCues) { d.modality = .negated }
        // "لا تنوي سحب …" ("لا سيما" is "especially")
        for k in max(0, d.trigger - 3)..<d.trigger where c.tokens[k].norm == "لا" && !(k + 1 < c.tokens.count && c.tokens[k + 1].norm == "سيما") {
            d.modality = .negated
        }
        // "نفت الإمارات تقديم أي دعم": a denial governs the masdar a few words on
        for k in max(0, d.trigger - 6)..<d.trigger where c.matches(k, denialVerbs) { d.modality = .negated }
        if d.modality == .planned {
            if d.type == "VISIT" { d.type = "PLANS_VISIT" }
            if d.type == "MEET" || d.type == "TALKS" { d.type = "PLANS_MEET" }
        }
    }

    /// Each date goes to the one fact whose trigger is nearest to it (not to every fact of the sentence).
    static func attachDates(_ c: SentenceContext, _ drafts: inout [FactDraft]) {
        // each date goes to its nearest fact; when several dates are nearest to one fact, the closest one wins
        var chosen: [Int: (dist: Int, date: FactDate)] = [:]     // trigger → closest date
        for dm in c.dates {
            var best: Int? = nil
            var bestDist = Int.max
            for (k, d) in drafts.enumerated() where d.takesDate {
                let dist = dm.range.lowerBound >= d.trigger ? dm.range.lowerBound - d.trigger : (d.trigger - dm.range.upperBound) * 3 + 6
                let between = dm.range.lowerBound >= d.trigger ? (d.trigger + 1)..<dm.range.lowerBound : dm.range.upperBound..<d.trigger
                // "منذ 26 يوليو", "منذ العام 2021" introduce the date itself, not a clause of their own
                if between.contains(where: { c.matches($0, clauseBreaks) && !(c.tokens[$0].norm == "منذ" && dm.range.lowerBound - $0 <= 2) }) { continue }
                if dist < bestDist { bestDist = dist; best = k }
            }
            guard let b = best, bestDist <= 30 else { continue }
            let trig = drafts[b].trigger
            if let old = chosen[trig], old.dist <= bestDist { continue }
            chosen[trig] = (bestDist, dm.date)
        }
        // every draft with the same trigger (e.g. a delegation's visits) shares the date
        for k in drafts.indices where drafts[k].takesDate && drafts[k].date == nil {
            if let d = chosen[drafts[k].trigger] { drafts[k].date = d.date }
        }
    }

    static func conf(_ base: Double, _ distance: Int, _ c: SentenceContext, _ args: [Int]) -> Double {
        var v = base - 0.01 * Double(max(0, distance - 3))
        for a in args where c.mentions[a].gazetteerIDs.isEmpty { v -= 0.07 }
        return min(0.99, max(0.3, (v * 100).rounded() / 100))
    }
}

extension Array {
    /// The array, or nil when it is empty.
    var nonEmpty: [Element]? { isEmpty ? nil : self }
}

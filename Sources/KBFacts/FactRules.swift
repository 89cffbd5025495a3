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
    /// Reported speech or «بحسب …»: the sentence attributes the fact to a source (`FactAttribution.swift`),
    /// the entity key of the source when it names one.
    var attributed = false
    var attributedTo: String? = nil
    var date: FactDate? = nil
    /// Rules that describe states (roles, capitals) take no event date.
    var takesDate = true
}

/// The extraction rules, one function per relation family. Each returns drafts with the rule name
/// that fired and a confidence from the evidence (rule strength, distance, gazetteer vs guessed).
enum FactRules {
    static let welcomeWords = Lexicon.set("رحب رحبت يرحب")
    static let meetVerbs = Lexicon.verbForms("التقى التقت يلتقي تلتقي يلتقيان تلتقيان")
    static let leaderHeads = Lexicon.set("رئيس رئيسة الرئيس قائد القائد زعيم الزعيم")

    static let visitVerbs = Lexicon.verbForms("زار زارت يزور تزور سيزور ستزور زاروا يزورون قام قامت")
    static let arriveVerbs = Lexicon.verbForms("وصل وصلت يصل تصل وصلوا سيصل ستصل حل حلت")
    static let travelWords = Lexicon.verbForms("السفر سفر يسافر تسافر سافر سافرت توجه توجهت يتوجه تتوجه التوجه متوجها متوجهة")
    static let visitNouns = Lexicon.set("زيارة زيارته زيارتها زيارتهم زيارتهما الزيارة زيارات جولة")
    static let receiveWords = Lexicon.verbForms("استقبل استقبلت يستقبل تستقبل استقبال استقباله استقبالها رحب رحبت يرحب ترحب استقبله استقبلها")
    static let withdrawWords = Lexicon.verbForms("انسحاب انسحابها انسحابه انسحابهم الانسحاب انسحب انسحبت تنسحب ينسحب سحب سحبت يسحب تسحب سحبوا")
    static let hostWords = Lexicon.verbForms("تستضيف يستضيف استضاف استضافت تحتضن يحتضن")
    static let meetWords = Lexicon.verbForms("التقى التقت يلتقي تلتقي التقوا التقيا يلتقيان تلتقيان اجتمع اجتمعت يجتمع تجتمع لقاء لقائه لقائها لقائهما اللقاء اجتماع اجتماعا")
    static let talksWords = Lexicon.verbForms("محادثات مباحثات المحادثات المباحثات بحث بحثا بحثت ناقش ناقشا ناقشت يبحث تبحث يناقش تناقش يبحثان يناقشان مشاورات تناول تناولت تطرق النقاش ببحث اتصالا مكالمه")
    /// An invitation before "لزيارة" makes the visit planned (the visit family; the INVITE facts are data rules).
    static let inviteWords = Lexicon.set("بدعوة دعوة")
    /// "دعا X Y لزيارة Z": the verb of an invitation (only with a visit after it).
    static let inviteVerbs = Lexicon.verbForms("دعا دعت يدعو تدعو وجه وجهت")
    static let tensionWords = Lexicon.verbForms("""
        توتر بتوتر التوتر تدهور تدهورا التدهور أزمة الأزمة قطيعة القطيعة توترا خلاف الخلاف
        توترت تتوتر تدهورت تتدهور
        """)
    static let plannedCues = Lexicon.set("""
        يخطط تخطط يعتزم تعتزم المقرر المنتظر المتوقع سوف المرتقبة المرتقب ستتبعها يعتزمون تخطيط
        المزمع المزمعة مقرر يرتقب ينتظر يتضمن تتضمن سيتضمن جدول المقبل المقبلة القادم القادمة غدا
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
    static let negationCues = Lexicon.set("لم لن نفى نفت ينفي تنفي")
    static let denialVerbs = Lexicon.set("نفى نفت ينفي تنفي نفوا ينفون نفي ونفى ونفت")
    static let listCues = Lexicon.set("بينهم منهم ومنهم يضم ويضم تضم وتضم ضم")
    /// Nouns that refer back to a meeting already told ("اللقاء", "المحادثات").
    static let anaphoraNouns = Lexicon.set("اللقاء لقاء الاجتماع المحادثات المباحثات النقاش معه معها")
    /// Words that open a clause of their own: a date or a list does not reach across them.
    static let clauseBreaks = Lexicon.set("الذي التي الذين اللذين منذ حيث بعد قبل عندما")

    /// Every word any rule tests with `matches`.
    /// (`allTriggers.union(clauseBreaks).union(…)`, gathered in one set: WordSet.union(keysOnly:_:))
    static let ruleWords: WordSet = WordSet.union(keysOnly: allTriggers, [
        clauseBreaks, listCues, negationCues, WordSet(tensionWords), anaphoraNouns, welcomeWords, WordSet(meetVerbs),
        Lexicon.placeHeads, ["من"], WordSet(eventTriggers), eventContextWords, plannedAfterCues,
        denialVerbs, WordSet(inviteVerbs), inviteWords,
    ])

    /// Every trigger word: none of them is part of a person's name.
    /// (A ``WordSet`` of keys: the large migrated list is never hashed as `String`s.)
    static let allTriggers: WordSet = WordSet.union(keysOnly: migratedTriggers, [
        WordSet(visitVerbs), WordSet(arriveVerbs), WordSet(travelWords), visitNouns, WordSet(receiveWords), WordSet(hostWords),
        WordSet(meetWords), WordSet(talksWords), inviteWords, plannedCues, WordSet(withdrawWords), WordSet(eventTriggers),
    ])

    /// The words of the lexicon classes that trigger the families migrated from Swift (rules/migrated*.rules): they
    /// stay out of names as the Swift word lists they replace did (every class would be too many: «جمعة», «ولد»).
    static let migratedTriggers: WordSet = {
        let set = RuleSet.bundled
        return WordSet(keys: set.lexicon.wordKeys(ofAny: Set(set.rules.filter { $0.file.hasPrefix("rules/migrated") }.flatMap(\.triggerNames))
            .union(["LOCATED"])))
    }()

    static func extract(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        // (a word without rule forms matches no set; the sets compiled once: Matcher)
        for i in c.tokens.indices where c.tokens[i].kind == .word && c.mention(at: i) == nil && c.hasRuleForms(i) {
            if Matcher.visit.test(c, i) || Matcher.arrive.test(c, i) || Matcher.travel.test(c, i) || Matcher.visitNoun.test(c, i) {
                out += visitProcedural(c, i)
            }
            if Matcher.receive.test(c, i) { out += receptionCommittee(c, i) ?? [] }
            if Matcher.meet.test(c, i) { out += meetReferredBack(c, i, type: "MEET") }
            if Matcher.talks.test(c, i) { out += meetReferredBack(c, i, type: "TALKS") }
        }
        out += roles(c)
        out += kinship(c)
        if !out.containsInPlace(where: { $0.pointee.type == "VISIT" }) { out += delegationContinued(c) }
        for k in out.indices { applyModality(c, &out[k]); governmentByCapital(c, &out[k]) }
        if let t = c.trace { for d in out { t.note("swift rule \(d.rule) fired: \(d.type) \(RuleEngine.label(c, d.subject)) → \(RuleEngine.label(c, d.object))") } }
        // the data rules (Resources/rules): a fact the Swift rules already give (same type, same pair) is not repeated
        // (the rule set read through the shared box: `c.ruleSet` copied it, every field retained, per sentence)
        var extra = RuleEngine.run(c, c.rules.set, trace: c.trace)
        for k in extra.indices { governmentByCapital(c, &extra[k]) }
        extra.removeAll { relatesStateToOwnOrgan(c, $0) }
        func family(_ t: String) -> String { t.hasPrefix("PLANS_") ? String(t.dropFirst(6)) : t }
        // (the keys are made only when the data rules found something: most sentences have no fact; compared as
        // "\(family)|\(subject)|\(object)" strings, without building them: Extractor.FactKeys)
        var have = Extractor.FactKeys()
        if !extra.isEmpty { for d in out { _ = have.insert(type: family(d.type), subject: d.subject, object: d.object, sentence: 0) } }
        for d in extra {
            let sym = RelationIndex.flags(.standard, d.type)?.symmetric ?? false   // (isSymmetric, RuleEngine+Relations.swift)
            let f = family(d.type)
            // (the reversed pair asked first, then the pair inserted: `insert` is false when it was there, and the
            // keys end as they did after `contains` and `insert`)
            if sym && have.contains(type: f, subject: d.object, object: d.subject, sentence: 0) { continue }
            guard have.insert(type: f, subject: d.subject, object: d.object, sentence: 0) else { continue }
            out.append(d)
        }
        // a gathering referred back («اللقاء», «الزيارة») is resolved after the facts the sentence states itself, and
        // is none when a rule named its participants on the same word
        // (with no gathering referred back, the facts stay as they are)
        if out.containsInPlace(where: { $0.pointee.subject.isEmpty }) {
            let named = Set(out.filter { !$0.subject.isEmpty && !$0.object.isEmpty && $0.subject != RuleEngine.carriedSubjectKey }.map { "\($0.trigger)|\(family($0.type))" })
            out = out.filter { !$0.subject.isEmpty } + out.filter { $0.subject.isEmpty && !named.contains("\($0.trigger)|\(family($0.type))") }
        }
        attribute(c, &out)
        withdrawnWereDeployed(c, &out)
        companionsVisit(&out)
        attachDates(c, &out)
        return out
    }

    /// A force that withdraws from a country was deployed there ("أنهت القوات الفرنسية انسحابها من النيجر").
    static func withdrawnWereDeployed(_ c: SentenceContext, _ out: inout [FactDraft]) {
        for d in out where d.type == "WITHDRAW_FROM" && d.modality != .negated {
            guard let f = c.mentions.first(where: { $0.key == d.subject }), f.type == .organization, canDeploy(c, f),
                  f.subtype != "intl_org", f.subtype != "alliance", f.subtype != "government",
                  let p = c.mentions.first(where: { $0.key == d.object }), p.type == .place,
                  !out.contains(where: { $0.type == "DEPLOYED_IN" && $0.subject == d.subject && $0.object == d.object }) else { continue }
            var x = d; x.type = "DEPLOYED_IN"; x.rule = "deployed.withdrawn"; x.takesDate = false; x.modality = .asserted
            out.append(x)
        }
    }

    /// A companion ("برفقة X") visits the place the principal visits in the same sentence.
    static func companionsVisit(_ out: inout [FactDraft]) {
        for a in out where a.type == "ACCOMPANIES" {
            for v in out where (v.type == "VISIT" || v.type == "PLANS_VISIT") && v.subject == a.object && !v.object.isEmpty
                && !out.contains(where: { $0.type == v.type && $0.subject == a.subject && $0.object == v.object }) {
                var x = v; x.subject = a.subject; x.rule = "visit.companion"; x.span = v.span.lowerBound..<max(v.span.upperBound, a.span.upperBound)
                out.append(x)
            }
        }
    }

    // MARK: Modality, dates, confidence

    /// `t.hasPrefix("سي") || t.hasPrefix("ست")`, on the UTF-8 bytes when `t` is plain (NFC, no combining marks:
    /// there the two agree) without String's normalising comparison.
    static func hasFuturePrefix(_ t: String) -> Bool {
        guard NormKey.isPlain(t) else { return t.hasPrefix("سي") || t.hasPrefix("ست") }
        let u = t.utf8
        guard u.count >= 4 else { return false }
        var i = u.startIndex
        let b0 = u[i]; i = u.index(after: i)
        let b1 = u[i]; i = u.index(after: i)
        let b2 = u[i]; i = u.index(after: i)
        let b3 = u[i]
        // س = D8 B3, ي = D9 8A, ت = D8 AA
        return b0 == 0xD8 && b1 == 0xB3 && ((b2 == 0xD9 && b3 == 0x8A) || (b2 == 0xD8 && b3 == 0xAA))
    }

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
        if FactRules.hasFuturePrefix(t), Lexicon.verbs.contains("ي" + t.dropFirst(2)) || Lexicon.verbs.contains("ت" + t.dropFirst(2)) {
            d.modality = .planned
        }
        // "وسيلتقي X بـ Y", "وسيجري X محادثات مع Y": a future form (with its clitics) of a verb of the lexicon, at or
        // just before the trigger
        if (max(0, d.trigger - 6)...d.trigger).contains(where: { c.isFuture($0) }) {
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
            if d.type == "MEET" { d.type = "PLANS_MEET" }
            if d.type == "TALKS" { d.type = "PLANS_TALKS" }
        }
    }

    /// Every event fact takes the date of its sentence nearest to its trigger (a date after the trigger is
    /// preferred: "وصل X اليوم السبت 2 فبراير إلى Y"); a date behind a clause break ("الذي", "منذ", "بعد") is
    /// taken only when no other date is nearer. Facts of one trigger (a delegation's visits) share it.
    static func attachDates(_ c: SentenceContext, _ drafts: inout [FactDraft]) {
        guard !c.dates.isEmpty else { return }
        // a state takes a date only as its start, stated right after it: "رئيس الوزراء منذ 14 نوفمبر 2012",
        // "الأزمة بين البلدين في 2022"
        for k in drafts.indices where !drafts[k].takesDate && drafts[k].date == nil {
            let end = max(drafts[k].span.upperBound, drafts[k].trigger + 1)
            if let dm = c.dates.first(where: { dm in
                let lo = dm.range.lowerBound
                return lo > end - 1 && lo <= end + 1 && lo >= 1 && ["منذ", "في"].contains(c.tokens[lo - 1].norm) && !dm.relative
            }) { drafts[k].date = dm.date }
        }
        var byTrigger: [Int: FactDate] = [:]
        for k in drafts.indices where drafts[k].takesDate && drafts[k].date == nil {
            let trig = drafts[k].trigger
            if let d = byTrigger[trig] { drafts[k].date = d; continue }
            var best: (cost: Int, date: FactDate)? = nil
            for dm in c.dates {
                let after = dm.range.lowerBound >= trig
                var cost = after ? dm.range.lowerBound - trig : (trig - dm.range.upperBound) * 2 + 4
                let between = after ? (trig + 1)..<dm.range.lowerBound : dm.range.upperBound..<trig
                // "منذ 26 يوليو", "منذ العام 2021", "بعد ظهر اليوم" introduce the date itself, not a clause of their own
                let breaks = between.filter { c.matches($0, clauseBreaks) && !(["منذ", "بعد", "قبل"].contains(c.tokens[$0].norm) && dm.range.lowerBound - $0 <= 2) }
                // "وتأتي زيارته بعد لقائه X أمس": a date behind "بعد"/"قبل" dates another, earlier or later, event
                if breaks.contains(where: { ["بعد", "قبل"].contains(c.tokens[$0].norm) }) { continue }
                if !breaks.isEmpty { cost += 40 }
                if cost > 80 { continue }
                if best == nil || cost < best!.cost { best = (cost, dm.date) }
            }
            if let b = best { drafts[k].date = b.date; byTrigger[trig] = b.date }
        }
    }

    static func conf(_ base: Double, _ distance: Int, _ c: SentenceContext, _ args: [Int]) -> Double {
        var v = base - 0.01 * Double(max(0, distance - 3))
        for a in args where c.mentions[a].gazetteerIDs.isEmpty { v -= 0.07 }
        return min(0.99, max(0.3, (v * 100).rounded() / 100))
    }
}

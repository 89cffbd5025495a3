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
    func actorBefore(_ i: Int, limit: Int = 14, excluding: Set<String> = [], countries: Bool = false) -> Int? {
        var k = i - 1
        while k >= 0, i - k <= limit {
            if isStrongPunct(k) { return nil }
            if let m = mention(at: k) {
                let mm = mentions[m]
                if isActor(mm) || (countries && mm.type == .place && (mm.subtype == "country" || mm.subtype == "group") && !mm.isAdjective),
                   !mm.inRolePhrase, !excluding.contains(mm.key) { return m }
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
    static let meetVerbs = Lexicon.set("التقى التقت يلتقي تلتقي")
    static let relationsPlural = Lexicon.set("علاقات العلاقات")
    static let capitalWords = Lexicon.set("العاصمة عاصمة")
    static let leaderHeads = Lexicon.set("رئيس رئيسة الرئيس قائد القائد زعيم الزعيم")

    static let visitVerbs = Lexicon.set("زار زارت يزور تزور سيزور ستزور زاروا يزورون قام قامت")
    static let arriveVerbs = Lexicon.set("وصل وصلت يصل تصل وصلوا سيصل ستصل حل حلت")
    static let travelWords = Lexicon.set("السفر سفر يسافر تسافر سافر سافرت توجه توجهت يتوجه تتوجه التوجه متوجها متوجهة")
    static let visitNouns = Lexicon.set("زيارة زيارته زيارتها زيارتهم زيارتهما الزيارة زيارات جولة")
    static let receiveWords = Lexicon.set("استقبل استقبلت يستقبل تستقبل استقبال استقباله استقبالها رحب رحبت يرحب")
    static let leadWords = Lexicon.set("بقيادة")
    static let withdrawWords = Lexicon.set("انسحاب انسحابها انسحابه انسحابهم الانسحاب انسحب انسحبت تنسحب ينسحب")
    static let recallWords = Lexicon.set("استدعاء استدعت استدعى باستدعاء")
    static let conflictWords = Lexicon.set("الحرب حرب اشتباكات الاشتباكات معارك المعارك الصراع صراع القتال قتال المواجهات مواجهات")
    static let hostWords = Lexicon.set("تستضيف يستضيف استضاف استضافت تحتضن يحتضن")
    static let meetWords = Lexicon.set("التقى التقت يلتقي تلتقي التقوا التقيا اجتمع اجتمعت يجتمع تجتمع لقاء لقائه لقائها لقائهما اللقاء اجتماع اجتماعا")
    static let talksWords = Lexicon.set("محادثات مباحثات المحادثات المباحثات بحث بحثا بحثت ناقش ناقشا ناقشت يبحث تبحث يناقش تناقش مشاورات تناول تناولت تطرق النقاش ببحث")
    static let inviteWords = Lexicon.set("بدعوة دعوة")
    static let appointWords = Lexicon.set("عين عينت يعين تعيين بتعيين سمى")
    static let supportWords = Lexicon.set("دعم بدعم يدعم تدعم دعمت مساندة بمساندة بمباركة مباركة يساند تساند")
    static let cooperateWords = Lexicon.set("تعاون التعاون بالتعاون تعاونا شراكة الشراكة التقارب تقارب محور تحالف التحالف لتحالف")
    static let foundingWords = Lexicon.set("إنشاء انشاء تأسيس تؤسس أسست إقامة تشكيل")
    static let membershipWords = Lexicon.set("تمسك انضمام انضمت انضم عضوية الأعضاء أعضاء تؤسس تأسيس إنشاء أسست بعضوية")
    static let relationsWords = Lexicon.set("علاقات العلاقات علاقاتها علاقاته علاقاتهما")
    static let tensionWords = Lexicon.set("توتر بتوتر التوتر تدهور تدهورا التدهور أزمة الأزمة قطيعة القطيعة توترا خلاف الخلاف")
    static let agreementWords = Lexicon.set("اتفاقية الاتفاقية اتفاق الاتفاق اتفاقيات اتفاقيتي اتفاقيتين مذكرة مذكرتي معاهدة المعاهدة ميثاق الميثاق كونفدرالية")
    static let controlWords = Lexicon.set("يسيطر تسيطر سيطر سيطرت سيطرة يسيطرون")
    static let killWords = Lexicon.set("مقتل اغتيال")
    static let locatedWords = Lexicon.set("الواقعة الواقع تقع يقع")
    static let plannedCues = Lexicon.set("يخطط تخطط يعتزم تعتزم المقرر المنتظر المتوقع سوف المرتقبة المرتقب ستتبعها يعتزمون تخطيط")
    static let negationCues = Lexicon.set("لم لن نفى نفت ينفي تنفي")
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

    /// Every trigger word: none of them is part of a person's name.
    static let allTriggers: Set<String> = visitVerbs.union(arriveVerbs).union(travelWords).union(visitNouns)
        .union(receiveWords).union(hostWords).union(meetWords).union(talksWords).union(inviteWords)
        .union(appointWords).union(supportWords).union(cooperateWords).union(agreementWords).union(controlWords)
        .union(killWords).union(locatedWords).union(plannedCues).union(withdrawWords).union(recallWords)

    static func extract(_ c: SentenceContext) -> [FactDraft] {
        var out: [FactDraft] = []
        for i in c.tokens.indices where c.tokens[i].kind == .word && c.mention(at: i) == nil {
            if c.matches(i, visitVerbs) || c.matches(i, arriveVerbs) || c.matches(i, travelWords) || c.matches(i, visitNouns) {
                out += visit(c, i)
            }
            if c.matches(i, receiveWords) { out += receive(c, i) }
            if c.matches(i, hostWords) { out += hosts(c, i) }
            if c.matches(i, meetWords) { out += meet(c, i, type: "MEET") }
            if c.matches(i, talksWords) { out += meet(c, i, type: "TALKS") }
            if c.matches(i, inviteWords) { out += invite(c, i) }
            if c.matches(i, appointWords) { out += appoint(c, i) }
            if c.matches(i, supportWords) { out += support(c, i) }
            // founding an alliance or a confederation is an agreement between its parties
            let founding = (max(0, i - 3)..<i).contains { c.matches($0, foundingWords) }
            if c.matches(i, cooperateWords) { out += between(c, i, type: founding ? "AGREEMENT" : "COOPERATE") }
            if c.matches(i, agreementWords) { out += between(c, i, type: "AGREEMENT") }
            if c.matches(i, controlWords) { out += controls(c, i) }
            if c.matches(i, locatedWords) { out += located(c, i) }
            if c.matches(i, leadWords) { out += ledBy(c, i) }
            if c.matches(i, relationsWords) { out += relations(c, i) }
            if c.matches(i, membershipWords) { out += membership(c, i) }
            if c.matches(i, withdrawWords) { out += withdraw(c, i) }
            if c.matches(i, recallWords) { out += recall(c, i) }
            if c.matches(i, conflictWords) {
                for d in between(c, i, type: "OPPOSE") {
                    out.append(d)
                    var r = d; r.subject = d.object; r.object = d.subject; out.append(r)
                }
            }
        }
        out += roles(c)
        out += capitals(c)
        out += kinship(c)
        for k in out.indices { applyModality(c, &out[k]); governmentByCapital(c, &out[k]) }
        attachDates(c, &out)
        return out
    }

    // MARK: Rules

    static func visit(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        let isNoun = c.matches(i, visitNouns)
        guard let dest = c.destinationAfter(i) ?? (c.matches(i, visitVerbs) || isNoun ? firstPlaceAfter(c, i) : nil)
                ?? (c.matches(i, arriveVerbs) ? firstPlaceAfter(c, i).flatMap { c.mentions[$0].range.lowerBound == i + 1 ? $0 : nil } : nil) else { return [] }
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
        for v in visitors where c.mentions[v].key != c.mentions[dest].key {
            let dist = abs(c.mentions[v].range.lowerBound - i) + abs(c.mentions[dest].range.lowerBound - i)
            out.append(FactDraft(type: "VISIT", subject: c.mentions[v].key, object: c.mentions[dest].key, trigger: i,
                                 span: c.span([v, dest], i), rule: isNoun ? "visit.noun" : "visit.verb",
                                 confidence: conf(0.9, dist, c, [v, dest])))
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
        if let b = c.actorBefore(i, limit: 6) {
            host = b; guest = c.actorAfter(i, limit: 14, types: [.person, .organization])
        } else if let a = c.actorAfter(i, limit: 10) {
            host = a; guest = c.actorAfter(c.mentions[a].range.upperBound - 1, limit: 14, excluding: [c.mentions[a].key])
        }
        guard let h = host, let g = guest, c.mentions[h].key != c.mentions[g].key else { return [] }
        return [FactDraft(type: "RECEIVE", subject: c.mentions[h].key, object: c.mentions[g].key, trigger: i,
                          span: c.span([h, g], i), rule: "receive.verb", confidence: conf(0.9, abs(c.mentions[g].range.lowerBound - i), c, [h, g]))]
    }

    static func hosts(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
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
            k += 1
        }
        if let w = withIdx {
            b = w
            a = c.actorBefore(i, limit: 12, excluding: [c.mentions[w].key])
            if a == nil, let after = c.actorAfter(i, limit: 8, excluding: [c.mentions[w].key]),
               c.mentions[after].range.lowerBound < c.mentions[w].range.lowerBound { a = after }
        } else if dual {
            let actors = c.mentions.indices.filter { c.isActor(c.mentions[$0]) && !c.mentions[$0].inRolePhrase && c.mentions[$0].type == .person }
            let keys = actors.reduce(into: [Int]()) { acc, m in if !acc.contains(where: { c.mentions[$0].key == c.mentions[m].key }) { acc.append(m) } }
            if keys.count >= 2 { a = keys[0]; b = keys[1] }
        } else if c.matches(i, FactRules.meetVerbs) {
            a = c.actorBefore(i, limit: 8) ?? c.actorAfter(i, limit: 8)
            if let x = a { b = c.actorAfter(max(i, c.mentions[x].range.upperBound - 1), limit: 12, excluding: [c.mentions[x].key]) }
        }
        guard let x = a, let y = b, c.mentions[x].key != c.mentions[y].key else {
            // "اللقاء تناول …", "وبحث معه …", "النقاش بين الزعيمين": a meeting told before; the extractor
            // gives it the participants of the last reception or meeting of the document
            let anaphoric = c.matches(i, anaphoraNouns) || (type == "TALKS" && c.mentions.allSatisfy { !c.isActor($0) || $0.inRolePhrase })
            guard anaphoric, a == nil || b == nil else { return [] }
            return [FactDraft(type: type, subject: "", object: "", trigger: i, span: i..<(i + 1),
                              rule: type == "MEET" ? "meet.anaphora" : "talks.anaphora", confidence: 0.6)]
        }
        return [FactDraft(type: type, subject: c.mentions[x].key, object: c.mentions[y].key, trigger: i, span: c.span([x, y], i),
                          rule: type == "MEET" ? "meet.with" : "talks.with",
                          confidence: conf(0.85, abs(c.mentions[y].range.lowerBound - i), c, [x, y]))]
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
        guard let agent = c.actorBefore(i, limit: 8, excluding: [c.mentions[appointee].key]) else { return [] }
        return [FactDraft(type: "APPOINT", subject: c.mentions[agent].key, object: c.mentions[appointee].key, trigger: i,
                          span: c.span([agent, appointee], i), rule: "appoint.verb",
                          confidence: conf(0.85, abs(c.mentions[appointee].range.lowerBound - i), c, [agent, appointee]))]
    }

    static func support(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        var out: [FactDraft] = []
        let n = c.tokens[i].norm
        let passive = n.hasPrefix("ب") || (i + 1 < c.tokens.count && c.tokens[i + 1].norm == "من")
        if passive {
            // "يحظى X بدعم من Y" / "بمباركة من الحليف الروسي": Y supports X
            guard let supporter = c.actorAfter(i, limit: 6, types: [.person, .organization, .place]) ?? c.adjectiveAfter(i, limit: 4) else { return [] }
            var beneficiaries: [Int] = []
            var k = i - 1
            while k >= 0, i - k <= 14 {
                if c.isStrongPunct(k) { break }
                if let m = c.mention(at: k), c.isActor(c.mentions[m]), !c.mentions[m].inRolePhrase {
                    beneficiaries = [m] + beneficiaries.filter { c.mentions[$0].key != c.mentions[m].key }
                    k = c.mentions[m].range.lowerBound - 1; continue
                }
                k -= 1
            }
            for b in beneficiaries where c.mentions[b].key != c.mentions[supporter].key {
                out.append(FactDraft(type: "SUPPORT", subject: c.mentions[supporter].key, object: c.mentions[b].key, trigger: i,
                                     span: c.span([supporter, b], i), rule: "support.by",
                                     confidence: conf(0.75, abs(c.mentions[b].range.lowerBound - i), c, [supporter, b])))
            }
        } else {
            guard let obj = c.actorAfter(i, limit: 4, types: [.person, .organization, .place]) else { return [] }
            guard let subj = c.actorBefore(i, limit: 12, excluding: [c.mentions[obj].key]) else { return [] }
            out.append(FactDraft(type: "SUPPORT", subject: c.mentions[subj].key, object: c.mentions[obj].key, trigger: i,
                                 span: c.span([subj, obj], i), rule: "support.verb",
                                 confidence: conf(0.75, abs(c.mentions[obj].range.lowerBound - i), c, [subj, obj])))
        }
        return out
    }

    /// "التعاون العسكري بين X و Y", "اتفاقية بين X و Y", "بالتعاون مع X".
    static func between(_ c: SentenceContext, _ i: Int, type: String) -> [FactDraft] {
        var k = i + 1
        while k < c.tokens.count, k - i <= 6 {
            if c.isStrongPunct(k) { return [] }
            let n = c.tokens[k].norm
            if n == "بين" {
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
                guard let b = c.actorAfter(k, limit: 4, types: [.person, .organization, .place]),
                      let a = c.actorBefore(i, limit: 12, excluding: [c.mentions[b].key]) else { return [] }
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
        // "X يسيطر على Y" / "يسيطر X على Y"
        var k = i + 1
        while k < c.tokens.count, k - i <= 8 {
            if c.isStrongPunct(k) { break }
            if let m = c.mention(at: k) {
                let mm = c.mentions[m]
                if mm.type == .place, !mm.isAdjective, place == nil { place = m }
                else if c.isActor(mm), actor == nil { actor = m }
                k = mm.range.upperBound; continue
            }
            k += 1
        }
        if actor == nil { actor = c.actorBefore(i, limit: 8) }
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
        var drafts = between(c, i, type: tense ? "OPPOSE" : "COOPERATE")
        if drafts.isEmpty, c.tokens[i].norm.hasSuffix("ها") || c.tokens[i].norm.hasSuffix("ه") {
            // "علاقاتها مع فرنسا": the owner is the subject before
            var k = i + 1
            while k < c.tokens.count, k - i <= 3, c.tokens[k].norm != "مع" { k += 1 }
            if k < c.tokens.count, c.tokens[k].norm == "مع", let b = c.actorAfter(k, limit: 3, types: [.person, .organization, .place]),
               let a = c.actorBefore(i, limit: 10, excluding: [c.mentions[b].key], countries: true) {
                drafts = [FactDraft(type: tense ? "OPPOSE" : "COOPERATE", subject: c.mentions[a].key, object: c.mentions[b].key,
                                    trigger: i, span: c.span([a, b], i), rule: "relations.with",
                                    confidence: conf(0.7, abs(c.mentions[b].range.lowerBound - i), c, [a, b]))]
            }
        }
        return drafts.map { var d = $0; d.rule = tense ? "relations.tense" : d.rule; return d }
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
            ?? c.actorBefore(i, limit: 8, excluding: [c.mentions[y].key], countries: true)
        guard let x = subject else { return [] }
        return [FactDraft(type: "WITHDRAW_FROM", subject: c.mentions[x].key, object: c.mentions[y].key, trigger: i,
                          span: c.span([x, y], i), rule: "withdraw.from", confidence: conf(0.75, abs(c.mentions[x].range.lowerBound - i), c, [x, y]))]
    }

    /// "قررت الجزائر استدعاء سفيريها في مالي والنيجر".
    static func recall(_ c: SentenceContext, _ i: Int) -> [FactDraft] {
        // the envoy word within a few tokens: "استدعاء سفيريها", "استدعت الدول الثلاث مبعوثيها"
        guard let envoy = (i + 1..<min(c.tokens.count, i + 5)).first(where: {
            c.tokens[$0].norm.contains("سفير") || c.tokens[$0].norm.contains("مبعوث")
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
            guard let cue = p.role, !cue.isRankOnly else { continue }
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
                       !c.mentions[m].inRolePhrase, (j > 0 && c.tokens[j - 1].norm == "من") || c.mentions[m].isAdjective { target = m; break }
                    j -= 1
                }
            }
            guard let t = target, c.mentions[t].key != p.key else { continue }
            var d = FactDraft(type: "HOLDS_ROLE", subject: p.key, object: c.mentions[t].key, trigger: cue.range.lowerBound,
                              span: c.span([pi, t], cue.range.lowerBound), rule: "role.apposition",
                              confidence: conf(0.85, abs(p.range.lowerBound - cue.range.lowerBound), c, [pi, t]), role: cue.phrase)
            d.takesDate = false
            out.append(d)
            // a role in an organisation makes its holder a member (the commander-in-chief aside)
            let head = ArabicNormalizer.normalize(String(cue.phrase.split(separator: " ").first ?? ""))
            if c.mentions[t].type == .organization, !FactRules.leaderHeads.contains(head) {
                var m = d; m.type = "MEMBER_OF"; m.rule = "role.member"; out.append(m)
            }
        }
        return out
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
    static func governmentByCapital(_ c: SentenceContext, _ d: inout FactDraft) {
        guard actorRelations.contains(d.type) else { return }
        if let e = c.gazetteer.entry(id: d.subject), let country = e.capitalOf { d.subject = country }
        if let e = c.gazetteer.entry(id: d.object), let country = e.capitalOf { d.object = country }
    }

    // MARK: Modality, dates, confidence

    static func applyModality(_ c: SentenceContext, _ d: inout FactDraft) {
        let lo = max(0, d.trigger - 12)
        for k in lo..<d.trigger where c.matches(k, plannedCues) { d.modality = .planned }
        let t = c.tokens[d.trigger].norm
        if t.hasPrefix("سي") || t.hasPrefix("ست"), Lexicon.verbs.contains("ي" + t.dropFirst(2)) || Lexicon.verbs.contains("ت" + t.dropFirst(2)) {
            d.modality = .planned
        }
        for k in max(0, d.trigger - 3)..<d.trigger where c.matches(k, negationCues) { d.modality = .negated }
        if d.modality == .planned {
            if d.type == "VISIT" { d.type = "PLANS_VISIT" }
            if d.type == "MEET" || d.type == "TALKS" { d.type = "PLANS_MEET" }
        }
    }

    /// Each date goes to the one fact whose trigger is nearest to it (not to every fact of the sentence).
    static func attachDates(_ c: SentenceContext, _ drafts: inout [FactDraft]) {
        for dm in c.dates {
            var best: Int? = nil
            var bestDist = Int.max
            for (k, d) in drafts.enumerated() where d.takesDate {
                let dist = dm.range.lowerBound >= d.trigger ? dm.range.lowerBound - d.trigger : (d.trigger - dm.range.upperBound) * 3 + 6
                let between = dm.range.lowerBound >= d.trigger ? (d.trigger + 1)..<dm.range.lowerBound : dm.range.upperBound..<d.trigger
                if between.contains(where: { c.matches($0, clauseBreaks) }) { continue }
                if dist < bestDist { bestDist = dist; best = k }
            }
            guard let b = best, bestDist <= 30 else { continue }
            // every draft with the same trigger (e.g. a delegation's visits) shares the date
            let trig = drafts[b].trigger
            for k in drafts.indices where drafts[k].trigger == trig && drafts[k].takesDate && drafts[k].date == nil {
                drafts[k].date = dm.date
            }
        }
    }

    static func conf(_ base: Double, _ distance: Int, _ c: SentenceContext, _ args: [Int]) -> Double {
        var v = base - 0.01 * Double(max(0, distance - 3))
        for a in args where c.mentions[a].gazetteerIDs.isEmpty { v -= 0.07 }
        return min(0.99, max(0.3, (v * 100).rounded() / 100))
    }
}

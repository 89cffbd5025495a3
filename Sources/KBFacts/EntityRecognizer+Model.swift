import Foundation
import KBResources
import KBGraph
import KBNER
import KBText

/// The statistical labeller's part in recognition (docs/ner.md, "Conflict policy"): the model proposes
/// spans and types where the gazetteer and the rules found nothing; the gazetteer links what it knows.
extension EntityRecognizer {
    /// The shipped model (`Resources/ner.model`), loaded once; nil if it is missing or unreadable (the rules
    /// still run).
    /// `KBNER_MODEL=path` loads another model file instead (to compare trained models on extraction).
    static let nerModel: NERModel? = {
        if let path = ProcessInfo.processInfo.environment["KBNER_MODEL"], let data = FileManager.default.contents(atPath: path) {
            return try? NERModel(bytes: data)
        }
        guard let data = EmbeddedResources.data(named: "ner.model", module: "KBFacts", fallback: { Bundle.module }),
              !data.isEmpty else { return nil }
        return try? NERModel(bytes: data)
    }()

    static let debugNER = ProcessInfo.processInfo.environment["KBNER_DEBUG"] != nil
    /// The least Viterbi margin a model span needs: a name of one word needs more.
    static let modelMargin: Float = 2.0
    static let modelMarginOneWord: Float = 4.0

    /// Adds the model's spans over tokens no mention and no role phrase covers, after sanity checks.
    /// `reserved`: title phrases waiting for their holder (EntityRecognizer+Appositions.swift), no name or ministry.
    func addModelMentions(_ t: [Token], _ mentions: inout [RawMention], reserved: [Range<Int>] = [], cues: WordCues? = nil) {
        guard let model = EntityRecognizer.nerModel, !t.isEmpty else { return }
        // (the tokens' infos came with their cues: EntityRecognizer+WordCues.swift)
        let result = model.label(info: cues.map(\.labelInfos) ?? t.map { ModelWords.info($0, model) })
        guard !result.spans.isEmpty else {
            for k in mentions.indices where mentions[k].type == .person && mentions[k].gazetteerIDs.isEmpty && !mentions[k].titleOnly
                && !mentions[k].nameKey.isEmpty && mentions[k].parentKey == nil { mentions[k].weak = true }
            // (a ministry by its adjective is the rules' reading: it does not wait for the model to see a name)
            var taken = EntityRecognizer.takenTokens(t, mentions, reserved)
            ministriesByAdjective(t, &mentions, &taken)
            return
        }
        // a person the rules guessed (no gazetteer entry) where the model sees no name at all is kept only if
        // it links to a known person ("بحضور", "خلفا لوالده" after a title)
        for k in mentions.indices where mentions[k].type == .person && mentions[k].gazetteerIDs.isEmpty && !mentions[k].titleOnly
            && !mentions[k].nameKey.isEmpty && mentions[k].parentKey == nil {
            if mentions[k].range.allSatisfy({ result.labels[$0] == NERLabel.o }) { mentions[k].weak = true }
        }
        splitJoinedPeople(t, result.labels, &mentions, model)
        extendGuessedPeople(t, result, &mentions, model)
        reshapeGuessedOrganizations(t, result, &mentions, model)
        var taken = EntityRecognizer.takenTokens(t, mentions, reserved)
        ministriesByAdjective(t, &mentions, &taken)
        // margins are computed only for spans over free tokens (most spans are gazetteer names found already)
        var spans: [(span: NERSpan, margin: Float)] = []
        for s in result.spans where s.range.contains(where: { !taken[$0] }) {
            var e = s
            if e.type == .org { e.range = extendedOrganization(t, e.range, model.lexicon) }
            spans.append((e, model.margin(of: s, in: result)))
        }
        absorbIntoOrganizations(t, spans, &mentions, &taken, model)
        for (span, margin) in spans {
            if EntityRecognizer.debugNER { FileHandle.standardError.write(Data("NER \(span.type.name) \(margin) «\(span.range.map { t[$0].text }.joined(separator: " "))» taken=\(span.range.contains(where: { taken[$0] }))\n".utf8)) }
            var type: EntityType
            switch span.type {
            case .per: type = .person
            case .org: type = .organization
            case .loc: type = .place
            case .misc: continue
            }
            // "والسيد “فلان فلاني”": after an honorific the span is a person's name (EntityRecognizer+Honorifics.swift)
            if type != .person, span.range.count >= 2, honorificBefore(t, span.range.lowerBound) { type = .person }
            if span.range.count == 1, EntityRecognizer.isCompellingAdjective(t, span.range.lowerBound) { continue }   // "القوة القاهرة"
            if margin >= EntityRecognizer.modelMargin, personOverTownName(t, span, &mentions, &taken, model) { continue }   // "نيكولا أورلاندو"
            // a span that runs into a mention found otherwise keeps its free end ("الجزائر عبد المجيد فرشيشي")
            // (a person's name after a place or organisation, two words or more)
            var r = span.range
            if type == .person {
                func other(_ k: Int) -> Bool { taken[k] && !mentions.contains { $0.range.contains(k) && $0.type == .person } }
                while let f = r.first, other(f) { r = (f + 1)..<r.upperBound }
                while let l = r.last, other(l) { r = r.lowerBound..<l }
                if r.count < 2 && r != span.range { continue }
            }
            // "محمد الضيف": a name the name lists know and the definite word after it that the model left out (a
            // family name that is also a common noun: الضيف، الحداد) are one name
            var extended = false
            if type == .person, r.count == 1, r == span.range, r.upperBound < t.count, !taken[r.upperBound],
               EntityRecognizer.isKnownFirstName(t[r.lowerBound].norm), familyNameWithArticle(t[r.upperBound]) {
                r = r.lowerBound..<(r.upperBound + 1); extended = true
            }
            guard !r.isEmpty, !r.contains(where: { taken[$0] }),
                  margin >= (r.count == 1 || extended ? EntityRecognizer.modelMarginOneWord : EntityRecognizer.modelMargin),
                  var m = modelMention(t, r, type, model) else { continue }
            // "مطار رفيق الحريري": a facility named after a person is a place (as pass 1b does for known people)
            if type == .person, let h = m.range.first.map({ $0 - 1 }), h >= 0, !taken[h], Lexicon.facilityHeads.contains(t[h].norm) {
                let range = h..<m.range.upperBound
                let (text, b) = stripped(t, range)
                m = RawMention(range: range, begin: b, end: m.end, text: text, type: .place, subtype: "facility",
                               gazetteerIDs: [], nameKey: key(t, range), isAdjective: false, role: nil, confidence: 0.6)
            }
            if EntityRecognizer.debugNER { FileHandle.standardError.write(Data("  ADDED «\(m.text)» \(margin)\n".utf8)) }
            for k in m.range { taken[k] = true }
            mentions.append(m)
        }
    }

    /// A definite word that may be a family name after a given name: the article on a word of three letters or
    /// more that passes as a name word, and no date, time or nationality word ("الضيف", not "الماضي", "المصري").
    func familyNameWithArticle(_ tok: Token) -> Bool {
        let n = tok.norm
        guard tok.kind == .word, n.hasPrefix("ال"), n.count >= 5, !DateParser.dateCue(n), !DateParser.past.contains(n),
              !DateParser.coming.contains(n), looseNameWord(n) else { return false }
        return true
    }

    /// A mention for a model span, or nil when the span fails the checks: a few words at most, words only,
    /// no function word, verb, role word or nationality adjective alone, no word the rules know as not a name.
    func modelMention(_ t: [Token], _ whole: Range<Int>, _ type: EntityType, _ model: NERModel) -> RawMention? {
        let lexicon = model.lexicon
        // a person's span ends before trailing trigger words of the rules ("أحمد فلان خلفا" → "أحمد فلان")
        var range = whole
        while type == .person, range.count > 1, !RuleSet.bundled.lexicon.classes(of: t[range.upperBound - 1].norm).isEmpty {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        guard range.count <= (type == .person ? 6 : 7),
              range.allSatisfy({ t[$0].kind == .word || t[$0].kind == .latin }) else { return nil }
        let first = t[range.lowerBound]
        let (stem, prefix) = modelStem(first, lexicon)
        var norms = range.map { t[$0].norm }
        norms[0] = stem
        // every word of a person's name, the first and last words of other names, must pass as a name word
        for (k, n) in norms.enumerated() where type == .person || k == 0 || k == norms.count - 1 {
            if !modelNameWord(n, inPerson: type == .person) {
                if EntityRecognizer.debugNER { FileHandle.standardError.write(Data("  rejected at «\(n)»\n".utf8)) }
                return nil
            }
        }
        if range.count == 1 {
            let bare = ArabicNormalizer.stripArticle(stem)
            if Lexicon.orgHeads.contains(stem) || Lexicon.placeHeads.contains(stem) || Lexicon.orgHeads.contains(bare)
                || Lexicon.placeHeads.contains(bare) || model.lexicon.cues[stem] != nil || model.lexicon.cues[bare] != nil { return nil }
            if stem.count < 3 || !gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(stem)).isEmpty { return nil }
            // "القطاعين الغربي والأوسط": a definite word joined by و to an adjective is an adjective too
            if prefix.hasPrefix("و"), stem.hasPrefix("ال"), range.lowerBound > 0, case let prev = t[range.lowerBound - 1],
               prev.kind == .word, EntityRecognizer.hasArticle(prev), prev.norm.hasSuffix("ي") || prev.norm.hasSuffix("يه") { return nil }
            if type != .person, EntityRecognizer.looksLikeVerbOrPossessed(stem), lexicon.names[stem] == nil,
               gazetteer.lookupName(stem).isEmpty { return nil }
        }
        let (text0, b) = strippedPrefix(first, prefix, restore: stem)
        let text = ([text0] + range.dropFirst().map { t[$0].text }).joined(separator: " ")
        let key = norms.joined(separator: " ")
        let hits = gazetteer.lookupName(key).filter { $0.type == type }
        var m = RawMention(range: range, begin: b, end: t[range.upperBound - 1].end, text: text, type: type,
                           subtype: hits.first?.subtype ?? "", gazetteerIDs: hits.map(\.id), nameKey: hits.isEmpty ? key : "",
                           isAdjective: false, role: nil, confidence: hits.isEmpty ? 0.6 : 0.9)
        // one word the model calls a person, linked to no one: kept only if it links to a known person
        m.weak = type == .person && range.count == 1 && hits.isEmpty
        return m
    }

    /// A person the title rules guessed that stops short of the model's person span starting at the same word
    /// runs on to the span's end, over free words that are no function word, verb, trigger, title or head noun:
    /// "جيروم فالكوني" where the rules stopped at a word that looks like a preposition on the article.
    func extendGuessedPeople(_ t: [Token], _ result: NERModel.Result, _ mentions: inout [RawMention], _ model: NERModel) {
        for span in result.spans where span.type == .per && span.range.count >= 2 {
            // (the mentions read in place: `firstIndex(where:)` and `contains(where:)` copied each)
            var found: Int? = nil
            for c in mentions.indices where mentions[c].type == .person && mentions[c].gazetteerIDs.isEmpty && !mentions[c].titleOnly
                && mentions[c].parentKey == nil && mentions[c].range.lowerBound == span.range.lowerBound { found = c; break }
            guard let k = found, mentions[k].range.upperBound < span.range.upperBound, span.range.count <= 5 else { continue }
            let extra = mentions[k].range.upperBound..<span.range.upperBound
            var overlapping = false
            for c in mentions.indices where mentions[c].range.overlaps(extra) || (mentions[c].role?.range.overlaps(extra) ?? false) {
                overlapping = true; break
            }
            guard !overlapping,
                  extra.allSatisfy({ x in
                      t[x].kind == .word && !t[x].norm.plainHasPrefix("و") && !t[x].norm.plainHasPrefix("لل") && looseNameWord(t[x].norm)
                  }),
                  model.margin(of: span, in: result) >= EntityRecognizer.modelMargin else { continue }
            setExtent(&mentions[k], span.range, t, nameKey: key(t, span.range))
            mentions[k].weak = false
        }
    }

    /// Gives a mention the extent `r` of the sentence: its token range, offsets, text and name key.
    func setExtent(_ m: inout RawMention, _ r: Range<Int>, _ t: [Token], nameKey: String) {
        let (text, b) = stripped(t, r)
        m.range = r
        m.begin = b
        m.end = t[r.upperBound - 1].end
        m.text = text
        m.nameKey = nameKey
    }

    /// `modelNameWord` for a person without the check for a preposition on the article (a foreign name may
    /// start with those letters).
    func looseNameWord(_ n: String) -> Bool {
        guard modelNameWord(n, inPerson: false), RuleSet.bundled.lexicon.classes(of: n).isEmpty else { return false }
        let s = stripConj(n)
        return !Lexicon.roleHeads.contains(s) && !Lexicon.ranks.contains(s) && !Lexicon.nonNameWords.contains(n)
            && !Lexicon.orgHeads.contains(s) && !Lexicon.placeHeads.contains(s) && !EntityRecognizer.nameBreakers.contains(n)
            && gazetteer.lookupAdjective(ArabicNormalizer.stripArticle(n)).isEmpty
    }

    /// One word shaped like an imperfect verb in the dual or plural ("يؤكدان", "تواصلون") or a noun with a
    /// possessive pronoun ("مدتها", "قواتهم"): no name of a place or organisation.
    static func looksLikeVerbOrPossessed(_ n: String) -> Bool {
        guard n.count >= 5 else { return false }
        if n.hasPrefix("ي") || n.hasPrefix("ت"), n.hasSuffix("ان") || n.hasSuffix("ون") { return true }
        return n.hasSuffix("ها") || n.hasSuffix("هم") || n.hasSuffix("هما") || n.hasSuffix("كم")
    }

    /// An organisation the head-noun rules guessed takes the model's extent when the model starts an
    /// organisation at the same word and is sure of it: "الاتحاد العام للشغل" (the rules stop before للشغل),
    /// "جمعية النهضة للتنمية" (the rules run on into the next definite word). The new extent may not run into
    /// another mention.
    func reshapeGuessedOrganizations(_ t: [Token], _ result: NERModel.Result, _ mentions: inout [RawMention], _ model: NERModel) {
        for span in result.spans where span.type == .org && span.range.count >= 2 {
            // (the model's extent with the لل-complement it cut: "الاتحاد العام" + "للشغل")
            let r = extendedOrganization(t, span.range, model.lexicon)
            guard let k = mentions.firstIndex(where: { $0.type == .organization && $0.gazetteerIDs.isEmpty && $0.range.lowerBound == span.range.lowerBound }),
                  mentions[k].range != r, mentions[k].countryHint == nil,
                  mentions[k].subtype != "event",
                  // "قناة عمان الفضائية": an outlet named by its town and a news word keeps that word
                  !(span.range.upperBound < mentions[k].range.upperBound
                    && EntityRecognizer.outletWords.contains(t[mentions[k].range.upperBound - 1].norm)),
                  !mentions.indices.contains(where: { o in
                      o != k && mentions[o].range.overlaps(r) && !mentions[o].range.allSatisfy { mentions[k].range.contains($0) }
                  }),
                  let last = span.range.last, modelNameWord(t[last].norm, inPerson: false),
                  model.margin(of: span, in: result) >= EntityRecognizer.modelMargin else { continue }
            setExtent(&mentions[k], r, t, nameKey: r.map { ArabicNormalizer.stripArticle(stripConj(t[$0].norm)) }.joined(separator: " "))
        }
    }

    /// An organisation name the model cut before a لل-complement ("الاتحاد العام" + "للشغل", "الهيئة العامة" +
    /// "للاستثمار"): when it starts with an organisation head noun, it runs on over one such word.
    func extendedOrganization(_ t: [Token], _ r: Range<Int>, _ lexicon: NERLexicon) -> Range<Int> {
        let e = r.upperBound
        guard e < t.count, t[e].kind == .word, t[e].norm.hasPrefix("لل"), t[e].norm.count >= 5,
              !Lexicon.stopwords.contains(t[e].norm), !EntityRecognizer.nonComplements.contains(t[e].norm) else { return r }
        let first = t[r.lowerBound].norm
        let heads = [first] + Clitics.of(first).map(\.stem)
        guard heads.contains(where: { (lexicon.cues[$0] ?? 0) & (1 << UInt8(NERLexicon.Cue.orgHead.rawValue)) != 0 }) else { return r }
        return r.lowerBound..<(e + 1)
    }

    /// A preposition or conjunction on the article ("بالمملكة", "للرئيس", "والحكومة"), a verbal noun of form IV
    /// with a preposition and a pronoun ("لإبلاغه", "بإعلانها"), or a function word ("وكذا"): never a word of a
    /// person's name.
    static func isNeverNameWord(_ n: String) -> Bool { Clitics.isNeverNameWord(n, computeNeverNameWord) }

    static func computeNeverNameWord(_ n: String) -> Bool {
        // (four letters at least after it, and not a name the lists know: "والتر", "كالفن" are names)
        if let p = articleClitics.first(where: { n.hasPrefix($0) }), n.count - p.count >= 4, !isKnownName(n) { return true }
        let c = Array(n)
        if c.count >= 6, c[0] == "ل" || c[0] == "ب", c[1] == "ا", c[4] == "ا", n.hasSuffix("ه") || n.hasSuffix("ها") || n.hasSuffix("هم"),
           !isKnownFirstName(n) { return true }
        return nameBreakers.contains(n)
    }

    /// A word the labeller's name lists know as (part of) a name of any type.
    static func isKnownName(_ w: String) -> Bool { nerModel?.lexicon.names[w] != nil }

    /// A preposition or conjunction fused with the article: never the start of a word of a person's name.
    static let articleClitics = ["بال", "لل", "وال", "فال", "كال", "وبال", "ولل"].map(ArabicNormalizer.normalize)
    /// Function words that never sit inside a person's name ("وكذا").
    static let nameBreakers = Lexicon.set("كذا وكذا كذلك وكذلك أيضا وأيضا")

    /// لل-words that do not complete a name ("للمرة", "للصحفيين").
    static let nonComplements = Lexicon.set("للمرة للمره للصحفيين للصحافة للإعلام للتلفزيون للإذاعة للوكالة للأنباء للمواطنين للشعب للبلاد للدولة للشؤون")

    /// An organisation the model reads over one gazetteer name and a head noun before it ("شركة الفرات
    /// للاتصالات": a company, not the river): that mention becomes the organisation (in place, so that role
    /// phrases pointing to it still do).
    func absorbIntoOrganizations(_ t: [Token], _ spans: [(span: NERSpan, margin: Float)], _ mentions: inout [RawMention],
                                 _ taken: inout [Bool], _ model: NERModel) {
        for (span, margin) in spans where span.type == .org && span.range.count >= 2 && margin >= EntityRecognizer.modelMargin {
            let inside = mentions.indices.filter { mentions[$0].range.overlaps(span.range) }
            guard inside.count == 1, let k = inside.first, mentions[k].type != .organization, !mentions[k].isAdjective,
                  mentions[k].role == nil, !mentions[k].inRolePhrase,
                  mentions[k].range.allSatisfy({ span.range.contains($0) }), mentions[k].range.lowerBound > span.range.lowerBound,
                  !(span.range.lowerBound..<mentions[k].range.lowerBound).contains(where: { taken[$0] }),
                  !(mentions[k].range.upperBound..<span.range.upperBound).contains(where: { taken[$0] }) else { continue }
            let first = t[span.range.lowerBound].norm
            let heads = [first] + Clitics.of(first).map(\.stem)
            guard heads.contains(where: { (model.lexicon.cues[$0] ?? 0) & (1 << UInt8(NERLexicon.Cue.orgHead.rawValue)) != 0 }),
                  var m = modelMention(t, span.range, .organization, model) else { continue }
            m.confidence = 0.7
            mentions[k] = m
            for x in span.range { taken[x] = true }
        }
    }

    /// Tokens a mention or a person's role phrase covers.
    static func takenTokens(_ t: [Token], _ mentions: [RawMention], _ reserved: [Range<Int>] = []) -> [Bool] {
        var taken = [Bool](repeating: false, count: t.count)
        for r in reserved { for k in r { taken[k] = true } }
        // (the mentions read in place: a `for` over them copies each)
        for c in mentions.indices {
            for k in mentions[c].range { taken[k] = true }
            if let r = mentions[c].role?.range { for k in r { taken[k] = true } }
        }
        return taken
    }

    /// "الخارجية الفرنسية", "والداخلية التركية": a ministry named by its domain and a country adjective,
    /// outside a role phrase, is that country's ministry (linked as "وزارة الخارجية الفرنسية" is).
    func ministriesByAdjective(_ t: [Token], _ mentions: inout [RawMention], _ taken: inout [Bool]) {
        let domains = EntityRecognizer.ministryDomains
        for k in mentions.indices where mentions[k].isAdjective && !mentions[k].peoplePlural && mentions[k].range.lowerBound > 0 {
            let h = mentions[k].range.lowerBound - 1
            guard !taken[h], t[h].kind == .word, let country = mentions[k].gazetteerIDs.first else { continue }
            // (the first of the word and its forms with these clitics that names a domain, found without the forms' arrays)
            var form: (String, String)? = domains.contains(t[h].norm) ? (t[h].norm, "") : nil
            if form == nil {
                for c in Clitics.of(t[h].norm) where EntityRecognizer.listContains(["و", "ف", "ب", "ل", "وب", "ول"], c.prefix) && domains.contains(c.stem) {
                    form = (c.stem, c.prefix); break
                }
            }
            guard let (stem, prefix) = form else { continue }
            let range = h..<mentions[k].range.upperBound
            let (head, b) = strippedPrefix(t[h], prefix, restore: stem)
            var m = RawMention(range: range, begin: b, end: mentions[k].end, text: head + " " + t[h + 1..<range.upperBound].map(\.text).joined(separator: " "),
                               type: .organization, subtype: "", gazetteerIDs: [],
                               nameKey: "وزاره " + ArabicNormalizer.stripArticle(stem) + "@" + country, isAdjective: false, role: nil,
                               confidence: 0.7)
            m.countryHint = country
            taken[h] = true
            mentions.append(m)
        }
    }

    /// The ministries `ministriesByAdjective` names by their domain (one set for the process, not one per sentence).
    static let ministryDomains: Set<String> = ["الخارجيه", "الداخليه", "الدفاع"]

    /// A word a model span may hold: not a function word, verb, role word or rank, month, weekday (a subject
    /// followed by its day: «قال الوزير فلان الأحد»), or a word the rules
    /// know as not a name; an imperfect verb form of one word ("سيغادرون") is not a name either.
    func modelNameWord(_ n: String, inPerson: Bool) -> Bool {
        // (a plain word's two answers remembered per thread: a pure function of the word, ~11 K instructions a call)
        guard NormKey.isPlain(n) else { return EntityRecognizer.computeModelNameWord(n, inPerson: inPerson) }
        let both = EntityRecognizer.modelNameWords.withValue { $0.get(n, EntityRecognizer.computeModelNameWords) }
        return both & (inPerson ? 2 : 1) != 0
    }

    private static let modelNameWords = PerThread { WordMemo<UInt8>(slots: 4096) }

    /// ``modelNameWord(_:inPerson:)`` of a word outside a person's name (bit 0) and inside one (bit 1).
    static func computeModelNameWords(_ n: String) -> UInt8 {
        (computeModelNameWord(n, inPerson: false) ? 1 : 0) | (computeModelNameWord(n, inPerson: true) ? 2 : 0)
    }

    static func computeModelNameWord(_ n: String, inPerson: Bool) -> Bool {
        guard n.count >= 2, !n.allSatisfy(\.isNumber), !Lexicon.stopwords.contains(n), !Lexicon.verbs.contains(n),
              DateParser.singleMonths[n] == nil, !DateParser.weekdays.contains(n), !FactRules.allTriggers.contains(n) else { return false }
        if n.count >= 5, n.hasPrefix("سي") || n.hasPrefix("ست") || n.hasPrefix("سن"), n.hasSuffix("ون") || n.hasSuffix("ان") || n.hasSuffix("ين") {
            return false
        }
        guard inPerson else { return true }
        // a trigger word of the rules' lexicon ends a name: "… خلفا ل…", "… معربا عن …"
        // (a given name the name lists know is not read as a clitic on a trigger: "فيصل" is no "ف" + "يصل")
        if !RuleSet.bundled.lexicon.classes(of: n).isEmpty, !EntityRecognizer.isKnownFirstName(n) { return false }
        if EntityRecognizer.isNeverNameWord(n) { return false }
        let s = stripConjOf(n)
        return !Lexicon.roleHeads.contains(s) && !Lexicon.ranks.contains(s) && !Lexicon.nonNameWords.contains(n)
            && !Lexicon.orgHeads.contains(s) && !Lexicon.placeHeads.contains(s)
    }

    /// The first word of a model span without a proclitic the training data kept inside the tag
    /// ("وموسكو" → "موسكو", "للقوات" → "القوات"): و and ف come off when the rest is a word of three letters or
    /// more and the whole is not a known name; ب ل ك and the article forms only when what remains is a known
    /// name or starts with the article.
    func modelStem(_ tok: Token, _ lexicon: NERLexicon) -> (String, String) {
        let n = tok.norm
        guard tok.kind == .word, lexicon.names[n] == nil, gazetteer.lookupName(n).isEmpty else { return (n, "") }
        for c in Clitics.of(n).dropFirst() where c.prefix != "ال" {
            let known = lexicon.names[c.stem] != nil || !gazetteer.lookupName(c.stem).isEmpty
            if known || (c.stem.hasPrefix("ال") && c.stem.count >= 4) { return (c.stem, c.prefix) }
            if (c.prefix == "و" || c.prefix == "ف"), c.stem.count >= 3 { return (c.stem, c.prefix) }
        }
        return (n, "")
    }
}

/// The labeller model shipped with KBFacts, for the commands that score it.
public enum BundledNER {
    public static var model: NERModel? { EntityRecognizer.nerModel }
}

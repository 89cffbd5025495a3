import KBGraph
import KBText

/// What extraction found in one document, ready to be merged into a graph.
public struct DocumentExtraction: Sendable {
    public var document: Document
    public var entities: [Entity]
    public var mentions: [Mention]
    public var facts: [Fact]
}

/// Text → facts: recognises and links entities in one document and extracts facts between them.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer
    /// The data rules and their lexicon (bundled, plus `--rules` / `--lexicon` files).
    public var rules: RuleSet { sharedRules.set }
    let sharedRules: RuleSet.Shared

    public init(gazetteer: Gazetteer = .bundled, rules: RuleSet? = nil) {
        self.gazetteer = gazetteer
        sharedRules = rules.map(RuleSet.Shared.init) ?? RuleSet.sharedBundled
    }

    public func extract(_ source: SourceText, metadata: DocumentMetadata? = nil) -> DocumentExtraction {
        extract(source, metadata: metadata, trace: nil)
    }

    /// Extraction, recording in `trace` (when given) what the rules saw in each sentence.
    public func extract(_ source: SourceText, metadata: DocumentMetadata?, trace: ExtractionTrace?) -> DocumentExtraction {
        let docID = source.documentID
        // a segment of a long document reports offsets in the whole document
        let base = source.offset
        let sentences = Extractor.bounded(Cleaner.sentences(of: source), source)
        // without a sidecar date, a dateline printed in the text ("أبوظبي 08 يوليو 2017", "تاريخ النشر: …") dates the document
        let published = metadata?.published
        let today = published ?? Extractor.datelineDate(sentences)
        let recognizer = EntityRecognizer(gazetteer: gazetteer)

        // 1. mentions per sentence
        var perSentence: [[RawMention]] = sentences.map { recognizer.recognize($0.tokens) }
        // 2. document-level linking
        let linker = Linker(gazetteer: gazetteer)
        linker.link(&perSentence, sentences: sentences)

        // 3. facts and dates
        var drafts: [(Int, FactDraft)] = []
        var dateMentions: [(Int, DateMention)] = []
        // the sentences that state a vague time (Extractor+VagueTime.swift), read from the contexts' classes
        var vague = Set<Int>()
        // (the lexicon read once: `rules` copies the whole rule set)
        let lexicon = sharedRules.set.lexicon
        let vagueClasses = Extractor.vagueTimeClasses(lexicon)
        // the sentences with a word of `OFFICE_START` (OfficeStartDates.swift), read from the contexts' classes
        let officeStart = lexicon.classID("OFFICE_START")
        var officeStartSentences = Set<Int>()
        for (si, s) in sentences.enumerated() {
            let dates = DateParser.dates(in: s.tokens, published: published, today: today)
            for d in dates { dateMentions.append((si, d)) }
            trace?.sentence = si
            let ctx = SentenceContext(tokens: s.tokens, mentions: perSentence[si], dates: dates, gazetteer: gazetteer,
                                      rules: sharedRules, trace: trace)
            for d in FactRules.extract(ctx) { drafts.append((si, EventPlaces.filled(d, ctx))) }
            if let ids = vagueClasses, Extractor.statesVagueTime(s.tokens, ids, { ctx.tokenClasses[$0] }) { vague.insert(si) }
            if let id = officeStart, ctx.hasClass(id) { officeStartSentences.insert(si) }
        }
        let gaz = gazetteer
        drafts = EntityRecognizer.facilityFactsToTowns(drafts, perSentence)
        drafts = Extractor.resolveDocumentSubjects(drafts)
        // (without a document-level placeholder the drafts stay as they are, and the counterpart states are not read)
        if Extractor.namesDocumentPlaceholder(drafts) {
            drafts = Extractor.resolveDocumentCountry(drafts, perSentence,
                                                     counterparts: Extractor.counterpartStates(sentences, perSentence),
                                                     office: { si, d in
                                                         Extractor.soleOffice(sentences[si].tokens, perSentence[si], at: d.trigger, lexicon)
                                                             ?? Extractor.appositeOffice(sentences[si].tokens, perSentence[si], of: d.subject, lexicon) },
                                                     countryOf: { gaz.country(of: $0) })
        }
        if drafts.contains(where: { $0.1.subject == RuleEngine.documentPeople.0 }) {
            drafts = Extractor.resolveDocumentPeople(drafts, people: Set(perSentence.joined().lazy.filter { $0.type == .person }.map(\.key)))
        }
        drafts = Extractor.expandGroups(Extractor.resolveAnaphoricMeetings(Extractor.resolveDelegations(drafts, countryOf: { gaz.country(of: $0) })))
        let visitHis = lexicon.classID("VISIT_HIS")
        drafts = Extractor.companionsVisitEarlier(drafts, countryOf: { gaz.country(of: $0) },
                                                  namesVisit: { si in visitHis.map { v in sentences[si].tokens.contains { lexicon.classes(of: $0.norm).contains(v) } } ?? false })
        // (the rule names these two read are gathered once for the bundled rules)
        let bundled = sharedRules === RuleSet.sharedBundled
        drafts = Extractor.droppingHomeVisits(drafts, gazetteer: gaz, rules: rules,   // Extractor+HomeVisits.swift
                                              guessed: bundled ? Extractor.bundledCountryGuessingRules : nil)
        drafts = Extractor.droppingRealisedPlans(drafts, rules: rules,   // Extractor+RealisedPlans.swift
                                                 purpose: bundled ? Extractor.bundledPurposeRules : nil)
        drafts = Extractor.officeStartDates(drafts, sentences: sentences, mentions: perSentence, dates: dateMentions, lexicon: lexicon,
                                            cueSentences: officeStartSentences)

        // the first full date of the lead (the first three sentences), if any
        // (the date of the lead's first dated event when it has one: "أمس" in the lead is the day the story tells,
        // not the dateline's)
        let leadMention = dateMentions.first { $0.0 <= 2 && $0.1.date.precision == .day }.map { (si: $0.0, date: $0.1.date) }
        let leadEvent = drafts.first { $0.0 <= 2 && $0.1.takesDate && $0.1.modality == .asserted && $0.1.date?.precision == .day }
            .map { (si: min($0.0, leadMention?.si ?? $0.0), date: $0.1.date!) }
        let leadDate = leadEvent ?? leadMention

        // 4. entities and mentions
        var entities: [String: Entity] = [:]
        var mentions: [Mention] = []
        func note(_ key: String, _ type: EntityType, _ subtype: String, _ label: String, _ b: Int, _ e: Int, gazetteer g: Bool, conf: Double,
                  adjective: Bool = false) {
            let id = Linker.entityID(key)
            // the mention is the exact source span, line breaks shown as spaces (same length)
            let text = source.spacedSlice(b, e)
            let form = Extractor.spacesCollapsed(text)
            // (an entity already noted is changed in place: no copy of it, no second look-up)
            if let k = entities.index(forKey: id) {
                entities.values[k].mentionCount += 1
                if !entities.values[k].surfaceForms.contains(form) { entities.values[k].surfaceForms.append(form) }
            } else {
                var ent = makeEntity(id: id, key: key, type: type, subtype: subtype, label: Extractor.spacesCollapsed(label), fromGazetteer: g)
                ent.mentionCount += 1
                if !ent.surfaceForms.contains(form) { ent.surfaceForms.append(form) }
                entities[id] = ent
            }
            mentions.append(Mention(entityID: id, documentID: docID, begin: base + b, end: base + e, text: text, adjective: adjective))
        }
        for ms in perSentence {
            // (the mentions read in place, not copied)
            for k in ms.indices where !ms[k].key.isEmpty && !ms[k].key.hasPrefix("group:") {
                note(ms[k].key, ms[k].type, ms[k].subtype, ms[k].text, ms[k].begin, ms[k].end, gazetteer: !ms[k].gazetteerIDs.isEmpty,
                     conf: ms[k].confidence, adjective: ms[k].isAdjective)
            }
        }
        for (_, d) in dateMentions {
            let text = source.slice(d.begin, d.end)
            // "اليوم", "أمس" date facts but are not calendar expressions of their own
            if d.relative, d.date.precision == .day { continue }
            note("date:" + d.date.value, .date, d.date.precision.rawValue, text, d.begin, d.end, gazetteer: false, conf: 1)
        }
        // 5. facts with provenance
        var facts: [Fact] = []
        var seen = FactKeys()
        for (si, d) in drafts {
            let s = sentences[si]
            let subj = Linker.entityID(d.subject), obj = Linker.entityID(d.object)
            guard subj != obj, entities[subj] != nil, entities[obj] != nil else { continue }
            let begin = base + s.tokens[d.span.lowerBound].begin
            let end = base + s.tokens[d.span.upperBound - 1].end
            guard seen.insert(type: d.type, subject: subj, object: obj, sentence: si) else { continue }
            let prov = Provenance(documentID: docID, sentenceBegin: base + s.begin, sentenceEnd: base + s.end, sentence: s.text,
                                  spanBegin: begin, spanEnd: end)
            let id = Extractor.factID(doc: docID, type: d.type, subject: subj, object: obj, begin: begin, rule: d.rule)
            // where it happened, unless the place is a participant (resolved after the place was found)
            let place = d.place.map(Linker.entityID).flatMap { $0 == subj || $0 == obj || entities[$0] == nil ? nil : $0 }
            // an event whose sentence states no date happened on the day the lead states (news states the date
            // once, in its first sentences, and goes on about the same event)
            // (not a plan, nor an event the sentence places in a vague time: «الشهر الماضي», Extractor+VagueTime.swift)
            let date = d.date ?? (RelationIndex.flags(.standard, d.type)?.event == true && si > leadDate?.si ?? Int.max
                                  && d.modality != .planned && !vague.contains(si) ? leadDate?.date : nil)
            // the source a reported fact is attributed to, when it is an entity of the document
            let attribution = d.attributed ? Attribution(source: d.attributedTo.map(Linker.entityID).flatMap { entities[$0] == nil ? nil : $0 }) : nil
            facts.append(Fact(id: id, type: d.type, subject: subj, object: obj, place: place,
                              date: date, role: d.role, modality: d.modality, attribution: attribution, provenance: prov, rule: d.rule,
                              confidence: d.confidence))
        }
        var document = Document(id: docID, path: source.path, url: metadata?.url, outlet: metadata?.outlet,
                                published: metadata?.published, title: metadata?.title, length: source.scalars.count)
        if document.title == nil, let first = sentences.first, first.text.hasFewerCharacters(than: 140) { document.title = first.text.trimmingCharacters() }
        var ents = Array(entities.values)
        for k in ents.indices {
            ents[k].documents = [docID]
            ents[k].surfaceForms.sort()
        }
        return DocumentExtraction(document: document, entities: ents.sorted { $0.id < $1.id }, mentions: mentions, facts: facts)
    }

    /// The longest run of tokens the rules look at as one sentence. Real sentences are far shorter; a
    /// page with no punctuation (a 50 MB single line) is cut into windows so that the work stays linear.
    static let maxSentenceTokens = 400

    static func bounded(_ sentences: [Sentence], _ source: SourceText) -> [Sentence] {
        guard sentences.contains(where: { $0.tokens.count > maxSentenceTokens }) else { return sentences }
        var out: [Sentence] = []
        for s in sentences {
            guard s.tokens.count > maxSentenceTokens else {
                out.append(Sentence(index: out.count, begin: s.begin, end: s.end, text: s.text, tokens: s.tokens, role: s.role))
                continue
            }
            var k = 0
            while k < s.tokens.count {
                let chunk = Array(s.tokens[k..<min(k + maxSentenceTokens, s.tokens.count)])
                let b = chunk.first!.begin, e = chunk.last!.end
                let text = String(String.UnicodeScalarView(source.scalars[b..<e].map {
                    $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0
                }))
                out.append(Sentence(index: out.count, begin: b, end: e, text: text, tokens: chunk, role: s.role))
                k += maxSentenceTokens
            }
        }
        return out
    }

    /// A full date printed as the document's dateline: in a dateline sentence, within the first
    /// tokens of the first two sentences, or opening a short line of the first three ("الإثنين 4 يناير 2016 الساعة 12:39").
    static func datelineDate(_ sentences: [Sentence]) -> String? {
        for (k, s) in sentences.prefix(3).enumerated() {
            // (only the dates that can qualify are read: one read at token i starts at i or i - 1)
            let last = s.role == .dateline ? Int.max : k < 2 ? 6 : s.tokens.count <= 12 ? 3 : -1
            for d in DateParser.dates(in: s.tokens, published: nil, startingBy: last) where d.date.precision == .day {
                if s.role == .dateline || (k < 2 && d.range.lowerBound <= 5) || (s.tokens.count <= 12 && d.range.lowerBound <= 2) {
                    return d.date.value
                }
            }
        }
        return nil
    }

    /// A fact whose participant is a group ("الدول الثلاث", a list of countries) is one fact per member;
    /// a group related to itself ("تحالف بين الدول الثلاث") is one fact per pair.
    static func expandGroups(_ drafts: [(Int, FactDraft)]) -> [(Int, FactDraft)] {
        guard namesGroup(drafts) else { return drafts }   // (Extractor+DocumentPasses.swift)
        func members(_ k: String) -> [String] {
            k.hasPrefix("group:") ? k.dropFirst(6).split(separator: "|").map(String.init) : [k]
        }
        var out: [(Int, FactDraft)] = []
        for (si, d) in drafts {
            guard d.subject.hasPrefix("group:") || d.object.hasPrefix("group:") else { out.append((si, d)); continue }
            let subs = members(d.subject), objs = members(d.object)
            for (a, s) in subs.enumerated() {
                for (b, o) in objs.enumerated() where s != o && (d.subject != d.object || a < b) {
                    var x = d; x.subject = s; x.object = o
                    out.append((si, x))
                }
            }
        }
        return out
    }

    /// Delegation members listed in a sentence after the visit ("كما يضم الوفد …") visit its destination:
    /// the last visit told in the two sentences before; without one they are dropped.
    static func resolveDelegations(_ drafts: [(Int, FactDraft)], countryOf: (String) -> String? = { _ in nil }) -> [(Int, FactDraft)] {
        guard namesDelegation(drafts) else { return drafts }   // (Extractor+DocumentPasses.swift)
        var out: [(Int, FactDraft)] = []
        var last: (si: Int, dest: String, date: FactDate?)? = nil
        var visitor: (si: Int, key: String, date: FactDate?)? = nil
        var reception: (si: Int, host: String, guest: String, date: FactDate?)? = nil
        var countryOfPerson: [String: String] = [:]
        var visitors = Set<String>()
        // the date of a visitor's visit, wherever the document gives it (a reception at arrival shares it)
        var visitDate: [String: FactDate] = [:]
        for (_, d) in drafts where d.type == "VISIT" && d.modality == .asserted && !d.subject.isEmpty {
            if visitDate[d.subject] == nil, let dt = d.date { visitDate[d.subject] = dt }
        }
        for (si, d) in drafts {
            if d.type == "VISIT" || d.type == "PLANS_VISIT", !d.subject.isEmpty { visitors.insert(d.subject) }
            if d.type == "HOLDS_ROLE", !d.object.isEmpty, countryOf(d.object) == d.object, countryOfPerson[d.subject] == nil {
                countryOfPerson[d.subject] = d.object
            }
            if d.type == "RECEIVE", !d.subject.isEmpty, !d.object.isEmpty, d.modality == .asserted {
                reception = (si, d.subject, d.object, d.date)
            }
            if d.type == "HOLDS_ROLE", d.object.isEmpty {
                // a host's office in the country visited
                guard let l = last, si - l.si <= 4, let country = countryOf(l.dest) else { continue }
                var x = d; x.object = country
                out.append((si, x)); continue
            }
            if d.type == "VISIT", d.subject.isEmpty, d.object.isEmpty {
                // "الزيارة": the guest of the last reception visited the host's country
                // (when the guest's visit was told already, "الزيارة" is that one)
                guard let r = reception, si - r.si <= 5, let country = countryOfPerson[r.host], !visitors.contains(r.guest) else { continue }
                var x = d; x.subject = r.guest; x.object = country
                if x.date == nil { x.date = r.date }
                out.append((si, x)); continue
            }
            if d.type == "RECEIVE", d.object.isEmpty, !d.subject.isEmpty {
                // "وكان في استقباله …": the guest is the visitor told just before
                guard let v = visitor, si - v.si <= 4, v.key != d.subject else { continue }
                var x = d; x.object = v.key
                if x.date == nil { x.date = v.date ?? visitDate[v.key] }
                out.append((si, x)); continue
            }
            guard d.type == "VISIT" else { out.append((si, d)); continue }
            if !d.subject.isEmpty, !d.object.isEmpty, d.modality == .asserted { visitor = (si, d.subject, d.date) }
            if !d.object.isEmpty {
                if d.modality == .asserted { last = (si, d.object, d.date) }
                // an anchor ("وصل وفد … إلى Y" naming no one) only gives its destination
                if !d.subject.isEmpty { out.append((si, d)) }
                continue
            }
            guard let l = last, l.si < si, si - l.si <= 2 else { continue }
            var x = d; x.object = l.dest
            if x.date == nil { x.date = l.date }
            out.append((si, x))
        }
        return out
    }

    /// `doc-subject` arguments: the subject of the last fact told before (in an earlier sentence, or earlier in
    /// the same one) whose subject is a named actor; without one the draft is dropped.
    static func resolveDocumentSubjects(_ drafts: [(Int, FactDraft)]) -> [(Int, FactDraft)] {
        guard namesCarriedSubject(drafts) else { return drafts }   // (Extractor+DocumentPasses.swift)
        var out: [(Int, FactDraft)] = []
        var last: String? = nil, lastSentence = -1
        // the subject told before the last one (another actor), for a pronoun object whose subject is the last
        var earlier: (key: String, si: Int)? = nil
        for (si, d) in drafts {
            // «واستقبله الرئيس X»: the pronoun is the actor carried over from this sentence or the one before
            if d.object == RuleEngine.carriedObjectKey {
                let pick = last != d.subject ? last.map { ($0, lastSentence) } : earlier.map { ($0.key, $0.si) }
                guard let (l, ls) = pick, si - ls <= 1 else { continue }
                var x = d; x.object = l
                out.append((si, x)); continue
            }
            // a subject carried over by a verb or a suffixed masdar: the last one of this sentence or the one before
            if d.subject == RuleEngine.carriedSubjectKey {
                guard let l = last, l != d.object, si - lastSentence <= 1 else { continue }
                var x = d; x.subject = l
                out.append((si, x)); continue
            }
            if d.subject == RuleEngine.documentSubject {
                guard let l = last, l != d.object else { continue }
                var x = d; x.subject = l
                out.append((si, x)); continue
            }
            if d.object == RuleEngine.documentSubject {
                guard let l = last, l != d.subject else { continue }
                var x = d; x.object = l
                out.append((si, x)); continue
            }
            if !d.subject.isEmpty, !d.subject.hasPrefix("group:"), !d.subject.hasPrefix("@"), d.takesDate {
                if let l = last, l != d.subject { earlier = (l, lastSentence) }
                last = d.subject; lastSentence = si
            }
            out.append((si, d))
        }
        return out
    }

    /// Meetings referred back to ("اللقاء تناول …") take the participants of the last reception or meeting
    /// told before them in the document; without one they are dropped. One per type and sentence.
    static func resolveAnaphoricMeetings(_ drafts: [(Int, FactDraft)]) -> [(Int, FactDraft)] {
        guard hasDraftWithoutSubject(drafts) else { return drafts }   // (Extractor+DocumentPasses.swift)
        var out: [(Int, FactDraft)] = []
        // the contacts told, in document order: an anaphor names one told before it, in an earlier sentence or
        // before its word in its own («وأكد الطرفان أثناء الاجتماع … المباحثات التي جرت برئاسة X ونظيره Y»)
        let contacts = drafts.filter { !$0.1.subject.isEmpty && ["RECEIVE", "MEET", "TALKS"].contains($0.1.type) && $0.1.modality == .asserted }
        var done = Set<String>()
        var next = 0, earlier: FactDraft? = nil   // the last contact of the sentences before
        for (si, d) in drafts {
            if d.subject.isEmpty {
                while next < contacts.count, contacts[next].0 < si { earlier = contacts[next].1; next += 1 }
                let own = contacts[next...].prefix { $0.0 == si }.last { $0.1.trigger < d.trigger }?.1
                guard let c = own ?? earlier, done.insert("\(si)|\(d.type)").inserted else { continue }
                var x = d; x.subject = c.subject; x.object = c.object
                if x.date == nil { x.date = c.date }
                out.append((si, x))
                continue
            }
            out.append((si, d))
        }
        return out
    }

    func makeEntity(id: String, key: String, type: EntityType, subtype: String, label: String, fromGazetteer: Bool) -> Entity {
        if let e = gazetteer.entry(id: key) {
            return Entity(id: id, type: e.type, subtype: e.subtype, labelAr: e.ar, labelEn: e.en.isEmpty ? nil : e.en,
                          wikidata: e.wikidata, fromGazetteer: true, lat: e.lat, lon: e.lon, geonames: e.geonames)
        }
        // a date's English label is its ISO form
        let en: String? = type == .date && key.hasPrefix("date:") ? String(key.dropFirst(5)) : nil
        return Entity(id: id, type: type, subtype: subtype, labelAr: label, labelEn: en, fromGazetteer: false)
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        var trimmed = false
        while let f = s.first, f.isWhitespace { s.removeFirst(); trimmed = true }
        while let l = s.last, l.isWhitespace { s.removeLast(); trimmed = true }
        // nothing to trim: the same string (its storage shared, e.g. a title that is the first sentence)
        return trimmed ? String(s) : self
    }
}

/// Merges document extractions into one graph: entities by id across documents, facts and mentions kept.
public struct GraphBuilder: Sendable {
    private var documents: [Document] = []
    private var entities: [String: Entity] = [:]
    /// Surface forms and documents of the entities seen in more than one extraction, gathered as sets (the
    /// entity's sorted arrays are made once, in `build`: re-sorting them at every document made merging
    /// quadratic in the number of documents an entity appears in).
    private var merged: [String: Gathered] = [:]
    private var facts: [Fact] = []
    private var mentions: [Mention] = []

    /// The gazetteer whose people bare surnames may join across documents (`CrossDocumentLinker`); nil: none.
    private let gazetteer: Gazetteer?

    /// False: mentions are not kept (the graph's `mentions` is empty).
    private let keepMentions: Bool
    /// False: documents are counted, not kept (the caller keeps them: a spill).
    private let keepDocuments: Bool
    private var documentCount = 0

    public init(gazetteer: Gazetteer? = nil, keepMentions: Bool = true, keepDocuments: Bool = true) {
        self.gazetteer = gazetteer; self.keepMentions = keepMentions; self.keepDocuments = keepDocuments
    }

    /// Counts documents kept elsewhere (`keepDocuments: false`).
    public mutating func noteDocuments(_ n: Int) { documentCount += n }

    /// Room for `documents` documents and as many reports: growing the arrays one doubling at a time would hold the
    /// old and the new storage at once (pages reserved and never written cost no memory).
    public mutating func reserveCapacity(documents n: Int) {
        documents.reserveCapacity(n)
        facts.reserveCapacity(n)
    }

    /// Adds one document's extraction; `document: false` adds a further segment of a document already added.
    public mutating func add(_ x: DocumentExtraction, document: Bool = true) {
        add(documents: document ? [x.document] : [], entities: x.entities, facts: x.facts, mentions: x.mentions)
    }

    /// Adds a graph extracted elsewhere (a shard of the corpus, read back from its facts file): entities with the
    /// same id are one entity, as for the documents of one run.
    public mutating func add(_ g: KnowledgeGraph) {
        add(documents: g.documents, entities: g.entities, facts: g.facts, mentions: g.mentions)
    }

    private mutating func add(documents docs: [Document], entities ents: [Entity], facts newFacts: [Fact], mentions ms: [Mention]) {
        if keepDocuments { documents += docs }
        documentCount += docs.count
        for e in ents {
            // (the entity changed in place, its forms and documents gathered in place: GraphBuilder+Merge.swift)
            if let k = entities.index(forKey: e.id) {
                if merged[e.id] == nil { merged[e.id] = Self.gathered(entities.values[k]) }
                Self.absorb(e, into: &entities.values[k], &merged[e.id]!)
            } else {
                entities[e.id] = e
            }
        }
        facts += newFacts
        if keepMentions { mentions += ms }
    }

    /// The graph, canonical order. Facts below `minConfidence` are dropped, and so are entities no
    /// longer used when `pruneUnlinked` is set.
    /// People named in several documents are joined first (`CrossDocumentLinker`) unless `linkAcrossDocuments` is off.
    public func build(minConfidence: Double = 0, linkAcrossDocuments: Bool = true) -> KnowledgeGraph {
        var copy = self
        return copy.take(minConfidence: minConfidence, linkAcrossDocuments: linkAcrossDocuments)
    }

    /// ``build(minConfidence:linkAcrossDocuments:)`` that moves what the builder holds into the graph instead of
    /// copying it (the builder is left empty): one copy of the facts in memory, not two.
    public mutating func take(minConfidence: Double = 0, linkAcrossDocuments: Bool = true) -> KnowledgeGraph {
        takeLinked(minConfidence: minConfidence, linkAcrossDocuments: linkAcrossDocuments).graph
    }

    /// ``take(minConfidence:linkAcrossDocuments:)`` that also gives the people joined across documents (old id → the
    /// id it joins), to apply to reports kept elsewhere (`ReportSpill`).
    public mutating func takeLinked(minConfidence: Double = 0, linkAcrossDocuments: Bool = true) -> (graph: KnowledgeGraph, links: [String: String]) {
        var all = entities, merged = merged, facts = facts, mentions = mentions, documents = documents
        (entities, self.merged, self.facts, self.mentions, self.documents) = ([:], [:], [], [], [])
        let documentCount = self.documentCount
        self.documentCount = 0
        var links: [String: String] = [:]
        if linkAcrossDocuments, documentCount > 1 {
            links = CrossDocumentLinker.merges(Array(all.values), gazetteer: gazetteer)
            CrossDocumentLinker.apply(links, entities: &all, merged: &merged, facts: &facts, mentions: &mentions)
        }
        // each set is let go once its sorted array is made
        for id in Array(merged.keys) {
            guard let acc = merged.removeValue(forKey: id) else { continue }
            all[id]?.surfaceForms = acc.forms.map(\.text).sorted()
            all[id]?.documents = Array(acc.documents).sorted()
        }
        if minConfidence > 0 { facts.removeAll { $0.confidence < minConfidence } }
        var g = KnowledgeGraph(documents: documents, entities: Array(all.values), facts: facts, mentions: mentions)
        g.canonicalize()
        return (g, links)
    }
}

extension DocumentExtraction {
    /// Gives the document another id (used when two inputs share a file name).
    public mutating func rename(to newID: String) {
        let old = document.id
        document.id = newID
        for k in entities.indices { entities[k].documents = entities[k].documents.map { $0 == old ? newID : $0 } }
        for k in mentions.indices { mentions[k].documentID = newID }
        for k in facts.indices {
            facts[k].provenance.documentID = newID
            facts[k].id = "f-" + String(StableID.hex(newID + "|" + facts[k].id).prefix(12))
        }
    }
}

extension Extractor {
    /// A human-readable trace of the export's own pipeline (used by `kbexport inspect`): each sentence with its
    /// mentions and dates, the trigger words the rules saw, every rule that fired (with its arguments) or did not
    /// (and why), and the facts the document finally keeps (after the document-level resolvers).
    public func explain(_ source: SourceText, metadata: DocumentMetadata? = nil) -> String {
        let trace = ExtractionTrace()
        let x = extract(source, metadata: metadata, trace: trace)
        let sentences = Extractor.bounded(Cleaner.sentences(of: source), source)
        let label = Dictionary(x.entities.map { ($0.id, $0.labelAr) }, uniquingKeysWith: { a, _ in a })
        var out = ""
        for (si, s) in sentences.enumerated() {
            out += "[\(si)] \(s.begin)-\(s.end) \(s.text)\n"
            for m in x.mentions where m.begin >= s.begin && m.end <= s.end {
                let type = x.entities.first(where: { $0.id == m.entityID })?.type.rawValue ?? "?"
                out += "    \(type) \(m.entityID) «\(m.text)»\n"
            }
            for line in trace.lines[si] ?? [] { out += "    \(line)\n" }
            for f in x.facts where f.provenance.sentenceBegin == s.begin {
                out += "    => \(f.type) \(label[f.subject] ?? f.subject) -> \(label[f.object] ?? f.object)"
                out += "\(f.date.map { " @" + $0.value } ?? "") [\(f.rule) \(f.confidence)\(f.modality == .asserted ? "" : " " + f.modality.rawValue)"
                if let a = f.attribution { out += " reported" + (a.source.map { " by " + (label[$0] ?? $0) } ?? "") }
                out += "]\n"
            }
        }
        return out
    }
}

// The knowledge-graph model: what extraction produces and what every writer reads.
// Plain value types, no I/O. Offsets are Unicode scalar (code point) offsets into the
// NFC-normalised text of the source file, which is what SPARQL STRLEN/SUBSTR count.

/// The coarse type of an entity. Raw values are what the exports write.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case person = "PERSON"
    case organization = "ORGANIZATION"
    case place = "PLACE"
    case date = "DATE"

    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }

    /// The short prefix used in stable ids (`per-…`, `org-…`, `plc-…`, `dat-…`).
    public var idPrefix: String {
        switch self {
        case .person: return "per"
        case .organization: return "org"
        case .place: return "plc"
        case .date: return "dat"
        }
    }
}

/// An entity: one node of the graph, linked across documents.
public struct Entity: Sendable, Hashable, Codable {
    /// Stable ASCII id (`[A-Za-z0-9_.-]`), e.g. `per-khalifa-haftar` or `org-3f2a9c1d`.
    public var id: String
    public var type: EntityType
    /// Finer kind: country, city, region, army, armed_group, media, party, ... ("" when unknown).
    public var subtype: String
    /// Arabic label as it is written in the gazetteer or, for a guessed entity, in the text.
    public var labelAr: String
    /// English label when known (gazetteer), else nil.
    public var labelEn: String?
    /// Wikidata id (`Q…`) when verified, else nil.
    public var wikidata: String?
    /// Every surface form seen in the text, sorted, unique.
    public var surfaceForms: [String]
    public var mentionCount: Int
    /// Ids of the documents that mention it, sorted, unique.
    public var documents: [String]
    /// True when the entity came from the gazetteer, false when it was recognised from cues.
    public var fromGazetteer: Bool
    /// WGS84 latitude and longitude in degrees (places from GeoNames), else nil.
    public var lat: Double?
    public var lon: Double?
    /// GeoNames id (digits) when known, else nil.
    public var geonames: String?

    public init(id: String, type: EntityType, subtype: String = "", labelAr: String, labelEn: String? = nil,
                wikidata: String? = nil, surfaceForms: [String] = [], mentionCount: Int = 0,
                documents: [String] = [], fromGazetteer: Bool = false,
                lat: Double? = nil, lon: Double? = nil, geonames: String? = nil) {
        self.id = id; self.type = type; self.subtype = subtype; self.labelAr = labelAr; self.labelEn = labelEn
        self.wikidata = wikidata; self.surfaceForms = surfaceForms; self.mentionCount = mentionCount
        self.documents = documents; self.fromGazetteer = fromGazetteer
        self.lat = lat; self.lon = lon; self.geonames = geonames
    }

    /// The coordinates when both are present and valid WGS84 degrees, else nil.
    public var coordinates: (lat: Double, lon: Double)? {
        guard let lat, let lon, lat.isFinite, lon.isFinite, abs(lat) <= 90, abs(lon) <= 180 else { return nil }
        return (lat, lon)
    }

    /// The label to show for a language preference: Arabic by default, English when asked and known.
    public func label(preferEnglish: Bool) -> String {
        if preferEnglish, let en = labelEn, !en.isEmpty { return en }
        return labelAr
    }
}

/// A source document (one input file or stdin).
public struct Document: Sendable, Hashable, Codable {
    /// Stable ASCII id derived from the file name (e.g. `doc-000_0f4681632fbd4e5c`).
    public var id: String
    /// The path as given by the user (or `-` for stdin).
    public var path: String
    public var url: String?
    public var outlet: String?
    /// Publication date, ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when known.
    public var published: String?
    public var title: String?
    /// Length of the NFC text in Unicode scalars.
    public var length: Int

    public init(id: String, path: String, url: String? = nil, outlet: String? = nil, published: String? = nil,
                title: String? = nil, length: Int = 0) {
        self.id = id; self.path = path; self.url = url; self.outlet = outlet; self.published = published
        self.title = title; self.length = length
    }
}

/// A date as stated in the text, with its precision kept.
public struct FactDate: Sendable, Hashable, Codable, Comparable {
    public enum Precision: String, Sendable, Codable { case day, month, year, monthOnly = "month-only", dayMonth = "day-month" }
    /// ISO form: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM` (month without year) or `--MM-DD`.
    public var value: String
    public var precision: Precision

    public init(value: String, precision: Precision) { self.value = value; self.precision = precision }

    public static func < (a: FactDate, b: FactDate) -> Bool { a.value < b.value }

    /// The XML Schema datatype local name that carries this value (`date`, `gYearMonth`, `gYear`, `gMonth`, `gMonthDay`).
    public var xsdType: String {
        switch precision {
        case .day: return "date"
        case .month: return "gYearMonth"
        case .year: return "gYear"
        case .monthOnly: return "gMonth"
        case .dayMonth: return "gMonthDay"
        }
    }
}

/// Where a fact was read: document, sentence and the span that fired the rule.
public struct Provenance: Sendable, Hashable, Codable {
    public var documentID: String
    public var sentenceBegin: Int
    public var sentenceEnd: Int
    /// The sentence text, exactly as in the NFC source between the two offsets.
    public var sentence: String
    /// The span of the evidence (trigger and arguments) within the document.
    public var spanBegin: Int
    public var spanEnd: Int

    public init(documentID: String, sentenceBegin: Int, sentenceEnd: Int, sentence: String, spanBegin: Int, spanEnd: Int) {
        self.documentID = documentID; self.sentenceBegin = sentenceBegin; self.sentenceEnd = sentenceEnd
        self.sentence = sentence; self.spanBegin = spanBegin; self.spanEnd = spanEnd
    }
}

/// Whether the text reports the fact as done, planned, or denied.
public enum Modality: String, Sendable, Hashable, Codable {
    case asserted, planned, negated
}

/// A fact the text does not state on its own account but attributes to a source: reported speech («قالت مصادر
/// إن …», «أفادت تقارير بأن …») or an attribution («بحسب وكالة …», «وفقا لـ…», «يعتقد أن …»). It is independent of
/// the modality (a reported fact may be planned or denied). `source` is the entity the text names as the source
/// (a person, an organisation, a news agency), nil when it names none («مصادر مطلعة»).
public struct Attribution: Sendable, Hashable, Codable {
    public var source: String?
    public init(source: String? = nil) { self.source = source }
}

/// One report of a fact: where it was read (document, sentence, span), which rule read it, how sure that rule
/// was, and the event date as that report states it. A merged fact (`EventMerging`) keeps every report.
public struct Evidence: Sendable, Hashable, Codable {
    /// The id the fact had as a single report (`f-…`), so that a merge can be audited or undone.
    public var id: String
    public var documentID: String
    public var sentenceBegin: Int
    public var sentenceEnd: Int
    public var sentence: String
    public var spanBegin: Int
    public var spanEnd: Int
    public var rule: String
    public var confidence: Double
    /// The event date as this report states it (nil when it states none).
    public var date: FactDate?
    /// Set when this report attributes the fact to a source (reported speech, «بحسب …»).
    public var attribution: Attribution?

    public init(id: String, provenance p: Provenance, rule: String, confidence: Double, date: FactDate? = nil,
                attribution: Attribution? = nil) {
        self.id = id; documentID = p.documentID; sentenceBegin = p.sentenceBegin; sentenceEnd = p.sentenceEnd
        sentence = p.sentence; spanBegin = p.spanBegin; spanEnd = p.spanEnd
        self.rule = rule; self.confidence = confidence; self.date = date; self.attribution = attribution
    }

    public var provenance: Provenance {
        Provenance(documentID: documentID, sentenceBegin: sentenceBegin, sentenceEnd: sentenceEnd, sentence: sentence,
                   spanBegin: spanBegin, spanEnd: spanEnd)
    }
}

/// A fact between two entities (subject → object), with an optional place and date.
///
/// A fact is one event (or state) however many times it is reported: `evidence` lists every report (the
/// first is the primary one, whose `provenance`, `rule` and `id` the fact keeps); an empty list means the fact
/// is its single report (a facts file of version 1, or a fact that did not go through `EventMerging`).
public struct Fact: Sendable, Hashable, Codable {
    /// Stable id, `f-<hash>` from the fact's content, unique in a graph.
    public var id: String
    /// Relation type, upper case (VISIT, MEET, TALKS, RECEIVE, INVITE, HOLDS_ROLE, ...): see `FactType`.
    public var type: String
    public var subject: String
    public var object: String
    /// Where it happened, when it is a third participant (entity id).
    public var place: String?
    public var date: FactDate?
    /// Role phrase for HOLDS_ROLE / APPOINT (e.g. "وزير الدفاع").
    public var role: String?
    public var modality: Modality
    /// Set when the text attributes the fact to a source instead of stating it (see `Attribution`); a merged fact
    /// is attributed when every report of it is (that of its first report), and stated when any report states it.
    public var attribution: Attribution?
    public var provenance: Provenance
    /// Name of the rule that fired, e.g. `visit.arrive-to`.
    public var rule: String
    /// 0...1 (a merged fact: the noisy-or of its reports, see `EventMerging`)
    public var confidence: Double
    /// Every report of the fact, primary first (empty: the fact is its single report).
    public var evidence: [Evidence]

    public init(id: String = "", type: String, subject: String, object: String, place: String? = nil,
                date: FactDate? = nil, role: String? = nil, modality: Modality = .asserted, attribution: Attribution? = nil,
                provenance: Provenance, rule: String, confidence: Double, evidence: [Evidence] = []) {
        self.id = id; self.type = type; self.subject = subject; self.object = object; self.place = place
        self.date = date; self.role = role; self.modality = modality; self.attribution = attribution; self.provenance = provenance
        self.rule = rule; self.confidence = confidence; self.evidence = evidence
    }

    /// The reports of the fact: `evidence`, or the fact itself as its one report.
    public var reports: [Evidence] {
        evidence.isEmpty ? [Evidence(id: id, provenance: provenance, rule: rule, confidence: confidence, date: date,
                                     attribution: attribution)] : evidence
    }

    /// How many reports state the fact (at least 1).
    public var support: Int { max(1, evidence.count) }

    /// The documents that report the fact, sorted, unique.
    public var reportingDocuments: [String] {
        evidence.isEmpty ? [provenance.documentID] : Array(Set(evidence.map(\.documentID))).sorted()
    }
}

/// The relation types kbexport extracts: a view of `RelationTable.standard` (Resources/relations.tsv).
public enum FactType {
    public static var all: [(name: String, gloss: String, cameo: String?)] {
        RelationTable.standard.types.map { ($0.name, $0.gloss, $0.cameo) }
    }
    public static func gloss(_ type: String) -> String { RelationTable.standard[type]?.gloss ?? "is related to" }
    public static func cameo(_ type: String) -> String? { RelationTable.standard[type]?.cameo }
    public static func isSymmetric(_ type: String) -> Bool { RelationTable.standard.isSymmetric(type) }
}

/// One occurrence of an entity in a document.
public struct Mention: Sendable, Hashable, Codable {
    public var entityID: String
    public var documentID: String
    /// Scalar offsets into the document's NFC text.
    public var begin: Int
    public var end: Int
    /// The surface text as written (with clitics removed when a clitic was split off).
    public var text: String
    /// True for a nisba adjective standing for a place («الأمريكي» for the United States); absent otherwise.
    public var adjective: Bool?

    public init(entityID: String, documentID: String, begin: Int, end: Int, text: String, adjective: Bool? = nil) {
        self.entityID = entityID; self.documentID = documentID; self.begin = begin; self.end = end; self.text = text
        self.adjective = adjective == true ? true : nil
    }
}

/// The whole graph, in a deterministic order: documents by id, entities by id, facts by id.
public struct KnowledgeGraph: Sendable, Codable {
    public var documents: [Document]
    public var entities: [Entity]
    public var facts: [Fact]
    /// Entity mentions (document order); used by evaluation and the facts file, not required by writers.
    public var mentions: [Mention]

    public init(documents: [Document] = [], entities: [Entity] = [], facts: [Fact] = [], mentions: [Mention] = []) {
        self.documents = documents; self.entities = entities; self.facts = facts; self.mentions = mentions
    }

    /// Sorts every collection into its canonical order (ids are unique, so the order is total).
    public mutating func canonicalize() {
        documents.sortMovingOnce { $0.id < $1.id }
        entities.sortMovingOnce { $0.id < $1.id }
        facts.sortMovingOnce { $0.id < $1.id }
        mentions.sortMovingOnce { ($0.documentID, $0.begin, $0.end, $0.entityID) < ($1.documentID, $1.begin, $1.end, $1.entityID) }
    }

    /// Entities by id, for writers that look participants up.
    public func entityIndex() -> [String: Entity] {
        Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

extension Array {
    /// The order `sort(by:)` gives (stable), reached by sorting indices and moving each element once along the cycles
    /// of the permutation: the extra memory is an index and a flag per element, not the half of the array the
    /// standard sort takes as its buffer (a million reports are 200 MB). An array already in order is left as it is.
    mutating func sortMovingOnce(by less: (Element, Element) -> Bool) {
        sortMovingOnce(at: { less($0.pointee, $1.pointee) })
    }

    /// ``sortMovingOnce(by:)`` with a comparison of the elements in place (`less` reads them through pointers: a
    /// comparison held as a generic closure copies the elements it is given, which for tuples goes through the runtime).
    mutating func sortMovingOnce(at less: (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool) {
        guard count > 1 else { return }
        let sorted: [Int]? = withUnsafeBufferPointer { e in
            let p = e.baseAddress!
            if !(1..<e.count).contains(where: { less(p + $0, p + $0 - 1) }) { return nil }
            var order = Array<Int>(0..<e.count)
            order.sort { a, b in less(p + a, p + b) || (!less(p + b, p + a) && a < b) }
            return order
        }
        guard let order = sorted else { return }
        var placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            // position k takes the element at order[k]
            let held = self[start]
            var k = start
            while true {
                placed[k] = true
                let from = order[k]
                if from == start { self[k] = held; break }
                self[k] = self[from]
                k = from
            }
        }
    }
}

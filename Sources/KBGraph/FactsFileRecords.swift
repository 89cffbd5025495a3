// How the records of the facts file (FactsFile.swift) decode and encode: optional fields take defaults when they
// are absent, so that other extractors need to write only what they know; a fact's `evidence` and `support`
// (version 2) are written only for a fact that has evidence.

// Decoding with defaults, so that other extractors need to write only what they know.
// (Encoding stays synthesized: every field is written.)
extension Entity {
    private enum Keys: String, CodingKey {
        case id, type, subtype, labelAr, labelEn, wikidata, surfaceForms, mentionCount, documents, fromGazetteer
        case lat, lon, geonames
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(id: try c.decode(String.self, forKey: .id), type: try c.decode(EntityType.self, forKey: .type),
                  subtype: try c.decodeIfPresent(String.self, forKey: .subtype) ?? "",
                  labelAr: try c.decode(String.self, forKey: .labelAr),
                  labelEn: try c.decodeIfPresent(String.self, forKey: .labelEn),
                  wikidata: try c.decodeIfPresent(String.self, forKey: .wikidata),
                  surfaceForms: try c.decodeIfPresent([String].self, forKey: .surfaceForms) ?? [],
                  mentionCount: try c.decodeIfPresent(Int.self, forKey: .mentionCount) ?? 0,
                  documents: try c.decodeIfPresent([String].self, forKey: .documents) ?? [],
                  fromGazetteer: try c.decodeIfPresent(Bool.self, forKey: .fromGazetteer) ?? false,
                  lat: try c.decodeIfPresent(Double.self, forKey: .lat), lon: try c.decodeIfPresent(Double.self, forKey: .lon),
                  geonames: try c.decodeIfPresent(String.self, forKey: .geonames))
    }
}

extension Document {
    private enum Keys: String, CodingKey { case id, path, url, outlet, published, title, length }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let id = try c.decode(String.self, forKey: .id)
        self.init(id: id, path: try c.decodeIfPresent(String.self, forKey: .path) ?? id,
                  url: try c.decodeIfPresent(String.self, forKey: .url), outlet: try c.decodeIfPresent(String.self, forKey: .outlet),
                  published: try c.decodeIfPresent(String.self, forKey: .published),
                  title: try c.decodeIfPresent(String.self, forKey: .title),
                  length: try c.decodeIfPresent(Int.self, forKey: .length) ?? 0)
    }
}

extension Fact {
    private enum Keys: String, CodingKey {
        case id, type, subject, object, place, date, role, modality, attribution, provenance, rule, confidence, evidence, support
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(id: try c.decode(String.self, forKey: .id), type: try c.decode(String.self, forKey: .type),
                  subject: try c.decode(String.self, forKey: .subject), object: try c.decode(String.self, forKey: .object),
                  place: try c.decodeIfPresent(String.self, forKey: .place),
                  date: try c.decodeIfPresent(FactDate.self, forKey: .date),
                  role: try c.decodeIfPresent(String.self, forKey: .role),
                  modality: try c.decodeIfPresent(Modality.self, forKey: .modality) ?? .asserted,
                  attribution: try c.decodeIfPresent(Attribution.self, forKey: .attribution),
                  provenance: try c.decode(Provenance.self, forKey: .provenance),
                  rule: try c.decodeIfPresent(String.self, forKey: .rule) ?? "external",
                  confidence: try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 1.0,
                  evidence: try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? [])
        // `support` is written for readers; it is the number of evidence entries, not an independent value
    }

    /// Every field; `evidence` and `support` only when the fact has evidence (a version-1 fact stays as it was).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(subject, forKey: .subject)
        try c.encode(object, forKey: .object)
        try c.encodeIfPresent(place, forKey: .place)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encode(modality, forKey: .modality)
        try c.encodeIfPresent(attribution, forKey: .attribution)
        try c.encode(provenance, forKey: .provenance)
        try c.encode(rule, forKey: .rule)
        try c.encode(confidence, forKey: .confidence)
        if !evidence.isEmpty {
            try c.encode(evidence, forKey: .evidence)
            try c.encode(evidence.count, forKey: .support)
        }
    }
}

extension Evidence {
    private enum Keys: String, CodingKey {
        case id, documentID, sentenceBegin, sentenceEnd, sentence, spanBegin, spanEnd, rule, confidence, date, attribution
    }
    /// The offsets, the document and the sentence are required; `rule` defaults to "external", `confidence` to 1.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(id: try c.decodeIfPresent(String.self, forKey: .id) ?? "",
                  provenance: Provenance(documentID: try c.decode(String.self, forKey: .documentID),
                                         sentenceBegin: try c.decode(Int.self, forKey: .sentenceBegin),
                                         sentenceEnd: try c.decode(Int.self, forKey: .sentenceEnd),
                                         sentence: try c.decode(String.self, forKey: .sentence),
                                         spanBegin: try c.decode(Int.self, forKey: .spanBegin),
                                         spanEnd: try c.decode(Int.self, forKey: .spanEnd)),
                  rule: try c.decodeIfPresent(String.self, forKey: .rule) ?? "external",
                  confidence: try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 1.0,
                  date: try c.decodeIfPresent(FactDate.self, forKey: .date),
                  attribution: try c.decodeIfPresent(Attribution.self, forKey: .attribution))
    }
}

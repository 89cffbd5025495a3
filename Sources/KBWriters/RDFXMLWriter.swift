// RDF/XML for triple stores (rapper, rdflib, oxigraph, Virtuoso, Jena...).
// Spec: ../shared/notes/rdfxml-triple-stores.md §1 (syntax) and §7 (model). The syntax is done by
// RDFSerializer.swift; this file maps the knowledge graph to descriptions (RDFGraphMapping), which the
// N-Triples and Turtle writers (NTriplesWriter.swift, TurtleWriter.swift) write too: the triples are
// produced once, here. Schemas/README.md lists the resulting shape; Schemas/kbexport-vocabulary.rdf
// describes the kbv: terms.
//
// Names, titles and role phrases are display text (trimmed, line breaks collapsed, as in GraphML);
// nif:anchorOf keeps the sentence exactly as in the source, so that its offsets still hold. Every
// literal has the characters XML 1.0 cannot carry removed here (XMLText.sanitize), so that the three RDF
// formats carry the same literals; whitespace-only literals are left out.
//
// Subjects, in this order (all IRIs, no blank nodes):
//   documents  <base>doc/<id>              schema:NewsArticle, then its nif:Context <doc>#char=0,N and its
//                                          nif:Sentence nodes <doc>#char=b,e (one per distinct sentence, by offset)
//   publishers <base>publisher/<slug>      schema:Organization (documents with an outlet), by IRI
//   entities   <base>entity/<id>           schema:Person / Organization / Place (+ Country / City), kbv:DateMention
//   facts      <base>fact/<id>             schema:Event + sem:Event, participants, date, provenance
//   CAMEO      <base>cameo/<code>          skos:Concept, one per code used, by code
//   run        <base>run/kbexport-<v>      prov:Activity, and <base>agent/kbexport-<v> prov:SoftwareAgent

import KBGraph
import KBXML

public struct RDFXMLWriter: StreamingGraphWriter {
    public static let name = "RDF/XML"
    public static let fileExtension = "rdf"
    public static let mediaType = "application/rdf+xml"

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        _ = try IRIMinter(base: options.base)
        try GraphExport.run(GraphSource(graph), writer: streamWriter(), to: sink)
    }

    public func streamWriter() -> FactStreamWriter { RDFXMLStreamWriter(self) }

    /// Starts a streamed export: documents (with their sentences), publishers and entities are written now, then
    /// each fact as it is given (in id order), then the CAMEO concepts and the run. The facts must have passed the
    /// graph checks (`GraphChecks.check(_:documents:entities:)`).
    /// - Parameters:
    ///   - sentences: the evidence sentences by document (`RDFGraphMapping.sentences(of:)`).
    ///   - resolve: the text of a `.reference` sentence.
    public func startStream(documents: [Document], entities: [Entity], sentences: RDFGraphMapping.Sentences,
                            resolve: (Int, Int?) throws -> String = { _, _ in "" }, to sink: OutputSink) throws -> RDFXMLStream {
        try startStream(documents: RecordList(documents), entities: entities, sentences: sentences, resolve: resolve, to: sink)
    }

    /// ``startStream(documents:entities:sentences:resolve:to:)`` with the documents read one at a time.
    public func startStream(documents: RecordList<Document>, entities: [Entity], sentences: RDFGraphMapping.Sentences,
                            resolve: (Int, Int?) throws -> String = { _, _ in "" }, to sink: OutputSink) throws -> RDFXMLStream {
        let minter = try IRIMinter(base: options.base)
        let index = try GraphChecks.check(documents: documents, entities: entities)
        let mapping = RDFGraphMapping(types: index, minter: minter, toolVersion: options.toolVersion)
        var serializer = RDFXMLSerializer(vocabulary: minter.vocabulary, indent: options.indent)
        // geo:lat/geo:long (an optional namespace) are declared on the root when some entity has coordinates
        let out = try serializer.startStream(to: sink, declaring: entities.contains { $0.coordinates != nil } ? ["geo"] : [])
        try mapping.head(documents: documents, entities: entities, sentences: sentences, resolve: resolve) { try out.write($0) }
        return RDFXMLStream(mapping: mapping, out: out)
    }
}

/// A streamed RDF/XML export of facts (see `RDFXMLWriter.startStream`).
public final class RDFXMLStream {
    let mapping: RDFGraphMapping
    let out: RDFXMLSerializer.Stream
    private var codes = Set<String>()

    init(mapping: RDFGraphMapping, out: RDFXMLSerializer.Stream) { self.mapping = mapping; self.out = out }

    public func fact(_ f: Fact) throws {
        if let code = FactType.cameo(f.type) { codes.insert(code) }
        try out.write(mapping.fact(f))
    }

    public func finish() throws {
        for d in mapping.tail(codes: codes) { try out.write(d) }
        try out.finish()
    }
}

/// RDF/XML behind the streaming interface: the evidence sentences come from the first pass over the facts.
public final class RDFXMLStreamWriter: FactStreamWriter {
    let writer: RDFXMLWriter
    private var stream: RDFXMLStream?

    public init(_ writer: RDFXMLWriter) { self.writer = writer }

    public var needs: FactPass { [.sentences] }

    public func begin(_ outline: GraphOutline, to sink: OutputSink) throws {
        stream = try writer.startStream(documents: outline.documents, entities: outline.entities, sentences: outline.sentences,
                                        resolve: outline.resolve, to: sink)
    }

    public func fact(_ f: Fact) throws { try stream!.fact(f) }

    public func finish() throws { try stream?.finish() }
}

/// N-Triples and Turtle behind the streaming interface: the descriptions are collected (N-Triples sorts its lines,
/// Turtle groups by subject), then written at `finish`.
public final class RDFBufferedStreamWriter: FactStreamWriter {
    public enum Syntax: Sendable { case ntriples, turtle }
    let options: ExportOptions
    let syntax: Syntax
    private var mapping: RDFGraphMapping?
    private var vocabulary = ""
    private var descriptions = [RDFDescription]()
    private var codes = Set<String>()
    private var sink: OutputSink?

    public init(options: ExportOptions, syntax: Syntax) { self.options = options; self.syntax = syntax }

    public var needs: FactPass { [.sentences] }

    public func begin(_ outline: GraphOutline, to sink: OutputSink) throws {
        let minter = try IRIMinter(base: options.base)
        let types = try GraphChecks.check(documents: outline.documents, entities: outline.entities)
        let mapping = RDFGraphMapping(types: types, minter: minter, toolVersion: options.toolVersion)
        try mapping.head(documents: outline.documents, entities: outline.entities, sentences: outline.sentences,
                         resolve: outline.resolve) { descriptions.append($0) }
        self.mapping = mapping
        vocabulary = minter.vocabulary
        self.sink = sink
    }

    public func fact(_ f: Fact) throws {
        if let code = FactType.cameo(f.type) { codes.insert(code) }
        descriptions.append(mapping!.fact(f))
    }

    public func finish() throws {
        guard let mapping, let sink else { return }
        descriptions += mapping.tail(codes: codes)
        switch syntax {
        case .ntriples: try NTriplesSerializer.write(descriptions.flatMap(\.triples), to: sink)
        case .turtle: try TurtleSerializer(vocabulary: vocabulary).write(descriptions, to: sink)
        }
        descriptions = []
    }
}

/// Maps a checked graph to RDF descriptions: the one graph → triples mapping of the RDF writers.
public struct RDFGraphMapping {
    /// Checks the base and the graph, then maps it.
    /// - Returns: the descriptions (triples grouped by subject, in writing order) and the `kbv:` namespace.
    /// - Throws: `WriterError.invalidBase`, or the graph checks' errors (ids, dangling references).
    public static func descriptions(of graph: KnowledgeGraph, options: ExportOptions) throws
        -> (descriptions: [RDFDescription], vocabulary: String) {
        let minter = try IRIMinter(base: options.base)
        let entities = try GraphChecks.check(graph)
        let mapping = RDFGraphMapping(types: entities, minter: minter, toolVersion: options.toolVersion)
        var out = [RDFDescription]()
        try mapping.head(documents: RecordList(graph.documents), entities: graph.entities, sentences: sentences(of: graph.facts)) { out.append($0) }
        var codes = Set<String>()
        for f in graph.facts {
            if let code = FactType.cameo(f.type) { codes.insert(code) }
            out.append(mapping.fact(f))
        }
        out += mapping.tail(codes: codes)
        return (out, minter.vocabulary)
    }

    /// Entity types by id (the schema.org role of a fact's object depends on it).
    let types: [String: EntityType]
    let minter: IRIMinter
    let toolVersion: String
    /// Property and class IRIs, built once (the per-fact and per-entity code would otherwise concatenate them).
    private let t: TermIRIs
    private let runIRI: String

    init(types: [String: EntityType], minter: IRIMinter, toolVersion: String) {
        self.types = types; self.minter = minter; self.toolVersion = toolVersion
        t = TermIRIs(kbv: minter.vocabulary)
        runIRI = minter.run(version: toolVersion)
    }

    private struct TermIRIs {
        let schemaEvent = Namespaces.schema + "Event", semEvent = Namespaces.sem + "Event"
        let identifier = Namespaces.dcterms + "identifier", semEventType = Namespaces.sem + "eventType"
        let startDate = Namespaces.schema + "startDate", decimal = Namespaces.xsd + "decimal"
        let nonNegativeInteger = Namespaces.xsd + "nonNegativeInteger", boolean = Namespaces.xsd + "boolean"
        let positiveInteger = Namespaces.xsd + "positiveInteger"
        let wasDerivedFrom = Namespaces.prov + "wasDerivedFrom", wasGeneratedBy = Namespaces.prov + "wasGeneratedBy"
        let person = Namespaces.schema + "Person", organization = Namespaces.schema + "Organization"
        let place = Namespaces.schema + "Place", country = Namespaces.schema + "Country", city = Namespaces.schema + "City"
        let name = Namespaces.schema + "name", alternateName = Namespaces.schema + "alternateName"
        let sameAs = Namespaces.schema + "sameAs"
        let lat = Namespaces.geo + "lat", long = Namespaces.geo + "long"
        let relation, subject, object, modality, role, confidence, rule, charBegin, charEnd: String
        let mentionCount, subtype, inGazetteer, dateMention, support, attributed, attributedTo: String

        init(kbv: String) {
            relation = kbv + "relation"; subject = kbv + "subject"; object = kbv + "object"; modality = kbv + "modality"
            role = kbv + "role"; confidence = kbv + "confidence"; rule = kbv + "rule"; charBegin = kbv + "charBegin"
            charEnd = kbv + "charEnd"; mentionCount = kbv + "mentionCount"; subtype = kbv + "subtype"
            inGazetteer = kbv + "inGazetteer"; dateMention = kbv + "DateMention"; support = kbv + "support"
            attributed = kbv + "attributed"; attributedTo = kbv + "attributedTo"
        }
    }

    // Terms, by namespace.
    private let rdfs = Namespaces.rdfs, xsd = Namespaces.xsd, schema = Namespaces.schema, prov = Namespaces.prov
    private let nif = Namespaces.nif, sem = Namespaces.sem, skos = Namespaces.skos, dcterms = Namespaces.dcterms
    private var kbv: String { minter.vocabulary }

    /// A distinct evidence sentence.
    public struct SentenceKey: Hashable, Comparable, Sendable {
        let begin: Int, end: Int
        public static func < (a: SentenceKey, b: SentenceKey) -> Bool { (a.begin, a.end) < (b.begin, b.end) }
    }

    /// The text of a sentence, or where to read it (a number the exporter's `resolve` understands, such as the
    /// offset of a fact's line in a facts file), so that a stream need not keep every sentence's text.
    public enum SentenceText: Sendable {
        case text(String)
        /// Where the text is, and which report of the fact there (nil: the fact's own provenance).
        case reference(Int, evidence: Int?)
    }

    /// The evidence sentences of each document: offsets and text.
    public typealias Sentences = [String: [SentenceKey: SentenceText]]

    /// Notes the sentences of `fact`, the primary one and every report's (the first fact in id order wins if two
    /// facts disagree on the text).
    public static func note(_ fact: Fact, in sentences: inout Sentences) {
        let p = fact.provenance
        note(document: p.documentID, begin: p.sentenceBegin, end: p.sentenceEnd, .text(p.sentence), in: &sentences)
        for e in fact.evidence {
            note(document: e.documentID, begin: e.sentenceBegin, end: e.sentenceEnd, .text(e.sentence), in: &sentences)
        }
    }

    /// Notes a sentence unless one with the same offsets is known (the first, in fact id order, wins).
    public static func note(document: String, begin: Int, end: Int, _ text: SentenceText, in sentences: inout Sentences) {
        let key = SentenceKey(begin: begin, end: end)
        if sentences[document]?[key] == nil { sentences[document, default: [:]][key] = text }
    }

    /// The sentences of `facts` (in id order).
    public static func sentences(of facts: [Fact]) -> Sentences {
        var out = Sentences()
        for f in facts { note(f, in: &out) }
        return out
    }

    /// Documents with their contexts and sentences, publishers, entities, one at a time to `emit`.
    func head(documents: RecordList<Document>, entities: [Entity], sentences: Sentences,
              resolve: (Int, Int?) throws -> String = { _, _ in "" }, _ emit: (RDFDescription) throws -> Void) throws {
        // Entities mentioned per document, in entity order.
        var mentioned = [String: [String]]()
        for e in entities { for d in e.documents { mentioned[d, default: []].append(e.id) } }

        var publishers = [String: RDFDescription]()
        try documents.forEach { doc in
            let docSentences = sentences[doc.id] ?? [:]
            try emit(document(doc, mentions: mentioned[doc.id] ?? [], publishers: &publishers))
            // The context spans the whole text; a length the model does not know (0) is widened to the last sentence.
            let length = max(doc.length, docSentences.keys.map(\.end).max() ?? 0)
            guard length > 0 else { return }
            let contextIRI = minter.span(document: doc.id, begin: 0, end: length)
            var context = RDFDescription(contextIRI)
            context.type(nif + "Context")
            context.resource(nif + "sourceUrl", minter.document(doc.id))
            context.typed(nif + "beginIndex", "0", xsd + "nonNegativeInteger")
            context.typed(nif + "endIndex", String(length), xsd + "nonNegativeInteger")
            var sentenceNodes = [RDFDescription]()
            for key in docSentences.keys.sorted() {
                let iri = minter.span(document: doc.id, begin: key.begin, end: key.end)
                // A one-sentence text: the sentence is the context itself (one description per subject).
                var s = iri == contextIRI ? context : RDFDescription(iri)
                s.type(nif + "Sentence")
                s.resource(nif + "referenceContext", contextIRI)
                s.typed(nif + "beginIndex", nonNegative(key.begin), xsd + "nonNegativeInteger")
                s.typed(nif + "endIndex", nonNegative(key.end), xsd + "nonNegativeInteger")
                switch docSentences[key]! {
                case let .text(text): s.literal(nif + "anchorOf", text)
                case let .reference(r, k): s.literal(nif + "anchorOf", try resolve(r, k))
                }
                if iri == contextIRI { context = s } else { sentenceNodes.append(s) }
            }
            try emit(context)
            for s in sentenceNodes { try emit(s) }
        }
        for key in publishers.keys.sorted() { try emit(publishers[key]!) }
        for e in entities { try emit(entity(e)) }
    }

    /// CAMEO concepts of the codes used, the run and the software.
    func tail(codes: Set<String>) -> [RDFDescription] {
        var out = [RDFDescription]()
        for code in codes.sorted() {
            var c = RDFDescription(minter.cameo(code))
            c.type(skos + "Concept")
            c.literal(skos + "notation", code)
            c.literal(skos + "prefLabel", CAMEO.label(code), language: "en")
            out.append(c)
        }
        let runIRI = minter.run(version: toolVersion)
        let agentIRI = minter.agent(version: toolVersion)
        var run = RDFDescription(runIRI)
        run.type(prov + "Activity")
        run.resource(prov + "wasAssociatedWith", agentIRI)
        run.literal(rdfs + "label", "kbexport \(toolVersion) extraction run", language: "en")
        out.append(run)
        var agent = RDFDescription(agentIRI)
        agent.type(prov + "SoftwareAgent")
        agent.literal(rdfs + "label", "kbexport", language: "en")
        agent.literal(schema + "softwareVersion", toolVersion)
        out.append(agent)
        return out
    }

    private func document(_ doc: Document, mentions: [String], publishers: inout [String: RDFDescription]) -> RDFDescription {
        var d = RDFDescription(minter.document(doc.id))
        d.type(schema + "NewsArticle")
        d.literal(dcterms + "identifier", doc.id)
        if let url = doc.url, IRIs.problem(in: url) == nil, url.lowercased().hasPrefix("http") {
            d.resource(schema + "url", url)
        }
        if let published = doc.published {
            if let dt = XSDDates.datatype(isoDate: published) { d.typed(schema + "datePublished", published, dt) }
            else { d.literal(schema + "datePublished", published) }
        }
        d.literal(schema + "headline", doc.title.flatMap(Values.display))
        d.literal(schema + "inLanguage", "ar")
        if let outlet = doc.outlet, let name = Values.display(outlet) {
            let slug = StableID.slug(name)
            let iri = minter.publisher(slug.isEmpty ? "p-" + String(StableID.hex(name).prefix(12)) : slug)
            d.resource(schema + "publisher", iri)
            if publishers[iri] == nil {
                var p = RDFDescription(iri)
                p.type(schema + "Organization")
                p.literal(schema + "name", name)
                publishers[iri] = p
            }
        }
        for id in mentions { d.resource(schema + "mentions", minter.entity(id)) }
        return d
    }

    private func entity(_ e: Entity) -> RDFDescription {
        var d = RDFDescription(minter.entity(e.id))
        switch e.type {
        case .person: d.type(t.person)
        case .organization: d.type(t.organization)
        case .place:
            d.type(t.place)
            switch e.subtype.lowercased() {
            case "country": d.type(t.country)
            case "city": d.type(t.city)
            default: break
            }
        case .date: d.type(t.dateMention)
        }
        d.literal(t.identifier, e.id)
        let name = Values.display(e.labelAr)
        d.literal(t.name, name, language: "ar")
        d.literal(t.name, e.labelEn.flatMap(Values.display), language: "en")
        for form in e.surfaceForms.compactMap(Values.display) where form != name {
            d.literal(t.alternateName, form, language: "ar")
        }
        if let q = Values.wikidata(e.wikidata) { d.resource(t.sameAs, Namespaces.wikidataEntity + q) }
        if let g = Values.geonames(e.geonames) { d.resource(t.sameAs, Namespaces.geonamesFeature + g + "/") }
        if let (lat, lon) = e.coordinates {
            d.typed(t.lat, Values.degrees(lat), t.decimal)
            d.typed(t.long, Values.degrees(lon), t.decimal)
        }
        d.typed(t.mentionCount, nonNegative(e.mentionCount), t.nonNegativeInteger)
        d.literal(t.subtype, Values.display(e.subtype))
        d.typed(t.inGazetteer, e.fromGazetteer ? "true" : "false", t.boolean)
        return d
    }

    func fact(_ f: Fact) -> RDFDescription {
        let run = runIRI
        let p = f.provenance
        var d = RDFDescription(minter.fact(f.id))
        d.type(t.schemaEvent)
        d.type(t.semEvent)
        d.literal(t.identifier, f.id)
        d.literal(t.relation, f.type)
        if let code = FactType.cameo(f.type) { d.resource(t.semEventType, minter.cameo(code)) }
        let subject = minter.entity(f.subject), object = minter.entity(f.object)
        d.resource(t.subject, subject)
        d.resource(t.object, object)
        let roles = EventRoles.properties(relation: f.type, objectType: types[f.object] ?? .person)
        if let r = roles.subject { d.resource(r, subject) }
        if let r = roles.object { d.resource(r, object) }
        if let place = f.placeID { d.resource(EventRoles.location, minter.entity(place)) }
        if let date = f.date {
            if let dt = XSDDates.datatype(date.value, xsdType: date.xsdType) { d.typed(t.startDate, date.value, dt) }
            else { d.literal(t.startDate, date.value) }
        }
        d.literal(t.modality, f.modality.rawValue)
        // reported speech or «بحسب …»: the text attributes the fact to a source (named or not)
        if let a = f.attribution {
            d.typed(t.attributed, "true", t.boolean)
            if let s = a.source { d.resource(t.attributedTo, minter.entity(s)) }
        }
        d.literal(t.role, f.role.flatMap(Values.display), language: "ar")
        d.typed(t.confidence, Values.decimal(f.confidence), t.decimal)
        d.literal(t.rule, f.rule)
        d.typed(t.charBegin, nonNegative(p.spanBegin), t.nonNegativeInteger)
        d.typed(t.charEnd, nonNegative(p.spanEnd), t.nonNegativeInteger)
        // one event node, derived from every sentence that reports it (the primary one first)
        d.resource(t.wasDerivedFrom, minter.span(document: p.documentID, begin: p.sentenceBegin, end: p.sentenceEnd))
        var seen: Set<String> = ["\(p.documentID)#\(p.sentenceBegin),\(p.sentenceEnd)"]
        for e in f.evidence where seen.insert("\(e.documentID)#\(e.sentenceBegin),\(e.sentenceEnd)").inserted {
            d.resource(t.wasDerivedFrom, minter.span(document: e.documentID, begin: e.sentenceBegin, end: e.sentenceEnd))
        }
        if !f.evidence.isEmpty { d.typed(t.support, String(f.support), t.positiveInteger) }
        d.resource(t.wasGeneratedBy, run)
        return d
    }

    /// The decimal form of a count or offset, nil when negative (not a valid xsd:nonNegativeInteger).
    private func nonNegative(_ n: Int) -> String? { n >= 0 ? String(n) : nil }
}

/// Building descriptions from the knowledge graph: literal text cleaned of XML-illegal characters,
/// whitespace-only literals and nil values left out.
extension RDFDescription {
    init(_ iri: String) { self.init(subject: .iri(iri)) }

    mutating func type(_ classIRI: String) { append(Namespaces.rdf + "type", .iri(classIRI)) }
    mutating func resource(_ predicate: String, _ iri: String) { append(predicate, .iri(iri)) }
    mutating func literal(_ predicate: String, _ text: String?, language: String? = nil) {
        if let text = Self.clean(text) { append(predicate, .literal(RDFLiteral(text, language: language))) }
    }
    mutating func typed(_ predicate: String, _ value: String?, _ datatype: String) {
        if let value = Self.clean(value) { append(predicate, .literal(RDFLiteral(value, datatype: datatype))) }
    }

    private static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let clean = XMLText.sanitize(text).text
        return clean.allSatisfy({ $0.isWhitespace }) ? nil : clean
    }
}

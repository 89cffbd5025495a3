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

public struct RDFXMLWriter: GraphWriter {
    public static let name = "RDF/XML"
    public static let fileExtension = "rdf"
    public static let mediaType = "application/rdf+xml"

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        _ = try IRIMinter(base: options.base)
        try GraphChecks.check(graph)
        let stream = try startStream(documents: graph.documents, entities: graph.entities,
                                     sentences: RDFGraphMapping.sentences(of: graph.facts), to: sink)
        for f in graph.facts { try stream.fact(f) }
        try stream.finish()
    }

    /// Starts a streamed export: documents (with their sentences), publishers and entities are written now, then
    /// each fact as it is given (in id order), then the CAMEO concepts and the run. The facts must have passed the
    /// graph checks (`GraphChecks.check(_:documents:entities:)`).
    /// - Parameter sentences: the evidence sentences by document (`RDFGraphMapping.sentences(of:)`).
    public func startStream(documents: [Document], entities: [Entity], sentences: RDFGraphMapping.Sentences,
                            to sink: OutputSink) throws -> RDFXMLStream {
        let minter = try IRIMinter(base: options.base)
        let index = try GraphChecks.check(documents: documents, entities: entities)
        let mapping = RDFGraphMapping(entities: index, minter: minter, toolVersion: options.toolVersion)
        var serializer = RDFXMLSerializer(vocabulary: minter.vocabulary, indent: options.indent)
        let out = try serializer.startStream(to: sink)
        try mapping.head(documents: documents, entities: entities, sentences: sentences) { try out.write($0) }
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

/// Maps a checked graph to RDF descriptions: the one graph → triples mapping of the RDF writers.
public struct RDFGraphMapping {
    /// Checks the base and the graph, then maps it.
    /// - Returns: the descriptions (triples grouped by subject, in writing order) and the `kbv:` namespace.
    /// - Throws: `WriterError.invalidBase`, or the graph checks' errors (ids, dangling references).
    public static func descriptions(of graph: KnowledgeGraph, options: ExportOptions) throws
        -> (descriptions: [RDFDescription], vocabulary: String) {
        let minter = try IRIMinter(base: options.base)
        let entities = try GraphChecks.check(graph)
        let mapping = RDFGraphMapping(entities: entities, minter: minter, toolVersion: options.toolVersion)
        var out = [RDFDescription]()
        mapping.head(documents: graph.documents, entities: graph.entities, sentences: sentences(of: graph.facts)) { out.append($0) }
        var codes = Set<String>()
        for f in graph.facts {
            if let code = FactType.cameo(f.type) { codes.insert(code) }
            out.append(mapping.fact(f))
        }
        out += mapping.tail(codes: codes)
        return (out, minter.vocabulary)
    }

    let entities: [String: Entity]
    let minter: IRIMinter
    let toolVersion: String

    // Terms, by namespace.
    private let rdfs = Namespaces.rdfs, xsd = Namespaces.xsd, schema = Namespaces.schema, prov = Namespaces.prov
    private let nif = Namespaces.nif, sem = Namespaces.sem, skos = Namespaces.skos, dcterms = Namespaces.dcterms
    private var kbv: String { minter.vocabulary }

    /// A distinct evidence sentence.
    public struct SentenceKey: Hashable, Comparable, Sendable {
        let begin: Int, end: Int
        public static func < (a: SentenceKey, b: SentenceKey) -> Bool { (a.begin, a.end) < (b.begin, b.end) }
    }

    /// The evidence sentences of each document: offsets and text.
    public typealias Sentences = [String: [SentenceKey: String]]

    /// Notes the sentence of `fact` (the first fact in id order wins if two facts disagree on the text).
    public static func note(_ fact: Fact, in sentences: inout Sentences) {
        let p = fact.provenance
        let key = SentenceKey(begin: p.sentenceBegin, end: p.sentenceEnd)
        if sentences[p.documentID]?[key] == nil { sentences[p.documentID, default: [:]][key] = p.sentence }
    }

    /// The sentences of `facts` (in id order).
    public static func sentences(of facts: [Fact]) -> Sentences {
        var out = Sentences()
        for f in facts { note(f, in: &out) }
        return out
    }

    /// Documents with their contexts and sentences, publishers, entities, one at a time to `emit`.
    func head(documents: [Document], entities: [Entity], sentences: Sentences,
              _ emit: (RDFDescription) throws -> Void) rethrows {
        // Entities mentioned per document, in entity order.
        var mentioned = [String: [String]]()
        for e in entities { for d in e.documents { mentioned[d, default: []].append(e.id) } }

        var publishers = [String: RDFDescription]()
        for doc in documents {
            let docSentences = sentences[doc.id] ?? [:]
            try emit(document(doc, mentions: mentioned[doc.id] ?? [], publishers: &publishers))
            // The context spans the whole text; a length the model does not know (0) is widened to the last sentence.
            let length = max(doc.length, docSentences.keys.map(\.end).max() ?? 0)
            guard length > 0 else { continue }
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
                s.literal(nif + "anchorOf", docSentences[key])
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
        case .person: d.type(schema + "Person")
        case .organization: d.type(schema + "Organization")
        case .place:
            d.type(schema + "Place")
            switch e.subtype.lowercased() {
            case "country": d.type(schema + "Country")
            case "city": d.type(schema + "City")
            default: break
            }
        case .date: d.type(kbv + "DateMention")
        }
        d.literal(dcterms + "identifier", e.id)
        let name = Values.display(e.labelAr)
        d.literal(schema + "name", name, language: "ar")
        d.literal(schema + "name", e.labelEn.flatMap(Values.display), language: "en")
        for form in e.surfaceForms.compactMap(Values.display) where form != name {
            d.literal(schema + "alternateName", form, language: "ar")
        }
        if let q = Values.wikidata(e.wikidata) { d.resource(schema + "sameAs", Namespaces.wikidataEntity + q) }
        d.typed(kbv + "mentionCount", nonNegative(e.mentionCount), xsd + "nonNegativeInteger")
        d.literal(kbv + "subtype", Values.display(e.subtype))
        d.typed(kbv + "inGazetteer", e.fromGazetteer ? "true" : "false", xsd + "boolean")
        return d
    }

    func fact(_ f: Fact) -> RDFDescription {
        let run = minter.run(version: toolVersion)
        let p = f.provenance
        var d = RDFDescription(minter.fact(f.id))
        d.type(schema + "Event")
        d.type(sem + "Event")
        d.literal(dcterms + "identifier", f.id)
        d.literal(kbv + "relation", f.type)
        if let code = FactType.cameo(f.type) { d.resource(sem + "eventType", minter.cameo(code)) }
        let subject = minter.entity(f.subject), object = minter.entity(f.object)
        d.resource(kbv + "subject", subject)
        d.resource(kbv + "object", object)
        let roles = EventRoles.properties(relation: f.type, objectType: entities[f.object]?.type ?? .person)
        if let r = roles.subject { d.resource(r, subject) }
        if let r = roles.object { d.resource(r, object) }
        if let place = f.placeID { d.resource(EventRoles.location, minter.entity(place)) }
        if let date = f.date {
            if let dt = XSDDates.datatype(date.value, xsdType: date.xsdType) { d.typed(schema + "startDate", date.value, dt) }
            else { d.literal(schema + "startDate", date.value) }
        }
        d.literal(kbv + "modality", f.modality.rawValue)
        d.literal(kbv + "role", f.role.flatMap(Values.display), language: "ar")
        d.typed(kbv + "confidence", Values.decimal(f.confidence), xsd + "decimal")
        d.literal(kbv + "rule", f.rule)
        d.typed(kbv + "charBegin", nonNegative(p.spanBegin), xsd + "nonNegativeInteger")
        d.typed(kbv + "charEnd", nonNegative(p.spanEnd), xsd + "nonNegativeInteger")
        d.resource(prov + "wasDerivedFrom", minter.span(document: p.documentID, begin: p.sentenceBegin, end: p.sentenceEnd))
        d.resource(prov + "wasGeneratedBy", run)
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

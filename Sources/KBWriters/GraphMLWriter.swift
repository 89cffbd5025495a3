// Portable GraphML for Gephi, networkx and igraph.
// Spec: ../shared/notes/graphml-gexf-gephi.md §1. Profile schema: Schemas/kbexport-graphml.xsd.
//
// Shape: XML declaration at byte 0; <graphml xmlns="http://graphml.graphdrawing.org/xmlns">; every
// <key> first (distinct ids for node and edge keys, ASCII snake_case attr.name, GraphML 1.0 types);
// one <graph id="G" edgedefault="directed">; all <node>s, then all <edge>s (id, source, target always).
// No per-edge `directed`, no <desc>, no <default>, no empty <data>: a missing value is left out.

import KBGraph
import KBXML

public struct GraphMLWriter: StreamingGraphWriter {
    public static let name = "GraphML"
    public static let fileExtension = "graphml"
    public static let mediaType = "application/graphml+xml"
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"
    /// Separator of list values (surface forms, document ids) joined into one string.
    public static let listSeparator = " | "

    /// A `<key>` declaration.
    public struct Key: Sendable, Equatable {
        public enum Domain: String, Sendable { case node, edge }
        public enum ValueType: String, Sendable { case boolean, int, long, float, double, string }
        /// The key id (unique across node and edge keys) used by `<data key=…>`.
        public let id: String
        public let domain: Domain
        /// The column name (`attr.name`) readers show.
        public let name: String
        public let type: ValueType
    }

    /// Node keys, in the order they are declared. `label` is Gephi's node label (a visual property,
    /// not a Data Laboratory column), so the label is also written as the `label_ar`/`label_en` columns;
    /// `type` (PERSON/ORGANIZATION/PLACE/DATE) is the column to colour or partition by.
    public static let nodeKeys: [Key] = [
        Key(id: "label", domain: .node, name: "label", type: .string),
        Key(id: "label_ar", domain: .node, name: "label_ar", type: .string),
        Key(id: "label_en", domain: .node, name: "label_en", type: .string),
        Key(id: "type", domain: .node, name: "type", type: .string),
        Key(id: "subtype", domain: .node, name: "subtype", type: .string),
        Key(id: "wikidata", domain: .node, name: "wikidata", type: .string),
        Key(id: "surface_forms", domain: .node, name: "surface_forms", type: .string),
        Key(id: "mentions", domain: .node, name: "mentions", type: .int),
        Key(id: "documents", domain: .node, name: "documents", type: .string),
        Key(id: "in_gazetteer", domain: .node, name: "in_gazetteer", type: .boolean),
        Key(id: "lat", domain: .node, name: "lat", type: .double),
        Key(id: "lon", domain: .node, name: "lon", type: .double),
        Key(id: "geonames", domain: .node, name: "geonames", type: .string),
    ]

    /// Edge keys. `elabel` (attr.name `label`) is Gephi's edge label and `weight` its layout weight
    /// (= confidence); both are visual properties in Gephi, so `relation` and `confidence` repeat
    /// them as columns. `fact_id` repeats the edge id, which igraph does not keep.
    public static let edgeKeys: [Key] = [
        Key(id: "elabel", domain: .edge, name: "label", type: .string),
        Key(id: "relation", domain: .edge, name: "relation", type: .string),
        Key(id: "date", domain: .edge, name: "date", type: .string),
        Key(id: "weight", domain: .edge, name: "weight", type: .double),
        Key(id: "confidence", domain: .edge, name: "confidence", type: .double),
        Key(id: "modality", domain: .edge, name: "modality", type: .string),
        Key(id: "role", domain: .edge, name: "role", type: .string),
        Key(id: "place", domain: .edge, name: "place", type: .string),
        Key(id: "evidence", domain: .edge, name: "evidence", type: .string),
        Key(id: "document", domain: .edge, name: "document", type: .string),
        Key(id: "char_begin", domain: .edge, name: "char_begin", type: .int),
        Key(id: "char_end", domain: .edge, name: "char_end", type: .int),
        Key(id: "rule", domain: .edge, name: "rule", type: .string),
        Key(id: "fact_id", domain: .edge, name: "fact_id", type: .string),
        Key(id: "date_precision", domain: .edge, name: "date_precision", type: .string),
        Key(id: "reported", domain: .edge, name: "reported", type: .string),
        Key(id: "support", domain: .edge, name: "support", type: .int),
        Key(id: "edocuments", domain: .edge, name: "documents", type: .string),
        Key(id: "all_evidence", domain: .edge, name: "all_evidence", type: .string),
        Key(id: "attributed", domain: .edge, name: "attributed", type: .boolean),
        Key(id: "attributed_to", domain: .edge, name: "attributed_to", type: .string),
    ]

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func streamWriter() -> FactStreamWriter { GraphMLStreamWriter(self) }

    /// Starts a streamed export: the keys and every node are written now, then one edge per fact as it is given,
    /// then `finish()`. The facts must have passed the graph checks (`GraphChecks.check(_:documents:entities:)`).
    /// The entities are written as given (a `GraphView` decides which, when DATE or isolated nodes are left out);
    /// `documents` give the edges their report dates.
    public func startStream(entities: [Entity], documents: [Document] = [], to sink: OutputSink) throws -> GraphMLStream {
        try startStream(entities: entities, published: GraphView.publicationDates(documents), to: sink)
    }

    /// ``startStream(entities:documents:to:)`` given the documents' publication dates (`GraphView.publicationDates`).
    public func startStream(entities: [Entity], published: [String: String], to sink: OutputSink) throws -> GraphMLStream {
        let w = try XMLStreamWriter(sink: sink, indent: options.indent)
        try w.startDocument()
        try w.startElement(prefix: nil, name: "graphml", namespaceURI: Self.namespace)
        for key in Self.nodeKeys + Self.edgeKeys {
            try w.startElement("key")
            try w.attribute("id", key.id)
            try w.attribute("for", key.domain.rawValue)
            try w.attribute("attr.name", key.name)
            try w.attribute("attr.type", key.type.rawValue)
            try w.endElement()
        }
        try w.startElement("graph")
        try w.attribute("id", "G")
        try w.attribute("edgedefault", "directed")
        for entity in entities {
            try w.startElement("node")
            try w.attribute("id", entity.id)
            try Self.writeData(nodeData(entity), to: w)
            try w.endElement()
        }
        return GraphMLStream(writer: self, xml: w, published: published)
    }

    /// The `<data>` values of a node, in key order; absent or blank values are left out.
    func nodeData(_ e: Entity) -> [(key: String, value: String?)] {
        [
            ("label", Values.display(e.label(preferEnglish: options.preferEnglishLabels))),
            ("label_ar", Values.display(e.labelAr)),
            ("label_en", e.labelEn.flatMap(Values.display)),
            ("type", e.type.rawValue),
            ("subtype", Values.display(e.subtype)),
            ("wikidata", Values.wikidata(e.wikidata)),
            ("surface_forms", Self.joined(e.surfaceForms)),
            ("mentions", String(e.mentionCount)),
            ("documents", Self.joined(e.documents)),
            ("in_gazetteer", e.fromGazetteer ? "true" : "false"),
            ("lat", e.coordinates.flatMap { Values.degrees($0.lat) }),
            ("lon", e.coordinates.flatMap { Values.degrees($0.lon) }),
            ("geonames", Values.geonames(e.geonames)),
        ]
    }

    /// The `<data>` values of an edge, in key order; absent or blank values are left out.
    func edgeData(_ f: Fact, published: [String: String] = [:]) -> [(key: String, value: String?)] {
        let confidence = Values.decimal(f.confidence)
        let documents = f.reportingDocuments
        return [
            ("elabel", Values.display(f.type)),
            ("relation", Values.display(f.type)),
            ("date", f.date.flatMap { Values.display($0.value) }),
            ("weight", confidence),
            ("confidence", confidence),
            ("modality", f.modality.rawValue),
            ("role", f.role.flatMap(Values.display)),
            ("place", f.placeID),
            ("evidence", Values.display(f.provenance.sentence)),
            ("document", f.provenance.documentID),
            ("char_begin", String(f.provenance.spanBegin)),
            ("char_end", String(f.provenance.spanEnd)),
            ("rule", Values.display(f.rule)),
            ("fact_id", f.id),
            ("date_precision", f.date?.precision.rawValue),
            ("reported", GraphView.firstReported(documents, published)),
            ("support", String(f.support)),
            ("edocuments", Self.joined(documents)),
            ("all_evidence", Self.allEvidence(f)),
            ("attributed", f.attribution == nil ? nil : "true"),
            ("attributed_to", f.attribution?.source),
        ]
    }

    static func writeData(_ data: [(key: String, value: String?)], to w: XMLStreamWriter) throws {
        for (key, value) in data {
            guard let value else { continue }
            try w.startElement("data")
            try w.attribute("key", key)
            try w.text(value)
            try w.endElement()
        }
    }

    /// The sentences of every report of a merged fact (first report first, each once), joined; nil for a fact with
    /// one sentence (`evidence` has it).
    static func allEvidence(_ f: Fact) -> String? {
        let sentences = f.evidence.map(\.sentence)
        guard Set(sentences).count > 1 else { return nil }
        return joined(sentences)
    }

    /// List values displayed, blanks dropped, duplicates dropped (first kept), joined; nil when empty.
    static func joined(_ values: [String]) -> String? {
        var seen = Set<String>()
        let items = values.compactMap(Values.display).filter { seen.insert($0).inserted }
        return items.isEmpty ? nil : items.joined(separator: listSeparator)
    }
}

/// A streamed GraphML export (see `GraphMLWriter.startStream`): one edge per fact, then `finish()`.
public final class GraphMLStream {
    let writer: GraphMLWriter
    let w: XMLStreamWriter
    let published: [String: String]

    init(writer: GraphMLWriter, xml: XMLStreamWriter, published: [String: String]) {
        self.writer = writer; w = xml; self.published = published
    }

    public func fact(_ fact: Fact) throws {
        try w.startElement("edge")
        try w.attribute("id", fact.id)
        try w.attribute("source", fact.subject)
        try w.attribute("target", fact.object)
        try GraphMLWriter.writeData(writer.edgeData(fact, published: published), to: w)
        try w.endElement()
    }

    public func finish() throws {
        try w.endElement()  // graph
        try w.endElement()  // graphml
        try w.endDocument()
    }
}

/// GraphML behind the streaming interface: the nodes the view draws, then one edge per fact it keeps.
public final class GraphMLStreamWriter: FactStreamWriter {
    let writer: GraphMLWriter
    private var stream: GraphMLStream?
    private var view: GraphView?

    public init(_ writer: GraphMLWriter) { self.writer = writer }

    public var needs: FactPass { writer.options.keepIsolated ? [] : [.participants] }

    public func begin(_ outline: GraphOutline, to sink: OutputSink) throws {
        let view = outline.view(writer.options)
        self.view = view
        stream = try writer.startStream(entities: view.nodes, published: try outline.documents.publicationDates(), to: sink)
    }

    public func fact(_ f: Fact) throws { if view!.keeps(f) { try stream!.fact(f) } }

    public func finish() throws { try stream?.finish() }
}

// GEXF 1.3, Gephi's own format, with a timeline: the schema is ../shared/schemas/gexf/gexf.rng (RELAX NG; the
// official XSD rejects namespaced viz elements), Gephi's reading of it ../shared/notes/graphml-gexf-gephi.md §3.
//
// Shape: <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">, a <meta> with the
// creator (no modification date: the same input gives the same bytes), one <graph defaultedgetype="directed"
// mode="dynamic" timeformat="date" timezone="UTC">, typed <attributes class="node"> and <attributes class="edge">
// (id = title = the GraphML column names), all nodes, then all edges.
// - Nodes: `label`, attribute values, `viz:color` by entity type (r, g, b: networkx cannot read `hex`) and
//   `viz:size` by mentions (its only attribute `value`, as Gephi reads it); `start`/`end` = the span of the dated
//   facts the node takes part in and of the publication dates of the documents that mention it.
// - Edges: one per fact, `kind` = the relation type (Gephi keeps parallel relations of a pair apart by kind),
//   `label` = the relation type, `weight` = confidence, attribute values as in GraphML (support, documents, date,
//   reported, evidence...); `start`/`end` = the fact's date as an interval: a day is that day, a month or a year
//   spans the month or the year. A date without a year and an undated fact give no interval: in a dynamic GEXF an
//   element without time bounds exists over the whole timeline (GEXF 1.3 primer), which is what an undated fact
//   means. Every edge inside a node's span: the node spans are made from the same intervals.
// No `pid`, no `spells` (Gephi ignores start/end when spells are present), no `liststring` (list values are joined
// with " | " as in GraphML), no empty attribute values.

import KBGraph
import KBXML

public struct GEXFWriter: StreamingGraphWriter {
    public static let name = "GEXF"
    public static let fileExtension = "gexf"
    public static let mediaType = "application/gexf+xml"
    public static let namespace = "http://gexf.net/1.3"
    public static let vizNamespace = "http://gexf.net/1.3/viz"

    /// An `<attribute>` declaration.
    public struct Attribute: Sendable, Equatable {
        public let id: String
        public let type: String
    }

    public static let nodeAttributes: [Attribute] = [
        .init(id: "label_ar", type: "string"), .init(id: "label_en", type: "string"), .init(id: "type", type: "string"),
        .init(id: "subtype", type: "string"), .init(id: "wikidata", type: "string"), .init(id: "surface_forms", type: "string"),
        .init(id: "mentions", type: "integer"), .init(id: "documents", type: "string"), .init(id: "in_gazetteer", type: "boolean"),
        // places known to GeoNames: WGS84 degrees (what Gephi's Geo Layout reads) and the GeoNames id
        .init(id: "lat", type: "double"), .init(id: "lon", type: "double"), .init(id: "geonames", type: "string"),
    ]

    public static let edgeAttributes: [Attribute] = [
        .init(id: "relation", type: "string"), .init(id: "date", type: "string"), .init(id: "date_precision", type: "string"),
        .init(id: "reported", type: "string"), .init(id: "confidence", type: "double"), .init(id: "support", type: "integer"),
        .init(id: "modality", type: "string"), .init(id: "role", type: "string"), .init(id: "place", type: "string"),
        .init(id: "evidence", type: "string"), .init(id: "document", type: "string"), .init(id: "documents", type: "string"),
        .init(id: "char_begin", type: "integer"), .init(id: "char_end", type: "integer"), .init(id: "rule", type: "string"),
        .init(id: "fact_id", type: "string"), .init(id: "all_evidence", type: "string"),
        .init(id: "attributed", type: "boolean"), .init(id: "attributed_to", type: "string"),
    ]

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func streamWriter() -> FactStreamWriter { GEXFStreamWriter(self) }

    /// Starts a streamed export: the head, the attribute declarations and every node (with its span from
    /// `timeline`) are written now, then one edge per fact, then `finish()`.
    public func startStream(entities: [Entity], documents: [Document], timeline: GEXFTimeline,
                            to sink: OutputSink) throws -> GEXFStream {
        try startStream(entities: entities, published: GraphView.publicationDates(documents), timeline: timeline, to: sink)
    }

    /// ``startStream(entities:documents:timeline:to:)`` given the documents' publication dates.
    public func startStream(entities: [Entity], published: [String: String], timeline: GEXFTimeline,
                            to sink: OutputSink) throws -> GEXFStream {
        let w = try XMLStreamWriter(sink: sink, indent: options.indent)
        try w.startDocument()
        try w.startElement(prefix: nil, name: "gexf", namespaceURI: Self.namespace)
        try w.namespaceDeclaration(prefix: "viz", uri: Self.vizNamespace)
        try w.attribute("version", "1.3")
        try w.startElement("meta")
        try w.element("creator", text: "kbexport \(options.toolVersion)")
        try w.element("description", text: "Entities and facts extracted from Arabic news articles; dates as intervals (timeformat date).")
        try w.endElement()
        try w.startElement("graph")
        try w.attribute("defaultedgetype", "directed")
        try w.attribute("mode", "dynamic")
        try w.attribute("timeformat", "date")
        try w.attribute("timezone", "UTC")
        for (cls, attributes) in [("node", Self.nodeAttributes), ("edge", Self.edgeAttributes)] {
            try w.startElement("attributes")
            try w.attribute("class", cls)
            for a in attributes {
                try w.startElement("attribute")
                try w.attribute("id", a.id)
                try w.attribute("title", a.id)
                try w.attribute("type", a.type)
                try w.endElement()
            }
            try w.endElement()
        }
        try w.startElement("nodes")
        for e in entities {
            try w.startElement("node")
            try w.attribute("id", e.id)
            try w.attribute("label", Values.display(e.label(preferEnglish: options.preferEnglishLabels)) ?? e.id)
            if let span = timeline.nodes[e.id] {
                try w.attribute("start", span.start)
                try w.attribute("end", span.end)
            }
            try Self.writeValues(nodeValues(e), to: w)
            let c = GEXFPalette.color(e.type)
            try w.startElement("viz:color")
            try w.attribute("r", String(c.r)); try w.attribute("g", String(c.g)); try w.attribute("b", String(c.b))
            try w.endElement()
            try w.startElement("viz:size")
            try w.attribute("value", GEXFPalette.size(mentions: e.mentionCount))
            try w.endElement()
            try w.endElement()
        }
        try w.endElement()  // nodes
        try w.startElement("edges")
        return GEXFStream(writer: self, xml: w, published: published)
    }

    func nodeValues(_ e: Entity) -> [(String, String?)] {
        [
            ("label_ar", Values.display(e.labelAr)), ("label_en", e.labelEn.flatMap(Values.display)), ("type", e.type.rawValue),
            ("subtype", Values.display(e.subtype)), ("wikidata", Values.wikidata(e.wikidata)),
            ("surface_forms", GraphMLWriter.joined(e.surfaceForms)), ("mentions", String(e.mentionCount)),
            ("documents", GraphMLWriter.joined(e.documents)), ("in_gazetteer", e.fromGazetteer ? "true" : "false"),
            ("lat", e.coordinates.flatMap { Values.degrees($0.lat) }), ("lon", e.coordinates.flatMap { Values.degrees($0.lon) }),
            ("geonames", Values.geonames(e.geonames)),
        ]
    }

    func edgeValues(_ f: Fact, published: [String: String]) -> [(String, String?)] {
        let documents = f.reportingDocuments
        return [
            ("relation", Values.display(f.type)), ("date", f.date.flatMap { Values.display($0.value) }),
            ("date_precision", f.date?.precision.rawValue), ("reported", GraphView.firstReported(documents, published)),
            ("confidence", Values.decimal(f.confidence)), ("support", String(f.support)), ("modality", f.modality.rawValue),
            ("role", f.role.flatMap(Values.display)), ("place", f.placeID), ("evidence", Values.display(f.provenance.sentence)),
            ("document", f.provenance.documentID), ("documents", GraphMLWriter.joined(documents)),
            ("char_begin", String(f.provenance.spanBegin)), ("char_end", String(f.provenance.spanEnd)),
            ("rule", Values.display(f.rule)), ("fact_id", f.id), ("all_evidence", GraphMLWriter.allEvidence(f)),
            ("attributed", f.attribution == nil ? nil : "true"), ("attributed_to", f.attribution?.source),
        ]
    }

    static func writeValues(_ values: [(String, String?)], to w: XMLStreamWriter) throws {
        guard values.contains(where: { $0.1 != nil }) else { return }
        try w.startElement("attvalues")
        for (id, value) in values {
            guard let value else { continue }
            try w.startElement("attvalue")
            try w.attribute("for", id)
            try w.attribute("value", value)
            try w.endElement()
        }
        try w.endElement()
    }
}

/// A streamed GEXF export (see `GEXFWriter.startStream`): one edge per fact, then `finish()`.
public final class GEXFStream {
    let writer: GEXFWriter
    let w: XMLStreamWriter
    let published: [String: String]

    init(writer: GEXFWriter, xml: XMLStreamWriter, published: [String: String]) {
        self.writer = writer; w = xml; self.published = published
    }

    public func fact(_ f: Fact) throws {
        try w.startElement("edge")
        try w.attribute("id", f.id)
        try w.attribute("source", f.subject)
        try w.attribute("target", f.object)
        let relation = Values.display(f.type) ?? "OTHER"
        try w.attribute("kind", relation)
        try w.attribute("label", relation)
        if let weight = Values.decimal(f.confidence) { try w.attribute("weight", weight) }
        if let span = f.date.flatMap(GEXFTimeline.interval) {
            try w.attribute("start", span.start)
            try w.attribute("end", span.end)
        }
        try GEXFWriter.writeValues(writer.edgeValues(f, published: published), to: w)
        try w.endElement()
    }

    public func finish() throws {
        try w.endElement()  // edges
        try w.endElement()  // graph
        try w.endElement()  // gexf
        try w.endDocument()
    }
}

/// GEXF behind the streaming interface: the node spans come from the first pass over the facts (every fact above
/// the confidence threshold) and the documents' publication dates.
public final class GEXFStreamWriter: FactStreamWriter {
    let writer: GEXFWriter
    private var stream: GEXFStream?
    private var view: GraphView?

    public init(_ writer: GEXFWriter) { self.writer = writer }

    public var needs: FactPass { writer.options.keepIsolated ? [.timeline] : [.timeline, .participants] }

    public func begin(_ outline: GraphOutline, to sink: OutputSink) throws {
        let view = outline.view(writer.options)
        self.view = view
        var timeline = outline.timeline
        let published = try outline.documents.publicationDates()
        timeline.note(published: published, entities: view.nodes)
        stream = try writer.startStream(entities: view.nodes, published: published, timeline: timeline, to: sink)
    }

    public func fact(_ f: Fact) throws { if view!.keeps(f) { try stream!.fact(f) } }

    public func finish() throws { try stream?.finish() }
}

/// The time spans of a GEXF export: a fact's date as an interval, a node's span over its facts and documents.
public struct GEXFTimeline: Sendable {
    public struct Span: Sendable, Equatable {
        public var start: String, end: String
        public init(start: String, end: String) { self.start = start; self.end = end }
    }

    /// Node spans by entity id (nodes with no dated fact and no dated document have none).
    public private(set) var nodes: [String: Span] = [:]

    public init() {}

    public init(documents: [Document], entities: [Entity], facts: [Fact]) {
        for f in facts { note(f) }
        note(documents: documents, entities: entities)
    }

    /// Widens the spans of the entities by the publication dates of the documents that mention them.
    public mutating func note(documents: [Document], entities: [Entity]) {
        note(published: GraphView.publicationDates(documents), entities: entities)
    }

    /// ``note(documents:entities:)`` given the documents' publication dates.
    public mutating func note(published: [String: String], entities: [Entity]) {
        guard !published.isEmpty else { return }
        for e in entities {
            for d in e.documents { if let p = published[d], let span = Self.interval(isoDate: p) { note(e.id, span) } }
        }
    }

    /// Widens the spans of the fact's participants (and place) by the fact's interval.
    public mutating func note(_ f: Fact) {
        guard let span = f.date.flatMap(Self.interval) else { return }
        note(f.subject, span); note(f.object, span)
        if let p = f.placeID { note(p, span) }
    }

    mutating func note(_ id: String, _ span: Span) {
        if var old = nodes[id] {
            if span.start < old.start { old.start = span.start }
            if span.end > old.end { old.end = span.end }
            nodes[id] = old
        } else {
            nodes[id] = span
        }
    }

    /// A fact date as an interval of days: a day is itself, a month or a year spans the month or the year; nil for
    /// a date without a year and for a value that is not an ISO date.
    public static func interval(_ date: FactDate) -> Span? { interval(isoDate: date.value) }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as an interval of days, nil otherwise.
    public static func interval(isoDate value: String) -> Span? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year > 0,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 1 { return Span(start: "\(parts[0])-01-01", end: "\(parts[0])-12-31") }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let last = daysIn(month: month, year: year)
        if parts.count == 2 { return Span(start: "\(parts[0])-\(parts[1])-01", end: "\(parts[0])-\(parts[1])-\(last)") }
        guard parts[2].count == 2, let day = Int(parts[2]), (1...last).contains(day) else { return nil }
        return Span(start: value, end: value)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Colours and sizes of the nodes (Gephi shows them as they are; Appearance can recolour by `type`).
public enum GEXFPalette {
    /// A colour per entity type (a colour-blind-safe qualitative palette).
    public static func color(_ type: EntityType) -> (r: Int, g: Int, b: Int) {
        switch type {
        case .person: return (0, 114, 178)        // blue
        case .organization: return (230, 159, 0)  // orange
        case .place: return (0, 158, 115)         // green
        case .date: return (204, 121, 167)        // pink
        }
    }

    /// 10 for an entity mentioned once, growing with the square root of the mentions.
    public static func size(mentions: Int) -> String {
        let m = Double(max(0, mentions))
        return Values.decimal(6 + 4 * m.squareRoot(), fractionDigits: 1) ?? "10.0"
    }
}

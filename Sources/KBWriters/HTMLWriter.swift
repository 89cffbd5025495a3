// A self-contained HTML page of the graph: the SVG drawing inline, a legend, and the evidence of every edge
// (sentence, document, relation, date, confidence) shown when the edge is hovered or clicked. Nothing is loaded
// from the network: the CSS and the script are inline (HTMLPageAssets.swift), there are no images or fonts.
//
// Written through libxml2's streaming writer as XHTML-compatible HTML5: `<!DOCTYPE html>` first (no XML
// declaration), every non-void element closed with an end tag, the style and script inside commented CDATA
// sections, so the same bytes parse as HTML and as XML. Without the script, a click on an edge still shows its
// evidence (a link to `#ev-N`, shown by the CSS `:target` rule).

import KBGraph
import KBXML

public struct HTMLWriter: GraphWriter {
    public static let name = "HTML"
    public static let fileExtension = "html"
    public static let mediaType = "text/html"
    public static let namespace = "http://www.w3.org/1999/xhtml"

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        try GraphChecks.check(graph)
        let scene = GraphScene(graph, options: options)
        let w = try XMLStreamWriter(sink: sink, indent: options.indent, xmlDeclaration: false)
        try w.startDocument()
        try w.doctype("html")
        try w.startElement(prefix: nil, name: "html", namespaceURI: Self.namespace)
        try w.attribute("lang", "en")
        try w.attribute("xml:lang", "en")
        try w.startElement("head")
        try void("meta", ["charset": "utf-8"], w)
        try void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"], w)
        try w.element("title", text: "kbexport: knowledge graph")
        try w.startElement("style")
        try Self.embed(HTMLPageAssets.css, comment: ("/*", "*/"), w)
        try w.fullEndElement()
        try w.fullEndElement()  // head
        try w.startElement("body")
        try w.startElement("header")
        try w.element("h1", text: "Knowledge graph")
        let hidden = graph.entities.count - scene.nodes.count
        try w.element("p", text: "\(graph.documents.count) documents · \(scene.nodes.count) entities drawn"
                      + (hidden > 0 ? " (\(hidden) dates or unlinked left out)" : "")
                      + " · \(graph.facts.count) facts · \(scene.edges.count) drawn relations")
        try w.fullEndElement()
        try w.startElement("main")
        try w.startElement("div")
        try w.attribute("id", "graph")
        try SVGDrawing(scene: scene, inPage: true).write(to: w)
        try w.fullEndElement()
        try writePanel(scene, w)
        try w.fullEndElement()  // main
        try w.startElement("script")
        try Self.embed(HTMLPageAssets.script, comment: ("//", ""), w)
        try w.fullEndElement()
        try w.fullEndElement()  // body
        try w.fullEndElement()  // html
        try w.endDocument()
    }

    private func writePanel(_ scene: GraphScene, _ w: XMLStreamWriter) throws {
        try w.startElement("aside")
        try w.attribute("id", "panel")
        try w.startElement("section")
        try w.attribute("id", "legend")
        try w.element("h2", text: "Legend")
        try w.startElement("ul")
        for (type, count) in scene.legend {
            try w.startElement("li")
            try w.startElement("span")
            try w.attribute("class", "swatch")
            try w.attribute("style", "background:\(GraphScene.colours[type] ?? "#999999")")
            try w.fullEndElement()
            try w.text("\(type.rawValue) (\(count))")
            try w.fullEndElement()
        }
        try w.fullEndElement()
        try w.element("p", text: "Circle area grows with the mentions; an arrow goes from subject to object and is "
                      + "labelled with the relation (×N: N reports); dashed: planned or negated. Hover or click an "
                      + "edge for its evidence, click a node for its relations; scroll to zoom, drag to move, "
                      + "double-click to reset.")
        try w.fullEndElement()
        try w.startElement("section")
        try w.attribute("id", "details")
        try w.element("h2", text: "Evidence")
        try w.startElement("p")
        try w.attribute("id", "hint")
        try w.text("Hover or click an edge to see the sentences it was read from.")
        try w.fullEndElement()
        for edge in scene.edges { try writeEvidence(edge, scene, w) }
        try w.fullEndElement()
        try w.fullEndElement()  // aside
    }

    /// The evidence block of one edge: its ends and relation, then one item per fact.
    private func writeEvidence(_ edge: GraphScene.EdgeItem, _ scene: GraphScene, _ w: XMLStreamWriter) throws {
        try w.startElement("div")
        try w.attribute("class", "ev")
        try w.attribute("id", "ev-\(edge.number)")
        try w.attribute("data-edge", "e\(edge.number)")
        try w.startElement("h3")
        try name(scene.nodes[edge.source], w)
        try w.text(" → \(edge.type) → ")
        try name(scene.nodes[edge.target], w)
        try w.fullEndElement()
        try w.startElement("ol")
        for f in edge.facts {
          for r in f.reports {   // an event stated by several reports: each one's sentence
            try w.startElement("li")
            let sentence = Values.display(r.sentence) ?? ""
            try w.startElement("blockquote")
            if GraphScene.isRightToLeft(sentence) {
                try w.attribute("lang", "ar"); try w.attribute("xml:lang", "ar"); try w.attribute("dir", "rtl")
            }
            try w.text(sentence)
            try w.fullEndElement()
            try w.startElement("dl")
            try field("document", documentText(r.documentID, scene), w)
            try field("relation", f.type + (f.modality == .asserted ? "" : " (\(f.modality.rawValue))"), w)
            // a report that attributes the fact to a source (reported speech, «بحسب …»)
            if let a = r.attribution { try field("reported by", a.source ?? "a source not named", w) }
            try field("date", (r.date ?? f.date)?.value ?? "not stated", w)
            if let published = scene.document(r.documentID)?.published {
                try field("published", published, w)
            }
            try field("confidence", Values.decimal(r.confidence) ?? "?", w)
            if let role = f.role.flatMap(Values.display) { try field("role", role, w) }
            try field("rule", r.rule, w)
            try w.fullEndElement()  // dl
            try w.fullEndElement()  // li
          }
        }
        try w.fullEndElement()  // ol
        try w.fullEndElement()  // div
    }

    private func name(_ node: GraphScene.NodeItem, _ w: XMLStreamWriter) throws {
        try w.startElement("bdi")
        if node.rtl { try w.attribute("lang", "ar"); try w.attribute("xml:lang", "ar"); try w.attribute("dir", "rtl") }
        try w.text(node.fullLabel)
        try w.fullEndElement()
    }

    private func field(_ term: String, _ value: String, _ w: XMLStreamWriter) throws {
        try w.element("dt", text: term)
        try w.startElement("dd")
        if GraphScene.isRightToLeft(value) { try w.attribute("dir", "auto") }
        try w.text(value)
        try w.fullEndElement()
    }

    /// The document id, with its title, outlet and path when known.
    private func documentText(_ id: String, _ scene: GraphScene) -> String {
        guard let d = scene.document(id) else { return id }
        let extra = [d.title, d.outlet, d.path].compactMap { $0.flatMap(Values.display) }
        return extra.isEmpty ? id : id + " (" + extra.joined(separator: "; ") + ")"
    }

    private func void(_ name: String, _ attributes: KeyValuePairs<String, String>, _ w: XMLStreamWriter) throws {
        try w.startElement(name)
        for (k, v) in attributes { try w.attribute(k, v) }
        try w.endElement()
    }

    /// Writes CSS or a script so that both parsers read the same code: an XML parser sees a CDATA section, an
    /// HTML parser (where style and script are raw text) sees the CDATA markers inside comments.
    /// - Throws: `WriterError.unsupportedConversion` for code an HTML parser would end early (`</`, `<!--`).
    static func embed(_ code: String, comment: (open: String, close: String), _ w: XMLStreamWriter) throws {
        guard !code.contains("</"), !code.contains("<!--") else {
            throw WriterError.unsupportedConversion("inline code contains '</' or '<!--', which ends it early in HTML")
        }
        try w.text("\n" + comment.open)
        try w.cdata(comment.close + "\n" + code + "\n" + comment.open)
        try w.text(comment.close + "\n")
    }
}

// A picture of the graph as SVG 1.1, through libxml2's streaming writer: the force-directed layout of
// GraphLayout.swift, circles coloured by entity type (legend at the top) with an area that grows with the
// mentions, Arabic labels right to left, one curved arrow per relation of a pair labelled with its type (dashed
// when only planned or negated), and a tooltip (<title>) on every node and edge with its evidence.
// The HTML page (HTMLWriter.swift) embeds the same drawing.

import KBGraph
import KBXML

public struct SVGWriter: GraphWriter {
    public static let name = "SVG"
    public static let fileExtension = "svg"
    public static let mediaType = "image/svg+xml"
    public static let namespace = "http://www.w3.org/2000/svg"

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        try GraphChecks.check(graph)
        let scene = GraphScene(graph, options: options)
        let w = try XMLStreamWriter(sink: sink, indent: options.indent)
        try w.startDocument()
        try SVGDrawing(scene: scene, inPage: false).write(to: w)
        try w.endDocument()
    }
}

/// Writes the `<svg>` element of a scene. In a page (`inPage`), each edge is also a link to its evidence
/// (`#ev-N`) and the size follows the page's CSS.
struct SVGDrawing {
    let scene: GraphScene
    let inPage: Bool

    static let style = """
        .edge path { fill: none; stroke: #8b929c; stroke-width: 1.4; }
        .edge.tentative path { stroke-dasharray: 5 4; }
        .edge text, .legend text, .caption { font-size: 10px; fill: #4a4f57; }
        .halo { paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
        .node circle { stroke: #ffffff; stroke-width: 1.5; }
        .node text { fill: #1d2329; }
        """

    func write(to w: XMLStreamWriter) throws {
        try w.startElement(prefix: nil, name: "svg", namespaceURI: SVGWriter.namespace)
        try w.attribute("version", "1.1")
        try w.attribute("width", n(scene.width))
        try w.attribute("height", n(scene.height))
        try w.attribute("viewBox", "0 0 \(n(scene.width)) \(n(scene.height))")
        try w.attribute("font-family", GraphScene.fontFamily)
        try w.attribute("class", "kb-graph")
        if !inPage { try w.attribute("role", "img") }  // in the page its links stay reachable
        try w.element("title", text: "Knowledge graph: \(scene.nodes.count) entities, \(scene.edges.count) relations")
        try w.startElement("style")
        try w.text(Self.style)
        try w.endElement()
        try w.startElement("defs")
        try w.startElement("marker")
        for (k, v) in [("id", "kb-arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"),
                       ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto"), ("markerUnits", "userSpaceOnUse")] {
            try w.attribute(k, v)
        }
        try w.startElement("path")
        try w.attribute("d", "M 0 0 L 10 5 L 0 10 z")
        try w.attribute("fill", "#8b929c")
        try w.endElement()
        try w.endElement()  // marker
        try w.endElement()  // defs
        try w.startElement("rect")
        try w.attribute("width", n(scene.width))
        try w.attribute("height", n(scene.height))
        try w.attribute("fill", "#ffffff")
        try w.endElement()
        try writeLegend(w)
        try w.startElement("g")
        try w.attribute("class", "viewport")
        try w.startElement("g")
        try w.attribute("class", "edges")
        for edge in scene.edges { try writeEdge(edge, w) }
        try w.endElement()
        try w.startElement("g")
        try w.attribute("class", "nodes")
        for node in scene.nodes { try writeNode(node, w) }
        try w.endElement()
        if let top = scene.isolatedTop {
            try w.startElement("line")
            for (k, v) in [("x1", n(24)), ("y1", n(top)), ("x2", n(scene.width - 24)), ("y2", n(top)),
                           ("stroke", "#d8dce1"), ("stroke-dasharray", "4 4")] { try w.attribute(k, v) }
            try w.endElement()
            try label("No relation found (\(scene.isolatedCount))", x: scene.width - 24, y: top - 6, anchor: "end",
                      rtl: false, style: "halo caption", w)
        }
        try w.endElement()  // viewport
        try w.endElement()  // svg
    }

    private func writeLegend(_ w: XMLStreamWriter) throws {
        try w.startElement("g")
        try w.attribute("class", "legend")
        var x = 16.0
        let y = GraphScene.legendHeight / 2
        for (type, count) in scene.legend {
            try w.startElement("circle")
            try w.attribute("cx", n(x + 6)); try w.attribute("cy", n(y)); try w.attribute("r", "6")
            try w.attribute("fill", GraphScene.colours[type] ?? "#999999")
            try w.endElement()
            let text = "\(type.rawValue) (\(count))"
            try label(text, x: x + 16, y: y + 4, anchor: "start", rtl: false, w)
            x += 16 + GraphScene.textWidth(text, fontSize: 10) + 18
        }
        try label("circle area: mentions · arrow: subject → object · dashed: planned or negated",
                  x: x + 8, y: y + 4, anchor: "start", rtl: false, w)
        try w.endElement()
    }

    private func writeEdge(_ edge: GraphScene.EdgeItem, _ w: XMLStreamWriter) throws {
        if inPage {
            try w.startElement("a")
            try w.attribute("href", "#ev-\(edge.number)")
        }
        try w.startElement("g")
        try w.attribute("id", "e\(edge.number)")
        try w.attribute("class", edge.tentative ? "edge tentative" : "edge")
        try w.attribute("data-source", scene.nodes[edge.source].entity.id)
        try w.attribute("data-target", scene.nodes[edge.target].entity.id)
        try w.element("title", text: tooltip(edge))
        try w.startElement("path")
        try w.attribute("d", edge.path)
        try w.attribute("stroke-width", n(min(1.4 + Double(edge.facts.count - 1) * 0.8, 5)))
        try w.attribute("marker-end", "url(#kb-arrow)")
        try w.endElement()
        if edge.showLabel { try label(edge.label, x: edge.labelX, y: edge.labelY + 3.5, anchor: "middle", rtl: false, w) }
        try w.endElement()
        if inPage { try w.endElement() }
    }

    private func writeNode(_ node: GraphScene.NodeItem, _ w: XMLStreamWriter) throws {
        try w.startElement("g")
        try w.attribute("class", "node")
        try w.attribute("data-id", node.entity.id)
        try w.attribute("data-type", node.entity.type.rawValue)
        let docs = node.entity.documents.count
        try w.element("title", text: "\(node.fullLabel) — \(node.entity.type.rawValue), \(node.entity.mentionCount) mention"
                      + "\(node.entity.mentionCount == 1 ? "" : "s") in \(docs) document\(docs == 1 ? "" : "s")")
        try w.startElement("circle")
        try w.attribute("cx", n(node.x))
        try w.attribute("cy", n(node.y))
        try w.attribute("r", n(node.radius))
        try w.attribute("fill", GraphScene.colours[node.entity.type] ?? "#999999")
        try w.endElement()
        if let at = node.labelAt {
            try w.startElement("text")
            try w.attribute("x", n(at.x))
            try w.attribute("y", n(at.y))
            try w.attribute("font-size", n(node.fontSize))
            try w.attribute("text-anchor", at.anchor)
            try w.attribute("direction", node.rtl ? "rtl" : "ltr")
            try w.attribute("unicode-bidi", "embed")
            if node.rtl { try w.attribute("xml:lang", "ar") }
            try w.attribute("class", "halo")
            try w.text(node.label)
            try w.endElement()
        }
        try w.endElement()
    }

    private func label(_ text: String, x: Double, y: Double, anchor: String, rtl: Bool, style: String = "halo",
                       _ w: XMLStreamWriter) throws {
        try w.startElement("text")
        try w.attribute("x", n(x))
        try w.attribute("y", n(y))
        try w.attribute("text-anchor", anchor)
        try w.attribute("direction", rtl ? "rtl" : "ltr")
        try w.attribute("class", style)
        try w.text(text)
        try w.endElement()
    }

    /// The tooltip of an edge: who, what, whom, then each fact's evidence (sentence, document, date, confidence).
    func tooltip(_ edge: GraphScene.EdgeItem) -> String {
        let s = scene.nodes[edge.source].fullLabel, o = scene.nodes[edge.target].fullLabel
        var lines = ["\(s) → \(edge.type) → \(o)"]
        for f in edge.facts {
            for r in f.reports {   // an event stated by several reports: each one's sentence
                var meta = [r.documentID]
                if let d = (r.date ?? f.date)?.value { meta.append(d) }
                meta.append("confidence " + (Values.decimal(r.confidence) ?? "?"))
                if f.modality != .asserted { meta.append(f.modality.rawValue) }
                if let a = r.attribution { meta.append("reported" + (a.source.map { " by " + $0 } ?? "")) }
                let sentence = Values.display(r.sentence) ?? ""
                lines.append("• " + Self.clip(sentence, 300) + " [" + meta.joined(separator: ", ") + "]")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func clip(_ s: String, _ limit: Int) -> String {
        s.count > limit ? Values.trim(String(s.prefix(limit - 1))) + "…" : s
    }
}

// The SVG picture and the HTML page: well-formed, read back with libxml2 (KBXML's XMLReader), nodes coloured by
// type and sized by mentions, Arabic labels right to left and truncated, one edge per relation of a pair with its
// evidence; the page loads nothing from anywhere, parses as HTML as well as XML, and carries every edge's evidence.

import Foundation
import KBGraph
import KBWriters
import KBXML
import XCTest

/// An element read back with libxml2 through KBXML's pull reader.
final class Tree {
    let name: String
    var namespace: String?
    var attributes: [String: String] = [:]
    var children: [Tree] = []
    var text = ""

    init(_ name: String) { self.name = name }

    subscript(_ a: String) -> String? { attributes[a] }
    /// Every descendant (depth first) named `name`.
    func all(_ name: String) -> [Tree] { children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) } }
    /// Every descendant whose class list contains `cls`.
    func classed(_ cls: String) -> [Tree] {
        children.flatMap { (($0["class"] ?? "").split(separator: " ").contains(Substring(cls)) ? [$0] : []) + $0.classed(cls) }
    }
    /// All text below this element.
    var allText: String { text + children.map(\.allText).joined() }

    static func read(_ bytes: [UInt8]) throws -> Tree {
        let reader = try XMLReader(bytes: bytes, name: "picture")
        var stack: [Tree] = [], root: Tree?
        while let node = try reader.next() {
            switch node.kind {
            case .startElement:
                let t = Tree(node.qualifiedName)
                t.namespace = node.namespaceURI
                for a in node.attributes { t.attributes[a.qualifiedName] = a.value }
                if let parent = stack.last { parent.children.append(t) } else { root = t }
                stack.append(t)
            case .endElement: stack.removeLast()
            case .text: stack.last?.text += node.text
            }
        }
        return try XCTUnwrap(root)
    }
}

final class PictureWriterTests: XCTestCase {
    let colours = ["PERSON": "#4e79a7", "ORGANIZATION": "#f28e2b", "PLACE": "#59a14f", "DATE": "#b07aa1"]

    /// The fixture plus a second VISIT of the same pair (one edge ×2) and an entity with a very long name.
    func graph() -> KnowledgeGraph {
        var g = Fixture.graph()
        var again = g.facts.first { $0.id == "f-0001" }!
        again.id = "f-0005"; again.modality = .asserted; again.date = nil; again.confidence = 0.5
        again.provenance = Provenance(documentID: "doc-b", sentenceBegin: 0, sentenceEnd: 9, sentence: "زار حفتر نيامي.",
                                      spanBegin: 0, spanEnd: 9)
        g.facts.append(again)
        g.entities.append(Entity(id: "org-long", type: .organization,
                                 labelAr: "المجلس الأعلى للتنسيق بين الهيئات الإقليمية والدولية للتنمية", mentionCount: 1))
        g.canonicalize()
        return g
    }

    func svg(_ options: ExportOptions = ExportOptions()) throws -> [UInt8] { try Fixture.write(.svg, graph(), options: options) }
    func html(_ options: ExportOptions = ExportOptions()) throws -> [UInt8] { try Fixture.write(.html, graph(), options: options) }

    // MARK: - SVG

    func testSVGIsWellFormedAndDeterministic() throws {
        let bytes = try svg()
        XCTAssertEqual(XMLDocumentCheck.wellFormedErrors(bytes: bytes, name: "fixture.svg"), [])
        XCTAssertEqual(bytes, try svg())
        XCTAssertTrue(bytes.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg".utf8)))
        XCTAssertEqual(XMLDocumentCheck.wellFormedErrors(bytes: try Fixture.write(.svg, KnowledgeGraph()), name: "empty.svg"), [])
        XCTAssertEqual(XMLDocumentCheck.wellFormedErrors(bytes: try svg(ExportOptions(indent: false)), name: "compact.svg"), [])
        XCTAssertEqual(OutputFormat.svg.fileExtension, "svg")
        XCTAssertEqual(OutputFormat.html.mediaType, "text/html")
    }

    func testSVGNodesAreColouredByTypeAndSizedByMentions() throws {
        let g = graph()
        let root = try Tree.read(try svg())
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.namespace, "http://www.w3.org/2000/svg")
        let family = try XCTUnwrap(root["font-family"])
        XCTAssertTrue(family.contains("Noto Sans Arabic") && family.contains("DejaVu Sans"), family)
        let width = try XCTUnwrap(Double(root["width"] ?? "")), height = try XCTUnwrap(Double(root["height"] ?? ""))
        XCTAssertEqual(root["viewBox"], "0 0 \(root["width"]!) \(root["height"]!)")
        let nodes = root.classed("node")
        XCTAssertEqual(nodes.compactMap { $0["data-id"] }, g.entities.map(\.id))
        var radius: [String: Double] = [:]
        for (node, entity) in zip(nodes, g.entities) {
            let circle = try XCTUnwrap(node.all("circle").first)
            XCTAssertEqual(circle["fill"], colours[entity.type.rawValue], entity.id)
            let cx = try XCTUnwrap(Double(circle["cx"] ?? "")), cy = try XCTUnwrap(Double(circle["cy"] ?? ""))
            let r = try XCTUnwrap(Double(circle["r"] ?? ""))
            XCTAssertTrue(cx - r >= 0 && cx + r <= width && cy - r >= 0 && cy + r <= height, "\(entity.id) off the canvas")
            radius[entity.id] = r
            XCTAssertTrue(node.all("title").first?.text.contains(entity.type.rawValue) == true)
        }
        // 3 mentions > 2 mentions > 1 mention > 0 mentions.
        XCTAssertGreaterThan(radius["per-khalifa-haftar"]!, radius["per-issoufou"]!)
        XCTAssertGreaterThan(radius["per-issoufou"]!, radius["plc-niamey"]!)
        XCTAssertGreaterThan(radius["plc-niamey"]!, radius["org-un"]!)
        // The legend names every type present, with its count.
        let legend = root.classed("legend").first?.allText ?? ""
        for needle in ["PERSON (2)", "ORGANIZATION (3)", "PLACE (2)", "DATE (1)"] { XCTAssertTrue(legend.contains(needle), needle) }
    }

    func testSVGLabelsAreRightToLeftAndTruncated() throws {
        let root = try Tree.read(try svg())
        let labels = root.classed("node").compactMap { node in node.all("text").first.map { (node["data-id"]!, $0) } }
        XCTAssertFalse(labels.isEmpty)
        for (id, text) in labels {
            XCTAssertLessThanOrEqual(text.text.count, 22, id)
            XCTAssertEqual(text["unicode-bidi"], "embed")
            // Every fixture label begins (after any bidi mark) with an Arabic letter or a digit.
            XCTAssertEqual(text["direction"], "rtl", id)
            XCTAssertEqual(text["xml:lang"], "ar", id)
        }
        let haftar = try XCTUnwrap(labels.first { $0.0 == "per-khalifa-haftar" }?.1)
        XCTAssertEqual(haftar.text, "خليفة حفتر")
        let long = root.classed("node").first { $0["data-id"] == "org-long" }!
        XCTAssertTrue(long.all("title").first!.text.hasPrefix("المجلس الأعلى للتنسيق بين الهيئات الإقليمية والدولية للتنمية"))
        if let text = long.all("text").first?.text {
            XCTAssertTrue(text.hasSuffix("…"), text)
            XCTAssertEqual(text.count, 22)
        }
        // English labels are left to right.
        let english = try Tree.read(try svg(ExportOptions(preferEnglishLabels: true)))
        let niamey = english.classed("node").first { $0["data-id"] == "plc-niamey" }!
        if let text = niamey.all("text").first {
            XCTAssertEqual(text.text, "Niamey")
            XCTAssertEqual(text["direction"], "ltr")
        }
    }

    func testSVGEdgesAreOnePerRelationOfAPairWithTheirEvidence() throws {
        let root = try Tree.read(try svg())
        let edges = root.classed("edge")
        XCTAssertEqual(edges.count, 4, "f-0001 and f-0005 are one edge")
        let visit = try XCTUnwrap(edges.first { $0["data-source"] == "per-khalifa-haftar" && $0["data-target"] == "plc-niamey" })
        XCTAssertEqual(visit.all("text").first?.text, "VISIT ×2")
        let title = try XCTUnwrap(visit.all("title").first?.text)
        XCTAssertTrue(title.contains(Fixture.sentenceA) && title.contains("زار حفتر نيامي."), title)
        XCTAssertTrue(title.contains("2018-08-07") && title.contains("confidence 0.855") && title.contains("doc-b"), title)
        XCTAssertEqual(visit["class"], "edge", "one of its facts is asserted")
        let path = try XCTUnwrap(visit.all("path").first)
        XCTAssertEqual(path["marker-end"], "url(#kb-arrow)")
        XCTAssertTrue(path["d"]?.hasPrefix("M ") == true)
        XCTAssertEqual(root.all("marker").first?["id"], "kb-arrow")
        // Only planned or negated facts: dashed.
        let tentative = try Tree.read(try Fixture.write(.svg)).classed("edge").first { $0["data-target"] == "plc-niamey" }
        XCTAssertEqual(tentative?["class"], "edge tentative")
        // The standalone picture links nowhere.
        XCTAssertTrue(root.all("a").isEmpty)
    }

    // MARK: - HTML

    func testHTMLIsAnHTML5PageThatIsAlsoWellFormedXML() throws {
        let bytes = try html()
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("<!DOCTYPE html>\n<html "), String(text.prefix(80)))
        XCTAssertFalse(text.contains("<?xml"))
        XCTAssertEqual(XMLDocumentCheck.wellFormedErrors(bytes: bytes, name: "fixture.html"), [])
        XCTAssertEqual(bytes, try html())
        // Outside the inline SVG (where XML rules hold in HTML too), only void elements may be self-closed.
        let outside = text.components(separatedBy: "<svg")[0] + (text.components(separatedBy: "</svg>").last ?? "")
        let selfClosed = try NSRegularExpression(pattern: "<([A-Za-z0-9]+)[^<>]*/>")
        for m in selfClosed.matches(in: outside, range: NSRange(outside.startIndex..., in: outside)) {
            let name = (outside as NSString).substring(with: m.range(at: 1))
            XCTAssertTrue(["meta", "br", "hr", "img", "input", "link"].contains(name), "<\(name)/> opens an element in HTML")
        }
        // Style and script: commented CDATA, nothing that ends them early in an HTML parser.
        XCTAssertTrue(text.contains("<style>\n/*<![CDATA[*/\n") && text.contains("\n/*]]>*/\n</style>"))
        XCTAssertTrue(text.contains("<script>\n//<![CDATA[\n") && text.contains("\n//]]>\n</script>"))
        let root = try Tree.read(Array(bytes.drop { $0 != 0x0A }.dropFirst()))  // without the doctype line
        XCTAssertEqual(root.name, "html")
        XCTAssertEqual(root.namespace, "http://www.w3.org/1999/xhtml")
        XCTAssertEqual(root.all("svg").first?.namespace, "http://www.w3.org/2000/svg")
        for code in root.all("script").map(\.text) + root.all("style").map(\.text) {
            XCTAssertFalse(code.contains("</") || code.contains("<!--"))
        }
        XCTAssertTrue(root.all("script").first?.text.contains("data-kb-ready") == true)
    }

    func testHTMLLoadsNothing() throws {
        let root = try Tree.read(Array(try html().drop { $0 != 0x0A }.dropFirst()))
        for name in ["link", "img", "iframe", "object", "embed", "image", "use", "audio", "video", "source", "base"] {
            XCTAssertTrue(root.all(name).isEmpty, "<\(name)>")
        }
        func check(_ t: Tree) {
            for (name, value) in t.attributes where !name.hasPrefix("xmlns") {
                XCTAssertNotEqual(name, "src", "\(t.name) has src")
                if name == "href" || name == "xlink:href" { XCTAssertTrue(value.hasPrefix("#"), "\(t.name) \(name)=\(value)") }
                XCTAssertFalse(value.contains("url(") && !value.hasPrefix("url(#"), "\(t.name) \(name)=\(value)")
                XCTAssertFalse(value.contains("://"), "\(t.name) \(name)=\(value)")
            }
            t.children.forEach(check)
        }
        check(root)
        for code in root.all("style").map(\.text) + root.all("script").map(\.text) {
            for needle in ["url(", "@import", "://", "fetch(", "XMLHttpRequest", "import(", "WebSocket", "EventSource", ".src"] {
                XCTAssertFalse(code.contains(needle), needle)
            }
        }
    }

    func testHTMLCarriesEveryEdgesEvidenceWithLanguageAndDirection() throws {
        let root = try Tree.read(Array(try html().drop { $0 != 0x0A }.dropFirst()))
        XCTAssertEqual(root["lang"], "en")
        let svgEdges = root.classed("edge")
        let evidence = root.classed("ev")
        XCTAssertEqual(evidence.count, svgEdges.count)
        XCTAssertEqual(svgEdges.count, 4)
        // Every drawn edge links to its evidence block.
        let links = root.all("a").compactMap { $0["href"] }
        XCTAssertEqual(links, evidence.map { "#" + $0["id"]! })
        let visit = try XCTUnwrap(evidence.first { $0.allText.contains("VISIT") && $0.allText.contains(Fixture.sentenceA) })
        let quotes = visit.all("blockquote")
        XCTAssertEqual(quotes.count, 2)
        for q in quotes {
            XCTAssertEqual(q["lang"], "ar"); XCTAssertEqual(q["dir"], "rtl")
        }
        let terms = visit.all("dt").map(\.text)
        for term in ["document", "relation", "date", "confidence", "rule"] { XCTAssertTrue(terms.contains(term), term) }
        let values = visit.all("dd").map(\.text)
        XCTAssertTrue(values.contains("2018-08-07") && values.contains("0.855") && values.contains("VISIT (planned)"), "\(values)")
        XCTAssertTrue(values.contains { $0.hasPrefix("doc-a (حفتر في نيامي; الجزيرة; corpus/a.txt)") }, "\(values)")
        XCTAssertTrue(values.contains("not stated"), "f-0005 has no date")
        // The ends are isolated (bdi) and marked as Arabic.
        let names = visit.all("bdi")
        XCTAssertEqual(names.map(\.text), ["خليفة حفتر", "نيامي"])
        XCTAssertTrue(names.allSatisfy { $0["dir"] == "rtl" && $0["lang"] == "ar" })
        // The legend lists the types.
        XCTAssertTrue(root.all("aside").first?.allText.contains("PERSON (2)") == true)
    }

    func testPicturesRefuseDanglingFacts() throws {
        var g = graph()
        g.facts[0].object = "nobody"
        XCTAssertThrowsError(try Fixture.write(.svg, g))
        XCTAssertThrowsError(try Fixture.write(.html, g))
    }
}

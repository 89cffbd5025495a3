// Arbitrary RDF as GraphML, for Gephi, networkx and igraph. The mapping (docs/rdf-to-graphml.md):
//
// - nodes: every IRI or blank node that is a subject, or the object of a property other than rdf:type,
//   in order of first appearance; ids n1, n2... (GraphML ids are NMTOKENs, which IRIs are not). Node data:
//   `label`, `iri` (the IRI, or `_:label` for a blank node), `kind` (iri / blank), `type` (the rdf:type
//   objects as QNames, joined with " | "), then one string column per literal-valued predicate.
// - `label`: from rdfs:label and schema:name, preferring @ar, then @en, then a literal without language,
//   then any other (with preferEnglishLabels: @en first); else the node's QName or IRI.
// - literal columns: one <key> per predicate, in order of first use; attr.name is the predicate QName with
//   ':' and other non-name characters as '_' (e.g. schema_name, kbv_confidence; the local name alone for a
//   namespace kbexport does not know), made unique with _2, _3...; values of one
//   node are joined with " | " in triple order, duplicates dropped, language tags and datatypes left out.
// - edges: one per triple whose object is an IRI or blank node, except rdf:type; ids e1, e2...; data
//   `label` and `relation` = the predicate as a QName in a namespace kbexport knows (rdf, rdfs, xsd, schema,
//   prov, nif, sem, skos, dcterms, kbv, owl; e.g. schema:attendee), else the full IRI; `predicate` = the IRI.
// - characters XML 1.0 cannot carry are removed from values (KBXML.XMLStreamWriter), as in every
//   GraphML kbexport writes; all columns are strings.

import KBWriters
import KBXML

public struct RDFGraphMLWriter {
    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    struct Key { let id: String; let domain: String; let name: String }

    static let rdfType = Namespaces.rdf + "type"
    static let labelPredicates = [Namespaces.rdfs + "label", Namespaces.schema + "name"]

    public func write(_ triples: [RDFTriple], to sink: OutputSink) throws {
        let vocabulary = try IRIMinter(base: options.base).vocabulary
        var splitter = Namespaces.splitter(vocabulary: vocabulary)
        let known = Set(Namespaces.splitter(vocabulary: vocabulary).bindings.map(\.prefix))
        /// The QName in a known namespace (schema:name), else nil; and the local name of any split.
        func split(_ iri: String) -> (qname: String?, local: String?) {
            guard let q = try? splitter.split(iri) else { return (nil, nil) }
            return (known.contains(q.prefix) ? q.qualified : nil, q.localName)
        }
        func short(_ iri: String) -> String { split(iri).qname ?? iri }
        func column(_ iri: String) -> String {
            let (qname, local) = split(iri)
            return Self.columnName(qname ?? local ?? iri)
        }
        func show(_ term: RDFTerm) -> String {
            switch term {
            case let .iri(iri): return iri
            case let .blank(label): return "_:" + label
            case let .literal(l): return l.lexical
            }
        }

        // Nodes, in order of first appearance.
        var nodeIndex = [RDFTerm: Int]()
        var nodes = [RDFTerm]()
        func node(_ t: RDFTerm) {
            if nodeIndex[t] == nil { nodeIndex[t] = nodes.count; nodes.append(t) }
        }
        var seen = Set<RDFTriple>()
        let unique = triples.filter { seen.insert($0).inserted }
        for t in unique {
            node(t.subject)
            if !t.object.isLiteral && t.predicate != Self.rdfType { node(t.object) }
        }

        // Literal columns, per predicate in order of first use; values per node.
        var columns = [String: Key]()
        var columnOrder = [String]()
        var usedNames: Set<String> = ["label", "iri", "kind", "type"]
        var values = [Int: [String: [String]]]()  // node -> key id -> values
        var types = [Int: [String]]()
        var labels = [Int: [RDFLiteral]]()
        var edges = [(source: Int, target: Int, predicate: String)]()
        for t in unique {
            let s = nodeIndex[t.subject]!
            switch t.object {
            case let .literal(l):
                if Self.labelPredicates.contains(t.predicate) { labels[s, default: []].append(l) }
                if columns[t.predicate] == nil {
                    var name = column(t.predicate)
                    if usedNames.contains(name) {
                        var n = 2
                        while usedNames.contains("\(name)_\(n)") { n += 1 }
                        name = "\(name)_\(n)"
                    }
                    usedNames.insert(name)
                    columns[t.predicate] = Key(id: "p\(columnOrder.count + 1)", domain: "node", name: name)
                    columnOrder.append(t.predicate)
                }
                let id = columns[t.predicate]!.id
                if !(values[s]?[id]?.contains(l.lexical) ?? false) { values[s, default: [:]][id, default: []].append(l.lexical) }
            default:
                if t.predicate == Self.rdfType {
                    let name: String
                    if case let .iri(iri) = t.object { name = short(iri) } else { name = show(t.object) }
                    if !(types[s]?.contains(name) ?? false) { types[s, default: []].append(name) }
                } else {
                    edges.append((s, nodeIndex[t.object]!, t.predicate))
                }
            }
        }

        let nodeKeys = [Key(id: "label", domain: "node", name: "label"), Key(id: "iri", domain: "node", name: "iri"),
                        Key(id: "kind", domain: "node", name: "kind"), Key(id: "type", domain: "node", name: "type")]
            + columnOrder.map { columns[$0]! }
        let edgeKeys = [Key(id: "elabel", domain: "edge", name: "label"), Key(id: "relation", domain: "edge", name: "relation"),
                        Key(id: "predicate", domain: "edge", name: "predicate")]

        let w = try XMLStreamWriter(sink: sink, indent: options.indent)
        try w.startDocument()
        try w.startElement(prefix: nil, name: "graphml", namespaceURI: GraphMLWriter.namespace)
        for key in nodeKeys + edgeKeys {
            try w.startElement("key")
            try w.attribute("id", key.id)
            try w.attribute("for", key.domain)
            try w.attribute("attr.name", key.name)
            try w.attribute("attr.type", "string")
            try w.endElement()
        }
        try w.startElement("graph")
        try w.attribute("id", "G")
        try w.attribute("edgedefault", "directed")
        for (i, term) in nodes.enumerated() {
            try w.startElement("node")
            try w.attribute("id", "n\(i + 1)")
            var data: [(String, String?)] = []
            let fallback: String
            switch term {
            case let .iri(iri): fallback = short(iri)
            default: fallback = show(term)
            }
            data.append(("label", pickLabel(labels[i] ?? []) ?? fallback))
            data.append(("iri", show(term)))
            data.append(("kind", term.isLiteral ? "literal" : { if case .iri = term { return "iri" } else { return "blank" } }()))
            data.append(("type", types[i].map { $0.joined(separator: GraphMLWriter.listSeparator) }))
            for p in columnOrder {
                let id = columns[p]!.id
                data.append((id, values[i]?[id].map { $0.joined(separator: GraphMLWriter.listSeparator) }))
            }
            try writeData(data, w)
            try w.endElement()
        }
        for (i, e) in edges.enumerated() {
            try w.startElement("edge")
            try w.attribute("id", "e\(i + 1)")
            try w.attribute("source", "n\(e.source + 1)")
            try w.attribute("target", "n\(e.target + 1)")
            let name = short(e.predicate)
            try writeData([("elabel", name), ("relation", name), ("predicate", e.predicate)], w)
            try w.endElement()
        }
        try w.endElement()
        try w.endElement()
        try w.endDocument()
    }

    /// @ar, then @en, then no language, then any (English first with preferEnglishLabels).
    func pickLabel(_ candidates: [RDFLiteral]) -> String? {
        func lang(_ l: RDFLiteral, _ tag: String) -> Bool {
            guard let language = l.language else { return false }
            return language == tag || language.hasPrefix(tag + "-")
        }
        let order = options.preferEnglishLabels ? ["en", "ar"] : ["ar", "en"]
        for tag in order { if let l = candidates.first(where: { lang($0, tag) && !isBlank($0.lexical) }) { return l.lexical } }
        if let l = candidates.first(where: { $0.language == nil && !isBlank($0.lexical) }) { return l.lexical }
        return candidates.first(where: { !isBlank($0.lexical) })?.lexical
    }

    private func isBlank(_ s: String) -> Bool { XMLText.sanitize(s).text.allSatisfy(\.isWhitespace) }

    private func writeData(_ data: [(String, String?)], _ w: XMLStreamWriter) throws {
        for (key, value) in data {
            guard let value, !isBlank(value) else { continue }
            try w.startElement("data")
            try w.attribute("key", key)
            try w.text(value)
            try w.endElement()
        }
    }

    /// `schema:name` → `schema_name`: ASCII letters, digits and `_` kept, anything else becomes `_`.
    static func columnName(_ qname: String) -> String {
        var out = ""
        for u in qname.unicodeScalars {
            let ok = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "_"
            out.unicodeScalars.append(ok ? u : "_")
        }
        if out.isEmpty || out.first!.isNumber { out = "p_" + out }
        return out
    }
}

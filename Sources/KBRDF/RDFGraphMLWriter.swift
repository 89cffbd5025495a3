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

    /// Writes one `<key>` declaration (string-typed) per key, in order.
    static func writeKeys(_ keys: [Key], to w: XMLStreamWriter) throws {
        for key in keys {
            try w.startElement("key")
            try w.attribute("id", key.id)
            try w.attribute("for", key.domain)
            try w.attribute("attr.name", key.name)
            try w.attribute("attr.type", "string")
            try w.endElement()
        }
    }

    static let rdfType = Namespaces.rdf + "type"
    static let labelPredicates = [Namespaces.rdfs + "label", Namespaces.schema + "name"]

    public func write(_ triples: [RDFTriple], to sink: OutputSink) throws {
        try write(source: triples, to: sink)
    }

    /// Reads `source` in three passes, keeping only the node table, not the triples: first the nodes, the literal
    /// columns (every key comes before the graph) and where each node's description runs are (positions of the
    /// consecutive triples with that subject that carry literals or types); then each node's runs again, so that its
    /// data is complete when it is written; then the edges, written as they come. Memory grows with the nodes
    /// (and 8 bytes per distinct edge, to leave out repeated triples).
    public func write(source: some RangedTripleSource, to sink: OutputSink) throws {
        let vocabulary = try IRIMinter(base: options.base).vocabulary
        var splitter = Namespaces.splitter(vocabulary: vocabulary)
        let knownBindings = Namespaces.splitter(vocabulary: vocabulary).bindings
        let known = Set(knownBindings.map(\.prefix))
        var shortNames = [String: String]()
        /// The QName in a known namespace (schema:name), else nil; and the local name of any split.
        func split(_ iri: String) -> (qname: String?, local: String?) {
            guard let q = try? splitter.split(iri) else { return (nil, nil) }
            return (known.contains(q.prefix) ? q.qualified : nil, q.localName)
        }
        /// The QName in a known namespace, else the IRI (only an IRI in a known namespace can have one).
        func short(_ iri: String) -> String {
            guard knownBindings.contains(where: { iri.utf8.starts(with: $0.namespace.utf8) }) else { return iri }
            if let s = shortNames[iri] { return s }
            let s = split(iri).qname ?? iri
            shortNames[iri] = s
            return s
        }
        func column(_ iri: String) -> String {
            let (qname, local) = split(iri)
            return Self.columnName(qname ?? local ?? iri)
        }

        // Pass 1. Nodes, in order of first appearance; literal columns, per predicate in order of first use; the
        // runs of triples that give each node data.
        var nodeIndex = [RDFTerm: Int]()
        var nodes = [RDFTerm]()
        var firstRun = [Range<Int>?]()          // per node
        var moreRuns = [Int: [Range<Int>]]()    // nodes described in more than one place
        func node(_ t: RDFTerm) -> Int {
            if let i = nodeIndex[t] { return i }
            nodeIndex[t] = nodes.count
            nodes.append(t)
            firstRun.append(nil)
            return nodes.count - 1
        }
        var columns = [String: Int]()     // predicate -> column number (key id p<n+1>)
        var columnKeys = [Key]()
        var usedNames: Set<String> = ["label", "iri", "kind", "type"]
        var run: (node: Int, start: Int, end: Int, data: Bool)?
        func closeRun() {
            guard let r = run, r.data else { return }
            if firstRun[r.node] == nil { firstRun[r.node] = r.start..<r.end } else { moreRuns[r.node, default: []].append(r.start..<r.end) }
        }
        var lastSubject: (term: RDFTerm, index: Int)?
        try source.forEachTriple(positions: { t, start, end in
            let s: Int
            if let l = lastSubject, l.term == t.subject { s = l.index } else {
                closeRun()
                s = node(t.subject)
                lastSubject = (t.subject, s)
                run = (s, start, end, false)
            }
            run!.end = end
            switch t.object {
            case .literal:
                run!.data = true
                if columns[t.predicate] == nil {
                    var name = column(t.predicate)
                    if usedNames.contains(name) {
                        var n = 2
                        while usedNames.contains("\(name)_\(n)") { n += 1 }
                        name = "\(name)_\(n)"
                    }
                    usedNames.insert(name)
                    columns[t.predicate] = columnKeys.count
                    columnKeys.append(Key(id: "p\(columnKeys.count + 1)", domain: "node", name: name))
                }
            default:
                if t.predicate == Self.rdfType { run!.data = true } else { _ = node(t.object) }
            }
        })
        closeRun()

        let nodeKeys = [Key(id: "label", domain: "node", name: "label"), Key(id: "iri", domain: "node", name: "iri"),
                        Key(id: "kind", domain: "node", name: "kind"), Key(id: "type", domain: "node", name: "type")]
            + columnKeys
        let edgeKeys = [Key(id: "elabel", domain: "edge", name: "label"), Key(id: "relation", domain: "edge", name: "relation"),
                        Key(id: "predicate", domain: "edge", name: "predicate")]

        let w = try XMLStreamWriter(sink: sink, indent: options.indent)
        try w.startDocument()
        try w.startElement(prefix: nil, name: "graphml", namespaceURI: GraphMLWriter.namespace)
        try Self.writeKeys(nodeKeys + edgeKeys, to: w)
        try w.startElement("graph")
        try w.attribute("id", "G")
        try w.attribute("edgedefault", "directed")
        // Pass 2. Each node with its data: values, types and label candidates from its runs, in triple order.
        for (i, term) in nodes.enumerated() {
            var values = [(column: Int, value: String)]()
            var types = [String]()
            var labels = [RDFLiteral]()
            for r in (firstRun[i].map { [$0] } ?? []) + (moreRuns[i] ?? []) {
                try source.forEachTriple(from: r.lowerBound, to: r.upperBound) { t in
                    switch t.object {
                    case let .literal(l):
                        if Self.labelPredicates.contains(t.predicate) { labels.append(l) }
                        let c = columns[t.predicate]!
                        if !values.contains(where: { $0.column == c && $0.value == l.lexical }) { values.append((c, l.lexical)) }
                    default:
                        guard t.predicate == Self.rdfType else { return }
                        let name: String
                        if case let .iri(iri) = t.object { name = short(iri) } else { name = Self.show(t.object) }
                        if !types.contains(name) { types.append(name) }
                    }
                }
            }
            try w.startElement("node")
            try w.attribute("id", "n\(i + 1)")
            let fallback: String
            switch term {
            case let .iri(iri): fallback = short(iri)
            default: fallback = Self.show(term)
            }
            try writeData("label", pickLabel(labels) ?? fallback, w)
            try writeData("iri", Self.show(term), w)
            try writeData("kind", term.isLiteral ? "literal" : { if case .iri = term { return "iri" } else { return "blank" } }(), w)
            if !types.isEmpty { try writeData("type", types.joined(separator: GraphMLWriter.listSeparator), w) }
            // Columns in order; the values of one column in triple order.
            var done = Set<Int>()
            for c in values.map(\.column).sorted() where done.insert(c).inserted {
                let joined = values.filter { $0.column == c }.map(\.value).joined(separator: GraphMLWriter.listSeparator)
                try writeData(columnKeys[c].id, joined, w)
            }
            try w.endElement()
        }
        firstRun = []; moreRuns = [:]

        // Pass 3. Edges, in triple order, a repeated triple once.
        var predicates = [RDFTerm: (index: UInt64, short: String)]()
        var seenEdges = Set<UInt64>()
        var wideEdges = Set<[Int]>()
        var edgeCount = 0
        try source.forEachTriple { t in
            guard !t.object.isLiteral, t.predicate != Self.rdfType else { return }
            let s: Int
            if let l = lastSubject, l.term == t.subject { s = l.index } else {
                s = nodeIndex[t.subject]!
                lastSubject = (t.subject, s)
            }
            let o = nodeIndex[t.object]!
            let p: (index: UInt64, short: String)
            if let known = predicates[.iri(t.predicate)] { p = known } else {
                p = (UInt64(predicates.count), short(t.predicate))
                predicates[.iri(t.predicate)] = p
            }
            if s < 1 << 24, o < 1 << 24, p.index < 1 << 16 {
                guard seenEdges.insert(UInt64(s) << 40 | UInt64(o) << 16 | p.index).inserted else { return }
            } else {
                guard wideEdges.insert([s, o, Int(p.index)]).inserted else { return }
            }
            edgeCount += 1
            try w.startElement("edge")
            try w.attribute("id", "e\(edgeCount)")
            try w.attribute("source", "n\(s + 1)")
            try w.attribute("target", "n\(o + 1)")
            try writeData("elabel", p.short, w)
            try writeData("relation", p.short, w)
            try writeData("predicate", t.predicate, w)
            try w.endElement()
        }
        try w.endElement()
        try w.endElement()
        try w.endDocument()
    }

    static func show(_ term: RDFTerm) -> String {
        switch term {
        case let .iri(iri): return iri
        case let .blank(label): return "_:" + label
        case let .literal(l): return l.lexical
        }
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

    private func isBlank(_ s: String) -> Bool {
        // A printable ASCII first character is never whitespace (the usual case: IRIs, ids, names).
        if let first = s.utf8.first, first > 0x20, first < 0x7F { return false }
        return XMLText.sanitize(s).text.allSatisfy(\.isWhitespace)
    }

    private func writeData(_ key: String, _ value: String, _ w: XMLStreamWriter) throws {
        guard !isBlank(value) else { return }
        try w.startElement("data")
        try w.attribute("key", key)
        try w.text(value)
        try w.endElement()
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

// Turtle (RDF 1.1, https://www.w3.org/TR/turtle/): the triples of the RDF/XML export
// (RDFGraphMapping in RDFXMLWriter.swift) with the prefixes the RDF/XML root declares.
//
// Shape: `@prefix` lines (the standard bindings, then `owl` and `geo` when used), a blank line, then one block per
// subject in the RDF/XML order: `subject predicate object ;` with the objects of one predicate joined by
// `,` and the block ended by ` .`. `rdf:type` is written `a`. An IRI is written as a prefixed name when a
// known namespace leaves a simple local name (ASCII-safe subset of PN_LOCAL: no escapes needed), else as
// `<IRI>`. Literals use the N-Triples escapes (valid Turtle), datatypes as prefixed names when possible.
// No `@base`, no relative IRIs, no numeric or boolean shorthands: every literal keeps its exact lexical form.

import KBGraph
import KBXML

public struct TurtleWriter: StreamingGraphWriter {
    public static let name = "Turtle"
    public static let fileExtension = "ttl"
    public static let mediaType = "text/turtle"

    public let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws {
        _ = try IRIMinter(base: options.base)
        try GraphExport.run(GraphSource(graph), writer: streamWriter(), to: sink)
    }

    public func streamWriter() -> FactStreamWriter { RDFBufferedStreamWriter(options: options, syntax: .turtle) }
}

/// Writes descriptions as Turtle.
public struct TurtleSerializer {
    /// The standard bindings (declared always), then `owl` and `geo` (declared when used).
    let standard: [(prefix: String, namespace: String)]
    let optional: [(prefix: String, namespace: String)] = Namespaces.optional

    /// - Parameter vocabulary: the `kbv:` namespace, as for `RDFXMLSerializer`.
    public init(vocabulary: String) { standard = Namespaces.standard(vocabulary: vocabulary) }

    /// - Throws: `WriterError.unserializableTerm` before writing anything; then the sink's errors.
    public func write(_ descriptions: [RDFDescription], to sink: OutputSink) throws {
        let bindings = standard + optional
        var usedOptional = Set<String>()
        func name(_ iri: String) -> String {
            var best: (prefix: String, namespace: String)?
            for b in bindings where iri.utf8.starts(with: b.namespace.utf8) {
                if best == nil || b.namespace.utf8.count > best!.namespace.utf8.count { best = b }
            }
            if let b = best {
                let local = String(decoding: iri.utf8.dropFirst(b.namespace.utf8.count), as: UTF8.self)
                if Self.isSimpleLocalName(local) {
                    if optional.contains(where: { $0.prefix == b.prefix }) { usedOptional.insert(b.prefix) }
                    return b.prefix + ":" + local
                }
            }
            return "<" + iri + ">"
        }
        func term(_ t: RDFTerm) -> String {
            switch t {
            case let .iri(iri): return name(iri)
            case .blank: return NTriplesSyntax.term(t)
            case let .literal(l):
                var s = "\"" + NTriplesSyntax.escape(l.lexical) + "\""
                if let language = l.language { s += "@" + language }
                else if !l.isSimple { s += "^^" + name(l.datatype) }
                return s
            }
        }

        var body = ""
        for d in descriptions {
            for (p, o) in d.properties { try NTriplesSyntax.check(RDFTriple(d.subject, p, o), format: "Turtle") }
            guard !d.properties.isEmpty else { continue }
            // Objects grouped by predicate, predicates in order of first use.
            var order = [String]()
            var objects = [String: [RDFTerm]]()
            for (p, o) in d.properties {
                if objects[p] == nil { order.append(p) }
                objects[p, default: []].append(o)
            }
            body += term(d.subject)
            for (i, p) in order.enumerated() {
                body += i == 0 ? " " : " ;\n    "
                body += p == Namespaces.rdf + "type" ? "a" : name(p)
                body += " " + objects[p]!.map(term).joined(separator: ", ")
            }
            body += " .\n"
        }
        var head = ""
        for b in bindings where standard.contains(where: { $0.prefix == b.prefix }) || usedOptional.contains(b.prefix) {
            head += "@prefix \(b.prefix): <\(b.namespace)> .\n"
        }
        try NTriplesSerializer.writeText(head + "\n" + body, to: sink)
    }

    /// A local name that needs no escaping in Turtle: starts with a letter, `_` or digit, goes on with
    /// letters, digits, `_`, `-`, `.`, and does not end in `.` (letters: `PN_CHARS_BASE`, so Arabic is fine).
    static func isSimpleLocalName(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard let first = u.first, let last = u.last else { return false }
        guard RDFSyntax.isPNCharsU(first) || RDFSyntax.isASCIIDigit(first), last != "." else { return false }
        return u.allSatisfy { $0 == "." || RDFSyntax.isPNChars($0) }
    }
}

// The one small interface every export format implements, the options they share, and the
// errors they raise. One file per format: GraphMLWriter.swift, RDFXMLWriter.swift, NTriplesWriter.swift,
// TurtleWriter.swift (the three RDF formats write the same triples: RDFGraphMapping in RDFXMLWriter.swift),
// FactsFileWriter.swift, and the pictures SVGWriter.swift and HTMLWriter.swift (layout: GraphLayout.swift).

import KBGraph
import KBXML

/// Options shared by every writer.
public struct ExportOptions: Sendable {
    /// Base under which RDF IRIs are minted (`<base>entity/<id>`, `<base>vocab#`...). An absolute
    /// http(s) IRI ending in `/` or `#`; checked by `validate()` and again by the RDF/XML writer.
    public var base: String = "https://kb.example.org/"
    /// Node labels in English when the entity has one (GraphML `label`); Arabic otherwise.
    public var preferEnglishLabels = false
    /// Written into the RDF extraction-run IRI (`<base>run/kbexport-<version>`).
    public var toolVersion = "0.1.0"
    /// Pretty-print (newlines and indentation between elements; never inside text).
    public var indent = true
    /// Graph formats (GraphML, GEXF): write DATE entities as nodes (and the facts that link them). The facts file
    /// and RDF always keep them. The library keeps them by default; the command line leaves them out unless
    /// `--date-nodes`.
    public var dateNodes = true
    /// Graph formats: keep entities that no written fact links (the command line drops them unless `--keep-isolated`).
    public var keepIsolated = true

    public init(base: String = "https://kb.example.org/", preferEnglishLabels: Bool = false,
                toolVersion: String = "0.1.0", indent: Bool = true, dateNodes: Bool = true, keepIsolated: Bool = true) {
        self.base = base; self.preferEnglishLabels = preferEnglishLabels
        self.toolVersion = toolVersion; self.indent = indent
        self.dateNodes = dateNodes; self.keepIsolated = keepIsolated
    }

    /// Checks the options a user can get wrong (today: `base`), so a CLI can fail before reading input.
    /// - Throws: `WriterError.invalidBase` with a readable reason.
    public func validate() throws { _ = try IRIMinter(base: base) }
}

/// A serialisation of a `KnowledgeGraph`.
///
/// Writers are deterministic: the same graph and options always give the same bytes. They check the
/// graph before writing anything, so a refused graph leaves the sink untouched.
public protocol GraphWriter {
    /// Human-readable format name, e.g. "GraphML".
    static var name: String { get }
    /// File extension without the dot, e.g. "graphml".
    static var fileExtension: String { get }
    /// Media type, e.g. "application/rdf+xml".
    static var mediaType: String { get }
    init(options: ExportOptions)
    func write(_ graph: KnowledgeGraph, to sink: OutputSink) throws
}

/// The formats the tool can write (`--format`).
public enum OutputFormat: String, CaseIterable, Sendable {
    case graphml
    /// GEXF 1.3 (Gephi's own format) with a timeline.
    case gexf
    case rdfxml
    /// Canonical N-Triples (sorted lines): the same triples as `rdfxml`.
    case ntriples
    /// Turtle with the RDF/XML prefixes: the same triples as `rdfxml`.
    case turtle
    /// kbexport's facts file (JSON Lines): the extracted graph for other tools, or for a later export.
    case jsonl
    /// A picture: force-directed layout, nodes coloured by type (SVG 1.1).
    case svg
    /// A self-contained page with the picture, a legend and each edge's evidence.
    case html

    public var writerType: any GraphWriter.Type {
        switch self {
        case .graphml: return GraphMLWriter.self
        case .gexf: return GEXFWriter.self
        case .rdfxml: return RDFXMLWriter.self
        case .ntriples: return NTriplesWriter.self
        case .turtle: return TurtleWriter.self
        case .jsonl: return FactsFileWriter.self
        case .svg: return SVGWriter.self
        case .html: return HTMLWriter.self
        }
    }

    /// True for the RDF formats (RDF/XML, N-Triples, Turtle).
    public var isRDF: Bool { self == .rdfxml || self == .ntriples || self == .turtle }

    public func makeWriter(options: ExportOptions) -> any GraphWriter { writerType.init(options: options) }

    public var fileExtension: String { writerType.fileExtension }
    public var mediaType: String { writerType.mediaType }
}

/// Why a writer refused a graph or an option. Every case names the offending value.
public enum WriterError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A predicate IRI that has no QName split (RDF/XML cannot express it).
    case unserializablePredicate(String, reason: String)
    /// An IRI that is not a well-formed absolute IRI.
    case invalidIRI(String, reason: String)
    /// The `--base` option is not usable.
    case invalidBase(String, reason: String)
    /// An id that is empty or not made of ASCII `[A-Za-z0-9_.-]` (kind: entity, fact, document).
    case invalidIdentifier(kind: String, id: String)
    /// Two records of one kind share an id.
    case duplicateIdentifier(kind: String, id: String)
    /// A conversion the formats cannot express.
    case unsupportedConversion(String)
    /// A fact refers to an entity or document the graph does not contain.
    case danglingReference(fact: String, field: String, id: String)
    /// An RDF term (shown in N-Triples form) that `format` cannot carry, e.g. a literal with U+0001 in RDF/XML.
    case unserializableTerm(String, format: String, reason: String)

    public var description: String {
        switch self {
        case let .unserializablePredicate(iri, reason):
            return "cannot serialise predicate <\(iri)> in RDF/XML: \(reason)"
        case let .invalidIRI(iri, reason):
            return "invalid IRI <\(iri)>: \(reason)"
        case let .invalidBase(base, reason):
            return "invalid --base '\(base)': \(reason) (expected an absolute http or https IRI ending in '/' or '#', e.g. https://kb.example.org/)"
        case let .invalidIdentifier(kind, id):
            return "invalid \(kind) id '\(id)': ids must be non-empty ASCII [A-Za-z0-9_.-]"
        case let .duplicateIdentifier(kind, id):
            return "duplicate \(kind) id '\(id)'"
        case let .unsupportedConversion(why):
            return why
        case let .danglingReference(fact, field, id):
            return "fact '\(fact)': \(field) '\(id)' is not in the graph"
        case let .unserializableTerm(term, format, reason):
            return "cannot serialise \(term) in \(format): \(reason)"
        }
    }
}

// The RDF/XML syntax layer: descriptions (subject + property list, RDFTerms.swift) in, RDF/XML out,
// streamed through KBXML's XMLStreamWriter. Used for the knowledge graph (RDFXMLWriter.swift) and for
// RDF read from files (module KBRDF), so both follow the same rules.
// Spec: ../shared/notes/rdfxml-triple-stores.md §1. Profile schema: Schemas/kbexport-rdfxml.rng.
//
// Every namespace is declared on the rdf:RDF root; one rdf:Description per subject with an absolute
// rdf:about (or rdf:nodeID for a blank node); property elements only (rdf:type included); an object is
// an empty element with rdf:resource or rdf:nodeID, text with an optional xml:lang, or text with
// rdf:datatype. No rdf:ID, rdf:parseType, xml:base or relative IRIs. The knowledge graph has no blank
// nodes, so its output stays inside the profile schema.
//
// Before the first byte is written, every term is checked and every predicate split into a QName; what
// RDF/XML 1.0 cannot carry is refused with an error naming the term, never dropped or altered:
// a predicate without a QName split, an invalid IRI, a literal with a character XML 1.0 forbids
// (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF), a malformed language tag.
// Blank-node labels that are not NCNames (`_:1a`) are relabelled b1, b2... (skipping labels in use).

import KBXML

/// Writes descriptions as RDF/XML.
/// Triples that can be read more than once, in the same order each time: an array, or a file read again.
public protocol TripleSource {
    /// Calls `body` with every triple, in order.
    func forEachTriple(_ body: (RDFTriple) throws -> Void) throws
}

extension Array: TripleSource where Element == RDFTriple {
    public func forEachTriple(_ body: (RDFTriple) throws -> Void) throws { for t in self { try body(t) } }
}

/// A `TripleSource` that can also give back a part of itself, by the positions it reported.
public protocol RangedTripleSource: TripleSource {
    /// Calls `body` with every triple, in order, and the positions where it starts and ends (increasing).
    func forEachTriple(positions body: (RDFTriple, Int, Int) throws -> Void) throws
    /// Calls `body` with the triples from the one starting at `start` to the one ending at `end`.
    func forEachTriple(from start: Int, to end: Int, _ body: (RDFTriple) throws -> Void) throws
}

extension Array: RangedTripleSource where Element == RDFTriple {
    /// Positions are indices (a triple ends at its index + 1).
    public func forEachTriple(positions body: (RDFTriple, Int, Int) throws -> Void) throws {
        for (i, t) in enumerated() { try body(t, i, i + 1) }
    }

    public func forEachTriple(from start: Int, to end: Int, _ body: (RDFTriple) throws -> Void) throws {
        for t in self[start..<end] { try body(t) }
    }
}

public struct RDFXMLSerializer {
    /// Declared on the root in this order, used or not.
    let standard: [(prefix: String, namespace: String)]
    var splitter: QNameSplitter
    let indent: Bool

    /// - Parameters:
    ///   - vocabulary: the `kbv:` namespace (`IRIMinter.vocabulary`), declared with the standard prefixes.
    ///   - indent: pretty-print (never inside text).
    public init(vocabulary: String, indent: Bool) {
        standard = Namespaces.standard(vocabulary: vocabulary)
        splitter = Namespaces.splitter(vocabulary: vocabulary)
        self.indent = indent
    }

    /// - Throws: `WriterError.unserializablePredicate` / `.invalidIRI` / `.unserializableTerm` before
    ///   writing anything, or the sink's and XML layer's errors while writing.
    public mutating func write(_ descriptions: [RDFDescription], to sink: OutputSink) throws {
        // 1. Split every predicate and check every term first: a refused graph writes nothing.
        var terms = Terms()
        for d in descriptions {
            try terms.note(subject: d.subject)
            for (predicate, object) in d.properties { try terms.note(predicate, object, subject: d.subject, &splitter) }
        }
        // 2. One rdf:Description per description.
        let out = try Output(self, terms, sink)
        for d in descriptions {
            try out.start(d.subject)
            for (predicate, object) in d.properties { try out.property(predicate, object) }
            try out.end()
        }
        try out.finish()
    }

    /// Writes the triples of `source` (read twice: checked, then written) as they come: consecutive triples with the
    /// same subject share one `rdf:Description` (a subject that comes back gets another one), and a triple equal to
    /// the one before it is left out. Memory holds the predicates' QNames and the blank-node labels, not the triples.
    /// - Throws: as `write(_:to:)`, and the source's errors.
    public mutating func write(_ source: some TripleSource, to sink: OutputSink) throws {
        var terms = Terms()
        var previous: RDFTerm?
        try source.forEachTriple { t in
            if previous != t.subject { try terms.note(subject: t.subject); previous = t.subject }
            try terms.note(t.predicate, t.object, subject: t.subject, &splitter)
        }
        let out = try Output(self, terms, sink)
        var last: RDFTriple?
        try source.forEachTriple { t in
            if let l = last {
                if l == t { return }
                if l.subject != t.subject { try out.end(); try out.start(t.subject) }
            } else {
                try out.start(t.subject)
            }
            try out.property(t.predicate, t.object)
            last = t
        }
        if last != nil { try out.end() }
        try out.finish()
    }

    /// Starts a stream of descriptions whose predicates all split into the standard namespaces (kbexport's own
    /// mapping), or into the optional ones named in `declaring` (declared on the root too): each description is
    /// checked, then written, as it comes.
    func startStream(to sink: OutputSink, declaring optional: Set<String> = []) throws -> Stream {
        var terms = Terms()
        terms.usedPrefixes = optional
        return try Stream(Output(self, terms, sink), splitter: splitter, standard: Set(standard.map(\.prefix)).union(optional))
    }

    /// Descriptions written one at a time (`startStream`).
    final class Stream {
        let out: Output
        var splitter: QNameSplitter
        var terms = Terms()
        let standard: Set<String>

        init(_ out: Output, splitter: QNameSplitter, standard: Set<String>) {
            self.out = out; self.splitter = splitter; self.standard = standard
        }

        /// - Throws: the checks' errors (before writing the description), or a predicate outside the declared
        ///   namespaces; then the writer's.
        func write(_ d: RDFDescription) throws {
            try terms.note(subject: d.subject)
            for (predicate, object) in d.properties {
                try terms.note(predicate, object, subject: d.subject, &splitter)
                if out.qnames[predicate] == nil {
                    guard let q = terms.qnames[predicate], let prefix = q.split(separator: ":").first,
                          standard.contains(String(prefix)) else {
                        throw WriterError.unserializablePredicate(predicate, reason: "not in a namespace declared on rdf:RDF")
                    }
                    out.qnames[predicate] = q
                }
            }
            guard case .iri = d.subject else {
                throw RDFXMLSerializer.refuse(d.subject, "a streamed description needs an IRI subject")
            }
            try out.start(d.subject)
            for (predicate, object) in d.properties {
                if case .blank = object { throw RDFXMLSerializer.refuse(object, "a streamed description has no blank nodes") }
                try out.property(predicate, object)
            }
            try out.end()
        }

        func finish() throws { try out.finish() }
    }

    /// What the first pass learns: the predicates' QNames, the prefixes used, the blank-node labels.
    public struct Terms {
        public internal(set) var qnames = [String: String]()
        public internal(set) var usedPrefixes = Set<String>()
        public internal(set) var blanks = BlankLabels()

        public init() {}

        public mutating func note(subject: RDFTerm) throws {
            switch subject {
            case let .iri(iri): try IRIs.check(iri)
            case let .blank(label): blanks.note(label)
            case .literal: throw RDFXMLSerializer.refuse(subject, "a literal cannot be a subject")
            }
        }

        public mutating func note(_ predicate: String, _ object: RDFTerm, subject: RDFTerm, _ splitter: inout QNameSplitter) throws {
            if qnames[predicate] == nil {
                let q = try splitter.split(predicate)
                qnames[predicate] = q.qualified
                usedPrefixes.insert(q.prefix)
            }
            switch object {
            case let .iri(iri): try IRIs.check(iri)
            case let .blank(label): blanks.note(label)
            case let .literal(l): try RDFXMLSerializer.check(l, object, subject: subject, predicate: predicate)
            }
        }
    }

    /// The second pass: the root with every namespace, then descriptions and properties as they come.
    final class Output {
        let w: XMLStreamWriter
        var qnames: [String: String]
        let nodeIDs: [String: String]
        private var lastPredicate = "", lastQName = ""

        init(_ serializer: RDFXMLSerializer, _ terms: Terms, _ sink: OutputSink) throws {
            qnames = terms.qnames
            nodeIDs = terms.blanks.assign()
            // The standard namespaces, then any other used binding in binding order.
            let standardPrefixes = Set(serializer.standard.map(\.prefix))
            let extra = serializer.splitter.bindings.filter {
                !standardPrefixes.contains($0.prefix) && terms.usedPrefixes.contains($0.prefix)
            }
            w = try XMLStreamWriter(sink: sink, indent: serializer.indent)
            try w.startDocument()
            try w.startElement("rdf:RDF")
            for (prefix, namespace) in serializer.standard + extra { try w.namespaceDeclaration(prefix: prefix, uri: namespace) }
        }

        func start(_ subject: RDFTerm) throws {
            try w.startElement("rdf:Description")
            switch subject {
            case let .iri(iri): try w.attribute("rdf:about", iri)
            case let .blank(label): try w.attribute("rdf:nodeID", nodeIDs[label]!)
            case .literal: break  // refused in the first pass
            }
        }

        func property(_ predicate: String, _ object: RDFTerm) throws {
            if predicate != lastPredicate { lastPredicate = predicate; lastQName = qnames[predicate]! }
            try w.startElement(lastQName)
            switch object {
            case let .iri(iri):
                try w.attribute("rdf:resource", iri)
            case let .blank(label):
                try w.attribute("rdf:nodeID", nodeIDs[label]!)
            case let .literal(l):
                if let language = l.language {
                    try w.attribute("xml:lang", language)
                } else if !l.isSimple || RDFXMLSerializer.needsExplicitString(l.lexical) {
                    try w.attribute("rdf:datatype", l.datatype)
                }
                if !l.lexical.isEmpty { try w.text(l.lexical) }
            }
            try w.endElement()
        }

        func end() throws { try w.endElement() }

        func finish() throws {
            try w.endElement()
            try w.endDocument()
        }
    }

    /// Whitespace-only simple literals get an explicit `rdf:datatype` xsd:string: Virtuoso 7.2.5 reads
    /// `<p> </p>` as "" (notes §1.4); the typed form is the same RDF 1.1 term.
    public static func needsExplicitString(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    static func check(_ l: RDFLiteral, _ term: RDFTerm, subject: RDFTerm, predicate: String) throws {
        let context = " (subject \(RDFSyntax.show(subject)), predicate <\(predicate)>)"
        if !XMLText.isAllXMLChars(l.lexical), let bad = l.lexical.unicodeScalars.first(where: { !XMLText.isXMLChar($0) }) {
            throw refuse(term, "it contains \(RDFSyntax.codePoint(bad)), which XML 1.0 cannot carry" + context)
        }
        if let language = l.language {
            guard RDFSyntax.isLanguageTag(language) else {
                throw refuse(term, "'\(language)' is not a well-formed language tag" + context)
            }
        } else if RDFExact.equal(l.datatype, RDFLiteral.langString) {
            throw refuse(term, "rdf:langString needs a language tag" + context)
        } else if let p = IRIs.problem(in: l.datatype) {
            throw refuse(term, "its datatype is not a valid IRI: \(p)" + context)
        }
    }

    static func refuse(_ term: RDFTerm, _ reason: String) -> WriterError {
        .unserializableTerm(RDFSyntax.show(term), format: "RDF/XML", reason: reason)
    }
}

/// `rdf:nodeID` values: labels that are NCNames are kept; the others become b1, b2... in order of first
/// appearance, skipping any label already in use, so the result is deterministic and collision-free.
public struct BlankLabels {
    private var order = [String]()
    private var seen = Set<String>()

    public init() {}

    public mutating func note(_ label: String) {
        if seen.insert(label).inserted { order.append(label) }
    }

    public func assign() -> [String: String] {
        var out = [String: String]()
        var used = Set(order.filter(XMLText.isNCName))
        var n = 0
        for label in order {
            if XMLText.isNCName(label) { out[label] = label; continue }
            var candidate: String
            repeat { n += 1; candidate = "b\(n)" } while used.contains(candidate)
            used.insert(candidate)
            out[label] = candidate
        }
        return out
    }
}

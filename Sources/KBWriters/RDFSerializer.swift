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
        var qnames = [String: QName]()
        var usedPrefixes = Set<String>()
        var blanks = BlankLabels()
        for d in descriptions {
            switch d.subject {
            case let .iri(iri): try IRIs.check(iri)
            case let .blank(label): blanks.note(label)
            case .literal: throw Self.refuse(d.subject, "a literal cannot be a subject")
            }
            for (predicate, object) in d.properties {
                if qnames[predicate] == nil {
                    let q = try splitter.split(predicate)
                    qnames[predicate] = q
                    usedPrefixes.insert(q.prefix)
                }
                switch object {
                case let .iri(iri): try IRIs.check(iri)
                case let .blank(label): blanks.note(label)
                case let .literal(l): try Self.check(l, object, subject: d.subject, predicate: predicate)
                }
            }
        }
        let nodeIDs = blanks.assign()
        // 2. Root with every namespace: the standard ones, then any other used binding in binding order.
        let standardPrefixes = Set(standard.map(\.prefix))
        let extra = splitter.bindings.filter { !standardPrefixes.contains($0.prefix) && usedPrefixes.contains($0.prefix) }

        let w = try XMLStreamWriter(sink: sink, indent: indent)
        try w.startDocument()
        try w.startElement("rdf:RDF")
        for (prefix, namespace) in standard + extra { try w.namespaceDeclaration(prefix: prefix, uri: namespace) }
        for d in descriptions {
            try w.startElement("rdf:Description")
            switch d.subject {
            case let .iri(iri): try w.attribute("rdf:about", iri)
            case let .blank(label): try w.attribute("rdf:nodeID", nodeIDs[label]!)
            case .literal: break  // refused above
            }
            for (predicate, object) in d.properties {
                try w.startElement(qnames[predicate]!.qualified)
                switch object {
                case let .iri(iri):
                    try w.attribute("rdf:resource", iri)
                case let .blank(label):
                    try w.attribute("rdf:nodeID", nodeIDs[label]!)
                case let .literal(l):
                    if let language = l.language {
                        try w.attribute("xml:lang", language)
                    } else if !l.isSimple || Self.needsExplicitString(l.lexical) {
                        try w.attribute("rdf:datatype", l.datatype)
                    }
                    if !l.lexical.isEmpty { try w.text(l.lexical) }
                }
                try w.endElement()
            }
            try w.endElement()
        }
        try w.endElement()
        try w.endDocument()
    }

    /// Whitespace-only simple literals get an explicit `rdf:datatype` xsd:string: Virtuoso 7.2.5 reads
    /// `<p> </p>` as "" (notes §1.4); the typed form is the same RDF 1.1 term.
    static func needsExplicitString(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    static func check(_ l: RDFLiteral, _ term: RDFTerm, subject: RDFTerm, predicate: String) throws {
        let context = " (subject \(RDFSyntax.show(subject)), predicate <\(predicate)>)"
        if let bad = l.lexical.unicodeScalars.first(where: { !XMLText.isXMLChar($0) }) {
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
struct BlankLabels {
    private var order = [String]()
    private var seen = Set<String>()

    mutating func note(_ label: String) {
        if seen.insert(label).inserted { order.append(label) }
    }

    func assign() -> [String: String] {
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

// The RDF/XML syntax layer: descriptions (subject + property list) in, RDF/XML out.
// Spec: ../shared/notes/rdfxml-triple-stores.md §1. Profile schema: Schemas/kbexport-rdfxml.rng.
//
// Every namespace is declared on the rdf:RDF root; one rdf:Description per subject with an absolute
// rdf:about; property elements only (rdf:type included); an object is either an empty element with
// rdf:resource, text with an optional xml:lang, or text with rdf:datatype. No rdf:ID, rdf:nodeID,
// rdf:parseType, blank nodes, xml:base or relative IRIs. Predicates are split into QNames and all IRIs
// are checked before the first byte is written.

import KBXML

/// The object of one triple.
enum RDFObject: Hashable {
    case resource(String)
    case literal(String, language: String?)
    case typed(String, datatype: String)
}

/// One subject and its properties, in the order they will be written.
struct RDFDescription {
    let subject: String
    private(set) var properties: [(predicate: String, object: RDFObject)] = []
    private var seen = Set<PropertyKey>()

    private struct PropertyKey: Hashable { let predicate: String; let object: RDFObject }

    init(_ subject: String) { self.subject = subject }

    /// Adds a triple; duplicates and whitespace-only literals are dropped.
    mutating func add(_ predicate: String, _ object: RDFObject) {
        switch object {
        case let .literal(text, _), let .typed(text, _):
            if Values.isBlank(text) { return }
        case .resource:
            break
        }
        if seen.insert(PropertyKey(predicate: predicate, object: object)).inserted {
            properties.append((predicate, object))
        }
    }

    mutating func type(_ classIRI: String) { add(Namespaces.rdf + "type", .resource(classIRI)) }
    mutating func resource(_ predicate: String, _ iri: String) { add(predicate, .resource(iri)) }
    mutating func literal(_ predicate: String, _ text: String?, language: String? = nil) {
        if let text { add(predicate, .literal(text, language: language)) }
    }
    mutating func typed(_ predicate: String, _ value: String?, _ datatype: String) {
        if let value { add(predicate, .typed(value, datatype: datatype)) }
    }
}

/// Writes descriptions as RDF/XML.
struct RDFXMLSerializer {
    /// Declared on the root in this order, used or not.
    let standard: [(prefix: String, namespace: String)]
    var splitter: QNameSplitter
    let indent: Bool

    init(vocabulary: String, indent: Bool) {
        standard = Namespaces.standard(vocabulary: vocabulary)
        splitter = Namespaces.splitter(vocabulary: vocabulary)
        self.indent = indent
    }

    /// - Throws: `WriterError.unserializablePredicate` / `.invalidIRI` before writing anything, or the
    ///   sink's and XML layer's errors while writing.
    mutating func write(_ descriptions: [RDFDescription], to sink: OutputSink) throws {
        // 1. Split every predicate and check every IRI first: a refused graph writes nothing.
        var qnames = [String: QName]()
        var usedPrefixes = Set<String>()
        for d in descriptions {
            try IRIs.check(d.subject)
            for (predicate, object) in d.properties {
                if qnames[predicate] == nil {
                    let q = try splitter.split(predicate)
                    qnames[predicate] = q
                    usedPrefixes.insert(q.prefix)
                }
                switch object {
                case let .resource(iri): try IRIs.check(iri)
                case let .typed(_, datatype): try IRIs.check(datatype)
                case .literal: break
                }
            }
        }
        // 2. Root with every namespace: the standard ones, then any other used binding in binding order.
        let standardPrefixes = Set(standard.map(\.prefix))
        let extra = splitter.bindings.filter { !standardPrefixes.contains($0.prefix) && usedPrefixes.contains($0.prefix) }

        let w = try XMLStreamWriter(sink: sink, indent: indent)
        try w.startDocument()
        try w.startElement("rdf:RDF")
        for (prefix, namespace) in standard + extra { try w.namespaceDeclaration(prefix: prefix, uri: namespace) }
        for d in descriptions {
            try w.startElement("rdf:Description")
            try w.attribute("rdf:about", d.subject)
            for (predicate, object) in d.properties {
                try w.startElement(qnames[predicate]!.qualified)
                switch object {
                case let .resource(iri):
                    try w.attribute("rdf:resource", iri)
                case let .literal(text, language):
                    if let language { try w.attribute("xml:lang", language) }
                    try w.text(text)
                case let .typed(value, datatype):
                    try w.attribute("rdf:datatype", datatype)
                    try w.text(value)
                }
                try w.endElement()
            }
            try w.endElement()
        }
        try w.endElement()
        try w.endDocument()
    }
}

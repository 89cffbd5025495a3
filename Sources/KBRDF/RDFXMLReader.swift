// An RDF/XML reader (https://www.w3.org/TR/rdf-syntax-grammar/) over KBXML.XMLReader (libxml2's
// xmlTextReader: no network, no DTD, no entity expansion, size limits). It reads RDF/XML as kbexport and
// the common tools (rapper, rdflib, Jena, oxigraph, Virtuoso) write it, and refuses the rest with an error
// naming the line:
//
// supported   rdf:RDF root or a single node element as root; rdf:Description and typed node elements;
//             rdf:about, rdf:ID (with a base), rdf:nodeID, anonymous nodes; property attributes (rdf:type as
//             an IRI); property elements with rdf:resource, rdf:nodeID, rdf:datatype, text, a nested node
//             element, or nothing (""); property attributes on empty property elements; rdf:li (rdf:_n);
//             rdf:parseType="Resource" and "Collection"; rdf:ID on a property element (the statement is
//             reified); xml:lang and xml:base (RFC 3986 resolution); unqualified xml* attributes ignored.
// refused     rdf:parseType="Literal" (XML literals), mixed content, text between property elements,
//             elements or attributes without a namespace,
//             RDF/XML syntax names where they are not allowed, rdf:nodeID / rdf:ID values that are not
//             NCNames, a duplicate rdf:ID, relative IRIs without a base, IRIs with characters an IRI cannot
//             hold, malformed language tags, DOCTYPE declarations and entity references.
//
// Blank nodes are labelled b1, b2... in order of first appearance (rdf:nodeID values and anonymous
// nodes alike), so labels are deterministic and never collide.

import KBWriters
import KBXML

public enum RDFXMLReader {
    /// Reads RDF/XML from memory.
    /// - Parameters:
    ///   - base: base IRI of the document for relative references (absolute); nil refuses relative references
    ///     that no xml:base resolves.
    /// - Throws: `RDFReadError` naming the line.
    public static func read(bytes: [UInt8], base: String? = nil, name: String,
                            limits: XMLReader.Limits = XMLReader.Limits()) throws -> [RDFTriple] {
        let reader: XMLReader
        do { reader = try XMLReader(bytes: bytes, name: name, limits: limits) } catch let e as XMLReaderError {
            throw RDFReadError(name: name, line: e.line, message: e.message)
        }
        return try Parser(reader: reader, name: name).document(base: base)
    }

    /// Reads an RDF/XML file (`-` reads standard input); see `read(bytes:base:name:limits:)`.
    public static func read(path: String, base: String? = nil, limits: XMLReader.Limits = XMLReader.Limits()) throws -> [RDFTriple] {
        if path == "-" { return try read(bytes: FileBytes.read(path), base: base, name: path, limits: limits) }
        let reader: XMLReader
        do { reader = try XMLReader(path: path, limits: limits) } catch let e as XMLReaderError {
            throw RDFReadError(name: path, line: e.line, message: e.message)
        }
        return try Parser(reader: reader, name: path).document(base: base)
    }
}

private let rdfNS = Namespaces.rdf
private let xmlNS = "http://www.w3.org/XML/1998/namespace"

/// RDF/XML syntax names (https://www.w3.org/TR/rdf-syntax-grammar/#section-grammar-summary).
private let coreSyntaxTerms: Set<String> = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"]
private let oldTerms: Set<String> = ["aboutEach", "aboutEachPrefix", "bagID"]

private final class Parser {
    struct Context {
        var base: String?
        var language: String?
    }

    let reader: XMLReader
    let name: String
    var triples = [RDFTriple]()
    var blankLabels = [String: String]()
    var blankCount = 0
    var ids = Set<String>()

    init(reader: XMLReader, name: String) { self.reader = reader; self.name = name }

    func document(base: String?) throws -> [RDFTriple] {
        if let base, !IRIResolver.isAbsolute(base) {
            throw RDFReadError(name: name, line: 0, message: "the base IRI <\(base)> is not absolute")
        }
        var root: XMLReader.Node?
        while let n = try next() {
            if n.kind == .startElement { root = n; break }
        }
        guard let root else { throw RDFReadError(name: name, line: 0, message: "no root element") }
        let ctx = try context(root, Context(base: base.map(IRIResolver.withoutFragment), language: nil))
        if root.namespaceURI == rdfNS && root.localName == "RDF" {
            for a in root.attributes where a.namespaceURI != xmlNS {
                throw fail(root.line, "attribute \(a.qualifiedName) is not allowed on rdf:RDF")
            }
            loop: while let n = try next() {
                switch n.kind {
                case .startElement: _ = try nodeElement(n, ctx)
                case .text: try requireWhitespace(n, "inside rdf:RDF")
                case .endElement: break loop
                }
            }
        } else {
            _ = try nodeElement(root, ctx)
        }
        while let n = try next() {
            throw fail(n.line, "unexpected content after the root element")
        }
        return triples
    }

    // MARK: Node elements

    func nodeElement(_ e: XMLReader.Node, _ parent: Context) throws -> RDFTerm {
        let ctx = try context(e, parent)
        let type = try elementIRI(e)
        if type.hasPrefix(rdfNS) {
            let local = String(type.dropFirst(rdfNS.count))
            if coreSyntaxTerms.contains(local) || oldTerms.contains(local) || local == "li" {
                throw fail(e.line, "rdf:\(local) cannot be used as a node element")
            }
        }
        var subject: RDFTerm?
        var properties = [(String, RDFTerm)]()
        func setSubject(_ s: RDFTerm) throws {
            if subject != nil { throw fail(e.line, "\(e.qualifiedName) has more than one of rdf:about, rdf:ID and rdf:nodeID") }
            subject = s
        }
        for a in e.attributes {
            if a.namespaceURI == xmlNS || (a.namespaceURI == nil && a.localName.lowercased().hasPrefix("xml")) { continue }
            guard let ns = a.namespaceURI else {
                throw fail(e.line, "attribute '\(a.qualifiedName)' has no namespace (RDF/XML attributes must be qualified, e.g. rdf:about)")
            }
            if ns == rdfNS {
                switch a.localName {
                case "about": try setSubject(.iri(try resolve(a.value, ctx, e.line, what: "rdf:about")))
                case "ID": try setSubject(.iri(try idIRI(a.value, ctx, e.line)))
                case "nodeID": try setSubject(.blank(try nodeID(a.value, e.line)))
                case "type": properties.append((rdfNS + "type", .iri(try resolve(a.value, ctx, e.line, what: "rdf:type"))))
                case let local where coreSyntaxTerms.contains(local) || oldTerms.contains(local) || local == "li" || local == "Description":
                    throw fail(e.line, "rdf:\(local) is not allowed on a node element")
                default: properties.append((ns + a.localName, .literal(try literal(a.value, ctx, e.line))))
                }
            } else {
                properties.append((ns + a.localName, .literal(try literal(a.value, ctx, e.line))))
            }
        }
        let s = subject ?? newBlank()
        if type != rdfNS + "Description" { emit(s, rdfNS + "type", .iri(type)) }
        for (p, o) in properties { emit(s, p, o) }
        try propertyElements(of: s, ctx, owner: e)
        return s
    }

    /// Reads property elements up to the end tag of `owner`.
    func propertyElements(of subject: RDFTerm, _ ctx: Context, owner: XMLReader.Node) throws {
        var li = 0
        while let n = try next() {
            switch n.kind {
            case .endElement: return
            case .text: try requireWhitespace(n, "between the property elements of \(owner.qualifiedName)")
            case .startElement: try propertyElement(n, subject, ctx, li: &li)
            }
        }
        throw fail(owner.line, "\(owner.qualifiedName) is not closed")
    }

    // MARK: Property elements

    func propertyElement(_ e: XMLReader.Node, _ subject: RDFTerm, _ parent: Context, li: inout Int) throws {
        let ctx = try context(e, parent)
        var predicate = try elementIRI(e)
        if predicate.hasPrefix(rdfNS) {
            let local = String(predicate.dropFirst(rdfNS.count))
            if local == "li" {
                li += 1
                predicate = rdfNS + "_\(li)"
            } else if coreSyntaxTerms.contains(local) || oldTerms.contains(local) || local == "Description" {
                throw fail(e.line, "rdf:\(local) cannot be used as a property element")
            }
        }
        var resource: String?, node: String?, datatype: String?, parseType: String?, statementID: String?
        var attributes = [(String, String)]()  // property attributes
        for a in e.attributes {
            if a.namespaceURI == xmlNS || (a.namespaceURI == nil && a.localName.lowercased().hasPrefix("xml")) { continue }
            guard let ns = a.namespaceURI else {
                throw fail(e.line, "attribute '\(a.qualifiedName)' has no namespace (RDF/XML attributes must be qualified, e.g. rdf:resource)")
            }
            if ns == rdfNS {
                switch a.localName {
                case "resource": resource = a.value
                case "nodeID": node = a.value
                case "datatype": datatype = a.value
                case "parseType": parseType = a.value
                case "ID": statementID = try idIRI(a.value, ctx, e.line)
                case let local where coreSyntaxTerms.contains(local) || oldTerms.contains(local) || local == "li" || local == "Description":
                    throw fail(e.line, "rdf:\(local) is not allowed on a property element")
                default: attributes.append((ns + a.localName, a.value))
                }
            } else {
                attributes.append((ns + a.localName, a.value))
            }
        }
        if resource != nil && node != nil { throw fail(e.line, "\(e.qualifiedName) has both rdf:resource and rdf:nodeID") }
        /// The property triple, reified when the element has an rdf:ID.
        func emitStatement(_ object: RDFTerm) {
            emit(subject, predicate, object)
            guard let statementID else { return }
            let r = RDFTerm.iri(statementID)
            emit(r, rdfNS + "type", .iri(rdfNS + "Statement"))
            emit(r, rdfNS + "subject", subject)
            emit(r, rdfNS + "predicate", .iri(predicate))
            emit(r, rdfNS + "object", object)
        }

        if let parseType {
            if resource != nil || node != nil || datatype != nil || !attributes.isEmpty {
                throw fail(e.line, "rdf:parseType cannot be combined with rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
            }
            switch parseType {
            case "Resource":
                let n = newBlank()
                emitStatement(n)
                try propertyElements(of: n, ctx, owner: e)
            case "Collection":
                var items = [RDFTerm]()
                loop: while let n = try next() {
                    switch n.kind {
                    case .startElement: items.append(try nodeElement(n, ctx))
                    case .text: try requireWhitespace(n, "inside an rdf:parseType=\"Collection\" element")
                    case .endElement: break loop
                    }
                }
                var list: RDFTerm = .iri(rdfNS + "nil")
                for item in items.reversed() {
                    let cell = newBlank()
                    emit(cell, rdfNS + "rest", list)
                    emit(cell, rdfNS + "first", item)
                    list = cell
                }
                emitStatement(list)
            default:
                throw fail(e.line, "rdf:parseType=\"\(parseType)\" is not supported (XML literals are not read; use a plain or typed literal)")
            }
            return
        }

        // Content: text, or one nested node element.
        var text = ""
        var object: RDFTerm?
        loop: while let n = try next() {
            switch n.kind {
            case .text:
                if object != nil { try requireWhitespace(n, "after the node element inside \(e.qualifiedName)") }
                else { text += n.text }
            case .startElement:
                if object != nil { throw fail(n.line, "\(e.qualifiedName) holds more than one node element") }
                if !isWhitespace(text) {
                    throw fail(n.line, "mixed content (text and elements) in \(e.qualifiedName) is not supported")
                }
                object = try nodeElement(n, ctx)
                text = ""
            case .endElement:
                break loop
            }
        }
        let hasObjectAttributes = resource != nil || node != nil || !attributes.isEmpty
        if let object {
            if hasObjectAttributes || datatype != nil {
                throw fail(e.line, "\(e.qualifiedName) holds a node element and rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
            }
            emitStatement(object)
        } else if !text.isEmpty && !(hasObjectAttributes && isWhitespace(text)) {
            if hasObjectAttributes {
                throw fail(e.line, "\(e.qualifiedName) has text and rdf:resource, rdf:nodeID or property attributes")
            }
            if let datatype {
                emitStatement(.literal(RDFLiteral(text, datatype: try resolve(datatype, ctx, e.line, what: "rdf:datatype"))))
            } else {
                emitStatement(.literal(try literal(text, ctx, e.line)))
            }
        } else if let datatype {
            if hasObjectAttributes { throw fail(e.line, "rdf:datatype cannot be combined with rdf:resource, rdf:nodeID or property attributes") }
            emitStatement(.literal(RDFLiteral("", datatype: try resolve(datatype, ctx, e.line, what: "rdf:datatype"))))
        } else {
            let o: RDFTerm
            if let resource { o = .iri(try resolve(resource, ctx, e.line, what: "rdf:resource")) }
            else if let node { o = .blank(try nodeID(node, e.line)) }
            else if !attributes.isEmpty { o = newBlank() }
            else { o = .literal(try literal("", ctx, e.line)) }
            emitStatement(o)
            for (p, v) in attributes {
                if p == rdfNS + "type" { emit(o, p, .iri(try resolve(v, ctx, e.line, what: "rdf:type"))) }
                else { emit(o, p, .literal(try literal(v, ctx, e.line))) }
            }
        }
    }

    // MARK: Helpers

    func next() throws -> XMLReader.Node? {
        do { return try reader.next() } catch let e as XMLReaderError {
            throw RDFReadError(name: name, line: e.line, message: e.message)
        }
    }

    func emit(_ s: RDFTerm, _ p: String, _ o: RDFTerm) { triples.append(RDFTriple(s, p, o)) }

    func newBlank() -> RDFTerm {
        blankCount += 1
        return .blank("b\(blankCount)")
    }

    /// The label for an rdf:nodeID value (checked to be an NCName).
    func nodeID(_ value: String, _ line: Int) throws -> String {
        guard XMLText.isNCName(value) else { throw fail(line, "rdf:nodeID \"\(value)\" is not an XML NCName") }
        if let label = blankLabels[value] { return label }
        blankCount += 1
        let label = "b\(blankCount)"
        blankLabels[value] = label
        return label
    }

    func idIRI(_ value: String, _ ctx: Context, _ line: Int) throws -> String {
        guard XMLText.isNCName(value) else { throw fail(line, "rdf:ID \"\(value)\" is not an XML NCName") }
        let iri = try resolve("#" + value, ctx, line, what: "rdf:ID")
        guard ids.insert(iri).inserted else { throw fail(line, "rdf:ID \"\(value)\" is used twice (<\(iri)>)") }
        return iri
    }

    func elementIRI(_ e: XMLReader.Node) throws -> String {
        guard let ns = e.namespaceURI else {
            throw fail(e.line, "element <\(e.qualifiedName)> has no namespace (RDF/XML elements must be qualified)")
        }
        let iri = ns + e.localName
        if let p = NTriplesSyntax.iriProblem(iri) { throw fail(e.line, "element <\(e.qualifiedName)> is not an IRI: \(p)") }
        return iri
    }

    func literal(_ text: String, _ ctx: Context, _ line: Int) throws -> RDFLiteral {
        if let language = ctx.language, !RDFSyntax.isLanguageTag(language) {
            throw fail(line, "xml:lang \"\(language)\" is not a well-formed language tag")
        }
        return RDFLiteral(text, language: ctx.language)
    }

    /// Resolves an IRI reference against the base in scope and checks the result.
    func resolve(_ reference: String, _ ctx: Context, _ line: Int, what: String) throws -> String {
        let iri: String
        if IRIResolver.isAbsolute(reference) {
            iri = IRIResolver.resolve(reference, against: reference)
        } else if let base = ctx.base {
            iri = IRIResolver.resolve(reference, against: base)
        } else {
            throw fail(line, "\(what) \"\(reference)\" is a relative IRI and there is no base (xml:base or a base IRI)")
        }
        if let p = NTriplesSyntax.iriProblem(iri) { throw fail(line, "\(what) \"\(reference)\": \(p)") }
        return iri
    }

    /// The context of an element: its xml:lang and xml:base over the parent's.
    func context(_ e: XMLReader.Node, _ parent: Context) throws -> Context {
        var ctx = parent
        for a in e.attributes where a.namespaceURI == xmlNS {
            switch a.localName {
            case "lang": ctx.language = a.value.isEmpty ? nil : a.value
            case "base": ctx.base = IRIResolver.withoutFragment(try resolve(a.value, parent, e.line, what: "xml:base"))
            default: break
            }
        }
        return ctx
    }

    func isWhitespace(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    func requireWhitespace(_ n: XMLReader.Node, _ place: String) throws {
        if !isWhitespace(n.text) { throw fail(n.line, "text is not allowed \(place)") }
    }

    func fail(_ line: Int, _ message: String) -> RDFReadError { RDFReadError(name: name, line: line, message: message) }
}

// A small, safe pull reader over libxml2's xmlTextReader, for reading RDF/XML (module KBRDF).
//
// Safe by construction: `XML_PARSE_NONET` (and the process-wide no-network entity loader, see LibXML), no
// entity substitution (`XML_PARSE_NOENT` is not set), no DTD loading, no XInclude, no `XML_PARSE_HUGE`
// (libxml2's own limits on text size and nesting stay on). A document with a DOCTYPE declaration or an
// entity reference is refused outright, so no entity is ever expanded; documents larger than
// `Limits.maxBytes` or nested deeper than `Limits.maxDepth` are refused before or while reading.

internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a document could not be read: not well-formed, refused (DOCTYPE, entity, limits) or unreadable.
public struct XMLReaderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The document's name (a path or label).
    public var name: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    public var message: String

    public init(name: String, line: Int, message: String) { self.name = name; self.line = line; self.message = message }

    /// `file.rdf:12: message`
    public var description: String { line > 0 ? "\(name):\(line): \(message)" : "\(name): \(message)" }
}

/// Reads an XML document node by node.
///
///     let r = try XMLReader(path: "in.rdf")
///     while let node = try r.next() {
///         if node.kind == .startElement { print(node.namespaceURI ?? "", node.localName, node.line) }
///     }
///
/// Comments, processing instructions and the XML declaration are skipped. An empty element `<a/>` gives a
/// `startElement` (with `isEmptyElement`) followed by an `endElement`, like `<a></a>`. Text, CDATA and
/// whitespace all come as `text` (adjacent pieces are not merged). Namespace declarations are not attributes.
public final class XMLReader {
    public struct Limits: Sendable {
        /// Larger documents are refused before parsing.
        public var maxBytes: Int
        /// Elements nested deeper are refused (libxml2 itself stops at 256 without XML_PARSE_HUGE).
        public var maxDepth: Int

        public init(maxBytes: Int = 1 << 30, maxDepth: Int = 200) { self.maxBytes = maxBytes; self.maxDepth = maxDepth }
    }

    public enum Kind: Sendable, Equatable { case startElement, endElement, text }

    public struct Attribute: Sendable, Equatable {
        /// nil for an unprefixed attribute.
        public var namespaceURI: String?
        public var localName: String
        /// The name as written (`rdf:about`).
        public var qualifiedName: String
        public var value: String
    }

    public struct Node: Sendable {
        public var kind: Kind
        /// Element local name ("" for text).
        public var localName: String = ""
        /// Element namespace, nil when none.
        public var namespaceURI: String?
        /// Element name as written.
        public var qualifiedName: String = ""
        /// Text content (text nodes only).
        public var text: String = ""
        /// Attributes of a start tag, in document order, without namespace declarations.
        public var attributes: [Attribute] = []
        public var isEmptyElement = false
        /// 1-based line of the node (of the start tag for an end element).
        public var line: Int
        /// Element nesting depth (0 for the root element).
        public var depth: Int
    }

    /// The name used in messages.
    public let name: String
    private let limits: Limits
    private var reader: xmlTextReaderPtr?
    private let collector: MessageCollector
    private var buffer: UnsafeMutableRawBufferPointer?
    private var pendingEnd: Node?
    private var finished = false

    /// Opens a file.
    /// - Throws: `XMLReaderError` when the file cannot be read or is larger than `limits.maxBytes`.
    /// The corresponding C functions are `stat` and `xmlReaderForFile`.
    public convenience init(path: String, limits: Limits = Limits()) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { throw XMLReaderError(name: path, line: 0, message: Posix.errorText(errno)) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw XMLReaderError(name: path, line: 0, message: Posix.errorText(EISDIR)) }
        guard Int(st.st_size) <= limits.maxBytes else {
            throw XMLReaderError(name: path, line: 0, message: "document larger than the limit of \(limits.maxBytes) bytes")
        }
        guard access(path, R_OK) == 0 else { throw XMLReaderError(name: path, line: 0, message: Posix.errorText(errno)) }
        try self.init(name: path, limits: limits) { xmlReaderForFile(path, nil, XMLReader.options) }
    }

    /// Reads a document held in memory (copied).
    /// - Throws: `XMLReaderError` when `bytes` is larger than `limits.maxBytes`.
    /// The corresponding C function is `xmlReaderForMemory`.
    public convenience init(bytes: [UInt8], name: String, limits: Limits = Limits()) throws {
        guard bytes.count <= limits.maxBytes, bytes.count < Int(Int32.max) else {
            throw XMLReaderError(name: name, line: 0, message: "document larger than the limit of \(limits.maxBytes) bytes")
        }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        do {
            try self.init(name: name, limits: limits) {
                xmlReaderForMemory(copy.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), name, nil,
                                   XMLReader.options)
            }
        } catch {
            copy.deallocate()
            throw error
        }
        buffer = copy
    }

    private init(name: String, limits: Limits, open: () -> xmlTextReaderPtr?) throws {
        LibXML.ensureInitialized()
        self.name = name
        self.limits = limits
        collector = MessageCollector(primaryFile: name)
        guard let r = open() else { throw XMLReaderError(name: name, line: 0, message: "cannot open the document") }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(r, readerStructuredError, collector.context)
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        buffer?.deallocate()
    }

    /// `XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA` (CDATA as text). Deliberately absent:
    /// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID`, `XML_PARSE_XINCLUDE`,
    /// `XML_PARSE_HUGE`.
    static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// The next node, or nil at the end of the document.
    /// - Throws: `XMLReaderError` naming the line: not well-formed (libxml2's message), a DOCTYPE or entity
    ///   reference, nesting deeper than the limit. After an error every call throws it again.
    /// The corresponding C function is `xmlTextReaderRead`.
    public func next() throws -> Node? {
        if let end = pendingEnd { pendingEnd = nil; return end }
        guard let reader, !finished else { return nil }
        while true {
            let rc = withExtendedLifetime(collector) { xmlTextReaderRead(reader) }
            if rc < 0 || collector.errorCount > 0 { throw failure() }
            if rc == 0 {
                finished = true
                return nil
            }
            let type = xmlTextReaderNodeType(reader)
            let line = currentLine()
            let depth = Int(xmlTextReaderDepth(reader))
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if depth >= limits.maxDepth { throw fail(line, "elements nested deeper than \(limits.maxDepth) levels") }
                var node = Node(kind: .startElement, line: line, depth: depth)
                node.localName = string(xmlTextReaderConstLocalName(reader))
                node.namespaceURI = optionalString(xmlTextReaderConstNamespaceUri(reader))
                node.qualifiedName = string(xmlTextReaderConstName(reader))
                node.isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
                node.attributes = try attributes(line: line)
                if node.isEmptyElement {
                    var end = node
                    end.kind = .endElement
                    end.attributes = []
                    pendingEnd = end
                }
                return node
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                var node = Node(kind: .endElement, line: line, depth: depth)
                node.localName = string(xmlTextReaderConstLocalName(reader))
                node.namespaceURI = optionalString(xmlTextReaderConstNamespaceUri(reader))
                node.qualifiedName = string(xmlTextReaderConstName(reader))
                return node
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                var node = Node(kind: .text, line: line, depth: depth)
                node.text = string(xmlTextReaderConstValue(reader))
                return node
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw fail(line, "DOCTYPE declarations are not supported (entities are never expanded)")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue),
                 Int32(XML_READER_TYPE_END_ENTITY.rawValue):
                throw fail(line, "entity references are not supported (entities are never expanded)")
            default:
                continue  // comments, processing instructions, XML declaration
            }
        }
    }

    private var stored: XMLReaderError?

    private func fail(_ line: Int, _ message: String) -> XMLReaderError {
        let e = XMLReaderError(name: name, line: line, message: message)
        stored = e
        finished = true
        return e
    }

    private func failure() -> XMLReaderError {
        if let stored { return stored }
        let first = collector.messages.first { !$0.message.hasPrefix("warning: ") } ?? collector.messages.first
        return fail(first?.line ?? currentLine(), "not well-formed XML: " + (first?.message ?? "xmlTextReaderRead failed"))
    }

    /// The line of the current node (`xmlGetLineNo`), else the parser's line.
    private func currentLine() -> Int {
        guard let reader else { return 0 }
        if let node = xmlTextReaderCurrentNode(reader) {
            let n = xmlGetLineNo(node)
            if n > 0 { return Int(n) }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    private func attributes(line: Int) throws -> [Attribute] {
        guard let reader else { return [] }
        var out = [Attribute]()
        guard xmlTextReaderHasAttributes(reader) == 1 else { return out }
        var rc = xmlTextReaderMoveToFirstAttribute(reader)
        while rc == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) != 1 {
                out.append(Attribute(namespaceURI: optionalString(xmlTextReaderConstNamespaceUri(reader)),
                                     localName: string(xmlTextReaderConstLocalName(reader)),
                                     qualifiedName: string(xmlTextReaderConstName(reader)),
                                     value: string(xmlTextReaderConstValue(reader))))
            }
            rc = xmlTextReaderMoveToNextAttribute(reader)
        }
        _ = xmlTextReaderMoveToElement(reader)
        if rc < 0 { throw fail(line, "cannot read the attributes") }
        return out
    }

    private func string(_ p: UnsafePointer<xmlChar>?) -> String { optionalString(p) ?? "" }

    private func optionalString(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}

/// The reader's structured-error callback: like `collectStructuredError`, except that a namespace name that is
/// not a URI (libxml2's XML_WAR_NS_URI, XML_WAR_NS_URI_RELATIVE) is kept as a warning, not an error: RDF/XML
/// namespace names are IRIs (`http://ex.org/ف/`), which Namespaces in XML 1.1 allows; whether the element and
/// attribute IRIs they make are absolute is the caller's check.
private let readerStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let error, let collector = MessageCollector.from(context) else { return }
    var e = error.pointee
    if e.domain == Int32(XML_FROM_NAMESPACE.rawValue),
       e.code == Int32(XML_WAR_NS_URI.rawValue) || e.code == Int32(XML_WAR_NS_URI_RELATIVE.rawValue) {
        e.level = XML_ERR_WARNING
    }
    collector.add(e)
}

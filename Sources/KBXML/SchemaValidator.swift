// XSD and RELAX NG validation through libxml2, with messages collected per call (no global error handlers).

internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled W3C XML Schema or RELAX NG schema that validates documents.
///
/// Instance documents are parsed with `XML_PARSE_NONET`, without entity substitution and without loading DTDs;
/// libxml2 never uses the network (see `LibXML`). Validations are serialised by a lock, so one validator may be
/// shared between threads.
///
///     let v = try SchemaValidator(path: ".../graphml.xsd", kind: .xsd, catalog: ".../catalog.xml")
///     let problems = v.validate(path: "out.graphml")   // [] when valid
public final class SchemaValidator: Sendable {
    public enum Kind: Sendable { case xsd, relaxNG }

    public let path: String
    public let kind: Kind
    private let schema: CompiledSchema
    private let lock = Lock()

    /// Loads and compiles a schema.
    ///
    /// - Parameters:
    ///   - path: the `.xsd` or `.rng` file.
    ///   - kind: the schema language.
    ///   - catalog: an OASIS XML catalog loaded first (once per process) with `xmlLoadCatalog`, so that absolute
    ///     `schemaLocation` URLs resolve to local files. The GraphML XSD needs `…/schemas/graphml/catalog.xml`.
    /// - Throws: `XMLError.schema(path:messages:)` with libxml2's messages (line numbers refer to the schema file,
    ///   or to the file named at the start of the message).
    /// The corresponding C functions are `xmlSchemaParse` and `xmlRelaxNGParse`.
    public init(path: String, kind: Kind, catalog: String? = nil) throws {
        LibXML.ensureInitialized()
        if let catalog { try LibXML.loadCatalog(catalog) }
        if access(path, R_OK) != 0 {
            throw XMLError.schema(path: path, messages: [ValidationMessage(line: 0, message: Posix.errorText(errno))])
        }
        self.path = path
        self.kind = kind
        schema = try LibXML.compileLock.withLock { try CompiledSchema(source: .file(path), name: path, kind: kind) }
    }

    /// Compiles a schema held in memory (an embedded resource, say); `name` labels it in messages. The schema must be
    /// self-contained (relative includes and imports resolve against the current directory).
    /// The corresponding C functions are `xmlSchemaNewMemParserCtxt` and `xmlRelaxNGNewMemParserCtxt`.
    public init(bytes: [UInt8], name: String, kind: Kind) throws {
        LibXML.ensureInitialized()
        path = name
        self.kind = kind
        schema = try LibXML.compileLock.withLock { try CompiledSchema(source: .bytes(bytes), name: name, kind: kind) }
    }

    /// Validates a document held in memory.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - name: the name libxml2 uses for it (a path or label).
    /// - Returns: `[]` when the document is valid; otherwise the validator's messages with line numbers, or the
    ///   parser's messages when the document is not well-formed.
    /// The corresponding C functions are `xmlSchemaValidateDoc` and `xmlRelaxNGValidateDoc`.
    public func validate(bytes: [UInt8], name: String) -> [ValidationMessage] {
        validate(.bytes(bytes), name: name)
    }

    /// Validates the file at `path`; see `validate(bytes:name:)`.
    public func validate(path: String) -> [ValidationMessage] {
        validate(.file(path), name: path)
    }

    private func validate(_ source: ParsedDocument.Source, name: String) -> [ValidationMessage] {
        lock.withLock {
            let (document, parseMessages) = ParsedDocument.parse(source, name: name)
            guard let document else { return parseMessages }
            return schema.validate(document, name: name)
        }
    }
}

/// Owns the compiled `xmlSchemaPtr` or `xmlRelaxNGPtr`; frees it in deinit.
private final class CompiledSchema: @unchecked Sendable {
    // @unchecked: the pointer is written once in init, and SchemaValidator only uses it under its lock.
    private enum Handle {
        case xsd(xmlSchemaPtr)
        case relaxNG(xmlRelaxNGPtr)
    }

    private let handle: Handle

    enum Source { case file(String), bytes([UInt8]) }

    init(source: Source, name path: String, kind: SchemaValidator.Kind) throws {
        let collector = MessageCollector(primaryFile: path)
        func failure(_ function: String) -> XMLError {
            var messages = collector.messages
            if collector.errorCount == 0 { messages.append(ValidationMessage(line: 0, message: "\(function) failed")) }
            return XMLError.schema(path: path, messages: messages)
        }
        switch kind {
        case .xsd:
            let made: xmlSchemaParserCtxtPtr? = switch source {
            case .file(let p): xmlSchemaNewParserCtxt(p)
            case .bytes(let b): b.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { xmlSchemaNewMemParserCtxt($0, Int32(b.count)) }
            }
            }
            guard let parser = made else { throw failure("xmlSchemaNewParserCtxt") }
            defer { xmlSchemaFreeParserCtxt(parser) }
            let compiled = withExtendedLifetime(collector) { () -> xmlSchemaPtr? in
                xmlSchemaSetParserStructuredErrors(parser, collectStructuredError, collector.context)
                return xmlSchemaParse(parser)
            }
            guard let compiled, collector.errorCount == 0 else {
                if let compiled { xmlSchemaFree(compiled) }
                throw failure("xmlSchemaParse")
            }
            handle = .xsd(compiled)
        case .relaxNG:
            let made: xmlRelaxNGParserCtxtPtr? = switch source {
            case .file(let p): xmlRelaxNGNewParserCtxt(p)
            case .bytes(let b): b.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { xmlRelaxNGNewMemParserCtxt($0, Int32(b.count)) }
            }
            }
            guard let parser = made else { throw failure("xmlRelaxNGNewParserCtxt") }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            let compiled = withExtendedLifetime(collector) { () -> xmlRelaxNGPtr? in
                xmlRelaxNGSetParserStructuredErrors(parser, collectStructuredError, collector.context)
                return xmlRelaxNGParse(parser)
            }
            guard let compiled, collector.errorCount == 0 else {
                if let compiled { xmlRelaxNGFree(compiled) }
                throw failure("xmlRelaxNGParse")
            }
            handle = .relaxNG(compiled)
        }
    }

    deinit {
        switch handle {
        case let .xsd(s): xmlSchemaFree(s)
        case let .relaxNG(s): xmlRelaxNGFree(s)
        }
    }

    func validate(_ document: ParsedDocument, name: String) -> [ValidationMessage] {
        let collector = MessageCollector(primaryFile: name)
        let rc: Int32 = withExtendedLifetime(collector) {
            switch handle {
            case let .xsd(schema):
                guard let ctxt = xmlSchemaNewValidCtxt(schema) else {
                    collector.add(line: 0, "xmlSchemaNewValidCtxt failed")
                    return -1
                }
                defer { xmlSchemaFreeValidCtxt(ctxt) }
                xmlSchemaSetValidStructuredErrors(ctxt, collectStructuredError, collector.context)
                return xmlSchemaValidateDoc(ctxt, document.doc)
            case let .relaxNG(schema):
                guard let ctxt = xmlRelaxNGNewValidCtxt(schema) else {
                    collector.add(line: 0, "xmlRelaxNGNewValidCtxt failed")
                    return -1
                }
                defer { xmlRelaxNGFreeValidCtxt(ctxt) }
                xmlRelaxNGSetValidStructuredErrors(ctxt, collectStructuredError, collector.context)
                return xmlRelaxNGValidateDoc(ctxt, document.doc)
            }
        }
        if rc == 0 && collector.errorCount == 0 { return [] }
        if collector.errorCount == 0 {
            let function = { if case .xsd = handle { return "xmlSchemaValidateDoc" } else { return "xmlRelaxNGValidateDoc" } }()
            return collector.messages + [ValidationMessage(line: 0, message: "\(function) returned \(rc)")]
        }
        return collector.messages
    }
}

// Safe parsing of instance documents: no network, no entity substitution, no DTD loading.

internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Well-formedness checks (XML 1.0 + Namespaces) with libxml2's parser.
public enum XMLDocumentCheck {
    /// Parses `bytes` and returns the parser's errors, or `[]` when the document is namespace-well-formed.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - name: the document's name (a path or label) as libxml2 reports it.
    public static func wellFormedErrors(bytes: [UInt8], name: String) -> [ValidationMessage] {
        ParsedDocument.parse(.bytes(bytes), name: name).messages
    }

    /// Reads and parses the file at `path`; see `wellFormedErrors(bytes:name:)`.
    public static func wellFormedErrors(path: String) -> [ValidationMessage] {
        ParsedDocument.parse(.file(path), name: path).messages
    }
}

/// Owns one `xmlDocPtr`; `xmlFreeDoc` runs in deinit.
final class ParsedDocument {
    enum Source { case bytes([UInt8]), file(String) }

    /// `XML_PARSE_NONET | XML_PARSE_BIG_LINES`. Deliberately absent: `XML_PARSE_NOENT` (entity substitution),
    /// `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID`, `XML_PARSE_XINCLUDE`, `XML_PARSE_HUGE`.
    static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    let doc: xmlDocPtr

    private init(doc: xmlDocPtr) { self.doc = doc }

    deinit { xmlFreeDoc(doc) }

    /// Parses a document; returns it only when it is namespace-well-formed, else nil and the parser's messages.
    /// The corresponding C functions are `xmlCtxtReadMemory` and `xmlCtxtReadFile`.
    static func parse(_ source: Source, name: String) -> (document: ParsedDocument?, messages: [ValidationMessage]) {
        LibXML.ensureInitialized()
        if case let .file(path) = source, access(path, R_OK) != 0 {
            return (nil, [ValidationMessage(line: 0, message: "cannot read \(path): \(Posix.errorText(errno))")])
        }
        if case let .bytes(bytes) = source, bytes.count > Int(Int32.max) {
            return (nil, [ValidationMessage(line: 0, message: "\(name): document larger than 2 GiB")])
        }
        guard let ctxt = xmlNewParserCtxt() else {
            return (nil, [ValidationMessage(line: 0, message: "xmlNewParserCtxt failed")])
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let collector = MessageCollector(primaryFile: name)
        let doc: xmlDocPtr? = withExtendedLifetime(collector) {
            ctxt.pointee._private = collector.context
            ctxt.pointee.sax.pointee.serror = collectParserError
            defer { ctxt.pointee._private = nil }
            switch source {
            case let .bytes(bytes):
                let buffer = bytes.isEmpty ? [0] : bytes
                return buffer.withUnsafeBytes { raw in
                    xmlCtxtReadMemory(ctxt, raw.baseAddress!.assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), name, nil, options)
                }
            case let .file(path):
                return xmlCtxtReadFile(ctxt, path, nil, options)
            }
        }
        let wellFormed = ctxt.pointee.wellFormed != 0 && ctxt.pointee.nsWellFormed != 0 && collector.errorCount == 0
        guard let doc, wellFormed else {
            if let doc { xmlFreeDoc(doc) }
            var messages = collector.messages
            if messages.isEmpty { messages = [ValidationMessage(line: 0, message: "\(name): not well-formed")] }
            return (nil, messages)
        }
        return (ParsedDocument(doc: doc), [])
    }
}

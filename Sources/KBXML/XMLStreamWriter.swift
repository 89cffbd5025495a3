// A streaming XML writer over libxml2's xmlTextWriter. Every return code is checked; every text and attribute
// value goes through XMLText.sanitize first; names are validated before they reach libxml2.

internal import CLibXML2

/// Writes one XML document to an `OutputSink`, start tag by start tag, without building a tree.
///
///     let sink = MemorySink()
///     let w = try XMLStreamWriter(sink: sink)
///     try w.startDocument()
///     try w.startElement(prefix: nil, name: "graphml", namespaceURI: "http://graphml.graphdrawing.org/xmlns")
///     try w.element("desc", text: "محمود عباس")
///     try w.endDocument()
///
/// Errors: a negative libxml2 return code throws `XMLError.writer(function:code:)` naming the C function; an error
/// thrown by the sink is rethrown as is, from the call during which libxml2 passed bytes to the sink (libxml2
/// buffers about 4 KB, so that may be a later call than the one that produced the bytes). After any error the
/// writer is unusable and every call throws again, except `XMLError.invalidName`, which is thrown before anything
/// reaches libxml2 and leaves the writer usable. libxml2's own report of a failed sink write ("I/O error : write
/// error") is silenced (see `LibXML.silenceErrorOutput`): the thrown error is the one report.
///
/// Call `startDocument()` first: it also selects libxml2's UTF-8 output encoder, without which libxml2 writes
/// non-ASCII characters in attribute values as character references.
public final class XMLStreamWriter {
    /// Total number of scalars removed from text and attribute values by `XMLText.sanitize(_:)`.
    public private(set) var removedCharacters = 0

    private let bridge: SinkBridge
    private var writer: xmlTextWriterPtr?
    private var failure: (any Error)?

    /// Creates a writer that streams into `sink`.
    ///
    /// - Parameters:
    ///   - sink: receives the bytes; kept alive by the writer.
    ///   - indent: indent nested elements by two spaces per level.
    ///   - xmlDeclaration: false leaves the `<?xml …?>` line that `startDocument()` writes out of the output (an
    ///     HTML5 page in XML syntax starts with `<!DOCTYPE html>`); the UTF-8 encoder is selected all the same.
    /// The corresponding C functions are `xmlOutputBufferCreateIO` and `xmlNewTextWriter`.
    public init(sink: OutputSink, indent: Bool = true, xmlDeclaration: Bool = true) throws {
        LibXML.ensureInitialized()
        bridge = SinkBridge(sink)
        if !xmlDeclaration { bridge.skip = Array(Self.declaration.utf8) }
        guard let output = xmlOutputBufferCreateIO(sinkWrite, nil, Unmanaged.passUnretained(bridge).toOpaque(), nil)
        else { throw XMLError.writer(function: "xmlOutputBufferCreateIO", code: -1) }
        guard let w = xmlNewTextWriter(output) else {
            _ = xmlOutputBufferClose(output)
            throw XMLError.writer(function: "xmlNewTextWriter", code: -1)
        }
        writer = w
        if indent {
            try call("xmlTextWriterSetIndent") { xmlTextWriterSetIndent($0, 1) }
            try call("xmlTextWriterSetIndentString") { w in withXMLChars("  ") { xmlTextWriterSetIndentString(w, $0) } }
        }
    }

    deinit {
        // Flushes what libxml2 still buffers into the sink (unless the sink already failed) and frees the buffer.
        if let writer { LibXML.withoutErrorOutput { xmlFreeTextWriter(writer) } }
    }

    /// Writes `<?xml version="1.0" encoding="UTF-8"?>`, which must be the first bytes of the output.
    /// The corresponding C function is `xmlTextWriterStartDocument`.
    public func startDocument() throws {
        try call("xmlTextWriterStartDocument") { xmlTextWriterStartDocument($0, "1.0", "UTF-8", nil) }
    }

    /// The declaration `startDocument()` writes (left out when the writer was made with `xmlDeclaration: false`).
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// Writes `<!DOCTYPE name>` (no public or system id), e.g. `<!DOCTYPE html>`.
    /// The corresponding C function is `xmlTextWriterWriteDTD`.
    public func doctype(_ name: String) throws {
        try requireQName(name)
        try call("xmlTextWriterWriteDTD") { w in withXMLChars(name) { xmlTextWriterWriteDTD(w, $0, nil, nil, nil) } }
    }

    /// Writes `<![CDATA[s]]>`. `s` is sanitized; it must not contain `]]>`.
    /// The corresponding C function is `xmlTextWriterWriteCDATA`.
    ///
    /// - Throws: `XMLError.invalidCDATA` when `s` contains `]]>` (nothing is written).
    public func cdata(_ s: String) throws {
        let s = clean(s)
        guard !s.contains("]]>") else { throw XMLError.invalidCDATA }
        try call("xmlTextWriterWriteCDATA") { w in withXMLChars(s) { xmlTextWriterWriteCDATA(w, $0) } }
    }

    /// Opens an element. `name` may be a QName (`rdf:Description`) whose prefix is declared on this element or an
    /// ancestor. The corresponding C function is `xmlTextWriterStartElement`.
    ///
    /// - Throws: `XMLError.invalidName` when `name` is not a QName.
    public func startElement(_ name: String) throws {
        try requireQName(name)
        try call("xmlTextWriterStartElement") { w in withXMLChars(name) { xmlTextWriterStartElement(w, $0) } }
    }

    /// Opens `prefix:name`; when `namespaceURI` is not nil, libxml2 also writes `xmlns[:prefix]="namespaceURI"`
    /// on this element. The corresponding C function is `xmlTextWriterStartElementNS`.
    public func startElement(prefix: String?, name: String, namespaceURI: String?) throws {
        try requireNCName(name)
        if let prefix { try requirePrefix(prefix) }
        let uri = namespaceURI.map(clean)
        try call("xmlTextWriterStartElementNS") { w in
            withXMLChars(prefix, name, uri) { xmlTextWriterStartElementNS(w, $0, $1, $2) }
        }
    }

    /// Writes `name="value"` on the current start tag. `value` is sanitized; libxml2 escapes `& < > "` and writes
    /// TAB, LF and CR as character references. The corresponding C function is `xmlTextWriterWriteAttribute`.
    public func attribute(_ name: String, _ value: String) throws {
        try requireQName(name)
        let value = clean(value)
        try call("xmlTextWriterWriteAttribute") { w in
            withXMLChars(name, value) { xmlTextWriterWriteAttribute(w, $0, $1) }
        }
    }

    /// Writes `prefix:name="value"`; a non-nil `namespaceURI` also declares the prefix on the current element.
    /// The corresponding C function is `xmlTextWriterWriteAttributeNS`.
    public func attribute(prefix: String?, name: String, namespaceURI: String?, value: String) throws {
        try requireNCName(name)
        if let prefix { try requirePrefix(prefix) }
        let uri = namespaceURI.map(clean)
        let value = clean(value)
        try call("xmlTextWriterWriteAttributeNS") { w in
            withXMLChars(prefix, name, uri, value) { xmlTextWriterWriteAttributeNS(w, $0, $1, $2, $3) }
        }
    }

    /// Writes `xmlns:prefix="uri"` (or `xmlns="uri"` when `prefix` is nil) on the current start tag.
    /// The corresponding C function is `xmlTextWriterWriteAttribute`.
    ///
    /// - Throws: `XMLError.invalidName` when `prefix` is not an NCName or is `xmlns`.
    public func namespaceDeclaration(prefix: String?, uri: String) throws {
        if let prefix { try requirePrefix(prefix) }
        let name = prefix.map { "xmlns:" + $0 } ?? "xmlns"
        let uri = clean(uri)
        try call("xmlTextWriterWriteAttribute") { w in
            withXMLChars(name, uri) { xmlTextWriterWriteAttribute(w, $0, $1) }
        }
    }

    /// Writes character data. `s` is sanitized; libxml2 escapes `& < > "` and writes CR as `&#13;`.
    /// The corresponding C function is `xmlTextWriterWriteString`.
    public func text(_ s: String) throws {
        let s = clean(s)
        try call("xmlTextWriterWriteString") { w in withXMLChars(s) { xmlTextWriterWriteString(w, $0) } }
    }

    /// Writes `bytes` as they are: markup and character data already escaped by the caller (`XMLEscapedBuffer`,
    /// which escapes exactly as libxml2 does, so the bytes are those the element calls would give). An open start
    /// tag is closed first (`>`, no line break); the next end tag is not indented. The caller guarantees the bytes
    /// are well-formed XML content in UTF-8 with only XML 1.0 characters (nothing is sanitized).
    /// The corresponding C function is `xmlTextWriterWriteRawLen`.
    public func raw(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        try call("xmlTextWriterWriteRawLen") {
            xmlTextWriterWriteRawLen($0, base.assumingMemoryBound(to: xmlChar.self), Int32(bytes.count))
        }
    }

    /// Writes `<name>text</name>` (`startElement`, `text`, `endElement`).
    public func element(_ name: String, text: String) throws {
        try startElement(name)
        try self.text(text)
        try endElement()
    }

    /// Closes the innermost open element (`<x/>` when it has no content).
    /// The corresponding C function is `xmlTextWriterEndElement`.
    public func endElement() throws {
        try call("xmlTextWriterEndElement") { xmlTextWriterEndElement($0) }
    }

    /// Closes the innermost open element with an end tag even when it is empty (`<x></x>`, never `<x/>`): what an
    /// HTML parser needs for every element that is not a void element (`<div/>` opens a div in HTML).
    /// The corresponding C function is `xmlTextWriterFullEndElement`.
    public func fullEndElement() throws {
        try call("xmlTextWriterFullEndElement") { xmlTextWriterFullEndElement($0) }
    }

    /// Closes every open element, flushes libxml2's buffer and then the sink. The writer cannot be used afterwards.
    /// The corresponding C functions are `xmlTextWriterEndDocument` and `xmlTextWriterFlush`.
    public func endDocument() throws {
        try call("xmlTextWriterEndDocument") { xmlTextWriterEndDocument($0) }
        try call("xmlTextWriterFlush") { xmlTextWriterFlush($0) }
        if let writer { LibXML.withoutErrorOutput { xmlFreeTextWriter(writer) } }
        writer = nil
        try checkSink()
        do { try bridge.sink.flush() } catch {
            failure = error
            throw error
        }
    }

    // MARK: - Checks

    /// Runs one libxml2 call; a sink error recorded during the call wins over libxml2's return code.
    private func call(_ function: String, _ body: (xmlTextWriterPtr) -> Int32) throws {
        if let failure { throw failure }
        guard let writer else { throw XMLError.writer(function: function + " after endDocument", code: -1) }
        // libxml2 reports a failed sink write on its error output after the callback returns; the callback silences
        // it (sinkWrite) and the handler comes back here, so a call that writes nothing costs no handler swap.
        let rc = body(writer)
        if let saved = bridge.savedErrorOutput {
            LibXML.restoreErrorOutput(saved)
            bridge.savedErrorOutput = nil
        }
        try checkSink()
        if rc < 0 {
            let error = XMLError.writer(function: function, code: rc)
            failure = error
            throw error
        }
    }

    private func checkSink() throws {
        if let error = bridge.error {
            failure = error
            throw error
        }
    }

    private func clean(_ s: String) -> String {
        let (text, removed) = XMLText.sanitize(s)
        removedCharacters += removed
        return text
    }

    private func requireQName(_ name: String) throws {
        guard XMLText.isQName(name) else { throw XMLError.invalidName(name) }
    }

    private func requireNCName(_ name: String) throws {
        guard XMLText.isNCName(name) else { throw XMLError.invalidName(name) }
    }

    private func requirePrefix(_ prefix: String) throws {
        guard XMLText.isNCName(prefix), prefix != "xmlns" else { throw XMLError.invalidName(prefix) }
    }
}

/// The context of the output callback: the sink and the first error it threw.
private final class SinkBridge {
    let sink: OutputSink
    var error: (any Error)?
    /// The error handler to restore after the current call, set when a write failed during it.
    var savedErrorOutput: LibXML.SavedErrorOutput?
    /// Bytes still to leave out at the start of the output (the XML declaration, when it is not wanted).
    var skip: [UInt8] = []

    init(_ sink: OutputSink) { self.sink = sink }

    /// Writes `bytes` to the sink, less the leading bytes of `skip` not yet left out.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var bytes = bytes
        if !skip.isEmpty {
            let n = min(skip.count, bytes.count)
            guard bytes.prefix(n).elementsEqual(skip.prefix(n)) else {
                throw XMLError.writer(function: "xmlTextWriterStartDocument (unexpected declaration)", code: -1)
            }
            skip.removeFirst(n)
            bytes = UnsafeRawBufferPointer(rebasing: bytes[n...])
            if bytes.isEmpty { return }
        }
        try sink.write(bytes)
    }
}

/// libxml2's write callback: forwards the bytes to the sink. On a thrown error it records the error and returns -1,
/// which makes libxml2 stop writing (the output buffer stays in its error state).
private let sinkWrite: xmlOutputWriteCallback = { context, buffer, length in
    guard let context else { return -1 }
    let bridge = Unmanaged<SinkBridge>.fromOpaque(context).takeUnretainedValue()
    if bridge.error != nil {
        if bridge.savedErrorOutput == nil { bridge.savedErrorOutput = LibXML.silenceErrorOutput() }
        return -1
    }
    guard length > 0, let buffer else { return 0 }
    do {
        try bridge.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
        return length
    } catch {
        bridge.error = error
        if bridge.savedErrorOutput == nil { bridge.savedErrorOutput = LibXML.silenceErrorOutput() }
        return -1
    }
}

import Testing
@testable import KBXML

/// A sink that accepts `limit` bytes, then throws `Boom` on every write.
final class FailingSink: OutputSink {
    struct Boom: Error, Equatable {}
    let limit: Int
    private(set) var written = 0
    private(set) var writeCalls = 0

    init(limit: Int) { self.limit = limit }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        writeCalls += 1
        if written + bytes.count > limit { throw Boom() }
        written += bytes.count
    }

    func flush() throws {}
}

@Suite struct XMLStreamWriterTests {
    private func document(indent: Bool = true, _ body: (XMLStreamWriter) throws -> Void) throws -> (String, XMLStreamWriter) {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink, indent: indent)
        try w.startDocument()
        try body(w)
        try w.endDocument()
        return (sink.string, w)
    }

    @Test func headerIsAtByteZeroAndLayoutIsIndented() throws {
        let (out, _) = try document { w in
            try w.startElement("root")
            try w.attribute("id", "r")
            try w.startElement("child")
            try w.endElement()
            try w.element("data", text: "x")
        }
        #expect(out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(out == """
            <?xml version="1.0" encoding="UTF-8"?>
            <root id="r">
              <child/>
              <data>x</data>
            </root>

            """)
    }

    @Test func noIndent() throws {
        let (out, _) = try document(indent: false) { w in
            try w.startElement("a")
            try w.element("b", text: "")
        }
        #expect(out == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b></b></a>\n")
    }

    @Test func attributeEscapingIsDoneByLibxml2() throws {
        let (out, _) = try document { w in
            try w.startElement("e")
            try w.attribute("v", "a&b<c>d\"e'f\tg\nh\ri")
        }
        #expect(out.contains(#"<e v="a&amp;b&lt;c&gt;d&quot;e'f&#9;g&#10;h&#13;i"/>"#))
        #expect(XMLDocumentCheck.wellFormedErrors(bytes: Array(out.utf8), name: "escape.xml") == [])
    }

    @Test func textEscapingIsDoneByLibxml2() throws {
        let (out, _) = try document { w in
            try w.element("t", text: "a&b<c>d\"e\tf\ng\rh")
        }
        #expect(out.contains("<t>a&amp;b&lt;c&gt;d&quot;e\tf\ng&#13;h</t>"))
    }

    @Test func illegalCharactersAreRemovedAndCounted() throws {
        let (out, w) = try document { w in
            try w.startElement("e")
            try w.attribute("v", "a\u{1B}b\u{0}c\u{B}\u{C}d")       // 4 removed
            try w.text("x\u{1B}y\u{FFFE}z\u{FFFF}\u{0}")              // 4 removed
            try w.endElement()
        }
        #expect(w.removedCharacters == 8)
        #expect(out.contains(#"<e v="abcd">xyz</e>"#))
        #expect(!out.utf8.contains(0x1B) && !out.utf8.contains(0))
        #expect(XMLDocumentCheck.wellFormedErrors(bytes: Array(out.utf8), name: "clean.xml") == [])
    }

    @Test func arabicIsWrittenByteForByte() throws {
        let arabic = "محمود عباس، رئيس السلطة الفلسطينية، في رام الله"
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink)
        try w.startDocument()
        try w.startElement("p")
        try w.attribute("label", arabic)
        try w.text(arabic)
        try w.endDocument()
        let expected = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p label=\"\(arabic)\">\(arabic)</p>\n".utf8)
        #expect(sink.bytes == expected)
    }

    @Test func namespaces() throws {
        let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        let (out, _) = try document { w in
            try w.startElement(prefix: "rdf", name: "RDF", namespaceURI: rdf)
            try w.namespaceDeclaration(prefix: "schema", uri: "http://schema.org/")
            try w.startElement("rdf:Description")
            try w.attribute(prefix: "rdf", name: "about", namespaceURI: nil, value: "https://kb.example.org/e/1")
            try w.startElement(prefix: "schema", name: "name", namespaceURI: nil)
            try w.attribute("xml:lang", "ar")
            try w.text("خليفة حفتر")
        }
        #expect(out == """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:schema="http://schema.org/" xmlns:rdf="\(rdf)">
              <rdf:Description rdf:about="https://kb.example.org/e/1">
                <schema:name xml:lang="ar">خليفة حفتر</schema:name>
              </rdf:Description>
            </rdf:RDF>

            """)
        #expect(XMLDocumentCheck.wellFormedErrors(bytes: Array(out.utf8), name: "ns.rdf") == [])
    }

    @Test func defaultNamespace() throws {
        let (out, _) = try document { w in
            try w.startElement(prefix: nil, name: "graphml", namespaceURI: "http://graphml.graphdrawing.org/xmlns")
            try w.namespaceDeclaration(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
        }
        #expect(out.contains(#"<graphml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://graphml.graphdrawing.org/xmlns"/>"#))
    }

    @Test func invalidNamesAreRejectedBeforeLibxml2() throws {
        let w = try XMLStreamWriter(sink: MemorySink())
        try w.startDocument()
        for bad in ["", "1abc", "a b", "a:b:c", "x\u{1B}"] {
            #expect(throws: XMLError.invalidName(bad)) { try w.startElement(bad) }
        }
        #expect(throws: XMLError.invalidName("a:b")) { try w.startElement(prefix: nil, name: "a:b", namespaceURI: nil) }
        #expect(throws: XMLError.invalidName("xmlns")) { try w.namespaceDeclaration(prefix: "xmlns", uri: "u") }
        try w.startElement("ok")
        #expect(throws: XMLError.invalidName("bad name")) { try w.attribute("bad name", "v") }
        try w.endDocument()
    }

    @Test func libxml2ErrorsNameTheFunction() throws {
        let w = try XMLStreamWriter(sink: MemorySink())
        try w.startDocument()
        #expect(throws: XMLError.writer(function: "xmlTextWriterEndElement", code: -1)) { try w.endElement() }
        // The writer stays failed.
        #expect(throws: XMLError.writer(function: "xmlTextWriterEndElement", code: -1)) { try w.startElement("a") }
    }

    @Test func attributeAfterContentFails() throws {
        let w = try XMLStreamWriter(sink: MemorySink())
        try w.startElement("a")
        try w.text("x")
        #expect(throws: XMLError.writer(function: "xmlTextWriterWriteAttribute", code: -1)) { try w.attribute("b", "c") }
    }

    @Test func callsAfterEndDocumentFail() throws {
        let w = try XMLStreamWriter(sink: MemorySink())
        try w.startDocument()
        try w.element("a", text: "b")
        try w.endDocument()
        #expect(throws: XMLError.self) { try w.startElement("c") }
    }

    @Test func sinkErrorSurfacesAsSwiftError() throws {
        let sink = FailingSink(limit: 10_000)
        let w = try XMLStreamWriter(sink: sink)
        var caught: (any Error)?
        do {
            try w.startDocument()
            try w.startElement("root")
            for i in 0..<100_000 { try w.element("item", text: "value \(i)") }
            try w.endDocument()
        } catch {
            caught = error
        }
        #expect(caught is FailingSink.Boom)
        #expect(sink.written <= 10_000)
        // Every later call rethrows the sink's error; libxml2 does not call the sink again.
        let calls = sink.writeCalls
        #expect(throws: FailingSink.Boom.self) { try w.element("more", text: "x") }
        #expect(throws: FailingSink.Boom.self) { try w.endDocument() }
        #expect(sink.writeCalls == calls)
    }

    @Test func sinkErrorDuringEndDocument() throws {
        let sink = FailingSink(limit: 20)
        let w = try XMLStreamWriter(sink: sink)
        try w.startDocument()
        try w.element("a", text: "short")
        #expect(throws: FailingSink.Boom.self) { try w.endDocument() }
    }
}

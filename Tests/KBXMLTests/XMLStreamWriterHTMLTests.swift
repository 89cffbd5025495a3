// What the HTML page needs from the streaming writer: no XML declaration, a doctype, CDATA sections and end
// tags on empty elements.

import Testing
@testable import KBXML

@Suite struct XMLStreamWriterHTMLTests {
    @Test func pageWithoutDeclarationStartsWithTheDoctypeAndKeepsUTF8() throws {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink, indent: false, xmlDeclaration: false)
        try w.startDocument()
        try w.doctype("html")
        try w.startElement("html")
        try w.attribute("title", "خليفة حفتر")
        try w.startElement("div")
        try w.fullEndElement()
        try w.startElement("br")
        try w.endElement()
        try w.startElement("script")
        try w.text("\n//")
        try w.cdata("\nif (a < b && c) { x = '<p>'; }\n//")
        try w.text("\n")
        try w.fullEndElement()
        try w.fullEndElement()
        try w.endDocument()
        let out = sink.string
        #expect(out.hasPrefix("<!DOCTYPE html><html title=\"خليفة حفتر\"><div></div><br/><script>\n//<![CDATA[\n"))
        #expect(out.contains("if (a < b && c) { x = '<p>'; }\n//]]>\n</script></html>"))
        #expect(!out.contains("<?xml"))
        #expect(XMLDocumentCheck.wellFormedErrors(bytes: Array(out.utf8), name: "page").isEmpty)
    }

    @Test func declarationIsKeptByDefault() throws {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink, indent: false)
        try w.startDocument()
        try w.element("x", text: "y")
        try w.endDocument()
        #expect(sink.string == XMLStreamWriter.declaration + "<x>y</x>\n")
    }

    @Test func cdataRefusesItsTerminatorEvenWhenSanitizingWouldFormIt() throws {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink, indent: false)
        try w.startDocument()
        try w.startElement("x")
        #expect(throws: XMLError.invalidCDATA) { try w.cdata("a ]]> b") }
        #expect(throws: XMLError.invalidCDATA) { try w.cdata("a ]]\u{1}> b") }
        try w.cdata("a ] ] > b")
        try w.endElement()
        try w.endDocument()
        #expect(sink.string.hasSuffix("<x><![CDATA[a ] ] > b]]></x>\n"))
    }

    @Test func doctypeNameIsChecked() throws {
        let w = try XMLStreamWriter(sink: MemorySink(), indent: false)
        try w.startDocument()
        #expect(throws: XMLError.invalidName("html PUBLIC")) { try w.doctype("html PUBLIC") }
    }
}

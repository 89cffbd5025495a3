import Testing
@testable import KBXML

/// Markup written in bulk (`XMLEscapedBuffer` + `XMLStreamWriter.raw`) has the bytes of the same markup written
/// element by element through libxml2.
@Suite struct XMLEscapedBufferTests {
    static let samples: [String] = {
        var ascii = ""
        for b in [UInt8(0x09), 0x0A, 0x0D] + Array(0x20...0x7E) { ascii.unicodeScalars.append(Unicode.Scalar(b)) }
        return [ascii, "", "a", "&amp; <b> \"q\" 'a' ]]> \r\n\t", "محمود \u{200F}عباس\u{2067}x\u{2069} 😀 \u{FFFD}", "x\r", "\n\n", "&&&&", "<<>>"]
    }()

    private func byElements(_ values: [String], indent: Bool) throws -> [UInt8] {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink, indent: indent)
        try w.startDocument()
        try w.startElement("root")
        for v in values {
            try w.startElement("e")
            try w.attribute("v", v)
            if !v.isEmpty { try w.text(v) }
            try w.endElement()
        }
        try w.endElement()
        try w.endDocument()
        return sink.bytes
    }

    private func inBulk(_ values: [String], indent: Bool) throws -> [UInt8] {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink, indent: indent)
        try w.startDocument()
        try w.startElement("root")
        let b = XMLEscapedBuffer(capacity: 16)  // small: the buffer must grow
        for v in values {
            if indent { b.append("\n  ") }
            b.append("<e v=\"")
            b.appendAttribute(v)
            b.append("\"")
            if v.isEmpty { b.append("/>") } else {
                b.append(">")
                b.appendText(v)
                b.append("</e>")
            }
        }
        if indent { b.append("\n") }
        try w.raw(b.bytes)
        try w.endElement()
        try w.endDocument()
        return sink.bytes
    }

    @Test(arguments: [true, false]) func bulkMarkupEqualsElementCalls(indent: Bool) throws {
        let bulk = try inBulk(Self.samples, indent: indent)
        let elements = try byElements(Self.samples, indent: indent)
        #expect(String(decoding: bulk, as: UTF8.self) == String(decoding: elements, as: UTF8.self))
    }

    @Test func emptyRawWriteLeavesTheDocumentAsItWas() throws {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink)
        try w.startDocument()
        try w.startElement("root")
        try w.raw(UnsafeRawBufferPointer(start: nil, count: 0))
        try w.endElement()
        try w.endDocument()
        #expect(sink.string == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root/>\n")
    }

    @Test func truncateDropsTheTail() {
        let b = XMLEscapedBuffer()
        b.append("abc")
        b.appendText("<d>")
        b.truncate(to: 3)
        #expect(Array(b.bytes) == Array("abc".utf8))
    }
}

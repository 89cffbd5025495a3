import Foundation
import KBTestSupport
import Testing
@testable import KBXML

@Suite struct SchemaValidatorTests {
    static func graphML() throws -> SchemaValidator {
        try SchemaValidator(path: Project.sharedPath("schemas/graphml/graphml.xsd"), kind: .xsd,
                            catalog: Project.sharedPath("schemas/graphml/catalog.xml"))
    }

    static func rdfXML() throws -> SchemaValidator {
        try SchemaValidator(path: Project.sharedPath("schemas/rdfxml/rdfxml-rdf11.rng"), kind: .relaxNG)
    }

    @Test func graphMLSampleIsValid() throws {
        let v = try Self.graphML()
        #expect(v.validate(path: try Project.sharedPath("schemas/samples/valid.graphml")) == [])
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Project.sharedPath("schemas/samples/valid.graphml"))))
        #expect(v.validate(bytes: bytes, name: "valid.graphml") == [])
    }

    @Test func graphMLDanglingTargetIsRejected() throws {
        let messages = try Self.graphML().validate(path: Project.sharedPath("schemas/samples/invalid-dangling-target.graphml"))
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { $0.line > 0 }, "\(messages)")
        #expect(messages.contains { $0.message.contains("n9") }, "\(messages)")
    }

    @Test func graphMLEdgeWithoutTargetIsRejected() throws {
        let messages = try Self.graphML().validate(path: Project.sharedPath("schemas/samples/invalid-edge-missing-target.graphml"))
        #expect(messages.contains { $0.line == 7 && $0.message.contains("target") }, "\(messages)")
    }

    @Test func writerOutputValidatesInMemory() throws {
        let sink = MemorySink()
        let w = try XMLStreamWriter(sink: sink)
        try w.startDocument()
        try w.startElement(prefix: nil, name: "graphml", namespaceURI: "http://graphml.graphdrawing.org/xmlns")
        try w.startElement("key")
        for (k, v) in [("id", "label"), ("for", "node"), ("attr.name", "label"), ("attr.type", "string")] {
            try w.attribute(k, v)
        }
        try w.endElement()
        try w.startElement("graph")
        try w.attribute("id", "G")
        try w.attribute("edgedefault", "directed")
        for id in ["n0", "n1"] {
            try w.startElement("node")
            try w.attribute("id", id)
            try w.startElement("data")
            try w.attribute("key", "label")
            try w.text("محمود\u{1B} عباس")
            try w.endElement()
            try w.endElement()
        }
        try w.startElement("edge")
        try w.attribute("source", "n0")
        try w.attribute("target", "n1")
        try w.endDocument()
        let v = try Self.graphML()
        #expect(v.validate(bytes: sink.bytes, name: "written.graphml") == [])
        #expect(w.removedCharacters == 2)
    }

    @Test func notWellFormedDocumentGivesParseErrors() throws {
        let bad = Array("<?xml version=\"1.0\"?>\n<graphml>\n  <graph>\n</graphml>\n".utf8)
        let messages = try Self.graphML().validate(bytes: bad, name: "bad.graphml")
        #expect(!messages.isEmpty)
        #expect(messages.contains { $0.line == 4 }, "\(messages)")
        #expect(XMLDocumentCheck.wellFormedErrors(bytes: bad, name: "bad.graphml") == messages)
    }

    @Test func missingInstanceFile() throws {
        let messages = try Self.graphML().validate(path: "/nonexistent/x.graphml")
        #expect(messages == [ValidationMessage(line: 0, message: "cannot read /nonexistent/x.graphml: No such file or directory")])
    }

    @Test func relaxNGAcceptsTheNewsEventSample() throws {
        let v = try Self.rdfXML()
        #expect(v.validate(path: try Project.sharedPath("schemas/rdfxml/samples/valid-news-event.rdf")) == [])
    }

    @Test(arguments: ["invalid-about-on-property.rdf", "invalid-mixed-content.rdf", "invalid-resource-and-nodeid.rdf"])
    func relaxNGRejectsInvalidSamples(_ sample: String) throws {
        let messages = try Self.rdfXML().validate(path: Project.sharedPath("schemas/rdfxml/samples/" + sample))
        #expect(!messages.isEmpty)
        #expect(messages.contains { $0.line > 0 }, "\(messages)")
    }

    @Test func missingSchemaIsASchemaError() {
        #expect(throws: XMLError.schema(path: "/nonexistent/s.xsd",
                                        messages: [ValidationMessage(line: 0, message: "No such file or directory")])) {
            try SchemaValidator(path: "/nonexistent/s.xsd", kind: .xsd)
        }
    }

    @Test(arguments: [SchemaValidator.Kind.xsd, .relaxNG])
    func brokenSchemaIsASchemaErrorWithMessages(_ kind: SchemaValidator.Kind) throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        let path = dir.path + "/broken"
        let text = kind == .xsd
            ? "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"a\" type=\"nope\"/>\n</xs:schema>\n"
            : "<element xmlns=\"http://relaxng.org/ns/structure/1.0\">\n  <bogus/>\n</element>\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        do {
            _ = try SchemaValidator(path: path, kind: kind)
            Issue.record("a broken schema compiled")
        } catch let XMLError.schema(errorPath, messages) {
            #expect(errorPath == path)
            #expect(!messages.isEmpty)
            #expect(messages.contains { $0.line == 2 }, "\(messages)")
        }
    }

    @Test func catalogIsLoadedOnceAndMissingCatalogIsReported() throws {
        _ = try Self.graphML()
        _ = try Self.graphML()
        #expect(throws: XMLError.self) {
            try SchemaValidator(path: Project.sharedPath("schemas/graphml/graphml.xsd"), kind: .xsd,
                                catalog: "/nonexistent/catalog.xml")
        }
    }

    @Test func messagesAreTrimmedAndDescribed() throws {
        let messages = try Self.graphML().validate(path: Project.sharedPath("schemas/samples/invalid-edge-missing-target.graphml"))
        #expect(messages.allSatisfy { !$0.message.hasSuffix("\n") && !$0.message.isEmpty })
        #expect(messages.first.map { "\($0)".hasPrefix("line \($0.line): ") } == true)
    }
}

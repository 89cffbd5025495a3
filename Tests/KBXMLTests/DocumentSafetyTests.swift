import Foundation
import KBTestSupport
import Testing
@testable import KBXML

/// Instance documents are parsed without the network, without entity substitution and without DTD loading.
@Suite struct DocumentSafetyTests {
    @Test func wellFormedDocument() {
        #expect(XMLDocumentCheck.wellFormedErrors(bytes: Array("<a><b>محمود</b></a>".utf8), name: "ok.xml") == [])
    }

    @Test func notWellFormedDocumentsReportLines() {
        let messages = XMLDocumentCheck.wellFormedErrors(bytes: Array("<a>\n<b>\n</a>".utf8), name: "bad.xml")
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { $0.line > 0 })
        #expect(!XMLDocumentCheck.wellFormedErrors(bytes: [], name: "empty.xml").isEmpty)
        #expect(!XMLDocumentCheck.wellFormedErrors(bytes: Array("<a>\u{1B}</a>".utf8), name: "esc.xml").isEmpty)
        #expect(!XMLDocumentCheck.wellFormedErrors(bytes: Array("<p:a/>".utf8), name: "ns.xml").isEmpty)
    }

    @Test func externalEntityIsNotFetched() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        // If libxml2 loaded this entity, its content would make the document not well-formed.
        let secret = dir.path + "/secret.txt"
        try "<unclosed".write(toFile: secret, atomically: false, encoding: .utf8)
        let doc = """
            <?xml version="1.0"?>
            <!DOCTYPE a [
              <!ENTITY local SYSTEM "file://\(secret)">
              <!ENTITY remote SYSTEM "http://192.0.2.1/evil.xml">
            ]>
            <a>&local;&remote;</a>
            """
        let start = ContinuousClock.now
        let messages = XMLDocumentCheck.wellFormedErrors(bytes: Array(doc.utf8), name: "xxe.xml")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(messages == [], "external entity was loaded: \(messages)")
    }

    @Test func externalDTDIsNotFetched() {
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"http://192.0.2.1/a.dtd\">\n<a/>\n"
        let start = ContinuousClock.now
        let messages = XMLDocumentCheck.wellFormedErrors(bytes: Array(doc.utf8), name: "dtd.xml")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(messages == [])
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol0 \"lol\">\n"
        for i in 1...9 {
            let ten = String(repeating: "&lol\(i - 1);", count: 10)
            doc += "  <!ENTITY lol\(i) \"\(ten)\">\n"
        }
        doc += "]>\n<lolz>&lol9;</lolz>\n"
        let start = ContinuousClock.now
        _ = XMLDocumentCheck.wellFormedErrors(bytes: Array(doc.utf8), name: "lol.xml")
        let v = try SchemaValidatorTests.rdfXML()
        _ = v.validate(bytes: Array(doc.utf8), name: "lol.xml")
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}

import XCTest
@testable import KBText

/// What a file is, from its first bytes (used by `kbexport validate` and to refuse non-articles).
final class ContentSnifferTests: XCTestCase {
    func kind(_ s: String) -> ContentKind { ContentSniffer.sniff(Array(s.utf8)) }

    func testGraphFormatsAndRDF() {
        XCTAssertEqual(kind("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"), .graphML)
        XCTAssertEqual(kind("\u{FEFF}<!-- made by hand -->\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"), .gexf)
        XCTAssertEqual(kind("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"), .rdfXML)
        XCTAssertEqual(kind("<r:RDF xmlns:r=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>"), .rdfXML)
        XCTAssertEqual(kind("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), .xml(root: "svg"))
        XCTAssertEqual(kind("# comment\n<http://e/a> <http://e/b> \"x\"@ar .\n"), .nTriples)
        XCTAssertEqual(kind("_:b0 <http://e/b> _:b1 .\n"), .nTriples)
        XCTAssertEqual(kind("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\n"), .turtle)
        XCTAssertEqual(kind("PREFIX ex: <http://e/>\nex:a ex:b ex:c .\n"), .turtle)
        XCTAssertEqual(kind("{\"record\":\"kbexport-facts\",\"version\":1}\n{\"record\":\"document\"}\n"), .factsFile)
    }

    func testOtherDocuments() {
        XCTAssertEqual(kind("%PDF-1.7\n%âãÏÓ\n"), .pdf)
        XCTAssertEqual(kind("  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"), .html)
        XCTAssertEqual(kind("<html lang=\"ar\"><head>"), .html)
        XCTAssertEqual(kind("[{\"id\": 1, \"text\": \"نص\"}]"), .json)
        // a truncated JSON document is still JSON
        XCTAssertEqual(kind("{\"articles\": [{\"title\": \"خبر\", \"body\": \"نص طويل"), .json)
        XCTAssertEqual(kind("<a><b>x</b></a>"), .xml(root: "a"))
    }

    /// Articles stay text, even when they start with brackets or a less-than sign.
    func testArticlesAreText() {
        for s in ["وصل الوزير إلى المدينة.\n", "[صورة] وصل الوزير إلى المدينة.", "{تحديث} خبر عاجل", "< 5 قتلى في الهجوم",
                  "(خاص) وصل الوفد", "#عاجل وصل الوفد", "", "   \n"] {
            XCTAssertEqual(kind(s), .text, s)
        }
        XCTAssertNil(ContentKind.text.refusal)
        XCTAssertTrue(ContentKind.graphML.refusal!.contains("not an article text"))
    }

    /// `sniff` lowercases the text only when its first byte is in `lowercaseLeads`: every scalar whose lowercase starts
    /// with «<», «p» or «b» (the first letters of the prefixes it looks for) is one whose UTF-8 starts with such a byte.
    func testOnlyFiveScalarsLowercaseToTheSniffedFirstLetters() {
        let wanted: Set<Unicode.Scalar> = ["<", "p", "b"]
        var found: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v), let lead = String(s).lowercased().unicodeScalars.first, wanted.contains(lead) else { continue }
            found.append(v)
            XCTAssertTrue(ContentSniffer.lowercaseLeads.contains(String(s).utf8.first!), "U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(found.sorted(), [0x3C, 0x42, 0x50, 0x62, 0x70])
        // and the sniffed kinds do not change: upper-case markup still found, an article still text
        XCTAssertEqual(kind("<HTML><BODY>"), .html)
        XCTAssertEqual(kind("PREFIX ex: <http://e/>\nex:a ex:b ex:c .\n"), .turtle)
        XCTAssertEqual(kind("BASE <http://e/>\n<a> <b> <c> .\n"), .turtle)
        XCTAssertEqual(kind("\u{0130}<html>"), .text)
    }
}

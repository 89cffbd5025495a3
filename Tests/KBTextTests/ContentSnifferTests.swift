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
}

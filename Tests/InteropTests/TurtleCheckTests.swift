import KBRDF
import XCTest

/// The Turtle syntax check of `kbexport validate`: what kbexport writes passes, mistakes are named with their line.
final class TurtleCheckTests: XCTestCase {
    func check(_ s: String) throws -> Int { try TurtleCheck.check(bytes: Array(s.utf8), name: "t.ttl") }

    func assertFails(_ s: String, line: Int, _ words: String, file: StaticString = #filePath, l: UInt = #line) {
        XCTAssertThrowsError(try check(s), file: file, line: l) { e in
            let r = e as? RDFReadError
            XCTAssertEqual(r?.line, line, "\(e)", file: file, line: l)
            XCTAssertTrue(r?.message.contains(words) == true, "\(e)", file: file, line: l)
        }
    }

    func testAcceptsTheTurtleSubset() throws {
        let doc = """
            @prefix ex: <http://example.org/> .
            PREFIX schema: <http://schema.org/>
            @base <http://example.org/base/> .
            # a comment
            ex:a a schema:Person ; schema:name "اسم"@ar, "Name"@en ;
                ex:count "3"^^<http://www.w3.org/2001/XMLSchema#integer> , 4 , -1.5e3 , true ;
                ex:note \"\"\"two
            lines\"\"\" ; ex:q 'single \\' quote' ;
                ex:knows _:b1 , [] , <relative> .
            _:b1 ex:p ex:o.x ; .
            """
        XCTAssertEqual(try check(doc), 13)
    }

    func testNamesTheLineOfAMistake() {
        assertFails("@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a zz:b ex:c .\n", line: 3, "prefix 'zz:' is not declared")
        assertFails("@prefix ex: <http://e/> .\nex:a ex:b \"open\n.\n", line: 2, "line break in a short string")
        assertFails("@prefix ex: <http://e/> .\n\nex:a ex:b ex:c ex:d .\n", line: 3, "expected '.' but found 'e'")
        assertFails("<http://e/a> <http://e/b> <bad iri> .\n", line: 1, "not allowed in an IRI")
        assertFails("<http://e/a> <http://e/b> \"x\\q\" .\n", line: 1, "bad escape")
        assertFails("<http://e/a> <http://e/b> ( 1 2 ) .\n", line: 1, "collections")
    }
}

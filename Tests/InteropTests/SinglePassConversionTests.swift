// N-Triples → RDF/XML into a file reads the input once (NTriplesToRDFXML): the bytes are those of the two-pass
// conversion (into memory), also when the single pass must start again (a namespace the root lacks, a blank-node
// label to rename), and a refused or malformed input leaves no output file and no temporary file behind.

import Foundation
import KBRDF
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class SinglePassConversionTests: XCTestCase {
    /// Writes `text` as N-Triples, converts it into `out.rdf` through an AtomicFileSink (as `-o` does) and into
    /// memory from the triples read (the two-pass serializer); returns both, or the error of the file conversion.
    func convert(_ text: String, indent: Bool = true) throws -> (file: [UInt8], memory: [UInt8]) {
        let folder = try TempFolder("single-pass", removeWhenDone: true)
        let input = folder.path("in.nt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        let options = ExportOptions(indent: indent)
        let out = folder.path("out.rdf")
        let sink = try AtomicFileSink(path: out)
        do {
            try RDFConversion.write(source: try NTriplesFile(path: input), format: .rdfxml, options: options, to: sink)
            try sink.commit()
        } catch {
            sink.abort()
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["in.nt"],
                           "a failed conversion leaves nothing beside the input")
            throw error
        }
        let memory = MemorySink()
        try RDFConversion.write(try NTriplesReader.read(path: input), format: .rdfxml, options: options, to: memory)
        return (Array(try Data(contentsOf: URL(fileURLWithPath: out))), memory.bytes)
    }

    func testCommonLinesAndEveryOtherFormGiveTheTwoPassBytes() throws {
        var text = ""
        for i in 0..<3000 {
            let s = "<https://kb.example.org/entity/e-\(i % 700)>"
            text += "\(s) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .\n"
            text += "\(s) <http://schema.org/name> \"اسم \(i) & <x> \\\"q\\\" \\u00E9\\t\"@AR .\n"
            text += "\(s)\t<http://schema.org/name>\"Name \(i)\"@en-GB.\n"
            text += "\(s) <http://schema.org/name> \"Name \(i)\"@en-GB .\n"                 // repeated: left out
            text += "\(s) <https://kb.example.org/vocab#confidence> \"0.\(i)\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n"
            text += "\(s) <http://schema.org/description> \"   \" .\n"                         // explicit xsd:string
            text += "\(s) <http://schema.org/description> \"x\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"
            text += "\(s) <http://schema.org/description> \"\" .\n"
            text += "\(s) <http://schema.org/url> <http://ex.org/a?b=1&c=%C3%A9#f> . # comment\r\n"
            if i % 97 == 0 { text += "\n# a comment line\n   \n" }
            text += "<http://ex.org/\u{00E9}/\(i)> <http://schema.org/name> \"é\" .\n"       // non-ASCII IRI
        }
        for indent in [true, false] {
            let (file, memory) = try convert(text, indent: indent)
            XCTAssertEqual(String(decoding: file, as: UTF8.self), String(decoding: memory, as: UTF8.self), "indent \(indent)")
        }
    }

    func testANamespaceTheRootLacksStartsAgainWithTheSameBytes() throws {
        var text = ""
        for i in 0..<500 { text += "<http://ex.org/s\(i)> <http://schema.org/name> \"n\(i)\" .\n" }
        text += "<http://ex.org/s> <http://other.example/ns#prop> \"late\" .\n"
        text += "<http://ex.org/s> <http://www.w3.org/2002/07/owl#sameAs> <http://ex.org/t> .\n"
        let (file, memory) = try convert(text)
        XCTAssertEqual(file, memory)
        XCTAssertTrue(String(decoding: file, as: UTF8.self).contains("xmlns:owl="))
    }

    func testBlankNodeLabelsKeptOrRenamedAsInTwoPasses() throws {
        let kept = "_:a <http://schema.org/name> \"x\" .\n_:b1 <http://schema.org/knows> _:a .\n"
        let (file1, memory1) = try convert(kept)
        XCTAssertEqual(file1, memory1)
        let renamed = kept + "_:1a <http://schema.org/knows> _:b1 .\n"  // not an NCName: b2 (b1 is in use)
        let (file2, memory2) = try convert(renamed)
        XCTAssertEqual(file2, memory2)
        XCTAssertTrue(String(decoding: file2, as: UTF8.self).contains("rdf:nodeID=\"b2\""))
    }

    func testRefusedOrMalformedInputWritesNothing() throws {
        var good = ""
        for i in 0..<20_000 { good += "<http://ex.org/s\(i)> <http://schema.org/name> \"name number \(i)\" .\n" }
        let cases = [
            good + "<http://ex.org/s> <http://schema.org/name> \"bell \\u0007\" .\n",  // XML 1.0 cannot carry it
            good + "<http://ex.org/s> <http://schema.org/name> \"unterminated .\n",     // malformed
            good + "<http://ex.org/s> <http://ex.org/> \"x\" .\n",                      // no QName split
        ]
        for text in cases {
            XCTAssertThrowsError(try convert(text))
        }
    }
}

/// N-Triples → GraphML from a file reads it once (NTriplesToGraphML): the bytes are those of the three-pass
/// writer over the same triples in memory, for every label and value case of the mapping.
final class SingleReadGraphMLTests: XCTestCase {
    func testEveryLabelAndValueCaseGivesTheThreePassBytes() throws {
        var text = ""
        for i in 0..<400 {
            let s = i % 5 == 0 ? "_:n\(i)" : "<https://kb.example.org/entity/e-\(i)>"
            text += "\(s) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .\n"
            text += "\(s) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/types#Thing> .\n"
            text += "\(s) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:t\(i % 3) .\n"
            text += "\(s) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .\n"
            if i % 2 == 0 { text += "\(s) <http://schema.org/name> \"اسم & <\(i)>\"@AR .\n" }
            if i % 3 == 0 { text += "\(s) <http://schema.org/name> \"Name \(i)\"@en-GB .\n" }
            if i % 4 == 0 { text += "\(s) <http://www.w3.org/2000/01/rdf-schema#label> \"plain \(i)\" .\n" }
            if i % 7 == 0 { text += "\(s) <http://schema.org/name> \"Nom\"@fr .\n" }
            if i % 11 == 0 { text += "\(s) <http://schema.org/name> \"   \"@ar .\n" }                 // blank: not a label
            if i % 13 == 0 { text += "\(s) <http://schema.org/name> \"\\u0007bell\\r\\n\"@ar .\n" }  // sanitized
            text += "\(s) <http://schema.org/description> \"d \\\"q\\\"\" .\n"
            text += "\(s) <http://schema.org/description> \"d \\\"q\\\"\" .\n"                       // repeated value
            text += "\(s) <http://ex.org/p#score> \"\(i % 10)\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
            text += "\(s) <http://schema.org/knows> <https://kb.example.org/entity/e-\((i * 7) % 400)> .\n"
            text += "\(s) <http://schema.org/knows> <https://kb.example.org/entity/e-\((i * 7) % 400)> .\n"  // repeated edge
            text += "\(s) <http://ex.org/p#rel> _:n\((i * 3) % 400) .\n"
            text += "\(s) <http://schema.org/url> <http://ex.org/only-an-object/\(i % 50)> .\n"       // node without data
        }
        // A subject that comes back (described in two places) and a CRLF line.
        text += "<https://kb.example.org/entity/e-1> <http://schema.org/name> \"again\"@ar .\r\n"
        text += "<https://kb.example.org/entity/e-1> <http://schema.org/description> \"late\" .\n"
        let folder = try TempFolder("graphml-once", removeWhenDone: true)
        let input = folder.path("in.nt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        let triples = try NTriplesReader.read(path: input)
        for options in [ExportOptions(), ExportOptions(preferEnglishLabels: true), ExportOptions(indent: false)] {
            let once = MemorySink(), threePasses = MemorySink()
            try RDFConversion.write(source: try NTriplesFile(path: input), format: .graphml, options: options, to: once)
            try RDFGraphMLWriter(options: options).write(source: triples, to: threePasses)
            XCTAssertEqual(once.string, threePasses.string, "preferEnglishLabels \(options.preferEnglishLabels), indent \(options.indent)")
        }
        // An empty file: an empty graph.
        let empty = folder.path("empty.nt")
        try Data().write(to: URL(fileURLWithPath: empty))
        let a = MemorySink(), b = MemorySink()
        try RDFConversion.write(source: try NTriplesFile(path: empty), format: .graphml, options: ExportOptions(), to: a)
        try RDFGraphMLWriter(options: ExportOptions()).write(source: [RDFTriple](), to: b)
        XCTAssertEqual(a.string, b.string)
    }
}

// Names that make bad identifiers (spaces, #, %, /, ?, Arabic, combining marks) give NMTOKEN-safe node ids and
// valid, stable IRIs; an invalid --base is refused before any work.

import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import PropertyBased
import Testing

/// RFC 3987 checks on an absolute IRI as kbexport writes it: a scheme, no character outside `iunreserved`,
/// `ucschar`, reserved gen/sub-delims and `%`, every `%` followed by two hex digits, at most one `#`.
func iriProblem(_ iri: String) -> String? {
    let scalars = Array(iri.unicodeScalars)
    guard let colon = scalars.firstIndex(of: ":"), colon > 0, scalars[0].isASCII, scalars[0].properties.isAlphabetic,
          scalars[..<colon].allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "+-.".unicodeScalars.contains($0)) })
    else { return "no scheme" }
    var hashes = 0
    var i = 0
    while i < scalars.count {
        let u = scalars[i]
        let v = u.value
        if u == "%" {
            guard i + 2 < scalars.count, scalars[i + 1].properties.isASCIIHexDigit, scalars[i + 2].properties.isASCIIHexDigit,
                  scalars[i + 1].isASCII, scalars[i + 2].isASCII
            else { return "bad percent-encoding at \(i)" }
            i += 3; continue
        }
        if u == "#" { hashes += 1 }
        let asciiOK = (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0x30...0x39).contains(v)
            || "-._~:/?#[]@!$&'()*+,;=".unicodeScalars.contains(u)
        // ucschar (RFC 3987 §2.2), and iprivate in the query.
        let ucschar = (0xA0...0xD7FF).contains(v) || (0xF900...0xFDCF).contains(v) || (0xFDF0...0xFFEF).contains(v)
            || ((0x10000...0xEFFFD).contains(v) && (v & 0xFFFF) < 0xFFFE)
        if !(asciiOK || ucschar) { return "character U+\(String(v, radix: 16)) at \(i)" }
        i += 1
    }
    return hashes > 1 ? "more than one #" : nil
}

/// One sentence with two people, a place, a date and facts: quick to extract.
let shortArticle = "وصل المشير خليفة حفتر يوم الثلاثاء 7 أغسطس 2018 إلى العاصمة النيجيرية نيامي بدعوة من رئيس النيجر محمد يوسفو.\n"

@Suite struct IdentifierTests {
    static let awkwardNames = ["a b.txt", "x#1.txt", "50%.txt", "q?.txt", "خبر عاجل.txt", "e\u{301}te\u{301}.txt",
                               "سلام\u{651}\u{64E}.txt", "a-b.txt", "%41.txt", "#.txt"]

    /// Input files with awkward names: document ids are NMTOKEN-safe ASCII, IRIs are valid RFC 3987, and two runs
    /// give the same bytes.
    @Test func awkwardFileNamesGiveSafeIdsAndStableIRIs() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        for name in Self.awkwardNames { try dir.write("in/\(name)", shortArticle) }
        var first: [String: [UInt8]] = [:]
        for run in 0..<2 {
            for format in OutputFormat.allCases {
                let r = try Command.kbexport([dir.path("in"), "--format", format.rawValue, "--base", "https://kb.example.org/%D9%85%D8%B9/"])
                #expect(r.status == 0, "\(format): \(r.stderr)")
                try expectValid(r.stdout, format, "names.\(format.rawValue)")
                if run == 0 { first[format.rawValue] = r.stdout } else {
                    #expect(first[format.rawValue] == r.stdout, "\(format): two runs differ")
                }
            }
        }
        // GraphML: every id, source and target is an ASCII NMTOKEN; one document id per input file.
        let root = try Element.parse(try #require(first["graphml"]))
        let graph = try #require(root.all("graph").first)
        var documents = Set<String>()
        for node in graph.all("node") + graph.all("edge") {
            for key in ["id", "source", "target"] {
                guard let v = node.attributes[key] else { continue }
                #expect(XMLText.isNMToken(v) && v.unicodeScalars.allSatisfy(\.isASCII), "\(key)=\(v)")
            }
            for d in node.all("data") where d.attributes["key"] == "document" || d.attributes["key"] == "documents" {
                for id in d.text.components(separatedBy: " | ") {
                    #expect(XMLText.isNMToken(id) && id.unicodeScalars.allSatisfy(\.isASCII), "document id \(id)")
                    documents.insert(id)
                }
            }
        }
        #expect(documents.count == Self.awkwardNames.count, "\(documents.sorted())")
        // RDF/XML: every subject and resource is a valid IRI.
        let triples = try rdfXMLTriples(try #require(first["rdfxml"]))
        var articles = 0
        for t in triples {
            #expect(iriProblem(t.s) == nil, "\(t.s): \(iriProblem(t.s) ?? "")")
            #expect(IRIs.problem(in: t.s) == nil)
            if case .iri(let o) = t.o { #expect(iriProblem(o) == nil, "\(o): \(iriProblem(o) ?? "")") }
            if t.p == rdfNS + "type", t.o == .iri("http://schema.org/NewsArticle") { articles += 1 }
        }
        #expect(articles == Self.awkwardNames.count)
    }

    /// Ids and IRIs minted from arbitrary names (spaces, #, %, /, ?, Arabic, combining marks, controls).
    @Test func mintedIdsAndIRIsAreSafeForAnyName() async throws {
        let minter = try IRIMinter(base: "https://kb.example.org/")
        let pool: [Unicode.Scalar] = Array(" #%/?&=+:;@!$'()*,[]<>\"{}|\\^`~._-".unicodeScalars)
            + Array("خليفةحفترنيامي".unicodeScalars) + ["\u{301}", "\u{651}", "\u{64E}", "\u{1B}", "\u{202E}", "\u{200D}", "\u{FFFF}", "\u{1F600}"]
            + Array("aZ09".unicodeScalars)
        let names = Gen.element(of: pool).compactMap { $0 }.array(of: 0...24).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 300, input: names) { name in
            let slug = StableID.slug(name)
            #expect(slug.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_.-".unicodeScalars.contains($0)) })
            let doc = StableID.document(path: "dir/" + name + ".txt")
            #expect(XMLText.isNMToken(doc) && doc.hasPrefix("doc-"), "\(name.debugDescription) -> \(doc)")
            #expect(StableID.document(path: "dir/" + name + ".txt") == doc, "stable")
            for iri in [minter.entity(doc), minter.document(doc), minter.fact(doc), minter.publisher(name), minter.cameo(name)] {
                #expect(iriProblem(iri) == nil, "\(name.debugDescription) -> \(iri)")
                #expect(IRIs.problem(in: iri) == nil)
            }
            #expect(IRIs.percentEncode(name).unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    static let badBases = ["", "kb", "kb.example.org/", "ftp://kb.example.org/", "file:///tmp/", "https://kb.example.org",
                           "https:///", "https://", "https://kb.example.org/a b/", "https://kb.example.org/<x>/",
                           "https://kb.example.org/\"/", "https://kb.example.org/a#b/", "https://kb.example.org/#a#",
                           "https://kb.example.org/\u{1B}/", "https://kb.example.org/%zz/", "https://kb.example.org/%4/",
                           "https://kb.example.org/{x}/", "https://kb.example.org/a\\b/",
                           // A namespace name must be a URI: non-ASCII is refused, with the percent-encoded form.
                           "https://kb.example.org/معرفة/"]

    /// An invalid --base stops with exit 64 and a message naming it, before reading any input or writing anything.
    @Test(arguments: badBases)
    func invalidBaseIsRejectedBeforeAnyWork(base: String) throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        let r = try Command.kbexport([dir.path("missing-input.txt"), "--format", "rdfxml", "--base", base, "-o", dir.path("out.rdf")])
        #expect(r.status == 64, "--base \(base.debugDescription): status \(r.status)\n\(r.stderr)")
        #expect(r.stderr.contains("invalid --base"), "\(r.stderr)")
        #expect(!r.stderr.contains("missing-input.txt"), "inputs were read before the option was checked")
        #expect(r.stdout.isEmpty)
        #expect(dir.entries() == [])
    }

    @Test(arguments: ["https://kb.example.org/", "http://kb.example.org/a/b/", "https://kb.example.org/kb#",
                      "https://kb.example.org/%D9%85%D8%B9%D8%B1%D9%81%D8%A9/", "https://kb.example.org/a%20b/", "https://kb.example.org:8443/x/"])
    func validBasesGiveValidRDF(base: String) throws {
        for format in OutputFormat.allCases where format.rawValue != "graphml" {
            let r = try Command.kbexport(["-", "--format", format.rawValue, "--base", base], stdin: Array(shortArticle.utf8))
            #expect(r.status == 0, "\(base) \(format): \(r.stderr)")
            try expectValid(r.stdout, format, "base.\(format.rawValue)")
            if format == .rdfxml {
                for t in try rdfXMLTriples(r.stdout) {
                    #expect(iriProblem(t.s) == nil, "\(t.s)")
                }
            }
        }
    }
}

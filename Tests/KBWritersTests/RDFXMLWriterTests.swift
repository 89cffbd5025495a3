import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import XCTest

final class RDFXMLWriterTests: XCTestCase {
    let base = "https://kb.example.org/"
    let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    let xsd = "http://www.w3.org/2001/XMLSchema#"

    func testValidatesAgainstOwnAndOfficialSchemas() throws {
        for options in [ExportOptions(), ExportOptions(indent: false), ExportOptions(base: "http://example.org/kb#")] {
            let bytes = try Fixture.write(.rdfxml, options: options)
            assertValid(bytes, try Schemas.ownRDFXML(), "fixture.rdf (base \(options.base))")
            assertValid(bytes, try Schemas.officialRDFXML(), "fixture.rdf (base \(options.base))")
        }
        let empty = try Fixture.write(.rdfxml, KnowledgeGraph())
        assertValid(empty, try Schemas.ownRDFXML(), "empty.rdf")
        assertValid(empty, try Schemas.officialRDFXML(), "empty.rdf")
    }

    func testHeaderAtByteZeroAndNamespacesOnRoot() throws {
        let bytes = try Fixture.write(.rdfxml)
        XCTAssertTrue(bytes.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)))
        let root = try XMLNode.parse(bytes)
        XCTAssertEqual(root.name, "rdf:RDF")
        XCTAssertEqual(root.attributes, [
            "xmlns:rdf": rdf, "xmlns:rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xmlns:xsd": xsd,
            "xmlns:schema": "http://schema.org/", "xmlns:prov": "http://www.w3.org/ns/prov#",
            "xmlns:nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
            "xmlns:sem": "http://semanticweb.cs.vu.nl/2009/11/sem/", "xmlns:skos": "http://www.w3.org/2004/02/skos/core#",
            "xmlns:dcterms": "http://purl.org/dc/terms/", "xmlns:kbv": base + "vocab#",
        ])
        // Namespaces are declared nowhere else; no rdf:ID, rdf:nodeID, parseType, xml:base.
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "xmlns").count - 1, 10)
        for banned in ["rdf:ID", "rdf:nodeID", "rdf:parseType", "xml:base", "owl:sameAs", "_:"] {
            XCTAssertFalse(text.contains(banned), banned)
        }
    }

    func testDeterministic() throws {
        XCTAssertEqual(try Fixture.write(.rdfxml), try Fixture.write(.rdfxml))
        let options = ExportOptions(base: "https://data.example.net/kb/", toolVersion: "9.9", indent: false)
        XCTAssertEqual(try Fixture.write(.rdfxml, options: options), try Fixture.write(.rdfxml, options: options))
    }

    func testDescriptionsAndOrder() throws {
        let d = try descriptions(Fixture.write(.rdfxml))
        XCTAssertEqual(d.map(\.about), [
            base + "doc/doc-a", base + "doc/doc-a#char=0,1520", base + "doc/doc-a#char=0,79",
            base + "doc/doc-b", base + "doc/doc-b#char=0,300", base + "doc/doc-b#char=10,61", base + "doc/doc-b#char=62,90",
            base + "publisher/p-" + String(StableID.hex("الجزيرة").prefix(12)),
            base + "entity/dat-2018-08-07", base + "entity/org-tricky", base + "entity/org-un", base + "entity/per-issoufou",
            base + "entity/per-khalifa-haftar", base + "entity/plc-niamey", base + "entity/plc-niger",
            base + "fact/f-0001", base + "fact/f-0002", base + "fact/f-0003", base + "fact/f-0004",
            base + "cameo/036", base + "cameo/040", base + "cameo/042",
            base + "run/kbexport-0.1.0", base + "agent/kbexport-0.1.0",
        ])
        XCTAssertEqual(Set(d.map(\.about)).count, d.count, "one rdf:Description per subject")
    }

    func testEntities() throws {
        let d = try byIRI(Fixture.write(.rdfxml))
        let haftar = try XCTUnwrap(d[base + "entity/per-khalifa-haftar"])
        XCTAssertEqual(haftar.resources("rdf:type"), ["http://schema.org/Person"])
        XCTAssertEqual(haftar.literals("schema:name"), ["خليفة حفتر@ar", "Khalifa Haftar@en"])
        XCTAssertEqual(haftar.literals("schema:alternateName"), ["المشير خليفة حفتر@ar", "حفتر@ar"])
        XCTAssertEqual(haftar.literals("kbv:mentionCount"), ["3^^\(xsd)nonNegativeInteger"])
        XCTAssertEqual(haftar.literals("kbv:inGazetteer"), ["true^^\(xsd)boolean"])
        XCTAssertEqual(haftar.literals("dcterms:identifier"), ["per-khalifa-haftar"])
        let niamey = try XCTUnwrap(d[base + "entity/plc-niamey"])
        XCTAssertEqual(niamey.resources("rdf:type"), ["http://schema.org/Place", "http://schema.org/City"])
        XCTAssertEqual(niamey.resources("schema:sameAs"), ["http://www.wikidata.org/entity/Q3674"])
        XCTAssertEqual(niamey.literals("kbv:subtype"), ["city"])
        XCTAssertEqual(d[base + "entity/plc-niger"]?.resources("rdf:type"), ["http://schema.org/Place", "http://schema.org/Country"])
        XCTAssertEqual(d[base + "entity/dat-2018-08-07"]?.resources("rdf:type"), [base + "vocab#DateMention"])
        XCTAssertEqual(d[base + "entity/org-un"]?.literals("schema:alternateName"), [], "blank surface forms dropped")
        XCTAssertEqual(d[base + "entity/org-un"]?.literals("schema:name"), ["الأمم المتحدة@ar"], "names are display text")
        XCTAssertEqual(d[base + "entity/org-un"]?.literals("kbv:subtype"), [], "empty subtype dropped")
    }

    func testDocumentsSentencesAndCAMEO() throws {
        let d = try byIRI(Fixture.write(.rdfxml))
        let doc = try XCTUnwrap(d[base + "doc/doc-a"])
        XCTAssertEqual(doc.resources("rdf:type"), ["http://schema.org/NewsArticle"])
        XCTAssertEqual(doc.resources("schema:url"), ["https://news.example/ar/2018/08/07/haftar-niamey"])
        XCTAssertEqual(doc.literals("schema:datePublished"), ["2018-08-07^^\(xsd)date"])
        XCTAssertEqual(doc.resources("schema:mentions").count, 5)
        let publisher = try XCTUnwrap(d[doc.resources("schema:publisher").first ?? ""])
        XCTAssertEqual(publisher.literals("schema:name"), ["الجزيرة"])

        let context = try XCTUnwrap(d[base + "doc/doc-a#char=0,1520"])
        XCTAssertEqual(context.resources("nif:sourceUrl"), [base + "doc/doc-a"])
        let sentence = try XCTUnwrap(d[base + "doc/doc-a#char=0,79"])
        XCTAssertEqual(sentence.resources("rdf:type"), ["http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence"])
        XCTAssertEqual(sentence.resources("nif:referenceContext"), [base + "doc/doc-a#char=0,1520"])
        XCTAssertEqual(sentence.literals("nif:beginIndex"), ["0^^\(xsd)nonNegativeInteger"])
        XCTAssertEqual(sentence.literals("nif:endIndex"), ["79^^\(xsd)nonNegativeInteger"])
        XCTAssertEqual(sentence.literals("nif:anchorOf"), [Fixture.sentenceA])
        // The sentence keeps its line break (exact text of the source), unlike GraphML's display value.
        XCTAssertEqual(d[base + "doc/doc-b#char=10,61"]?.literals("nif:anchorOf"), [Fixture.sentenceB])
        XCTAssertEqual(d[base + "doc/doc-b#char=62,90"]?.literals("nif:anchorOf"), [], "whitespace-only literal dropped")

        let visit = try XCTUnwrap(d[base + "cameo/042"])
        XCTAssertEqual(visit.resources("rdf:type"), ["http://www.w3.org/2004/02/skos/core#Concept"])
        XCTAssertEqual(visit.literals("skos:notation"), ["042"])
        XCTAssertEqual(visit.literals("skos:prefLabel"), ["Make a visit@en"])
        let run = try XCTUnwrap(d[base + "run/kbexport-0.1.0"])
        XCTAssertEqual(run.resources("rdf:type"), ["http://www.w3.org/ns/prov#Activity"])
        XCTAssertEqual(run.resources("prov:wasAssociatedWith"), [base + "agent/kbexport-0.1.0"])
    }

    func testFacts() throws {
        let d = try byIRI(Fixture.write(.rdfxml))
        let full = try XCTUnwrap(d[base + "fact/f-0001"])
        XCTAssertEqual(full.resources("rdf:type"), ["http://schema.org/Event", "http://semanticweb.cs.vu.nl/2009/11/sem/Event"])
        XCTAssertEqual(full.literals("kbv:relation"), ["VISIT"])
        XCTAssertEqual(full.resources("sem:eventType"), [base + "cameo/042"])
        XCTAssertEqual(full.resources("kbv:subject"), [base + "entity/per-khalifa-haftar"])
        XCTAssertEqual(full.resources("kbv:object"), [base + "entity/plc-niamey"])
        XCTAssertEqual(full.resources("schema:attendee"), [base + "entity/per-khalifa-haftar"])
        XCTAssertEqual(full.resources("schema:location"), [base + "entity/plc-niamey", base + "entity/plc-niger"])
        XCTAssertEqual(full.literals("schema:startDate"), ["2018-08-07^^\(xsd)date"])
        XCTAssertEqual(full.literals("kbv:modality"), ["planned"])
        XCTAssertEqual(full.literals("kbv:role"), ["المشير@ar"])
        XCTAssertEqual(full.literals("kbv:confidence"), ["0.855^^\(xsd)decimal"])
        XCTAssertEqual(full.literals("kbv:rule"), ["visit.arrive-to"])
        XCTAssertEqual(full.literals("kbv:charBegin"), ["4^^\(xsd)nonNegativeInteger"])
        XCTAssertEqual(full.literals("kbv:charEnd"), ["31^^\(xsd)nonNegativeInteger"])
        XCTAssertEqual(full.resources("prov:wasDerivedFrom"), [base + "doc/doc-a#char=0,79"])
        XCTAssertEqual(full.resources("prov:wasGeneratedBy"), [base + "run/kbexport-0.1.0"])

        let invite = try XCTUnwrap(d[base + "fact/f-0002"])
        XCTAssertEqual(invite.resources("schema:organizer"), [base + "entity/per-issoufou"])
        XCTAssertEqual(invite.resources("schema:attendee"), [base + "entity/per-khalifa-haftar"])
        XCTAssertEqual(invite.literals("schema:startDate") + invite.literals("kbv:role"), [])
        XCTAssertEqual(invite.literals("kbv:modality"), ["asserted"])

        let role = try XCTUnwrap(d[base + "fact/f-0003"])
        XCTAssertEqual(role.resources("sem:eventType"), [], "HOLDS_ROLE has no CAMEO code")
        XCTAssertEqual(role.literals("schema:startDate"), ["2018^^\(xsd)gYear"])
        XCTAssertEqual(role.literals("kbv:confidence"), ["1.0^^\(xsd)decimal"])
        // a merged fact: one event node, derived from every sentence that reports it, with its support
        XCTAssertEqual(role.resources("prov:wasDerivedFrom"), [base + "doc/doc-b#char=10,61", base + "doc/doc-a#char=0,79"])
        XCTAssertEqual(role.literals("kbv:support"), ["2^^\(xsd)positiveInteger"])
        XCTAssertEqual(full.literals("kbv:support"), [], "a fact that was not merged has no support count")
        let meet = try XCTUnwrap(d[base + "fact/f-0004"])
        XCTAssertEqual(meet.resources("schema:attendee"), [base + "entity/org-tricky", base + "entity/org-un"])
        XCTAssertEqual(meet.literals("schema:startDate"), ["--08-07^^\(xsd)gMonthDay"])
    }

    func testLabelsRoundTripByteForByte() throws {
        let bytes = try Fixture.write(.rdfxml)
        let tricky = try XCTUnwrap(byIRI(bytes)[base + "entity/org-tricky"])
        let names = tricky.properties.filter { $0.name == "schema:name" }
        XCTAssertEqual(names.map { Array($0.text.utf8) }, [Array(Fixture.trickyLabelOut.utf8), Array("Al-Amal & Co. <new>".utf8)])
        XCTAssertEqual(names.map { $0.attributes["xml:lang"] }, ["ar", "en"])
        XCTAssertFalse(bytes.contains(0x1B))
        XCTAssertTrue(bytes.contains("<schema:name xml:lang=\"ar\">خليفة حفتر</schema:name>"))
    }

    /// Values read from input files are checked: a bad URL or Wikidata id is left out, an odd date is a plain literal.
    func testUncheckedInputValuesAreDroppedOrDowngraded() throws {
        var g = Fixture.graph()
        g.documents[0].url = "https://news.example/a b"
        g.documents[0].published = "7 Aug 2018"
        g.documents[1].url = "file:///etc/passwd"
        g.entities[5].wikidata = "Q01"              // plc-niamey
        g.entities[6].wikidata = "https://www.wikidata.org/wiki/Q1032"  // plc-niger
        g.facts[0].date = FactDate(value: "2018-13-07", precision: .day)
        let bytes = try Fixture.write(.rdfxml, g)
        assertValid(bytes, try Schemas.ownRDFXML(), "unchecked.rdf")
        assertValid(bytes, try Schemas.officialRDFXML(), "unchecked.rdf")
        let d = try byIRI(bytes)
        XCTAssertEqual(d[base + "doc/doc-a"]?.resources("schema:url"), [])
        XCTAssertEqual(d[base + "doc/doc-b"]?.resources("schema:url"), [])
        XCTAssertEqual(d[base + "doc/doc-a"]?.literals("schema:datePublished"), ["7 Aug 2018"])
        XCTAssertEqual(d[base + "entity/plc-niamey"]?.resources("schema:sameAs"), [])
        XCTAssertEqual(d[base + "entity/plc-niger"]?.resources("schema:sameAs"), [])
        XCTAssertEqual(d[base + "fact/f-0001"]?.literals("schema:startDate"), ["2018-13-07"])
    }

    func testOneSentenceDocumentAndUnknownLength() throws {
        var g = Fixture.graph()
        g.documents[0].length = 79                                   // f-0001/f-0002's sentence is the whole text
        g.documents.append(Document(id: "doc-c", path: "c.txt"))    // no length, no facts
        let bytes = try Fixture.write(.rdfxml, g)
        assertValid(bytes, try Schemas.ownRDFXML(), "one-sentence.rdf")
        let all = try descriptions(bytes)
        XCTAssertEqual(Set(all.map(\.about)).count, all.count, "one rdf:Description per subject")
        let whole = try XCTUnwrap(all.first { $0.about == base + "doc/doc-a#char=0,79" })
        XCTAssertEqual(whole.resources("rdf:type"), ["http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context",
                                                     "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence"])
        XCTAssertEqual(whole.literals("nif:anchorOf"), [Fixture.sentenceA])
        XCTAssertNotNil(all.first { $0.about == base + "doc/doc-c" })
        XCTAssertFalse(all.contains { $0.about.hasPrefix(base + "doc/doc-c#") }, "no context for a text of unknown length")
    }

    func testFragmentBase() throws {
        let base = "http://example.org/kb#"
        let d = try byIRI(Fixture.write(.rdfxml, options: ExportOptions(base: base)))
        XCTAssertNotNil(d[base + "doc/doc-a/char=0,79"])
        XCTAssertEqual(d[base + "entity/dat-2018-08-07"]?.resources("rdf:type"), [base + "vocab/DateMention"])
        let root = try XMLNode.parse(Fixture.write(.rdfxml, options: ExportOptions(base: base)))
        XCTAssertEqual(root["xmlns:kbv"], base + "vocab/")
    }

    func testInvalidBaseIsRejected() throws {
        for bad in ["", "kb.example.org/", "ftp://kb.example.org/", "https://kb.example.org", "https://kb example.org/",
                    "https://kb.example.org/a<b/", "https://kb.example.org/{x}/", "https://kb.example.org/\u{1B}/",
                    "https:///", "https://kb.example.org/#a#", "https://kb.example.org/x#/", "https://kb.example.org/a`b/"] {
            let sink = MemorySink()
            XCTAssertThrowsError(try RDFXMLWriter(options: ExportOptions(base: bad)).write(Fixture.graph(), to: sink), bad) {
                guard case .invalidBase(let value, let reason)? = $0 as? WriterError else { return XCTFail("\($0)") }
                XCTAssertEqual(value, bad)
                XCTAssertFalse(reason.isEmpty)
            }
            XCTAssertThrowsError(try ExportOptions(base: bad).validate(), bad)
            XCTAssertEqual(sink.bytes, [])
        }
        XCTAssertTrue("\(WriterError.invalidBase("https://kb example.org/", reason: "x"))".contains("--base"))
        XCTAssertThrowsError(try IRIMinter(base: "https://kb example.org/")) {
            XCTAssertTrue("\($0)".contains("space"), "\($0)")
        }
        for good in ["https://kb.example.org/", "http://localhost:8080/kb/", "https://kb.example.org/ns#",
                     "https://kb.example.org/%D9%83%D8%A8/"] {
            XCTAssertNoThrow(try ExportOptions(base: good).validate(), good)
        }
        // The base is also the kbv: XML namespace name, which must be a URI: non-ASCII is refused, with the
        // percent-encoded form to use (issue 5; libxml2 reported "xmlns:kbv: … is not a valid URI").
        XCTAssertThrowsError(try ExportOptions(base: "https://kb.example.org/كب/").validate()) {
            XCTAssertTrue("\($0)".contains("https://kb.example.org/%D9%83%D8%A8/"), "\($0)")
        }
    }

    /// Every kbv: term the writer emits is described in Schemas/kbexport-vocabulary.rdf, and that file is valid.
    func testVocabularyDescribesEveryEmittedTerm() throws {
        let vocabularyPath = Project.schema("kbexport-vocabulary.rdf")
        let vocabulary = try [UInt8](Data(contentsOf: URL(fileURLWithPath: vocabularyPath)))
        assertValid(vocabulary, try Schemas.ownRDFXML(), "kbexport-vocabulary.rdf")
        assertValid(vocabulary, try Schemas.officialRDFXML(), "kbexport-vocabulary.rdf")
        let described = Set(try XMLNode.parse(vocabulary).all("rdf:Description").compactMap { $0["rdf:about"] })

        let output = try Fixture.write(.rdfxml)
        var used = Set<String>()
        for d in try XMLNode.parse(output).all("rdf:Description") {
            for p in d.children {
                if p.name.hasPrefix("kbv:") { used.insert(String(p.name.dropFirst(4))) }
                if let r = p["rdf:resource"], r.hasPrefix(base + "vocab#") { used.insert(String(r.dropFirst(base.count + 6))) }
            }
        }
        XCTAssertEqual(used, Set(KBVocabulary.properties + KBVocabulary.classes), "the fixture exercises every kbv term")
        for term in KBVocabulary.properties + KBVocabulary.classes {
            XCTAssertTrue(described.contains(base + "vocab#" + term), "kbv:\(term) is not described in \(vocabularyPath)")
        }
    }

    /// Each rule of the RDF/XML profile, broken once in an otherwise valid file.
    func testOwnSchemaRejectsBrokenDocuments() throws {
        let rng = try Schemas.ownRDFXML()
        let valid = String(decoding: try Fixture.write(.rdfxml), as: UTF8.self)
        let name = "<schema:name xml:lang=\"ar\">خليفة حفتر</schema:name>"
        let about = "<rdf:Description rdf:about=\"\(base)entity/per-khalifa-haftar\">"
        let cases: [(String, String)] = [
            ("rdf:nodeID subject", mutate(valid, about, "<rdf:Description rdf:nodeID=\"b1\">")),
            ("rdf:ID subject", mutate(valid, about, "<rdf:Description rdf:ID=\"haftar\">")),
            ("relative rdf:about", mutate(valid, about, "<rdf:Description rdf:about=\"entity/per-khalifa-haftar\">")),
            ("IRI with a space", mutate(valid, about, "<rdf:Description rdf:about=\"\(base)entity/per khalifa\">")),
            ("typed node element", mutate(valid, about, "<schema:Organization rdf:about=\"\(base)entity/x\"/>" + about)),
            ("language and datatype", mutate(valid, name, "<schema:name xml:lang=\"ar\" rdf:datatype=\"\(xsd)string\">x</schema:name>")),
            ("resource with text", mutate(valid, "<rdf:type rdf:resource=\"http://schema.org/Person\"/>",
                                          "<rdf:type rdf:resource=\"http://schema.org/Person\">x</rdf:type>")),
            ("parseType Literal", mutate(valid, name, "<schema:name rdf:parseType=\"Literal\"><b>x</b></schema:name>")),
            ("parseType Resource", mutate(valid, name, "<schema:name rdf:parseType=\"Resource\"/>")),
            ("rdf:nodeID object", mutate(valid, name, "<schema:knows rdf:nodeID=\"b1\"/>")),
            ("reifying rdf:ID", mutate(valid, name, "<schema:name rdf:ID=\"s1\">x</schema:name>")),
            ("mixed content", mutate(valid, name, "<schema:name>a <schema:b>c</schema:b></schema:name>")),
            ("nested node element", mutate(valid, name, "<schema:knows><rdf:Description rdf:about=\"\(base)x\"/></schema:knows>")),
            ("property attribute", mutate(valid, about, "<rdf:Description rdf:about=\"\(base)entity/per-khalifa-haftar\" schema:name=\"x\">")),
            ("reserved property name", mutate(valid, name, "<rdf:about>x</rdf:about>")),
            ("rdf:li property", mutate(valid, name, "<rdf:li>x</rdf:li>")),
            ("un-namespaced property", mutate(valid, name, "<name>x</name>")),
            ("xml:base", mutate(valid, about, about.replacingOccurrences(of: ">", with: " xml:base=\"\(base)\">"))),
            ("text in a description", mutate(valid, name, "stray " + name)),
            ("other root child", mutate(valid, about, "<schema:Thing/>" + about)),
            ("bad language tag", mutate(valid, name, "<schema:name xml:lang=\"arabic language\">x</schema:name>")),
        ]
        for (label, text) in cases { assertInvalid(text, rng, label) }
    }

    func testGeneratedPrefixesAreDeclaredOnTheRoot() throws {
        // The writer only uses known namespaces; an unknown one still gets a generated prefix on the root.
        var splitter = Namespaces.splitter(vocabulary: base + "vocab#")
        XCTAssertEqual(try splitter.split("http://example.org/terms/related").qualified, "ns1:related")
        XCTAssertEqual(try splitter.split("http://example.org/terms/other").qualified, "ns1:other")
        XCTAssertEqual(try splitter.split("http://example.org/x#y").qualified, "ns2:y")
        XCTAssertEqual(splitter.bindings.suffix(2).map(\.prefix), ["ns1", "ns2"])
    }

    // MARK: - Reading the output back

    struct Description {
        let about: String
        let properties: [XMLNode]

        func resources(_ name: String) -> [String] { properties.filter { $0.name == name }.compactMap { $0["rdf:resource"] } }
        /// `text`, `text@lang` or `text^^datatype`.
        func literals(_ name: String) -> [String] {
            properties.filter { $0.name == name && $0["rdf:resource"] == nil }.map { p in
                if let lang = p["xml:lang"] { return p.text + "@" + lang }
                if let dt = p["rdf:datatype"] { return p.text + "^^" + dt }
                return p.text
            }
        }
    }

    private func descriptions(_ bytes: [UInt8]) throws -> [Description] {
        let root = try XMLNode.parse(bytes)
        XCTAssertEqual(Set(root.children.map(\.name)), ["rdf:Description"])
        return root.all("rdf:Description").map { Description(about: $0["rdf:about"] ?? "", properties: $0.children) }
    }

    private func byIRI(_ bytes: [UInt8]) throws -> [String: Description] {
        Dictionary(uniqueKeysWithValues: try descriptions(bytes).map { ($0.about, $0) })
    }
}

@testable import KBGraph
import Foundation
import XCTest

/// Lines appended one after another into one buffer (`LineEncoder.append`, `appendFactLine`, `appendEntityLine`,
/// `appendMentionLine`) are the encoder's lines, byte for byte, in order; a record the direct path refuses part-way
/// (after some of its bytes were written) leaves the buffer as it was and takes the encoder.
final class SpeedEquivalenceLineBufferTests: XCTestCase {
    func report(_ sentence: String, _ id: String) -> Evidence {
        Evidence(id: id, provenance: Provenance(documentID: "doc-b", sentenceBegin: 3, sentenceEnd: 40, sentence: sentence,
                                                spanBegin: 5, spanEnd: 9),
                 rule: "meet.a", confidence: 0.7, date: FactDate(value: "2019-04", precision: .month))
    }

    func fact(_ id: String, sentence: String = "التقى الوزير نظيره", evidence: [Evidence] = [], confidence: Double = 0.87,
              role: String? = nil) -> Fact {
        Fact(id: id, type: "MEET", subject: "per-a", object: "per-b", place: "plc-c", date: nil, role: role,
             modality: .asserted, attribution: Attribution(source: "org-d"),
             provenance: Provenance(documentID: "doc-a", sentenceBegin: 0, sentenceEnd: 30, sentence: sentence,
                                    spanBegin: 1, spanEnd: 20),
             rule: "meet.verb", confidence: confidence, evidence: evidence)
    }

    func records() -> [FactsFile.Record] {
        var no = Mention(entityID: "per-a", documentID: "doc-a", begin: 4, end: 9, text: "الرئيس")
        no.adjective = false
        let entity = Entity(id: "per-a", type: .person, subtype: "", labelAr: "خليفة", labelEn: "K", wikidata: nil,
                            surfaceForms: ["خليفة"], mentionCount: 2, documents: ["doc-a"], fromGazetteer: false)
        var odd = entity
        odd.surfaceForms = ["خليفة", "سطر\nثان"]
        return [
            .header(version: FactsFile.version),
            .document(Document(id: "doc-a", path: "a.txt", url: nil, outlet: nil, published: nil, title: "عنوان", length: 40)),
            .entity(entity), .entity(odd), .entity(entity),
            .mention(Mention(entityID: "per-a", documentID: "doc-a", begin: 0, end: 5, text: "خليفة")),
            .mention(Mention(entityID: "per-a", documentID: "doc-a", begin: 0, end: 5, text: "قال \"نعم\"")),   // refused at the text
            .mention(Mention(entityID: "per-a", documentID: "doc/a", begin: 0, end: 5, text: "x")),             // at the document
            .mention(no),
            .mention(Mention(entityID: "plc-b", documentID: "doc-a", begin: 7, end: 9, text: "التركي", adjective: true)),
            .fact(fact("f-1")),
            .fact(fact("f-2", evidence: [report("جملة أولى", "f-2a"), report("سطر\tثان", "f-2b")])),   // refused in a report
            .fact(fact("f-3", evidence: [report("جملة \"أولى\"", "f-3a"), report("a/b\\c", "f-3b")], role: "الرئيس")),
            .fact(fact("f-4", confidence: 1e-7)),                                                       // refused at once
            .fact(fact("f-5", sentence: "x\u{2028}y")),
            .fact(fact("f-6", evidence: [report("ثالثة", "f-6a")], confidence: 1)),
        ]
    }

    /// The encoder's line of a record, with its newline (the direct lines are these: `FactsFileDirectLinesTests`).
    func encoderLine(_ r: FactsFile.Record) throws -> [UInt8] {
        let e = FactsFile.encoder()
        var d: Data
        switch r {
        case .header: d = Data("{\"record\":\"kbexport-facts\",\"version\":\(FactsFile.version)}".utf8)
        case let .document(x): d = try FactsFile.line("document", x, e)
        case let .entity(x): d = try FactsFile.line("entity", x, e)
        case let .mention(x): d = try FactsFile.line("mention", x, e)
        case let .fact(x): d = try FactsFile.line("fact", x, e)
        }
        return Array(d) + [0x0A]
    }

    func testLinesAppendedInOneBufferAreTheEncodersLines() throws {
        let rs = records()
        let encoder = FactsFile.LineEncoder()
        for prefix in [[UInt8](), Array("earlier lines\n".utf8)] {
            for order in [rs, rs.reversed(), rs + rs] {
                var buffer = prefix
                var expected = prefix
                for r in order {
                    try encoder.append(r, to: &buffer)
                    expected += try encoderLine(r)
                    XCTAssertEqual(buffer, expected)
                }
                XCTAssertEqual(String(decoding: buffer, as: UTF8.self), String(decoding: expected, as: UTF8.self))
            }
        }
        for r in rs { XCTAssertEqual(Array(try encoder.line(r)), try encoderLine(r)) }
    }

    func testARefusedLineLeavesTheBufferAsItWas() {
        let start = Array("kept".utf8)
        var refused = 0
        for r in records() {
            var b = start
            let ok: Bool
            switch r {
            case let .fact(f): ok = FactsFile.appendFactLine(f, newline: true, to: &b)
            case let .entity(e): ok = FactsFile.appendEntityLine(e, newline: false, to: &b)
            case let .mention(m): ok = FactsFile.appendMentionLine(m, newline: true, to: &b)
            default: continue
            }
            if !ok { XCTAssertEqual(b, start); refused += 1 } else { XCTAssertGreaterThan(b.count, start.count) }
        }
        XCTAssertEqual(refused, 7)
    }
}

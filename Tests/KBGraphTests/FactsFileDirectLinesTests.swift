@testable import KBGraph
import Foundation
import XCTest

/// A fact's or an entity's line built directly (`FactsFile.factLine`, `entityLine`) is the encoder's line, byte for
/// byte, or nil.
final class FactsFileDirectLinesTests: XCTestCase {
    func fact(confidence: Double = 0.87, date: FactDate? = nil, place: String? = nil, role: String? = nil,
              attribution: Attribution? = nil, sentence: String = "وصل الرئيس إلى نيامي أمس", evidence: [Evidence] = [],
              modality: Modality = .asserted) -> Fact {
        Fact(id: "f-1a2b", type: "VISIT", subject: "per-x", object: "plc-niamey", place: place, date: date, role: role,
             modality: modality, attribution: attribution,
             provenance: Provenance(documentID: "doc-a", sentenceBegin: 10, sentenceEnd: 90, sentence: sentence,
                                    spanBegin: 12, spanEnd: 40),
             rule: "visit.verb", confidence: confidence, evidence: evidence)
    }

    func encoderLine(_ f: Fact) throws -> Data { try FactsFile.line("fact", f, FactsFile.encoder()) }

    func assertSame(_ f: Fact, built: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let direct = FactsFile.factLine(f)
        if built { XCTAssertNotNil(direct, "a plain fact is built directly", file: file, line: line) }
        if let direct {
            XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: try encoderLine(f), as: UTF8.self),
                           file: file, line: line)
        }
    }

    func testPlainFactsAreTheEncodersLines() throws {
        let day = FactDate(value: "2018-08-07", precision: .day), month = FactDate(value: "--08", precision: .monthOnly)
        let p = Provenance(documentID: "doc-b", sentenceBegin: 0, sentenceEnd: 30, sentence: "التقى الوزير نظيره", spanBegin: 0, spanEnd: 20)
        let reports = [Evidence(id: "f-1", provenance: p, rule: "meet.a", confidence: 0.7),
                       Evidence(id: "f-2", provenance: p, rule: "meet.b", confidence: 0.6, date: day, attribution: Attribution(source: "org-afp")),
                       Evidence(id: "f-3", provenance: p, rule: "meet.c", confidence: 1, attribution: Attribution())]
        for f in [fact(), fact(date: day), fact(date: month, place: "plc-rome", role: "الرئيس"),
                  fact(attribution: Attribution()), fact(attribution: Attribution(source: "per-y")), fact(modality: .planned),
                  fact(evidence: reports, modality: .negated), fact(evidence: [reports[0]])] {
            try assertSame(f)
        }
    }

    /// Confidences: whole numbers and plain decimals as the encoder writes them; others (exponents, NaN) left to it.
    func testConfidencesAreWrittenAsTheEncoderWritesThem() throws {
        for c in [0, 1, 0.5, 0.7, 0.87, 0.99, 1 - 0.3 * 0.4, 0.1 + 0.2, 1 - 0.9 * 0.9 * 0.9, 0.123456789012345, 123.456, 2, 0.0001] {
            try assertSame(fact(confidence: c))
        }
        for c in [1e-5, 1e-7, Double.nan, .infinity, -0.0, 1e20, -1e-9] {
            try assertSame(fact(confidence: c), built: false)
        }
    }

    /// Quotes and backslashes are escaped as the encoder escapes them, slashes are not; a string with a control
    /// character (or DEL, U+2028, U+2029) sends the fact to the encoder.
    func testStringsAreEscapedAsTheEncoderEscapesThem() throws {
        for s in ["قال \"الوزير\"", "a/b", "back\\slash", "\"\\\"/\\", "«نص» — ١٢٣ ‹x› é e\u{0301} 😀"] {
            try assertSame(fact(sentence: s))
            try assertSame(fact(evidence: [Evidence(id: s, provenance: fact(sentence: s).provenance, rule: s, confidence: 0.5)]))
        }
        for s in ["سطر\nثان", "tab\there", "x\u{2028}y", "x\u{2029}y", "\u{7F}", "\u{01}", "cr\r"] {
            XCTAssertNil(FactsFile.factLine(fact(sentence: s)), s)
            try assertSame(fact(sentence: s), built: false)
        }
    }

    func entity(_ id: String = "per-khalifa-haftar", labelEn: String? = "Khalifa Haftar", wikidata: String? = "Q1",
                forms: [String] = ["حفتر", "خليفة حفتر"], lat: Double? = nil, lon: Double? = nil, geonames: String? = nil,
                fromGazetteer: Bool = true, subtype: String = "") -> Entity {
        Entity(id: id, type: .person, subtype: subtype, labelAr: "خليفة حفتر", labelEn: labelEn, wikidata: wikidata,
               surfaceForms: forms, mentionCount: 7, documents: ["doc-a", "doc-b"], fromGazetteer: fromGazetteer,
               lat: lat, lon: lon, geonames: geonames)
    }

    func assertSameEntity(_ e: Entity, built: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let direct = FactsFile.entityLine(e)
        if built { XCTAssertNotNil(direct, "a plain entity is built directly", file: file, line: line) }
        if let direct {
            XCTAssertEqual(String(decoding: direct, as: UTF8.self),
                           String(decoding: try FactsFile.line("entity", e, FactsFile.encoder()), as: UTF8.self), file: file, line: line)
        }
    }

    func testEntitiesAreTheEncodersLines() throws {
        for e in [entity(), entity(labelEn: nil, wikidata: nil, fromGazetteer: false), entity(forms: []),
                  entity("plc-tripoli", lat: 32.8872, lon: 13.1913, geonames: "2210247", subtype: "city"),
                  entity("plc-x", lat: -33.9, lon: -70.5), entity("plc-y", lat: 0, lon: 10), entity("plc-z", lat: 12.5),
                  entity(forms: ["قال \"x\"", "a/b"])] {
            try assertSameEntity(e)
        }
        for e in [entity(forms: ["سطر\nثان"]), entity("plc-w", lat: .nan, lon: 1), entity("plc-v", lat: 1e-7)] {
            try assertSameEntity(e, built: false)
        }
    }
}

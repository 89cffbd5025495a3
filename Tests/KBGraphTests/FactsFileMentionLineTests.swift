import Foundation
@testable import KBGraph
import XCTest

/// The mention lines the stream encoder builds directly are the JSON encoder's bytes.
final class FactsFileMentionLineTests: XCTestCase {
    func testMentionLinesAreTheEncodersBytes() throws {
        let mentions = [
            Mention(entityID: "per-a", documentID: "doc-1", begin: 0, end: 10, text: "خليفة حفتر"),
            Mention(entityID: "plc-b", documentID: "doc-1", begin: 21, end: 25, text: "التركي", adjective: true),
            Mention(entityID: "org-c", documentID: "doc-2", begin: 3, end: 9, text: "قال \"نعم\""),
            Mention(entityID: "org-d", documentID: "doc/3", begin: 3, end: 9, text: "a\\b"),
            Mention(entityID: "org-e", documentID: "doc-4", begin: 1, end: 2, text: "x\u{2028}y\ttab"),
            Mention(entityID: "org-f", documentID: "doc-5", begin: 1_000_000, end: 1_000_007, text: "Émile & <Co>"),
        ]
        var withFalse = mentions[0]
        withFalse.adjective = false
        let all = mentions + [withFalse]
        let encoder = FactsFile.LineEncoder()
        for m in all {
            let graph = KnowledgeGraph(mentions: [m])
            let expected = try FactsFile.lines(graph).first { String(decoding: $0, as: UTF8.self).contains("\"record\":\"mention\"") }
            XCTAssertEqual(try encoder.line(.mention(m)), expected, m.text)
        }
        // plain strings take the direct path, the others the encoder
        XCTAssertNotNil(FactsFile.mentionLine(mentions[0]))
        XCTAssertNotNil(FactsFile.mentionLine(mentions[1]))
        XCTAssertNil(FactsFile.mentionLine(mentions[2]))
        XCTAssertNil(FactsFile.mentionLine(withFalse))
    }
}

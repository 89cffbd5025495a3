@testable import KBGraph
import KBTestSupport
import XCTest

/// Documents and mentions sorted on disk come back in the order of a stable sort of the whole list; the compact id
/// tables answer as a dictionary and a set do.
final class SortedSpillTests: XCTestCase {
    func testDocumentsAndMentionsRoundTrip() throws {
        let docs = [Document(id: "doc-1", path: "a/ب.txt", url: "https://x.org/", outlet: "O", published: "2018-08-07",
                             title: "عنوان «x»\n", length: 123_456),
                    Document(id: "", path: "", length: 0)]
        for d in docs {
            var e = SpillEncoder()
            e.document(d)
            var r = SpillDecoder(e.bytes)
            XCTAssertEqual(try r.document(), d)
        }
        var adjective = Mention(entityID: "plc-us", documentID: "doc-1", begin: 3, end: 10, text: "الأمريكي", adjective: true)
        for m in [adjective, Mention(entityID: "", documentID: "d", begin: -1, end: Int.max, text: "")] {
            var e = SpillEncoder()
            e.mention(m)
            var r = SpillDecoder(e.bytes)
            XCTAssertEqual(try r.mention(), m)
        }
        adjective.adjective = false   // (the model never makes it, but a spill keeps what it is given)
        var e = SpillEncoder()
        e.mention(adjective)
        var r = SpillDecoder(e.bytes)
        XCTAssertEqual(try r.mention().adjective, false)
    }

    /// Many runs on disk (a run of a few records) give the order of a stable sort: equal keys in the order they came.
    func testRunsGiveTheStableSortOfTheWholeList() throws {
        let tmp = try TempFolder("sorted-spill", removeWhenDone: true)
        var items: [(key: Int, seq: Int)] = []
        var x = 7
        for i in 0..<2_000 { x = (x * 1103515245 + 12345) & 0x7FFF_FFFF; items.append((x % 97, i)) }
        for runBytes in [1, 40, 1 << 20] {
            let spill = SortedSpill<(key: Int, seq: Int)>(directory: tmp.path, runBytes: runBytes,
                                                         encode: { $1.int($0.key); $1.int($0.seq) },
                                                         decode: { (try $0.int(), try $0.int()) },
                                                         less: { $0.key < $1.key })
            for i in items { try spill.append(i) }
            XCTAssertEqual(spill.count, items.count)
            if runBytes == 1 << 20 { XCTAssertEqual(spill.runCount, 0) } else { XCTAssertGreaterThan(spill.runCount, 50) }
            let want = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
            for _ in 0..<2 {   // read twice: the same
                var got: [(key: Int, seq: Int)] = []
                try spill.forEach { got.append($0) }
                XCTAssertTrue(got.map(\.key) == want.map(\.key) && got.map(\.seq) == want.map(\.seq), "run bytes \(runBytes)")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [])
    }

    /// The spill's documents come in id order and its mentions in the graph's canonical order, joined ids applied
    /// (mentions of one span sorted again by their new ids).
    func testReportSpillGivesCanonicalDocumentsAndMentions() throws {
        let tmp = try TempFolder("sorted-spill", removeWhenDone: true)
        var docs: [Document] = [], mentions: [Mention] = []
        for i in 0..<300 {
            docs.append(Document(id: "doc-\((i * 37) % 300)", path: "p\(i).txt", length: i))
            for k in 0..<4 {
                let entity = ["per-b", "per-old", "plc-c", "per-a"][(i + k) % 4]
                mentions.append(Mention(entityID: entity, documentID: "doc-\(i % 50)", begin: (i % 7) * 10, end: (i % 7) * 10 + 5,
                                        text: "م\(i)-\(k)"))
            }
        }
        let links = ["per-old": "per-z"]
        for runBytes in [1, 500, 1 << 20] {
            let spill = ReportSpill(directory: tmp.path, documents: true, mentions: true, runBytes: runBytes)
            for d in docs { try spill.appendDocument(d) }
            for chunk in stride(from: 0, to: mentions.count, by: 100) { try spill.appendMentions(Array(mentions[chunk..<(chunk + 100)])) }
            XCTAssertEqual(spill.documentCount, 300)
            XCTAssertEqual(spill.mentionCount, 1200)
            var want = KnowledgeGraph(documents: docs, mentions: mentions.map { m in
                var m = m
                if let n = links[m.entityID] { m.entityID = n }
                return m
            })
            want.canonicalize()
            var gotDocs: [Document] = [], gotMentions: [Mention] = []
            try spill.forEachDocument { gotDocs.append($0) }
            try spill.forEachMention(links: links) { gotMentions.append($0) }
            XCTAssertEqual(gotDocs, want.documents, "run bytes \(runBytes)")
            XCTAssertEqual(gotMentions, want.mentions, "run bytes \(runBytes)")
        }
    }

    func testHashedIDsAnswerAsADictionary() {
        var ids = HashedIDs()
        var dict: [String: Int] = [:]
        let names = (0..<5_000).map { "doc-\($0 % 3_000)" }
        for (n, id) in names.enumerated() {
            let isSame = { (m: Int) in names[m] == id }
            XCTAssertEqual(ids.value(of: id, isSame: isSame), dict[id], id)
            if dict[id] == nil { ids.insert(id, n, isSame: isSame); dict[id] = n }
        }
        // a hash hit whose id is another (a collision, as `isSame` tells): not there, then inserted beside it
        XCTAssertNil(ids.value(of: "doc-1", isSame: { _ in false }))
        ids.insert("doc-1", 99_999, isSame: { _ in false })
        XCTAssertEqual(ids.value(of: "doc-1", isSame: { _ in false }), 99_999)
        XCTAssertEqual(ids.value(of: "doc-1", isSame: { _ in true }), 1)
    }

    func testSortedIDsFindWhatWasAppended() {
        var t = SortedIDs()
        let ids = (0..<1_000).map { "doc-" + String(format: "%05d", $0 * 3) }
        for id in ids { t.append(id) }
        XCTAssertTrue(t.inOrder)
        XCTAssertEqual(t.count, 1_000)
        for i in 0..<3_000 { XCTAssertEqual(t.contains("doc-" + String(format: "%05d", i)), i % 3 == 0) }
        XCTAssertFalse(t.contains(""))
        XCTAssertFalse(t.contains("doc-0"))
        XCTAssertFalse(t.contains("doc-99999"))
        var u = SortedIDs()
        u.append("b"); u.append("a")
        XCTAssertFalse(u.inOrder)
        var v = SortedIDs()
        v.append("a"); v.append("a")
        XCTAssertFalse(v.inOrder, "a repeated id is out of order")
    }
}

@testable import KBFacts
@testable import KBGraph
import KBTestSupport
import XCTest

/// The merge and write side made cheaper (speed29) gives what the old code gives: reports dealt without their
/// sentences, mention sizes computed without encoding, mentions put in order a document at a time, an entity seen
/// again folded in place, document lines written directly. Invented inputs from a seeded generator.
final class SpeedEquivalence29Tests: XCTestCase {
    var rng = SeededRandom(seed: 29)

    func pick<T>(_ a: [T]) -> T { a.randomElement(using: &rng)! }
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    /// Words of several shapes: ASCII, Arabic, canonically equal spellings in different scalars, quotes and controls.
    let words = ["ليبيا", "الرئيس", "أحمد", "ا\u{0654}حمد", "e\u{301}", "\u{e9}", "وزير الخارجية", "a/b", "q\"uote", "back\\slash",
                 "tab\there", "del\u{7F}", "line\u{2028}sep", "", "x", "طرابلس الغرب", "الرئيس التونسي", "\u{0627}\u{0653}"]
    let ids = ["per-a", "per-b", "org-c", "plc-libya", "plc-tunisia", "per-mevlut-cavusoglu", "org-3f2a9c1d"]

    func sentence() -> String { (0..<Int.random(in: 0...6, using: &rng)).map { _ in pick(words) }.joined(separator: " ") }

    func report(_ k: Int) -> Fact {
        let p = Provenance(documentID: "doc-\(Int.random(in: 0..<5, using: &rng))", sentenceBegin: Int.random(in: 0..<9, using: &rng),
                           sentenceEnd: 10, sentence: sentence(), spanBegin: 1, spanEnd: Int.random(in: 2..<300, using: &rng))
        var evidence: [Evidence] = []
        if chance(0.3) {
            for j in 0..<Int.random(in: 1...3, using: &rng) {
                let q = chance(0.5) ? p : Provenance(documentID: "doc-9", sentenceBegin: j, sentenceEnd: j + 5, sentence: sentence(),
                                                    spanBegin: j, spanEnd: j + 1)
                evidence.append(Evidence(id: "e\(j)", provenance: q, rule: "r\(j)", confidence: 0.5,
                                         date: chance(0.3) ? FactDate(value: "2020-0\(j + 1)", precision: .month) : nil,
                                         attribution: chance(0.3) ? Attribution(source: chance(0.7) ? pick(ids) : nil) : nil))
            }
        }
        return Fact(id: "f-\(k)", type: pick(["visit", "meeting", "role"]), subject: pick(ids), object: pick(ids),
                    place: chance(0.4) ? pick(ids) : nil, date: chance(0.4) ? FactDate(value: "2019", precision: .year) : nil,
                    role: chance(0.3) ? pick(words) : nil, modality: pick([.asserted, .planned, .negated]),
                    attribution: chance(0.3) ? Attribution(source: chance(0.7) ? pick(ids) : nil) : nil, provenance: p,
                    rule: "rule-\(k % 7)", confidence: 0.25 * Double(k % 4), evidence: evidence)
    }

    /// `ReportSpill.dealt` as it was (the fact always read whole).
    static func oldDealt(_ bytes: [UInt8], links: [String: String], buckets: Int, _ table: RelationTable) throws -> ReportSpill.Dealt {
        var f = try SpillDecoder.fact(bytes)
        var changed = false
        if !links.isEmpty {
            if let s = links[f.subject] { f.subject = s; changed = true }
            if let o = links[f.object] { f.object = o; changed = true }
            if let p = f.place, let n = links[p] { f.place = n; changed = true }
            if let a = f.attribution?.source, let n = links[a] { f.attribution?.source = n; changed = true }
            for e in f.evidence.indices {
                if let a = f.evidence[e].attribution?.source, let n = links[a] { f.evidence[e].attribution?.source = n; changed = true }
            }
            if f.subject == f.object { return .dropped }
        }
        guard buckets > 0 else { return .fact(f) }
        let b = Int(StableID.fnv1a(EventMerging.key(f, table)) % UInt64(buckets))
        return .bucket(b, changed ? SpillEncoder.bytes(of: f) : bytes)
    }

    func testReportsDealtWithoutSentencesAreDealtAsBefore() throws {
        var kinds = [0, 0, 0, 0]   // dropped, fact, bucket with the bytes kept, bucket with the bytes encoded again
        for k in 0..<3000 {
            let f = report(k)
            let bytes = SpillEncoder.bytes(of: f)
            var links: [String: String] = [:]
            for id in ids where chance(0.25) { links[id] = pick(ids + ["per-joined"]) }
            for buckets in [0, 1, 7] {
                let old = try Self.oldDealt(bytes, links: links, buckets: buckets, .standard)
                let new = try ReportSpill.dealt(bytes, links: links, buckets: buckets, .standard)
                switch (old, new) {
                case (.dropped, .dropped): kinds[0] += 1
                case let (.fact(a), .fact(b)): XCTAssertEqual(a, b); kinds[1] += 1
                case let (.bucket(a, x), .bucket(b, y)):
                    XCTAssertEqual(a, b); XCTAssertEqual(x, y)
                    kinds[x == bytes ? 2 : 3] += 1
                default: XCTFail("\(k) \(buckets): \(old) against \(new)")
                }
            }
        }
        for n in kinds { XCTAssertGreaterThan(n, 300, "\(kinds)") }
        // a record cut short fails both ways
        let cut = Array(SpillEncoder.bytes(of: report(1)).dropLast(3))
        XCTAssertThrowsError(try Self.oldDealt(cut, links: [:], buckets: 3, .standard))
        XCTAssertThrowsError(try ReportSpill.dealt(cut, links: [:], buckets: 3, .standard))
    }

    func testSizesAreTheEncodedSizes() {
        let ints = [0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, Int.max, Int.min, 1 << 40, -(1 << 40)]
        for v in ints + (0..<2000).map({ _ in Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0..<63, using: &rng) }) {
            var e = SpillEncoder()
            e.int(v)
            XCTAssertEqual(SpillEncoder.size(of: v), e.bytes.count, "\(v)")
        }
        for k in 0..<2000 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pick(words) }.joined()
            let m = Mention(entityID: pick(ids), documentID: "doc-\(k)", begin: Int.random(in: -5...100_000, using: &rng),
                            end: Int.random(in: 0...100_000, using: &rng), text: text, adjective: pick([nil, true, false]))
            var e = SpillEncoder()
            e.mention(m)
            XCTAssertEqual(SpillEncoder.size(of: m), e.bytes.count)
        }
    }

    /// Mentions appended a document at a time come out in the canonical order (by document, begin, end, entity, then
    /// the order they came in), in memory and through runs on disk, documents in order or not.
    func testMentionsPutInOrderAtAppendComeOutInTheCanonicalOrder() throws {
        let tmp = try TempFolder("speed29-mentions", removeWhenDone: true)
        for (runBytes, shuffled) in [(1 << 20, false), (1 << 20, true), (300, false), (300, true), (5000, true)] {
            let spill = ReportSpill(directory: tmp.path, mentions: true, runBytes: runBytes)
            var all: [(Mention, Int)] = []
            var docs = Array(0..<60)
            if shuffled { docs.shuffle(using: &rng) }
            for d in docs {
                let ms = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                    Mention(entityID: pick(ids), documentID: "doc-\(d % 50)", begin: Int.random(in: 0..<6, using: &rng),
                            end: Int.random(in: 6..<9, using: &rng), text: pick(words))
                }
                for m in ms { all.append((m, all.count)) }
                try spill.appendMentions(ms)
            }
            let want = all.sorted { a, b in
                (a.0.documentID, a.0.begin, a.0.end, a.0.entityID, a.1) < (b.0.documentID, b.0.begin, b.0.end, b.0.entityID, b.1)
            }.map(\.0)
            var got: [Mention] = []
            try spill.forEachMention(links: [:]) { got.append($0) }
            XCTAssertEqual(got, want, "\(runBytes) \(shuffled)")
        }
    }

    /// `GraphBuilder.add` as it was, on entities alone (what `take` then makes of the gathered sets included).
    static func oldAdd(_ lists: [[Entity]]) -> [Entity] {
        var entities: [String: Entity] = [:]
        var merged: [String: (forms: Set<String>, documents: Set<String>)] = [:]
        for ents in lists {
            for e in ents {
                if var old = entities[e.id] {
                    if e.fromGazetteer && !old.fromGazetteer {
                        (old.fromGazetteer, old.subtype, old.labelAr, old.labelEn, old.wikidata) =
                            (true, e.subtype, e.labelAr, e.labelEn, e.wikidata)
                    } else if e.fromGazetteer == old.fromGazetteer {
                        if !e.subtype.isEmpty, old.subtype.isEmpty || e.subtype < old.subtype { old.subtype = e.subtype }
                        if old.labelEn == nil { old.labelEn = e.labelEn }
                        if old.wikidata == nil { old.wikidata = e.wikidata }
                    }
                    old.mentionCount += e.mentionCount
                    var acc = merged.removeValue(forKey: e.id) ?? (Set(old.surfaceForms), Set(old.documents))
                    acc.forms.formUnion(e.surfaceForms)
                    acc.documents.formUnion(e.documents)
                    merged[e.id] = acc
                    if !old.fromGazetteer, !e.fromGazetteer, (e.labelAr.count, old.labelAr) > (old.labelAr.count, e.labelAr) {
                        old.labelAr = e.labelAr
                    }
                    entities[e.id] = old
                } else {
                    entities[e.id] = e
                }
            }
        }
        for (id, acc) in merged {
            entities[id]?.surfaceForms = Array(acc.forms).sorted()
            entities[id]?.documents = Array(acc.documents).sorted()
        }
        return entities.values.sorted { $0.id < $1.id }
    }

    func testEntitiesSeenAgainAreFoldedAsBefore() {
        // labels and forms: Arabic, spellings canonically equal in other scalars, longer and shorter
        let labels = ["أحمد", "ا\u{0654}حمد", "أحمد علي", "\u{e9}", "e\u{301}", "ليبيا", "ليبيا", "ab", "ba"]
        for round in 0..<40 {
            var lists: [[Entity]] = []
            for d in 0..<Int.random(in: 1...30, using: &rng) {
                lists.append((0..<Int.random(in: 0...5, using: &rng)).map { _ in
                    let forms = Array(Set((0..<Int.random(in: 1...4, using: &rng)).map { _ in pick(labels) })).sorted()
                    return Entity(id: pick(ids), type: .person, subtype: pick(["", "", "city", "army"]), labelAr: pick(labels),
                                  labelEn: chance(0.3) ? pick(["A", "B"]) : nil, wikidata: chance(0.2) ? pick(["Q1", "Q2"]) : nil,
                                  surfaceForms: forms, mentionCount: Int.random(in: 1...3, using: &rng), documents: ["doc-\(d)"],
                                  fromGazetteer: chance(0.2))
                })
            }
            var builder = GraphBuilder()
            for (d, ents) in lists.enumerated() {
                builder.add(DocumentExtraction(document: Document(id: "doc-\(d)", path: "\(d)"), entities: ents, mentions: [], facts: []))
            }
            let got = builder.build(linkAcrossDocuments: false).entities.sorted { $0.id < $1.id }
            let want = Self.oldAdd(lists)
            XCTAssertEqual(got.count, want.count, "\(round)")
            for (a, b) in zip(got, want) {
                // by their bytes (`==` on strings is canonical equality)
                XCTAssertEqual(a.labelAr.utf8.map { $0 }, b.labelAr.utf8.map { $0 }, "\(round)")
                XCTAssertEqual(a.surfaceForms.map { Array($0.utf8) }, b.surfaceForms.map { Array($0.utf8) }, "\(round)")
                XCTAssertEqual(a, b, "\(round)")
            }
        }
    }

    func testMentionLinesWrittenOnTheStackAreTheEncodersLines() throws {
        let e = FactsFile.encoder()
        var direct = 0
        let texts = words + ["a/b", "x\"y", "مولود تشاووش أوغلو", String(repeating: "ب", count: 300)]
        for k in 0..<4000 {
            let m = Mention(entityID: chance(0.95) ? pick(ids) : pick(texts), documentID: chance(0.95) ? "doc-\(k)" : pick(texts),
                            begin: chance(0.05) ? -Int.random(in: 1...1 << 40, using: &rng) : Int.random(in: 0...Int.max, using: &rng) >> 20,
                            end: Int.random(in: 0...Int.max, using: &rng) >> Int.random(in: 0..<63, using: &rng),
                            text: (0..<Int.random(in: 1...3, using: &rng)).map { _ in pick(texts) }.joined(separator: " "),
                            adjective: chance(0.3))
            var want = [UInt8](try FactsFile.line("mention", m, e))
            want.append(0x0A)
            for prefix in [[], [0x41, 0x0A] as [UInt8]] {
                var out = prefix
                if FactsFile.appendMentionLine(m, newline: true, to: &out) {
                    XCTAssertEqual(out, prefix + want, "\(m)")
                    direct += 1
                } else {
                    XCTAssertEqual(out, prefix)
                }
            }
            if let line = FactsFile.mentionLine(m) { XCTAssertEqual([UInt8](line), Array(want.dropLast())) }
        }
        XCTAssertGreaterThan(direct, 2000)
    }

    func testDocumentLinesAreTheEncodersLines() throws {
        let e = FactsFile.encoder()
        var direct = 0
        for k in 0..<2000 {
            func maybe() -> String? { chance(0.5) ? sentence() : nil }
            let d = Document(id: chance(0.9) ? "doc-\(k)" : pick(words), path: chance(0.8) ? "corpus/0000/\(k).txt" : sentence(),
                             url: chance(0.5) ? "https://example.org/a/\(k)?x=\"1\"" : maybe(), outlet: maybe(), published: maybe(),
                             title: maybe(), length: Int.random(in: -3...100_000, using: &rng))
            var want = [UInt8](try FactsFile.line("document", d, e))
            want.append(0x0A)
            for prefix in [[], [0x41, 0x0A] as [UInt8]] {
                var out = prefix
                if FactsFile.appendDocumentLine(d, to: &out) {
                    XCTAssertEqual(out, prefix + want, "\(d)")
                    direct += 1
                } else {
                    XCTAssertEqual(out, prefix)
                }
                var viaEncoder = prefix
                try FactsFile.LineEncoder().append(.document(d), to: &viaEncoder)
                XCTAssertEqual(viaEncoder, prefix + want)
            }
        }
        XCTAssertGreaterThan(direct, 1000)
    }
}

import Foundation
import XCTest
@testable import KBGraph

/// The strings of spill records remembered per thread (speed36, `SpillStrings`): each is the string
/// `String(decoding:as:)` makes of the same bytes (compared by bytes: `==` is canonical equivalence).
final class SpeedEquivalence36Tests: XCTestCase {
    static let pieces: [[UInt8]] = ["ا", "ب", "ة", "ً", "أ", "ا\u{654}", "a", "Z", "0", " ", "\"", "\\", "\n", "é", "e\u{301}", "😀", "\u{2028}"]
        .map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80]]   // (and bytes that are not UTF-8)

    func testStringsAreThoseOfTheirBytes() {
        var g = SeededRandom(seed: 36)
        var pool: [[UInt8]] = []
        var hits = 0, made = 0
        for _ in 0..<60_000 {
            let bytes: [UInt8]
            if !pool.isEmpty && Int.random(in: 0..<3, using: &g) > 0 {
                bytes = pool.randomElement(using: &g)!   // a string read before (or one its slot lost)
            } else {
                var b: [UInt8] = []
                let long = Int.random(in: 0..<50, using: &g) == 0
                for _ in 0..<(long ? Int.random(in: 1000..<3000, using: &g) : Int.random(in: 0..<40, using: &g)) {
                    b += Int.random(in: 0..<40, using: &g) == 0 ? SpeedEquivalence36Tests.pieces.randomElement(using: &g)!
                        : SpeedEquivalence36Tests.pieces[Int.random(in: 0..<3, using: &g)]
                }
                bytes = b
                pool.append(b)
                made += 1
            }
            // a near twin: one byte changed (the same length, most likely another slot's hash)
            var twin = bytes
            if !twin.isEmpty { twin[Int.random(in: 0..<twin.count, using: &g)] ^= 1 }
            for b in [bytes, twin] {
                let s = b.withUnsafeBufferPointer { SpillStrings.string($0) }
                XCTAssertEqual(Array(s.utf8), Array(String(decoding: b, as: UTF8.self).utf8))
            }
            if pool.count > 20_000 { pool.removeFirst(5_000) }
            hits += 1
        }
        XCTAssertGreaterThan(made, 15_000)   // more strings than slots: slots taken over
        XCTAssertGreaterThan(hits, 50_000)
    }

    func testLongStringsAndDecodedFacts() throws {
        let long = String(repeating: "كلمة ", count: 2000)   // past `longest`: made afresh
        var e = SpillEncoder()
        e.string(long); e.string(long); e.string(""); e.string("doc-1")
        var d = SpillDecoder(e.bytes)
        for expected in [long, long, "", "doc-1"] { XCTAssertEqual(Array(try d.string().utf8), Array(expected.utf8)) }
    }

    /// `EventMerging.keyHash` against FNV-1a of the key, on invented facts of every relation type (symmetric ones
    /// with their participants in either order).
    func testKeyHashIsTheKeysHash() {
        var g = SeededRandom(seed: 3600)
        let table = RelationTable.standard
        let names = table.names
        XCTAssertTrue(names.contains { table.isSymmetric($0) })
        let ids = ["per-a", "per-b", "org-ا", "loc-\u{0627}\u{0654}", "", "e\u{301}", "é", "gpe-x"]
        for _ in 0..<5000 {
            let f = Fact(type: Int.random(in: 0..<10, using: &g) == 0 ? "made-up" : names.randomElement(using: &g)!,
                         subject: ids.randomElement(using: &g)!, object: ids.randomElement(using: &g)!,
                         modality: [.asserted, .planned, .negated].randomElement(using: &g)!,
                         provenance: Provenance(documentID: "d", sentenceBegin: 0, sentenceEnd: 1, sentence: "", spanBegin: 0, spanEnd: 1),
                         rule: "r", confidence: 0.5)
            XCTAssertEqual(EventMerging.keyHash(f, table), StableID.fnv1a(EventMerging.key(f, table)))
        }
    }

    /// `StableID.plainDocument` is `document(path:)` wherever it answers, on invented paths.
    func testPlainDocumentIds() {
        var g = SeededRandom(seed: 36_000)
        let pieces = ["/", "/", "a", "Z", "0", "_", ".", "-", " ", "txt", "ا", "\r\n", "\r", "~", "..", "doc"]
        var answered = 0
        for _ in 0..<20_000 {
            let path = (0..<Int.random(in: 0..<12, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            if let id = StableID.plainDocument(path: path) {
                answered += 1
                // (the old way: `document(path:)` as it was before the byte path)
                var name = path.split(separator: "/").last.map(String.init) ?? path
                if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
                let s = StableID.slug(name)
                XCTAssertEqual(id, s.isEmpty ? "doc-" + String(StableID.hex(name).prefix(12)) : "doc-" + s, path.debugDescription)
            }
        }
        XCTAssertGreaterThan(answered, 4000)
    }

    /// A mention written at once against the pieces `SpillEncoder` wrote before, and read back.
    func testMentionsWrittenAtOnce() throws {
        var g = SeededRandom(seed: 363_636)
        let texts = ["", "ا", "per-1", "doc-d01", String(repeating: "كلمة ", count: 40), "\"q\"", "e\u{301}"]
        let numbers = [0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, 1 << 40, Int.max, Int.min]
        for _ in 0..<3000 {
            var m = Mention(entityID: texts.randomElement(using: &g)!, documentID: texts.randomElement(using: &g)!,
                            begin: numbers.randomElement(using: &g)!, end: numbers.randomElement(using: &g)!,
                            text: texts.randomElement(using: &g)!)
            m.adjective = [nil, false, true].randomElement(using: &g)!
            var old = SpillEncoder()
            old.bytes = [7]
            old.string(m.entityID); old.string(m.documentID); old.int(m.begin); old.int(m.end); old.string(m.text)
            old.bytes.append(m.adjective.map { $0 ? 2 : 1 } ?? 0)
            var new = SpillEncoder()
            new.bytes = [7]
            new.mention(m)
            XCTAssertEqual(new.bytes, old.bytes)
            XCTAssertEqual(new.bytes.count - 1, SpillEncoder.size(of: m))
            var d = SpillDecoder(Array(new.bytes.dropFirst()))
            let back = try d.mention()
            XCTAssertEqual([back.entityID, back.documentID, back.text].map { Array($0.utf8) },
                           [m.entityID, m.documentID, m.text].map { Array($0.utf8) })
            XCTAssertEqual([back.begin, back.end], [m.begin, m.end])
            XCTAssertEqual(back.adjective, m.adjective)
        }
    }

    /// A fact's record written at once (`SpillEncoder.bytes(of:)`) against the appends of `SpillEncoder.fact`, on
    /// invented facts: optional fields absent and present, repeated sentences (more than 16 distinct ones too),
    /// numbers of every size and sign, confidences of every kind, and the record read back.
    func testFactsWrittenAtOnce() throws {
        var g = SeededRandom(seed: 36_036)
        let texts = ["", "ا", "per-1", "doc-d01", String(repeating: "جملة طويلة ", count: 30), "\"q\"", "e\u{301}", "é"]
        let numbers = [0, 1, -1, 63, 64, -65, 127, 128, 8192, 1 << 40, Int.max, Int.min]
        let confidences = [0.0, 0.75, -0.0, 1e300, .infinity, .nan, 0.1 + 0.2]
        func text() -> String { texts.randomElement(using: &g)! }
        func maybe() -> String? { Bool.random(using: &g) ? nil : text() }
        func date() -> FactDate? {
            Bool.random(using: &g) ? nil : FactDate(value: text(), precision: [.day, .month, .year, .monthOnly, .dayMonth].randomElement(using: &g)!)
        }
        func attribution() -> Attribution? { Bool.random(using: &g) ? nil : Attribution(source: maybe()) }
        func provenance(_ sentences: [String]) -> Provenance {
            Provenance(documentID: text(), sentenceBegin: numbers.randomElement(using: &g)!, sentenceEnd: numbers.randomElement(using: &g)!,
                       sentence: sentences.randomElement(using: &g)!, spanBegin: numbers.randomElement(using: &g)!,
                       spanEnd: numbers.randomElement(using: &g)!)
        }
        var refs = 0
        for _ in 0..<3000 {
            let sentences = (0..<Int.random(in: 1..<25, using: &g)).map { k in "\(k) " + text() }
            let evidence = (0..<[0, 1, 2, 5, 30].randomElement(using: &g)!).map { _ in
                Evidence(id: text(), provenance: provenance(sentences), rule: text(), confidence: confidences.randomElement(using: &g)!,
                         date: date(), attribution: attribution())
            }
            let f = Fact(id: text(), type: text(), subject: text(), object: text(), place: maybe(), date: date(), role: maybe(),
                         modality: [.asserted, .planned, .negated].randomElement(using: &g)!, attribution: attribution(),
                         provenance: provenance(sentences), rule: text(), confidence: confidences.randomElement(using: &g)!,
                         evidence: evidence)
            let old = SpeedEquivalence36Tests.appendedBytes(of: f), new = SpillEncoder.bytes(of: f)
            XCTAssertEqual(new, old)
            XCTAssertLessThanOrEqual(new.count, SpillFactWriter.bound(f))
            let all = [f.provenance.sentence] + evidence.map(\.sentence)
            if Set(all.map { Array($0.utf8) }).count < all.count { refs += 1 }
            let back = try SpillDecoder.fact(new)
            XCTAssertEqual(back.evidence.map { Array($0.sentence.utf8) }, f.evidence.map { Array($0.sentence.utf8) })
        }
        XCTAssertGreaterThan(refs, 500)   // (facts with a sentence written as a reference to an earlier one)
    }

    /// The bytes of a fact as `SpillEncoder.fact` appended them piece by piece before speed36 (the reference).
    static func appendedBytes(of f: Fact) -> [UInt8] {
        var e = SpillEncoder()
        var sentences: [String] = []
        func date(_ d: FactDate?) {
            guard let d else { e.bytes.append(0); return }
            e.bytes.append(1); e.string(d.value); e.string(d.precision.rawValue)
        }
        func attribution(_ a: Attribution?) {
            guard let a else { e.bytes.append(0); return }
            e.bytes.append(1); e.optional(a.source)
        }
        func sentence(_ s: String) {
            if let k = sentences.firstIndex(where: { Array($0.utf8) == Array(s.utf8) }) { e.int(-1 - k); return }
            if sentences.count < 16 { sentences.append(s) }
            e.string(s)
        }
        e.string(f.id); e.string(f.type); e.string(f.subject); e.string(f.object); e.optional(f.place); date(f.date)
        e.optional(f.role); e.string(f.modality.rawValue); attribution(f.attribution)
        let p = f.provenance
        e.string(p.documentID); e.int(p.sentenceBegin); e.int(p.sentenceEnd); sentence(p.sentence); e.int(p.spanBegin); e.int(p.spanEnd)
        e.string(f.rule); e.double(f.confidence)
        e.int(f.evidence.count)
        for x in f.evidence {
            e.string(x.id); e.string(x.documentID); e.int(x.sentenceBegin); e.int(x.sentenceEnd); sentence(x.sentence)
            e.int(x.spanBegin); e.int(x.spanEnd); e.string(x.rule); e.double(x.confidence); date(x.date); attribution(x.attribution)
        }
        return e.bytes
    }
}

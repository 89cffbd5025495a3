// Tests of KBEvaluation: the gold files (seeds and development corpus) and the scorer.

import Foundation
import KBEvaluation
import KBGraph
import KBTestSupport
import XCTest

/// Paths used by these tests, found from this file's location (never skipped: a missing folder fails the test).
private enum EvalPaths {
    struct Missing: Error, CustomStringConvertible { var description: String }

    static func seeds() throws -> URL {
        let url = Project.seeds
        try requireDirectory(url, "seeds/ (the seed articles and their .gold.tsv files)")
        return url
    }

    /// `<package root>/../shared/dev-corpus`.
    static func devCorpus() throws -> URL {
        let url = try Project.shared("dev-corpus")
        try requireDirectory(url, "../shared/dev-corpus (the development corpus: docs/dNN.txt and gold/dNN.tsv)")
        return url
    }

    static func requireDirectory(_ url: URL, _ what: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw Missing(description: "missing \(what) at \(url.path)")
        }
    }

    static let seedNames = ["000_0f4681632fbd4e5c", "004_8843761dc5678d3b"]
    static let devNames = (1...15).map { String(format: "d%02d", $0) }

    /// (text path, gold path) for the two seeds and the fifteen dev-corpus documents; fails if any is missing.
    static func allPairs() throws -> [(text: String, gold: String)] {
        let seeds = try seeds()
        let dev = try devCorpus()
        var pairs = seedNames.map {
            (seeds.appendingPathComponent($0 + ".txt").path, seeds.appendingPathComponent($0 + ".gold.tsv").path)
        }
        pairs += devNames.map {
            (dev.appendingPathComponent("docs/\($0).txt").path, dev.appendingPathComponent("gold/\($0).tsv").path)
        }
        for (t, g) in pairs {
            for p in [t, g] where !FileManager.default.fileExists(atPath: p) { throw Missing(description: "missing file \(p)") }
        }
        return pairs
    }
}

/// Scalar-exact substring test (no grapheme or canonical-equivalence folding).
private func containsScalars(_ haystack: String, _ needle: String) -> Bool {
    let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
    guard !n.isEmpty, n.count <= h.count else { return n.isEmpty }
    outer: for start in 0...(h.count - n.count) {
        for k in 0..<n.count where h[start + k] != n[k] { continue outer }
        return true
    }
    return false
}

final class EvaluationTests: XCTestCase {

    // MARK: Gold files

    /// Checks one gold file's internal consistency.
    private func checkConsistency(_ rows: [GoldRow], _ file: String) {
        XCTAssertFalse(rows.isEmpty, "\(file): no rows")
        let entities = rows.filter { $0.kind == .entity }
        let names = entities.map(\.subject)
        XCTAssertEqual(names.count, Set(names).count, "\(file): an entity appears twice")
        XCTAssertFalse(entities.isEmpty, "\(file): no entities")
        XCTAssertFalse(rows.filter { $0.kind == .relation }.isEmpty, "\(file): no relations")
        for r in rows where r.kind == .relation {
            XCTAssertTrue(names.contains(r.subject), "\(file):\(r.line): subject \(r.subject) is not declared as an entity")
            XCTAssertTrue(names.contains(r.object), "\(file):\(r.line): object \(r.object) is not declared as an entity")
        }
        for r in rows where r.kind == .entity && r.type == "DATE" {
            XCTAssertEqual(r.subject, r.date, "\(file):\(r.line): a DATE entity's subject is its ISO value")
        }
    }

    func testSeedGoldFilesRead() throws {
        let seeds = try EvalPaths.seeds()
        for name in EvalPaths.seedNames {
            let path = seeds.appendingPathComponent(name + ".gold.tsv").path
            let rows = try GoldReader.read(path: path)
            checkConsistency(rows, path)
            XCTAssertTrue(rows.contains { $0.kind == .entity && $0.type == "PERSON" && $0.subject == "Khalifa Haftar" },
                          "\(path): Khalifa Haftar missing")
            XCTAssertEqual(rows.first?.line, 2)
        }
    }

    func testAllDevCorpusGoldFilesRead() throws {
        let dev = try EvalPaths.devCorpus()
        var total = 0
        for name in EvalPaths.devNames {
            let path = dev.appendingPathComponent("gold/\(name).tsv").path
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "missing dev-corpus gold file \(path)")
            let rows = try GoldReader.read(path: path)
            checkConsistency(rows, path)
            total += rows.count
        }
        XCTAssertGreaterThan(total, 300)
    }

    func testEveryEvidenceFragmentIsASubstringOfItsDocument() throws {
        let pairs = try EvalPaths.allPairs()
        XCTAssertEqual(pairs.count, 17)
        var fragments = 0
        for (textPath, goldPath) in pairs {
            let text = try String(contentsOfFile: textPath, encoding: .utf8)
            for row in try GoldReader.read(path: goldPath) {
                XCTAssertFalse(row.evidence.isEmpty, "\(goldPath):\(row.line): no evidence")
                for fragment in row.evidence {
                    fragments += 1
                    XCTAssertTrue(containsScalars(text, fragment),
                                  "\(goldPath):\(row.line): evidence «\(fragment)» is not in \(textPath)")
                }
            }
        }
        XCTAssertGreaterThan(fragments, 400)
    }

    func testEvidenceSplitting() {
        XCTAssertEqual(GoldReader.splitEvidence("مولود تشاووش أوغلو / تشاووش أوغلو"), ["مولود تشاووش أوغلو", "تشاووش أوغلو"])
        XCTAssertEqual(GoldReader.splitEvidence("وصل الوفد ... فاتح دونماز / مارس/آذار"), ["وصل الوفد", "فاتح دونماز", "مارس/آذار"])
    }

    func testReaderRejectsMalformedFilesNamingFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kbeval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let header = "kind\ttype\tsubject\tobject\tdate\tarabic_evidence\n"
        let cases: [(name: String, body: String, line: Int)] = [
            ("badheader.tsv", "kind\ttype\tsubject\tobject\tdate\n", 1),
            ("columns.tsv", header + "entity\tGPE\tNiger\t\t\tالنيجر\n" + "entity\tGPE\tMali\t\tمالي\n", 3),
            ("kind.tsv", header + "entty\tGPE\tNiger\t\t\tالنيجر\n", 2),
            ("type.tsv", header + "relation\tVISITS\tA\tB\t\tزار\n", 2),
            ("date.tsv", header + "entity\tDATE\t2018\t\t7 August\t2018\n", 2),
            ("noobject.tsv", header + "relation\tVISIT\tA\t\t\tزار\n", 2),
        ]
        for c in cases {
            let path = dir.appendingPathComponent(c.name).path
            try c.body.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try GoldReader.read(path: path), c.name) { error in
                guard let e = error as? GoldError else { return XCTFail("\(c.name): not a GoldError: \(error)") }
                XCTAssertEqual(e.line, c.line, "\(c.name): \(e)")
                XCTAssertTrue(e.description.contains(c.name), "\(c.name): the error does not name the file: \(e)")
                XCTAssertTrue(e.description.contains(":\(c.line):"), "\(c.name): the error does not name the line: \(e)")
            }
        }
        XCTAssertThrowsError(try GoldReader.read(path: dir.appendingPathComponent("absent.tsv").path))
        // A good file with CRLF line ends and a trailing blank line reads.
        let good = dir.appendingPathComponent("good.tsv").path
        try (header + "entity\tGPE\tNiger\t\t\tالنيجر\r\n\n").write(toFile: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(try GoldReader.read(path: good).map(\.subject), ["Niger"])
    }

    func testLoadGoldFindsSeedAndDevCorpusLayouts() throws {
        let pairs = try EvalPaths.allPairs()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kbeval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let noGold = dir.appendingPathComponent("lonely.txt").path
        try "نص بلا ذهب".write(toFile: noGold, atomically: true, encoding: .utf8)

        let gold = try Evaluator.loadGold(forTextFiles: pairs.map(\.text) + [noGold])
        XCTAssertEqual(gold.count, 17)
        XCTAssertNotNil(gold["doc-000_0f4681632fbd4e5c"])
        XCTAssertNotNil(gold["doc-004_8843761dc5678d3b"])
        XCTAssertNotNil(gold["doc-d01"])
        XCTAssertNotNil(gold["doc-d15"])
        XCTAssertNil(gold[StableID.document(path: noGold)])
        for (text, goldPath) in pairs {
            XCTAssertEqual(gold[StableID.document(path: text)]?.count, try GoldReader.read(path: goldPath).count)
        }
    }

    // MARK: Scorer

    private static let doc = "doc-test"

    /// A tiny gold document.
    private static let tinyGold: [GoldRow] = [
        .entity("PERSON", "Khalifa Haftar", evidence: ["المشير خليفة حفتر", "حفتر"], line: 2),
        .entity("PERSON", "Mahamadou Issoufou", evidence: ["محمد يوسفو"], line: 3),
        .entity("ORG", "Libyan National Army", evidence: ["للقوات المسلحة العربية الليبية"], line: 4),
        .entity("GPE", "Niger", evidence: ["النيجر", "العاصمة النيجيرية"], line: 5),
        .entity("GPE", "Niamey", evidence: ["نيامي"], line: 6),
        .entity("DATE", "2018-08-07", evidence: ["7 أغسطس 2018"], date: "2018-08-07", line: 7),
        .relation("VISIT", "Khalifa Haftar", "Niamey", date: "2018-08-07", line: 8),
        .relation("MEET", "Mahamadou Issoufou", "Khalifa Haftar", line: 9),
        .relation("HOLDS_ROLE", "Khalifa Haftar", "Libyan National Army", line: 10),
        .relation("CAPITAL_OF", "Niamey", "Niger", line: 11),
    ]

    private static func entity(_ id: String, _ type: EntityType, _ labelAr: String) -> Entity {
        Entity(id: id, type: type, labelAr: labelAr, documents: [doc])
    }

    private static func mention(_ id: String, _ text: String, at begin: Int, doc: String = doc) -> Mention {
        Mention(entityID: id, documentID: doc, begin: begin, end: begin + text.unicodeScalars.count, text: text)
    }

    private static func fact(_ type: String, _ s: String, _ o: String, date: String? = nil, doc: String = doc,
                             confidence: Double = 0.8) -> Fact {
        Fact(id: "f-\(type)-\(s)-\(o)-\(date ?? "")", type: type, subject: s, object: o,
             date: date.map { FactDate(value: $0, precision: $0.hasPrefix("--") ? .monthOnly : .day) },
             provenance: Provenance(documentID: doc, sentenceBegin: 0, sentenceEnd: 10, sentence: "", spanBegin: 0, spanEnd: 10),
             rule: "test.\(type.lowercased())", confidence: confidence)
    }

    /// An extraction that matches `tinyGold` exactly (with clitics and surnames in the mentions).
    private static func perfectGraph() -> KnowledgeGraph {
        KnowledgeGraph(
            documents: [Document(id: doc, path: "test.txt")],
            entities: [
                entity("per-haftar", .person, "خليفة حفتر"),
                entity("per-issoufou", .person, "محمد يوسفو"),
                entity("org-lna", .organization, "القوات المسلحة العربية الليبية"),
                entity("plc-niger", .place, "النيجر"),
                entity("plc-niamey", .place, "نيامي"),
                entity("dat-2018-08-07", .date, "7 أغسطس 2018"),
            ],
            facts: [
                fact("VISIT", "per-haftar", "plc-niamey", date: "2018-08-07"),
                fact("MEET", "per-issoufou", "per-haftar"),
                fact("HOLDS_ROLE", "per-haftar", "org-lna"),
                fact("CAPITAL_OF", "plc-niamey", "plc-niger"),
            ],
            mentions: [
                mention("per-haftar", "حفتر", at: 0),
                mention("per-haftar", "خليفة حفتر", at: 10),
                mention("per-issoufou", "محمد يوسفو", at: 30),
                mention("org-lna", "القوات المسلحة العربية الليبية", at: 50),
                mention("plc-niger", "النيجيرية", at: 90),
                mention("plc-niamey", "ونيامي", at: 100),
                mention("dat-2018-08-07", "7 أغسطس 2018", at: 120),
            ])
    }

    func testPerfectExtractionScoresOne() {
        let report = Evaluator.evaluate(graph: Self.perfectGraph(), gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(report.entityTotal, Score(tp: 6, fp: 0, fn: 0))
        XCTAssertEqual(report.factTotal, Score(tp: 4, fp: 0, fn: 0))
        XCTAssertEqual(report.entityTotal.f1, 1.0)
        XCTAssertEqual(report.factTotal.precision, 1.0)
        XCTAssertEqual(report.factTotal.recall, 1.0)
        XCTAssertEqual(report.factTotal.f1, 1.0)
        XCTAssertEqual(report.entityScores[.place], Score(tp: 2))
        XCTAssertEqual(report.entityScores[.organization], Score(tp: 1))
        XCTAssertEqual(report.dateTotal, 1)
        XCTAssertEqual(report.dateAccuracy, 1.0)
        XCTAssertEqual(report.documents.count, 1)
        let doc = report.documents[0]
        XCTAssertEqual(doc.alignment["Khalifa Haftar"], "per-haftar")
        XCTAssertEqual(doc.alignment["Niger"], "plc-niger")
        XCTAssertEqual(doc.alignment["Niamey"], "plc-niamey")
        XCTAssertTrue(doc.missedEntities.isEmpty && doc.spuriousEntities.isEmpty && doc.missedFacts.isEmpty
                      && doc.spuriousFacts.isEmpty && doc.wrongDates.isEmpty)
    }

    func testWrongEntityFactAndDateScoreLower() {
        var graph = Self.perfectGraph()
        // a spurious person, a fact with the wrong object, and a wrong date
        graph.entities.append(Self.entity("per-nobody", .person, "فلان الفلاني"))
        graph.mentions.append(Self.mention("per-nobody", "فلان الفلاني", at: 200))
        graph.facts = graph.facts.map { f in
            var f = f
            if f.type == "CAPITAL_OF" { f.object = "per-haftar" }
            if f.type == "VISIT" { f.date = FactDate(value: "2018-08-08", precision: .day) }
            return f
        }
        let report = Evaluator.evaluate(graph: graph, gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(report.entityTotal, Score(tp: 6, fp: 1, fn: 0))
        XCTAssertLessThan(report.entityTotal.precision, 1.0)
        XCTAssertLessThan(report.entityTotal.f1, 1.0)
        XCTAssertEqual(report.factTotal, Score(tp: 3, fp: 1, fn: 1))
        XCTAssertLessThan(report.factTotal.f1, 1.0)
        XCTAssertEqual(report.factScores["CAPITAL_OF"], Score(tp: 0, fp: 1, fn: 1))
        XCTAssertEqual(report.dateAccuracy, 0.0)
        let doc = report.documents[0]
        XCTAssertEqual(doc.spuriousEntities.count, 1)
        XCTAssertTrue(doc.missedFacts.contains { $0.contains("CAPITAL_OF Niamey → Niger") }, "\(doc.missedFacts)")
        XCTAssertEqual(doc.wrongDates.count, 1)

        // A missing entity takes its facts with it.
        var lossy = Self.perfectGraph()
        lossy.entities.removeAll { $0.id == "plc-niamey" }
        lossy.mentions.removeAll { $0.entityID == "plc-niamey" }
        let r2 = Evaluator.evaluate(graph: lossy, gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(r2.entityTotal, Score(tp: 5, fp: 0, fn: 1))
        XCTAssertEqual(r2.factTotal.tp, 2)
        XCTAssertEqual(r2.factTotal.fn, 2)
        XCTAssertLessThan(r2.factTotal.recall, 1.0)
    }

    func testEmptyExtractionScoresZero() {
        let report = Evaluator.evaluate(graph: KnowledgeGraph(), gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(report.entityTotal, Score(tp: 0, fp: 0, fn: 6))
        XCTAssertEqual(report.factTotal, Score(tp: 0, fp: 0, fn: 4))
        XCTAssertEqual(report.entityTotal.f1, 0)
        XCTAssertEqual(report.factTotal.recall, 0)
        XCTAssertNil(report.dateAccuracy)
    }

    func testSymmetricTypesMatchInEitherDirection() {
        var graph = Self.perfectGraph()
        // MEET is symmetric: the reversed fact matches, and a duplicate in the other direction counts once.
        graph.facts = graph.facts.filter { $0.type != "MEET" } + [
            Self.fact("MEET", "per-haftar", "per-issoufou"),
            Self.fact("MEET", "per-issoufou", "per-haftar", confidence: 0.5),
            Self.fact("MEET", "per-haftar", "per-issoufou", confidence: 0.4),
        ]
        var report = Evaluator.evaluate(graph: graph, gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(report.factScores["MEET"], Score(tp: 1))
        XCTAssertEqual(report.factTotal, Score(tp: 4))

        // VISIT is not: a reversed visit is both a false positive and a miss.
        graph = Self.perfectGraph()
        graph.facts = graph.facts.map { f in
            var f = f
            if f.type == "VISIT" { swap(&f.subject, &f.object) }
            return f
        }
        report = Evaluator.evaluate(graph: graph, gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(report.factScores["VISIT"], Score(tp: 0, fp: 1, fn: 1))
        XCTAssertEqual(report.dateTotal, 0)
    }

    func testDuplicateFactsCountOnceAndUseTheMostConfidentDate() {
        var graph = Self.perfectGraph()
        graph.facts += [
            Self.fact("VISIT", "per-haftar", "plc-niamey", date: "--08", confidence: 0.3),
            Self.fact("VISIT", "per-haftar", "plc-niamey", confidence: 0.99),
        ]
        let report = Evaluator.evaluate(graph: graph, gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(report.factScores["VISIT"], Score(tp: 1))
        XCTAssertEqual(report.dateCorrect, 1)
        XCTAssertEqual(report.dateTotal, 1)
    }

    func testCliticAndPhraseMatching() {
        let gold: [GoldRow] = [
            .entity("GPE", "Moscow", evidence: ["موسكو"], line: 2),
            .entity("GPE", "Turkey", evidence: ["وزير الخارجية التركي", "وفد تركي"], line: 3),
            .entity("ORG", "Libyan National Army", evidence: ["للقوات المسلحة"], line: 4),
            .entity("PERSON", "Vladimir Putin", evidence: ["فلاديمير بوتين"], line: 5),
            .entity("GPE", "Russia", evidence: ["روسيا"], line: 6),
        ]
        let graph = KnowledgeGraph(
            entities: [
                Self.entity("plc-moscow", .place, "موسكو"),
                Self.entity("plc-turkey", .place, "تركيا"),
                Self.entity("org-saf", .organization, "القوات المسلحة"),
                Self.entity("per-putin", .person, "فلاديمير بوتين"),
                Self.entity("org-russia", .organization, "روسيا"),   // wrong type: must not match the GPE
            ],
            mentions: [
                Self.mention("plc-moscow", "وموسكو", at: 0),
                Self.mention("plc-turkey", "التركي", at: 10),
                Self.mention("org-saf", "القوات المسلحة", at: 20),
                Self.mention("per-putin", "بوتين", at: 40),
                Self.mention("org-russia", "روسيا", at: 50),
            ])
        let report = Evaluator.evaluate(graph: graph, gold: [Self.doc: gold])
        let doc = report.documents[0]
        XCTAssertEqual(doc.alignment["Moscow"], "plc-moscow")
        XCTAssertEqual(doc.alignment["Turkey"], "plc-turkey")
        XCTAssertEqual(doc.alignment["Libyan National Army"], "org-saf")
        XCTAssertEqual(doc.alignment["Vladimir Putin"], "per-putin")
        XCTAssertNil(doc.alignment["Russia"])
        XCTAssertEqual(report.entityTotal, Score(tp: 4, fp: 1, fn: 1))
    }

    func testOneToOneAlignmentPrefersTheStrongestMatch() {
        // "العاصمة النيجيرية نيامي" holds both the Niger mention and the Niamey mention; each gold entity gets one.
        let gold: [GoldRow] = [
            .entity("GPE", "Niamey", evidence: ["العاصمة النيجيرية نيامي"], line: 2),
            .entity("GPE", "Niger", evidence: ["النيجيرية"], line: 3),
        ]
        let graph = KnowledgeGraph(
            entities: [Self.entity("plc-niger", .place, "النيجر"), Self.entity("plc-niamey", .place, "نيامي")],
            mentions: [Self.mention("plc-niger", "النيجيرية", at: 8), Self.mention("plc-niamey", "نيامي", at: 18)])
        let report = Evaluator.evaluate(graph: graph, gold: [Self.doc: gold])
        XCTAssertEqual(report.documents[0].alignment, ["Niamey": "plc-niamey", "Niger": "plc-niger"])
        XCTAssertEqual(report.entityTotal, Score(tp: 2))
    }

    func testOnlyGoldDocumentsAreScored() {
        var graph = Self.perfectGraph()
        graph.entities.append(Entity(id: "plc-elsewhere", type: .place, labelAr: "باريس", documents: ["doc-other"]))
        graph.mentions.append(Self.mention("plc-elsewhere", "باريس", at: 0, doc: "doc-other"))
        graph.facts.append(Self.fact("VISIT", "per-haftar", "plc-elsewhere", doc: "doc-other"))
        let report = Evaluator.evaluate(graph: graph, gold: [Self.doc: Self.tinyGold])
        XCTAssertEqual(report.entityTotal, Score(tp: 6))
        XCTAssertEqual(report.factTotal, Score(tp: 4))
        XCTAssertEqual(report.documents.map(\.documentID), [Self.doc])
    }

    func testRenderIsAFixedWidthTable() {
        var graph = Self.perfectGraph()
        graph.facts.removeAll { $0.type == "MEET" }
        let report = Evaluator.evaluate(graph: graph, gold: [Self.doc: Self.tinyGold])
        let text = report.render(title: "tiny", verbose: false)
        XCTAssertTrue(text.hasPrefix("== tiny =="), text)
        let tableLines = text.split(separator: "\n").filter {
            ["entities", "facts", "PERSON", "ORGANIZATION", "PLACE", "DATE", "micro", "VISIT", "MEET"]
                .contains(String($0.split(separator: " ").first ?? ""))
        }
        XCTAssertGreaterThanOrEqual(tableLines.count, 10)
        XCTAssertEqual(Set(tableLines.map(\.count)).count, 1, "rows differ in width:\n\(tableLines.joined(separator: "\n"))")
        XCTAssertTrue(text.contains("1/1"), text)
        XCTAssertFalse(text.contains("FN fact"))
        let verbose = report.render(title: "tiny", verbose: true)
        XCTAssertTrue(verbose.contains("FN fact    MEET Mahamadou Issoufou → Khalifa Haftar [line 9]"), verbose)
        XCTAssertTrue(verbose.contains("-- \(Self.doc)"), verbose)
    }

    func testScoreRatios() {
        let s = Score(tp: 3, fp: 1, fn: 2)
        XCTAssertEqual(s.precision, 0.75)
        XCTAssertEqual(s.recall, 0.6)
        XCTAssertEqual(s.f1, 2 * 0.75 * 0.6 / 1.35, accuracy: 1e-12)
        XCTAssertEqual(Score().f1, 1)
        XCTAssertEqual(Score(fp: 2).precision, 0)
        XCTAssertEqual(s + Score(tp: 1), Score(tp: 4, fp: 1, fn: 2))
    }
}

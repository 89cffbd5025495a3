import Foundation
import XCTest
@testable import KBText

/// The cleaner on real pages: the project's seeds and the dev corpus in ../shared.
final class CorpusTests: XCTestCase {
    private func load(_ url: URL) throws -> SourceText {
        try InputReader.load(InputFile(path: url.path), documentID: url.deletingPathExtension().lastPathComponent)
    }

    func testSeed004StartsWithTheArticle() throws {
        let src = try load(try TestPaths.seedFile(prefix: "004_"))
        let sentences = Cleaner.sentences(of: src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.count, 12)
        XCTAssertTrue(sentences.first?.text.hasPrefix("كشف موقع") ?? false, sentences.first?.text ?? "no sentence")
        XCTAssertFalse(sentences.contains { $0.text.contains("اظهار أخبار متعلقة") })
        XCTAssertFalse(sentences.contains { $0.text.contains("غير متوفر") && $0.text.contains("الصفحة") })
        // "اللواء المتقاعد خليفة\nحفتر يقيم" is one sentence, the break read as a space.
        let joined = sentences.filter { $0.text.contains("اللواء المتقاعد خليفة حفتر يقيم علاقات") }
        XCTAssertEqual(joined.count, 1)
        XCTAssertTrue(src.slice(joined[0].begin, joined[0].end).contains("خليفة\nحفتر يقيم\nعلاقات"))
    }

    func testSeed000LosesNavigationAdsPhotoCreditAndNotice() throws {
        let src = try load(try TestPaths.seedFile(prefix: "000_"))
        let (sentences, dropped) = Cleaner.clean(src)
        assertOffsetsValid(src, sentences)
        XCTAssertEqual(sentences.count, 17)
        for boilerplate in ["تخطي إلى المحتوى الرئيسي", "العالم العربي", "( فيس بوك)", "الصفحة غير متوفرة", "تريدون تصفحه"] {
            XCTAssertFalse(sentences.contains { $0.text.contains(boilerplate) }, boilerplate)
        }
        XCTAssertFalse(sentences.contains { $0.text == "إعلان" })
        XCTAssertEqual(sentences.first?.text, "خليفة حفتر طرف في تعاون عسكري واستخباراتي ضخم في النيجر")
        XCTAssertEqual(sentences.first?.role, .heading)
        XCTAssertEqual(sentences[1].text, "رئيس النيجر محمد يوسفو يستقبل خليفة حفتر")
        XCTAssertTrue(sentences[2].text.hasPrefix("وصل القائد العام للقوات المسلحة العربية الليبية المشير خليفة حفتر"))
        XCTAssertEqual(dropped.map(\.reason), ["navigation", "section label", "photo credit", "advertisement",
                                               "page-not-available notice", "page-not-available notice"])
    }

    /// Offsets hold on every real input, and the gold evidence of the dev corpus is kept: every relation's
    /// evidence within a single sentence; entity evidence too, but for the few names the gold finds in lines the
    /// cleaner drops on purpose (a photo credit, a "read also" link to another article).
    func testDevCorpusOffsetsAndGoldEvidence() throws {
        let corpus = try TestPaths.devCorpus()
        let docs = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(docs.count, 59, "the dev corpus README promises 59 documents")
        var fragments = 0, entityFragments = 0
        var lostEntityEvidence: [String] = []
        for name in docs {
            let src = try load(corpus.appendingPathComponent("docs/\(name)"))
            let sentences = Cleaner.sentences(of: src)
            assertOffsetsValid(src, sentences)
            XCTAssertFalse(sentences.isEmpty, name)

            let gold = corpus.appendingPathComponent("gold/\(name.replacingOccurrences(of: ".txt", with: ".tsv"))")
            let rows = try String(contentsOf: gold, encoding: .utf8).split(separator: "\n").dropFirst()
            for row in rows {
                let cols = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cols.count >= 6 else { continue }
                for fragment in cols[5].components(separatedBy: " / ").flatMap({ $0.components(separatedBy: " ... ") }) {
                    let f = fragment.trimmingCharacters(in: .whitespaces)
                    guard !f.isEmpty else { continue }
                    fragments += 1
                    let kept = sentences.contains { $0.text.contains(f) }
                    if cols[0] == "entity" {
                        entityFragments += 1
                        if !kept { lostEntityEvidence.append("\(name): \(f)") }
                    } else {
                        XCTAssertTrue(kept, "\(name): gold \(cols[0]) evidence not within one sentence: \(f)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(fragments, 1500)
        XCTAssertLessThanOrEqual(lostEntityEvidence.count, entityFragments / 200,
                                 "entity evidence dropped with boilerplate: \(lostEntityEvidence)")
    }

    func testDevCorpusBoilerplate() throws {
        let corpus = try TestPaths.devCorpus()
        func sentences(_ name: String) throws -> [Sentence] {
            Cleaner.sentences(of: try load(corpus.appendingPathComponent("docs/\(name)")))
        }
        // d04: a view counter and an item code go, the publication line stays on its own.
        let d04 = try sentences("d04.txt")
        XCTAssertFalse(d04.contains { $0.text.contains("مشاهدات") || $0.text.contains("رمز الخبر") })
        XCTAssertTrue(d04.contains { $0.text == "تأريخ النشر: 28 July 2021" && $0.role == .dateline })
        // d14: the headline has no blank line under it and is still its own sentence.
        let d14 = try sentences("d14.txt")
        XCTAssertEqual(d14.first?.text, "الاحتفالات تعم شوارع عاصمة النيجر مع جلاء اخر جندي فرنسي اليوم")
        // d12: full stops without a following space still end sentences.
        XCTAssertTrue(try sentences("d12.txt").contains { $0.text.hasPrefix("وقالت الحكومة الجزائرية في بيان") })
        // d08: summary bullets lose their dash.
        XCTAssertTrue(try sentences("d08.txt").first?.text.hasPrefix("سيطرة قوات الدعم السريع") ?? false)
    }

    func testCollectSeedsDirectory() throws {
        let (files, errors) = InputReader.collect([try TestPaths.seeds().path])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(files.map { URL(fileURLWithPath: $0.path).lastPathComponent },
                       ["000_0f4681632fbd4e5c.txt", "004_8843761dc5678d3b.txt"])
    }
}

import Foundation
@testable import KBNER
import KBText
import XCTest

/// The labeller's machinery on tiny invented data: labels and spans, corpus quirks, determinism, the file format.
final class NERTests: XCTestCase {
    /// A tiny invented training set: people after speech verbs and titles, places after في, organisations.
    static let tiny: [NERSentence] = {
        let text = """
            قال B-PERS
            سامر I-PERS
            الحداد I-PERS
            إن O
            الوفد O
            وصل O
            إلى O
            طنجة B-LOC
            .

            زار O
            كريم B-PERS
            العطار I-PERS
            مدينة O
            صفاقس B-LOC
            أمس O

            أعلنت O
            شركة B-ORG
            النور I-ORG
            للطاقة I-ORG
            في O
            وهران B-LOC
            عن O
            مشروع O
            """
        // the first tag above is deliberately wrong (I- after B- of the same type is fine; "قال" is not a name)
        return NERCorpus.read(text: text.replacingOccurrences(of: "قال B-PERS", with: "قال O"))
    }()

    func testLabelsAndSpans() {
        let l: [UInt8] = [0, NERLabel.begin(.per), NERLabel.inside(.per), 0, NERLabel.inside(.loc), NERLabel.begin(.org)]
        XCTAssertEqual(NERSpan.spans(l), [NERSpan(range: 1..<3, type: .per), NERSpan(range: 4..<5, type: .loc), NERSpan(range: 5..<6, type: .org)])
        XCTAssertEqual(NERLabel.repair(l)[4], NERLabel.begin(.loc))
        XCTAssertEqual(NERLabel.parse("B-PERS"), NERLabel.begin(.per))
        XCTAssertEqual(NERLabel.parse("I-MIS2"), NERLabel.inside(.misc))
        XCTAssertEqual(NERLabel.parse("OO"), NERLabel.o)
        XCTAssertFalse(NERLabel.allowed(nil, NERLabel.inside(.per)))
        XCTAssertFalse(NERLabel.allowed(NERLabel.begin(.org), NERLabel.inside(.per)))
    }

    func testReaderDropsBOMCRLFAndBidiMarks() {
        let text = "\u{FEFF}\u{200E}زار\tO\r\n\u{200E}نوال\tB-Politician\r\n\u{200E}السعدي\tI-Politician\r\n\r\n\u{200E}و\tO\r\n\u{200E}الرباط\tB-Population-Center\r\n"
        let s = NERCorpus.read(text: text, typeMap: NERCorpus.wikiFANEType)
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s[0].tokens, ["زار", "نوال", "السعدي"])
        XCTAssertEqual(NERSpan.spans(s[0].labels), [NERSpan(range: 1..<3, type: .per)])
        let joined = NERCorpus.rejoinClitics(s[1])
        XCTAssertEqual(joined.tokens, ["والرباط"])
        XCTAssertEqual(joined.labels, [NERLabel.begin(.loc)])
        let l = NERCorpus.rejoinClitics(NERSentence(tokens: ["ل", "الدولة", "عاصمة", "ها"], labels: [0, 0, 0, 0]))
        XCTAssertEqual(l.tokens, ["للدولة", "عاصمتها"])
        XCTAssertNil(NERCorpus.wikiFANEType("Group"))
        XCTAssertEqual(NERCorpus.wikiFANEType("Athlete"), .per)
        XCTAssertEqual(NERCorpus.wikiFANEType("Software"), .misc)
    }

    func lexicon() -> NERLexicon {
        var lex = NERLexicon()
        lex.addCues(fileText: "[speech]\nقال أعلنت\n[title]\nالوزير")
        lex.addName("طنجة", .loc)
        return lex
    }

    func testTrainingIsDeterministicAndLearnsTheTinySet() throws {
        var trainer = NERTrainer(lexicon: lexicon())
        trainer.bits = 14
        trainer.epochs = 5
        let a = trainer.train(Self.tiny).serialized()
        let b = trainer.train(Self.tiny).serialized()
        XCTAssertEqual(a, b, "same data and settings must give the same model bytes")
        trainer.seed += 1
        XCTAssertNotEqual(trainer.train(Self.tiny).serialized(), a, "the seed is used")
        let model = try NERModel(bytes: Data(a))
        XCTAssertEqual(model.serialized(), a, "reading and writing a model keeps its bytes")
        for s in Self.tiny {
            let r = model.label(norms: s.tokens.map(ArabicNormalizer.normalize), texts: s.tokens)
            XCTAssertEqual(r.labels, s.labels, s.tokens.joined(separator: " "))
        }
    }

    func testWordFeaturesRememberedGiveTheSameEmissions() throws {
        var trainer = NERTrainer(lexicon: lexicon())
        trainer.bits = 14
        trainer.epochs = 3
        let model = trainer.train(Self.tiny)
        let f = model.featurizer
        for s in Self.tiny {
            let info = s.tokens.map { f.wordInfo(norm: ArabicNormalizer.normalize($0), text: $0) }
            // the word's own features and the context features are, together, every feature of the token
            let all = f.features(info), context = f.contextFeatures(info)
            for i in info.indices {
                let whole = all[(i * f.perToken)..<((i + 1) * f.perToken)].sorted()
                let parts = (f.localFeatures(info[i]) + context[(i * f.contextPerToken)..<((i + 1) * f.contextPerToken)]).sorted()
                XCTAssertEqual(whole, parts)
            }
            // remembered sums (second call) give the same emissions as summing every feature
            let direct = model.emissions(all, count: info.count)
            XCTAssertEqual(model.splitEmissions(info), direct)
            XCTAssertEqual(model.splitEmissions(info), direct)
            // the context features are the neighbours' (or the ends') features by slot and the others
            let own = f.ownContextFeatures(info), edge = f.boundaryFeatures(), k = f.ownContextPerToken
            for i in info.indices {
                var parts = Array(own[(i * k)..<((i + 1) * k)])
                for (slot, j) in [(0, i - 1), (1, i + 1), (2, i - 2), (3, i + 2)] {
                    parts += info.indices.contains(j) ? f.neighbourFeatures(info[j])[slot] : edge[slot]
                }
                XCTAssertEqual(parts.sorted(), context[(i * f.contextPerToken)..<((i + 1) * f.contextPerToken)].sorted())
            }
            // short sentences: every token near an end
            for n in 1...min(4, info.count) {
                let part = Array(info.prefix(n))
                XCTAssertEqual(model.splitEmissions(part), model.emissions(f.features(part), count: n))
            }
        }
    }

    func testHashOfScalarsIsTheHashOfTheirText() {
        for w in ["", "a", "وزارة", "Ürümqi", "北京", "و😀ب"] {
            let scalars = Array(w.unicodeScalars)
            XCTAssertEqual(NERFeaturizer.fnv(scalars[...]), NERFeaturizer.fnv(w), w)
            if scalars.count > 1 { XCTAssertEqual(NERFeaturizer.fnv(scalars[1...]), NERFeaturizer.fnv(String(String.UnicodeScalarView(scalars[1...]))), w) }
        }
    }

    func testLexiconRoundTripsAndMatchesCliticForms() {
        let lex = lexicon()
        XCTAssertEqual(NERLexicon(serialized: lex.serialized()), lex)
        let f = NERFeaturizer(lexicon: lex, bits: 12)
        let info = ["وطنجة"].map { f.wordInfo(norm: ArabicNormalizer.normalize($0), text: $0) }
        XCTAssertTrue(info[0].stems.contains("طنجه"))
    }

    func testCorruptModelIsRefused() {
        XCTAssertThrowsError(try NERModel(bytes: Data("not a model".utf8)))
        XCTAssertThrowsError(try NERModel(bytes: Data(Array("KBNER01\n".utf8) + [1, 2])))
    }
}

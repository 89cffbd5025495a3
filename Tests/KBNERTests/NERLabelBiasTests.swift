import Foundation
@testable import KBNER
import KBText
import XCTest

/// The labeller's per-type decision bias (NERLabelBias.swift), on the tiny invented set of `NERTests`.
final class NERLabelBiasTests: XCTestCase {
    func tinyModel() -> NERModel {
        var lex = NERLexicon()
        lex.addCues(fileText: "[speech]\nقال أعلنت\n[title]\nالوزير")
        var trainer = NERTrainer(lexicon: lex)
        trainer.bits = 14
        trainer.epochs = 5
        return trainer.train(NERTests.tiny)
    }

    func labels(_ m: NERModel, _ s: NERSentence) -> [UInt8] {
        m.label(norms: s.tokens.map(ArabicNormalizer.normalize), texts: s.tokens).labels
    }

    func testBiasTravelsInTheFileAndOnlyTheCalibratedLabellerUsesIt() throws {
        let plain = tinyModel()
        XCTAssertTrue(plain.lexicon.labelBias.isEmpty)
        XCTAssertTrue(plain.calibrated === plain, "without a bias the labeller is the model itself")
        let withBias = plain.withLabelBias([.org: 1e6, .loc: 0])
        XCTAssertEqual(withBias.lexicon.labelBias, [.org: 1e6], "a zero bias is not stored")
        let reread = try NERModel(bytes: Data(withBias.serialized()))
        XCTAssertEqual(reread.lexicon.labelBias, [.org: 1e6])
        XCTAssertEqual(reread.serialized(), withBias.serialized(), "reading and writing keeps the bytes")
        for s in NERTests.tiny {
            // the raw scores (what the recogniser reads) are the unbiased model's
            XCTAssertEqual(labels(reread, s), labels(plain, s))
            // a huge organisation bias makes every token part of an organisation
            XCTAssertTrue(labels(reread.calibrated, s).allSatisfy { NERLabel.type(of: $0) == .org }, s.tokens.joined(separator: " "))
        }
        // a negative bias removes the type
        let none = plain.biased([.per: -1e6])
        for s in NERTests.tiny { XCTAssertFalse(labels(none, s).contains { NERLabel.type(of: $0) == .per }) }
    }

    func testTunerKeepsAPerfectLabellerAndRaisesAnUnderusedType() throws {
        let plain = tinyModel()
        // the model labels its own training set perfectly: no bias helps, none is chosen
        XCTAssertEqual(NERBiasTuner.tune(plain, dev: NERTests.tiny), [:])
        // a labeller made shy of organisations (a large negative bias folded in) gets a positive bias back
        let org = NERTests.tiny.first { $0.labels.contains(NERLabel.begin(.org)) }!
        // (the least negative bias, within the tuner's grid, that makes it miss the organisation)
        let k = try XCTUnwrap(stride(from: 5, through: 150, by: 5).map { -Float($0) }.first { k in
            !labels(plain.biased([.org: k]), org).contains(NERLabel.begin(.org))
        }, "the test needs a labeller that misses the organisation")
        let shy = plain.biased([.org: k])
        let bias = NERBiasTuner.tune(shy, dev: NERTests.tiny)
        XCTAssertGreaterThan(bias[.org] ?? 0, 0)
        XCTAssertEqual(labels(shy.biased(bias), org), org.labels)
        XCTAssertEqual(NERBiasTuner.tune(shy, dev: NERTests.tiny), bias, "deterministic")
    }
}

import KBEvaluation
import KBNER
import XCTest

/// The CoNLL exact-span scorer on a small invented file.
final class CoNLLScorerTests: XCTestCase {
    func testExactSpansPerTypeAndMicro() {
        let gold = NERCorpus.read(text: """
            زار B-PERS
            نادر I-PERS
            تونس B-LOC
            مع O
            بعثة B-ORG
            الأمل I-ORG
            وكأس B-MISC

            """)
        // system: the person one token short (a miss and a false alarm), the place right, the organisation
        // right, the MISC missed
        let system: [UInt8] = [NERLabel.begin(.per), 0, NERLabel.begin(.loc), 0, NERLabel.begin(.org), NERLabel.inside(.org), 0]
        var s = CoNLLScore()
        s.add(gold: gold[0].labels, system: system)
        XCTAssertEqual(s.byType[.per], Score(tp: 0, fp: 1, fn: 1))
        XCTAssertEqual(s.byType[.loc], Score(tp: 1, fp: 0, fn: 0))
        XCTAssertEqual(s.byType[.org], Score(tp: 1, fp: 0, fn: 0))
        XCTAssertEqual(s.byType[.misc], Score(tp: 0, fp: 0, fn: 1))
        XCTAssertEqual(s.micro, Score(tp: 2, fp: 1, fn: 2))
        var three = CoNLLScore()
        three.add(gold: gold[0].labels, system: system, excluding: [.misc])
        XCTAssertNil(three.byType[.misc])
        XCTAssertEqual(three.micro, Score(tp: 2, fp: 1, fn: 1))
        XCTAssertTrue(three.render(title: "t").contains("micro"))
    }
}

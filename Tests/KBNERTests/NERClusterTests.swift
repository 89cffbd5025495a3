import Foundation
@testable import KBNER
import KBText
import XCTest

/// Word classes from unlabelled text (the exchange algorithm) and the class features, on invented sentences.
final class NERClusterTests: XCTestCase {
    /// Invented text: given names after speech verbs, towns after travel verbs and «إلى».
    static let text: [[String]] = {
        let people = ["سامر", "كريم", "نوال", "هشام", "رانية", "فادي"]
        let towns = ["طنجة", "صفاقس", "وهران", "حمص", "إربد", "صور"]
        var out: [[String]] = []
        for (i, p) in people.enumerated() {
            for (j, t) in towns.enumerated() where (i + j) % 2 == 0 {
                out.append(["قال", p, "إنه", "سافر", "إلى", t, "أمس"])
                out.append(["وصرح", p, "بأن", "الوفد", "وصل", "إلى", t])
            }
        }
        return out
    }()

    func testWordsOfOneContextShareAClassAndTheRunIsRepeatable() {
        let a = NERClusters.cluster(Self.text, ks: [2, 4], minCount: 2, passes: 10)
        XCTAssertEqual(a, NERClusters.cluster(Self.text, ks: [2, 4], minCount: 2, passes: 10), "the same text gives the same classes")
        XCTAssertEqual(a["سامر"]?.count, 2)
        for k in 0..<2 {
            // names share a class, towns share a class, and the two differ
            XCTAssertEqual(Set(["سامر", "كريم", "نوال", "هشام", "رانية", "فادي"].map { a[$0]![k] }).count, 1, "names, clustering \(k)")
            XCTAssertEqual(Set(["طنجة", "صفاقس", "وهران", "حمص", "إربد", "صور"].map { a[$0]![k] }).count, 1, "towns, clustering \(k)")
            XCTAssertNotEqual(a["سامر"]![k], a["طنجة"]![k])
        }
        // a word seen fewer than minCount times has no class
        XCTAssertNil(NERClusters.cluster(Self.text + [["نادرة", "جدا"]], ks: [2], minCount: 2)["نادرة"])
    }

    func testClassFeaturesAreAddedOnlyWhenTheLexiconHasClasses() throws {
        var lex = NERLexicon()
        lex.addCues(fileText: "[speech]\nقال")
        XCTAssertEqual(NERFeaturizer(lexicon: lex, bits: 12).perToken, NERFeaturizer.perToken, "a model without classes keeps its features")
        lex.setClasses(NERClusters.cluster((Self.text + [["كمال", "قال", "كمال", "قال", "كمال"]]).map { $0.map(ArabicNormalizer.normalize) },
                                           ks: [2, 4], minCount: 2))
        XCTAssertEqual(lex.classCount, 2)
        XCTAssertEqual(NERLexicon(serialized: lex.serialized()), lex, "classes travel in the model file")
        let f = NERFeaturizer(lexicon: lex, bits: 12)
        XCTAssertEqual(f.perToken, NERFeaturizer.perToken + 2 + NERFeaturizer.classContextPerToken)
        // an unseen name gets the class of the clitic-stripped form («وسامر» → «سامر»)
        let a = f.wordInfo(norm: ArabicNormalizer.normalize("وسامر"), text: "وسامر")
        let b = f.wordInfo(norm: ArabicNormalizer.normalize("سامر"), text: "سامر")
        XCTAssertEqual(a.classes, b.classes)
        XCTAssertFalse(a.classes.contains(0))
        XCTAssertEqual(f.wordInfo(norm: "مجهولة", text: "مجهولة").classes, [0, 0])
        // a word that has classes keeps its own: «كمال» is not «ك» + «مال», and not «وكمال»'s fallback either way
        XCTAssertNotNil(lex.classes(of: "كمال"))
        XCTAssertEqual(f.wordInfo(norm: "كمال", text: "كمال").classes, lex.classes(of: "كمال")!.map { UInt64($0) + 1 })
        XCTAssertEqual(f.wordInfo(norm: "وكمال", text: "وكمال").classes, lex.classes(of: "كمال")!.map { UInt64($0) + 1 })

        // a model trained with classes labels a name it never saw in training by its class
        var sentences: [NERSentence] = []
        for s in Self.text.prefix(8) {
            sentences.append(NERSentence(tokens: s, labels: s.indices.map { i in
                i == 1 ? NERLabel.begin(.per) : (i > 0 && s[i - 1] == "إلى" ? NERLabel.begin(.loc) : NERLabel.o)
            }))
        }
        var trainer = NERTrainer(lexicon: lex)
        trainer.bits = 14
        trainer.epochs = 5
        let bytes = trainer.train(sentences).serialized()
        XCTAssertEqual(trainer.train(sentences).serialized(), bytes, "training with classes is repeatable")
        let model = try NERModel(bytes: Data(bytes))
        XCTAssertEqual(model.lexicon.classCount, 2)
        XCTAssertEqual(model.serialized(), bytes)
        // the word's own features remembered and the context features give every feature's emissions
        for s in sentences.prefix(3) {
            let info = s.tokens.map { model.featurizer.wordInfo(norm: ArabicNormalizer.normalize($0), text: $0) }
            XCTAssertEqual(model.splitEmissions(info), model.emissions(model.featurizer.features(info), count: info.count))
            for n in 1...min(4, info.count) {
                let part = Array(info.prefix(n))
                XCTAssertEqual(model.splitEmissions(part), model.emissions(model.featurizer.features(part), count: n))
            }
        }
    }
}

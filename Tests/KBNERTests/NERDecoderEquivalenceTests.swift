import Foundation
@testable import KBNER
import KBText
import XCTest

/// The labeller's shortcuts (speed10) give exactly what the code they replace gave: the Viterbi step over IOB2's
/// pattern and a margin's run resumed from the labelling's rows, the stem found on bytes, clitic forms handed in.
final class NERDecoderEquivalenceTests: XCTestCase {
    /// The Viterbi decoder as it was: every label tried as a predecessor of every label, in ascending order.
    static func referenceViterbi(_ em: [Float], _ trans: [Float], count n: Int, forceO: Range<Int>) -> ([UInt8], Float) {
        let L = NERLabel.count
        let neg: Float = -1e30
        let allowed = NERDecoder.allowedTable
        var score = [Float](repeating: neg, count: n * L)
        var back = [UInt8](repeating: 0, count: n * L)
        for l in 0..<L where allowed[L * L + l] && (!forceO.contains(0) || l == 0) { score[l] = trans[L * L + l] + em[l] }
        if n > 1 {
            for i in 1..<n {
                let forced = forceO.contains(i)
                let prev = (i - 1) * L
                for l in 0..<L where !forced || l == 0 {
                    var best = neg, arg = 0
                    for p in 0..<L where score[prev + p] > neg && allowed[p * L + l] {
                        let s = score[prev + p] + trans[p * L + l]
                        if s > best { best = s; arg = p }
                    }
                    if best > neg { score[i * L + l] = best + em[i * L + l]; back[i * L + l] = UInt8(arg) }
                }
            }
        }
        var best = neg, arg = 0
        for l in 0..<L where score[(n - 1) * L + l] > best { best = score[(n - 1) * L + l]; arg = l }
        var labels = [UInt8](repeating: 0, count: n)
        labels[n - 1] = UInt8(arg)
        if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { labels[i - 1] = back[i * L + Int(labels[i])] } }
        return (labels, best)
    }

    func testViterbiMatchesTheReferenceOnRandomScores() {
        XCTAssertTrue(NERDecoder.iob2, "the shipped labels are IOB2's: the unrolled step is the one tested")
        let L = NERLabel.count
        var rng = SystemRandomNumberGenerator()
        var labelled = 0
        for round in 0..<400 {
            let n = 1 + round % 17
            // small integers often: ties, which the order of the comparisons decides
            func value() -> Float { round % 3 == 0 ? Float(Int.random(in: -3...3, using: &rng)) : Float.random(in: -5...5, using: &rng) }
            let em = (0..<(n * L)).map { _ in value() }
            let trans = (0..<((L + 1) * L)).map { _ in value() }
            let (labels, best) = NERDecoder.viterbi(em, trans, count: n)
            let ref = Self.referenceViterbi(em, trans, count: n, forceO: 0..<0)
            XCTAssertEqual(labels, ref.0)
            XCTAssertEqual(best.bitPattern, ref.1.bitPattern)
            if labels.contains(where: { $0 != 0 }) { labelled += 1 }
            let (_, _, scores) = NERDecoder.viterbiWithScores(em, trans, count: n)
            for a in 0..<n {
                for b in a...n {
                    let forced = a..<b
                    let (fl, fb) = NERDecoder.viterbi(em, trans, count: n, forceO: forced)
                    let r = Self.referenceViterbi(em, trans, count: n, forceO: forced)
                    XCTAssertEqual(fl, r.0)
                    XCTAssertEqual(fb.bitPattern, r.1.bitPattern)
                    // a margin's run resumed from the labelling's rows before the span: the same best score
                    if a > 0 {
                        let (_, resumed, _) = NERDecoder.viterbiWithScores(em, trans, count: n, forceO: forced, resume: (scores, a))
                        XCTAssertEqual(resumed.bitPattern, r.1.bitPattern, "n \(n) forced \(forced)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(labelled, 100, "the random scores give names, not only O")
    }

    /// The stem feature's proclitic as found before: every prefix tested with `plainHasPrefix`, longest first.
    func testStemOnBytesIsTheStemOfThePrefixLoop() {
        func reference(_ norm: String) -> (String, String) {
            let scalars = Array(norm.unicodeScalars)
            for p in NERFeaturizer.stemPrefixes where norm.plainHasPrefix(p) {
                let rest = scalars.count - p.unicodeScalars.count
                if rest >= 3 { return (String(String.UnicodeScalarView(scalars[p.unicodeScalars.count...])), p) }
            }
            return (norm, "")
        }
        XCTAssertFalse(NERFeaturizer.stemPrefixBytes.isEmpty, "the prefixes are plain: the byte path is the one tested")
        let words = ["والجزائر", "بالمملكة", "للقوات", "وللقوات", "فبالتالي", "كالعادة", "وزير", "الجزائر", "ولد", "وبه", "والي",
                     "ال", "وال", "والا", "ببب", "ب", "و", "لل", "للم", "وكالة", "فكان", "وا\u{0654}حمد", "با\u{0654}ن", "ا\u{0654}لمانيا",
                     "والـجزائر", "وَالجزائر", "بالمملكه", "ولل", "وللا", "فللجنة"]
        for w in words {
            let norm = ArabicNormalizer.normalize(w)
            for n in [w, norm] {
                let scalars = Array(n.unicodeScalars)
                let got = NERFeaturizer.stem(of: n, scalarCount: scalars.count, scalars: scalars)
                let want = reference(n)
                XCTAssertEqual(got.stem, want.0, n)
                XCTAssertEqual(got.clitic, want.1, n)
                XCTAssertEqual(Array(got.stem.utf8), Array(want.0.utf8), n)
            }
        }
    }

    /// `wordInfo` with clitic forms handed in is `wordInfo` with its own.
    func testWordInfoWithCliticFormsGivenIsTheSame() {
        var lex = NERLexicon()
        lex.addCues(fileText: "[speech]\nقال\n[title]\nالوزير")
        lex.addName("طنجة", .loc)
        lex.addName("وزارة الخارجية", .org)
        let f = NERFeaturizer(lexicon: lex, bits: 12)
        for w in ["وطنجة", "الوزير", "قال", "ووزارة", "Paris", "paris", "2024", "،", "للقوات", "ا\u{0654}حمد"] {
            let norm = ArabicNormalizer.normalize(w)
            let a = f.wordInfo(norm: norm, text: w)
            let b = f.wordInfo(norm: norm, text: w, clitics: { ArabicNormalizer.cliticCandidates($0) })
            XCTAssertEqual([a.word, a.stem, a.clitic, a.shape], [b.word, b.stem, b.clitic, b.shape], w)
            XCTAssertEqual([a.pre.0, a.pre.1, a.pre.2, a.suf.0, a.suf.1, a.suf.2, a.stemPre.0, a.stemPre.1],
                           [b.pre.0, b.pre.1, b.pre.2, b.suf.0, b.suf.1, b.suf.2, b.stemPre.0, b.stemPre.1], w)
            XCTAssertEqual(a.cues, b.cues, w)
            XCTAssertEqual(a.stems, b.stems, w)
            XCTAssertEqual(a.classes, b.classes, w)
            XCTAssertEqual(a.nameStarts.map { "\($0.form) \($0.maxLen) \($0.oneWord)" }, b.nameStarts.map { "\($0.form) \($0.maxLen) \($0.oneWord)" }, w)
        }
    }
}

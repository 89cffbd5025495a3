// Exact-span scoring of labelled token files (CoNLL/ANERcorp format), the way conlleval counts.

import Foundation
import KBNER
import KBText

/// Entity scores of a labelled token file: a system span counts when its tokens and type are exactly a gold
/// span's. Per type and micro-averaged over the types kept.
public struct CoNLLScore: Sendable {
    public var byType: [NERType: Score] = [:]
    public var sentences = 0
    public var tokens = 0

    public init() {}

    /// Micro-averaged score over every type present.
    public var micro: Score { byType.values.reduce(Score(), +) }

    /// Adds one sentence: gold and system labels of the same tokens. Types in `excluded` are not counted.
    public mutating func add(gold: [UInt8], system: [UInt8], excluding excluded: Set<NERType> = []) {
        precondition(gold.count == system.count, "gold and system label different token counts")
        sentences += 1
        tokens += gold.count
        let g = Set(NERSpan.spans(gold).filter { !excluded.contains($0.type) })
        let s = Set(NERSpan.spans(system).filter { !excluded.contains($0.type) })
        for t in NERType.allCases where !excluded.contains(t) {
            let gt = g.filter { $0.type == t }, st = s.filter { $0.type == t }
            let tp = gt.intersection(st).count
            byType[t, default: Score()] += Score(tp: tp, fp: st.count - tp, fn: gt.count - tp)
        }
    }

    /// A fixed-width table: one line per type, then the micro average.
    public func render(title: String) -> String {
        var out = "\(title): \(sentences) sentences, \(tokens) tokens (exact spans)\n"
        out += "type      gold  system     P      R      F1\n"
        func line(_ name: String, _ s: Score) -> String {
            func pad(_ x: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - x.count)) + x }
            func f(_ v: Double) -> String { pad(String(format: "%.3f", v), 7) }
            return name.padding(toLength: 8, withPad: " ", startingAt: 0) + pad("\(s.gold)", 6) + pad("\(s.system)", 8)
                + f(s.precision) + f(s.recall) + f(s.f1) + "\n"
        }
        for t in NERType.allCases { if let s = byType[t] { out += line(t.name, s) } }
        out += line("micro", micro)
        return out
    }
}

extension CoNLLScore {
    /// Labels every sentence of a labelled token file with `model` (used alone: its decision bias applied,
    /// ``NERModel/calibrated``) and scores it against the file's own tags.
    public static func evaluate(model: NERModel, on sentences: [NERSentence], excluding excluded: Set<NERType> = []) -> CoNLLScore {
        var score = CoNLLScore()
        let cache = NERWordCache()
        let labeller = model.calibrated
        for s in sentences {
            let r = labeller.label(norms: s.tokens.map(ArabicNormalizer.normalize), texts: s.tokens, cache: cache)
            score.add(gold: s.labels, system: r.labels, excluding: excluded)
        }
        return score
    }
}

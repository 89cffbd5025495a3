import KBText

/// A per-type decision bias of the labeller used alone: a constant added to the score of every token labelled T
/// (`B-T` or `I-T`). A perceptron trained on mixed corpora leans towards O for the types the corpora tag least
/// alike (ANERcorp's clubs and companies named without a head noun); the bias, chosen on sentences the model was
/// not trained on (``NERBiasTuner``), moves its decisions back. It travels in the model's lexicon (`B` lines)
/// and is applied by ``NERModel/calibrated`` — the labeller as scored on CoNLL files. The recogniser keeps the
/// raw scores (``NERModel/label(info:)``): its own margins and conflict policy decide there.
extension NERModel {
    /// The same model with `bias` stored in its lexicon (the weights and transitions are unchanged).
    public func withLabelBias(_ bias: [NERType: Float]) -> NERModel {
        var lex = lexicon
        lex.labelBias = bias.filter { $0.value != 0 }
        return NERModel(featurizer: NERFeaturizer(lexicon: lex, bits: bits), weights: weights, scale: scale, transitions: transitions)
    }

    /// The labeller with its bias folded into the transitions (every token's label is reached by exactly one
    /// transition, so a constant on the transitions into `B-T` and `I-T` is a constant on every token labelled
    /// T): the decisions the bias was tuned for. Without a bias, the model itself.
    public var calibrated: NERModel { biased(lexicon.labelBias) }

    /// The same weights with `bias[T]` added to every transition into `B-T` and `I-T`.
    public func biased(_ bias: [NERType: Float]) -> NERModel {
        guard !bias.isEmpty else { return self }
        let L = NERLabel.count
        var t = transitions
        for (type, b) in bias.sorted(by: { $0.key < $1.key }) where b != 0 {
            for prev in 0...L {
                t[prev * L + Int(NERLabel.begin(type))] += b
                t[prev * L + Int(NERLabel.inside(type))] += b
            }
        }
        return NERModel(featurizer: featurizer, weights: weights, scale: scale, transitions: t)
    }
}

/// Chooses the per-type biases of ``NERModel/biased(_:)`` on development sentences: coordinate ascent over a
/// fixed grid, one type at a time (ORG, the type the corpora tag least alike, then PER and LOC), twice. Each
/// value is judged by the exact-span micro F1 of the three types averaged with its two neighbours on the grid
/// (a smoothed curve: a spike of one grid step on a few hundred sentences is noise); a change is kept only
/// when that rises, and ties keep the smaller bias. Deterministic.
public enum NERBiasTuner {
    public static let grid: [Float] = stride(from: -40, through: 160, by: 5).map { Float($0) }

    public static func tune(_ model: NERModel, dev: [NERSentence], log: (String) -> Void = { _ in }) -> [NERType: Float] {
        let cache = NERWordCache()
        let info = dev.map { s in s.tokens.map { cache.info(ArabicNormalizer.normalize($0), $0, model.featurizer) } }
        let gold = dev.map { Set(NERSpan.spans($0.labels).filter { $0.type != .misc }) }
        func f1(_ bias: [NERType: Float]) -> Double {
            let m = model.biased(bias)
            var tp = 0, pred = 0, all = 0
            for k in dev.indices {
                let p = Set(NERSpan.spans(m.label(info: info[k]).labels).filter { $0.type != .misc })
                tp += gold[k].intersection(p).count; pred += p.count; all += gold[k].count
            }
            return pred + all == 0 ? 0 : 2 * Double(tp) / Double(pred + all)
        }
        var bias: [NERType: Float] = [:]
        let types = [NERType.org, .per, .loc]
        var best = -1.0
        log("bias: none, dev micro F1 \(f1(bias))")
        for _ in 0..<2 {
            for type in types {
                var curve: [Double] = []
                for b in grid { var trial = bias; trial[type] = b; curve.append(f1(trial)) }
                func smooth(_ k: Int) -> Double {
                    let ks = [k - 1, k, k + 1].filter { curve.indices.contains($0) }
                    return ks.map { curve[$0] }.reduce(0, +) / Double(ks.count)
                }
                var pick = bias[type] ?? 0
                if let k0 = grid.firstIndex(of: pick) { best = max(best, smooth(k0)) }
                for (k, b) in grid.enumerated() {
                    let v = smooth(k)
                    if v > best || (v == best && abs(b) < abs(pick)) { best = v; pick = b }
                }
                bias[type] = pick
            }
        }
        log("bias: " + [NERType.per, .org, .loc].map { "\($0)=\(bias[$0] ?? 0)" }.joined(separator: " ")
            + ", dev micro F1 \(f1(bias)) (smoothed \(best))")
        return bias.filter { $0.value != 0 }
    }
}

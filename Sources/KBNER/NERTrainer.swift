import KBText

/// Averaged structured perceptron (Collins 2002) over the hashed features, with Viterbi decoding under the
/// IOB2 constraints. Deterministic: the sentence order of every epoch comes from a seeded generator, and
/// every sum is taken in the same order, so the same data and settings give the same model bytes.
public struct NERTrainer {
    public var bits = 18
    public var epochs = 8
    public var seed: UInt64 = 20_261_206
    /// With domains: the domain parts the model keeps beside the shared weights (by default the first domain's).
    public var keptDomains: [Int] = [0]
    public var lexicon: NERLexicon
    /// Progress lines (epoch, mistakes), for the command line.
    public var log: (String) -> Void = { _ in }

    public init(lexicon: NERLexicon) { self.lexicon = lexicon }

    /// `domains[i]` is the domain of sentence i (0 is the domain the model is for; nil: one domain). With
    /// several domains, every weight has a shared part and a part of each domain ("frustratingly easy domain
    /// adaptation", Daumé 2007, with the domain copy in the same bucket): a sentence is scored and updated
    /// with the shared weights plus its domain's, and the model keeps the shared weights plus domain 0's, so
    /// conventions of one corpus (Wikipedia tagging) stay out of the other's weights at no cost at run time.
    public func train(_ sentences: [NERSentence], domains: [Int]? = nil) -> NERModel {
        let L = NERLabel.count
        let D = (domains?.max() ?? -1) + 1
        let featurizer = NERFeaturizer(lexicon: lexicon, bits: bits)
        let F = featurizer.perToken
        let cache = NERWordCache()
        // features are computed once
        var offsets: [Int] = [0]
        var feats: [UInt32] = []
        for s in sentences {
            let info = s.tokens.map { cache.info(ArabicNormalizer.normalize($0), $0, featurizer) }
            feats += featurizer.features(info)
            offsets.append(feats.count)
        }
        let size = (1 << bits) * L
        var w = [Float](repeating: 0, count: size)
        var u = [Double](repeating: 0, count: size)
        var tw = [Float](repeating: 0, count: (L + 1) * L)
        var tu = [Double](repeating: 0, count: (L + 1) * L)
        var dw = [[Float]](repeating: [Float](repeating: 0, count: D > 0 ? size : 0), count: D)
        var du = [[Double]](repeating: [Double](repeating: 0, count: D > 0 ? size : 0), count: D)
        var dtw = [[Float]](repeating: [Float](repeating: 0, count: (L + 1) * L), count: D)
        var dtu = [[Double]](repeating: [Double](repeating: 0, count: (L + 1) * L), count: D)
        var rng = SplitMix64(seed: seed)
        var order = Array(sentences.indices)
        var c = 1.0
        for epoch in 1...max(1, epochs) {
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(k + 1))
                order.swapAt(k, j)
            }
            var mistakes = 0
            for si in order {
                let s = sentences[si]
                let n = s.labels.count
                guard n > 0 else { continue }
                let base = offsets[si]
                let d = domains?[si] ?? -1
                var em = [Float](repeating: 0, count: n * L)
                for i in 0..<n {
                    for f in 0..<F {
                        let row = Int(feats[base + i * F + f]) * L
                        for l in 0..<L { em[i * L + l] += w[row + l] }
                        if d >= 0 { for l in 0..<L { em[i * L + l] += dw[d][row + l] } }
                    }
                }
                let trans = d >= 0 ? zip(tw, dtw[d]).map { $0 + $1 } : tw
                let (pred, _) = NERDecoder.viterbi(em, trans, count: n)
                if pred != s.labels {
                    mistakes += 1
                    for i in 0..<n {
                        let g = Int(s.labels[i]), p = Int(pred[i])
                        if g != p {
                            for f in 0..<F {
                                let row = Int(feats[base + i * F + f]) * L
                                w[row + g] += 1; u[row + g] += c
                                w[row + p] -= 1; u[row + p] -= c
                                if d >= 0 {
                                    dw[d][row + g] += 1; du[d][row + g] += c
                                    dw[d][row + p] -= 1; du[d][row + p] -= c
                                }
                            }
                        }
                        let gp = i == 0 ? L : Int(s.labels[i - 1]), pp = i == 0 ? L : Int(pred[i - 1])
                        if gp != pp || g != p {
                            tw[gp * L + g] += 1; tu[gp * L + g] += c
                            tw[pp * L + p] -= 1; tu[pp * L + p] -= c
                            if d >= 0 {
                                dtw[d][gp * L + g] += 1; dtu[d][gp * L + g] += c
                                dtw[d][pp * L + p] -= 1; dtu[d][pp * L + p] -= c
                            }
                        }
                    }
                }
                c += 1
            }
            log("epoch \(epoch): \(mistakes) of \(sentences.count) sentences wrong")
        }
        // averaged weights, quantised to Int16
        var avg = [Float](repeating: 0, count: size)
        var maxAbs: Float = 0
        for k in 0..<size {
            avg[k] = Float(Double(w[k]) - u[k] / c)
            for d in keptDomains where d < D { avg[k] += Float(Double(dw[d][k]) - du[d][k] / c) }
            maxAbs = max(maxAbs, abs(avg[k]))
        }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        let q = avg.map { Int16(clamping: Int(($0 / scale).rounded())) }
        let trans = (0..<((L + 1) * L)).map {
            var x = Float(Double(tw[$0]) - tu[$0] / c)
            for d in keptDomains where d < D { x += Float(Double(dtw[d][$0]) - dtu[d][$0] / c) }
            return x
        }
        return NERModel(featurizer: featurizer, weights: q, scale: scale, transitions: trans)
    }
}

/// A small, fast, seeded generator (Steele, Lea & Flood 2014), the same on every platform.
public struct SplitMix64 {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

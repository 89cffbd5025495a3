import KBText

/// Averaged structured perceptron (Collins 2002) over the hashed features, with Viterbi decoding under the
/// IOB2 constraints. Deterministic: the sentence order of every epoch comes from a seeded generator, and
/// every sum is taken in the same order, so the same data and settings give the same model bytes.
public struct NERTrainer {
    public var bits = 18
    public var epochs = 8
    public var seed: UInt64 = 20_261_206
    public var lexicon: NERLexicon
    /// Progress lines (epoch, mistakes), for the command line.
    public var log: (String) -> Void = { _ in }

    public init(lexicon: NERLexicon) { self.lexicon = lexicon }

    public func train(_ sentences: [NERSentence]) -> NERModel {
        let L = NERLabel.count, F = NERFeaturizer.perToken
        let featurizer = NERFeaturizer(lexicon: lexicon, bits: bits)
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
                var em = [Float](repeating: 0, count: n * L)
                for i in 0..<n {
                    for f in 0..<F {
                        let row = Int(feats[base + i * F + f]) * L
                        for l in 0..<L { em[i * L + l] += w[row + l] }
                    }
                }
                let (pred, _) = NERDecoder.viterbi(em, tw, count: n)
                if pred != s.labels {
                    mistakes += 1
                    for i in 0..<n {
                        let g = Int(s.labels[i]), p = Int(pred[i])
                        if g != p {
                            for f in 0..<F {
                                let row = Int(feats[base + i * F + f]) * L
                                w[row + g] += 1; u[row + g] += c
                                w[row + p] -= 1; u[row + p] -= c
                            }
                        }
                        let gp = i == 0 ? L : Int(s.labels[i - 1]), pp = i == 0 ? L : Int(pred[i - 1])
                        if gp != pp || g != p {
                            tw[gp * L + g] += 1; tu[gp * L + g] += c
                            tw[pp * L + p] -= 1; tu[pp * L + p] -= c
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
            maxAbs = max(maxAbs, abs(avg[k]))
        }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        let q = avg.map { Int16(clamping: Int(($0 / scale).rounded())) }
        let trans = (0..<((L + 1) * L)).map { Float(Double(tw[$0]) - tu[$0] / c) }
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

/// The context features of a sentence other than the neighbour features (``NERFeaturizer/ownContextFeatures(_:)``),
/// handed to the labeller token by token in a small buffer (no array of the sentence's buckets), and the
/// buckets of the templates whose values are few (cue bytes, speech, position, gazetteer tags) read from a
/// table made once (``SmallBuckets``) instead of mixed at every token: the same buckets.
extension NERFeaturizer {
    /// The layout of ``NERFeaturizer/smallBuckets``: templates 28–31 by cue byte (256 each), 32 by its four
    /// values, 38 by its three, then 24–26 by gazetteer tag (257 each: B bits and I bits under 16, in a byte as
    /// `b | i << 4`, and last the tag past the sentence's ends, 0xFFFF).
    enum SmallBuckets {
        static let cues = 0, speech = 1024, position = 1028, gazetteer = 1031, count = 1031 + 3 * 257

        static func table(bits: Int) -> [UInt32] {
            let shift = UInt64(64 - bits)
            func b(_ t: UInt64, _ v: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: NERFeaturizer.mix(t, v) >> shift) }
            var out = [UInt32](repeating: 0, count: count)
            for k in 0..<4 { for v in 0..<256 { out[cues + k * 256 + v] = b(28 + UInt64(k), UInt64(v)) } }
            for v in 0..<4 { out[speech + v] = b(32, UInt64(v)) }
            for v in 0..<3 { out[position + v] = b(38, UInt64(v)) }
            for k in 0..<3 {
                for x in 0..<256 { out[gazetteer + k * 257 + x] = b(24 + UInt64(k), UInt64(x & 0xF) | UInt64(x >> 4) << 8) }
                out[gazetteer + k * 257 + 256] = b(24 + UInt64(k), 0xFFFF)
            }
            return out
        }
    }

    /// Context features per token of ``ownContextFeatures(_:)``.
    public var ownContextPerToken: Int { contextPerToken - 9 - (classCount > 0 ? 4 : 0) }

    /// The context features of ``contextFeatures(_:)`` other than the neighbour features
    /// (``neighbourFeatures(word:stem:suf1:clitic:fine:coarse:)``), `ownContextPerToken` per token: with them
    /// and ``localFeatures(_:)``, the same buckets as ``features(_:)`` (in another order).
    public func ownContextFeatures(_ info: [WordInfo]) -> [UInt32] {
        let F = ownContextPerToken
        var out = [UInt32](repeating: 0, count: info.count * F)
        out.withUnsafeMutableBufferPointer { out in
            forEachOwnContext(info) { i, b in for k in 0..<F { out[i * F + k] = b[k] } }
        }
        return out
    }

    /// `body(i, buckets)` for each token `i`: its `ownContextPerToken` buckets of ``ownContextFeatures(_:)`` in that
    /// order, in a buffer written again for the next token.
    @inline(__always)
    func forEachOwnContext(_ info: [WordInfo], _ body: (Int, UnsafePointer<UInt32>) -> Void) {
        let n = info.count
        let gaz = lexicon.gazetteerTags(info, index: nameIndex)
        let shift = UInt64(64 - bits)
        let bos: UInt64 = 0xB05, eos: UInt64 = 0xE05
        let speech = UInt64(1) << UInt64(NERLexicon.Cue.speech.rawValue)
        var cueMask: UInt64 = 0
        for c in NERLexicon.Cue.allCases { cueMask |= 1 << UInt64(c.rawValue) }
        let hasClasses = classCount > 0
        // each value the templates read of a token, in a row padded with three values past either end (what the
        // templates read there: bos / eos, no cues, no gazetteer tag), read at `pad + k` for token `k`
        let pad = 3, width = n + 2 * pad
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: ownContextPerToken) { buf in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 6 * width) { rows in
        smallBuckets.withUnsafeBufferPointer { small in
            let small = small.baseAddress!
            let w = rows.baseAddress!, st = w + width, sh = st + width, cl0 = sh + width, cues = cl0 + width, gz = cues + width
            for k in 0..<pad {
                w[k] = bos; st[k] = bos; sh[k] = bos; cl0[k] = bos; cues[k] = 0; gz[k] = 0xFFFF
                let e = pad + n + k
                w[e] = eos; st[e] = eos; sh[e] = eos; cl0[e] = eos; cues[e] = 0; gz[e] = 0xFFFF
            }
            for (k, x) in info.enumerated() {
                let r = pad + k
                w[r] = x.word; st[r] = x.stem; sh[r] = x.shape; cl0[r] = x.cls(0); cues[r] = UInt64(x.cues)
                gz[r] = UInt64(gaz[k].b) | UInt64(gaz[k].i) << 8
            }
            let out = buf.baseAddress!
            for i in 0..<n {
                let r = pad + i
                var o = 0
                @inline(__always) func put(_ t: UInt64, _ v: UInt64) {
                    out[o] = UInt32(truncatingIfNeeded: NERFeaturizer.mix(t, v) >> shift); o += 1
                }
                @inline(__always) func putSmall(_ index: Int) { out[o] = small[index]; o += 1 }
                // a gazetteer tag of template 24 + k: from the table when its bits are under 16 or past the ends
                @inline(__always) func putTag(_ k: Int, _ v: UInt64) {
                    let base = SmallBuckets.gazetteer + k * 257
                    if v == 0xFFFF { putSmall(base + 256) }
                    else if v & 0xF0F0 == 0 { putSmall(base + Int(v & 0xF | (v >> 4) & 0xF0)) }
                    else { put(24 + UInt64(k), v) }
                }
                let speechBefore = (cues[r - 1] | cues[r - 2] | cues[r - 3]) & speech != 0
                let speechAfter = (cues[r + 1] | cues[r + 2] | cues[r + 3]) & speech != 0
                // the cue bits of the word and its neighbours, in bytes (as `contextFeatures` sets them one by one)
                let cueVec = (cues[r] & cueMask) | (cues[r - 1] & cueMask) << 8 | (cues[r - 2] & cueMask) << 16
                    | (cues[r + 1] & cueMask) << 24
                let shape = sh[r], word = w[r]
                put(14, sh[r - 1] &* 31 &+ shape); put(15, shape &* 31 &+ sh[r + 1])
                put(22, w[r - 1] &* 0x100000001B3 ^ word); put(23, word &* 0x100000001B3 ^ w[r + 1])
                putTag(0, gz[r]); putTag(1, gz[r - 1]); putTag(2, gz[r + 1]); put(27, gz[r] &* 65599 &+ shape)
                putSmall(SmallBuckets.cues + Int(cueVec & 0xFF)); putSmall(SmallBuckets.cues + 256 + Int((cueVec >> 8) & 0xFF))
                putSmall(SmallBuckets.cues + 512 + Int((cueVec >> 16) & 0xFF)); putSmall(SmallBuckets.cues + 768 + Int((cueVec >> 24) & 0xFF))
                putSmall(SmallBuckets.speech + (speechBefore ? 1 : 0) + (speechAfter ? 2 : 0))
                put(33, (cueVec >> 8 & 0xFF) &* 131 &+ shape)
                putSmall(SmallBuckets.position + (i == 0 ? 1 : i == n - 1 ? 2 : 0))
                put(39, st[r - 1] &* 0x100000001B3 ^ st[r])
                put(40, gz[r] &* 65599 &+ (cueVec >> 8 & 0xFF))
                if hasClasses {
                    put(54, cl0[r - 1] &* 0x100000001B3 ^ cl0[r]); put(55, cl0[r] &* 0x100000001B3 ^ cl0[r + 1])
                }
                body(i, UnsafePointer(out))
            }
        } } }
    }
}

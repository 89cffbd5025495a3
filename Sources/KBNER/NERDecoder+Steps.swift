/// The Viterbi step over IOB2's fixed pattern (``NERDecoder/iob2``) for transitions of ordinary size, four
/// labels at a time: the same additions and comparisons per label as the unrolled scalar step, in the same order.
///
/// - O and the four B- labels: every label before is tried in ascending order, the first strictly best kept. The
///   scalar step skips a label before whose score is the unreached `neg`; here it is added like any other, which
///   is the same: when every transition is finite and under `tameBound` in size, `neg + t` rounds to `neg` or
///   below (a float near 1e30 is 7.5e22 from the next), never strictly above a best that starts at `neg`.
/// - The I- labels: their B- then their I- before, each only when above `neg`, as there.
/// - A score is written as `best + em` when the best is above `neg`, else `neg` (what the row held), its back
///   pointer as the best's label (0 when none: what the row held).
extension NERDecoder {
    /// The largest transition in size for which ``iob2Rows`` may add `neg` scores like others.
    static let tameBound: Float = 1e20

    /// Whether ``iob2Rows`` gives what the scalar step gives for these transitions.
    static func tame(_ trans: UnsafeBufferPointer<Float>) -> Bool {
        for t in trans where !(abs(t) < tameBound) { return false }
        return true
    }

    /// Row `i` of a Viterbi run on IOB2's fixed pattern, one label at a time (transitions of any size): O and every
    /// B- may follow any label (all nine tried in ascending order), I-x only B-x and I-x (in that order); a row
    /// `forced` to O has only its O label scored.
    @inline(__always)
    static func iob2ScalarRow(score: UnsafeMutablePointer<Float>, back: UnsafeMutablePointer<UInt8>, em: UnsafePointer<Float>,
                              trans: UnsafePointer<Float>, row i: Int, forced: Bool) {
        let neg: Float = -1e30
        let sp = score + (i - 1) * 9
        @inline(__always) func step(_ l: Int, _ from: Int, _ to: Int) {
            var best = neg, arg = 0
            for p in from...to {
                let v = sp[p]
                if v > neg { let s = v + trans[p * 9 + l]; if s > best { best = s; arg = p } }
            }
            if best > neg { score[i * 9 + l] = best + em[i * 9 + l]; back[i * 9 + l] = UInt8(arg) }
        }
        step(0, 0, 8)
        if !forced {
            step(1, 0, 8); step(3, 0, 8); step(5, 0, 8); step(7, 0, 8)
            step(2, 1, 2); step(4, 3, 4); step(6, 5, 6); step(8, 7, 8)
        }
    }

    /// Rows `first..<n` of a Viterbi run (`score` and `back` row after row, nine labels a row, rows before
    /// `first` filled, the rest `neg` and 0); a row in `forceO` has only its O label scored.
    @inline(__always)
    static func iob2Rows(score: UnsafeMutablePointer<Float>, back: UnsafeMutablePointer<UInt8>, em: UnsafePointer<Float>,
                         trans: UnsafePointer<Float>, first: Int, count n: Int, forceO: Range<Int>) {
        let neg: Float = -1e30
        let negV = SIMD4<Float>(repeating: neg)
        // the transitions into B-x (labels 1, 3, 5, 7) from each label; into I-x from B-x and from I-x
        let tb0 = SIMD4(trans[1], trans[3], trans[5], trans[7])
        let tb1 = SIMD4(trans[10], trans[12], trans[14], trans[16])
        let tb2 = SIMD4(trans[19], trans[21], trans[23], trans[25])
        let tb3 = SIMD4(trans[28], trans[30], trans[32], trans[34])
        let tb4 = SIMD4(trans[37], trans[39], trans[41], trans[43])
        let tb5 = SIMD4(trans[46], trans[48], trans[50], trans[52])
        let tb6 = SIMD4(trans[55], trans[57], trans[59], trans[61])
        let tb7 = SIMD4(trans[64], trans[66], trans[68], trans[70])
        let tb8 = SIMD4(trans[73], trans[75], trans[77], trans[79])
        let tib = SIMD4(trans[1 * 9 + 2], trans[3 * 9 + 4], trans[5 * 9 + 6], trans[7 * 9 + 8])
        let tii = SIMD4(trans[2 * 9 + 2], trans[4 * 9 + 4], trans[6 * 9 + 6], trans[8 * 9 + 8])
        for i in first..<n {
            let sp = score + (i - 1) * 9
            let out = score + i * 9, bk = back + i * 9, e = em + i * 9
            var best0 = neg, arg0 = 0
            if forceO.contains(i) {
                for p in 0...8 {
                    let v = sp[p]
                    if v > neg { let s = v + trans[p * 9]; if s > best0 { best0 = s; arg0 = p } }
                }
                if best0 > neg { out[0] = best0 + e[0]; bk[0] = UInt8(arg0) }
                continue
            }
            var bestB = negV, argB = SIMD4<Int32>(repeating: 0)
            @inline(__always) func from(_ p: Int, _ tb: SIMD4<Float>) {
                let v = sp[p]
                let s = v + trans[p * 9]
                if s > best0 { best0 = s; arg0 = p }
                let sb = SIMD4(repeating: v) + tb
                let m = sb .> bestB
                bestB.replace(with: sb, where: m)
                argB.replace(with: Int32(p), where: m)
            }
            from(0, tb0); from(1, tb1); from(2, tb2); from(3, tb3); from(4, tb4)
            from(5, tb5); from(6, tb6); from(7, tb7); from(8, tb8)
            if best0 > neg { out[0] = best0 + e[0]; bk[0] = UInt8(arg0) }
            let vb = SIMD4(sp[1], sp[3], sp[5], sp[7]), vi = SIMD4(sp[2], sp[4], sp[6], sp[8])
            let sb = vb + tib
            let m1 = (vb .> negV) .& (sb .> negV)
            var bestI = negV.replacing(with: sb, where: m1)
            var argI = SIMD4<Int32>(repeating: 0).replacing(with: SIMD4(1, 3, 5, 7), where: m1)
            let si = vi + tii
            let m2 = (vi .> negV) .& (si .> bestI)
            bestI.replace(with: si, where: m2)
            argI.replace(with: SIMD4(2, 4, 6, 8), where: m2)
            let sB = negV.replacing(with: bestB + SIMD4(e[1], e[3], e[5], e[7]), where: bestB .> negV)
            let sI = negV.replacing(with: bestI + SIMD4(e[2], e[4], e[6], e[8]), where: bestI .> negV)
            out[1] = sB[0]; out[3] = sB[1]; out[5] = sB[2]; out[7] = sB[3]
            out[2] = sI[0]; out[4] = sI[1]; out[6] = sI[2]; out[8] = sI[3]
            bk[1] = UInt8(truncatingIfNeeded: argB[0]); bk[3] = UInt8(truncatingIfNeeded: argB[1])
            bk[5] = UInt8(truncatingIfNeeded: argB[2]); bk[7] = UInt8(truncatingIfNeeded: argB[3])
            bk[2] = UInt8(truncatingIfNeeded: argI[0]); bk[4] = UInt8(truncatingIfNeeded: argI[1])
            bk[6] = UInt8(truncatingIfNeeded: argI[2]); bk[8] = UInt8(truncatingIfNeeded: argI[3])
        }
    }
}

import Foundation

/// Word classes learnt from unlabelled text by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann &
/// Ney 1998): every word of the vocabulary is put in one of `k` classes so that the class bigram model of the
/// text is as likely as possible (the objective of Brown clustering, optimised by moving one word at a time to
/// the class that gains most). Words used in the same contexts end in the same class (given names, towns,
/// months, organisation heads …), which carries what the labelled data teaches about a name to words it never
/// tagged. Deterministic: integer counts, a fixed initial assignment (frequency rank modulo `k`), a fixed
/// visiting order and ties broken by the lower class, so the same text gives the same classes.
public enum NERClusters {
    /// Classes of the words of `sentences` (tokens already in the form the features look up) seen at least
    /// `minCount` times, one clustering per entry of `ks` (each word gets `ks.count` class numbers).
    public static func cluster(_ sentences: [[String]], ks: [Int], minCount: Int = 3, passes: Int = 6,
                               log: (String) -> Void = { _ in }) -> [String: [UInt16]] {
        var freq: [String: Int] = [:]
        for s in sentences { for t in s { freq[t, default: 0] += 1 } }
        // vocabulary by frequency (ties by text): ids 0..<V; rare words share the id V, the sentence edge V + 1
        let vocab = freq.filter { $0.value >= minCount }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        var id: [String: Int32] = [:]
        for (i, w) in vocab.enumerated() { id[w] = Int32(i) }
        let V = vocab.count, rare = Int32(V), edge = Int32(V + 1)
        var pairs: [UInt64: Int32] = [:]
        for s in sentences {
            var prev = edge
            for t in s + [""] {
                let cur = t.isEmpty ? edge : (id[t] ?? rare)
                pairs[UInt64(UInt32(prev)) << 32 | UInt64(UInt32(cur)), default: 0] += 1
                prev = cur
            }
        }
        // neighbours of each vocabulary word, in a fixed order
        var right = [[(Int32, Int32)]](repeating: [], count: V + 2), left = [[(Int32, Int32)]](repeating: [], count: V + 2)
        for (key, n) in pairs.sorted(by: { $0.key < $1.key }) {
            let a = Int32(truncatingIfNeeded: key >> 32), b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            right[Int(a)].append((b, n)); left[Int(b)].append((a, n))
        }
        var out: [String: [UInt16]] = [:]
        for w in vocab { out[w] = [] }
        for k in ks {
            let classOf = exchange(V: V, k: k, right: right, left: left, passes: passes, log: log)
            for (i, w) in vocab.enumerated() { out[w]!.append(UInt16(classOf[i])) }
        }
        log("clusters: \(V) words (seen \(minCount)+ times) in \(ks.map(String.init).joined(separator: ", ")) classes")
        return out
    }

    @inline(__always) static func f(_ x: Int) -> Double { x > 0 ? Double(x) * log(Double(x)) : 0 }

    /// The exchange algorithm over word ids 0..<V (V: the rare words' class k, V + 1: the sentence edge's class k + 1, fixed).
    static func exchange(V: Int, k: Int, right: [[(Int32, Int32)]], left: [[(Int32, Int32)]], passes: Int,
                         log: (String) -> Void) -> [Int] {
        let C = k + 2
        var cls = (0..<V).map { $0 % k } + [k, k + 1]
        var m = [Int](repeating: 0, count: C * C)      // class bigram counts
        var nl = [Int](repeating: 0, count: C), nr = [Int](repeating: 0, count: C)
        var wl = [Int](repeating: 0, count: V + 2), wr = [Int](repeating: 0, count: V + 2)
        for a in 0..<(V + 2) {
            for (b, n) in right[a] {
                m[cls[a] * C + cls[Int(b)]] += Int(n)
                wl[a] += Int(n); wr[Int(b)] += Int(n)
            }
        }
        for a in 0..<(V + 2) { nl[cls[a]] += wl[a]; nr[cls[a]] += wr[a] }
        var rc = [Int](repeating: 0, count: C), lc = [Int](repeating: 0, count: C)
        var rkeys: [Int] = [], lkeys: [Int] = []
        for pass in 1...max(1, passes) {
            var moves = 0
            for w in 0..<V {
                let a = cls[w]
                var selfCount = 0
                for (v, n) in right[w] {
                    if Int(v) == w { selfCount += Int(n); continue }
                    let c = cls[Int(v)]
                    if rc[c] == 0 { rkeys.append(c) }
                    rc[c] += Int(n)
                }
                for (v, n) in left[w] where Int(v) != w {
                    let c = cls[Int(v)]
                    if lc[c] == 0 { lkeys.append(c) }
                    lc[c] += Int(n)
                }
                // take w out of its class
                for c in rkeys { m[a * C + c] -= rc[c] }
                for c in lkeys { m[c * C + a] -= lc[c] }
                m[a * C + a] -= selfCount
                nl[a] -= wl[w]; nr[a] -= wr[w]
                // the class that gains most
                var best = a, bestGain = -Double.infinity
                for b in 0..<k {
                    var g = 0.0
                    for c in rkeys where c != b { let x = m[b * C + c]; g += f(x + rc[c]) - f(x) }
                    for c in lkeys where c != b { let x = m[c * C + b]; g += f(x + lc[c]) - f(x) }
                    let bb = m[b * C + b]
                    g += f(bb + rc[b] + lc[b] + selfCount) - f(bb)
                    g -= f(nl[b] + wl[w]) - f(nl[b]) + f(nr[b] + wr[w]) - f(nr[b])
                    if g > bestGain + 1e-9 || (b == a && g >= bestGain - 1e-9) { bestGain = g; best = b }
                }
                for c in rkeys { m[best * C + c] += rc[c] }
                for c in lkeys { m[c * C + best] += lc[c] }
                m[best * C + best] += selfCount
                nl[best] += wl[w]; nr[best] += wr[w]
                if best != a { moves += 1; cls[w] = best }
                for c in rkeys { rc[c] = 0 }
                for c in lkeys { lc[c] = 0 }
                rkeys.removeAll(keepingCapacity: true); lkeys.removeAll(keepingCapacity: true)
            }
            log("clusters \(k): pass \(pass), \(moves) of \(V) words moved")
            if moves == 0 { break }
        }
        return Array(cls[0..<V])
    }
}

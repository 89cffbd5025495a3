import Foundation
import KBText

/// A trained sequence labeller: hashed feature weights (one per label), label transitions, and the lexicon
/// its features read. Decoding is Viterbi over IOB2 labels (an I- label only after B-/I- of its type).
public final class NERModel: @unchecked Sendable {
    public let featurizer: NERFeaturizer
    /// `(1 << bits) × NERLabel.count` weights, quantised; the real weight is `weight × scale`.
    let weights: [Int16]
    let scale: Float
    /// `(NERLabel.count + 1) × NERLabel.count`: row `NERLabel.count` is the sentence start.
    let transitions: [Float]

    public var bits: Int { featurizer.bits }
    public var lexicon: NERLexicon { featurizer.lexicon }

    /// The neighbour sums (``neighbourSums(_:)``) past the sentence's ends, slot after slot.
    let boundarySums: [Int32]

    init(featurizer: NERFeaturizer, weights: [Int16], scale: Float, transitions: [Float]) {
        self.featurizer = featurizer
        self.weights = weights
        self.scale = scale
        self.transitions = transitions
        boundarySums = NERModel.sums(featurizer.boundaryFeatures(), weights)
    }

    /// The weights of each slot's features summed, one row of labels per slot.
    static func sums(_ slots: [[UInt32]], _ weights: [Int16]) -> [Int32] {
        let L = NERLabel.count
        var sums = [Int32](repeating: 0, count: slots.count * L)
        for (s, feats) in slots.enumerated() {
            for f in feats {
                let row = Int(f) * L
                for l in 0..<L { sums[s * L + l] &+= Int32(weights[row + l]) }
            }
        }
        return sums
    }

    /// One labelled sentence: a label per token, the spans, and what ``margin(of:)`` needs.
    public struct Result: Sendable {
        public var labels: [UInt8]
        public var spans: [NERSpan]
        let emissions: [Float]
        let best: Float
        /// Viterbi's score of every label at every token, row after row (``NERDecoder/viterbiWithScores``): a
        /// margin's run that forces tokens from `k` on to O shares the first `k` rows.
        let scores: [Float]
    }

    /// Labels a sentence given as normalised tokens (`ArabicNormalizer.normalize`) and their surface text.
    public func label(norms: [String], texts: [String], cache: NERWordCache? = nil) -> Result {
        label(info: norms.indices.map { k in cache?.info(norms[k], texts[k], featurizer) ?? featurizer.wordInfo(norm: norms[k], text: texts[k]) })
    }

    /// Labels a sentence from its words' features (``NERFeaturizer/wordInfo(norm:text:)``, remembered by the caller).
    public func label(info: [NERFeaturizer.WordInfo]) -> Result {
        guard !info.isEmpty else { return Result(labels: [], spans: [], emissions: [], best: 0, scores: []) }
        let em = splitEmissions(info)
        let (labels, best, scores) = NERDecoder.viterbiWithScores(em, transitions, count: info.count)
        return Result(labels: labels, spans: NERSpan.spans(labels), emissions: em, best: best, scores: scores)
    }

    /// How much better the best labelling is than the best one that leaves the span's tokens O (larger is surer).
    public func margin(of span: NERSpan, in r: Result) -> Float {
        // (the rows before the span are those of the labelling's own run: taken from it, not computed again)
        let k = min(span.range.lowerBound, r.labels.count)
        let (_, without, _) = NERDecoder.viterbiWithScores(r.emissions, transitions, count: r.labels.count, forceO: span.range,
                                                           resume: k > 0 && r.scores.count == r.labels.count * NERLabel.count ? (r.scores, k) : nil)
        return r.best - without
    }

    /// A word's own-feature sums and its neighbour sums (``NERFeaturizer/WordInfo/sums``) for this model: one
    /// row of labels of the word's own features (``NERFeaturizer/localFeatures(_:)``), then one per neighbour
    /// slot (``NERFeaturizer/neighbourFeatures(_:)``), computed at the first use and remembered in the info.
    @inline(__always)
    func wordSums(_ x: NERFeaturizer.WordInfo) -> UnsafePointer<Int32> {
        if let s = x.sums, x.sumsOwner == ObjectIdentifier(self) { return UnsafePointer(s) }
        return fillSums(x)
    }

    /// Computes a word's sums for this model now (``wordSums(_:)``): an info prepared so is only read by later
    /// labelling with this model, so it may be shared between threads once stored.
    public func prepareSums(_ x: NERFeaturizer.WordInfo) { _ = wordSums(x) }

    @inline(never)
    func fillSums(_ x: NERFeaturizer.WordInfo) -> UnsafePointer<Int32> {
        let L = NERLabel.count
        let rows = 1 + NERFeaturizer.neighbourSlots
        let s = x.sums ?? .allocate(capacity: rows * L)
        s.initialize(repeating: 0, count: rows * L)
        weights.withUnsafeBufferPointer { w in
            let w = w.baseAddress!
            @inline(__always) func add(_ to: UnsafeMutablePointer<Int32>, _ f: UInt32) {
                let row = w + Int(f) * L
                for l in 0..<L { to[l] &+= Int32(row[l]) }
            }
            featurizer.forEachLocalFeature(x) { add(s, $0) }
            featurizer.forEachNeighbourFeature(x) { slot, f in add(s + (1 + slot) * L, f) }
        }
        x.sums = s
        x.sumsOwner = ObjectIdentifier(self)
        return UnsafePointer(s)
    }

    /// Emissions from each word's remembered own-feature sums, its neighbours' remembered sums as neighbours
    /// (``wordSums(_:)``) and the sentence's other context features: the same integers as
    /// ``emissions(_:count:)`` over ``NERFeaturizer/features(_:)`` (integer addition in any order).
    func splitEmissions(_ info: [NERFeaturizer.WordInfo]) -> [Float] {
        let L = NERLabel.count, F = featurizer.ownContextPerToken
        let n = info.count
        var em = [Float](repeating: 0, count: n * L)
        let s = scale
        withUnsafeTemporaryAllocation(of: UnsafePointer<Int32>.self, capacity: n) { ws in
        // (the infos stay alive in `info` while their sums are read)
        for i in 0..<n { ws[i] = wordSums(info[i]) }
        weights.withUnsafeBufferPointer { w in
        boundarySums.withUnsafeBufferPointer { edge in
        em.withUnsafeMutableBufferPointer { em in
            let edge = edge.baseAddress!
            // (each token's other context features handed over as they are made: no array of the sentence's)
            featurizer.forEachOwnContext(info) { i, feats in
                var a0: Int32 = 0, a1: Int32 = 0, a2: Int32 = 0, a3: Int32 = 0, a4: Int32 = 0
                var a5: Int32 = 0, a6: Int32 = 0, a7: Int32 = 0, a8: Int32 = 0
                @inline(__always) func add(_ r: UnsafePointer<Int32>) {
                    a0 &+= r[0]; a1 &+= r[1]; a2 &+= r[2]; a3 &+= r[3]; a4 &+= r[4]
                    a5 &+= r[5]; a6 &+= r[6]; a7 &+= r[7]; a8 &+= r[8]
                }
                add(ws[i])
                // slot 0: the word before is this word's neighbour before; 1 after; 2 two before; 3 two after
                // (a word's slot k is its row 1 + k)
                add(i > 0 ? ws[i - 1] + L : edge)
                add(i + 1 < n ? ws[i + 1] + 2 * L : edge + L)
                add(i > 1 ? ws[i - 2] + 3 * L : edge + 2 * L)
                add(i + 2 < n ? ws[i + 2] + 4 * L : edge + 3 * L)
                for k in 0..<F {
                    let row = w.baseAddress! + Int(feats[k]) * L
                    a0 &+= Int32(row[0]); a1 &+= Int32(row[1]); a2 &+= Int32(row[2]); a3 &+= Int32(row[3])
                    a4 &+= Int32(row[4]); a5 &+= Int32(row[5]); a6 &+= Int32(row[6]); a7 &+= Int32(row[7])
                    a8 &+= Int32(row[8])
                }
                let o = i * L
                em[o] = Float(a0) * s; em[o + 1] = Float(a1) * s; em[o + 2] = Float(a2) * s
                em[o + 3] = Float(a3) * s; em[o + 4] = Float(a4) * s; em[o + 5] = Float(a5) * s
                em[o + 6] = Float(a6) * s; em[o + 7] = Float(a7) * s; em[o + 8] = Float(a8) * s
            }
        } } } }
        return em
    }

    func emissions(_ feats: [UInt32], count n: Int) -> [Float] {
        let L = NERLabel.count, F = featurizer.perToken
        var em = [Float](repeating: 0, count: n * L)
        let s = scale
        weights.withUnsafeBufferPointer { w in
            feats.withUnsafeBufferPointer { f in
                em.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        var a0: Int32 = 0, a1: Int32 = 0, a2: Int32 = 0, a3: Int32 = 0, a4: Int32 = 0
                        var a5: Int32 = 0, a6: Int32 = 0, a7: Int32 = 0, a8: Int32 = 0
                        for k in 0..<F {
                            let row = w.baseAddress! + Int(f[i * F + k]) * L
                            a0 &+= Int32(row[0]); a1 &+= Int32(row[1]); a2 &+= Int32(row[2]); a3 &+= Int32(row[3])
                            a4 &+= Int32(row[4]); a5 &+= Int32(row[5]); a6 &+= Int32(row[6]); a7 &+= Int32(row[7])
                            a8 &+= Int32(row[8])
                        }
                        let o = i * L
                        out[o] = Float(a0) * s; out[o + 1] = Float(a1) * s; out[o + 2] = Float(a2) * s
                        out[o + 3] = Float(a3) * s; out[o + 4] = Float(a4) * s; out[o + 5] = Float(a5) * s
                        out[o + 6] = Float(a6) * s; out[o + 7] = Float(a7) * s; out[o + 8] = Float(a8) * s
                    }
                }
            }
        }
        return em
    }

    // MARK: File format

    static let magic: [UInt8] = Array("KBNER01\n".utf8)

    /// The model as bytes (little-endian): magic, bits, label count, scale, transitions, lexicon text, then the
    /// non-zero weight rows in bucket order (bucket number, then one Int16 per label).
    public func serialized() -> [UInt8] {
        var out = NERModel.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        u32(UInt32(bits)); u32(UInt32(NERLabel.count)); u32(scale.bitPattern)
        for t in transitions { u32(t.bitPattern) }
        let lex = Array(lexicon.serialized().utf8)
        u32(UInt32(lex.count)); out += lex
        let L = NERLabel.count
        var rows: [UInt32] = []
        for r in 0..<(1 << bits) where (0..<L).contains(where: { weights[r * L + $0] != 0 }) { rows.append(UInt32(r)) }
        u32(UInt32(rows.count))
        for r in rows {
            u32(r)
            for l in 0..<L { withUnsafeBytes(of: UInt16(bitPattern: weights[Int(r) * L + l]).littleEndian) { out += $0 } }
        }
        return out
    }

    public enum LoadError: Error, CustomStringConvertible {
        case format(String)
        public var description: String { if case .format(let s) = self { return "NER model: \(s)" }; return "NER model" }
    }

    public convenience init(bytes data: Data) throws {
        let L = NERLabel.count
        var p = 0
        func need(_ k: Int) throws { if p + k > data.count { throw LoadError.format("truncated at byte \(p)") } }
        func u32() throws -> UInt32 {
            try need(4)
            let v = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: p, as: UInt32.self) }
            p += 4
            return UInt32(littleEndian: v)
        }
        try need(8)
        guard Array(data.prefix(8)) == NERModel.magic else { throw LoadError.format("not a kbexport NER model") }
        p = 8
        let bits = Int(try u32())
        guard (10...24).contains(bits), Int(try u32()) == L else { throw LoadError.format("unsupported table size or labels") }
        let scale = Float(bitPattern: try u32())
        var transitions: [Float] = []
        for _ in 0..<((L + 1) * L) { transitions.append(Float(bitPattern: try u32())) }
        let lexCount = Int(try u32())
        try need(lexCount)
        let lexStart = p
        p += lexCount
        let rows = Int(try u32())
        try need(rows * (4 + 2 * L))
        var weights = [Int16](repeating: 0, count: (1 << bits) * L)
        // (raw pointers and a local offset: the rows are most of the file, read once at start-up)
        let start = p
        try data.withUnsafeBytes { raw in
            try weights.withUnsafeMutableBufferPointer { w in
                var q = start
                for _ in 0..<rows {
                    let r = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: q, as: UInt32.self)))
                    guard r < (1 << bits) else { throw LoadError.format("bucket out of range") }
                    q += 4
                    #if _endian(little)
                    // (a row's little-endian `Int16`s are the weights' own bytes: copied at once)
                    UnsafeMutableRawPointer(w.baseAddress! + r * L).copyMemory(from: raw.baseAddress! + q, byteCount: 2 * L)
                    q += 2 * L
                    #else
                    for l in 0..<L {
                        w[r * L + l] = Int16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: q, as: UInt16.self)))
                        q += 2
                    }
                    #endif
                }
            }
        }
        p = start + rows * (4 + 2 * L)
        // (the lexicon read from the bytes: the fields as `String(decoding:as:)` of the whole text would give them)
        let lexicon = data.withUnsafeBytes { raw in
            NERLexicon(serializedUTF8: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[lexStart..<(lexStart + lexCount)]))
        }
        self.init(featurizer: NERFeaturizer(lexicon: lexicon, bits: bits), weights: weights,
                  scale: scale, transitions: transitions)
    }

    public convenience init(path: String) throws {
        try self.init(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Word features remembered between sentences (one per thread: not shared).
public final class NERWordCache {
    private var table: [String: NERFeaturizer.WordInfo] = [:]
    public init() {}
    func info(_ norm: String, _ text: String, _ f: NERFeaturizer) -> NERFeaturizer.WordInfo {
        // the surface text matters only for a Latin word's capital
        let key = norm.unicodeScalars.first.map({ NERFeaturizer.isArabicLetter($0) }) == true ? norm : norm + "\u{1}" + text
        if let v = table[key] { return v }
        let v = f.wordInfo(norm: norm, text: text)
        if table.count > 100_000 { table.removeAll(keepingCapacity: true) }
        table[key] = v
        return v
    }
}

enum NERDecoder {
    /// `NERLabel.allowed(a, b)` as a table: row `NERLabel.count` is the sentence start.
    static let allowedTable: [Bool] = {
        let L = NERLabel.count
        var t = [Bool](repeating: false, count: (L + 1) * L)
        for a in 0...L { for b in 0..<L { t[a * L + b] = NERLabel.allowed(a == L ? nil : UInt8(a), UInt8(b)) } }
        return t
    }()

    /// For each label, the labels that may follow it (`allowedTable`), in ascending order, as a flat list:
    /// `successors[successorStart[p] ..< successorStart[p + 1]]`.
    static let successors: [Int] = {
        let L = NERLabel.count
        return (0..<L).flatMap { p in (0..<L).filter { l in allowedTable[p * L + l] } }
    }()
    static let successorStart: [Int] = {
        let L = NERLabel.count
        var starts = [0]
        for p in 0..<L { starts.append(starts[p] + (0..<L).filter { l in allowedTable[p * L + l] }.count) }
        return starts
    }()

    /// The labels are O, then B- and I- of four types, and `allowedTable` is IOB2's (O and B-x after anything,
    /// I-x only after B-x or I-x): the Viterbi step may take that pattern as given.
    static let iob2: Bool = {
        let L = NERLabel.count
        guard L == 9 else { return false }
        for p in 0..<L {
            for l in 0..<L where allowedTable[p * L + l] != (l == 0 || l % 2 == 1 || p == l - 1 || p == l) { return false }
        }
        return (0..<L).allSatisfy { l in allowedTable[L * L + l] == (l == 0 || l % 2 == 1) }
    }()

    /// Best label sequence under IOB2 constraints and its score; `forceO` tokens may only be O.
    static func viterbi(_ em: [Float], _ trans: [Float], count n: Int, forceO: Range<Int> = 0..<0) -> ([UInt8], Float) {
        let (labels, best, _) = viterbiWithScores(em, trans, count: n, forceO: forceO)
        return (labels, best)
    }

    /// ``viterbi(_:_:count:forceO:)`` and the score of every label at every token (row after row). `resume`:
    /// the scores of a run on the same emissions and transitions whose first `rows` tokens are not forced
    /// (`forceO` starts at `rows` or later): those rows are taken from it, the same numbers the run would
    /// compute again; the best score is the same, but the labels of those rows are not traced (a margin reads
    /// only the score).
    static func viterbiWithScores(_ em: [Float], _ trans: [Float], count n: Int, forceO: Range<Int> = 0..<0,
                                  resume: (scores: [Float], rows: Int)? = nil) -> ([UInt8], Float, [Float]) {
        let L = NERLabel.count
        let neg: Float = -1e30
        var score = [Float](repeating: neg, count: n * L)
        var back = [UInt8](repeating: 0, count: n * L)
        let iob2 = NERDecoder.iob2
        var first = 1
        if let resume, resume.rows >= 1, resume.rows <= n, forceO.isEmpty || forceO.lowerBound >= resume.rows {
            first = resume.rows
            score.withUnsafeMutableBufferPointer { s in
                resume.scores.withUnsafeBufferPointer { r in for k in 0..<(first * L) { s[k] = r[k] } }
            }
        }
        // (the same additions and comparisons in the same order as ever, on raw buffers: no bounds checks)
        allowedTable.withUnsafeBufferPointer { allowed in
        successors.withUnsafeBufferPointer { succ in
        successorStart.withUnsafeBufferPointer { starts in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: L) { bestOf in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: L) { argOf in
        em.withUnsafeBufferPointer { em in
        trans.withUnsafeBufferPointer { trans in
        score.withUnsafeMutableBufferPointer { score in
        back.withUnsafeMutableBufferPointer { back in
            if first == 1 {
                for l in 0..<L where allowed[L * L + l] && (!forceO.contains(0) || l == 0) {
                    score[l] = trans[L * L + l] + em[l]
                }
            }
            if n > first, iob2, tame(trans) {
                // (four labels at a time: NERDecoder+Steps.swift)
                iob2Rows(score: score.baseAddress!, back: back.baseAddress!, em: em.baseAddress!, trans: trans.baseAddress!,
                         first: first, count: n, forceO: forceO)
            } else if n > first {
                for i in first..<n {
                    let forced = forceO.contains(i)
                    let prev = (i - 1) * L
                    if iob2 {
                        // the same comparisons on IOB2's fixed pattern, unrolled (NERDecoder+Steps.swift)
                        iob2ScalarRow(score: score.baseAddress!, back: back.baseAddress!, em: em.baseAddress!, trans: trans.baseAddress!,
                                      row: i, forced: forced)
                        continue
                    }
                    // every label's best predecessor: the labels before in ascending order, each tried for the
                    // labels allowed after it (for each label, the same comparisons in the same order as a loop
                    // over its predecessors; a label that is not `forced` out is skipped as there)
                    for l in 0..<L { bestOf[l] = neg; argOf[l] = 0 }
                    for p in 0..<L {
                        let sp = score[prev + p]
                        guard sp > neg else { continue }
                        for q in starts[p]..<starts[p + 1] {
                            let l = succ[q]
                            let s = sp + trans[p * L + l]
                            if s > bestOf[l] { bestOf[l] = s; argOf[l] = p }
                        }
                    }
                    for l in 0..<L where !forced || l == 0 {
                        let best = bestOf[l]
                        if best > neg { score[i * L + l] = best + em[i * L + l]; back[i * L + l] = UInt8(argOf[l]) }
                    }
                }
            }
        } } } } } } } } }
        var best = neg, arg = 0
        for l in 0..<L where score[(n - 1) * L + l] > best { best = score[(n - 1) * L + l]; arg = l }
        var labels = [UInt8](repeating: 0, count: n)
        labels[n - 1] = UInt8(arg)
        if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { labels[i - 1] = back[i * L + Int(labels[i])] } }
        return (labels, best, score)
    }
}

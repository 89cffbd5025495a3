import Foundation
import KBText

/// Hashed features of tokens. Each feature is a template number mixed with a value hash, reduced to a
/// bucket of a fixed-size weight table (`1 << bits` rows of one weight per label).
public struct NERFeaturizer: Sendable {
    public let lexicon: NERLexicon
    public let bits: Int

    /// Features per token of a model without word classes (every template gives exactly one, "none" values included).
    public static let perToken = 40
    /// Features per token of this featurizer: ``perToken``, and the class templates when the lexicon has word
    /// classes (``NERClusters``): one per clustering for the word, and the finest and coarsest class of the
    /// neighbours (``classContextPerToken``).
    public let perToken: Int
    public let localPerToken: Int
    public var contextPerToken: Int { perToken - localPerToken }
    /// Clusterings the lexicon has (0: a model without word classes, features exactly as before).
    let classCount: Int
    static let classContextPerToken = 6
    /// The buckets of the context templates whose values are few, by value (``SmallBuckets``).
    let smallBuckets: [UInt32]
    /// The lexicon's name keys as bytes (``NERNameIndex``), for the gazetteer tags.
    let nameIndex: NERNameIndex

    public init(lexicon: NERLexicon, bits: Int) {
        self.lexicon = lexicon
        self.bits = bits
        classCount = lexicon.classCount
        localPerToken = NERFeaturizer.localPerToken + classCount
        perToken = NERFeaturizer.perToken + (classCount > 0 ? classCount + NERFeaturizer.classContextPerToken : 0)
        smallBuckets = SmallBuckets.table(bits: bits)
        nameIndex = NERNameIndex(lexicon)
    }

    /// What the features need of one word (a pure function of its normalised form and its Latin capitalisation).
    /// A class: it is remembered per word and handed around without copying.
    public final class WordInfo: @unchecked Sendable {
        let word: UInt64, stem: UInt64, clitic: UInt64
        let pre: (UInt64, UInt64, UInt64), suf: (UInt64, UInt64, UInt64), stemPre: (UInt64, UInt64)
        let shape: UInt64
        let cues: UInt8          // cue bits of the word or its stem
        /// Word classes of the stem, one per clustering, each class + 1 (0: the word has none); empty without classes.
        let classes: [UInt64]
        public let stems: [String]      // forms tried for gazetteer matches (the word, then without proclitics)
        /// The forms that start a name of the lexicon: the form, the most words such a name has, and the
        /// types of the one-word name it is (0 if none), in `stems` order.
        let nameStarts: [(form: String, maxLen: Int, oneWord: UInt8)]
        /// The word (`stems[0]`) is the second word of some name of the lexicon (``NERLexicon/isSecondWord(_:)``).
        let secondWord: Bool
        /// The first non-zero `oneWord` of `nameStarts` (0 if none), and whether some form starts a name of two
        /// words or more: without one, the word's gazetteer tag is that one-word tag (``NERLexicon/gazetteerTags``).
        let firstOneWord: UInt8
        let startsLonger: Bool

        /// For the model `sumsOwner`, one row of labels after another: the summed weights of the word's own
        /// features (``NERFeaturizer/localFeatures(_:)``), then of the context features that read this word as a
        /// neighbour (``NERFeaturizer/neighbourFeatures(_:_:_:_:_:_:)``), one row per slot. Computed at the first
        /// use, so that a word seen again costs only its other context features; one flat buffer, read through a
        /// pointer (no array to retain per token). Integer sums: the emissions are the same as summing every
        /// feature each time.
        var sums: UnsafeMutablePointer<Int32>? = nil
        var sumsOwner: ObjectIdentifier? = nil

        init(word: UInt64, stem: UInt64, clitic: UInt64, pre: (UInt64, UInt64, UInt64), suf: (UInt64, UInt64, UInt64),
             stemPre: (UInt64, UInt64), shape: UInt64, cues: UInt8, stems: [String], nameStarts: [(form: String, maxLen: Int, oneWord: UInt8)],
             secondWord: Bool, classes: [UInt64] = []) {
            self.word = word; self.stem = stem; self.clitic = clitic; self.pre = pre; self.suf = suf; self.stemPre = stemPre
            self.shape = shape; self.cues = cues; self.stems = stems; self.nameStarts = nameStarts; self.classes = classes
            self.secondWord = secondWord
            firstOneWord = nameStarts.first(where: { $0.oneWord != 0 })?.oneWord ?? 0
            startsLonger = nameStarts.contains { $0.maxLen >= 2 }
        }
        deinit { sums?.deallocate() }
        /// Class `j` of the word (0: none), the `j`-th clustering (finest last).
        @inline(__always) func cls(_ j: Int) -> UInt64 { j < classes.count ? classes[j] : 0 }
    }

    static func fnv(_ s: Substring.UTF8View) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
    static func fnv(_ s: String) -> UInt64 { fnv(Substring(s).utf8) }

    /// `fnv` of the UTF-8 bytes of some scalars, without building a `String` (the same value).
    static func fnv(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for u in scalars {
            if let e = UTF8.encode(u) { for b in e { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        }
        return h
    }

    @inline(__always)
    static func mix(_ template: UInt64, _ v: UInt64) -> UInt64 {
        var x = v ^ (template &* 0x9E37_79B9_7F4A_7C15)
        x ^= x >> 31; x = x &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 29; x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 32)
    }

    /// The proclitics stripped for the stem feature, longest first.
    static let stemPrefixes: [String] = ArabicNormalizer.procliticPrefixes.map(\.prefix).sorted { ($0.count, $0) > ($1.count, $1) }

    /// ``stemPrefixes`` as UTF-8 bytes and scalar counts, in the same order; empty if one of them is not plain
    /// (``NormKey/isPlain(_:)``), so that a byte prefix of a plain word is exactly what `plainHasPrefix` finds.
    static let stemPrefixBytes: [(prefix: String, bytes: [UInt8], scalars: Int)] = {
        let all = stemPrefixes.map { (prefix: $0, bytes: Array($0.utf8), scalars: $0.unicodeScalars.count) }
        return all.allSatisfy({ NormKey.isPlain($0.prefix) }) ? all : []
    }()

    /// The stem of the stem feature: the word without its longest proclitic (article included, ``stemPrefixes``
    /// order), when three letters or more remain; else the word and no clitic.
    static func stem(of norm: String, scalarCount: Int, scalars: [Unicode.Scalar]) -> (stem: String, clitic: String) {
        var w = norm
        // a plain word (every scalar a character of its own, NFC): `plainHasPrefix` is a byte comparison
        let plain: (String, String)?? = stemPrefixBytes.isEmpty || !NormKey.isPlain(norm) ? nil : w.withUTF8 { b -> (String, String)?? in
            for p in stemPrefixBytes where p.bytes.count <= b.count && memcmp(b.baseAddress!, p.bytes, p.bytes.count) == 0 {
                if scalarCount - p.scalars >= 3 {
                    return .some((String(decoding: UnsafeBufferPointer(rebasing: b[p.bytes.count...]), as: UTF8.self), p.prefix))
                }
            }
            return .some(nil)
        }
        if let plain { return plain ?? (norm, "") }
        for p in stemPrefixes where norm.plainHasPrefix(p) {
            let rest = scalars.count - p.unicodeScalars.count
            if rest >= 3 { return (String(String.UnicodeScalarView(scalars[p.unicodeScalars.count...])), p) }
        }
        return (norm, "")
    }

    public func wordInfo(norm: String, text: String) -> WordInfo {
        wordInfo(norm: norm, text: text, clitics: ArabicNormalizer.cliticCandidates)
    }

    /// ``wordInfo(norm:text:)`` with the word's `ArabicNormalizer.cliticCandidates` given by `clitics` (a caller
    /// that remembers them per word passes its memo: the same values).
    public func wordInfo(norm: String, text: String, clitics: (String) -> [(stem: String, prefix: String)]) -> WordInfo {
        let scalars = Array(norm.unicodeScalars)
        let first = scalars.first
        let isArabic = first.map { NERFeaturizer.isArabicLetter($0) } ?? false
        // stem: the word without its longest proclitic (article included), when three letters or more remain
        var stem = norm
        var clitic = ""
        if isArabic { (stem, clitic) = NERFeaturizer.stem(of: norm, scalarCount: scalars.count, scalars: scalars) }
        func part(_ r: Range<Int>) -> UInt64 {
            guard r.lowerBound >= 0, r.upperBound <= scalars.count else { return 0x5EED }
            return NERFeaturizer.fnv(scalars[r])
        }
        let n = scalars.count
        let stemScalars = Array(stem.unicodeScalars)
        func stemPart(_ k: Int) -> UInt64 {
            k <= stemScalars.count ? NERFeaturizer.fnv(stemScalars[0..<k]) : 0x5EED
        }
        // shape: script, length bucket, Latin capital, article
        var shape: UInt64
        if first == nil { shape = 0 } else if isArabic { shape = 1 } else if norm.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { shape = 2 }
        else if first!.properties.isAlphabetic { shape = 3 } else { shape = 4 }
        let lenBucket: UInt64 = n <= 2 ? 0 : n == 3 ? 1 : n <= 5 ? 2 : n <= 8 ? 3 : 4
        shape = shape * 16 + lenBucket * 2
        if shape / 16 == 3, let f = text.unicodeScalars.first, f.properties.isUppercase { shape += 1 }
        if isArabic, norm.plainHasPrefix("ال") || norm.plainHasPrefix("لل") { shape += 100 }
        var cues = lexicon.cueBits(norm) ?? 0
        if stem != norm { cues |= lexicon.cueBits(stem) ?? 0 }
        var stems = [norm]
        if isArabic {
            for c in clitics(norm).dropFirst() where !stems.contains(c.stem) { stems.append(c.stem) }
        }
        return WordInfo(word: NERFeaturizer.fnv(norm), stem: NERFeaturizer.fnv(stem), clitic: NERFeaturizer.fnv(clitic),
                        pre: (part(0..<1), part(0..<2), part(0..<3)), suf: (part((n - 1)..<n), part((n - 2)..<n), part((n - 3)..<n)),
                        stemPre: (stemPart(2), stemPart(3)), shape: shape, cues: cues, stems: stems,
                        nameStarts: stems.compactMap { f in lexicon.longestName(startingWith: f).map { (f, $0, lexicon.nameBits(f) ?? 0) } },
                        secondWord: lexicon.isSecondWord(norm),
                        classes: classCount == 0 ? [] : wordClasses(stems))
    }

    /// The word classes of a word (each class + 1, 0 for none): those of its normalised form, or else of the
    /// first of its forms without a proclitic that has classes (the word as written first: «كمال», «بغداد»
    /// are not «ك» + «مال», «ب» + «غداد»; a rare «وكمال» takes the classes of «كمال»).
    func wordClasses(_ forms: [String]) -> [UInt64] {
        for f in forms { if let c = lexicon.classes(of: f) { return c.map { UInt64($0) + 1 } } }
        return [UInt64](repeating: 0, count: classCount)
    }

    /// Bucket indices of every token's features, `perToken` per token, token after token: the word's own
    /// (``localFeatures(_:)``) then its context (``contextFeatures(_:)``), one definition of each template.
    public func features(_ info: [WordInfo]) -> [UInt32] {
        let context = contextFeatures(info)
        var out: [UInt32] = []
        out.reserveCapacity(info.count * perToken)
        let cp = contextPerToken
        for (i, x) in info.enumerated() {
            out += localFeatures(x)
            out += context[(i * cp)..<((i + 1) * cp)]
        }
        return out
    }
}

extension NERFeaturizer {
    /// Features of ``features(_:)`` that depend on the word alone (bias, word, stem, clitic, affixes, shape,
    /// suffix × clitic): templates 1–13 and 37.
    public static let localPerToken = 14
    /// The other templates (neighbours, gazetteer, cues, position).
    public static let contextPerToken = perToken - localPerToken

    /// Bucket indices of the word-only features of one word (the same buckets ``features(_:)`` gives it).
    public func localFeatures(_ x: WordInfo) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(localPerToken)
        forEachLocalFeature(x) { out.append($0) }
        return out
    }

    /// `body` of each bucket of ``localFeatures(_:)``, in that order (no array).
    @inline(__always)
    func forEachLocalFeature(_ x: WordInfo, _ body: (UInt32) -> Void) {
        let shift = UInt64(64 - bits)
        @inline(__always) func put(_ t: UInt64, _ v: UInt64) { body(UInt32(truncatingIfNeeded: NERFeaturizer.mix(t, v) >> shift)) }
        put(1, 0)
        put(2, x.word); put(3, x.stem); put(4, x.clitic)
        put(5, x.pre.0); put(6, x.pre.1); put(7, x.pre.2)
        put(8, x.suf.0); put(9, x.suf.1); put(10, x.suf.2)
        put(11, x.stemPre.0); put(12, x.stemPre.1)
        put(13, x.shape)
        put(37, x.suf.1 &* 31 &+ x.clitic)
        for j in 0..<classCount { put(41 + UInt64(j), x.cls(j)) }
    }

    /// Bucket indices of the context features of every token, `contextPerToken` per token: with
    /// ``localFeatures(_:)`` of each word, the same buckets as ``features(_:)``.
    public func contextFeatures(_ info: [WordInfo]) -> [UInt32] {
        let n = info.count
        let gaz = lexicon.gazetteerTags(info)
        let shift = UInt64(64 - bits)
        var out = [UInt32](repeating: 0, count: n * contextPerToken)
        let fine = classCount - 1
        func cl(_ k: Int, _ j: Int) -> UInt64 { k < 0 ? bos : k >= n ? eos : info[k].cls(j) }
        let bos: UInt64 = 0xB05, eos: UInt64 = 0xE05
        func w(_ k: Int) -> UInt64 { k < 0 ? bos : k >= n ? eos : info[k].word }
        func st(_ k: Int) -> UInt64 { k < 0 ? bos : k >= n ? eos : info[k].stem }
        func sh(_ k: Int) -> UInt64 { k < 0 ? bos : k >= n ? eos : info[k].shape }
        func cue(_ k: Int, _ c: NERLexicon.Cue) -> Bool { k >= 0 && k < n && info[k].cues & (1 << UInt8(c.rawValue)) != 0 }
        func gz(_ k: Int) -> UInt64 { k < 0 || k >= n ? 0xFFFF : UInt64(gaz[k].b) | UInt64(gaz[k].i) << 8 }
        var o = 0
        for i in 0..<n {
            let x = info[i]
            @inline(__always) func put(_ t: UInt64, _ v: UInt64) {
                out[o] = UInt32(truncatingIfNeeded: NERFeaturizer.mix(t, v) >> shift); o += 1
            }
            let speechBefore = cue(i - 1, .speech) || cue(i - 2, .speech) || cue(i - 3, .speech)
            let speechAfter = cue(i + 1, .speech) || cue(i + 2, .speech) || cue(i + 3, .speech)
            var cueVec: UInt64 = 0
            for c in NERLexicon.Cue.allCases {
                if cue(i, c) { cueVec |= 1 << UInt64(c.rawValue) }
                if cue(i - 1, c) { cueVec |= 1 << UInt64(8 + c.rawValue) }
                if cue(i - 2, c) { cueVec |= 1 << UInt64(16 + c.rawValue) }
                if cue(i + 1, c) { cueVec |= 1 << UInt64(24 + c.rawValue) }
            }
            put(14, sh(i - 1) &* 31 &+ x.shape); put(15, x.shape &* 31 &+ sh(i + 1))
            put(16, w(i - 1)); put(17, w(i + 1)); put(18, w(i - 2)); put(19, w(i + 2))
            put(20, st(i - 1)); put(21, st(i + 1))
            put(22, w(i - 1) &* 0x100000001B3 ^ x.word); put(23, x.word &* 0x100000001B3 ^ w(i + 1))
            put(24, gz(i)); put(25, gz(i - 1)); put(26, gz(i + 1)); put(27, gz(i) &* 65599 &+ x.shape)
            put(28, cueVec & 0xFF); put(29, (cueVec >> 8) & 0xFF); put(30, (cueVec >> 16) & 0xFF); put(31, (cueVec >> 24) & 0xFF)
            put(32, (speechBefore ? 1 : 0) + (speechAfter ? 2 : 0))
            put(33, (cueVec >> 8 & 0xFF) &* 131 &+ x.shape)
            put(34, i < n - 1 ? info[i + 1].suf.1 : eos); put(35, i > 0 ? info[i - 1].suf.1 : bos)
            put(36, i > 0 ? info[i - 1].clitic : bos)
            put(38, i == 0 ? 1 : i == n - 1 ? 2 : 0)
            put(39, st(i - 1) &* 0x100000001B3 ^ x.stem)
            put(40, gz(i) &* 65599 &+ (cueVec >> 8 & 0xFF))
            if fine >= 0 {
                // the neighbours' classes (finest and coarsest), and the coarsest of a neighbour with the word's
                put(50, cl(i - 1, fine)); put(51, cl(i + 1, fine))
                put(52, cl(i - 2, 0)); put(53, cl(i + 2, 0))
                put(54, cl(i - 1, 0) &* 0x100000001B3 ^ x.cls(0)); put(55, x.cls(0) &* 0x100000001B3 ^ cl(i + 1, 0))
            }
        }
        return out
    }

    /// Neighbour slots of ``neighbourFeatures(_:_:_:_:_:_:)``: the word before, after, two before, two after.
    public static let neighbourSlots = 4

    /// The context features of ``contextFeatures(_:)`` that read one neighbour's own values and nothing else
    /// (templates 16–21, 34–36, 50–53), for a neighbour with these values, by slot: as the word before (16, 20,
    /// 35, 36, 50), after (17, 21, 34, 51), two before (18, 52), two after (19, 53). Past the sentence's ends
    /// every value is `bos` before and `eos` after, as there. A word's sums for these can be remembered.
    func neighbourFeatures(word: UInt64, stem: UInt64, suf1: UInt64, clitic: UInt64, fine: UInt64, coarse: UInt64) -> [[UInt32]] {
        var slots = [[UInt32]](repeating: [], count: NERFeaturizer.neighbourSlots)
        forEachNeighbourFeature(word: word, stem: stem, suf1: suf1, clitic: clitic, fine: fine, coarse: coarse) { slots[$0].append($1) }
        return slots
    }

    /// `body(slot, bucket)` of each feature of ``neighbourFeatures(word:stem:suf1:clitic:fine:coarse:)``, slot
    /// by slot in the order of its list (no arrays).
    @inline(__always)
    func forEachNeighbourFeature(word: UInt64, stem: UInt64, suf1: UInt64, clitic: UInt64, fine: UInt64, coarse: UInt64,
                                 _ body: (Int, UInt32) -> Void) {
        let shift = UInt64(64 - bits)
        @inline(__always) func b(_ slot: Int, _ t: UInt64, _ v: UInt64) { body(slot, UInt32(truncatingIfNeeded: NERFeaturizer.mix(t, v) >> shift)) }
        b(0, 16, word); b(0, 20, stem); b(0, 35, suf1); b(0, 36, clitic)
        if classCount > 0 { b(0, 50, fine) }
        b(1, 17, word); b(1, 21, stem); b(1, 34, suf1)
        if classCount > 0 { b(1, 51, fine) }
        b(2, 18, word)
        if classCount > 0 { b(2, 52, coarse) }
        b(3, 19, word)
        if classCount > 0 { b(3, 53, coarse) }
    }

    /// ``neighbourFeatures(word:stem:suf1:clitic:fine:coarse:)`` of a word.
    func neighbourFeatures(_ x: WordInfo) -> [[UInt32]] {
        neighbourFeatures(word: x.word, stem: x.stem, suf1: x.suf.1, clitic: x.clitic, fine: classCount > 0 ? x.cls(classCount - 1) : 0, coarse: x.cls(0))
    }

    /// ``forEachNeighbourFeature(word:stem:suf1:clitic:fine:coarse:_:)`` of a word.
    @inline(__always)
    func forEachNeighbourFeature(_ x: WordInfo, _ body: (Int, UInt32) -> Void) {
        forEachNeighbourFeature(word: x.word, stem: x.stem, suf1: x.suf.1, clitic: x.clitic,
                                fine: classCount > 0 ? x.cls(classCount - 1) : 0, coarse: x.cls(0), body)
    }

    /// ``neighbourFeatures(word:stem:suf1:clitic:fine:coarse:)`` past the sentence's start (slots 0 and 2) and
    /// end (slots 1 and 3).
    func boundaryFeatures() -> [[UInt32]] {
        let bos: UInt64 = 0xB05, eos: UInt64 = 0xE05
        let start = neighbourFeatures(word: bos, stem: bos, suf1: bos, clitic: bos, fine: bos, coarse: bos)
        let end = neighbourFeatures(word: eos, stem: eos, suf1: eos, clitic: eos, fine: eos, coarse: eos)
        return [start[0], end[1], start[2], end[3]]
    }

    /// An Arabic-script letter (the Arabic block's letters and the extended letters used for other languages).
    @inline(__always)
    public static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0621...0x063A, 0x0641...0x064A, 0x066E...0x066F, 0x0671...0x06D3, 0x06D5, 0x06FA...0x06FC: return true
        default: return false
        }
    }
}

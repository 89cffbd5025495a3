import KBNER
import KBText

/// The word classes the recogniser's passes start from, one set of bits per token of a sentence, found with one
/// memo probe a token at the start of ``EntityRecognizer/recognize(_:)``. Each bit is exactly the per-word test a
/// pass makes before anything else (a pure function of a word token's normalised form; 0 for other tokens), so a
/// pass skips a token whose bit is clear, and a whole pass is skipped when no token of the sentence has its bit:
/// most sentences have no facility head, unit head or counterpart word, and most words are none of these.
struct WordCues {
    /// ``EntityRecognizer/facilityHead(_:)`` is not nil.
    static let facility: UInt16 = 1 << 0
    /// Twelve bytes or more ending in «يين» or «يون» (``EntityRecognizer/pluralNisba(_:_:)``'s first test).
    static let pluralNisba: UInt16 = 1 << 1
    /// Ends in «قاعده» (``EntityRecognizer/alQaeda(_:_:_:)``'s first test).
    static let qaeda: UInt16 = 1 << 2
    /// In ``EntityRecognizer/counterpartWords``.
    static let counterpart: UInt16 = 1 << 3
    /// `computeUnitHeadFlags` has ``EntityRecognizer/unitHeadWord``.
    static let unitHead: UInt16 = 1 << 4
    /// ``EntityRecognizer/orgWordFlags(_:)`` has ``EntityRecognizer/flagMediaTrailer``.
    static let mediaTrailer: UInt16 = 1 << 5
    /// ``EntityRecognizer/orgWordFlags(_:)`` has ``EntityRecognizer/flagBareInstitution``.
    static let bareInstitution: UInt16 = 1 << 6
    /// A rank, role head or kinship word once a conjunction is stripped (what ``EntityRecognizer/rolePhrase(_:_:_:_:)`` needs).
    static let roleWord: UInt16 = 1 << 7
    /// ``EntityRecognizer/headWord(_:)`` is not nil.
    static let headWord: UInt16 = 1 << 8
    /// ``EntityRecognizer/computeDualHead(_:)`` is not nil (a dual head noun, clitics aside).
    static let dualHead: UInt16 = 1 << 9

    /// The bits of each token.
    let bits: [UInt16]
    /// The bits of all tokens together.
    let any: UInt16
    /// The labeller's info of every token (``ModelWords/info(_:_:)`` with the shipped model: a plain word's
    /// remembered with its bits, another token's from ``ModelWords``), the labeller's input as it is; empty
    /// without a model.
    let labelInfos: [NERFeaturizer.WordInfo]
    /// What pass 1's gazetteer look-up needs of each token (``Gazetteer/start(_:)`` and
    /// ``Gazetteer/isSecondWord(_:)`` of its normalised form), for the gazetteer the cues were made for.
    let gazetteerFacts: [GazetteerFacts]

    /// A token's ``Gazetteer/start(_:)`` (nil for a token other than a word or Latin word, as for one that starts
    /// nothing) and whether it is a second word of a name (1, 0; -1: not known here, ask the gazetteer).
    struct GazetteerFacts {
        var start: GazetteerStart?
        var second: Int8
    }

    /// A plain word's bits and labeller info, and its gazetteer facts for the gazetteer of serial `serial`,
    /// remembered together.
    struct Facts {
        let bits: UInt16
        let info: NERFeaturizer.WordInfo?
        let serial: UInt64
        let start: GazetteerStart?
        let second: Bool
    }

    /// (one memo probe a word token for its bits, labeller info and gazetteer facts; other tokens' labeller
    /// infos from ``ModelWords``' first level)
    init(_ t: [Token], gazetteer g: Gazetteer = .bundled) {
        let n = t.count
        var bits = [UInt16](repeating: 0, count: n)
        let model = EntityRecognizer.nerModel
        var infos: [NERFeaturizer.WordInfo] = []
        if model != nil { infos.reserveCapacity(n) }
        var gaz = [GazetteerFacts](repeating: GazetteerFacts(start: nil, second: -1), count: n)
        var any: UInt16 = 0
        // (a plain loop: a closure over `bits`, `infos` and `any` would box them)
        let memo = WordCues.perThread.value
        let serial = g.serial
        for i in 0..<n {
            let kind = t[i].kind
            guard kind == .word else {
                if let model { infos.append(ModelWords.info(t[i], model)) }
                if kind == .latin { gaz[i].start = g.start(t[i].norm) }
                continue
            }
            let norm = t[i].norm
            // (the first level's value read in place: no copy of it to retain and release)
            if let p = memo.cachedValue(norm) {
                bits[i] = p.pointee!.bits
                if model != nil { infos.append(p.pointee!.info!) }
                if p.pointee!.serial == serial {
                    gaz[i] = GazetteerFacts(start: p.pointee!.start, second: p.pointee!.second ? 1 : 0)
                } else {
                    gaz[i].start = g.start(norm)
                }
                any |= bits[i]
                continue
            }
            // (remembered for plain words only, whose `String` equality is byte equality: some tests are on bytes,
            // and the labeller hashes the bytes)
            if let f = memo.cached(norm) ?? (NormKey.isPlain(norm) ? memo.get(norm, { WordCues.facts($0, g) }) : nil) {
                bits[i] = f.bits
                if let model { infos.append(f.info ?? ModelWords.info(t[i], model)) }
                if f.serial == serial {
                    gaz[i] = GazetteerFacts(start: f.start, second: f.second ? 1 : 0)
                } else {
                    gaz[i].start = g.start(norm)
                }
            } else {
                bits[i] = WordCues.compute(norm)
                if let model { infos.append(ModelWords.info(t[i], model)) }
                gaz[i].start = g.start(norm)
            }
            any |= bits[i]
        }
        self.bits = bits
        self.any = any
        self.labelInfos = infos
        self.gazetteerFacts = gaz
    }

    /// Whether token `i` has cue `c`.
    @inline(__always) func has(_ i: Int, _ c: UInt16) -> Bool { bits[i] & c != 0 }
    /// Whether some token has cue `c`.
    @inline(__always) func anyHas(_ c: UInt16) -> Bool { any & c != 0 }

    private static let shared = SharedWordTable<Facts>()
    /// (as many first-level slots as the threads' word records have: a miss costs a hash and a lock)
    private static let perThread = PerThread { WordMemo<Facts>(slots: 16384, shared: shared) }

    /// The bits, labeller info and gazetteer facts (for `g`) of a plain word.
    static func facts(_ n: String, _ g: Gazetteer) -> Facts {
        Facts(bits: compute(n), info: EntityRecognizer.nerModel.map { ModelWords.info(Token(text: n, norm: n, begin: 0, end: 0, kind: .word), $0) },
              serial: g.serial, start: g.start(n), second: g.isSecondWord(n))
    }

    /// The unit heads and bare institutions without their article, as UTF-8 bytes.
    static let unitHeadEnds = articleless(EntityRecognizer.unitHeads.strings)
    static let bareInstitutionEnds = articleless(Set(EntityRecognizer.bareInstitutions.keys))
    static func articleless(_ words: Set<String>) -> [[UInt8]] {
        words.sorted().map { w in Array((w.hasPrefix("ال") ? String(w.dropFirst(2)) : w).utf8) }
    }

    /// Whether the bytes of `n` end with one of `ends`.
    static func endsInOne(_ n: String, _ ends: [[UInt8]]) -> Bool {
        var n = n
        return n.withUTF8 { a in
            for e in ends where a.count >= e.count {
                let d = a.count - e.count
                var k = 0
                while k < e.count, a[d + k] == e[k] { k += 1 }
                if k == e.count { return true }
            }
            return false
        }
    }

    /// The bits of a word token with normalised form `n` (the passes' own tests: none depends on a gazetteer).
    static func compute(_ n: String) -> UInt16 {
        var b: UInt16 = 0
        if EntityRecognizer.facilityHead(norm: n) != nil { b |= facility }
        if n.utf8.count >= 12, EntityRecognizer.utf8HasSuffix(n, "يين") || EntityRecognizer.utf8HasSuffix(n, "يون") { b |= pluralNisba }
        if EntityRecognizer.utf8HasSuffix(n, "قاعده") { b |= qaeda }
        if EntityRecognizer.counterpartWords.contains(n) { b |= counterpart }
        // (a unit head or bare institution, clitics aside, ends in the head without its article: a clitic form's stem
        // is the word's end, with or without «ال» put back; only such words are looked at further. On bytes for a
        // plain word only, whose `String` equality with the lists' plain words is byte equality)
        let plain = NormKey.isPlain(n)
        if !plain || endsInOne(n, unitHeadEnds),
           Clitics.unitHeadFlags(n, EntityRecognizer.computeUnitHeadFlags) & EntityRecognizer.unitHeadWord != 0 { b |= unitHead }
        if Lexicon.mediaTrailers.contains(n) { b |= mediaTrailer }
        if !plain || endsInOne(n, bareInstitutionEnds),
           EntityRecognizer.orgWordFlags(n) & EntityRecognizer.flagBareInstitution != 0 { b |= bareInstitution }
        if EntityRecognizer.roleWordKind(EntityRecognizer.stripConjOf(n)) != 0 { b |= roleWord }
        if Clitics.headWord(n, EntityRecognizer.computeHeadWord) != nil { b |= headWord }
        if Clitics.dualHead(n, EntityRecognizer.computeDualHead) != nil { b |= dualHead }
        return b
    }
}

import Foundation
import KBResources
import KBText

/// What the labeller knows besides its weights: names by type (the project gazetteer and ANERGazet, normalised
/// token sequences) and cue words (titles, speech verbs, organisation and place head nouns). It travels inside
/// the model file, so that a model always sees the lists it was trained with.
public struct NERLexicon: Sendable, Equatable {
    /// Cue lists, one bit each.
    public enum Cue: Int, CaseIterable, Sendable {
        case title = 0, speech, orgHead, locHead, personContext
        public var name: String { ["title", "speech", "orghead", "lochead", "personcontext"][rawValue] }
        public static func named(_ s: String) -> Cue? { allCases.first { $0.name == s } }
    }

    /// Normalised name (tokens joined by one space) → type bits (1 << NERType.rawValue).
    /// (Read with `String` keys; held as ``NormKey``s, which hash normalised Arabic on bytes: see ``NERWordTable``.)
    public var names: NERWordTable<UInt8> { NERWordTable(table: namesN) }
    /// The labeller's per-type decision bias (``NERModel/calibrated``, NERLabelBias.swift): empty for older models.
    public var labelBias: [NERType: Float] = [:]
    /// Normalised word → cue bits (1 << Cue.rawValue).
    public var cues: NERWordTable<UInt8> { NERWordTable(table: cuesN) }
    /// First word of a name → the most tokens a name starting with it has.
    public var firstWords: NERWordTable<Int> { NERWordTable(table: firstWordsN) }
    /// The tables behind ``names``, ``cues`` and ``firstWords``, keyed by ``NormKey`` (fast hashing of normalised
    /// Arabic), for the feature code.
    private(set) var namesN: [NormKey: UInt8] = [:]
    private(set) var cuesN: [NormKey: UInt8] = [:]
    private(set) var firstWordsN: [NormKey: Int] = [:]
    /// First two words of a name of two words or more ("w1 w2") → the most tokens such a name has.
    private(set) var firstTwoWordsN: [NormKey: Int] = [:]
    /// The second words of the keys of ``firstTwoWordsN``: a word that is none starts no key after any first word,
    /// so ``longestName(startingWith:then:)`` before it is 0 (the words have no spaces, and a space composes with
    /// nothing: "w1 w2" is the same text as "a b" only when w1 is a's and w2 b's).
    private(set) var secondWordsN: Set<NormKey> = []
    /// Word classes (``NERClusters``): a normalised word → its class in each
    /// clustering, coarsest first. Empty for a model without classes.
    public var wordClasses: [String: [UInt16]] { classEntries.dictionary }
    /// The same entries as read or set (no String hashing at load: the feature code uses ``wordClassesN``).
    private var classEntries = ClassEntries()
    private(set) var wordClassesN: [NormKey: [UInt16]] = [:]
    /// How many clusterings every word of ``wordClasses`` has.
    public private(set) var classCount = 0

    /// Sets the word classes (every entry the same number of clusterings).
    public mutating func setClasses(_ classes: [String: [UInt16]]) { setClassEntries(Array(classes)) }

    private mutating func setClassEntries(_ entries: [(String, [UInt16])]) {
        classEntries = ClassEntries(items: entries)
        wordClassesN = [:]
        wordClassesN.reserveCapacity(entries.count)
        for (k, v) in entries { wordClassesN[NormKey(k)] = v }
        classCount = entries.first?.1.count ?? 0
    }

    @inline(__always) func classes(of form: String) -> [UInt16]? { classCount == 0 ? nil : wordClassesN[NormKey(form)] }

    /// Notes a name's first two words (derived from the names: it adds nothing to the serialised form).
    private mutating func noteFirstTwo<S: StringProtocol>(_ words: [S]) {
        guard words.count >= 2 else { return }
        let k = NormKey(String(words[0]) + " " + String(words[1]))
        firstTwoWordsN[k] = max(firstTwoWordsN[k] ?? 0, words.count)
        secondWordsN.insert(NormKey(String(words[1])))
    }

    /// Whether some name's second word is `word` (``secondWordsN``).
    @inline(__always) func isSecondWord(_ word: String) -> Bool { secondWordsN.contains(NormKey(word)) }

    /// The most tokens of a name starting with these two words (0 if none).
    @inline(__always) func longestName(startingWith word: String, then next: String) -> Int { firstTwoWordsN[NormKey(word + " " + next)] ?? 0 }

    /// Type bits of a name, cue bits of a word, longest name starting with a word (nil if none).
    @inline(__always) func nameBits(_ key: String) -> UInt8? { namesN[NormKey(key)] }
    @inline(__always) func cueBits(_ word: String) -> UInt8? { cuesN[NormKey(word)] }
    @inline(__always) func longestName(startingWith word: String) -> Int? { firstWordsN[NormKey(word)] }

    public init() {}

    public mutating func addName(_ name: String, _ type: NERType) {
        let words = ArabicNormalizer.normalize(name).plainSplit(separator: " ").map(String.init)
        guard !words.isEmpty, words.count <= 8 else { return }
        let key = words.joined(separator: " ")
        namesN[NormKey(key), default: 0] |= 1 << UInt8(type.rawValue)
        let first = NormKey(words[0])
        firstWordsN[first] = max(firstWordsN[first] ?? 0, words.count)
        noteFirstTwo(words)
    }

    public mutating func addCue(_ word: String, _ cue: Cue) {
        let w = ArabicNormalizer.normalize(word)
        guard !w.isEmpty, !w.contains(" ") else { return }
        cuesN[NormKey(w), default: 0] |= 1 << UInt8(cue.rawValue)
    }

    /// Reads a cue file: `# comment` lines, `[title]`-style section heads, then words separated by spaces or lines.
    public mutating func addCues(fileText: String) {
        var current: Cue? = nil
        for raw in fileText.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = String(raw).trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") { current = Cue.named(String(line.dropFirst().dropLast())); continue }
            guard let c = current else { continue }
            for w in line.plainSplit(separator: " ") { addCue(String(w), c) }
        }
    }

    /// Serialised form: sorted lines `N<TAB>bits<TAB>name`, `C<TAB>bits<TAB>word`, `K<TAB>classes<TAB>word` and
    /// `B<TAB>type<TAB>bias` (deterministic bytes).
    public func serialized() -> String {
        var lines: [String] = []
        for (k, v) in namesN { lines.append("N\t\(v)\t\(k.string)") }
        for (k, v) in cuesN { lines.append("C\t\(v)\t\(k.string)") }
        for (k, v) in classEntries.items { lines.append("K\t\(v.map(String.init).joined(separator: ","))\t\(k)") }
        for (t, b) in labelBias { lines.append("B\t\(t.rawValue)\t\(b)") }
        lines.sort()
        return lines.joined(separator: "\n")
    }

    public init(serialized text: String) {
        // read on the UTF-8 bytes (NERLexicon+Bytes.swift): the same fields and numbers as `split` and `UInt8(_:)`
        // on `String`s, without a `String` per field (the ~36,000 lines of the model's lexicon were a fifth of start-up)
        var text = text
        self = text.withUTF8 { NERLexicon(serializedUTF8: $0) }
    }

    /// ``init(serialized:)`` of the text's UTF-8 bytes (which need not be valid: each field is decoded as
    /// `String(decoding:as:)` decodes the whole text, an ASCII separator never being part of a repaired sequence).
    init(serializedUTF8 b: UnsafeBufferPointer<UInt8>) {
        var classes: [(String, [UInt16])] = []
        defer { if !classes.isEmpty { setClassEntries(classes) } }
        NERSerializedLines.forEach(b) { f in
            switch f.kind {
            case .classes:
                classes.append((f.string(2), f.numberList(1)))
            case .bias:
                if let r = Int(f.string(1)), let t = NERType(rawValue: r), let v = Float(f.string(2)) { labelBias[t] = v }
            case .name:
                guard let bits = f.uint8(1) else { return }
                let key = f.string(2)
                namesN[NormKey(key)] = bits
                let (count, first, second) = key.plainLeadingWords()
                if let w = first {
                    let fk = NormKey(w)
                    firstWordsN[fk] = max(firstWordsN[fk] ?? 0, count)
                    if let v = second {
                        let tk = NormKey(w + " " + v)
                        firstTwoWordsN[tk] = max(firstTwoWordsN[tk] ?? 0, count)
                        secondWordsN.insert(NormKey(v))
                    }
                }
            case .cue:
                guard let bits = f.uint8(1) else { return }
                cuesN[NormKey(f.string(2))] = bits
            case .other:
                return
            }
        }
    }

    /// Gazetteer labels of a sentence (normalised tokens): for each token, B bits and I bits by type, from
    /// longest matches left to right (the first token may carry a proclitic: وموسكو, للقوات). (Every key as a
    /// `String`: ``gazetteerTags(_:index:)`` without an index.)
    func gazetteerTags(_ info: [NERFeaturizer.WordInfo]) -> [(b: UInt8, i: UInt8)] { gazetteerTags(info, index: nil) }
}

extension NERLexicon {
    /// The cue word file shipped with KBNER (`Resources/cues.txt`, embedded), read by the training command.
    public static var bundledCues: String {
        guard let data = EmbeddedResources.data(named: "cues.txt", module: "KBNER", fallback: { Bundle.module }),
              let text = String(data: data, encoding: .utf8) else { fatalError("kbexport: the bundled cues.txt is missing") }
        return text
    }
}

/// Word classes as a list (cheap to load), equal when they give the same word → classes table.
struct ClassEntries: Equatable, Sendable {
    var items: [(String, [UInt16])] = []
    var dictionary: [String: [UInt16]] { Dictionary(items, uniquingKeysWith: { _, last in last }) }
    static func == (a: ClassEntries, b: ClassEntries) -> Bool {
        a.items.count == b.items.count && a.dictionary == b.dictionary
    }
}

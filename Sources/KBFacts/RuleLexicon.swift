import Foundation
import KBText

/// An error in a rule or lexicon file, with the place it was found.
public struct RuleFileError: Error, CustomStringConvertible, Sendable {
    public var file: String, line: Int, message: String
    public init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }
    public var description: String { "\(file):\(line): \(message)" }
}

/// The word classes the rules trigger on, read from lexicon files written in natural spelling
/// (`Resources/lexicon.txt`, and `--lexicon FILE`). Every entry is normalised when loaded and expands to the
/// forms news text writes, so that one look-up of a token's normalised form finds its classes:
///
///     VISIT   verb  زار يزور زيارة       # past, present, then masdars
///     VISIT   noun  جولة                 # noun: article, pronoun suffixes, plural in ات
///     PLANNED word  المقرر المرتقب        # exact words (with و / ف in front)
///
/// A verb gives past (زار زارت زاروا زارا زارته), present (يزور تزور يزورون يزوران يزوره), future
/// (سيزور ستزور: marked as future), and its masdars (زيارة الزيارة زيارته زيارتها زيارات); every form also with
/// the clitics و ف ب ل (and their article forms وال بال لل).
public struct WordLexicon: Sendable {
    /// class name → id
    public private(set) var classIDs: [String: Int] = [:]
    public private(set) var classNames: [String] = []
    /// normalised form → class ids and future flag, for the forms equal to a plain string (``NormKey/isSimple``),
    /// held as bytes (``PlainKeyIndex``: no `String` per form), each with its entry in `formEntries`; a form spelled
    /// otherwise than its plain bytes (one canonically equal to them) keeps its first spelling, as a
    /// `[NormKey: [Int]]` keeps its first key.
    private(set) var plainForms = PlainKeyIndex()
    private(set) var formEntries: [FormEntry] = []
    /// the other forms (no plain string is equal to them): class ids, and the verb futures among them
    private(set) var otherForms: [NormKey: [Int]] = [:]
    private(set) var otherFutures: Set<NormKey> = []

    struct FormEntry: Sendable {
        var classes: [Int]
        /// a verb's future (سيزور)
        var future = false
        var spelled: String? = nil
    }

    /// Changes whenever entries are added (the per-thread memo of `classes(of:)` is kept per serial).
    private(set) var serial: UInt64 = WordLexicon.nextSerial()
    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var lastSerial: UInt64 = 0
    static func nextSerial() -> UInt64 {
        serialLock.lock(); defer { serialLock.unlock() }
        lastSerial += 1
        return lastSerial
    }

    public init() {}

    public func classID(_ name: String) -> Int? { classIDs[name] }
    func classes(of norm: String) -> [Int] {
        if let hit = Clitics.cachedLexiconClasses(norm, serial: serial) { return hit }
        let lexicon = self
        return Clitics.lexiconClasses(norm, serial: serial) { lexicon.formClasses(NormKey($0)) }
    }
    private func formClasses(_ k: NormKey) -> [Int] {
        guard k.isSimple else { return otherForms[k] ?? [] }
        return plainForms.index(of: k).map { formEntries[$0].classes } ?? []
    }
    func isFuture(_ norm: String) -> Bool {
        let k = NormKey(norm)
        guard k.isSimple else { return otherFutures.contains(k) }
        return plainForms.index(of: k).map { formEntries[$0].future } ?? false
    }
    /// The forms (each as first spelled) that have one of the classes `wanted` marks (indexed by class id).
    private func forms(of wanted: [Bool]) -> [NormKey] {
        var out: [NormKey] = []
        for i in formEntries.indices where formEntries[i].classes.contains(where: { wanted[$0] }) {
            out.append(formEntries[i].spelled.map(NormKey.init) ?? plainForms.normKey(at: i))
        }
        for (k, v) in otherForms where v.contains(where: { wanted[$0] }) { out.append(k) }
        return out
    }
    /// The class ids of these names marked in an array indexed by class id (nil when none is a class).
    private func marked(_ names: some Sequence<String>) -> [Bool]? {
        var wanted = [Bool](repeating: false, count: classNames.count)
        var any = false
        for name in names { if let id = classIDs[name] { wanted[id] = true; any = true } }
        return any ? wanted : nil
    }
    /// Every normalised form of the class (for tests and the trace).
    public func words(of name: String) -> Set<String> { words(ofAny: [name]) }
    /// Every normalised form of any of the classes (`words(of:)` of each, united), in one pass over the forms.
    public func words(ofAny names: some Sequence<String>) -> Set<String> {
        guard let wanted = marked(names) else { return [] }
        return Set(forms(of: wanted).lazy.map(\.string))
    }
    /// `words(ofAny:)` as keys (no `String` hashing of the forms).
    public func wordKeys(ofAny names: some Sequence<String>) -> Set<NormKey> {
        guard let wanted = marked(names) else { return [] }
        return Set(forms(of: wanted))
    }
    public func contains(_ word: String, in name: String) -> Bool {
        guard let id = classIDs[name] else { return false }
        return formClasses(NormKey(ArabicNormalizer.normalize(word))).contains(id)
    }

    mutating func id(_ name: String) -> Int {
        if let k = classIDs[name] { return k }
        classIDs[name] = classNames.count; classNames.append(name)
        return classNames.count - 1
    }

    private mutating func add(_ form: String, _ cls: [Int], future: Bool = false) {
        guard !form.isEmpty else { return }
        add(key: NormKey(form), cls, future: future)
    }

    private mutating func add(key: NormKey, _ cls: [Int], future: Bool) {
        guard key.isSimple else {
            otherForms[key, default: []].appendAbsent(cls)
            if future { otherFutures.insert(key) }
            return
        }
        let r = plainForms.insert(key: key)!
        if r.inserted { formEntries.append(FormEntry(classes: WordLexicon.absent(cls), spelled: NormKey.isPlain(key.string) ? nil : key.string)) }
        note(r, cls, future)
    }

    /// After the entry of a form was found or added: its classes and future flag.
    @inline(__always)
    private mutating func note(_ r: (index: Int, inserted: Bool), _ cls: [Int], _ future: Bool) {
        if !r.inserted { formEntries[r.index].classes.appendAbsent(cls) }
        if future { formEntries[r.index].future = true }
    }

    /// `[].appendAbsent(cls)`: `cls` itself (its storage shared) when it repeats no class.
    private static func absent(_ cls: [Int]) -> [Int] {
        cls.count < 2 || (cls.count == 2 && cls[0] != cls[1]) ? cls : [Int]().appendingAbsent(cls)
    }

    /// `add(p + stem, cls, future:)` for each prefix: for a plain stem the bytes of the prefix and the stem side by
    /// side (no `String`), else the `String`.
    private mutating func add(prefixes: [[UInt8]], _ stem: String, _ cls: [Int], future: Bool = false) {
        var stem = stem
        guard NormKey.isPlain(stem) else {
            for p in prefixes { add(key: NormKey(String(decoding: p, as: UTF8.self) + stem), cls, future: future) }
            return
        }
        stem.withUTF8 { s in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count + 8) { buf in
                for p in prefixes {
                    p.withUnsafeBufferPointer { p in
                        buf.baseAddress!.update(from: p.baseAddress!, count: p.count)
                        if s.count > 0 { (buf.baseAddress! + p.count).update(from: s.baseAddress!, count: s.count) }
                        let r = plainForms.insert(utf8: UnsafeBufferPointer(rebasing: buf[0..<(p.count + s.count)]))
                        if r.inserted { formEntries.append(FormEntry(classes: WordLexicon.absent(cls))) }
                        note(r, cls, future)
                    }
                }
            }
        }
    }

    /// Adds the entries of a lexicon file (a verb entry of CLASS also fills CLASS.verb with its finite forms
    /// and CLASS.noun with its masdars) (`#` starts a comment).
    public mutating func parse(_ text: String, file: String) throws {
        serial = WordLexicon.nextSerial()
        // (room made at once for the forms of a first file: about two a byte of the bundled lexicon, each a clitic
        // before a form; grown from empty, the tables were copied and rehashed a dozen times; at most 2^18 forms
        // made room for, so that a large file of comments takes no more than growing would)
        if formEntries.isEmpty, plainForms.count == 0 {
            let room = min(2 * text.utf8.count, 1 << 18)
            plainForms = PlainKeyIndex(minimumCapacity: room)
            formEntries.reserveCapacity(room)
        }
        // lines, comments and words cut on the bytes where that is the `Character` split (LoaderText)
        for (n, raw) in LoaderText.lines(text).enumerated() {
            let line = String(LoaderText.before(UInt8(ascii: "#"), in: raw))
            let parts = LoaderText.words(line[...])
            if parts.isEmpty { continue }
            guard parts.count >= 3 else {
                throw RuleFileError(file: file, line: n + 1, message: "expected CLASS KIND WORD…, got «\(line.trimmingCharacters())»")
            }
            let cls = parts[0]
            guard cls.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) else {
                throw RuleFileError(file: file, line: n + 1, message: "class names are upper case: «\(cls)»")
            }
            let words = parts.dropFirst(2).map { ArabicNormalizer.normalize($0) }
            let c = id(cls)
            switch parts[1] {
            case "verb":
                guard words.count >= 2, words[1].plainHasPrefix("ي") else {
                    throw RuleFileError(file: file, line: n + 1, message: "a verb entry gives the past and the present (يفعل), then masdars")
                }
                // CLASS.verb holds the finite forms only, CLASS.noun the masdars
                let v = id(cls + ".verb"), nn = id(cls + ".noun")
                for f in Self.pastForms(words[0]) { addWithClitics(f, [c, v], verb: true) }
                for (f, fut) in Self.presentForms(words[1]) { addWithClitics(f, [c, v], verb: true, future: fut) }
                for m in words.dropFirst(2) { for f in Self.nounForms(m) { addWithClitics(f, [c, nn], verb: false) } }
            case "noun":
                for m in words { for f in Self.nounForms(m) { addWithClitics(f, [c], verb: false) } }
            case "word":
                for w in words { add(w, [c]); add("و" + w, [c]); add("ف" + w, [c]) }
            default:
                throw RuleFileError(file: file, line: n + 1, message: "unknown entry kind «\(parts[1])» (verb, noun or word)")
            }
        }
    }

    private mutating func addWithClitics(_ f: String, _ c: [Int], verb: Bool, future: Bool = false) {
        add(f, c, future: future)
        if !verb, f.plainHasPrefix("ال") {
            let bare = String(f.dropFirst(2))
            add(prefixes: Self.conjunctions, f, c)
            add(prefixes: Self.articlePrefixes, bare, c)
            // لل: ل + ال; a stem starting with ل keeps it (للقاء)
            add(prefixes: Self.lamArticlePrefixes, bare, c)
            return
        }
        add(prefixes: verb ? Self.verbPrefixes : Self.nounPrefixes, f, c, future: future)
    }

    /// The clitics put in front of the forms, as UTF-8 bytes.
    private static let verbPrefixes = ["و", "ف", "ل", "ول", "فل"].map { Array($0.utf8) }
    private static let nounPrefixes = ["و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"].map { Array($0.utf8) }
    private static let conjunctions = ["و", "ف"].map { Array($0.utf8) }
    private static let articlePrefixes = ["بال", "وبال", "فبال", "كال"].map { Array($0.utf8) }
    private static let lamArticlePrefixes = ["لل", "ولل", "فلل"].map { Array($0.utf8) }

    static let objectSuffixes = ["ه", "ها", "هم", "هما"]

    // (the forms below test their letters with `plainHasPrefix` / `plainHasSuffix`: bytes for plain words, the
    // `String` test for any other — the same answers, KBText/PlainText.swift)

    /// زار → زار زارت زارا زاروا زارتا زاره زارها زارته; التقى → التقي التقت التقوا التقيا التقاه
    static func pastForms(_ p: String) -> [String] {
        var out = [p]
        if p.plainHasSuffix("ي") || p.plainHasSuffix("ا") {
            let s = String(p.dropLast())
            out += [s + "ت", s + "وا", s + "يا", s + "تا", s + "ا", s + "اه", s + "اها", s + "اهم", s + "تها", s + "ته"]
        } else {
            out += [p + "ت", p + "ا", p + "وا", p + "تا", p + "تم", p + "نا"]
            for x in objectSuffixes { out += [p + x, p + "ت" + x, p + "و" + x, p + "ا" + x] }
        }
        return out
    }

    /// يزور → يزور تزور يزورون يزوران تزوران نزور ازور يزوره, with future سيزور ستزور (flagged).
    static func presentForms(_ r: String) -> [(String, Bool)] {
        let stem = String(r.dropFirst())
        var base = ["ي" + stem, "ت" + stem, "ن" + stem, "ا" + stem]
        if stem.plainHasSuffix("ي") || stem.plainHasSuffix("ا") {
            let s = String(stem.dropLast())
            base += ["ي" + s + "ون", "ي" + s + "ان", "ت" + s + "ان", "ي" + stem + "ان", "ت" + stem + "ان"]
            for x in objectSuffixes { base += ["ي" + s + "ا" + x, "ت" + s + "ا" + x, "ي" + stem + x] }
        } else {
            base += ["ي" + stem + "ون", "ي" + stem + "ان", "ت" + stem + "ان"]
            for x in objectSuffixes { base += ["ي" + stem + x, "ت" + stem + x, "ي" + stem + "ون" + x.dropFirst(0)] }
        }
        var out = base.map { ($0, false) }
        for f in base where !f.plainHasPrefix("ن") && !f.plainHasPrefix("ا") { out.append(("س" + f, true)) }
        return out
    }

    /// زيارة → زياره الزياره زيارته زيارتها زيارتهم زيارتهما زيارات الزيارات زيارتي
    static func nounForms(_ m: String) -> [String] {
        let definite = m.plainHasPrefix("ال")
        let bare = definite ? String(m.dropFirst(2)) : m
        var out = [bare, "ال" + bare]
        let construct = bare.plainHasSuffix("ه") ? String(bare.dropLast()) + "ت" : bare
        for x in objectSuffixes + ["ي", "نا", "كم"] { out.append(construct + x) }
        if bare.plainHasSuffix("ه") {
            let pl = String(bare.dropLast()) + "ات"
            out += [pl, "ال" + pl, construct + "ا", String(bare.dropLast()) + "تين", String(bare.dropLast()) + "تي"]
            for x in objectSuffixes { out.append(pl + x) }
        } else {
            out += [bare + "ا", bare + "ات", "ال" + bare + "ات"]
        }
        return out
    }
}

private extension Array where Element == Int {
    /// Appends the elements of `xs` not already present, in order.
    mutating func appendAbsent(_ xs: [Int]) { for x in xs where !contains(x) { append(x) } }
    func appendingAbsent(_ xs: [Int]) -> [Int] { var a = self; a.appendAbsent(xs); return a }
}

import Foundation
import KBNER
import KBText

/// `ArabicNormalizer.cliticCandidates` and other pure functions of one normalised word, remembered: the
/// rules ask for the clitic-free forms (and head words, month names, …) of the same words many times over
/// (every pass), and the words of news text repeat. Per thread, one record per word holds every function's
/// value (``WordRecord``, found by one look-up without a lock); behind it one table per function shared by all
/// threads (``SharedWordTable``): a word computed by one thread is not computed again by another, so two threads
/// execute about the instructions of one.
enum Clitics {
    /// The second level of every thread's records: one table per function for the whole process (filled by
    /// whichever thread computes a word first, read by all), so two threads do not compute a word twice.
    private enum Shared {
        static let table = SharedWordTable<[(stem: String, prefix: String)]>()
        static let skeletons = SharedWordTable<String>()
        static let peopleForms = SharedWordTable<[String]>()
        static let peopleLookupKeys = SharedWordTable<[NormKey]>()
        static let monthSteps = SharedWordTable<[DateParser.MonthStep]>()
        static let headWords = SharedWordTable<String?>()
        static let stripConj = SharedWordTable<String>()
        static let dayWords = SharedWordTable<Bool>()
        static let pluralKinds = SharedWordTable<(dual: Bool, plural: Bool)>()
        static let surnameCandidates = SharedWordTable<[(stem: String, prefix: String)]>()
        static let surnameLookups = SharedWordTable<[Linker.SurnameLookup]>()
        static let surnameBits = SharedWordTable<[UInt16]>()
        static let dateCues = SharedWordTable<Bool>()
        static let ruleForms = SharedWordTable<RuleForms>()
        static let entityIDs = SharedWordTable<String>()
        static let neverNames = SharedWordTable<Bool>()
        static let orgWordFlags = SharedWordTable<UInt8>()
        static let unitHeadFlags = SharedWordTable<UInt8>()
        static let roleWordKinds = SharedWordTable<UInt8>()
        static let nameWords = SharedWordTable<Bool>()
        static let dualHeads = SharedWordTable<String?>()
        static let bareHeadReferences = SharedWordTable<(stem: String, prefix: String)?>()
        static let bareHeadsOfNames = SharedWordTable<String?>()
        /// Per lexicon / gazetteer serial (a new one for another instance).
        static let lexiconClasses = SharedWordTable<[Int]>.PerSerial()
        static let mayStart = SharedWordTable<GazetteerStart?>.PerSerial()
    }

    private static let perThread = PerThread { WordRecords() }
    /// `body` applied to this thread's record of `w` (neither retained).
    @inline(__always)
    private static func withRecord<R>(_ w: String, _ body: (WordRecord) -> R) -> R {
        perThread.withValue { $0.withRecord(w, body) }
    }

    static func of(_ normalized: String) -> [(stem: String, prefix: String)] {
        withRecord(normalized) { r in r.fill(&r.clitics, normalized, Shared.table, ArabicNormalizer.cliticCandidates) }
    }

    /// `Linker.skeleton(w)`, remembered per thread.
    static func skeleton(_ w: String, _ compute: (String) -> String) -> String {
        withRecord(w) { r in r.fill(&r.skeleton, w, Shared.skeletons, compute) }
    }

    /// `Linker.PeopleIndex.forms(w)`, remembered per thread.
    static func peopleForms(_ w: String, _ compute: (String) -> [String]) -> [String] {
        withRecord(w) { r in r.fill(&r.peopleForms, w, Shared.peopleForms, compute) }
    }

    /// `Linker.PeopleIndex.lookupKeys(w)`, remembered per thread.
    static func peopleLookupKeys(_ w: String, _ compute: (String) -> [NormKey]) -> [NormKey] {
        withRecord(w) { r in r.fill(&r.peopleLookupKeys, w, Shared.peopleLookupKeys, compute) }
    }

    /// `DateParser.monthSteps(w)`, remembered per thread.
    static func monthSteps(_ w: String, _ compute: (String) -> [DateParser.MonthStep]) -> [DateParser.MonthStep] {
        withRecord(w) { r in r.fill(&r.monthSteps, w, Shared.monthSteps, compute) }
    }

    // Remembered per thread (pure functions of the word: the lexicon lists are fixed).
    static func headWord(_ w: String, _ compute: (String) -> String?) -> String? {
        withRecord(w) { r in r.fill(&r.headWord, w, Shared.headWords, compute) }
    }
    static func stripConj(_ w: String, _ compute: (String) -> String) -> String {
        withRecord(w) { r in r.fill(&r.stripConj, w, Shared.stripConj, compute) }
    }
    static func isDayWord(_ w: String, _ compute: (String) -> Bool) -> Bool {
        withRecord(w) { r in r.fill(&r.dayWord, w, Shared.dayWords, compute) }
    }
    static func pluralKind(_ w: String, _ compute: (String) -> (dual: Bool, plural: Bool)) -> (dual: Bool, plural: Bool) {
        withRecord(w) { r in r.fill(&r.pluralKind, w, Shared.pluralKinds, compute) }
    }
    static func surnameCandidates(_ w: String, _ compute: (String) -> [(stem: String, prefix: String)]) -> [(stem: String, prefix: String)] {
        withRecord(w) { r in r.fill(&r.surnameCandidates, w, Shared.surnameCandidates, compute) }
    }
    static func surnameLookups(_ w: String, _ compute: (String) -> [Linker.SurnameLookup]) -> [Linker.SurnameLookup] {
        withRecord(w) { r in r.fill(&r.surnameLookups, w, Shared.surnameLookups, compute) }
    }
    /// `Linker.computeSurnameBits` of a word.
    static func surnameBits(_ w: String, _ compute: (String) -> [UInt16]) -> [UInt16] {
        withRecord(w) { r in r.fill(&r.surnameBits, w, Shared.surnameBits, compute) }
    }
    static func dateCue(_ w: String, _ compute: (String) -> Bool) -> Bool {
        withRecord(w) { r in r.fill(&r.dateCue, w, Shared.dateCues, compute) }
    }
    static func ruleForms(_ w: String, _ compute: (String) -> RuleForms) -> RuleForms {
        withRecord(w) { r in r.fill(&r.ruleForms, w, Shared.ruleForms, compute) }
    }
    static func entityID(_ w: String, _ compute: (String) -> String) -> String {
        withRecord(w) { r in r.fill(&r.entityID, w, Shared.entityIDs, compute) }
    }

    static func isNeverNameWord(_ w: String, _ compute: (String) -> Bool) -> Bool {
        withRecord(w) { r in r.fill(&r.neverName, w, Shared.neverNames, compute) }
    }
    static func orgWordFlags(_ w: String, _ compute: (String) -> UInt8) -> UInt8 {
        withRecord(w) { r in r.fill(&r.orgWordFlags, w, Shared.orgWordFlags, compute) }
    }
    /// `EntityRecognizer.computeUnitHeadFlags` of a word.
    static func unitHeadFlags(_ w: String, _ compute: (String) -> UInt8) -> UInt8 {
        withRecord(w) { r in r.fill(&r.unitHeadFlags, w, Shared.unitHeadFlags, compute) }
    }
    static func roleWordKind(_ w: String, _ compute: (String) -> UInt8) -> UInt8 {
        withRecord(w) { r in r.fill(&r.roleWordKind, w, Shared.roleWordKinds, compute) }
    }
    static func isNameWord(_ w: String, _ compute: (String) -> Bool) -> Bool {
        withRecord(w) { r in r.fill(&r.nameWord, w, Shared.nameWords, compute) }
    }
    /// `EntityRecognizer.computeDualHead` of a word.
    static func dualHead(_ w: String, _ compute: (String) -> String?) -> String? {
        withRecord(w) { r in r.fill(&r.dualHead, w, Shared.dualHeads, compute) }
    }
    /// `Linker.computeBareHeadReference` of a word, `Linker.computeBareHead(ofName:)` of a name.
    static func bareHeadReference(_ w: String, _ compute: (String) -> (stem: String, prefix: String)?) -> (stem: String, prefix: String)? {
        withRecord(w) { r in r.fill(&r.bareHeadReference, w, Shared.bareHeadReferences, compute) }
    }
    static func bareHeadOfName(_ w: String, _ compute: (String) -> String?) -> String? {
        withRecord(w) { r in r.fill(&r.bareHeadOfName, w, Shared.bareHeadsOfNames, compute) }
    }

    /// `NERFeaturizer.wordInfo` of an Arabic word, remembered in this thread's word record (one model is
    /// shipped). The record itself is per thread; `compute` may take the info from a table shared between
    /// threads when its sums were prepared before it was stored (`ModelWords.info` does so for plain words).
    static func nerWord(_ w: String, _ compute: (String) -> NERFeaturizer.WordInfo) -> NERFeaturizer.WordInfo {
        withRecord(w) { r in
            if let v = r.nerWord { return v }
            let v = r.keptAlive { compute(w) }
            r.nerWord = v
            return v
        }
    }

    /// `lexiconClasses` when this thread's first level has the word's record with them (no closure to build: the
    /// caller's lexicon is not copied into one on every look-up).
    static func cachedLexiconClasses(_ w: String, serial: UInt64) -> [Int]? {
        perThread.withValue { $0.withCached(w) { r in r.lexiconSerial == serial ? r.lexiconClasses : nil } ?? nil }
    }

    /// `(ruleForms(w, …), lexiconClasses(w, serial: serial, …))` when this thread's first level has the word's record
    /// with both: one look-up of the record for the two (a sentence context asks both of every word); else nil.
    static func cachedRuleFormsAndClasses(_ w: String, serial: UInt64) -> (forms: RuleForms, classes: [Int])? {
        perThread.withValue { c in
            c.withCached(w) { r -> (forms: RuleForms, classes: [Int])? in
                guard let f = r.ruleForms, r.lexiconSerial == serial, let k = r.lexiconClasses else { return nil }
                return (f, k)
            } ?? nil
        }
    }

    /// The lexicon word classes of a word, remembered per thread for one lexicon at a time.
    static func lexiconClasses(_ w: String, serial: UInt64, _ compute: (String) -> [Int]) -> [Int] {
        perThread.withValue { c in
            c.withRecord(w) { r in
                if r.lexiconSerial == serial, let v = r.lexiconClasses { return v }
                if c.lexiconSerial != serial {
                    c.lexiconTable = Shared.lexiconClasses.table(serial)
                    c.lexiconSerial = serial
                }
                let v = r.keptAlive { c.lexiconTable.get(r.key, w, compute) }
                r.lexiconClasses = v
                r.lexiconSerial = serial
                return v
            }
        }
    }

    /// `Gazetteer.start`, remembered per thread for one gazetteer at a time.
    static func gazetteerStart(_ w: String, in g: Gazetteer, _ compute: (String) -> GazetteerStart?) -> GazetteerStart? {
        perThread.withValue { c in
            c.withRecord(w) { r in
                if r.gazetteerSerial == g.serial, let v = r.gazetteerStart { return v }
                if c.gazetteerSerial != g.serial {
                    c.gazetteerTable = Shared.mayStart.table(g.serial)
                    c.gazetteerSerial = g.serial
                }
                let v = r.keptAlive { c.gazetteerTable.get(r.key, w, compute) }
                r.gazetteerStart = .some(v)
                r.gazetteerSerial = g.serial
                return v
            }
        }
    }
}

/// A memo of a pure function of a word, for one thread. Two levels:
///
/// 1. a small direct-mapped table keyed by the `String` value's own bits (its 16 bytes): the same token's
///    `norm` passed again (the passes ask about the same tokens over and over) is found without hashing or
///    comparing text. Equal bits mean the same text: a short string holds its UTF-8 bytes in those bits,
///    and a longer one points to its storage, which the table keeps alive (so it is neither freed nor
///    changed in place while the entry is there);
/// 2. behind it a dictionary keyed by ``NormKey`` (the meaning of `String` keys), emptied when it gets large:
///    the `shared` table of all threads when given (values computed by any thread), else the memo's own.
final class WordMemo<V> {
    /// Slots of the first level (a power of two). The per-thread memos keep many: token norms are interned
    /// (`WordInterner`), so the words of the whole corpus, not only of one document, are found there.
    private let slots: Int
    private let keys: UnsafeMutablePointer<String>
    private let values: UnsafeMutablePointer<V?>
    private var table: [NormKey: V] = [:]
    private let shared: SharedWordTable<V>?

    init(slots: Int = 8192, shared: SharedWordTable<V>? = nil) {
        precondition(slots > 0 && slots & (slots - 1) == 0, "WordMemo: slots must be a power of two")
        self.slots = slots
        self.shared = shared
        keys = .allocate(capacity: slots)
        keys.initialize(repeating: "", count: slots)
        values = .allocate(capacity: slots)
        values.initialize(repeating: nil, count: slots)
    }

    deinit {
        keys.deinitialize(count: slots); keys.deallocate()
        values.deinitialize(count: slots); values.deallocate()
    }

    @inline(__always)
    private static func bits(_ p: UnsafeRawPointer) -> (UInt64, UInt64) {
        (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    /// The value remembered in the first level for `w` (the same string bits), if any: no closure, no key.
    @inline(__always)
    func cached(_ w: String) -> V? {
        var w = w
        let b = withUnsafeBytes(of: &w) { Self.bits($0.baseAddress!) }
        let mixed = (b.0 &* 0x9E37_79B9_7F4A_7C15) ^ (b.1 &* 0xC2B2_AE3D_27D4_EB4F)
        let slot = Int(truncatingIfNeeded: mixed >> 40) & (slots - 1)
        if let v = values[slot], Self.bits(UnsafeRawPointer(keys + slot)) == b { return v }
        return nil
    }

    /// The value remembered in the first level for `w`, read in place (its fields loaded without copying the
    /// whole value); nil if there is none.
    @inline(__always)
    func cachedValue(_ w: String) -> UnsafePointer<V?>? {
        var w = w
        let b = withUnsafeBytes(of: &w) { Self.bits($0.baseAddress!) }
        let mixed = (b.0 &* 0x9E37_79B9_7F4A_7C15) ^ (b.1 &* 0xC2B2_AE3D_27D4_EB4F)
        let slot = Int(truncatingIfNeeded: mixed >> 40) & (slots - 1)
        if values[slot] != nil, Self.bits(UnsafeRawPointer(keys + slot)) == b { return UnsafePointer(values + slot) }
        return nil
    }

    func get(_ w: String, _ compute: (String) -> V) -> V {
        var w = w
        let b = withUnsafeBytes(of: &w) { Self.bits($0.baseAddress!) }
        let mixed = (b.0 &* 0x9E37_79B9_7F4A_7C15) ^ (b.1 &* 0xC2B2_AE3D_27D4_EB4F)
        let slot = Int(truncatingIfNeeded: mixed >> 40) & (slots - 1)
        if let v = values[slot], Self.bits(UnsafeRawPointer(keys + slot)) == b { return v }
        let k = NormKey(w)
        let value: V
        if let shared {
            value = shared.get(k, w, compute)
        } else if let hit = table[k] {
            value = hit
        } else {
            value = compute(w)
            if table.count >= 200_000 { table.removeAll(keepingCapacity: true) }
            table[k] = value
        }
        keys[slot] = w
        values[slot] = value
        return value
    }
}

/// The second level of a word memo shared by every thread: dictionaries keyed by ``NormKey`` in shards, each
/// behind its own lock (held for one look-up or one insertion, never while computing). A word two threads
/// compute at once is computed twice and the first value kept (the function is pure: both are the same);
/// a shard is emptied when it gets large, as the per-thread tables were. Values are only read once stored, so
/// they must be immutable (value types, or classes that never change).
final class SharedWordTable<V>: @unchecked Sendable {
    private final class Shard {
        let lock: UnsafeMutablePointer<pthread_mutex_t>
        var table: [NormKey: V] = [:]
        init() { lock = .allocate(capacity: 1); lock.initialize(to: pthread_mutex_t()); pthread_mutex_init(lock, nil) }
        deinit { pthread_mutex_destroy(lock); lock.deallocate() }
    }

    private static var shardCount: Int { 16 }
    private let shards: [Shard]

    init() { shards = (0..<Self.shardCount).map { _ in Shard() } }

    func get(_ k: NormKey, _ w: String, _ compute: (String) -> V) -> V {
        let s = shards[k.hashValue & (Self.shardCount - 1)]
        pthread_mutex_lock(s.lock)
        let hit = s.table[k]
        pthread_mutex_unlock(s.lock)
        if let hit { return hit }
        let v = compute(w)
        pthread_mutex_lock(s.lock)
        defer { pthread_mutex_unlock(s.lock) }
        if let other = s.table[k] { return other }
        if s.table.count >= 200_000 / Self.shardCount { s.table.removeAll(keepingCapacity: true) }
        s.table[k] = v
        return v
    }

    /// One shared table per serial (of a lexicon, a gazetteer): a memo of another instance starts empty.
    final class PerSerial: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [UInt64: SharedWordTable<V>] = [:]
        func table(_ serial: UInt64) -> SharedWordTable<V> {
            lock.lock()
            defer { lock.unlock() }
            if let t = tables[serial] { return t }
            let t = SharedWordTable<V>()
            tables[serial] = t
            return t
        }
    }
}

import Foundation
import KBNER
import KBText

/// Everything extraction remembers about one normalised word on one thread (the values of `Clitics`): found by
/// one look-up per token and function call, where each function had its own memo table (one hash of the word and
/// one cache line per function; the memos' first levels together were several MB and missed the cache).
/// A field is nil until its function is first asked about the word on this thread; the values are pure functions
/// of the word (of the word and a lexicon or gazetteer serial for the last two), so when they are computed does
/// not change them.
final class WordRecord {
    /// The word as a key of the shared second-level tables (``SharedWordTable``).
    let key: NormKey
    @exclusivity(unchecked) var clitics: [(stem: String, prefix: String)]?
    @exclusivity(unchecked) var skeleton: String?
    @exclusivity(unchecked) var peopleForms: [String]?
    @exclusivity(unchecked) var peopleLookupKeys: [NormKey]?
    @exclusivity(unchecked) var monthSteps: [DateParser.MonthStep]?
    @exclusivity(unchecked) var headWord: String??
    @exclusivity(unchecked) var stripConj: String?
    @exclusivity(unchecked) var dayWord: Bool?
    @exclusivity(unchecked) var pluralKind: (dual: Bool, plural: Bool)?
    @exclusivity(unchecked) var surnameCandidates: [(stem: String, prefix: String)]?
    @exclusivity(unchecked) var surnameLookups: [Linker.SurnameLookup]?
    @exclusivity(unchecked) var surnameBits: [UInt16]?
    @exclusivity(unchecked) var dateCue: Bool?
    @exclusivity(unchecked) var ruleForms: RuleForms?
    @exclusivity(unchecked) var entityID: String?
    /// This thread's `WordInfo`; plain words' infos may also sit in `ModelWords`' shared table, sums prepared.
    @exclusivity(unchecked) var nerWord: NERFeaturizer.WordInfo?
    @exclusivity(unchecked) var neverName: Bool?
    @exclusivity(unchecked) var orgWordFlags: UInt8?
    @exclusivity(unchecked) var unitHeadFlags: UInt8?
    @exclusivity(unchecked) var roleWordKind: UInt8?
    @exclusivity(unchecked) var nameWord: Bool?
    @exclusivity(unchecked) var dualHead: String??
    @exclusivity(unchecked) var bareHeadReference: (stem: String, prefix: String)??
    /// `Linker.bareHead(ofName:)` of a name (records are kept for names as for words).
    @exclusivity(unchecked) var bareHeadOfName: String??
    /// `WordLexicon.classes(of:)` for the lexicon of serial `lexiconSerial` (nil: not known for that serial).
    @exclusivity(unchecked) var lexiconClasses: [Int]?
    @exclusivity(unchecked) var lexiconSerial: UInt64 = 0
    /// `Gazetteer.start` for the gazetteer of serial `gazetteerSerial`.
    @exclusivity(unchecked) var gazetteerStart: GazetteerStart??
    @exclusivity(unchecked) var gazetteerSerial: UInt64 = 0

    init(_ key: NormKey) { self.key = key }

    /// `field`, or the shared table's value (computed by `compute` if no thread has it yet), stored in `field`.
    @inline(__always)
    func fill<V>(_ field: inout V?, _ w: String, _ shared: SharedWordTable<V>, _ compute: (String) -> V) -> V {
        if let v = field { return v }
        let v = keptAlive { shared.get(key, w, compute) }
        field = v
        return v
    }

    /// `f()` with this record retained: a record is read without retaining it (``WordRecords``), and a computation
    /// may look up other words, whose records can take this one's slot (and the dictionary may be emptied), which
    /// would free it while it is in use.
    @inline(__always)
    func keptAlive<R>(_ f: () -> R) -> R {
        let kept = Unmanaged.passRetained(self)
        defer { kept.release() }
        return f()
    }
}

/// One thread's word records. Two levels, as ``WordMemo``: a direct-mapped table keyed by the `String` value's
/// own bits (the same interned `norm` passed again is found without hashing its text: equal bits mean the same
/// text, and the table keeps a longer string's storage alive), and behind it a dictionary keyed by ``NormKey``
/// (the meaning of `String` keys), emptied when it gets large (the records of the first level stay valid).
/// The first level holds its records retained by hand (`Unmanaged`): a hit is read without retaining anything.
final class WordRecords {
    private static let slots = 16384
    /// Records the dictionary keeps before it is emptied.
    private let maxRecords: Int
    /// A slot: the key's string and its record side by side (32 bytes: one cache line holds two slots, and a probe
    /// reads one line).
    private struct Slot {
        var key: String
        var record: Unmanaged<WordRecord>?
        var pad: UInt64 = 0
    }
    private let table: UnsafeMutablePointer<Slot>
    private var byKey: [NormKey: WordRecord] = [:]
    /// The shared tables of `WordLexicon.classes(of:)` and `Gazetteer.start` for the serials this thread last used.
    var lexiconTable = SharedWordTable<[Int]>()
    var lexiconSerial: UInt64 = 0
    var gazetteerTable = SharedWordTable<GazetteerStart?>()
    var gazetteerSerial: UInt64 = 0

    init(maxRecords: Int = 100_000) {
        self.maxRecords = maxRecords
        // (a probe reads the key's 16 bytes at the slot's address)
        precondition(MemoryLayout<Slot>.offset(of: \Slot.key) == 0 && MemoryLayout<Slot>.stride == 32)
        table = UnsafeMutableRawPointer.allocate(byteCount: Self.slots * MemoryLayout<Slot>.stride, alignment: 64)
            .bindMemory(to: Slot.self, capacity: Self.slots)
        table.initialize(repeating: Slot(key: "", record: nil), count: Self.slots)
    }

    deinit {
        for i in 0..<Self.slots { table[i].record?.release() }
        table.deinitialize(count: Self.slots); UnsafeMutableRawPointer(table).deallocate()
    }

    @inline(__always)
    private static func bits(_ p: UnsafeRawPointer) -> (UInt64, UInt64) {
        (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    /// The first-level slot of `w` and whether it holds `w`'s record.
    @inline(__always)
    private func probe(_ w: String) -> (slot: Int, hit: Unmanaged<WordRecord>?) {
        var w = w
        let b = withUnsafeBytes(of: &w) { Self.bits($0.baseAddress!) }
        let mixed = (b.0 &* 0x9E37_79B9_7F4A_7C15) ^ (b.1 &* 0xC2B2_AE3D_27D4_EB4F)
        let slot = Int(truncatingIfNeeded: mixed >> 40) & (Self.slots - 1)
        if let r = table[slot].record, Self.bits(UnsafeRawPointer(table + slot)) == b { return (slot, r) }
        return (slot, nil)
    }

    /// `body` of the record in the first level for `w` (the same string bits), nil if there is none.
    @inline(__always)
    func withCached<R>(_ w: String, _ body: (WordRecord) -> R) -> R? {
        probe(w).hit?._withUnsafeGuaranteedRef(body)
    }

    /// `body` of the record of `w` (made empty on first sight).
    @inline(__always)
    func withRecord<R>(_ w: String, _ body: (WordRecord) -> R) -> R {
        let (slot, hit) = probe(w)
        if let hit { return hit._withUnsafeGuaranteedRef(body) }
        return body(miss(w, slot))
    }

    /// The record of `w` (for tests).
    func record(_ w: String) -> WordRecord { withRecord(w) { $0 } }

    private func miss(_ w: String, _ slot: Int) -> WordRecord {
        let k = NormKey(w)
        let r: WordRecord
        if let hit = byKey[k] {
            r = hit
        } else {
            r = WordRecord(k)
            if byKey.count >= maxRecords { byKey.removeAll(keepingCapacity: true) }
            byKey[k] = r
        }
        let old = table[slot].record
        table[slot].key = w
        table[slot].record = Unmanaged.passRetained(r)
        old?.release()
        return r
    }
}

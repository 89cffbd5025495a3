// A fact's spill record written at once (`SpillEncoder.bytes(of:)`): the bytes `SpillEncoder.fact` appended piece by
// piece before speed36 (kept in `SpeedEquivalence36Tests` as the reference), written into an array of a size bounded
// beforehand, through a pointer (an `Array.append` per piece cost about 5,000 instructions a report, 13,000 a merged
// fact, in appends, uniqueness checks and copies of the strings). The strings, numbers and doubles are written as
// `SpillEncoder.string`, `int` and `double` write them; a sentence the fact holds again is written as its place.

extension SpillEncoder {
    /// The bytes of `f` (what `SpillDecoder.fact` reads).
    static func bytes(of f: Fact) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: SpillFactWriter.bound(f)) { buffer, count in
            var w = SpillFactWriter(base: buffer.baseAddress!)
            w.fact(f)
            count = w.n
        }
    }
}

/// Writes a fact's record at a pointer with room for `bound(f)` bytes.
struct SpillFactWriter {
    let base: UnsafeMutablePointer<UInt8>
    var n = 0
    /// The sentences written, in order (`sentence`).
    private var sentences: [String] = []

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    /// At least the bytes `fact(f)` writes: every number at most ten bytes, a string its bytes and its count.
    static func bound(_ f: Fact) -> Int {
        @inline(__always) func s(_ x: String) -> Int { x.utf8.count + 10 }
        @inline(__always) func o(_ x: String?) -> Int { 1 + (x.map(s) ?? 0) }
        @inline(__always) func d(_ x: FactDate?) -> Int { 1 + (x.map { s($0.value) + s($0.precision.rawValue) } ?? 0) }
        @inline(__always) func a(_ x: Attribution?) -> Int { 1 + (x.map { o($0.source) } ?? 0) }
        var b = s(f.id) + s(f.type) + s(f.subject) + s(f.object) + o(f.place) + d(f.date) + o(f.role) + s(f.modality.rawValue)
            + a(f.attribution) + s(f.provenance.documentID) + 40 + s(f.provenance.sentence) + s(f.rule) + 8 + 10
        f.evidence.withUnsafeBufferPointer { es in
            for k in es.indices {
                b += s(es[k].id) + s(es[k].documentID) + 40 + s(es[k].sentence) + s(es[k].rule) + 8 + d(es[k].date) + a(es[k].attribution)
            }
        }
        return b
    }

    @inline(__always) mutating func int(_ v: Int) { n += SpillEncoder.put(v, base + n) }
    @inline(__always) mutating func byte(_ b: UInt8) { base[n] = b; n += 1 }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { n += SpillEncoder.put($0, base + n) }
    }

    mutating func optional(_ s: String?) {
        guard let s else { byte(0); return }
        byte(1)
        string(s)
    }

    mutating func double(_ d: Double) {
        // the bit pattern's bytes, the lowest first
        UnsafeMutableRawPointer(base + n).storeBytes(of: d.bitPattern.littleEndian, as: UInt64.self)
        n += 8
    }

    mutating func date(_ d: FactDate?) {
        guard let d else { byte(0); return }
        byte(1)
        string(d.value)
        string(d.precision.rawValue)
    }

    mutating func attribution(_ a: Attribution?) {
        guard let a else { byte(0); return }
        byte(1)
        optional(a.source)
    }

    /// A sentence of the fact: its bytes, or, when it is one the fact has written already (a merged fact's primary
    /// report is its provenance; reports of one sentence by several rules), which one (a negative length).
    mutating func sentence(_ s: String) {
        for (k, earlier) in sentences.enumerated() where SpillEncoder.sameBytes(earlier, s) {
            int(-1 - k)
            return
        }
        if sentences.count < 16 { sentences.append(s) }
        string(s)
    }

    mutating func fact(_ f: Fact) {
        string(f.id); string(f.type); string(f.subject); string(f.object); optional(f.place); date(f.date)
        optional(f.role); string(f.modality.rawValue); attribution(f.attribution)
        let p = f.provenance
        string(p.documentID); int(p.sentenceBegin); int(p.sentenceEnd); sentence(p.sentence); int(p.spanBegin); int(p.spanEnd)
        string(f.rule); double(f.confidence)
        int(f.evidence.count)
        for e in f.evidence {
            string(e.id); string(e.documentID); int(e.sentenceBegin); int(e.sentenceEnd); sentence(e.sentence)
            int(e.spanBegin); int(e.spanEnd); string(e.rule); double(e.confidence); date(e.date); attribution(e.attribution)
        }
    }
}

// The bytes of a fact in a spill file (`ReportSpill`): every field, exactly (strings as their UTF-8 bytes, numbers as
// varints, confidences as their bit patterns), so a fact read back is equal to the fact written. The layout is
// private to one run: it is never read by another version of kbexport. A sentence a fact holds twice (its provenance's
// and its primary report's) is written once, and read back as one string.

import Foundation

/// Writes facts as bytes.
public struct SpillEncoder {
    public var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ v: Int) {
        let n = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))   // zigzag
        if n < 0x80 { bytes.append(UInt8(n)); return }
        // seven bits a byte, the lowest first, gathered on the stack (`put`) and appended at once
        var held: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &held) { p in
            let k = SpillEncoder.put(v, p.baseAddress!.assumingMemoryBound(to: UInt8.self))
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[0..<k]))
        }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            int(u.count)
            bytes.append(contentsOf: u)
        }
    }

    public mutating func optional(_ s: String?) {
        guard let s else { bytes.append(0); return }
        bytes.append(1)
        string(s)
    }

    public mutating func double(_ d: Double) {
        // the bit pattern's bytes, the lowest first
        withUnsafeBytes(of: d.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The same UTF-8 bytes (not only canonically equal: the sentence read back must be the one written).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }
}

/// Reads what `SpillEncoder` wrote (a fact: what `SpillFactWriter` wrote, for `SpillEncoder.bytes(of:)`).
public struct SpillDecoder {
    let bytes: [UInt8]
    var i = 0
    /// The sentences of the fact being read, in order (`sentence`).
    private var sentences: [String] = []
    /// Sentences are skipped (read as ""): for a reader that looks at a fact's ids alone.
    var skipsSentences = false
    /// How many sentences were skipped in the fact being read (as many as `sentences` would hold).
    private var skipped = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func byte() throws -> UInt8 {
        guard i < bytes.count else { throw SpillError("read: a record ends early") }
        defer { i += 1 }
        return bytes[i]
    }

    public mutating func int() throws -> Int {
        // one byte: most numbers (lengths of ids, small offsets)
        if i < bytes.count, bytes[i] < 0x80 {
            let n = UInt64(bytes[i])
            i += 1
            return Int(Int64(bitPattern: n >> 1) ^ -Int64(n & 1))
        }
        var n: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            n |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            guard shift < 64 else { throw SpillError("read: bad number") }
        }
        return Int(Int64(bitPattern: n >> 1) ^ -Int64(n & 1))
    }

    public mutating func string() throws -> String {
        let n = try int()
        guard n >= 0, i + n <= bytes.count else { throw SpillError("read: a record ends early") }
        defer { i += n }
        // (a string read before on this thread is given again: `SpillStrings`)
        return bytes.withUnsafeBufferPointer { SpillStrings.string(UnsafeBufferPointer(rebasing: $0[i..<(i + n)])) }
    }

    public mutating func optional() throws -> String? { try byte() == 0 ? nil : try string() }

    public mutating func double() throws -> Double {
        guard i + 8 <= bytes.count else { throw SpillError("read: a record ends early") }
        let b = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: i, as: UInt64.self)) }
        i += 8
        return Double(bitPattern: b)
    }

    mutating func date() throws -> FactDate? {
        guard try byte() != 0 else { return nil }
        let value = try string()
        guard let precision = FactDate.Precision(rawValue: try string()) else { throw SpillError("read: bad date precision") }
        return FactDate(value: value, precision: precision)
    }

    mutating func attribution() throws -> Attribution? {
        guard try byte() != 0 else { return nil }
        return Attribution(source: try optional())
    }

    /// What `SpillFactWriter.sentence` wrote: a sentence, or one read before in this fact.
    private mutating func sentence() throws -> String {
        let mark = i
        let n = try int()
        if skipsSentences {
            // the checks of the bytes of `string` and of a reference, without the string
            try SpillDecoder.skipSentence(n, bytes, &i, &skipped)
            return ""
        }
        guard n < 0 else { i = mark; let s = try string(); if sentences.count < 16 { sentences.append(s) }; return s }
        guard -1 - n < sentences.count else { throw SpillError("read: bad sentence reference") }
        return sentences[-1 - n]
    }

    mutating func fact() throws -> Fact {
        sentences.removeAll(keepingCapacity: true)
        skipped = 0
        let id = try string(), type = try string(), subject = try string(), object = try string()
        let place = try optional(), factDate = try date(), role = try optional()
        guard let modality = Modality(rawValue: try string()) else { throw SpillError("read: bad modality") }
        let factAttribution = try attribution()
        let p = Provenance(documentID: try string(), sentenceBegin: try int(), sentenceEnd: try int(), sentence: try sentence(),
                           spanBegin: try int(), spanEnd: try int())
        let rule = try string(), confidence = try double()
        let n = try int()
        var evidence: [Evidence] = []
        evidence.reserveCapacity(max(0, n))
        for _ in 0..<max(0, n) {
            let eid = try string()
            let ep = Provenance(documentID: try string(), sentenceBegin: try int(), sentenceEnd: try int(), sentence: try sentence(),
                                spanBegin: try int(), spanEnd: try int())
            evidence.append(Evidence(id: eid, provenance: ep, rule: try string(), confidence: try double(), date: try date(),
                                     attribution: try attribution()))
        }
        return Fact(id: id, type: type, subject: subject, object: object, place: place, date: factDate, role: role,
                    modality: modality, attribution: factAttribution, provenance: p, rule: rule, confidence: confidence,
                    evidence: evidence)
    }

    static func fact(_ bytes: [UInt8]) throws -> Fact {
        var d = SpillDecoder(bytes)
        return try d.fact()
    }

    /// The fact of `bytes` with every sentence "" (`skipsSentences`).
    static func factWithoutSentences(_ bytes: [UInt8]) throws -> Fact {
        var d = SpillDecoder(bytes)
        d.skipsSentences = true
        return try d.fact()
    }
}

// Documents and mentions (`SortedSpill`), every field exactly.
extension SpillEncoder {
    public mutating func document(_ d: Document) {
        string(d.id); string(d.path); optional(d.url); optional(d.outlet); optional(d.published); optional(d.title); int(d.length)
    }

    /// What `string(m.entityID); string(m.documentID); int(m.begin); int(m.end); string(m.text)` and the adjective's
    /// byte write, written on the stack and appended at once (an append a piece cost about a thousand instructions a
    /// mention).
    public mutating func mention(_ m: Mention) {
        var e = m.entityID, d = m.documentID, t = m.text
        let flag: UInt8 = m.adjective.map { $0 ? 2 : 1 } ?? 0
        e.withUTF8 { e in d.withUTF8 { d in t.withUTF8 { t in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: e.count + d.count + t.count + 60) { buffer in
                let p = buffer.baseAddress!
                var n = SpillEncoder.put(e, p)
                n += SpillEncoder.put(d, p + n)
                n += SpillEncoder.put(m.begin, p + n)
                n += SpillEncoder.put(m.end, p + n)
                n += SpillEncoder.put(t, p + n)
                p[n] = flag
                bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n + 1))
            }
        } } }
    }

    /// `int(u.count)` and `u`'s bytes written at `p` (as `string` writes them); the count of bytes written.
    @inline(__always)
    static func put(_ u: UnsafeBufferPointer<UInt8>, _ p: UnsafeMutablePointer<UInt8>) -> Int {
        let n = put(u.count, p)
        if let b = u.baseAddress, u.count > 0 { (p + n).update(from: b, count: u.count) }
        return n + u.count
    }

    /// `int(v)` written at `p` (at most ten bytes); the count of bytes written.
    @inline(__always)
    static func put(_ v: Int, _ p: UnsafeMutablePointer<UInt8>) -> Int {
        var n = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))   // zigzag, seven bits a byte, the lowest first
        var k = 0
        repeat {
            p[k] = UInt8(n & 0x7F) | (n >= 0x80 ? 0x80 : 0)
            n >>= 7
            k += 1
        } while n > 0
        return k
    }
}

// The sizes of encodings, without encoding (`SortedSpill`'s runs are cut by size).
extension SpillEncoder {
    /// The bytes `int(v)` writes.
    static func size(of v: Int) -> Int {
        var n = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63))), count = 1
        while n >= 0x80 { n >>= 7; count += 1 }
        return count
    }

    /// The bytes `string(s)` writes.
    static func size(of s: String) -> Int { let n = s.utf8.count; return size(of: n) + n }

    /// The bytes `mention(m)` writes.
    static func size(of m: Mention) -> Int {
        size(of: m.entityID) + size(of: m.documentID) + size(of: m.begin) + size(of: m.end) + size(of: m.text) + 1
    }
}

extension SpillDecoder {
    public mutating func document() throws -> Document {
        let id = try string(), path = try string()
        let url = try optional(), outlet = try optional(), published = try optional(), title = try optional()
        return Document(id: id, path: path, url: url, outlet: outlet, published: published, title: title, length: try int())
    }

    public mutating func mention() throws -> Mention {
        let entity = try string(), document = try string(), begin = try int(), end = try int(), text = try string()
        var m = Mention(entityID: entity, documentID: document, begin: begin, end: end, text: text)
        switch try byte() {
        case 0: m.adjective = nil
        case 1: m.adjective = false
        case 2: m.adjective = true
        default: throw SpillError("read: bad mention flag")
        }
        return m
    }
}

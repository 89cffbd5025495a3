// Facts-file lines of facts and entities built directly, as the encoder (`FactsFile.encoder`: keys sorted, slashes
// not escaped) writes them: JSONEncoder's Codable machinery was most of the cost of writing a facts file (mentions
// have their own, `FactsFile.mentionLine`). Anything the encoder might write otherwise (a string with a control
// character, a number it might not write as a plain decimal) answers nil, and the line takes the encoder
// (`FactsFileDirectLinesTests`).

import Foundation

extension FactsFile {
    /// The line of `f` (without the newline) as `line("fact", f, encoder())` writes it, or nil (see the top of the file).
    static func factLine(_ f: Fact) -> Data? { factLine(f, newline: false) }

    /// ``factLine(_:)``, with the line's "\n" when `newline`.
    static func factLine(_ f: Fact, newline: Bool) -> Data? {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        return appendFactLine(f, newline: newline, to: &out) ? Data(out) : nil
    }

    /// ``factLine(_:newline:)`` appended to `out`; false (and `out` as it was) where that gives nil.
    static func appendFactLine(_ f: Fact, newline: Bool, to out: inout [UInt8]) -> Bool {
        var w = PlainJSON(record: "fact")
        let ok = write(f, &w)
        return w.finish(ok, newline: newline, into: &out)
    }

    private static func write(_ f: Fact, _ w: inout PlainJSON) -> Bool {
        guard w.attribution("attribution", f.attribution), w.number("confidence", f.confidence), w.date("date", f.date)
        else { return false }
        if !f.evidence.isEmpty {
            w.key("evidence"); w.raw("[")
            for (k, e) in f.evidence.enumerated() {
                if k > 0 { w.raw(",") }
                w.open(nil)
                guard w.attribution("attribution", e.attribution), w.number("confidence", e.confidence), w.date("date", e.date),
                      w.string("documentID", e.documentID), w.string("id", e.id), w.string("rule", e.rule),
                      w.span(e.provenance) else { return false }
                w.close()
            }
            w.raw("]")
        }
        guard w.string("id", f.id), w.string("modality", f.modality.rawValue), w.string("object", f.object),
              w.string("place", f.place) else { return false }
        w.open("provenance")
        guard w.string("documentID", f.provenance.documentID), w.span(f.provenance) else { return false }
        w.close()
        guard w.string("role", f.role), w.string("rule", f.rule), w.string("subject", f.subject) else { return false }
        if !f.evidence.isEmpty { w.int("support", f.evidence.count) }
        return w.string("type", f.type)
    }

    /// The line of `e` (without the newline) as `line("entity", e, encoder())` writes it, or nil.
    static func entityLine(_ e: Entity) -> Data? { entityLine(e, newline: false) }

    /// ``entityLine(_:)``, with the line's "\n" when `newline`.
    static func entityLine(_ e: Entity, newline: Bool) -> Data? {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        return appendEntityLine(e, newline: newline, to: &out) ? Data(out) : nil
    }

    /// ``entityLine(_:newline:)`` appended to `out`; false (and `out` as it was) where that gives nil.
    static func appendEntityLine(_ e: Entity, newline: Bool, to out: inout [UInt8]) -> Bool {
        var w = PlainJSON(record: "entity")
        let ok = write(e, &w)
        return w.finish(ok, newline: newline, into: &out)
    }

    private static func write(_ e: Entity, _ w: inout PlainJSON) -> Bool {
        guard w.strings("documents", e.documents) else { return false }
        w.key("fromGazetteer"); w.raw(e.fromGazetteer ? "true" : "false")
        guard w.string("geonames", e.geonames), w.string("id", e.id), w.string("labelAr", e.labelAr),
              w.string("labelEn", e.labelEn), w.number("lat", e.lat), w.number("lon", e.lon) else { return false }
        w.int("mentionCount", e.mentionCount)
        return w.string("subtype", e.subtype) && w.strings("surfaceForms", e.surfaceForms)
            && w.string("type", e.type.rawValue) && w.string("wikidata", e.wikidata)
    }

    /// A document's line as `line("document", d, encoder())` writes it, appended to `out` with its "\n"; false (and
    /// `out` as it was) for a string the encoder may write otherwise.
    static func appendDocumentLine(_ d: Document, to out: inout [UInt8]) -> Bool {
        var w = PlainJSON(record: "document")
        w.key("id")
        var ok = w.string(d.id)
        if ok {
            w.int("length", d.length)
            ok = w.string("outlet", d.outlet) && w.string("path", d.path) && w.string("published", d.published)
                && w.string("title", d.title) && w.string("url", d.url)
        }
        return w.finish(ok, newline: true, into: &out)
    }

    /// A mention's line as the encoder writes it (keys sorted, no escapes), built directly; nil when a string
    /// holds a character the encoder may escape or that is not plain text (`"`, `\`, `/`, controls, DEL,
    /// U+2028/U+2029): those lines take the encoder. (Mentions are half the lines of an export.)
    static func mentionLine(_ m: Mention) -> Data? { mentionLine(m, newline: false) }

    /// ``mentionLine(_:)``, with the line's "\n" when `newline` (written on UTF-8 bytes: building the line through
    /// string interpolation cost several thousand instructions a mention).
    static func mentionLine(_ m: Mention, newline: Bool) -> Data? {
        var out: [UInt8] = []
        out.reserveCapacity(96 + m.text.utf8.count + m.documentID.utf8.count + m.entityID.utf8.count)
        return appendMentionLine(m, newline: newline, to: &out) ? Data(out) : nil
    }

    /// ``mentionLine(_:newline:)`` appended to `out`; false (and `out` as it was) where that gives nil.
    static func appendMentionLine(_ m: Mention, newline: Bool, to out: inout [UInt8]) -> Bool {
        guard m.adjective != false else { return false }
        var document = m.documentID, entity = m.entityID, text = m.text
        return document.withUTF8 { d in entity.withUTF8 { e in text.withUTF8 { t in
            guard LineBytes.scan(d, refusingQuotes: true) != nil, LineBytes.scan(e, refusingQuotes: true) != nil,
                  LineBytes.scan(t, refusingQuotes: true) != nil else { return false }
            // the line written on the stack and appended at once (an append a piece cost more than the pieces)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160 + d.count + e.count + t.count) { buffer in
                var w = LineWriter(buffer.baseAddress!)
                w.put(m.adjective == true ? "{\"record\":\"mention\",\"adjective\":true,\"begin\":" : "{\"record\":\"mention\",\"begin\":")
                w.int(m.begin)
                w.put(",\"documentID\":\""); w.put(d)
                w.put("\",\"end\":"); w.int(m.end)
                w.put(",\"entityID\":\""); w.put(e)
                w.put("\",\"text\":\""); w.put(t)
                w.put(newline ? "\"}\n" : "\"}")
                out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: w.count))
            }
            return true
        } } }
    }
}

/// Bytes written at a pointer with room for them (a line built on the stack).
struct LineWriter {
    private let start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(_ start: UnsafeMutablePointer<UInt8>) { self.start = start }

    mutating func put(_ b: UnsafeBufferPointer<UInt8>) {
        if let p = b.baseAddress { (start + count).update(from: p, count: b.count) }
        count += b.count
    }

    mutating func put(_ s: StaticString) { s.withUTF8Buffer { put($0) } }

    /// `v` in decimal, as `String(v)` writes it (at most 20 bytes).
    mutating func int(_ v: Int) {
        guard v >= 0 else { for b in String(v).utf8 { start[count] = b; count += 1 }; return }
        var x = UInt(v), n = 1
        while x >= 10 { x /= 10; n += 1 }
        x = UInt(v)
        for k in stride(from: count + n - 1, through: count, by: -1) {
            start[k] = UInt8(truncatingIfNeeded: x % 10) &+ 0x30
            x /= 10
        }
        count += n
    }
}

/// Pieces of a facts-file line written as UTF-8 bytes.
enum LineBytes {
    /// `v` in decimal, as `String(v)` writes it.
    @inline(__always)
    static func int(_ v: Int, into out: inout [UInt8]) {
        guard v >= 0 else { out.append(contentsOf: String(v).utf8); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for 24 digits, the last written first
        var n = 0
        var x = UInt(v)
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[23 - n] = UInt8(truncatingIfNeeded: x % 10) &+ 0x30
                x /= 10; n += 1
            } while x > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(24 - n)...]))
        }
    }

    /// Whether the encoder writes the bytes `b` of a string as they are between quotes but for escaping `"` and `\`:
    /// nil when they hold a control character, DEL, U+2028 or U+2029 (or, `refusingQuotes`, a `"`, `\` or `/`);
    /// else whether a `"` or `\` is among them. Eight bytes are looked at at once, and byte by byte only when one of
    /// them may be one of those (or the first byte of U+2028/U+2029).
    static func scan(_ b: UnsafeBufferPointer<UInt8>, refusingQuotes: Bool) -> Bool? {
        let n = b.count
        var quotes = false
        @inline(__always) func exact(_ j: Int) -> Bool {   // false: refused
            let x = b[j]
            if x < 0x20 || x == 0x7F { return false }
            if x == 0x22 || x == 0x5C || x == 0x2F {
                if refusingQuotes { return false }
                if x != 0x2F { quotes = true }
            }
            if x == 0xE2, j + 2 < n, b[j + 1] == 0x80, b[j + 2] == 0xA8 || b[j + 2] == 0xA9 { return false }
            return true
        }
        var i = 0
        if let base = b.baseAddress {
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if mayMatter(w) {
                    for j in i..<(i + 8) where !exact(j) { return nil }
                }
                i += 8
            }
        }
        while i < n {
            if !exact(i) { return nil }
            i += 1
        }
        return quotes
    }

    /// True when one of the eight bytes of `w` is below 0x20 or is `"`, `/`, `\`, DEL or 0xE2 (a byte test that is
    /// exact as a yes/no: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when a byte of `x` is zero, and with 0x20…
    /// exactly when a byte is below 0x20).
    @inline(__always)
    static func mayMatter(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below = (w &- ones &* 0x20) & ~w & highs
        return (below | zero(w ^ (ones &* 0x22)) | zero(w ^ (ones &* 0x2F)) | zero(w ^ (ones &* 0x5C))
                | zero(w ^ (ones &* 0x7F)) | zero(w ^ (ones &* 0xE2))) != 0
    }
}

// The writer of the facts-file lines built directly (`FactsFileDirectLines.swift`): JSON text written key by key,
// into a buffer of its own and appended to the caller's at the end in one copy (an append to an array per piece,
// a key or a quote, cost about a hundred instructions).

/// JSON text of a record, written key by key in sorted order as the facts file's encoder writes it: an absent (nil)
/// value is left out; each writer answers false for a value the encoder might write otherwise.
struct PlainJSON {
    private var base: UnsafeMutablePointer<UInt8>   // UTF-8 of the line so far, `count` bytes of `capacity`
    private var capacity = 1024
    private var count = 0
    private var comma = true                          // a key was written before in the current object

    /// Starts a line; `finish` ends it (and lets the buffer go).
    init(record: StaticString) {
        base = .allocate(capacity: capacity)
        raw("{\"record\":\""); raw(record); raw("\"")
    }

    /// Appends the line to `buffer`, closed (and with its "\n" when `newline`), when `ok`; else leaves `buffer` as it
    /// is. The writer is not used after.
    mutating func finish(_ ok: Bool, newline: Bool, into buffer: inout [UInt8]) -> Bool {
        if ok {
            close()
            if newline { byte(0x0A) }
            buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }
        base.deallocate()
        return ok
    }

    /// Room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(n) }
    }

    private mutating func grow(_ n: Int) {
        let c = max(2 * capacity, count + n)
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.initialize(from: base, count: count)
        base.deallocate()
        base = b; capacity = c
    }

    @inline(__always)
    private mutating func byte(_ x: UInt8) {
        reserve(1)
        base[count] = x; count += 1
    }

    private mutating func put(_ b: UnsafeBufferPointer<UInt8>) {
        guard let p = b.baseAddress, b.count > 0 else { return }
        reserve(b.count)
        (base + count).initialize(from: p, count: b.count)
        count += b.count
    }

    /// Bytes of the source text (keys and punctuation), copied as they are.
    @inline(__always)
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { put($0) }
    }

    /// `,"k":` (the comma when a key came before in the object).
    mutating func key(_ k: StaticString) {
        k.withUTF8Buffer { kb in
            reserve(kb.count + 4)
            if comma { base[count] = 0x2C; count += 1 }
            base[count] = 0x22; count += 1
            if let s = kb.baseAddress { (base + count).initialize(from: s, count: kb.count) }
            count += kb.count
            base[count] = 0x22; base[count + 1] = 0x3A; count += 2
        }
        comma = true
    }

    /// `"key":{` (`{` for an array element); the object's keys follow, then `close`.
    mutating func open(_ k: StaticString?) {
        if let k { key(k) }
        byte(0x7B)
        comma = false
    }

    mutating func close() { byte(0x7D); comma = true }

    mutating func int(_ k: StaticString, _ v: Int) { key(k); int(v) }

    /// `v` in decimal, as `String(v)` writes it (`LineBytes.int`).
    private mutating func int(_ v: Int) {
        guard v >= 0 else { for b in String(v).utf8 { byte(b) }; return }
        var x = UInt(v), n = 1
        while x >= 10 { x /= 10; n += 1 }
        reserve(n)
        x = UInt(v)
        var k = count + n - 1
        repeat {
            base[k] = UInt8(truncatingIfNeeded: x % 10) &+ 0x30
            x /= 10; k -= 1
        } while k >= count
        count += n
    }

    mutating func string(_ k: StaticString, _ v: String?) -> Bool {
        guard let v else { return true }
        key(k)
        return string(v)
    }

    mutating func number(_ k: StaticString, _ v: Double?) -> Bool {
        guard let v else { return true }
        key(k)
        return number(v)
    }

    mutating func strings(_ k: StaticString, _ a: [String]) -> Bool {
        key(k); raw("[")
        for (i, s) in a.enumerated() {
            if i > 0 { raw(",") }
            guard string(s) else { return false }
        }
        raw("]")
        return true
    }

    mutating func date(_ k: StaticString, _ d: FactDate?) -> Bool {
        guard let d else { return true }
        open(k)
        guard string("precision", d.precision.rawValue), string("value", d.value) else { return false }
        close()
        return true
    }

    /// `{}` for an attribution without a source.
    mutating func attribution(_ k: StaticString, _ a: Attribution?) -> Bool {
        guard let a else { return true }
        open(k)
        guard string("source", a.source) else { return false }
        close()
        return true
    }

    /// The sentence and offsets of a report (the keys that follow `documentID`, `id` and `rule` in sorted order).
    mutating func span(_ p: Provenance) -> Bool {
        guard string("sentence", p.sentence) else { return false }
        int("sentenceBegin", p.sentenceBegin); int("sentenceEnd", p.sentenceEnd)
        int("spanBegin", p.spanBegin); int("spanEnd", p.spanEnd)
        return true
    }

    /// A string between quotes, `"` and `\` escaped with a backslash and `/` as it is (the encoder does not escape
    /// slashes); false for a control character, DEL, U+2028 or U+2029 (left to the encoder).
    mutating func string(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            guard let quotes = LineBytes.scan(b, refusingQuotes: false) else { return false }
            byte(0x22)
            if quotes {
                // the bytes between quotes and backslashes copied a run at a time, a backslash before each
                var from = 0
                for j in 0..<b.count where b[j] == 0x22 || b[j] == 0x5C {
                    put(UnsafeBufferPointer(rebasing: b[from..<j]))
                    byte(0x5C)
                    from = j
                }
                put(UnsafeBufferPointer(rebasing: b[from...]))
            } else {
                put(b)
            }
            byte(0x22)
            return true
        }
    }

    /// A whole number (written without a fraction) or a plain decimal `0.87`, `-5.25` (no exponent); not −0.
    mutating func number(_ d: Double) -> Bool {
        guard d.isFinite, abs(d) < 1e15, !(d == 0 && d.sign == .minus) else { return false }
        if d == d.rounded() { int(Int(Int64(d))); return true }
        var s = d.description
        guard s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) else { return false }
        s.withUTF8 { put($0) }
        return true
    }
}

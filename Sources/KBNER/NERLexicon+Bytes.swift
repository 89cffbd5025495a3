import KBText

/// A `String`-keyed view of a table of normalised words held as ``NormKey``s: `table[key]` is what a
/// `[String: Value]` with the same entries answers (``NormKey`` equality is `String` equality), without hashing
/// Arabic through `String`'s Unicode tables.
public struct NERWordTable<Value: Sendable>: Sendable, Sequence {
    let table: [NormKey: Value]

    @inline(__always) public subscript(_ key: String) -> Value? { table[NormKey(key)] }
    public var count: Int { table.count }
    public var isEmpty: Bool { table.isEmpty }

    public func makeIterator() -> LazyMapSequence<[NormKey: Value], (key: String, value: Value)>.Iterator {
        table.lazy.map { (key: $0.key.string, value: $0.value) }.makeIterator()
    }
}

/// The lines of a serialised lexicon (``NERLexicon/init(serialized:)``) read on their UTF-8 bytes: for each line of
/// `text.utf8.split(separator: "\n")`, the fields of `line.split(separator: "\t", maxSplits: 2)` (empty pieces
/// omitted, as `split` does), the kind of line their first field names and what the reader needs of them.
enum NERSerializedLines {
    enum Kind { case name, cue, classes, bias, other }

    struct Fields {
        let b: UnsafeBufferPointer<UInt8>
        /// byte ranges of the three fields (only a line of three fields has a kind other than `.other`)
        let f0: Range<Int>, f1: Range<Int>, f2: Range<Int>
        let kind: Kind

        func range(_ i: Int) -> Range<Int> { i == 0 ? f0 : i == 1 ? f1 : f2 }

        /// The field as a `String` (`String(decoding:as:)` of its bytes, as the `String` split gave).
        func string(_ i: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[range(i)]), as: UTF8.self)
        }

        /// `UInt8(field)`: ASCII digits read here, anything else (a sign, other characters) by `UInt8(_:)`.
        func uint8(_ i: Int) -> UInt8? {
            if let v = NERSerializedLines.digits(b, range(i)) { return v <= 255 ? UInt8(v) : nil }
            return UInt8(string(i))
        }

        /// `field.utf8.split(separator: ",").compactMap { UInt16(Substring($0)) }`.
        func numberList(_ i: Int) -> [UInt16] {
            var out: [UInt16] = []
            let r = range(i)
            var start = r.lowerBound
            var k = r.lowerBound
            func piece(_ p: Range<Int>) {
                guard !p.isEmpty else { return }
                if let v = NERSerializedLines.digits(b, p) {
                    if v <= 65535 { out.append(UInt16(v)) }
                } else if let v = UInt16(Substring(String(decoding: UnsafeBufferPointer(rebasing: b[p]), as: UTF8.self))) {
                    out.append(v)
                }
            }
            while k < r.upperBound {
                if b[k] == UInt8(ascii: ",") { piece(start..<k); start = k + 1 }
                k += 1
            }
            piece(start..<r.upperBound)
            return out
        }
    }

    /// The value of a field of one to nine ASCII digits, nil for any other field (empty, longer, other bytes).
    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 9 else { return nil }
        var v = 0
        for k in r {
            let d = b[k] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// Calls `body` with the fields of every line (the pieces of `split(separator: "\n")`: empty lines skipped).
    static func forEach(_ b: UnsafeBufferPointer<UInt8>, _ body: (Fields) -> Void) {
        let n = b.count
        var i = 0
        while i < n {
            var e = i
            while e < n && b[e] != 0x0A { e += 1 }
            if e > i { line(b, i, e, body) }
            i = e + 1
        }
    }

    /// One line `lo..<hi`: the pieces of `split(separator: "\t", maxSplits: 2)` (empty ones omitted; the third
    /// piece is the rest of the line after the second separator that ends a piece).
    private static func line(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ body: (Fields) -> Void) {
        var pieces: (Range<Int>, Range<Int>) = (0..<0, 0..<0)
        var found = 0
        var start = lo
        var k = lo
        while k < hi && found < 2 {
            if b[k] == 0x09 {
                if start != k {
                    if found == 0 { pieces.0 = start..<k } else { pieces.1 = start..<k }
                    found += 1
                }
                k += 1
                start = k
                continue
            }
            k += 1
        }
        guard found == 2, start != hi else { return }   // fewer than three pieces: no kind
        let f0 = pieces.0
        var kind = Kind.other
        if f0.count == 1 {
            switch b[f0.lowerBound] {
            case UInt8(ascii: "N"): kind = .name
            case UInt8(ascii: "C"): kind = .cue
            case UInt8(ascii: "K"): kind = .classes
            case UInt8(ascii: "B"): kind = .bias
            default: break
            }
        } else if f0.count == 3, b[f0.lowerBound] == 0xE2, b[f0.lowerBound + 1] == 0x84, b[f0.lowerBound + 2] == 0xAA {
            kind = .classes   // KELVIN SIGN: `String ==` finds it equal to «K» (canonical equivalence)
        }
        body(Fields(b: b, f0: f0, f1: pieces.1, f2: start..<hi, kind: kind))
    }
}

// The common form of an N-Triples line, read straight from the bytes (no String per term): `<s> <p> <o> .` or
// `<s> <p> "lexical"[@tag|^^<dt>] .` with plain ASCII IRIs. Anything else is left to the full parser
// (NTriplesReader), which reports errors; what this reader accepts, the parser reads as the same terms.

import KBWriters
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes in an IRIREF taken as it is: 0 plain, 1 `#`, 2 `%`, 3 anything else (`>` ends the IRI; the rest is not
/// plain: `[#x00-#x20<>"{}|^`\\]`, and every byte from 0x7F).
nonisolated(unsafe) private let iriByteClasses: UnsafePointer<UInt8> = {  // never written after it is made
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for c in 0..<256 {
        let plain = c > 0x20 && c < 0x7F && ![0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C].contains(c)
        p[c] = !plain ? 3 : c == 0x23 ? 1 : c == 0x25 ? 2 : 0
    }
    return UnsafePointer(p)
}()

/// The terms of a line in the common form, as byte ranges of the block.
struct FastLine {
    /// Where the line starting at `i` ends: after its line feed, or at the end of the block. A line the fast path
    /// does not take goes to the full parser whole.
    static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var end = i
        while end < b.count, b[end] != 0x0A { end += 1 }
        return end < b.count ? end + 1 : end
    }

    var subject = 0..<0, predicate = 0..<0, object = 0..<0
    var literal = false
    /// The string with its escapes decoded, when it has any (else the bytes of `object`).
    var unescaped: [UInt8]?
    var language: Range<Int>?
    var datatype: Range<Int>?
    /// The index after the line feed (or the end of the block).
    var next = 0

    /// Reads `<s> <p> <o> .` or `<s> <p> "lexical"[@tag|^^<dt>] .` at `from` up to the line feed: IRIs of the
    /// bytes the N-Triples parser takes as they are (plain ASCII, with a scheme), a string (its escapes decoded into `unescaped`); spaces
    /// and tabs between the tokens as the parser allows them. False for anything else (the parser decides).
    mutating func scan(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let n = b.count
        var i = start
        let classes = iriByteClasses
        func space() { while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
        /// An IRI for which `IRIs.isPlainASCIIIRI` holds too (so the writer's check passes without a second look).
        func iri() -> Range<Int>? {
            guard i < n, b[i] == 0x3C else { return nil }
            // scheme ":"
            var j = i + 1
            guard j < n, letter(b[j]) else { return nil }
            j += 1
            while j < n, b[j] != 0x3A {
                let c = b[j]
                guard letter(c) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E else { return nil }
                j += 1
            }
            guard j < n else { return nil }
            var hashes = 0
            while j < n {
                let k = classes[Int(b[j])]
                if k == 0 { j += 1; continue }
                if k == 1 {
                    hashes += 1
                    if hashes > 1 { return nil }
                } else if k == 2 {
                    guard j + 2 < n, hex(b[j + 1]), hex(b[j + 2]) else { return nil }
                } else {
                    break
                }
                j += 1
            }
            guard j < n, b[j] == 0x3E else { return nil }
            defer { i = j + 1 }
            return (i + 1)..<j
        }
        guard let s = iri() else { return false }
        subject = s
        space()
        guard let p = iri() else { return false }
        predicate = p
        space()
        guard i < n else { return false }
        if b[i] == 0x22 {
            var j = i + 1
            var ascii = true
            while j < n {
                let c = b[j]
                if c == 0x22 || c == 0x5C || c == 0x0A || c == 0x0D { break }
                if c >= 0x80 { ascii = false }
                j += 1
            }
            if j < n, b[j] == 0x5C {
                guard let end = unescape(b, from: i + 1) else { return false }
                object = (i + 1)..<end
                j = end
            } else {
                guard j < n, b[j] == 0x22 else { return false }
                object = (i + 1)..<j
                if !ascii, !validUTF8(UnsafeBufferPointer(rebasing: b[object])) { return false }
            }
            literal = true
            i = j + 1
            space()
            if i < n, b[i] == 0x40 {  // @
                i += 1
                let tagStart = i
                while i < n, letter(b[i]) { i += 1 }
                guard i > tagStart else { return false }
                while i < n, b[i] == 0x2D {
                    i += 1
                    let sub = i
                    while i < n, letter(b[i]) || (b[i] >= 0x30 && b[i] <= 0x39) { i += 1 }
                    guard i > sub else { return false }
                }
                language = tagStart..<i
            } else if i < n, b[i] == 0x5E {  // ^^
                guard i + 1 < n, b[i + 1] == 0x5E else { return false }
                i += 2
                space()
                guard let d = iri() else { return false }
                datatype = d
            }
        } else {
            guard let o = iri() else { return false }
            object = o
        }
        space()
        guard i < n, b[i] == 0x2E else { return false }
        i += 1
        space()
        if i < n {
            guard b[i] == 0x0A else { return false }
            i += 1
        }
        next = i
        return true
    }

    /// The string from `start` (after the opening quote) with its escapes decoded into `unescaped`, as the parser's
    /// `quotedWithEscapes` decodes it; the index of the closing quote, or nil for anything the parser must report.
    mutating func unescape(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var out = [UInt8]()
        out.reserveCapacity(128)
        var j = start
        let n = b.count
        while j < n {
            let c = b[j]
            if c == 0x22 {
                guard out.withUnsafeBufferPointer({ validUTF8($0) }) else { return nil }
                unescaped = out
                return j
            }
            if c == 0x0A || c == 0x0D { return nil }
            guard c == 0x5C else { out.append(c); j += 1; continue }
            guard j + 1 < n else { return nil }
            switch b[j + 1] {
            case 0x74: out.append(0x09)  // t
            case 0x62: out.append(0x08)  // b
            case 0x6E: out.append(0x0A)  // n
            case 0x72: out.append(0x0D)  // r
            case 0x66: out.append(0x0C)  // f
            case 0x22: out.append(0x22)
            case 0x27: out.append(0x27)
            case 0x5C: out.append(0x5C)
            case 0x75, 0x55:  // u U
                let count = b[j + 1] == 0x75 ? 4 : 8
                var value: UInt32 = 0
                for k in 0..<count {
                    guard j + 2 + k < n, let h = hexValue(b[j + 2 + k]) else { return nil }
                    value = value * 16 + h
                }
                guard let u = Unicode.Scalar(value) else { return nil }
                out.append(contentsOf: String(u).utf8)
                j += 2 + count
                continue
            default: return nil
            }
            j += 2
        }
        return nil
    }

    @inline(__always) private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }

    @inline(__always) private func hex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    @inline(__always) private func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// Well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF), as `String(validating:)` requires.
    private func validUTF8(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        var i = 0
        while i < n {
            let c = u[i]
            if c < 0x80 { i += 1; continue }
            func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { i + k < n && u[i + k] >= lo && u[i + k] <= hi }
            switch c {
            case 0xC2...0xDF: guard cont(1) else { return false }; i += 2
            case 0xE0: guard cont(1, 0xA0), cont(2) else { return false }; i += 3
            case 0xE1...0xEC, 0xEE, 0xEF: guard cont(1), cont(2) else { return false }; i += 3
            case 0xED: guard cont(1, 0x80, 0x9F), cont(2) else { return false }; i += 3
            case 0xF0: guard cont(1, 0x90), cont(2), cont(3) else { return false }; i += 4
            case 0xF1...0xF3: guard cont(1), cont(2), cont(3) else { return false }; i += 4
            case 0xF4: guard cont(1, 0x80, 0x8F), cont(2), cont(3) else { return false }; i += 4
            default: return false
            }
        }
        return true
    }
}

// A strict RDF 1.1 N-Triples reader (https://www.w3.org/TR/n-triples/ §7 grammar, with the errata the W3C
// test suite checks: no ':' in blank-node labels). Every error names the line and column.
//
//   ntriplesDoc ::= triple? (EOL triple)* EOL?          EOL ::= [#xD#xA]+
//   triple      ::= subject predicate object '.'         comments: '#' to end of line, outside terms
//   subject     ::= IRIREF | BLANK_NODE_LABEL            predicate ::= IRIREF
//   object      ::= IRIREF | BLANK_NODE_LABEL | literal
//   literal     ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
//   LANGTAG     ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
//   IRIREF      ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'     (absolute IRIs only, as RDF requires)
//   STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"'
//   BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
//   UCHAR ::= '\u' HEX{4} | '\U' HEX{8}                  ECHAR ::= '\' [tbnrf"'\]
// Whitespace (space, tab) may separate the tokens. Input must be UTF-8 (a BOM is refused, as the grammar
// has no place for it). A UCHAR in an IRI must not produce a character IRIREF forbids.

import KBWriters
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum NTriplesReader {
    /// Reads N-Triples text.
    /// - Returns: the triples in document order.
    /// - Throws: `RDFReadError` with the line and column of the first error.
    public static func read(bytes: [UInt8], name: String) throws -> [RDFTriple] {
        var out = [RDFTriple]()
        try parse(bytes: bytes, name: name) { out.append($0) }
        return out
    }

    /// Reads a file (`-` reads standard input).
    public static func read(path: String) throws -> [RDFTriple] {
        var out = [RDFTriple]()
        try parse(path: path) { out.append($0) }
        return out
    }

    /// Streams the triples of N-Triples text to `body`, in document order.
    /// - Throws: `RDFReadError` with the line and column of the first error (the triples before it have been
    ///   passed to `body`), or what `body` throws.
    public static func parse(bytes: [UInt8], name: String, _ body: (RDFTriple) throws -> Void) throws {
        try parse(bytes: bytes, name: name, positions: { t, _, _ in try body(t) })
    }

    /// `parse(bytes:name:_:)`, with the byte offsets where each triple starts and ends (before the line break).
    public static func parse(bytes: [UInt8], name: String, firstLine: Int = 1,
                             positions body: (RDFTriple, Int, Int) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var p = Parser(bytes: buffer, name: name, firstLine: firstLine, caches: TermCaches())
            try p.document(atStart: firstLine == 1, body)
        }
    }

    /// Streams the triples of a file (`-`: standard input) to `body`, in document order, reading it in blocks
    /// of whole lines (memory does not grow with the file). Errors as `parse(bytes:name:_:)`.
    public static func parse(path: String, _ body: (RDFTriple) throws -> Void) throws {
        try parse(path: path, positions: { t, _, _ in try body(t) })
    }

    /// `parse(path:_:)`, with the byte offsets in the file where each triple starts and ends.
    public static func parse(path: String, positions body: (RDFTriple, Int, Int) throws -> Void) throws {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RDFReadError(name: path, line: 0, message: String(cString: strerror(errno))) }
        defer { if path != "-" { _ = close(fd) } }
        var line = 1            // line number of the block's first byte
        var caches = TermCaches()
        try LineBlocks.forEach(fd: fd, name: path) { block, base, first in
            var p = Parser(bytes: block, name: path, firstLine: line, caches: caches)
            try p.document(atStart: first) { t, start, end in try body(t, base + start, base + end) }
            line = p.line
            caches = p.caches
        }
    }
}

/// Reads whole files (or standard input) as bytes.
enum FileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RDFReadError(name: path, line: 0, message: String(cString: strerror(errno))) }
        defer { if path != "-" { _ = close(fd) } }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw RDFReadError(name: path, line: 0, message: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}

/// The last IRIs read in each position, by their bytes: consecutive triples share subjects, predicates and
/// datatypes, which then cost a compare instead of a new string.
struct TermCaches {
    struct Slots {
        private var keys: [[UInt8]]
        private var values: [String]
        private var next = 0
        init(_ n: Int) { keys = Array(repeating: [], count: n); values = Array(repeating: "", count: n) }

        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            for k in 0..<keys.count where keys[k].count == bytes.count && bytes.count > 0 {
                let same = keys[k].withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
                if same { return values[k] }
            }
            return nil
        }

        mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: String) {
            keys[next] = Array(bytes)
            values[next] = value
            next = (next + 1) % keys.count
        }
    }
    var subject = Slots(2)
    var predicate = Slots(16)
    var object = Slots(4)
    var datatype = Slots(4)
}

enum IRIPosition { case subject, predicate, object, datatype }

/// Bytes that may appear as they are in an ASCII IRIREF: `[^#x00-#x20<>"{}|^`\\]` below U+0080.
@inline(__always) private func plainIRIByte(_ c: UInt8) -> Bool {
    guard c > 0x20, c < 0x7F else { return false }
    switch c {
    case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C: return false
    default: return true
    }
}

private struct Parser {
    let b: UnsafeBufferPointer<UInt8>
    let name: String
    var i = 0
    var line: Int
    var lineStart = 0
    var caches: TermCaches
    /// Bytes of a string with escapes, being decoded.
    var scratch = [UInt8]()

    init(bytes: UnsafeBufferPointer<UInt8>, name: String, firstLine: Int, caches: TermCaches) {
        b = bytes; self.name = name; line = firstLine; self.caches = caches
    }

    // MARK: Document

    mutating func document(atStart: Bool, _ body: (RDFTriple, Int, Int) throws -> Void) throws {
        if atStart, b.starts(with: [0xEF, 0xBB, 0xBF]) { throw error("a byte order mark is not allowed in N-Triples") }
        while true {
            skipSpace()
            guard i < b.count else { break }
            switch b[i] {
            case UInt8(ascii: "#"): skipComment()
            case 0x0A, 0x0D: newline()
            default:
                let start = i
                let t = try triple()
                try body(t, start, i)
                skipSpace()
                if i < b.count, b[i] == UInt8(ascii: "#") { skipComment() }
                if i < b.count, b[i] != 0x0A, b[i] != 0x0D {
                    throw error("expected the end of the line after '.', found \(show())")
                }
            }
        }
    }

    mutating func triple() throws -> RDFTriple {
        let subject: RDFTerm
        switch peek() {
        case UInt8(ascii: "<"): subject = .iri(try iri(.subject))
        case UInt8(ascii: "_"): subject = .blank(try blank())
        default: throw error("expected a subject (<IRI> or _:label), found \(show())")
        }
        skipSpace()
        guard peek() == UInt8(ascii: "<") else { throw error("expected a predicate (<IRI>), found \(show())") }
        let predicate = try iri(.predicate)
        skipSpace()
        let object: RDFTerm
        switch peek() {
        case UInt8(ascii: "<"): object = .iri(try iri(.object))
        case UInt8(ascii: "_"): object = .blank(try blank())
        case UInt8(ascii: "\""): object = .literal(try literal())
        default: throw error("expected an object (<IRI>, _:label or \"literal\"), found \(show())")
        }
        skipSpace()
        guard peek() == UInt8(ascii: ".") else { throw error("expected '.' after the object, found \(show())") }
        i += 1
        return RDFTriple(subject, predicate, object)
    }

    // MARK: Terms

    /// `<IRI>` at `i`: plain ASCII IRIs (the usual case) straight from the bytes, through the position's cache.
    mutating func iri(_ position: IRIPosition) throws -> String {
        var j = i + 1
        while j < b.count, plainIRIByte(b[j]) { j += 1 }
        guard j < b.count, b[j] == UInt8(ascii: ">"), Self.hasScheme(b, from: i + 1, to: j) else { return try iri() }
        let bytes = UnsafeBufferPointer(rebasing: b[(i + 1)..<j])
        i = j + 1
        switch position {
        case .subject: return Self.cached(&caches.subject, bytes)
        case .predicate: return Self.cached(&caches.predicate, bytes)
        case .object: return Self.cached(&caches.object, bytes)
        case .datatype: return Self.cached(&caches.datatype, bytes)
        }
    }

    static func cached(_ slots: inout TermCaches.Slots, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let s = slots.find(bytes) { return s }
        let s = String(decoding: bytes, as: UTF8.self)
        slots.insert(bytes, s)
        return s
    }

    /// `scheme ":"` at the start of `b[from..<to]` (what `NTriplesSyntax.iriProblem` requires of an absolute IRI).
    static func hasScheme(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        guard letter(b[from]) else { return false }
        var k = from + 1
        while k < to {
            let c = b[k]
            if c == UInt8(ascii: ":") { return true }
            guard letter(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            else { return false }
            k += 1
        }
        return false
    }

    /// `<IRI>` at `i`, scalar by scalar (escapes, non-ASCII characters, errors).
    mutating func iri() throws -> String {
        let start = i
        i += 1  // <
        var out = String.UnicodeScalarView()
        while true {
            guard i < b.count else { throw error("unterminated IRI (missing '>')", at: start) }
            let c = b[i]
            if c == UInt8(ascii: ">") { i += 1; break }
            if c == UInt8(ascii: "\\") {
                let at = i
                let u = try uchar(inIRI: true)
                if let reason = Self.forbiddenInIRI(u) { throw error("the escape produces \(reason), which an IRI cannot hold", at: at) }
                out.append(u)
                continue
            }
            if c <= 0x20 || "<\"{}|^`".utf8.contains(c) {
                throw error("\(c <= 0x20 ? RDFSyntax.codePoint(Unicode.Scalar(c)) : "'\(Unicode.Scalar(c))'") is not allowed in an IRI")
            }
            out.append(try scalar())
        }
        let s = String(out)
        if let p = NTriplesSyntax.iriProblem(s) { throw error("<\(s)>: \(p)", at: start) }
        return s
    }

    static func forbiddenInIRI(_ u: Unicode.Scalar) -> String? {
        if u.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(u) { return RDFSyntax.codePoint(u) }
        return nil
    }

    mutating func blank() throws -> String {
        let start = i
        guard i + 1 < b.count, b[i + 1] == UInt8(ascii: ":") else { throw error("expected '_:' to start a blank node label") }
        i += 2
        var out = String.UnicodeScalarView()
        var ends = [Int]()  // byte index after each scalar
        var first = true
        while i < b.count {
            let save = i
            let c = b[i]
            if c <= 0x20 || c == UInt8(ascii: "<") || c == UInt8(ascii: "\"") { break }
            let u = try scalar()
            let ok = first ? (RDFSyntax.isPNCharsU(u) || (u >= "0" && u <= "9")) : (RDFSyntax.isPNChars(u) || u == ".")
            if !ok {
                if first { throw error("a blank node label cannot start with \(Self.describe(u))", at: save) }
                i = save
                break
            }
            out.append(u); ends.append(i); first = false
        }
        if out.isEmpty { throw error("empty blank node label", at: start) }
        // The label cannot end with '.': give trailing dots back (they end the triple).
        var scalars = Array(out)
        while let last = scalars.last, last == "." {
            scalars.removeLast(); ends.removeLast()
        }
        i = ends.last ?? (start + 2)
        var label = String.UnicodeScalarView(); label.append(contentsOf: scalars)
        // A ':' right after the label (e.g. `_:abc:def`) is an error, not the start of the next term.
        if i < b.count, b[i] == UInt8(ascii: ":") { throw error("':' is not allowed in a blank node label") }
        return String(label)
    }

    mutating func literal() throws -> RDFLiteral {
        let lexical = try quoted()
        return try literalSuffix(lexical)
    }

    /// The string at `i`: without escapes (the usual case), validated and decoded in one step.
    mutating func quoted() throws -> String {
        var j = i + 1
        var ascii = true
        while j < b.count {
            let c = b[j]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c == 0x0A || c == 0x0D { break }
            if c >= 0x80 { ascii = false }
            j += 1
        }
        if j < b.count, b[j] == UInt8(ascii: "\"") {
            let bytes = UnsafeBufferPointer(rebasing: b[(i + 1)..<j])
            if ascii {
                i = j + 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if let s = String(validating: bytes, as: UTF8.self) {
                i = j + 1
                return s
            }
        } else if j < b.count, b[j] == UInt8(ascii: "\\"), let s = quotedWithEscapes() {
            return s
        }
        return try quotedSlow()
    }

    /// The string at `i` with escapes, decoded into bytes and validated once; nil (and `i` unchanged) for anything
    /// `quotedSlow` must report.
    mutating func quotedWithEscapes() -> String? {
        scratch.removeAll(keepingCapacity: true)
        var j = i + 1
        while j < b.count {
            let c = b[j]
            if c == UInt8(ascii: "\"") {
                guard let s = String(validating: scratch, as: UTF8.self) else { return nil }
                i = j + 1
                return s
            }
            if c == 0x0A || c == 0x0D { return nil }
            guard c == UInt8(ascii: "\\") else { scratch.append(c); j += 1; continue }
            guard j + 1 < b.count else { return nil }
            switch b[j + 1] {
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "'"): scratch.append(0x27)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = b[j + 1] == UInt8(ascii: "u") ? 4 : 8
                var value: UInt32 = 0
                for k in 0..<count {
                    guard j + 2 + k < b.count, let h = hexValue(b[j + 2 + k]) else { return nil }
                    value = value * 16 + h
                }
                guard let u = Unicode.Scalar(value) else { return nil }
                scratch.append(contentsOf: String(u).utf8)
                j += 2 + count
                continue
            default: return nil
            }
            j += 2
        }
        return nil
    }

    /// The string at `i`, scalar by scalar (escapes, errors).
    mutating func quotedSlow() throws -> String {
        let start = i
        i += 1  // "
        var out = String.UnicodeScalarView()
        while true {
            guard i < b.count else { throw error("unterminated string (missing '\"')", at: start) }
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c == 0x0A || c == 0x0D { throw error("a line break inside a string must be written \\n or \\r") }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < b.count else { throw error("unterminated escape") }
                let e = b[i + 1]
                let mapped: Unicode.Scalar?
                switch e {
                case UInt8(ascii: "t"): mapped = "\t"
                case UInt8(ascii: "b"): mapped = "\u{08}"
                case UInt8(ascii: "n"): mapped = "\n"
                case UInt8(ascii: "r"): mapped = "\r"
                case UInt8(ascii: "f"): mapped = "\u{0C}"
                case UInt8(ascii: "\""): mapped = "\""
                case UInt8(ascii: "'"): mapped = "'"
                case UInt8(ascii: "\\"): mapped = "\\"
                default: mapped = nil
                }
                if let mapped { out.append(mapped); i += 2; continue }
                out.append(try uchar(inIRI: false))
                continue
            }
            out.append(try scalar())
        }
        return String(out)
    }

    /// The language tag or datatype after the string, if any.
    mutating func literalSuffix(_ lexical: String) throws -> RDFLiteral {
        let save = (i, line, lineStart)
        skipSpace()
        if peek() == UInt8(ascii: "@") {
            i += 1
            let tagStart = i
            while i < b.count, isLetter(b[i]) { i += 1 }
            if i == tagStart { throw error("a language tag must start with a letter, found \(show())") }
            while i < b.count, b[i] == UInt8(ascii: "-") {
                i += 1
                let sub = i
                while i < b.count, isLetter(b[i]) || (b[i] >= 0x30 && b[i] <= 0x39) { i += 1 }
                if i == sub { throw error("empty language subtag") }
            }
            let tag = String(decoding: b[tagStart..<i], as: UTF8.self)
            return RDFLiteral(lexical, language: tag)
        }
        if peek() == UInt8(ascii: "^") {
            guard i + 1 < b.count, b[i + 1] == UInt8(ascii: "^") else { throw error("expected '^^' before a datatype") }
            i += 2
            skipSpace()
            guard peek() == UInt8(ascii: "<") else { throw error("expected a datatype IRI after '^^', found \(show())") }
            return RDFLiteral(lexical, datatype: try iri(.datatype))
        }
        (i, line, lineStart) = save
        return RDFLiteral(lexical)
    }

    /// `\uXXXX` or `\UXXXXXXXX` at `i`.
    mutating func uchar(inIRI: Bool) throws -> Unicode.Scalar {
        let start = i
        guard i + 1 < b.count else { throw error("unterminated escape") }
        let count: Int
        switch b[i + 1] {
        case UInt8(ascii: "u"): count = 4
        case UInt8(ascii: "U"): count = 8
        default:
            throw error(inIRI ? "only \\u and \\U escapes are allowed in an IRI, found \(show(at: i, length: 2))"
                              : "invalid escape \(show(at: i, length: 2)) (allowed: \\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U)")
        }
        var value: UInt32 = 0
        for k in 0..<count {
            let j = i + 2 + k
            guard j < b.count, let h = hexValue(b[j]) else {
                throw error("invalid \\\(count == 4 ? "u" : "U") escape: \(count) hexadecimal digits expected", at: start)
            }
            value = value * 16 + h
        }
        guard let u = Unicode.Scalar(value) else {
            throw error("the escape denotes U+\(String(value, radix: 16, uppercase: true)), which is not a Unicode scalar", at: start)
        }
        i += 2 + count
        return u
    }

    /// One UTF-8 encoded scalar at `i` (validated).
    mutating func scalar() throws -> Unicode.Scalar {
        let c0 = b[i]
        if c0 < 0x80 { i += 1; return Unicode.Scalar(c0) }
        let n: Int, min: UInt32
        var v: UInt32
        switch c0 {
        case 0xC2...0xDF: n = 2; v = UInt32(c0 & 0x1F); min = 0x80
        case 0xE0...0xEF: n = 3; v = UInt32(c0 & 0x0F); min = 0x800
        case 0xF0...0xF4: n = 4; v = UInt32(c0 & 0x07); min = 0x10000
        default: throw error("invalid UTF-8 byte 0x\(String(c0, radix: 16, uppercase: true))")
        }
        guard i + n <= b.count else { throw error("truncated UTF-8 sequence") }
        for k in 1..<n {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { throw error("invalid UTF-8 sequence") }
            v = (v << 6) | UInt32(c & 0x3F)
        }
        guard v >= min, let u = Unicode.Scalar(v) else { throw error("invalid UTF-8 sequence") }
        i += n
        return u
    }

    // MARK: Helpers

    func peek() -> UInt8? { i < b.count ? b[i] : nil }

    mutating func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }

    mutating func skipComment() { while i < b.count, b[i] != 0x0A, b[i] != 0x0D { i += 1 } }

    /// Consumes one line break (CR LF, LF or CR).
    mutating func newline() {
        if b[i] == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
        i += 1
        line += 1
        lineStart = i
    }

    func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }

    static func describe(_ u: Unicode.Scalar) -> String {
        u.value < 0x21 || u.value == 0x7F ? RDFSyntax.codePoint(u) : "'\(u)'"
    }

    /// What is at `i`, for messages.
    func show(at: Int? = nil, length: Int = 12) -> String {
        let at = at ?? i
        guard at < b.count else { return "the end of the input" }
        if b[at] == 0x0A || b[at] == 0x0D { return "the end of the line" }
        var end = at
        while end < b.count, end - at < length, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
        return "'" + String(decoding: b[at..<end], as: UTF8.self) + "'"
    }

    func error(_ message: String, at: Int? = nil) -> RDFReadError {
        let at = at ?? i
        // Column in scalars from the line start.
        let column = String(decoding: b[lineStart..<min(max(at, lineStart), b.count)], as: UTF8.self).unicodeScalars.count + 1
        return RDFReadError(name: name, line: line, column: column, message: message)
    }
}

extension NTriplesReader {
    /// Parses `bytes` (whole lines, from line `firstLine`; `body` gets each triple with its start and end in `bytes`; `atStart`: the start of the document, where a byte order
    /// mark is refused) and returns the number of the line after them. Errors as `parse(bytes:name:_:)`.
    static func parseLines(_ bytes: UnsafeBufferPointer<UInt8>, name: String, firstLine: Int, atStart: Bool,
                           caches: inout TermCaches, _ body: (RDFTriple, Int, Int) throws -> Void) throws -> Int {
        var p = Parser(bytes: bytes, name: name, firstLine: firstLine, caches: caches)
        try p.document(atStart: atStart, body)
        caches = p.caches
        return p.line
    }
}

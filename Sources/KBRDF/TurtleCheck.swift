// A syntax check for Turtle (https://www.w3.org/TR/turtle/), used by `kbexport validate`: directives, triples with
// `;` and `,` lists, IRIs, prefixed names (prefix declared before use), `a`, blank node labels, `[]`, strings (short
// and long, both quotes, escapes), language tags, datatypes, numbers and booleans. Not covered (reported as such,
// with the line): blank node property lists `[ p o ]` and collections `( … )`, which kbexport never writes.
// It checks the syntax and counts the triples; it builds nothing.

import Foundation

public enum TurtleCheck {
    /// Checks a Turtle file and returns its number of triples.
    /// - Throws: `RDFReadError` naming the line of the first problem.
    public static func check(path: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RDFReadError(name: path, line: 0, message: "cannot read the file")
        }
        return try check(bytes: [UInt8](data), name: path)
    }

    public static func check(bytes: [UInt8], name: String) throws -> Int {
        var p = Parser(b: bytes, name: name)
        if p.b.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw p.fail("not valid UTF-8") }
        return try p.document()
    }

    struct Parser {
        let b: [UInt8]
        let name: String
        var i = 0
        var line = 1
        var prefixes = Set<String>()
        var triples = 0

        init(b: [UInt8], name: String) { self.b = b; self.name = name }

        func fail(_ m: String) -> RDFReadError { RDFReadError(name: name, line: line, message: m) }
        var c: UInt8? { i < b.count ? b[i] : nil }
        func at(_ s: String) -> Bool { b[i...].starts(with: Array(s.utf8)) }

        mutating func skip() {
            while let ch = c {
                if ch == 0x0A { line += 1; i += 1 }
                else if ch == 0x20 || ch == 0x09 || ch == 0x0D { i += 1 }
                else if ch == UInt8(ascii: "#") { while let d = c, d != 0x0A { i += 1; _ = d } }
                else { break }
            }
        }

        mutating func expect(_ ch: Character) throws {
            skip()
            guard c == ch.asciiValue else { throw fail("expected '\(ch)'" + (c.map { " but found '\(Character(Unicode.Scalar($0)))'" } ?? " at the end of the file")) }
            i += 1
        }

        mutating func document() throws -> Int {
            while true {
                skip()
                guard c != nil else { return triples }
                if at("@prefix") || caseless("PREFIX") {
                    let sparql = !at("@")
                    i += sparql ? 6 : 7
                    skip()
                    let start = i
                    while let ch = c, ch != UInt8(ascii: ":"), ch != 0x20, ch != 0x0A { i += 1 }
                    guard c == UInt8(ascii: ":") else { throw fail("expected 'prefix:' after the prefix directive") }
                    prefixes.insert(String(decoding: b[start..<i], as: UTF8.self))
                    i += 1
                    skip(); try iriRef()
                    if !sparql { try expect(".") }
                } else if at("@base") || caseless("BASE") {
                    let sparql = !at("@")
                    i += sparql ? 4 : 5
                    skip(); try iriRef()
                    if !sparql { try expect(".") }
                } else {
                    try subject(); try predicateObjectList(); try expect(".")
                }
            }
        }

        func caseless(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count < b.count else { return false }
            return zip(b[i..<(i + w.count)], w).allSatisfy { $0 | 0x20 == $1 | 0x20 } && (b[i + w.count] == 0x20 || b[i + w.count] == 0x09)
        }

        mutating func subject() throws {
            skip()
            switch c {
            case UInt8(ascii: "<"): try iriRef()
            case UInt8(ascii: "_"): try blankLabel()
            case UInt8(ascii: "["): try anon()
            case UInt8(ascii: "("): throw fail("collections ( … ) are not covered by kbexport's Turtle check")
            default: try prefixedName()
            }
        }

        mutating func predicateObjectList() throws {
            repeat {
                skip()
                if c == UInt8(ascii: "."), i > 0 { return }   // trailing ';' before '.'
                if c == UInt8(ascii: "a"), i + 1 < b.count, [0x20, 0x09, 0x0A, UInt8(ascii: "<"), UInt8(ascii: "\"")].contains(b[i + 1]) { i += 1 }
                else if c == UInt8(ascii: "<") { try iriRef() } else { try prefixedName() }
                repeat { try object(); triples += 1; skip() } while consume(",")
            } while consume(";")
        }

        mutating func consume(_ ch: Character) -> Bool {
            skip()
            guard c == ch.asciiValue else { return false }
            i += 1
            return true
        }

        mutating func object() throws {
            skip()
            guard let ch = c else { throw fail("expected an object at the end of the file") }
            switch ch {
            case UInt8(ascii: "<"): try iriRef()
            case UInt8(ascii: "_"): try blankLabel()
            case UInt8(ascii: "["): try anon()
            case UInt8(ascii: "("): throw fail("collections ( … ) are not covered by kbexport's Turtle check")
            case UInt8(ascii: "\""), UInt8(ascii: "'"): try literal()
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while let d = c, (d >= 0x30 && d <= 0x39) || "+-.eE".utf8.contains(d) { i += 1 }
                if b[start..<i].allSatisfy({ !($0 >= 0x30 && $0 <= 0x39) }) { throw fail("malformed number") }
            default:
                if at("true") || at("false") { i += at("true") ? 4 : 5 } else { try prefixedName() }
            }
        }

        mutating func iriRef() throws {
            guard c == UInt8(ascii: "<") else { throw fail("expected an IRI <…>") }
            i += 1
            while let ch = c, ch != UInt8(ascii: ">") {
                if ch <= 0x20 || "<\"{}|^`".utf8.contains(ch) { throw fail("character not allowed in an IRI") }
                i += 1
            }
            guard c != nil else { throw fail("unterminated IRI") }
            i += 1
        }

        mutating func blankLabel() throws {
            guard at("_:") else { throw fail("expected a blank node _:label") }
            i += 2
            let start = i
            while let ch = c, isNameChar(ch) { i += 1 }
            if i == start { throw fail("empty blank node label") }
        }

        mutating func anon() throws {
            i += 1; skip()
            guard c == UInt8(ascii: "]") else { throw fail("blank node property lists [ p o ] are not covered by kbexport's Turtle check") }
            i += 1
        }

        mutating func prefixedName() throws {
            let start = i
            while let ch = c, isNameChar(ch) { i += 1 }
            guard c == UInt8(ascii: ":") else {
                throw fail(i == start ? "expected an IRI, a prefixed name or a literal" : "'\(String(decoding: b[start..<i], as: UTF8.self))' is not a term (a prefixed name needs ':')")
            }
            let prefix = String(decoding: b[start..<i], as: UTF8.self)
            guard prefixes.contains(prefix) else { throw fail("prefix '\(prefix):' is not declared") }
            i += 1
            while let ch = c, isNameChar(ch) || ch == UInt8(ascii: ":") || ch == UInt8(ascii: "%") || ch == UInt8(ascii: "\\")
                    || (ch == UInt8(ascii: ".") && i + 1 < b.count && isNameChar(b[i + 1])) {
                i += ch == UInt8(ascii: "\\") ? 2 : 1
            }
        }

        func isNameChar(_ ch: UInt8) -> Bool {
            (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A) || ch == UInt8(ascii: "_")
                || ch == UInt8(ascii: "-") || ch >= 0x80
        }

        mutating func literal() throws {
            let q = b[i]
            let long = i + 2 < b.count && b[i + 1] == q && b[i + 2] == q
            i += long ? 3 : 1
            while true {
                guard let ch = c else { throw fail("unterminated string") }
                if ch == UInt8(ascii: "\\") {
                    guard i + 1 < b.count, "tbnrf\"'\\uU".utf8.contains(b[i + 1]) else { throw fail("bad escape in a string") }
                    i += 2; continue
                }
                if long {
                    if ch == q, i + 2 < b.count, b[i + 1] == q, b[i + 2] == q { i += 3; break }
                    if ch == 0x0A { line += 1 }
                } else {
                    if ch == q { i += 1; break }
                    if ch == 0x0A || ch == 0x0D { throw fail("line break in a short string") }
                }
                i += 1
            }
            if c == UInt8(ascii: "@") {
                i += 1
                let start = i
                while let ch = c, isNameChar(ch) { i += 1 }
                if i == start { throw fail("empty language tag") }
            } else if at("^^") {
                i += 2
                if c == UInt8(ascii: "<") { try iriRef() } else { try prefixedName() }
            }
        }
    }
}

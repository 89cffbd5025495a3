// N-Triples file → RDF/XML, byte for byte what RDFXMLSerializer.write(source:to:) writes, in less time:
//
// - Lines in the common form (`<iri> <iri> <iri> .` or `<iri> <iri> "text"[@lang|^^<iri>] .`: plain ASCII IRIs,
//   a literal whose escapes are decoded on the way, no comment, LF line ends) are read straight from the block of bytes and written as
//   escaped markup (KBXML.XMLEscapedBuffer, through XMLStreamWriter.raw) without making a String per term. Any
//   other line goes through the full N-Triples parser (NTriplesReader) and the same checks as before
//   (RDFXMLSerializer.Terms), so errors and refusals are unchanged.
// - Into a file (`-o`, an AtomicFileSink that can start again) the input is read once: nothing reaches the target
//   unless the whole document was written (a refused or malformed input leaves no file). The root must declare
//   every namespace used, and blank-node labels that are not NCNames are relabelled with labels not in use anywhere:
//   the single pass assumes neither happens (kbexport's own vocabulary; NCName labels) and, when one does, empties
//   the temporary file and falls back to two passes. Into a pipe or a device: two passes (check everything, then
//   write), as before, so that a refused input writes nothing there either.

import KBWriters
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum NTriplesToRDFXML {
    /// Writes `source` to `sink` as `RDFXMLSerializer(vocabulary:indent:).write(source, to: sink)` does.
    static func write(_ source: NTriplesFile, vocabulary: String, indent: Bool, to sink: OutputSink) throws {
        if let file = sink as? AtomicFileSink, file.canRestart {
            do {
                var once = Pass(source, vocabulary: vocabulary, indent: indent, mode: .speculative)
                try once.run(sink)
                return
            } catch is Restart {
                try file.restart()
            }
        }
        var check = Pass(source, vocabulary: vocabulary, indent: indent, mode: .check)
        try check.run(nil)
        var write = Pass(source, vocabulary: vocabulary, indent: indent, mode: .write(check.plan()))
        try write.run(sink)
    }

    /// The single pass met a namespace or blank-node label that needs the whole document first.
    struct Restart: Error {}

    /// What the root declares beyond the standard namespaces, and the `rdf:nodeID` of each blank-node label.
    struct Plan {
        var extra: [(prefix: String, namespace: String)]
        var nodeIDs: [String: String]
    }

    enum Mode {
        /// Check only, collecting the plan.
        case check
        /// Write, declaring the standard namespaces only and keeping blank-node labels; `Restart` when that is wrong.
        case speculative
        case write(Plan)
    }

    struct Pass {
        let source: NTriplesFile
        let mode: Mode
        let indent: Bool
        let standard: [(prefix: String, namespace: String)]
        let standardPrefixes: Set<String>
        var splitter: QNameSplitter
        var terms = RDFXMLSerializer.Terms()
        var predicates = ByteTable()      // predicate IRI -> index into qnames
        var qnames = [[UInt8]]()
        var datatypes = ByteTable()       // datatype IRI -> index into datatypeKinds
        var datatypeKinds = [DatatypeKind]()
        var caches = TermCaches()
        var usedPrefixes = Set<String>()
        let out = XMLEscapedBuffer()
        var previousSubject = [UInt8]()   // kind byte (0 IRI, 1 blank) + the label or IRI
        var previousProperty = [UInt8]()
        var propertyStart = 0
        var haveSubject = false
        var line = 1
        var writer: XMLStreamWriter?

        enum DatatypeKind { case string, langString, other }

        init(_ source: NTriplesFile, vocabulary: String, indent: Bool, mode: Mode) {
            self.source = source; self.mode = mode; self.indent = indent
            standard = Namespaces.standard(vocabulary: vocabulary)
            standardPrefixes = Set(standard.map(\.prefix))
            splitter = Namespaces.splitter(vocabulary: vocabulary)
        }

        var writing: Bool { if case .check = mode { return false } else { return true } }

        func plan() -> Plan {
            let used = usedPrefixes.union(terms.usedPrefixes)
            let extra = splitter.bindings.filter { !standardPrefixes.contains($0.prefix) && used.contains($0.prefix) }
            return Plan(extra: extra, nodeIDs: terms.blanks.assign())
        }

        mutating func run(_ sink: OutputSink?) throws {
            if writing, let sink {
                let w = try XMLStreamWriter(sink: sink, indent: indent)
                try w.startDocument()
                try w.startElement("rdf:RDF")
                var extra: [(prefix: String, namespace: String)] = []
                if case let .write(plan) = mode { extra = plan.extra }
                for (prefix, namespace) in standard + extra { try w.namespaceDeclaration(prefix: prefix, uri: namespace) }
                writer = w
            }
            do {
                try source.forEachBlock { block, _, first in try self.block(block, first: first) }
            } catch {
                writer = nil  // a writer that stops early must not reach the sink after it was emptied
                throw error
            }
            if let w = writer {
                if haveSubject { closeDescription() }
                try w.raw(out.bytes)
                out.removeAll()
                try w.endElement()
                try w.endDocument()
            }
            writer = nil
        }

        // MARK: Lines

        mutating func block(_ b: UnsafeBufferPointer<UInt8>, first: Bool) throws {
            var i = 0
            let n = b.count
            while i < n {
                var t = FastLine()
                if !(first && i == 0), t.scan(b, from: i), try fast(t, b) {
                    i = t.next
                    line += 1
                } else {
                    var end = i
                    while end < n, b[end] != 0x0A { end += 1 }
                    if end < n { end += 1 }
                    let lineBytes = UnsafeBufferPointer(rebasing: b[i..<end])
                    var caches = self.caches
                    line = try NTriplesReader.parseLines(lineBytes, name: source.path, firstLine: line,
                                                         atStart: first && i == 0, caches: &caches) { t, _, _ in try slow(t) }
                    self.caches = caches
                    i = end
                }
                if out.count >= 1 << 18, let w = writer {
                    try w.raw(out.bytes)
                    out.removeAll()
                }
            }
        }

        /// Checks and writes a line in the common form; false (nothing done) when the full parser must take it.
        mutating func fast(_ t: FastLine, _ b: UnsafeBufferPointer<UInt8>) throws -> Bool {
            if let u = t.unescaped { return try u.withUnsafeBufferPointer { try fast(t, b, object: $0) } }
            return try fast(t, b, object: UnsafeBufferPointer(rebasing: b[t.object]))
        }

        /// `fast`, with the object's bytes (the IRI, or the string with its escapes decoded).
        mutating func fast(_ t: FastLine, _ b: UnsafeBufferPointer<UInt8>, object o: UnsafeBufferPointer<UInt8>) throws -> Bool {
            let s = UnsafeBufferPointer(rebasing: b[t.subject])
            let p = UnsafeBufferPointer(rebasing: b[t.predicate])
            // The IRIs passed IRIs.isPlainASCIIIRI's test while they were scanned.
            var datatype = DatatypeKind.string
            if t.literal {
                guard Self.isAllXMLChars(o) else { return false }
                if let d = t.datatype {
                    let dt = UnsafeBufferPointer(rebasing: b[d])
                    let k: Int
                    if let known = datatypes.find(dt) { k = known } else {
                        let iri = String(decoding: dt, as: UTF8.self)
                        let kind: DatatypeKind = RDFExact.equal(iri, RDFLiteral.xsdString) ? .string
                            : RDFExact.equal(iri, RDFLiteral.langString) ? .langString : .other
                        k = datatypeKinds.count
                        datatypeKinds.append(kind)
                        datatypes.insert(dt, k)
                    }
                    datatype = datatypeKinds[k]
                    if datatype == .langString { return false }
                }
            }
            let q = try qname(p)
            guard writing else { return true }
            if !haveSubject || previousSubject.count != s.count + 1 || previousSubject[0] != 0
                || !previousSubject.withUnsafeBufferPointer({ memcmp($0.baseAddress! + 1, s.baseAddress!, s.count) == 0 }) {
                startDescription(kind: 0, s, about: true)
            }
            propertyStart = out.count
            startProperty(q)
            if !t.literal {
                out.append(" rdf:resource=\"")
                out.appendAttribute(UnsafeRawBufferPointer(o))
                out.append("\"/>")
            } else {
                if let l = t.language {
                    out.append(" xml:lang=\"")
                    for k in l { let c = b[k]; out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
                    out.append("\"")
                } else if datatype == .other || Self.isWhitespaceOnly(o) {
                    out.append(" rdf:datatype=\"")
                    if datatype == .other { out.appendAttribute(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[t.datatype!]))) }
                    else { out.append(RDFLiteral.xsdString) }
                    out.append("\"")
                }
                endLiteral(q, UnsafeRawBufferPointer(o))
            }
            endProperty()
            return true
        }

        /// A triple from the full parser: the checks of RDFXMLSerializer, then the same markup.
        mutating func slow(_ t: RDFTriple) throws {
            try terms.note(subject: t.subject)
            try terms.note(t.predicate, t.object, subject: t.subject, &splitter)
            var predicate = t.predicate
            let q = try predicate.withUTF8 { try qname($0) }
            guard writing else { return }
            var key: [UInt8]
            switch t.subject {
            case let .iri(iri): key = [0] + Array(iri.utf8)
            case let .blank(label): key = [1] + Array(label.utf8)
            case .literal: return  // refused by terms.note
            }
            if !haveSubject || key != previousSubject {
                var label = ""
                switch t.subject {
                case let .iri(iri): label = iri
                case let .blank(l): label = try nodeID(l)
                case .literal: break
                }
                label.withUTF8 { startDescription(kind: key[0], $0, about: key[0] == 0) }
                previousSubject = key
            }
            propertyStart = out.count
            startProperty(q)
            switch t.object {
            case let .iri(iri):
                out.append(" rdf:resource=\"")
                out.appendAttribute(iri)
                out.append("\"/>")
            case let .blank(label):
                out.append(" rdf:nodeID=\"")
                out.appendAttribute(try nodeID(label))
                out.append("\"/>")
            case let .literal(l):
                if let language = l.language {
                    out.append(" xml:lang=\"")
                    out.appendAttribute(language)
                    out.append("\"")
                } else if !l.isSimple || RDFXMLSerializer.needsExplicitString(l.lexical) {
                    out.append(" rdf:datatype=\"")
                    out.appendAttribute(l.datatype)
                    out.append("\"")
                }
                var lexical = l.lexical
                lexical.withUTF8 { endLiteral(q, UnsafeRawBufferPointer($0)) }
            }
            endProperty()
        }

        // MARK: Terms

        /// The QName of a predicate (split once); in the single pass, `Restart` for a namespace the root lacks.
        mutating func qname(_ p: UnsafeBufferPointer<UInt8>) throws -> Int {
            if let k = predicates.find(p) { return k }
            let iri = String(decoding: p, as: UTF8.self)
            let q = try splitter.split(iri)
            usedPrefixes.insert(q.prefix)
            if case .speculative = mode, !standardPrefixes.contains(q.prefix) { throw Restart() }
            guard XMLText.isQName(q.qualified) else { throw XMLError.invalidName(q.qualified) }
            let k = qnames.count
            qnames.append(Array(q.qualified.utf8))
            predicates.insert(p, k)
            return k
        }

        /// The `rdf:nodeID` of a blank-node label; in the single pass, `Restart` for a label that must be renamed.
        func nodeID(_ label: String) throws -> String {
            switch mode {
            case let .write(plan): return plan.nodeIDs[label]!
            default:
                guard XMLText.isNCName(label) else { throw Restart() }
                return label
            }
        }

        // MARK: Markup (as libxml2's xmlTextWriter writes it, indented or not)

        mutating func startDescription(kind: UInt8, _ s: UnsafeBufferPointer<UInt8>, about: Bool) {
            if haveSubject { closeDescription() } else { newline() }  // the root's start tag ends before the first
            haveSubject = true
            if kind == 0 {
                previousSubject.removeAll(keepingCapacity: true)
                previousSubject.append(0)
                previousSubject.append(contentsOf: s)
            }
            if indent { out.append("  ") }
            out.append(about ? "<rdf:Description rdf:about=\"" : "<rdf:Description rdf:nodeID=\"")
            out.appendAttribute(UnsafeRawBufferPointer(s))
            out.append("\">")
            newline()
            previousProperty.removeAll(keepingCapacity: true)
        }

        mutating func closeDescription() {
            if indent { out.append("  ") }
            out.append("</rdf:Description>")
            newline()
        }

        mutating func startProperty(_ q: Int) {
            if indent { out.append("    ") }
            out.append("<")
            qnames[q].withUnsafeBytes { out.append($0) }
        }

        mutating func endLiteral(_ q: Int, _ lexical: UnsafeRawBufferPointer) {
            if lexical.isEmpty { out.append("/>"); return }
            out.append(">")
            out.appendText(lexical)
            out.append("</")
            qnames[q].withUnsafeBytes { out.append($0) }
            out.append(">")
        }

        /// Ends the property just written; leaves it out when it repeats the one before it (the same triple).
        mutating func endProperty() {
            newline()
            let n = out.count - propertyStart
            let same = previousProperty.count == n && previousProperty.withUnsafeBytes { memcmp($0.baseAddress!, out.base + propertyStart, n) == 0 }
            if same {
                out.truncate(to: propertyStart)
            } else {
                previousProperty.removeAll(keepingCapacity: true)
                previousProperty.append(contentsOf: UnsafeBufferPointer(start: out.base + propertyStart, count: n))
            }
        }

        mutating func newline() { if indent { out.append(0x0A) } }

        // MARK: Byte checks

        /// `XMLText.isAllXMLChars` of UTF-8 bytes.
        static func isAllXMLChars(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = u.count
            var i = 0
            if n >= 8 {  // eight bytes at a time while none is below 0x20 or 0xEF
                let raw = UnsafeRawPointer(u.baseAddress!)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                while i + 8 <= n {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let low = (x &- ones &* 0x20) & ~x & highs
                    let y = x ^ (ones &* 0xEF)
                    let ef = (y &- ones) & ~y & highs
                    if low | ef != 0 { break }
                    i += 8
                }
            }
            while i < n {
                let c = u[i]
                if c < 0x20 {
                    if c != 0x09 && c != 0x0A && c != 0x0D { return false }
                } else if c == 0xEF, i + 2 < n, u[i + 1] == 0xBF, u[i + 2] >= 0xBE {
                    return false
                }
                i += 1
            }
            return true
        }

        /// `RDFXMLSerializer.needsExplicitString` of UTF-8 bytes.
        static func isWhitespaceOnly(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            !u.isEmpty && u.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
    }
}

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

/// A map from byte strings (IRIs, node keys) to indices, without a String per lookup: the keys live in one arena.
struct ByteTable {
    private var arena = [UInt8]()
    private var starts = [Int]()            // per key: start in arena (the key ends where the next starts)
    private var values = [Int]()
    private var slots = [Int32](repeating: -1, count: 64)

    var count: Int { values.count }

    @inline(__always) static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var h = UInt64(n) &* 0x9E3779B97F4A7C15
        var i = 0
        if n >= 8 {
            let raw = UnsafeRawPointer(b.baseAddress!)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58476D1CE4E5B9
                h ^= h >> 29
                i += 8
            }
            if i < n {  // the last eight bytes (overlapping)
                h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0x94D049BB133111EB
                h ^= h >> 31
            }
        } else {
            while i < n { h = (h ^ UInt64(b[i])) &* 0x100000001b3; i += 1 }
        }
        h = (h ^ (h >> 32)) &* 0xD6E8FEB86659FD93
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    let mask = slots.count - 1
                    var s = Self.hash(b) & mask
                    while true {
                        let k = Int(slots[s])
                        if k < 0 { return nil }
                        let start = starts[k]
                        let end = k + 1 < starts.count ? starts[k + 1] : arena.count
                        if end - start == b.count, b.count == 0 || memcmp(arena.baseAddress! + start, b.baseAddress!, b.count) == 0 {
                            return values[k]
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// The bytes of the `k`th key inserted.
    func withKey<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let end = k + 1 < starts.count ? starts[k + 1] : arena.count
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[starts[k]..<end])) }
    }

    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, _ value: Int) {
        if (values.count + 1) * 2 > slots.count {
            var bigger = [Int32](repeating: -1, count: slots.count * 2)
            let mask = bigger.count - 1
            for k in 0..<values.count {
                var s = withKey(k) { Self.hash($0) } & mask
                while bigger[s] >= 0 { s = (s + 1) & mask }
                bigger[s] = Int32(k)
            }
            slots = bigger
        }
        let mask = slots.count - 1
        var s = Self.hash(b) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(values.count)
        starts.append(arena.count)
        arena.append(contentsOf: b)
        values.append(value)
    }
}

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
                    let end = FastLine.lineEnd(b, from: i)
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

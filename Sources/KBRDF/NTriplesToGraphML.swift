// N-Triples file → GraphML (the mapping of RDFGraphMLWriter.swift, docs/rdf-to-graphml.md), byte for byte what
// RDFGraphMLWriter.write(source:to:) writes, reading the file once instead of three times:
//
// - Lines in the common form are read from the block of bytes (FastLine, NTriplesToRDFXML.swift); the others
//   through the full N-Triples parser. Terms are interned by their bytes (no String per term).
// - The keys must come before the graph and a node's data is complete only when its description ends, so each
//   node is written, when its run of triples ends, to a scratch file (unlinked at once: nothing stays behind),
//   and the nodes are copied from it in node order after the keys. A node described in more than one place is
//   written again at the end from its runs (read back by position), as before.
// - Edges are kept as three integers each (subject, object, predicate) and written after the nodes.
// Markup is escaped as libxml2 escapes it (XMLEscapedBuffer) and goes out through XMLStreamWriter.raw.

import KBWriters
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension RDFGraphMLWriter {
    /// Writes `source` as `write(source:to:)` does, reading the file once.
    func write(ntriples source: NTriplesFile, to sink: OutputSink) throws {
        var pass = try NTriplesToGraphML(options: options, source: source)
        try pass.read()
        try pass.write(to: sink)
    }
}

struct NTriplesToGraphML {
    let options: ExportOptions
    let source: NTriplesFile
    let indent: Bool
    var splitter: QNameSplitter
    let knownBindings: [(prefix: String, namespace: String)]
    let known: Set<String>
    let knownNamespaces: [[UInt8]]
    var shortNames = [String: String]()

    // Nodes: key = kind byte (0 IRI, 1 blank) + the IRI or label.
    var nodes = ByteTable()                 // key -> node index (= order of insertion)
    var keyScratch = [UInt8]()
    var firstRun = [Range<Int>?]()
    var moreRuns = [Int: [Range<Int>]]()
    /// Per node: where its block is in the scratch file; -1 none yet, -2 described in several runs.
    var blockStart = [Int]()
    var blockCount = [Int32]()

    // Predicates: index into predicateInfo.
    var predicates = ByteTable()
    var predicateInfo = [PredicateInfo]()
    var columnKeys = [RDFGraphMLWriter.Key]()
    var usedNames: Set<String> = ["label", "iri", "kind", "type"]
    var edgePredicates = [Int]()            // edge predicate index -> predicateInfo index
    var edges = [Int32]()                   // subject, object, edge predicate
    var seenEdges = Set<UInt64>()
    var wideEdges = Set<[Int]>()

    // Type names (QName or IRI, or _:label), interned.
    var typeTerms = ByteTable()             // object key -> type name id
    var typeNameIDs = [String: Int]()
    var typeNames = [[UInt8]]()

    // The run being read: consecutive triples with one subject.
    var runNode = -1
    var runStart = 0, runEnd = 0
    var runHasData = false
    var run = RunData()
    var lastSubject = [UInt8]()

    var caches = TermCaches()
    var line = 1
    let scratch: ScratchFile
    let out = XMLEscapedBuffer()
    var joined = [UInt8]()

    struct PredicateInfo {
        var iri: String
        var isType: Bool
        var isLabel: Bool
        var column = -1
        var edge = -1
        var short: [UInt8] = []
    }

    /// A node's data from its runs: literal values by column, label candidates, type names.
    struct RunData {
        var bytes = [UInt8]()
        var values = [(column: Int, start: Int, count: Int)]()
        var labels = [(start: Int, count: Int, language: Language)]()
        var types = [Int]()
        enum Language { case none, ar, en, other }

        mutating func reset() {
            bytes.removeAll(keepingCapacity: true); values.removeAll(keepingCapacity: true)
            labels.removeAll(keepingCapacity: true); types.removeAll(keepingCapacity: true)
        }

        func same(_ a: (start: Int, count: Int), _ b: (start: Int, count: Int)) -> Bool {
            a.count == b.count && (a.count == 0 || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + a.start, $0.baseAddress! + b.start, a.count) == 0 })
        }

        mutating func add(column: Int, label: Bool, _ lexical: UnsafeBufferPointer<UInt8>, language: Language) {
            let start = bytes.count
            bytes.append(contentsOf: lexical)
            let value = (start: start, count: lexical.count)
            if label { labels.append((start, lexical.count, language)) }
            if values.contains(where: { $0.column == column && same(($0.start, $0.count), value) }) {
                if !label { bytes.removeLast(lexical.count) }
                return
            }
            values.append((column, start, lexical.count))
        }

        static func language(_ tag: UnsafeBufferPointer<UInt8>?) -> Language {
            guard let tag, tag.count >= 2 else { return tag == nil ? .none : .other }
            func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            guard tag.count == 2 || tag[2] == 0x2D else { return .other }
            switch (lower(tag[0]), lower(tag[1])) {
            case (0x61, 0x72): return .ar
            case (0x65, 0x6E): return .en
            default: return .other
            }
        }
    }

    init(options: ExportOptions, source: NTriplesFile) throws {
        self.options = options
        self.source = source
        indent = options.indent
        let vocabulary = try IRIMinter(base: options.base).vocabulary
        splitter = Namespaces.splitter(vocabulary: vocabulary)
        knownBindings = Namespaces.splitter(vocabulary: vocabulary).bindings
        known = Set(knownBindings.map(\.prefix))
        knownNamespaces = knownBindings.map { Array($0.namespace.utf8) }
        scratch = try ScratchFile()
    }

    // MARK: Names (as RDFGraphMLWriter.write(source:to:))

    mutating func split(_ iri: String) -> (qname: String?, local: String?) {
        guard let q = try? splitter.split(iri) else { return (nil, nil) }
        return (known.contains(q.prefix) ? q.qualified : nil, q.localName)
    }

    mutating func short(_ iri: String) -> String {
        guard knownBindings.contains(where: { iri.utf8.starts(with: $0.namespace.utf8) }) else { return iri }
        if let s = shortNames[iri] { return s }
        let s = split(iri).qname ?? iri
        shortNames[iri] = s
        return s
    }

    mutating func column(_ p: Int) -> Int {
        if predicateInfo[p].column >= 0 { return predicateInfo[p].column }
        let iri = predicateInfo[p].iri
        let (qname, local) = split(iri)
        var name = RDFGraphMLWriter.columnName(qname ?? local ?? iri)
        if usedNames.contains(name) {
            var n = 2
            while usedNames.contains("\(name)_\(n)") { n += 1 }
            name = "\(name)_\(n)"
        }
        usedNames.insert(name)
        predicateInfo[p].column = columnKeys.count
        columnKeys.append(RDFGraphMLWriter.Key(id: "p\(columnKeys.count + 1)", domain: "node", name: name))
        return columnKeys.count - 1
    }

    // MARK: Reading

    mutating func read() throws {
        try source.forEachBlock { block, offset, first in try self.block(block, offset: offset, first: first) }
        closeRun()
        try scratch.flush(out)
    }

    mutating func block(_ b: UnsafeBufferPointer<UInt8>, offset: Int, first: Bool) throws {
        var i = 0
        let n = b.count
        var key = [UInt8]()
        while i < n {
            var t = FastLine()
            if !(first && i == 0), t.scan(b, from: i) {
                key.removeAll(keepingCapacity: true)
                key.append(0)
                key.append(contentsOf: UnsafeBufferPointer(rebasing: b[t.subject]))
                let p = predicate(UnsafeBufferPointer(rebasing: b[t.predicate]))
                if t.literal {
                    let language = RunData.language(t.language.map { UnsafeBufferPointer(rebasing: b[$0]) })
                    if let u = t.unescaped {
                        try u.withUnsafeBufferPointer {
                            try triple(subject: key, start: offset + i, end: offset + t.next, p: p, literal: $0, language: language, object: nil)
                        }
                    } else {
                        try triple(subject: key, start: offset + i, end: offset + t.next, p: p, literal: UnsafeBufferPointer(rebasing: b[t.object]),
                                   language: language, object: nil)
                    }
                } else {
                    var o = [UInt8]([0])
                    o.append(contentsOf: UnsafeBufferPointer(rebasing: b[t.object]))
                    try triple(subject: key, start: offset + i, end: offset + t.next, p: p, literal: nil, language: .none, object: o)
                }
                i = t.next
                line += 1
            } else {
                let end = FastLine.lineEnd(b, from: i)
                let lineBytes = UnsafeBufferPointer(rebasing: b[i..<end])
                var caches = self.caches
                let base = offset + i
                line = try NTriplesReader.parseLines(lineBytes, name: source.path, firstLine: line, atStart: first && i == 0,
                                                     caches: &caches) { t, start, end in try slow(t, start: base + start, end: base + end) }
                self.caches = caches
                i = end
            }
        }
    }

    mutating func slow(_ t: RDFTriple, start: Int, end: Int) throws {
        let s = Self.key(t.subject)
        let p = predicate(of: t)
        switch t.object {
        case let .literal(l):
            try Self.withLiteral(l) { try triple(subject: s, start: start, end: end, p: p, literal: $0, language: $1, object: nil) }
        default:
            try triple(subject: s, start: start, end: end, p: p, literal: nil, language: .none, object: Self.key(t.object))
        }
    }

    /// The interned id of a parsed triple's predicate.
    mutating func predicate(of t: RDFTriple) -> Int {
        var iri = t.predicate
        return iri.withUTF8 { predicate($0) }
    }

    /// A literal's lexical form as bytes, with its language.
    static func withLiteral<R>(_ l: RDFLiteral, _ body: (UnsafeBufferPointer<UInt8>, RunData.Language) throws -> R) rethrows -> R {
        var lexical = l.lexical
        let language: RunData.Language
        if var tag = l.language { language = tag.withUTF8 { RunData.language($0) } } else { language = .none }
        return try lexical.withUTF8 { try body($0, language) }
    }

    static func key(_ term: RDFTerm) -> [UInt8] {
        switch term {
        case let .iri(iri): return [0] + Array(iri.utf8)
        case let .blank(label): return [1] + Array(label.utf8)
        case let .literal(l): return [2] + Array(l.lexical.utf8)  // never a subject: the parser refuses it
        }
    }

    mutating func predicate(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        if let k = predicates.find(p) { return k }
        let iri = String(decoding: p, as: UTF8.self)
        let k = predicateInfo.count
        predicateInfo.append(PredicateInfo(iri: iri, isType: iri == RDFGraphMLWriter.rdfType,
                                           isLabel: RDFGraphMLWriter.labelPredicates.contains(iri)))
        predicates.insert(p, k)
        return k
    }

    mutating func node(_ key: [UInt8]) -> Int {
        if let k = key.withUnsafeBufferPointer({ nodes.find($0) }) { return k }
        let k = nodes.count
        key.withUnsafeBufferPointer { nodes.insert($0, k) }
        firstRun.append(nil)
        blockStart.append(-1)
        blockCount.append(0)
        return k
    }

    /// One triple, in document order (pass 1 of write(source:to:), with the data of pass 2 and the edges of pass 3).
    mutating func triple(subject: [UInt8], start: Int, end: Int, p: Int, literal: UnsafeBufferPointer<UInt8>?,
                         language: RunData.Language, object: [UInt8]?) throws {
        if runNode < 0 || subject != lastSubject {
            closeRun()
            runNode = node(subject)
            lastSubject = subject
            runStart = start
            runHasData = false
            run.reset()
        }
        runEnd = end
        let s = runNode
        if let literal {
            runHasData = true
            run.add(column: column(p), label: predicateInfo[p].isLabel, literal, language: language)
        } else if let object {
            if predicateInfo[p].isType {
                runHasData = true
                let id = typeName(object)
                if !run.types.contains(id) { run.types.append(id) }
            } else {
                let o = node(object)
                var e = predicateInfo[p].edge
                if e < 0 {
                    e = edgePredicates.count
                    predicateInfo[p].edge = e
                    predicateInfo[p].short = Array(short(predicateInfo[p].iri).utf8)
                    edgePredicates.append(p)
                }
                if s < 1 << 24, o < 1 << 24, e < 1 << 16 {
                    guard seenEdges.insert(UInt64(s) << 40 | UInt64(o) << 16 | UInt64(e)).inserted else { return }
                } else {
                    guard wideEdges.insert([s, o, e]).inserted else { return }
                }
                edges.append(Int32(s)); edges.append(Int32(o)); edges.append(Int32(e))
            }
        }
    }

    mutating func typeName(_ object: [UInt8]) -> Int {
        if let k = object.withUnsafeBufferPointer({ typeTerms.find($0) }) { return k }
        let text = String(decoding: object[1...], as: UTF8.self)
        let name = object[0] == 0 ? short(text) : "_:" + text
        let id: Int
        if let known = typeNameIDs[name] { id = known } else {
            id = typeNames.count
            typeNameIDs[name] = id
            typeNames.append(Array(name.utf8))
        }
        object.withUnsafeBufferPointer { typeTerms.insert($0, id) }
        return id
    }

    /// Ends the current run: a node's first run with data is written to the scratch file; a second one makes the
    /// node be written again at the end from all its runs.
    mutating func closeRun() {
        guard runNode >= 0, runHasData else { return }
        let r = runStart..<runEnd
        if firstRun[runNode] == nil {
            firstRun[runNode] = r
            let start = scratch.size + out.count
            render(runNode, run)
            blockStart[runNode] = start
            blockCount[runNode] = Int32(scratch.size + out.count - start)
            if out.count >= 1 << 20 { try? scratch.flush(out) }
        } else {
            moreRuns[runNode, default: []].append(r)
            blockStart[runNode] = -2
        }
    }

    // MARK: Writing

    mutating func write(to sink: OutputSink) throws {
        try scratch.check()
        let nodeKeyList = [RDFGraphMLWriter.Key(id: "label", domain: "node", name: "label"), .init(id: "iri", domain: "node", name: "iri"),
                           .init(id: "kind", domain: "node", name: "kind"), .init(id: "type", domain: "node", name: "type")] + columnKeys
        let edgeKeys = [RDFGraphMLWriter.Key(id: "elabel", domain: "edge", name: "label"), .init(id: "relation", domain: "edge", name: "relation"),
                        .init(id: "predicate", domain: "edge", name: "predicate")]
        let w = try XMLStreamWriter(sink: sink, indent: indent)
        try w.startDocument()
        try w.startElement(prefix: nil, name: "graphml", namespaceURI: GraphMLWriter.namespace)
        try RDFGraphMLWriter.writeKeys(nodeKeyList + edgeKeys, to: w)
        out.removeAll()
        if indent { out.append("  ") }
        if nodes.count == 0 {
            out.append("<graph id=\"G\" edgedefault=\"directed\"/>")
            newline()
        } else {
            out.append("<graph id=\"G\" edgedefault=\"directed\">")
            newline()
            var reader = scratch.reader()
            for i in 0..<nodes.count {
                if blockStart[i] >= 0 {
                    try reader.copy(from: blockStart[i], count: Int(blockCount[i]), into: out)
                } else {
                    var data = RunData()
                    if blockStart[i] == -2 {
                        for r in [firstRun[i]!] + (moreRuns[i] ?? []) {
                            try source.forEachTriple(from: r.lowerBound, to: r.upperBound) { t in
                                let p = predicate(of: t)
                                switch t.object {
                                case let .literal(l):
                                    let c = column(p)
                                    Self.withLiteral(l) { data.add(column: c, label: predicateInfo[p].isLabel, $0, language: $1) }
                                default:
                                    guard predicateInfo[p].isType else { return }
                                    let id = typeName(Self.key(t.object))
                                    if !data.types.contains(id) { data.types.append(id) }
                                }
                            }
                        }
                    }
                    render(i, data)
                }
                if out.count >= 1 << 18 { try w.raw(out.bytes); out.removeAll() }
            }
            for k in stride(from: 0, to: edges.count, by: 3) {
                renderEdge(k / 3 + 1, Int(edges[k]), Int(edges[k + 1]), predicateInfo[edgePredicates[Int(edges[k + 2])]])
                if out.count >= 1 << 18 { try w.raw(out.bytes); out.removeAll() }
            }
            if indent { out.append("  ") }
            out.append("</graph>")
            newline()
        }
        try w.raw(out.bytes)
        out.removeAll()
        try w.endElement()
        try w.endDocument()
    }
}

// The markup of NTriplesToGraphML: nodes, edges and their data, as libxml2's xmlTextWriter writes them (indented
// or not), escaped by XMLEscapedBuffer.

import KBWriters
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension NTriplesToGraphML {
    func newline() { if indent { out.append(0x0A) } }

    func appendNumber(_ n: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = n, k = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[k] = UInt8(0x30 + v % 10); v /= 10; k += 1 } while v > 0
            while k > 0 { k -= 1; out.append(d[k]) }
        }
    }

    /// `<node id="n…">` with label, iri, kind, type and the literal columns.
    mutating func render(_ i: Int, _ data: RunData) {
        keyScratch.removeAll(keepingCapacity: true)
        nodes.withKey(i) { keyScratch.append(contentsOf: $0) }
        let key = keyScratch
        if indent { out.append("    ") }
        out.append("<node id=\"n")
        appendNumber(i + 1)
        out.append("\">")
        newline()
        // label: @ar, then @en (the other way round with preferEnglishLabels), no language, any.
        let order: [RunData.Language] = options.preferEnglishLabels ? [.en, .ar, .none] : [.ar, .en, .none]
        var label: (start: Int, count: Int)?
        data.bytes.withUnsafeBufferPointer { all in
            for language in order where label == nil {
                if let l = data.labels.first(where: { $0.language == language && !isBlank(UnsafeBufferPointer(rebasing: all[$0.start..<($0.start + $0.count)])) }) {
                    label = (l.start, l.count)
                }
            }
            if label == nil, let l = data.labels.first(where: { !isBlank(UnsafeBufferPointer(rebasing: all[$0.start..<($0.start + $0.count)])) }) {
                label = (l.start, l.count)
            }
            if let label {
                dataElement("label", UnsafeBufferPointer(rebasing: all[label.start..<(label.start + label.count)]))
            }
        }
        if label == nil {
            if key[0] == 0, !inKnownNamespace(key) {
                shown(key) { dataElement("label", $0) }  // short(iri) is the IRI
            } else if key[0] == 0 {
                let s = Array(short(String(decoding: key[1...], as: UTF8.self)).utf8)
                s.withUnsafeBufferPointer { dataElement("label", $0) }
            } else {
                shown(key) { dataElement("label", $0) }
            }
        }
        shown(key) { dataElement("iri", $0) }
        dataElement("kind", key[0] == 0 ? "iri" : "blank")
        if !data.types.isEmpty {
            joined.removeAll(keepingCapacity: true)
            for (k, t) in data.types.enumerated() {
                if k > 0 { joined.append(contentsOf: GraphMLWriter.listSeparator.utf8) }
                joined.append(contentsOf: typeNames[t])
            }
            joined.withUnsafeBufferPointer { dataElement("type", $0) }
        }
        var columns = [Int]()
        for v in data.values where !columns.contains(v.column) { columns.append(v.column) }
        columns.sort()
        for c in columns {
            joined.removeAll(keepingCapacity: true)
            var first = true
            for v in data.values where v.column == c {
                if !first { joined.append(contentsOf: GraphMLWriter.listSeparator.utf8) }
                first = false
                joined.append(contentsOf: data.bytes[v.start..<(v.start + v.count)])
            }
            let id = columnKeys[c].id
            joined.withUnsafeBufferPointer { dataElement(id, $0) }
        }
        if indent { out.append("    ") }
        out.append("</node>")
        newline()
    }

    /// Whether the IRI of a node key starts with a namespace kbexport knows (short() may then make a QName).
    func inKnownNamespace(_ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { k in
            knownNamespaces.contains { ns in
                ns.count <= k.count - 1 && ns.withUnsafeBufferPointer { memcmp(k.baseAddress! + 1, $0.baseAddress!, ns.count) == 0 }
            }
        }
    }

    /// The node's `iri` value: the IRI, or `_:label`.
    func shown(_ key: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if key[0] == 0 { key.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[1...])) } }
        else { (Array("_:".utf8) + key[1...]).withUnsafeBufferPointer { body($0) } }
    }

    mutating func renderEdge(_ id: Int, _ s: Int, _ o: Int, _ p: PredicateInfo) {
        if indent { out.append("    ") }
        out.append("<edge id=\"e")
        appendNumber(id)
        out.append("\" source=\"n")
        appendNumber(s + 1)
        out.append("\" target=\"n")
        appendNumber(o + 1)
        out.append("\">")
        newline()
        p.short.withUnsafeBufferPointer { dataElement("elabel", $0); dataElement("relation", $0) }
        var iri = p.iri
        iri.withUTF8 { dataElement("predicate", $0) }
        if indent { out.append("    ") }
        out.append("</edge>")
        newline()
    }

    func dataElement(_ key: String, _ value: String) {
        var value = value
        value.withUTF8 { dataElement(key, $0) }
    }

    /// `<data key="…">value</data>`, left out when the value is blank; characters XML 1.0 cannot carry removed.
    func dataElement(_ key: String, _ value: UnsafeBufferPointer<UInt8>) {
        guard !isBlank(value) else { return }
        if indent { out.append("      ") }
        out.append("<data key=\"")
        out.appendAttribute(key)
        out.append("\">")
        if NTriplesToRDFXML.Pass.isAllXMLChars(value) {
            out.appendText(UnsafeRawBufferPointer(value))
        } else {
            out.appendText(XMLText.sanitize(String(decoding: value, as: UTF8.self)).text)
        }
        out.append("</data>")
        newline()
    }

    /// RDFGraphMLWriter.isBlank of UTF-8 bytes: a printable ASCII character anywhere is never blank.
    func isBlank(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in value where c > 0x20 && c < 0x7F { return false }
        return XMLText.sanitize(String(decoding: value, as: UTF8.self)).text.allSatisfy(\.isWhitespace)
    }
}

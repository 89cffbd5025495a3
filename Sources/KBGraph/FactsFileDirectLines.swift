// Facts-file lines of facts and entities built directly, as the encoder (`FactsFile.encoder`: keys sorted, slashes
// not escaped) writes them: JSONEncoder's Codable machinery was most of the cost of writing a facts file (mentions
// have their own, `FactsFile.mentionLine`). Anything the encoder might write otherwise (a string with a control character, a number it might
// not write as a plain decimal) answers nil, and the line takes the encoder (`FactsFileDirectLinesTests`).

import Foundation

extension FactsFile {
    /// The line of `f` (without the newline) as `line("fact", f, encoder())` writes it, or nil (see the top of the file).
    static func factLine(_ f: Fact) -> Data? {
        var w = PlainJSON()
        w.raw("{\"record\":\"fact\",")
        if let a = f.attribution {
            w.raw("\"attribution\":")
            guard w.attribution(a) else { return nil }
            w.raw(",")
        }
        w.raw("\"confidence\":")
        guard w.number(f.confidence) else { return nil }
        if let d = f.date {
            w.raw(",\"date\":")
            guard w.date(d) else { return nil }
        }
        if !f.evidence.isEmpty {
            w.raw(",\"evidence\":[")
            for (k, e) in f.evidence.enumerated() {
                if k > 0 { w.raw(",") }
                guard w.evidence(e) else { return nil }
            }
            w.raw("]")
        }
        w.raw(",\"id\":")
        guard w.string(f.id) else { return nil }
        w.raw(",\"modality\":")
        guard w.string(f.modality.rawValue) else { return nil }
        w.raw(",\"object\":")
        guard w.string(f.object) else { return nil }
        if let p = f.place {
            w.raw(",\"place\":")
            guard w.string(p) else { return nil }
        }
        w.raw(",\"provenance\":")
        guard w.provenance(f.provenance) else { return nil }
        if let r = f.role {
            w.raw(",\"role\":")
            guard w.string(r) else { return nil }
        }
        w.raw(",\"rule\":")
        guard w.string(f.rule) else { return nil }
        w.raw(",\"subject\":")
        guard w.string(f.subject) else { return nil }
        if !f.evidence.isEmpty { w.raw(",\"support\":\(f.evidence.count)") }
        w.raw(",\"type\":")
        guard w.string(f.type) else { return nil }
        w.raw("}")
        return Data(w.out.utf8)
    }

    /// The line of `e` (without the newline) as `line("entity", e, encoder())` writes it, or nil.
    static func entityLine(_ e: Entity) -> Data? {
        var w = PlainJSON()
        w.raw("{\"record\":\"entity\",\"documents\":")
        guard w.strings(e.documents) else { return nil }
        w.raw(",\"fromGazetteer\":\(e.fromGazetteer)")
        if let g = e.geonames {
            w.raw(",\"geonames\":")
            guard w.string(g) else { return nil }
        }
        w.raw(",\"id\":")
        guard w.string(e.id) else { return nil }
        w.raw(",\"labelAr\":")
        guard w.string(e.labelAr) else { return nil }
        if let l = e.labelEn {
            w.raw(",\"labelEn\":")
            guard w.string(l) else { return nil }
        }
        if let lat = e.lat {
            w.raw(",\"lat\":")
            guard w.number(lat) else { return nil }
        }
        if let lon = e.lon {
            w.raw(",\"lon\":")
            guard w.number(lon) else { return nil }
        }
        w.raw(",\"mentionCount\":\(e.mentionCount),\"subtype\":")
        guard w.string(e.subtype) else { return nil }
        w.raw(",\"surfaceForms\":")
        guard w.strings(e.surfaceForms) else { return nil }
        w.raw(",\"type\":")
        guard w.string(e.type.rawValue) else { return nil }
        if let q = e.wikidata {
            w.raw(",\"wikidata\":")
            guard w.string(q) else { return nil }
        }
        w.raw("}")
        return Data(w.out.utf8)
    }
}

/// JSON text of the values a fact holds, as the facts file's encoder writes them (keys in sorted order).
private struct PlainJSON {
    var out = ""

    mutating func raw(_ s: String) { out += s }

    /// A string between quotes, `"` and `\` escaped with a backslash and `/` as it is (the encoder does not escape
    /// slashes); false for a control character, DEL, U+2028 or U+2029 (left to the encoder).
    mutating func string(_ s: String) -> Bool {
        var s = s
        var quotes = false
        let plain = s.withUTF8 { b -> Bool in
            var i = 0
            while i < b.count {
                let x = b[i]
                if x < 0x20 || x == 0x7F { return false }
                if x == 0x22 || x == 0x5C { quotes = true }
                if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
                i += 1
            }
            return true
        }
        guard plain else { return false }
        out += "\""
        if quotes {
            for u in s.unicodeScalars {
                if u == "\"" || u == "\\" { out.unicodeScalars.append("\\") }
                out.unicodeScalars.append(u)
            }
        } else {
            out += s
        }
        out += "\""
        return true
    }

    /// An array of strings.
    mutating func strings(_ a: [String]) -> Bool {
        raw("[")
        for (k, s) in a.enumerated() {
            if k > 0 { raw(",") }
            guard string(s) else { return false }
        }
        raw("]")
        return true
    }

    /// A whole number (written without a fraction) or a plain decimal `0.87`, `-5.25` (no exponent); not −0.
    mutating func number(_ d: Double) -> Bool {
        guard d.isFinite, abs(d) < 1e15, !(d == 0 && d.sign == .minus) else { return false }
        if d == d.rounded() { out += String(Int64(d)); return true }
        let s = d.description
        guard s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) else { return false }
        out += s
        return true
    }

    mutating func date(_ d: FactDate) -> Bool {
        raw("{\"precision\":")
        guard string(d.precision.rawValue) else { return false }
        raw(",\"value\":")
        guard string(d.value) else { return false }
        raw("}")
        return true
    }

    mutating func attribution(_ a: Attribution) -> Bool {
        guard let s = a.source else { raw("{}"); return true }
        raw("{\"source\":")
        guard string(s) else { return false }
        raw("}")
        return true
    }

    mutating func provenance(_ p: Provenance) -> Bool {
        raw("{\"documentID\":")
        guard string(p.documentID) else { return false }
        raw(",\"sentence\":")
        guard string(p.sentence) else { return false }
        raw(",\"sentenceBegin\":\(p.sentenceBegin),\"sentenceEnd\":\(p.sentenceEnd),\"spanBegin\":\(p.spanBegin),\"spanEnd\":\(p.spanEnd)}")
        return true
    }

    mutating func evidence(_ e: Evidence) -> Bool {
        raw("{")
        if let a = e.attribution {
            raw("\"attribution\":")
            guard attribution(a) else { return false }
            raw(",")
        }
        raw("\"confidence\":")
        guard number(e.confidence) else { return false }
        if let d = e.date {
            raw(",\"date\":")
            guard date(d) else { return false }
        }
        raw(",\"documentID\":")
        guard string(e.documentID) else { return false }
        raw(",\"id\":")
        guard string(e.id) else { return false }
        raw(",\"rule\":")
        guard string(e.rule) else { return false }
        raw(",\"sentence\":")
        guard string(e.sentence) else { return false }
        raw(",\"sentenceBegin\":\(e.sentenceBegin),\"sentenceEnd\":\(e.sentenceEnd),\"spanBegin\":\(e.spanBegin),\"spanEnd\":\(e.spanEnd)}")
        return true
    }
}

// The facts file's fast path: one line of plain JSON decoded into a record without JSONDecoder, with exactly the
// defaults of the Decodable initialisers (FactsFile.swift). Anything it is not sure of (an escape it does not
// handle, a number that is not a plain integer where an Int goes, a duplicate key, null where a value is required,
// an unknown record) answers nil, and the line goes through JSONDecoder, which decodes it or names the error.

/// A JSON value, as far as the facts file needs it.
private enum JSON {
    case string(String)
    case number(Substring)
    case bool(Bool)
    case null
    case object([(key: String, value: JSON)])
    case array([JSON])

    var string: String? { if case let .string(s) = self { return s } else { return nil } }
}

private struct JSONScanner {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    mutating func space() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 } }

    /// The whole line as one object, nil when anything is unusual.
    mutating func document() -> [(key: String, value: JSON)]? {
        space()
        guard case let .object(fields)? = value(depth: 0) else { return nil }
        space()
        return i == b.count ? fields : nil
    }

    mutating func value(depth: Int) -> JSON? {
        guard i < b.count, depth < 8 else { return nil }
        switch b[i] {
        case 0x22: return string().map(JSON.string)
        case 0x7B:
            i += 1
            var fields = [(key: String, value: JSON)]()
            space()
            if i < b.count, b[i] == 0x7D { i += 1; return .object(fields) }
            while true {
                space()
                guard let key = string() else { return nil }
                if fields.contains(where: { $0.key == key }) { return nil }
                space()
                guard i < b.count, b[i] == 0x3A else { return nil }
                i += 1
                space()
                guard let v = value(depth: depth + 1) else { return nil }
                fields.append((key, v))
                space()
                guard i < b.count else { return nil }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x7D { i += 1; return .object(fields) }
                return nil
            }
        case 0x5B:
            i += 1
            var items = [JSON]()
            space()
            if i < b.count, b[i] == 0x5D { i += 1; return .array(items) }
            while true {
                space()
                guard let v = value(depth: depth + 1) else { return nil }
                items.append(v)
                space()
                guard i < b.count else { return nil }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x5D { i += 1; return .array(items) }
                return nil
            }
        case 0x74: return literal("true", .bool(true))
        case 0x66: return literal("false", .bool(false))
        case 0x6E: return literal("null", .null)
        case 0x2D, 0x30...0x39:
            // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
            let start = i
            func digits() -> Int { let s = i; while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }; return i - s }
            if b[i] == 0x2D { i += 1 }
            guard i < b.count else { return nil }
            if b[i] == 0x30 { i += 1 } else if digits() == 0 { return nil }
            if i < b.count, b[i] == 0x2E { i += 1; guard digits() > 0 else { return nil } }
            if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
                i += 1
                if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                guard digits() > 0 else { return nil }
            }
            return .number(Substring(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)))
        default: return nil
        }
    }

    mutating func literal(_ word: StaticString, _ v: JSON) -> JSON? {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return nil }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { return nil }
        i += n
        return v
    }

    /// A string: plain bytes (validated UTF-8) with the simple escapes; nil for \u escapes of surrogates, control
    /// characters or invalid UTF-8 (JSONDecoder decides those).
    mutating func string() -> String? {
        guard i < b.count, b[i] == 0x22 else { return nil }
        i += 1
        let start = i
        var escaped = false
        while i < b.count, b[i] != 0x22 {
            let c = b[i]
            if c < 0x20 { return nil }
            if c == 0x5C { escaped = true; i += 2; continue }
            i += 1
        }
        guard i < b.count else { return nil }
        let raw = UnsafeBufferPointer(rebasing: b[start..<i])
        i += 1
        if !escaped { return String(validating: raw, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            let c = raw[k]
            guard c == 0x5C else { out.append(c); k += 1; continue }
            guard k + 1 < raw.count else { return nil }
            switch raw[k + 1] {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard k + 5 < raw.count else { return nil }
                var v: UInt32 = 0
                for d in raw[(k + 2)...(k + 5)] {
                    switch d {
                    case 0x30...0x39: v = v * 16 + UInt32(d - 0x30)
                    case 0x41...0x46: v = v * 16 + UInt32(d - 0x41 + 10)
                    case 0x61...0x66: v = v * 16 + UInt32(d - 0x61 + 10)
                    default: return nil
                    }
                }
                guard let u = Unicode.Scalar(v) else { return nil }   // surrogates: JSONDecoder's business
                out.append(contentsOf: String(u).utf8)
                k += 6
                continue
            default: return nil
            }
            k += 2
        }
        return String(validating: out, as: UTF8.self)
    }
}

/// Field access with the Decodable initialisers' rules: `required` fails on absent or null; `optional` is nil on
/// absent or null; a value of the wrong type fails (nil from the whole record).
private struct Fields {
    let fields: [(key: String, value: JSON)]
    var failed = false

    init(_ fields: [(key: String, value: JSON)]) { self.fields = fields }

    func raw(_ key: String) -> JSON? {
        guard let v = fields.first(where: { $0.key == key })?.value else { return nil }
        if case .null = v { return nil }
        return v
    }

    mutating func string(_ key: String) -> String? {
        guard let v = raw(key) else { failed = true; return nil }
        guard let s = v.string else { failed = true; return nil }
        return s
    }

    mutating func optionalString(_ key: String) -> String? {
        guard let v = raw(key) else { return nil }
        guard let s = v.string else { failed = true; return nil }
        return s
    }

    mutating func int(_ key: String, required: Bool) -> Int? {
        guard let v = raw(key) else { if required { failed = true }; return nil }
        guard case let .number(n) = v, let x = Int(n) else { failed = true; return nil }
        return x
    }

    mutating func double(_ key: String) -> Double? {
        guard let v = raw(key) else { return nil }
        guard case let .number(n) = v, let x = Double(n), x.isFinite else { failed = true; return nil }
        return x
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let v = raw(key) else { return nil }
        guard case let .bool(x) = v else { failed = true; return nil }
        return x
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let v = raw(key) else { return nil }
        guard case let .array(items) = v else { failed = true; return nil }
        var out = [String]()
        out.reserveCapacity(items.count)
        for item in items {
            guard let s = item.string else { failed = true; return nil }
            out.append(s)
        }
        return out
    }

    mutating func object(_ key: String, required: Bool) -> Fields? {
        guard let v = raw(key) else { if required { failed = true }; return nil }
        guard case let .object(f) = v else { failed = true; return nil }
        return Fields(f)
    }

    /// `"attribution":{"source":…}` (the source optional), nil when absent.
    mutating func attribution() -> Attribution? {
        guard var a = object("attribution", required: false) else { return nil }
        let source = a.optionalString("source")
        if a.failed { failed = true }
        return Attribution(source: source)
    }
}

extension FactsFile {
    /// The record on a line of plain JSON, or nil when JSONDecoder must decide.
    static func fastRecord(_ bytes: UnsafeBufferPointer<UInt8>) -> Record? {
        var scanner = JSONScanner(bytes)
        guard let top = scanner.document() else { return nil }
        var f = Fields(top)
        guard let kind = f.string("record") else { return nil }
        let record: Record
        switch kind {
        case "kbexport-facts":
            record = .header(version: f.int("version", required: false))
        case "document":
            guard let id = f.string("id") else { return nil }
            record = .document(Document(
                id: id, path: f.optionalString("path") ?? id, url: f.optionalString("url"), outlet: f.optionalString("outlet"),
                published: f.optionalString("published"), title: f.optionalString("title"),
                length: f.int("length", required: false) ?? 0))
        case "entity":
            guard let id = f.string("id"), let typeName = f.string("type"), let type = EntityType(rawValue: typeName),
                  let labelAr = f.string("labelAr") else { return nil }
            record = .entity(Entity(
                id: id, type: type, subtype: f.optionalString("subtype") ?? "", labelAr: labelAr,
                labelEn: f.optionalString("labelEn"), wikidata: f.optionalString("wikidata"),
                surfaceForms: f.strings("surfaceForms") ?? [], mentionCount: f.int("mentionCount", required: false) ?? 0,
                documents: f.strings("documents") ?? [], fromGazetteer: f.bool("fromGazetteer") ?? false,
                lat: f.double("lat"), lon: f.double("lon"), geonames: f.optionalString("geonames")))
        case "mention":
            guard let entityID = f.string("entityID"), let documentID = f.string("documentID"),
                  let begin = f.int("begin", required: true), let end = f.int("end", required: true),
                  let text = f.string("text") else { return nil }
            record = .mention(Mention(entityID: entityID, documentID: documentID, begin: begin, end: end, text: text,
                                      adjective: f.bool("adjective")))
        case "fact":
            guard let id = f.string("id"), let type = f.string("type"), let subject = f.string("subject"),
                  let object = f.string("object"), var p = f.object("provenance", required: true) else { return nil }
            guard let documentID = p.string("documentID"), let sentenceBegin = p.int("sentenceBegin", required: true),
                  let sentenceEnd = p.int("sentenceEnd", required: true), let sentence = p.string("sentence"),
                  let spanBegin = p.int("spanBegin", required: true), let spanEnd = p.int("spanEnd", required: true),
                  !p.failed else { return nil }
            var date: FactDate?
            if var d = f.object("date", required: false) {
                guard let value = d.string("value"), let precisionName = d.string("precision"),
                      let precision = FactDate.Precision(rawValue: precisionName), !d.failed else { return nil }
                date = FactDate(value: value, precision: precision)
            }
            var evidence = [Evidence]()
            if let raw = f.raw("evidence") {
                // every entry as Evidence's Decodable reads it; anything unusual goes to JSONDecoder
                guard case let .array(items) = raw else { return nil }
                evidence.reserveCapacity(items.count)
                for item in items {
                    guard case let .object(fields) = item else { return nil }
                    var e = Fields(fields)
                    guard let documentID = e.string("documentID"), let sentenceBegin = e.int("sentenceBegin", required: true),
                          let sentenceEnd = e.int("sentenceEnd", required: true), let sentence = e.string("sentence"),
                          let spanBegin = e.int("spanBegin", required: true), let spanEnd = e.int("spanEnd", required: true)
                    else { return nil }
                    var date: FactDate?
                    if var d = e.object("date", required: false) {
                        guard let value = d.string("value"), let precisionName = d.string("precision"),
                              let precision = FactDate.Precision(rawValue: precisionName), !d.failed else { return nil }
                        date = FactDate(value: value, precision: precision)
                    }
                    let entry = Evidence(
                        id: e.optionalString("id") ?? "",
                        provenance: Provenance(documentID: documentID, sentenceBegin: sentenceBegin, sentenceEnd: sentenceEnd,
                                               sentence: sentence, spanBegin: spanBegin, spanEnd: spanEnd),
                        rule: e.optionalString("rule") ?? "external", confidence: e.double("confidence") ?? 1.0, date: date,
                        attribution: e.attribution())
                    guard !e.failed else { return nil }
                    evidence.append(entry)
                }
            }
            // `support` is derived (the number of evidence entries); a non-integer one is JSONDecoder's to judge
            _ = f.int("support", required: false)
            var modality = Modality.asserted
            if let m = f.optionalString("modality") {
                guard let known = Modality(rawValue: m) else { return nil }
                modality = known
            }
            record = .fact(Fact(
                id: id, type: type, subject: subject, object: object, place: f.optionalString("place"), date: date,
                role: f.optionalString("role"), modality: modality, attribution: f.attribution(),
                provenance: Provenance(documentID: documentID, sentenceBegin: sentenceBegin, sentenceEnd: sentenceEnd,
                                       sentence: sentence, spanBegin: spanBegin, spanEnd: spanEnd),
                rule: f.optionalString("rule") ?? "external", confidence: f.double("confidence") ?? 1.0, evidence: evidence))
        default:
            return nil
        }
        return f.failed ? nil : record
    }
}

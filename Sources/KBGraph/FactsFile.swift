import Foundation

/// The facts file: kbexport's open interface for other extractors (JSON Lines, UTF-8).
///
/// One JSON object per line, each with a `"record"` field saying what it is:
///
/// ```
/// {"record":"kbexport-facts","version":1}
/// {"record":"document","id":"doc-a","path":"a.txt","url":"…","published":"2018-08-07","length":1520}
/// {"record":"entity","id":"per-khalifa-haftar","type":"PERSON","labelAr":"خليفة حفتر","labelEn":"Khalifa Haftar",…}
/// {"record":"mention","entityID":"per-khalifa-haftar","documentID":"doc-a","begin":10,"end":20,"text":"خليفة حفتر"}
/// {"record":"fact","id":"f-1","type":"VISIT","subject":"per-…","object":"plc-niamey","date":{"value":"2018-08-07","precision":"day"},
///  "modality":"asserted","provenance":{"documentID":"doc-a","sentenceBegin":0,"sentenceEnd":79,"sentence":"…",
///  "spanBegin":0,"spanEnd":40},"rule":"visit.verb","confidence":0.87}
/// ```
///
/// Field names and types are those of `Document`, `Entity`, `Mention` and `Fact`; optional fields may be
/// left out. Offsets count Unicode code points. The header line is optional when reading; records may come
/// in any order (documents and entities are needed only by the end of the file). Writing is deterministic:
/// header, documents, entities, mentions, facts, each sorted by id, keys sorted.
public enum FactsFile {
    public static let version = 1

    /// Why a facts file could not be read: file, line and reason.
    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let line: Int
        public let reason: String
        public var description: String { "\(path):\(line): \(reason)" }
        public init(path: String, line: Int, reason: String) { self.path = path; self.line = line; self.reason = reason }
    }

    private struct Tag: Codable { var record: String; var version: Int? }

    private static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A model value JSON numbers cannot carry (a NaN confidence) is written as a string instead of failing
        // the whole export with an EncodingError; `read` accepts it back (issue 5, found by the property tests).
        e.nonConformingFloatEncodingStrategy = nonConforming.encoding
        return e
    }

    private static let nonConforming = (
        encoding: JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"),
        decoding: JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN"))

    /// Encodes a record as one line (without the newline), with its `record` tag first.
    private static func line<T: Encodable>(_ kind: String, _ value: T, _ e: JSONEncoder) throws -> Data {
        let body = try e.encode(value)
        var out = Data("{\"record\":\"\(kind)\",".utf8)
        out.append(body.dropFirst())   // body starts with "{"
        return out
    }

    /// The whole graph as facts-file lines, in canonical order, each ending in "\n".
    public static func lines(_ graph: KnowledgeGraph) throws -> [Data] {
        var g = graph
        g.canonicalize()
        let e = encoder()
        var out: [Data] = [Data("{\"record\":\"kbexport-facts\",\"version\":\(version)}".utf8)]
        for d in g.documents { out.append(try line("document", d, e)) }
        for x in g.entities { out.append(try line("entity", x, e)) }
        for m in g.mentions { out.append(try line("mention", m, e)) }
        for f in g.facts { out.append(try line("fact", f, e)) }
        return out.map { var d = $0; d.append(0x0A); return d }
    }

    /// Reads a facts file (from any extractor that follows the format).
    public static func read(data: Data, path: String) throws -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = nonConforming.decoding
        var lineNo = 0
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            var bytes = Data(raw)
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            func fail(_ why: String) -> ReadError { ReadError(path: path, line: lineNo, reason: why) }
            let tag: Tag
            do { tag = try d.decode(Tag.self, from: bytes) } catch {
                throw fail("not a JSON object with a \"record\" field (\(String(describing: error).prefix(120)))")
            }
            do {
                switch tag.record {
                case "kbexport-facts":
                    if let v = tag.version, v > version { throw fail("facts file version \(v) is newer than this kbexport (\(version))") }
                case "document": g.documents.append(try d.decode(Document.self, from: bytes))
                case "entity": g.entities.append(try d.decode(Entity.self, from: bytes))
                case "mention": g.mentions.append(try d.decode(Mention.self, from: bytes))
                case "fact": g.facts.append(try d.decode(Fact.self, from: bytes))
                default: throw fail("unknown record \"\(tag.record)\" (expected document, entity, mention or fact)")
                }
            } catch let e as ReadError { throw e } catch let DecodingError.keyNotFound(key, _) {
                throw fail("\(tag.record): missing field \"\(key.stringValue)\"")
            } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
                throw fail("\(tag.record): wrong type at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))")
            } catch let DecodingError.dataCorrupted(ctx) {
                throw fail("\(tag.record): invalid value at \(ctx.codingPath.map(\.stringValue).joined(separator: ".")): \(ctx.debugDescription)")
            } catch {
                throw fail("\(tag.record): \(error)")
            }
        }
        // every fact must point at known entities and documents
        let entities = Set(g.entities.map(\.id)), documents = Set(g.documents.map(\.id))
        for f in g.facts {
            for (field, id) in [("subject", f.subject), ("object", f.object)] + (f.place.map { [("place", $0)] } ?? [])
            where !entities.contains(id) {
                throw ReadError(path: path, line: lineNo, reason: "fact \(f.id): \(field) \"\(id)\" is not an entity of the file")
            }
            if !documents.contains(f.provenance.documentID) {
                throw ReadError(path: path, line: lineNo, reason: "fact \(f.id): document \"\(f.provenance.documentID)\" is not in the file")
            }
        }
        g.canonicalize()
        return g
    }
}

// Decoding with defaults, so that other extractors need to write only what they know.
// (Encoding stays synthesized: every field is written.)
extension Entity {
    private enum Keys: String, CodingKey {
        case id, type, subtype, labelAr, labelEn, wikidata, surfaceForms, mentionCount, documents, fromGazetteer
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(id: try c.decode(String.self, forKey: .id), type: try c.decode(EntityType.self, forKey: .type),
                  subtype: try c.decodeIfPresent(String.self, forKey: .subtype) ?? "",
                  labelAr: try c.decode(String.self, forKey: .labelAr),
                  labelEn: try c.decodeIfPresent(String.self, forKey: .labelEn),
                  wikidata: try c.decodeIfPresent(String.self, forKey: .wikidata),
                  surfaceForms: try c.decodeIfPresent([String].self, forKey: .surfaceForms) ?? [],
                  mentionCount: try c.decodeIfPresent(Int.self, forKey: .mentionCount) ?? 0,
                  documents: try c.decodeIfPresent([String].self, forKey: .documents) ?? [],
                  fromGazetteer: try c.decodeIfPresent(Bool.self, forKey: .fromGazetteer) ?? false)
    }
}

extension Document {
    private enum Keys: String, CodingKey { case id, path, url, outlet, published, title, length }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let id = try c.decode(String.self, forKey: .id)
        self.init(id: id, path: try c.decodeIfPresent(String.self, forKey: .path) ?? id,
                  url: try c.decodeIfPresent(String.self, forKey: .url), outlet: try c.decodeIfPresent(String.self, forKey: .outlet),
                  published: try c.decodeIfPresent(String.self, forKey: .published),
                  title: try c.decodeIfPresent(String.self, forKey: .title),
                  length: try c.decodeIfPresent(Int.self, forKey: .length) ?? 0)
    }
}

extension Fact {
    private enum Keys: String, CodingKey {
        case id, type, subject, object, place, date, role, modality, provenance, rule, confidence
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(id: try c.decode(String.self, forKey: .id), type: try c.decode(String.self, forKey: .type),
                  subject: try c.decode(String.self, forKey: .subject), object: try c.decode(String.self, forKey: .object),
                  place: try c.decodeIfPresent(String.self, forKey: .place),
                  date: try c.decodeIfPresent(FactDate.self, forKey: .date),
                  role: try c.decodeIfPresent(String.self, forKey: .role),
                  modality: try c.decodeIfPresent(Modality.self, forKey: .modality) ?? .asserted,
                  provenance: try c.decode(Provenance.self, forKey: .provenance),
                  rule: try c.decodeIfPresent(String.self, forKey: .rule) ?? "external",
                  confidence: try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 1.0)
    }
}

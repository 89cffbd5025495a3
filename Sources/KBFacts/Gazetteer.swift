import Foundation
import KBResources
import KBGraph
import KBText

/// One entry of the bundled gazetteer (`Resources/gazetteer.tsv`): general knowledge only.
public struct GazetteerEntry: Sendable, Hashable {
    public let id: String
    public let type: EntityType
    public let subtype: String
    public let en: String
    public let ar: String
    public let aliases: [String]
    public let adjectives: [String]
    public let wikidata: String?
    public let partOf: String?
    public let capitalOf: String?
    /// GeoNames id and WGS84 coordinates (from `places-geonames.tsv`), else nil.
    public var geonames: String? = nil
    public var lat: Double? = nil
    public var lon: Double? = nil
}

/// Errors in a gazetteer file, with file and line.
public struct GazetteerError: Error, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let reason: String
    public var description: String { "\(path):\(line): \(reason)" }
}

/// The gazetteer and its lookup indexes. Keys are normalised token sequences joined by one space.
public final class Gazetteer: @unchecked Sendable {
    public let entries: [GazetteerEntry]
    private let byID: [String: Int]
    /// normalised name → entry indexes (names and aliases).
    private(set) var names: [NormKey: [Int]] = [:]
    /// normalised adjective (without ال) → entry indexes.
    private var adjectives: [NormKey: [Int]] = [:]
    /// Longest name, in tokens.
    public private(set) var maxTokens = 1
    /// First word of every name → the most words a name starting with it has (lookups start here).
    private var firstWords: [NormKey: Int] = [:]
    /// The same for the first two words of names of two words or more ("w1 w2" → most words).
    private(set) var firstTwoWords: [NormKey: Int] = [:]

    /// Every normalised token that can start a gazetteer match (a name's first word or an adjective, alone
    /// or behind one proclitic): a superset, so a token not in it has no match and needs no further lookup.
    /// Only plain tokens are looked up, so only what equals a plain string is kept, as plain bytes (``PlainKeyIndex``):
    /// the first words and adjectives that are plain themselves (a token behind a proclitic is found by taking the
    /// proclitic off: ``isMatchStart(_:)``), and every form of the others, clitics put before them.
    private var plainStarts = PlainKeyIndex()
    private var otherStarts = PlainKeyIndex()

    /// For each person entry: its name and aliases as normalised token lists (what the linker registers).
    private var personNameTokens: [Int: [[String]]] = [:]

    /// Country id → the first entry that is part of it and named "Government of <country>" (see `government(of:)`).
    private var governments: [String: String] = [:]

    public init(entries: [GazetteerEntry]) {
        self.entries = entries
        var ids: [String: Int] = [:]
        for (i, e) in entries.enumerated() where ids[e.id] == nil { ids[e.id] = i }
        byID = ids
        for e in entries {
            guard let c = e.partOf, governments[c] == nil, e.en.hasPrefix("Government of "),
                  let ce = ids[c].map({ entries[$0] }), ce.subtype == "country", e.en == "Government of " + ce.en else { continue }
            governments[c] = e.id
        }
        for (i, e) in entries.enumerated() {
            for form in [e.ar] + e.aliases { addName(form, i) }
            for adj in e.adjectives {
                let k = Gazetteer.key(adj)
                if !k.isEmpty, !(adjectives[NormKey(k)]?.contains(i) ?? false) { adjectives[NormKey(k), default: []].append(i) }
            }
        }
        for (i, e) in entries.enumerated() where e.type == .person {
            personNameTokens[i] = Gazetteer.nameTokens(e)
        }
        var plain = PlainKeyIndex(minimumCapacity: firstWords.count + adjectives.count)
        var other = PlainKeyIndex()
        for k in Array(firstWords.keys) + Array(adjectives.keys) {
            let w = k.string
            if NormKey.isPlain(w) { plain.insert(key: k); continue }
            // (a word that is not plain: `NormKey(p + w)` need not be the plain bytes of `p` and of `w` side by side)
            other.insert(key: k)
            let article = w.unicodeScalars.starts(with: "ال".unicodeScalars)
            for (p, swallows) in ArabicNormalizer.procliticPrefixes {
                other.insert(key: NormKey(p + w))
                if swallows, article { other.insert(key: NormKey(p + String(w.unicodeScalars.dropFirst(2)))) }
            }
        }
        plainStarts = plain
        otherStarts = other
    }

    /// The proclitics as bytes, and whether each swallows the alef of «ال» (ArabicNormalizer.procliticPrefixes).
    private static let prefixBytes = ArabicNormalizer.procliticPrefixes.map { (bytes: Array($0.prefix.utf8), swallows: $0.swallowsAlef) }

    /// Whether a plain word is in the match starts: a plain first word or adjective `k`, or a proclitic `p` before one
    /// (`p + k`; `p + k` without its «ال» when `p` swallows the alef), or a form of another first word or adjective.
    /// (For plain strings `String` equality is byte equality: `p + k` is the word when the word's bytes start with
    /// those of `p` and the rest is `k`.)
    private func isMatchStart(_ w: String) -> Bool {
        var w = w
        return w.withUTF8 { b in
            if plainStarts.index(utf8: b) != nil || otherStarts.index(utf8: b) != nil { return true }
            for (p, swallows) in Gazetteer.prefixBytes where b.count >= p.count && b.starts(with: p) {
                let rest = UnsafeBufferPointer(rebasing: b[p.count...])
                if plainStarts.index(utf8: rest) != nil { return true }
                if swallows {
                    let found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: rest.count + 4) { buf in
                        buf[0] = 0xD8; buf[1] = 0xA7; buf[2] = 0xD9; buf[3] = 0x84   // «ال»
                        for k in 0..<rest.count { buf[4 + k] = rest[k] }
                        return plainStarts.index(utf8: UnsafeBufferPointer(rebasing: buf[0..<(4 + rest.count)])) != nil
                    }
                    if found { return true }
                }
            }
            return false
        }
    }

    /// The name and aliases of an entry as normalised token lists.
    static func nameTokens(_ e: GazetteerEntry) -> [[String]] {
        ([e.ar] + e.aliases).map { Gazetteer.key($0).plainSplit(separator: " ").map(String.init) }
    }

    /// ``nameTokens(_:)`` of the entry with this id (computed once for people).
    func nameTokens(id: String) -> [[String]]? {
        guard let i = byID[id] else { return nil }
        return personNameTokens[i] ?? Gazetteer.nameTokens(entries[i])
    }

    /// False when no gazetteer name or adjective can start at a token with this plain normalised form
    /// (see `NormKey.isPlain`); true when one may (or when the form is not plain: then nothing is ruled out).
    public func mayStartMatch(_ norm: String) -> Bool { start(norm) != nil }

    /// What a name match starting at a token with this normalised form looks up first: nil when
    /// ``mayStartMatch(_:)`` is false; else the word and its clitic-free forms with, for each, the longest name
    /// it starts, its one-word names and its adjectives (remembered per thread and word).
    func start(_ norm: String) -> GazetteerStart? {
        Clitics.gazetteerStart(norm, in: self) { w in
            guard !NormKey.isPlain(w) || self.isMatchStart(w) else { return nil }
            return GazetteerStart(forms: [(stem: w, prefix: "")] + Clitics.of(w), in: self)
        }
    }

    /// A number no other gazetteer made in this process has: per-thread memos of lookups name the gazetteer by it.
    let serial: UInt64 = Gazetteer.nextSerial()

    private static let serialLock = NSLock()
    nonisolated(unsafe) private static var lastSerial: UInt64 = 0
    private static func nextSerial() -> UInt64 {
        serialLock.lock(); defer { serialLock.unlock() }
        lastSerial += 1
        return lastSerial
    }

    private func addName(_ form: String, _ i: Int) {
        let k = Gazetteer.key(form)
        guard !k.isEmpty else { return }
        var variants = [k]
        // "عبد المجيد" and "عبدالمجيد" are the same name.
        if NormKey.plainContains(k, "عبد ال") ?? k.contains("عبد ال") { variants.append(k.replacingOccurrences(of: "عبد ال", with: "عبدال")) }
        if NormKey.plainContains(k, "عبدال") ?? k.contains("عبدال") { variants.append(k.replacingOccurrences(of: "عبدال", with: "عبد ال")) }
        for v in variants {
            let key = NormKey(v)
            if let e = names.index(forKey: key) {
                guard !names.values[e].contains(i) else { continue }
                names.values[e].append(i)
            } else {
                names[key] = [i]
            }
            let (count, first, second) = v.plainLeadingWords()
            maxTokens = max(maxTokens, count)
            if let f = first {
                let fk = NormKey(f)
                firstWords[fk, default: 0] = max(firstWords[fk] ?? 0, count)
                if let s = second {
                    let tk = NormKey(f + " " + s)
                    firstTwoWords[tk] = max(firstTwoWords[tk] ?? 0, count)
                }
            }
        }
    }

    /// The normalised lookup key of a name.
    public static func key(_ s: String) -> String {
        let n = ArabicNormalizer.normalize(s)
        // a plain form with no space at either end and no two spaces together is its own key (split and joined
        // again, the same bytes)
        var b = n
        if NormKey.isPlain(n), b.withUTF8({ u in u.first != 0x20 && u.last != 0x20
                && !zip(u, u.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 } }) { return n }
        return n.plainSplit(separator: " ").joined(separator: " ")
    }

    /// The most words of a name that starts with this normalised word (0 when none does).
    public func longestName(startingWith word: String) -> Int { firstWords[NormKey(word)] ?? 0 }

    /// The most words of a name that starts with these two normalised words (0 when none does).
    /// (a plain key looked up on its bytes: Gazetteer+KeyBytes.swift)
    public func longestName(startingWith word: String, then next: String) -> Int {
        let index = keyBytes
        if let found = Gazetteer.withPlainJoined(word, count: 1, { _ in next }, { index.twoWords.index(utf8: $0) }) {
            return found.map { index.twoWordLongest[$0] } ?? 0
        }
        return firstTwoWords[NormKey(word + " " + next)] ?? 0
    }

    public func entry(id: String) -> GazetteerEntry? { byID[id].map { entries[$0] } }

    /// The entry named "Government of <country>" that is part of a country, if the gazetteer has one (indexed at load).
    public func government(of country: String) -> String? { governments[country] }

    /// Entries whose name or alias has this normalised key.
    public func lookupName(_ key: String) -> [GazetteerEntry] { (names[NormKey(key)] ?? []).map { entries[$0] } }

    /// Entries (countries, regions) whose adjective (without ال) has this normalised key.
    public func lookupAdjective(_ key: String) -> [GazetteerEntry] { (adjectives[NormKey(key)] ?? []).map { entries[$0] } }

    /// The country an entity belongs to, following `capitalOf` and `partOf` links.
    public func country(of id: String) -> String? {
        var cur = id
        for _ in 0..<6 {
            guard let e = entry(id: cur) else { return nil }
            if e.subtype == "country" { return e.id }
            if let c = e.capitalOf { return c }
            guard let p = e.partOf else { return nil }
            cur = p
        }
        return nil
    }

    // MARK: Loading

    /// Parses the TSV format documented at the top of `gazetteer.tsv`.
    public static func parse(_ text: String, path: String) throws -> Gazetteer {
        Gazetteer(entries: try parseEntries(text, path: path))
    }

    /// The entries of a file in the format of `gazetteer.tsv`.
    static func parseEntries(_ text: String, path: String) throws -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        var sawHeader = false
        for (n, raw) in LoaderText.lines(text).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if Gazetteer.trimmed(line).isEmpty || line.hasPrefix("#") { continue }
            let cols = LoaderText.split(line[...], 0x09, omittingEmptySubsequences: false).map {
                Gazetteer.trimmed($0)
            }
            if !sawHeader {
                guard cols.first == "id" else { throw GazetteerError(path: path, line: n + 1, reason: "expected the header line") }
                sawHeader = true
                continue
            }
            guard cols.count >= 5 else {
                throw GazetteerError(path: path, line: n + 1, reason: "expected 10 tab-separated columns, found \(cols.count)")
            }
            func col(_ i: Int) -> String { i < cols.count ? cols[i] : "" }
            func list(_ i: Int) -> [String] { LoaderText.split(col(i)[...], UInt8(ascii: "|")).map { Gazetteer.trimmed($0) }.filter { !$0.isEmpty } }
            func opt(_ i: Int) -> String? { col(i).isEmpty ? nil : col(i) }
            let type: EntityType
            switch col(1) {
            case "PERSON": type = .person
            case "ORGANIZATION", "ORG": type = .organization
            case "PLACE", "GPE", "LOC": type = .place
            default: throw GazetteerError(path: path, line: n + 1, reason: "unknown type '\(col(1))'")
            }
            guard !col(0).isEmpty, !col(4).isEmpty else {
                throw GazetteerError(path: path, line: n + 1, reason: "id and ar must not be empty")
            }
            entries.append(GazetteerEntry(id: col(0), type: type, subtype: col(2), en: col(3), ar: col(4),
                                          aliases: list(5), adjectives: list(6), wikidata: opt(7),
                                          partOf: opt(8), capitalOf: opt(9)))
        }
        return entries
    }

    /// Merges the place file made from GeoNames (`places-geonames.tsv`, written by Scripts/gazetteer-places.py)
    /// into hand-written entries: a row whose id is already an entry only adds its GeoNames id and coordinates
    /// (the hand-written names win); any other row is a new place (subtype `city`, part of its country).
    /// Columns: id, en, ar, aliases, country, population, geonames, lat, lon.
    static func mergePlaces(_ text: String, path: String, into entries: [GazetteerEntry]) throws -> [GazetteerEntry] {
        var out = entries
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() where index[e.id] == nil { index[e.id] = i }
        var sawHeader = false
        // split on UTF-8 bytes (String's Character split is most of the time for a file of thousands of lines),
        // each field trimmed on its bytes (``trimmedBytes(_:)``)
        for (n, cols) in placeRows(text) {
            if cols.allSatisfy(\.isEmpty) { continue }
            if !sawHeader {
                guard cols.first == "id" else { throw GazetteerError(path: path, line: n + 1, reason: "expected the header line") }
                sawHeader = true
                continue
            }
            guard cols.count == 9, !cols[0].isEmpty else {
                throw GazetteerError(path: path, line: n + 1, reason: "expected 9 tab-separated columns with an id, found \(cols.count)")
            }
            let geonames = cols[6].isEmpty ? nil : cols[6]
            let lat = Double(cols[7]), lon = Double(cols[8])
            if (lat == nil) != cols[7].isEmpty || (lon == nil) != cols[8].isEmpty
                || !(lat.map { abs($0) <= 90 } ?? true) || !(lon.map { abs($0) <= 180 } ?? true) {
                throw GazetteerError(path: path, line: n + 1, reason: "lat and lon must be degrees (-90…90, -180…180)")
            }
            if let i = index[cols[0]] {
                out[i].geonames = geonames; out[i].lat = lat; out[i].lon = lon
                continue
            }
            guard !cols[2].isEmpty else { throw GazetteerError(path: path, line: n + 1, reason: "a new place needs an Arabic name") }
            var e = GazetteerEntry(id: cols[0], type: .place, subtype: "city", en: cols[1], ar: cols[2],
                                   aliases: LoaderText.split(cols[3][...], UInt8(ascii: "|")).map { Gazetteer.trimmed($0) }.filter { !$0.isEmpty },
                                   adjectives: [], wikidata: nil, partOf: cols[4].isEmpty ? nil : cols[4], capitalOf: nil)
            e.geonames = geonames; e.lat = lat; e.lon = lon
            index[e.id] = out.count
            out.append(e)
        }
        return out
    }

    /// `s.trimmingCharacters(in: .whitespaces)` without Foundation's NSString round trip (slow: it was most
    /// of the start-up time). Foundation's `CharacterSet.whitespaces` here is U+0009, the space separators
    /// and U+200B (zero width space, a separator in older Unicode); removed scalar by scalar at both ends.
    static func trimmed<S: StringProtocol>(_ s: S) -> String {
        if let t = s.utf8.withContiguousStorageIfAvailable({ trimmedBytes($0) }) { return t ?? String(s) }
        func isBlank(_ c: Unicode.Scalar) -> Bool {
            switch c.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        let u = s.unicodeScalars
        if let a = u.first, let z = u.last, !isBlank(a), !isBlank(z) { return String(s) }   // nothing to trim
        guard let first = u.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = u.lastIndex(where: { !isBlank($0) })!
        return String(String.UnicodeScalarView(u[first...last]))
    }

    /// ``trimmed(_:)`` of UTF-8 bytes (the blank scalars found by their encodings: U+0009 and U+0020 one byte, U+00A0
    /// two, the others three), nil when nothing is trimmed.
    static func trimmedBytes(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        /// length of the blank scalar starting at i (0: none)
        func blank(at i: Int) -> Int {
            let x = b[i]
            if x == 0x09 || x == 0x20 { return 1 }
            if x == 0xC2 { return i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : 0 }
            guard x >= 0xE1, x <= 0xE3, i + 2 < b.count else { return 0 }
            return isBlank3(x, b[i + 1], b[i + 2]) ? 3 : 0
        }
        /// length of the blank scalar ending at e (exclusive) (0: none)
        func blank(endingAt e: Int) -> Int {
            let x = b[e - 1]
            if x == 0x09 || x == 0x20 { return 1 }
            if x == 0xA0, e >= 2, b[e - 2] == 0xC2 { return 2 }
            guard e >= 3 else { return 0 }
            return isBlank3(b[e - 3], b[e - 2], x) ? 3 : 0
        }
        func isBlank3(_ a: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
            switch (a, c) {
            case (0xE1, 0x9A): return d == 0x80                        // U+1680
            case (0xE2, 0x80): return (0x80...0x8B).contains(d) || d == 0xAF   // U+2000–U+200B, U+202F
            case (0xE2, 0x81): return d == 0x9F                        // U+205F
            case (0xE3, 0x80): return d == 0x80                        // U+3000
            default: return false
            }
        }
        var lo = 0, hi = b.count
        while lo < hi { let k = blank(at: lo); if k == 0 { break }; lo += k }
        while hi > lo { let k = blank(endingAt: hi); if k == 0 { break }; hi -= k }
        if lo == 0 && hi == b.count { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// The rows of a place file as `mergePlaces` reads them: the pieces of
    /// `text.utf8.split(separator: LF, omittingEmptySubsequences: false)` (line number from 0), a CR at the end of a
    /// line dropped, lines starting with «#» skipped, each split at its tabs (empty fields kept) and trimmed.
    static func placeRows(_ text: String) -> [(Int, [String])] {
        var t = text
        return t.withUTF8 { b in
            var rows: [(Int, [String])] = []
            var n = 0
            var i = 0
            while true {
                var e = i
                while e < b.count && b[e] != 0x0A { e += 1 }
                let end = e > i && b[e - 1] == 0x0D ? e - 1 : e
                if !(end > i && b[i] == UInt8(ascii: "#")) {
                    var cols: [String] = []
                    var s = i
                    for k in i...end where k == end || b[k] == 0x09 {
                        let f = UnsafeBufferPointer(rebasing: b[s..<k])
                        cols.append(trimmedBytes(f) ?? String(decoding: f, as: UTF8.self))
                        s = k + 1
                    }
                    rows.append((n, cols))
                }
                n += 1
                if e >= b.count { break }
                i = e + 1
            }
            return rows
        }
    }

    /// Loads a gazetteer file from disk.
    public static func load(path: String) throws -> Gazetteer {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw GazetteerError(path: path, line: 0, reason: "cannot read the file as UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Loads a hand-written gazetteer file and, when given, a GeoNames place file merged into it.
    public static func load(path: String, places: String?) throws -> Gazetteer {
        func read(_ p: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: p), let text = String(data: data, encoding: .utf8) else {
                throw GazetteerError(path: p, line: 0, reason: "cannot read the file as UTF-8")
            }
            return text
        }
        var entries = try parseEntries(try read(path), path: path)
        if let places { entries = try mergePlaces(try read(places), path: places, into: entries) }
        return Gazetteer(entries: entries)
    }

    /// The gazetteer bundled with kbexport (embedded in the binary): `Resources/gazetteer.tsv` (hand-written) with
    /// `Resources/places-geonames.tsv` (GeoNames, generated by Scripts/gazetteer-places.py) merged in.
    public static let bundled: Gazetteer = {
        func resource(_ name: String) -> String {
            guard let data = EmbeddedResources.data(named: name, module: "KBFacts", fallback: { Bundle.module }),
                  let text = String(data: data, encoding: .utf8) else {
                fatalError("kbexport: the bundled \(name) is missing from the build")
            }
            return text
        }
        do {
            let hand = try parseEntries(resource("gazetteer.tsv"), path: "gazetteer.tsv")
            return Gazetteer(entries: try mergePlaces(resource("places-geonames.tsv"), path: "places-geonames.tsv", into: hand))
        } catch { fatalError("kbexport: bundled gazetteer: \(error)") }
    }()
}

/// See ``Gazetteer/start(_:)``.
final class GazetteerStart {
    let forms: [(stem: String, prefix: String)]
    /// `longestName(startingWith:)`, `lookupName` and `lookupAdjective` of each form's stem
    let longest: [Int]
    let names: [[GazetteerEntry]]
    let adjectives: [[GazetteerEntry]]
    let maxLongest: Int

    init(forms: [(stem: String, prefix: String)], in g: Gazetteer) {
        self.forms = forms
        longest = forms.map { g.longestName(startingWith: $0.stem) }
        names = forms.map { g.lookupName($0.stem) }
        adjectives = forms.map { g.lookupAdjective($0.stem) }
        maxLongest = longest.max() ?? 0
    }
}

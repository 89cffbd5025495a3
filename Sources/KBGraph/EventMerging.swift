// Events, not reports: facts that state the same event are merged into one fact that keeps every report.
//
// Two facts state the same event when they have
//   - the same type and modality (a planned visit is not the visit; a denial is not the meeting),
//   - the same participants after linking (an unordered pair for the symmetric types of the relation table),
//   - compatible dates: equal, one unknown, or one a coarser precision containing the other (2018-08 contains
//     2018-08-07; --08 contains 2018-08-07; 2018 and --08 are not compatible: neither contains the other),
//   - compatible places and roles: equal, or one unknown.
// Facts are taken most precise date first (then by their first report), and each joins the first group it is
// compatible with; a group it shares a document with is preferred, so an undated "the visit" joins the dated
// visit of its own article. The order is total, so the result does not depend on the input order.
//
// Attribution (reported speech, «بحسب …») is a property of a report, not of the event: reports that attribute the
// fact to a source merge with reports that state it, and the merged fact is attributed only when all its reports are.
//
// The merged fact keeps, as its primary report, the first report in (document, sentence, span, rule, id) order:
// its id, provenance and rule are those of that report, and `evidence` lists every report (document, sentence,
// offsets, rule, confidence, the date that report states). Its date is the most precise one, its place and role
// the first known. Its confidence is the noisy-or of the reports' confidences, 1 − ∏(1 − cᵢ) (independent reports,
// each right with its own probability), capped at 0.99 — several reports make a fact likelier, never certain —
// and never below the most confident report (a report of confidence 1 stays 1). A fact with one report keeps its
// confidence.

import Foundation
import KBResources

/// Merges facts that state the same event (see the comment at the top of EventMerging.swift).
public enum EventMerging {
    /// The highest confidence merging alone can give.
    public static let confidenceCap = 0.99

    /// The merged facts, each with `evidence` listing its reports (a fact with one report gets a one-entry list).
    public static func merge(_ facts: [Fact], table: RelationTable = .standard) -> [Fact] {
        merge(facts, table: table, stretches: 4 * ProcessInfo.processInfo.activeProcessorCount)
    }

    /// ``merge(_:table:)`` with the groups (one key each, independent of each other) merged on every core, in
    /// `stretches` stretches of consecutive keys, joined in key order: the facts of merging them one after the other.
    static func merge(_ facts: [Fact], table: RelationTable, stretches: Int) -> [Fact] {
        // groups hold indices, not copies of the facts (a large corpus has millions of reports)
        var groups = [String: [Int]]()
        // the keys made on every core (a function of each fact), grouped here in order
        let keys = ParallelMap.map(Array(facts.indices), chunk: 1024) { key(facts[$0], table) }
        for (i, k) in keys.enumerated() { groups[k, default: []].append(i) }
        let lists = groups.keys.sorted().map { groups[$0]! }
        groups = [:]
        let n = max(1, min(stretches, lists.count / 16))
        var parts = [[Fact]](repeating: [], count: n)
        parts.withUnsafeMutableBufferPointer { parts in
            let parts = SendableBuffer(parts)
            DispatchQueue.concurrentPerform(iterations: n) { c in
                var out = [Fact]()
                for g in lists[(lists.count * c / n)..<(lists.count * (c + 1) / n)] { mergeGroup(g, of: facts, into: &out) }
                parts.base[c] = out
            }
        }
        if n == 1 { return parts[0] }
        var out = [Fact]()
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for c in parts.indices { out += parts[c]; parts[c] = [] }
        return out
    }

    /// The facts of one group (one key), merged into events, appended to `out`.
    static func mergeGroup(_ group: [Int], of facts: [Fact], into out: inout [Fact]) {
        let members = sortedMembers(group.map { Member(facts, $0) })
        var clusters = [Cluster]()
        for m in members {
            // the first cluster that accepts it and shares a document with it, else the first that accepts it (the
            // clusters after one that shares are not asked: `accepts` has no effect that matters)
            var firstFit: Int?, sharing: Int?
            for c in clusters.indices where clusters[c].accepts(m) {
                if m.shares(clusters[c].documents) { sharing = c; break }
                if firstFit == nil { firstFit = c }
            }
            if let i = sharing ?? firstFit {
                clusters[i].add(m)
            } else {
                clusters.append(Cluster(m))
            }
        }
        for c in clusters { out.append(c.fact(of: facts)) }
    }

    /// The key of the facts that may state one event: type, modality, participants (ordered unless symmetric).
    static func key(_ f: Fact, _ table: RelationTable) -> String {
        let pair = table.isSymmetric(f.type) && f.object < f.subject ? (f.object, f.subject) : (f.subject, f.object)
        // "type|modality|first|second", appended into room made once (an interpolation cost thousands of instructions;
        // the pieces' bytes read in nested closures, not through a captured variable checked for exclusive access)
        var a = f.type, b = f.modality.rawValue, c = pair.0, d = pair.1
        return a.withUTF8 { a in b.withUTF8 { b in c.withUTF8 { c in d.withUTF8 { d in
            String(unsafeUninitializedCapacity: a.count + b.count + c.count + d.count + 3) { out in
                var i = keyPiece(a, out, 0)
                out[i] = 0x7C; i = keyPiece(b, out, i + 1)
                out[i] = 0x7C; i = keyPiece(c, out, i + 1)
                out[i] = 0x7C; return keyPiece(d, out, i + 1)
            }
        } } } }
    }

    /// `u` copied into `out` at `i`; the place after it.
    @inline(__always)
    private static func keyPiece(_ u: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>, _ i: Int) -> Int {
        if let p = u.baseAddress { (out.baseAddress! + i).update(from: p, count: u.count) }
        return i + u.count
    }

    /// The noisy-or of the confidences, capped (see the comment at the top of the file); one value is kept as it is.
    public static func confidence(_ values: [Double]) -> Double {
        guard values.count > 1 else { return values.first ?? 0 }
        var none = 1.0
        for c in values { none *= 1 - min(1, max(0, c)) }
        return max(values.max()!, min(confidenceCap, 1 - none))
    }

    /// Words that name a kind of state in a role phrase (Resources/role-qualifiers.txt), normalised.
    static let roleQualifiers: Set<String> = {
        guard let data = EmbeddedResources.data(named: "role-qualifiers.txt", module: "KBGraph", fallback: { Bundle.module }),
              let text = String(data: data, encoding: .utf8) else {
            fatalError("kbexport: the bundled role-qualifiers.txt is missing")
        }
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map(normalized))
    }()

    /// A role phrase compared across reports: normalised words without the article, the state qualifiers
    /// ("رئيس جمهورية" = "رئيس") and, after the head, the nisba adjectives naming the state ("الرئيس التونسي" =
    /// "الرئيس"); "نظيره" (his counterpart) names the office of the other party: it is any role ("*").
    static func roleKey(_ role: String) -> String {
        RoleKeys.shared.key(role)
    }

    /// ``roleKey(_:)`` computed (what `RoleKeys` remembers).
    static func computeRoleKey(_ role: String) -> String {
        var words: [String] = []
        for w in role.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var n = normalized(String(w))
            if roleQualifiers.contains(n) { continue }
            for p in ["وال", "بال", "ال", "لل"] where n.hasPrefix(p) && n.count > p.count + 2 { n = String(n.dropFirst(p.count)); break }
            if words.isEmpty, ["نظير", "ونظير", "بنظير", "لنظير"].contains(where: { n.hasPrefix($0) }) { return "*" }
            if !words.isEmpty, n.count >= 4, n.hasSuffix("ي") || n.hasSuffix("يه") { continue }
            words.append(n)
        }
        return words.joined(separator: " ")
    }

    /// Two role phrases name one office (see `roleKey`): the same key, or keys whose heads are one head
    /// (`RoleHeads.sameHead`: a clitic, a dual or a plural aside) and whose words after the head are the same, or
    /// those of one, one at least, are among those of the other: «قائد الدعم السريع» and «قائد قوات الدعم السريع»,
    /// «وزير الخارجية» and «وزير الخارجية والتعاون الدولي»; «الرئيس» and «رئيس الوزراء» stay two offices.
    static func sameRole(_ a: String, _ b: String) -> Bool {
        // the same bytes are the same phrase (`==` compares Arabic text through its normal form); any other pair is
        // answered once (`SameRoles`)
        RoleKeys.Bytes(a) == RoleKeys.Bytes(b) || SameRoles.shared.same(a, b)
    }

    /// ``sameRole(_:_:)`` computed (what `SameRoles` remembers).
    static func computeSameRole(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let ka = roleKey(a), kb = roleKey(b)
        if ka == kb || ka == "*" || kb == "*" { return true }
        let wa = ka.split(separator: " "), wb = kb.split(separator: " ")
        guard let ha = wa.first, let hb = wb.first, RoleHeads.sameHead(String(ha), String(hb)) else { return false }
        let ca = Set(wa.dropFirst()), cb = Set(wb.dropFirst())
        return ca == cb || (!ca.isEmpty && !cb.isEmpty && (ca.isSubset(of: cb) || cb.isSubset(of: ca)))
    }

    /// Arabic spelling variants unified: no diacritics or tatweel; أ إ آ ٱ → ا; ة → ه; ى → ي.
    static func normalized(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x064B...0x0652, 0x0670, 0x0640: continue
            case 0x0622, 0x0623, 0x0625, 0x0671: out.append("\u{0627}")
            case 0x0629: out.append("\u{0647}")
            case 0x0649: out.append("\u{064A}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Year, month and day of a date value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM`, `--MM-DD`), nil where unknown.
    struct Parts: Equatable {
        var year: String?, month: String?, day: String?

        init(_ value: String) {
            if let parts = Parts.ascii(value) { self = parts; return }
            self.init(general: value)
        }

        /// ``init(_:)`` on `Character`s (any value).
        init(general value: String) {
            if value.hasPrefix("--") {
                let p = value.dropFirst(2).split(separator: "-").map(String.init)
                month = p.first; day = p.count > 1 ? p[1] : nil
            } else {
                let p = value.split(separator: "-").map(String.init)
                year = p.first; month = p.count > 1 ? p[1] : nil; day = p.count > 2 ? p[2] : nil
            }
        }

        private init(year: String?, month: String?, day: String?) { self.year = year; self.month = month; self.day = day }

        /// ``init(_:)`` of an ASCII value, on its bytes (in ASCII a `-` is a `Character` of its own, so the byte split
        /// is the `Character` split); nil for any other value.
        static func ascii(_ value: String) -> Parts? {
            var v = value
            return v.withUTF8 { b -> Parts? in
                for x in b where x >= 0x80 { return nil }
                let monthFirst = b.count >= 2 && b[0] == 0x2D && b[1] == 0x2D
                var pieces: [String] = []
                var start = monthFirst ? 2 : 0, i = start
                while i <= b.count {
                    if i == b.count || b[i] == 0x2D {
                        if i > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) }
                        start = i + 1
                    }
                    i += 1
                }
                if monthFirst { return Parts(year: nil, month: pieces.first, day: pieces.count > 1 ? pieces[1] : nil) }
                return Parts(year: pieces.first, month: pieces.count > 1 ? pieces[1] : nil, day: pieces.count > 2 ? pieces[2] : nil)
            }
        }

        var known: Int { [year, month, day].compactMap { $0 }.count }

        /// True when every part known here is known in `other` with the same value (`self` contains `other`).
        func contains(_ other: Parts) -> Bool {
            func ok(_ a: String?, _ b: String?) -> Bool { a == nil || a == b }
            return ok(year, other.year) && ok(month, other.month) && ok(day, other.day)
        }
    }

    /// Equal, one unknown, or one containing the other.
    public static func compatible(_ a: FactDate?, _ b: FactDate?) -> Bool {
        guard let a, let b else { return true }
        let pa = Parts(a.value), pb = Parts(b.value)
        return pa.contains(pb) || pb.contains(pa)
    }

    /// A fact to merge (`facts[index]`), with what ordering and matching need (the fields read, not a copy of the
    /// whole fact: each string of a copy is retained, and released when the member goes).
    struct Member {
        let index: Int
        let id: String, date: FactDate?, place: String?, role: String?
        /// The reports in order when there are several; empty for one (it is `first`: no array is made for it, nor
        /// for its document, most facts having one report).
        let several: [Evidence]
        /// The documents of `several`, each once (a set is made of them where one is needed: `Cluster`).
        let severalDocuments: [String]
        let precision: Int
        /// The first report and the date's value ("" for none), held to be compared in place (`reports[0]` and
        /// `fact.date?.value` are copies, each string retained and released, at every comparison of the sort).
        let first: Evidence
        let dateValue: String
        /// The date's parts (nil for none), parsed once (`Cluster.accepts` compares them with every cluster's).
        let parts: Parts?

        init(_ facts: [Fact], _ index: Int) {
            let f = facts[index]
            self.index = index
            (id, date, place, role) = (f.id, f.date, f.place, f.role)
            // `f.reports`, without the array for the one report of a fact without evidence
            if f.evidence.isEmpty {
                several = []; severalDocuments = []
                first = Evidence(id: f.id, provenance: f.provenance, rule: f.rule, confidence: f.confidence, date: f.date,
                                 attribution: f.attribution)
            } else {
                several = f.evidence.count > 1 ? f.evidence.sorted(by: EventMerging.reportBefore) : []
                first = several.first ?? f.evidence[0]
                severalDocuments = several.isEmpty ? [] : Array(Set(several.map(\.documentID)))
            }
            dateValue = f.date?.value ?? ""
            parts = f.date.map { Parts($0.value) }
            precision = parts?.known ?? 0
        }

        /// The reports, in order (`f.reports` sorted).
        var reports: [Evidence] { several.isEmpty ? [first] : several }

        /// The documents of the reports, each once.
        var documents: [String] { several.isEmpty ? [first.documentID] : severalDocuments }

        /// Whether one of the reports is of a document of `set` (`!set.isDisjoint(with: documents)`).
        func shares(_ set: Set<String>) -> Bool {
            several.isEmpty ? set.contains(first.documentID) : !set.isDisjoint(with: severalDocuments)
        }

        static func before(_ a: Member, _ b: Member) -> Bool {
            withUnsafePointer(to: a) { a in withUnsafePointer(to: b) { b in before(a, b) } }
        }

        /// ``before(_:_:)`` on members in place.
        static func before(_ a: UnsafePointer<Member>, _ b: UnsafePointer<Member>) -> Bool {
            if a.pointee.precision != b.pointee.precision { return a.pointee.precision > b.pointee.precision }
            if a.pointee.dateValue != b.pointee.dateValue { return a.pointee.dateValue < b.pointee.dateValue }
            return EventMerging.reportBefore(a.pointee.first, b.pointee.first)
                || (a.pointee.first == b.pointee.first && a.pointee.id < b.pointee.id)
        }
    }

    /// `members.sorted(by: Member.before)` (stable): their places sorted, each member read in place, then each
    /// moved once (a sort of the members themselves moves hundreds of bytes at every step).
    static func sortedMembers(_ members: [Member]) -> [Member] {
        guard members.count > 1 else { return members }
        let order = members.withUnsafeBufferPointer { m in
            let p = m.baseAddress!
            return m.indices.sorted { a, b in Member.before(p + a, p + b) || (!Member.before(p + b, p + a) && a < b) }
        }
        return order.map { members[$0] }
    }

    /// Reports in (document, sentence, span, rule, id) order (the order of those tuples, compared field by field
    /// without building them: a tuple of strings is a copy of each).
    static func reportBefore(_ a: Evidence, _ b: Evidence) -> Bool {
        if a.documentID != b.documentID { return a.documentID < b.documentID }
        if a.sentenceBegin != b.sentenceBegin { return a.sentenceBegin < b.sentenceBegin }
        if a.spanBegin != b.spanBegin { return a.spanBegin < b.spanBegin }
        if a.spanEnd != b.spanEnd { return a.spanEnd < b.spanEnd }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.id < b.id
    }

    /// Facts found to state one event.
    struct Cluster {
        var members: [Member]
        var date: FactDate?
        var place: String?
        var role: String?
        var documents: Set<String>
        /// The distinct dates of the members (distinct by `==`, as the keys of a dictionary), parsed.
        var memberDates: [(value: String, parts: Parts)] = []
        /// `date`'s parts and how many are known (`Parts(date.value)`, kept with `date`: parsed once, by the member).
        var dateParts: Parts?
        var datePrecision = 0

        init(_ m: Member) {
            members = [m]; date = m.date; place = m.place.flatMap { $0.isEmpty ? nil : $0 }
            dateParts = m.parts; datePrecision = m.precision
            if let d = m.date, let p = m.parts { memberDates = [(d.value, p)] }
            role = m.role
            if m.several.isEmpty { documents = [m.first.documentID] } else { documents = Set(m.severalDocuments) }
        }

        func accepts(_ m: Member) -> Bool {
            // `EventMerging.compatible(date, m.date)` on the parts parsed once (a date has parts, no date none)
            if let pa = dateParts, let pb = m.parts, !(pa.contains(pb) || pb.contains(pa)) { return false }
            // every member's date, too: compatibility is not transitive (each distinct date checked once)
            if let pd = m.parts {
                guard memberDates.allSatisfy({ $0.parts.contains(pd) || pd.contains($0.parts) }) else { return false }
            }
            let p = m.place.flatMap { $0.isEmpty ? nil : $0 }
            if let a = place, let b = p, a != b { return false }
            if let a = role, let b = m.role, !EventMerging.sameRole(a, b) { return false }
            return true
        }

        mutating func add(_ m: Member) {
            members.append(m)
            if let d = m.date, let p = m.parts, !memberDates.contains(where: { $0.value == d.value }) {
                memberDates.append((d.value, p))
            }
            // (`Parts(date.value).known < Parts(d.value).known`, or no date yet)
            if m.date != nil, date == nil || datePrecision < m.precision {
                date = m.date; dateParts = m.parts; datePrecision = m.precision
            }
            if place == nil { place = m.place.flatMap { $0.isEmpty ? nil : $0 } }
            if m.role != nil, role == nil || role.map({ EventMerging.roleKey($0) == "*" }) == true { role = m.role }
            if m.several.isEmpty { documents.insert(m.first.documentID) } else { documents.formUnion(m.severalDocuments) }
        }

        /// The merged fact (the members' facts are `facts`): the primary report's member gives id, orientation,
        /// provenance and rule.
        func fact(of facts: [Fact]) -> Fact {
            // (one member's reports are in order already: the sort, stable, would leave them as they are)
            let reports: [Evidence]
            if members.count == 1 {
                reports = members[0].reports
            } else {
                var all: [Evidence] = []
                all.reserveCapacity(members.count)
                for m in members { if m.several.isEmpty { all.append(m.first) } else { all += m.several } }
                reports = all.sorted(by: EventMerging.reportBefore)
            }
            let primary = members.first { $0.first == reports[0] } ?? members[0]
            var f = facts[primary.index]
            let first = reports[0]
            f.provenance = first.provenance
            f.rule = first.rule
            f.date = date
            f.place = place ?? f.place
            f.role = role
            // (the noisy-or of one value is that value: no array of one is made for it)
            f.confidence = members.count == 1 && !f.evidence.isEmpty ? f.confidence
                : reports.count == 1 ? reports[0].confidence : EventMerging.confidence(reports.map(\.confidence))
            f.evidence = reports
            // stated when any report states it; else attributed as its first report is
            f.attribution = reports.contains(where: { $0.attribution == nil }) ? nil : first.attribution
            return f
        }
    }
}

extension KnowledgeGraph {
    /// The graph with the facts that state one event merged (`EventMerging`), in canonical order.
    public func mergingEvents(table: RelationTable = .standard) -> KnowledgeGraph {
        var g = self
        g.mergeEvents(table: table)
        return g
    }

    /// ``mergingEvents(table:)`` in place: the reports are released once merged.
    public mutating func mergeEvents(table: RelationTable = .standard) {
        let reports = facts
        facts = []
        facts = EventMerging.merge(reports, table: table)
        canonicalize()
    }
}

// Scores an extracted knowledge graph against gold annotations.

import Foundation
import KBGraph
import KBText

/// Scores extractions against gold files.
///
/// Matching rules:
///
/// - **Documents.** Only documents present in `gold` are scored; extracted mentions and facts of other documents
///   are ignored. A document's extraction is its mentions (`Mention.documentID`) and facts
///   (`Fact.provenance.documentID`).
/// - **Entity types.** Gold `ORG` → `ORGANIZATION`, `GPE` and `LOC` → `PLACE`, `PERSON` → `PERSON`,
///   `DATE` → `DATE`. An extracted entity can only match a gold entity of the same (mapped) type.
/// - **Extracted entities of a document** are those with a mention in it, plus those whose `documents` list names
///   it. Their surface forms there are the texts of their mentions in that document and their `labelAr`
///   (an entity listed in `documents` without any mention there also contributes its `surfaceForms`).
/// - **Entity match.** Forms and gold evidence fragments are normalised with `ArabicNormalizer.normalize(_:)` and
///   split into word tokens (letters and digits; punctuation and quotes separate tokens). A form matches a
///   fragment, from strongest to weakest:
///   1. exactly (the same token sequence);
///   2. after clitic and article stripping: the same number of tokens, and each pair of tokens shares a stem among
///      `ArabicNormalizer.cliticCandidates(_:)` of the token (each candidate also with `stripArticle(_:)`),
///      so "وموسكو" matches "موسكو" and "للقوات" matches "القوات";
///   3. as a whole-token sequence inside the fragment, tokens compared as in 2 (gold evidence often holds a
///      phrase, e.g. "وزير الخارجية التركي" for Turkey, whose mention is "التركي").
///   For DATE entities, an extracted `labelEn` equal to the gold ISO value also counts as an exact match.
///   The alignment is one-to-one and greedy: candidate pairs are taken by strength, then by the length (in
///   tokens) of the matching form, then by the number of gold fragments matched, then in gold file order and
///   entity-id order. Every gold entity left over is a false negative; every extracted entity of the document
///   left over is a false positive.
/// - **Fact match.** An extracted fact of the document matches a gold relation of the same type when its subject
///   and object are the entities aligned to the gold subject and object (by canonical gold name). The symmetric
///   types of the relation table (MEET, TALKS, COOPERATE, AGREEMENT, ALLY_OF, …) match in either direction. Duplicate extracted facts
///   (same type, subject and object in a document; for symmetric types the same unordered pair) count once.
///   The matching is one-to-one; unmatched extracted facts are false positives, unmatched gold relations false
///   negatives. A gold relation whose subject or object is not aligned cannot be matched.
/// - **Dates.** Date accuracy is taken over the matched facts whose gold row has a date: correct when the extracted
///   `FactDate.value` equals the gold date. Among duplicates, the date of the most confident fact that has a date
///   is used.
public enum Evaluator {
    /// Relation types whose direction does not matter for matching.
    public static var symmetricTypes: Set<String> { Set(RelationTable.standard.types.filter(\.symmetric).map(\.name)) }

    /// The graph entity type for a gold entity type, nil for an unknown type.
    public static func entityType(forGoldType type: String) -> EntityType? {
        switch type {
        case "PERSON": return .person
        case "ORG": return .organization
        case "GPE", "LOC": return .place
        case "DATE": return .date
        default: return nil
        }
    }

    /// graph: the extraction of several documents; gold: documentID → rows. Only documents present in `gold` are scored.
    public static func evaluate(graph: KnowledgeGraph, gold: [String: [GoldRow]]) -> EvaluationReport {
        let index = graph.entityIndex()
        var mentionTexts: [String: [String: [String]]] = [:]   // document → entity → mention texts
        for m in graph.mentions where gold[m.documentID] != nil {
            mentionTexts[m.documentID, default: [:]][m.entityID, default: []].append(m.text)
        }
        var listed: [String: [String]] = [:]                   // document → entities listing it
        for e in graph.entities { for d in e.documents where gold[d] != nil { listed[d, default: []].append(e.id) } }
        var factsByDoc: [String: [Fact]] = [:]
        for f in graph.facts where gold[f.provenance.documentID] != nil {
            factsByDoc[f.provenance.documentID, default: []].append(f)
        }

        var report = EvaluationReport()
        for docID in gold.keys.sorted() {
            let doc = evaluateDocument(docID, rows: gold[docID] ?? [], index: index,
                                       mentionTexts: mentionTexts[docID] ?? [:], listed: listed[docID] ?? [],
                                       facts: factsByDoc[docID] ?? [], into: &report)
            report.documents.append(doc)
        }
        return report
    }

    // MARK: One document

    private static func evaluateDocument(_ docID: String, rows: [GoldRow], index: [String: Entity],
                                         mentionTexts: [String: [String]], listed: [String], facts: [Fact],
                                         into report: inout EvaluationReport) -> DocumentReport {
        var doc = DocumentReport(documentID: docID)

        // Extracted entities of the document and their forms.
        var candidateIDs = Set(mentionTexts.keys)
        candidateIDs.formUnion(listed)
        var extracted: [(entity: Entity, forms: [Surface], texts: [String])] = []
        for id in candidateIDs.sorted() {
            guard let e = index[id] else { continue }
            var texts = mentionTexts[id] ?? []
            if texts.isEmpty { texts += e.surfaceForms }
            texts.append(e.labelAr)
            var seen = Set<[String]>()
            let forms = texts.map(Surface.init).filter { !$0.tokens.isEmpty && seen.insert($0.tokens).inserted }
            var shown = Set<String>()
            extracted.append((e, forms, texts.filter { !$0.isEmpty && shown.insert($0).inserted }))
        }

        // Gold entities and their fragments.
        let goldEntities = rows.filter { $0.kind == .entity }
        let goldFragments = goldEntities.map { $0.evidence.map(Surface.init).filter { !$0.tokens.isEmpty } }

        // Candidate pairs, strongest first.
        struct Pair { var gold: Int; var ext: Int; var strength: Int; var length: Int; var support: Int }
        var pairs: [Pair] = []
        for (gi, g) in goldEntities.enumerated() {
            guard let gType = entityType(forGoldType: g.type) else { continue }
            for (xi, x) in extracted.enumerated() where x.entity.type == gType {
                var best = (strength: 0, length: 0), support = 0
                for frag in goldFragments[gi] {
                    var fragMatched = false
                    for form in x.forms {
                        let s = matchStrength(form: form, fragment: frag)
                        guard s > 0 else { continue }
                        fragMatched = true
                        if (s, form.tokens.count) > best { best = (s, form.tokens.count) }
                    }
                    if fragMatched { support += 1 }
                }
                if gType == .date, let en = x.entity.labelEn, en == g.subject, best.strength < 3 {
                    best = (3, max(best.length, 1)); support = max(support, 1)
                }
                if best.strength > 0 {
                    pairs.append(Pair(gold: gi, ext: xi, strength: best.strength, length: best.length, support: support))
                }
            }
        }
        pairs.sort { a, b in
            if a.strength != b.strength { return a.strength > b.strength }
            if a.length != b.length { return a.length > b.length }
            if a.support != b.support { return a.support > b.support }
            if a.gold != b.gold { return a.gold < b.gold }
            return extracted[a.ext].entity.id < extracted[b.ext].entity.id
        }
        var goldToExt = [Int?](repeating: nil, count: goldEntities.count)
        var extTaken = [Bool](repeating: false, count: extracted.count)
        for p in pairs where goldToExt[p.gold] == nil && !extTaken[p.ext] {
            goldToExt[p.gold] = p.ext
            extTaken[p.ext] = true
        }

        // Entity scores.
        var alignment: [String: String] = [:]      // gold name → entity id
        var goldNameOf: [String: String] = [:]     // entity id → gold name
        var entityScores: [EntityType: Score] = [:]
        for (gi, g) in goldEntities.enumerated() {
            let type = entityType(forGoldType: g.type) ?? .place
            if let xi = goldToExt[gi] {
                let id = extracted[xi].entity.id
                if alignment[g.subject] == nil { alignment[g.subject] = id }
                goldNameOf[id] = g.subject
                entityScores[type, default: Score()].tp += 1
            } else {
                entityScores[type, default: Score()].fn += 1
                doc.missedEntities.append("\(g.type) \(g.subject) «\(g.evidence.joined(separator: " / "))» [line \(g.line)]")
            }
        }
        for (xi, x) in extracted.enumerated() where !extTaken[xi] {
            entityScores[x.entity.type, default: Score()].fp += 1
            let forms = x.texts.joined(separator: " / ")
            doc.spuriousEntities.append("\(x.entity.type.rawValue) \(label(x.entity)) (\(x.entity.id)) «\(forms)»")
        }
        doc.alignment = alignment

        // Facts: merge duplicates.
        struct FactKey: Hashable, Comparable {
            var type: String, a: String, b: String
            static func < (l: FactKey, r: FactKey) -> Bool { (l.type, l.a, l.b) < (r.type, r.a, r.b) }
        }
        var groups: [FactKey: [Fact]] = [:]
        for f in facts {
            let type = f.type.uppercased()
            var key = FactKey(type: type, a: f.subject, b: f.object)
            if symmetricTypes.contains(type), key.b < key.a { swap(&key.a, &key.b) }
            groups[key, default: []].append(f)
        }
        let goldRelations = rows.filter { $0.kind == .relation }
        var goldMatched = [Bool](repeating: false, count: goldRelations.count)
        var factScores: [String: Score] = [:]
        func name(_ id: String) -> String { goldNameOf[id] ?? index[id].map(label) ?? id }

        for key in groups.keys.sorted() {
            let group = groups[key]!
            let first = group[0]
            var hit: Int?
            for (ri, r) in goldRelations.enumerated() where !goldMatched[ri] && r.type == key.type {
                guard let s = alignment[r.subject], let o = alignment[r.object] else { continue }
                if (s == first.subject && o == first.object)
                    || (symmetricTypes.contains(key.type) && s == first.object && o == first.subject) {
                    hit = ri; break
                }
            }
            if let ri = hit {
                goldMatched[ri] = true
                factScores[key.type, default: Score()].tp += 1
                let r = goldRelations[ri]
                if !r.date.isEmpty {
                    report.dateTotal += 1
                    let dated = group.filter { $0.date != nil }.sorted {
                        $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.id < $1.id
                    }
                    let value = dated.first?.date?.value
                    if value == r.date { report.dateCorrect += 1 } else {
                        doc.wrongDates.append("\(r.type) \(r.subject) → \(r.object): gold \(r.date), extracted "
                            + "\(value ?? "none") [line \(r.line)]")
                    }
                }
            } else {
                factScores[key.type, default: Score()].fp += 1
                let date = group.compactMap { $0.date?.value }.first.map { " " + $0 } ?? ""
                let rules = Set(group.map(\.rule)).sorted().joined(separator: ", ")
                doc.spuriousFacts.append("\(first.type) \(name(first.subject)) → \(name(first.object))\(date) (\(rules))")
            }
        }
        for (ri, r) in goldRelations.enumerated() where !goldMatched[ri] {
            factScores[r.type, default: Score()].fn += 1
            let date = r.date.isEmpty ? "" : " " + r.date
            var why = ""
            if alignment[r.subject] == nil || alignment[r.object] == nil {
                let missing = [r.subject, r.object].filter { alignment[$0] == nil }
                why = " (not aligned: \(missing.joined(separator: ", ")))"
            }
            doc.missedFacts.append("\(r.type) \(r.subject) → \(r.object)\(date) [line \(r.line)]\(why)")
        }

        // Totals.
        for (t, s) in entityScores {
            doc.entities += s
            report.entityScores[t, default: Score()] += s
            report.entityTotal += s
        }
        for (t, s) in factScores {
            doc.facts += s
            report.factScores[t, default: Score()] += s
            report.factTotal += s
        }
        return doc
    }

    private static func label(_ e: Entity) -> String {
        if let en = e.labelEn, !en.isEmpty { return en }
        return e.labelAr
    }

    // MARK: Surface matching

    /// A normalised string as word tokens, with the clitic/article-stripped keys of each token.
    struct Surface {
        let tokens: [String]
        let keys: [Set<String>]

        init(_ text: String) {
            tokens = Evaluator.tokens(ArabicNormalizer.normalize(text))
            keys = tokens.map(Evaluator.stemKeys)
        }
    }

    /// Word tokens of a normalised string: maximal runs of letters, digits and combining marks.
    static func tokens(_ normalized: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for u in normalized.unicodeScalars {
            let p = u.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark {
                current.append(u)
            } else if !current.isEmpty {
                out.append(String(current)); current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// The token, its clitic-stripped candidates, and each of those without the article.
    static func stemKeys(_ token: String) -> Set<String> {
        var keys: Set<String> = [token]
        for c in ArabicNormalizer.cliticCandidates(token) {
            keys.insert(c.stem)
            keys.insert(ArabicNormalizer.stripArticle(c.stem))
        }
        keys.insert(ArabicNormalizer.stripArticle(token))
        return keys
    }

    /// 3: same tokens; 2: same length, every token pair shares a stem; 1: the form is a whole-token sequence
    /// inside the fragment (tokens compared by stem); 0: no match.
    static func matchStrength(form: Surface, fragment: Surface) -> Int {
        let n = form.tokens.count, m = fragment.tokens.count
        guard n > 0, m > 0, n <= m else { return 0 }
        if form.tokens == fragment.tokens { return 3 }
        func same(_ i: Int, _ j: Int) -> Bool {
            form.tokens[i] == fragment.tokens[j] || !form.keys[i].isDisjoint(with: fragment.keys[j])
        }
        if n == m { return (0..<n).allSatisfy { same($0, $0) } ? 2 : 0 }
        for start in 0...(m - n) where (0..<n).allSatisfy({ same($0, start + $0) }) { return 1 }
        return 0
    }

    // MARK: Finding gold files

    /// The gold file for a text file, if one exists: `NAME.gold.tsv` next to `NAME.txt` (seeds), or, when the text
    /// lies in a `docs` folder, `../gold/NAME.tsv` (development corpus layout).
    public static func goldPath(forTextFile path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let name = url.deletingPathExtension().lastPathComponent
        let fm = FileManager.default
        let seed = dir.appendingPathComponent(name + ".gold.tsv").path
        if fm.fileExists(atPath: seed) { return seed }
        if dir.lastPathComponent == "docs" {
            let dev = dir.deletingLastPathComponent().appendingPathComponent("gold").appendingPathComponent(name + ".tsv").path
            if fm.fileExists(atPath: dev) { return dev }
        }
        return nil
    }

    /// Finds gold for a corpus: for seeds, NAME.gold.tsv next to NAME.txt; for the dev corpus layout, docs/NAME.txt
    /// with gold/NAME.tsv. Returns documentID → rows, using `StableID.document(path:)` of the .txt path as the id.
    /// Text files without gold are left out. Throws a `GoldError` for a malformed gold file, or when two text files
    /// with gold get the same document id.
    public static func loadGold(forTextFiles paths: [String]) throws -> [String: [GoldRow]] {
        var result: [String: [GoldRow]] = [:]
        var source: [String: String] = [:]
        for path in paths {
            guard let goldFile = goldPath(forTextFile: path) else { continue }
            let id = StableID.document(path: path)
            if let other = source[id], other != goldFile {
                throw GoldError(file: goldFile, line: 0,
                                message: "document id \(id) of \(path) is also the id of the text for \(other)")
            }
            result[id] = try GoldReader.read(path: goldFile)
            source[id] = goldFile
        }
        return result
    }
}

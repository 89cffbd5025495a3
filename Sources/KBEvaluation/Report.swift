// Scores and the evaluation report, with its fixed-width rendering.

import Foundation
import KBGraph

/// True positives, false positives and false negatives, with the derived ratios.
public struct Score: Sendable, Hashable {
    public var tp: Int
    public var fp: Int
    public var fn: Int

    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) { self.tp = tp; self.fp = fp; self.fn = fn }

    /// tp / (tp + fp). When nothing was expected and nothing produced (all counts 0) it is 1; otherwise 0 when
    /// nothing was produced.
    public var precision: Double {
        if tp + fp == 0 { return fn == 0 ? 1 : 0 }
        return Double(tp) / Double(tp + fp)
    }

    /// tp / (tp + fn). 1 when all counts are 0; otherwise 0 when nothing was expected.
    public var recall: Double {
        if tp + fn == 0 { return fp == 0 ? 1 : 0 }
        return Double(tp) / Double(tp + fn)
    }

    /// Harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Number of gold items (tp + fn) and of system items (tp + fp).
    public var gold: Int { tp + fn }
    public var system: Int { tp + fp }

    public static func + (a: Score, b: Score) -> Score { Score(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn) }
    public static func += (a: inout Score, b: Score) { a = a + b }
}

/// The result for one document: its scores, the entity alignment, and every miss (for `--verbose`).
public struct DocumentReport: Sendable {
    public var documentID: String
    public var entities: Score
    public var facts: Score
    /// Gold canonical name → id of the extracted entity aligned to it.
    public var alignment: [String: String]
    /// Gold entities no extracted entity matched (false negatives).
    public var missedEntities: [String]
    /// Extracted entities of the document that match no gold entity (false positives).
    public var spuriousEntities: [String]
    /// Gold relations no extracted fact matched (false negatives).
    public var missedFacts: [String]
    /// Extracted facts (duplicates merged) that match no gold relation (false positives).
    public var spuriousFacts: [String]
    /// Matched facts whose gold row has a date the extraction did not reproduce.
    public var wrongDates: [String]

    public init(documentID: String, entities: Score = Score(), facts: Score = Score(), alignment: [String: String] = [:],
                missedEntities: [String] = [], spuriousEntities: [String] = [], missedFacts: [String] = [],
                spuriousFacts: [String] = [], wrongDates: [String] = []) {
        self.documentID = documentID; self.entities = entities; self.facts = facts; self.alignment = alignment
        self.missedEntities = missedEntities; self.spuriousEntities = spuriousEntities
        self.missedFacts = missedFacts; self.spuriousFacts = spuriousFacts; self.wrongDates = wrongDates
    }
}

/// Entity and fact scores per type and in total (micro-averaged), date accuracy, and per-document details.
public struct EvaluationReport: Sendable {
    /// Per graph entity type (gold ORG → ORGANIZATION, GPE and LOC → PLACE).
    public var entityScores: [EntityType: Score]
    public var entityTotal: Score
    /// Per relation type.
    public var factScores: [String: Score]
    public var factTotal: Score
    /// Matched facts whose gold row has a date, and how many of them carry exactly that date.
    public var dateCorrect: Int
    public var dateTotal: Int
    /// Per scored document, sorted by id.
    public var documents: [DocumentReport]

    public init(entityScores: [EntityType: Score] = [:], entityTotal: Score = Score(), factScores: [String: Score] = [:],
                factTotal: Score = Score(), dateCorrect: Int = 0, dateTotal: Int = 0, documents: [DocumentReport] = []) {
        self.entityScores = entityScores; self.entityTotal = entityTotal; self.factScores = factScores
        self.factTotal = factTotal; self.dateCorrect = dateCorrect; self.dateTotal = dateTotal; self.documents = documents
    }

    /// dateCorrect / dateTotal, nil when no matched fact has a gold date.
    public var dateAccuracy: Double? { dateTotal == 0 ? nil : Double(dateCorrect) / Double(dateTotal) }

    /// A fixed-width table: entities per type, facts per type (types with any gold or system item), micro totals,
    /// date accuracy; with `verbose`, every miss of every document.
    public func render(title: String, verbose: Bool) -> String {
        var out: [String] = []
        out.append("== \(title) ==")
        out.append("documents scored: \(documents.count)")
        out.append("")
        out.append(Self.headerLine("entities"))
        for type in EntityType.allCases {
            out.append(Self.row(type.rawValue, entityScores[type] ?? Score()))
        }
        out.append(Self.row("micro", entityTotal))
        out.append("")
        out.append(Self.headerLine("facts"))
        for type in factScores.keys.sorted() { out.append(Self.row(type, factScores[type]!)) }
        out.append(Self.row("micro", factTotal))
        out.append("")
        if let acc = dateAccuracy {
            out.append("dates: \(dateCorrect)/\(dateTotal) correct (\(Self.ratio(acc))) over matched facts with a gold date")
        } else {
            out.append("dates: no matched fact has a gold date")
        }
        if verbose {
            for doc in documents {
                out.append("")
                out.append("-- \(doc.documentID)  entities P \(Self.ratio(doc.entities.precision)) R \(Self.ratio(doc.entities.recall))"
                    + " F1 \(Self.ratio(doc.entities.f1))  facts P \(Self.ratio(doc.facts.precision))"
                    + " R \(Self.ratio(doc.facts.recall)) F1 \(Self.ratio(doc.facts.f1))")
                for s in doc.missedEntities { out.append("  FN entity  \(s)") }
                for s in doc.spuriousEntities { out.append("  FP entity  \(s)") }
                for s in doc.missedFacts { out.append("  FN fact    \(s)") }
                for s in doc.spuriousFacts { out.append("  FP fact    \(s)") }
                for s in doc.wrongDates { out.append("  bad date   \(s)") }
            }
        }
        return out.joined(separator: "\n")
    }

    static let nameWidth = 18

    static func headerLine(_ label: String) -> String {
        pad(label, nameWidth) + ["gold", "sys", "TP", "FP", "FN"].map { lpad($0, 6) }.joined()
            + ["P", "R", "F1"].map { lpad($0, 7) }.joined()
    }

    static func row(_ label: String, _ s: Score) -> String {
        pad(label, nameWidth) + [s.gold, s.system, s.tp, s.fp, s.fn].map { lpad(String($0), 6) }.joined()
            + [s.precision, s.recall, s.f1].map { lpad(ratio($0), 7) }.joined()
    }

    static func ratio(_ x: Double) -> String {
        let thousandths = Int((x * 1000).rounded())
        let whole = thousandths / 1000, frac = thousandths % 1000
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: 3 - f.count) + f
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    static func lpad(_ s: String, _ n: Int) -> String {
        s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
    }
}

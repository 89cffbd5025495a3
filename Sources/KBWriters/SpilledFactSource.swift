// Facts from spill files (`ReportSpill`, `SortedFacts`): an export whose facts are on disk, in id order.

import KBGraph

/// Documents, entities and mentions in memory and the facts on disk (`SortedFacts`), read twice: once to check them
/// (every check of `GraphSource`, before anything is written) and for the writer's first pass, once to write them.
/// A sentence is noted by reference (the fact's offset in the spill), not kept as text.
public final class SpilledFactSource: FactSource {
    let documents: [Document]
    let entities: [Entity]
    let mentions: [Mention]
    let facts: SortedFacts

    /// `graph` holds the documents, entities (canonical order) and mentions; its facts are not used.
    public init(graph: KnowledgeGraph, facts: SortedFacts) {
        documents = graph.documents; entities = graph.entities; mentions = graph.mentions; self.facts = facts
    }

    public func run(scan: ((Fact, Int?) throws -> Void)?, begin: (GraphOutline) throws -> Void, fact: (Fact) throws -> Void) throws {
        let types = try GraphChecks.check(documents: documents, entities: entities)
        var ids = Set<String>()
        ids.reserveCapacity(documents.count)
        for d in documents { ids.insert(d.id) }
        var last: String?
        try facts.forEach { f, offset in
            guard Values.isStableID(f.id) else { throw WriterError.invalidIdentifier(kind: "fact", id: f.id) }
            // in id order, a repeated id is the one before
            guard f.id != last else { throw WriterError.duplicateIdentifier(kind: "fact", id: f.id) }
            last = f.id
            try GraphChecks.check(f, documents: ids, entities: types)
            try scan?(f, offset)
        }
        ids = []
        try begin(GraphOutline(documents: documents, entities: entities, mentions: mentions))
        try facts.forEach { f, _ in try fact(f) }
    }

    public func sentence(at offset: Int, evidence: Int?) throws -> String {
        let f = try facts.fact(at: offset)
        return evidence.map { f.evidence[$0].sentence } ?? f.provenance.sentence
    }
}

// Facts from spill files (`ReportSpill`, `SortedFacts`): an export whose facts are on disk, in id order.

import KBGraph

/// Entities in memory; facts on disk (`SortedFacts`), read twice: once to check them (every check of `GraphSource`,
/// before anything is written) and for the writer's first pass, once to write them. Documents and mentions in memory
/// or read from spill files in canonical order (`RecordList`). A sentence is noted by reference (the fact's offset in
/// the spill), not kept as text.
public final class SpilledFactSource: FactSource {
    let documents: RecordList<Document>
    let entities: [Entity]
    let mentions: RecordList<Mention>
    let facts: SortedFacts

    /// `graph` holds the documents, entities (canonical order) and mentions; its facts are not used.
    public convenience init(graph: KnowledgeGraph, facts: SortedFacts) {
        self.init(documents: RecordList(graph.documents), entities: graph.entities, mentions: RecordList(graph.mentions), facts: facts)
    }

    /// Documents (in id order when streamed) and mentions (in canonical order when streamed) from spill files.
    public init(documents: RecordList<Document>, entities: [Entity], mentions: RecordList<Mention>, facts: SortedFacts) {
        self.documents = documents; self.entities = entities; self.mentions = mentions; self.facts = facts
    }

    /// The documents of a spill (`ReportSpill.forEachDocument`), in id order, and its mentions with the joined ids
    /// applied (`forEachMention`).
    public convenience init(spill: ReportSpill, links: [String: String], entities: [Entity], facts: SortedFacts) {
        self.init(documents: RecordList(count: spill.documentCount, forEach: { try spill.forEachDocument($0) }),
                  entities: entities,
                  mentions: RecordList(count: spill.mentionCount, forEach: { try spill.forEachMention(links: links, $0) }),
                  facts: facts)
    }

    public func run(scan: ((Fact, Int?) throws -> Void)?, begin: (GraphOutline) throws -> Void, fact: (Fact) throws -> Void) throws {
        let types = try GraphChecks.check(documents: documents, entities: entities)
        // the document ids: in id order (a spill's), a table searched by halves (32 bytes an id); else a set
        var sorted = SortedIDs()
        try documents.forEach { sorted.append($0.id) }
        var set = Set<String>()
        if !sorted.inOrder {
            sorted = SortedIDs()
            try documents.forEach { set.insert($0.id) }
        }
        let inOrder = sorted.inOrder
        func has(_ id: String) -> Bool { inOrder ? sorted.contains(id) : set.contains(id) }
        var last: String?
        // the checks read ids and references, not sentences (a scan may read anything)
        try facts.forEach(sentences: scan != nil) { f, offset in
            guard Values.isStableID(f.id) else { throw WriterError.invalidIdentifier(kind: "fact", id: f.id) }
            // in id order, a repeated id is the one before
            guard f.id != last else { throw WriterError.duplicateIdentifier(kind: "fact", id: f.id) }
            last = f.id
            try GraphChecks.check(f, documents: has, entities: types)
            try scan?(f, offset)
        }
        sorted = SortedIDs(); set = []
        try begin(GraphOutline(documents: documents, entities: entities, mentions: mentions))
        try facts.forEach { f, _ in try fact(f) }
    }

    public func sentence(at offset: Int, evidence: Int?) throws -> String {
        let f = try facts.fact(at: offset)
        return evidence.map { f.evidence[$0].sentence } ?? f.provenance.sentence
    }
}

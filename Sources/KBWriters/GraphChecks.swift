// The checks both writers run before writing a byte: ids are usable and unique, and every id a
// fact refers to is in the graph. A refused graph leaves the sink untouched.

import KBGraph

public enum GraphChecks {
    /// - Returns: the entity types by id.
    /// - Throws: `WriterError.invalidIdentifier`, `.duplicateIdentifier` or `.danglingReference`.
    @discardableResult
    static func check(_ graph: KnowledgeGraph) throws -> [String: EntityType] {
        let entities = try check(documents: graph.documents, entities: graph.entities)
        let documents = Set(graph.documents.map(\.id))
        var facts = Set<String>()
        for f in graph.facts {
            guard Values.isStableID(f.id) else { throw WriterError.invalidIdentifier(kind: "fact", id: f.id) }
            guard facts.insert(f.id).inserted else { throw WriterError.duplicateIdentifier(kind: "fact", id: f.id) }
            try check(f, documents: documents, entities: entities)
        }
        return entities
    }

    /// Checks a fact's id (a stream whose references and id order were checked by its reader).
    public static func check(_ f: Fact) throws {
        guard Values.isStableID(f.id) else { throw WriterError.invalidIdentifier(kind: "fact", id: f.id) }
    }

    /// Checks one fact: its id and its references (uniqueness is the caller's: a stream checks the id order).
    public static func check(_ f: Fact, documents: Set<String>, entities: [String: EntityType]) throws {
        try check(f, documents: { documents.contains($0) }, entities: entities)
    }

    /// ``check(_:documents:entities:)`` with the documents as a membership test.
    public static func check(_ f: Fact, documents: (String) -> Bool, entities: [String: EntityType]) throws {
        guard Values.isStableID(f.id) else { throw WriterError.invalidIdentifier(kind: "fact", id: f.id) }
        if entities[f.subject] == nil { throw WriterError.danglingReference(fact: f.id, field: "subject", id: f.subject) }
        if entities[f.object] == nil { throw WriterError.danglingReference(fact: f.id, field: "object", id: f.object) }
        if let p = f.placeID, entities[p] == nil { throw WriterError.danglingReference(fact: f.id, field: "place", id: p) }
        if !documents(f.provenance.documentID) {
            throw WriterError.danglingReference(fact: f.id, field: "document", id: f.provenance.documentID)
        }
        for e in f.evidence where !documents(e.documentID) {
            throw WriterError.danglingReference(fact: f.id, field: "evidence document", id: e.documentID)
        }
    }

    /// Checks documents and entities (ids, uniqueness).
    /// - Returns: the entity types by id.
    @discardableResult
    public static func check(documents docs: [Document], entities ents: [Entity]) throws -> [String: EntityType] {
        try check(documents: RecordList(docs), entities: ents)
    }

    /// ``check(documents:entities:)`` for documents read one at a time: in increasing id order (a spill's), a
    /// repeated id is the one before and no set of ids is kept.
    @discardableResult
    public static func check(documents docs: RecordList<Document>, entities ents: [Entity]) throws -> [String: EntityType] {
        var documents = Set<String>()
        var last: String?, increasing = true
        try docs.forEach { d in
            guard Values.isStableID(d.id) else { throw WriterError.invalidIdentifier(kind: "document", id: d.id) }
            if increasing, let l = last, !(l < d.id) {
                if l == d.id { throw WriterError.duplicateIdentifier(kind: "document", id: d.id) }
                // not in order: from here on, a set of every id (those seen so far are read again)
                increasing = false
            }
            last = d.id
        }
        if !increasing {
            try docs.forEach { d in
                guard documents.insert(d.id).inserted else { throw WriterError.duplicateIdentifier(kind: "document", id: d.id) }
            }
        }
        var entities = [String: EntityType]()
        entities.reserveCapacity(ents.count)
        for e in ents {
            guard Values.isStableID(e.id) else { throw WriterError.invalidIdentifier(kind: "entity", id: e.id) }
            guard entities.updateValue(e.type, forKey: e.id) == nil else {
                throw WriterError.duplicateIdentifier(kind: "entity", id: e.id)
            }
        }
        return entities
    }
}

extension Fact {
    /// The place entity id, nil when absent or empty.
    var placeID: String? { (place?.isEmpty ?? true) ? nil : place }
}

// What the graph formats (GraphML, GEXF) draw of a knowledge graph: by default (command line) no DATE nodes —
// dates are attributes of facts — and no node without an edge, which Gephi would draw as a ring around the graph.
// The facts file and the RDF formats always carry the whole graph.

import KBGraph

public struct GraphView {
    /// The entities written as nodes, in the order given.
    public let nodes: [Entity]
    private let dropped: Set<String>

    /// - Parameters:
    ///   - facts: the facts of the graph (or the participants' ids, see `init(options:entities:participants:)`).
    public init(options: ExportOptions, entities: [Entity], facts: [Fact]) {
        self.init(options: options, entities: entities, participants: { body in
            for f in facts { body(f.subject, f.object) }
        })
    }

    /// The view from the (subject, object) pairs of every fact, given to `participants`' closure (a streamed
    /// export gives them from a first pass over its input).
    public init(options: ExportOptions, entities: [Entity], participants: ((String, String) -> Void) -> Void) {
        let dates = options.dateNodes ? Set<String>() : Set(entities.lazy.filter { $0.type == .date }.map(\.id))
        dropped = dates
        guard !options.keepIsolated else {
            nodes = dates.isEmpty ? entities : entities.filter { !dates.contains($0.id) }
            return
        }
        var used = Set<String>()
        participants { s, o in
            if !dates.contains(s) && !dates.contains(o) { used.insert(s); used.insert(o) }
        }
        nodes = entities.filter { used.contains($0.id) }
    }

    /// Whether the fact is drawn as an edge (not when it links a DATE node that is left out).
    public func keeps(_ f: Fact) -> Bool {
        dropped.isEmpty || (!dropped.contains(f.subject) && !dropped.contains(f.object))
    }

    /// Publication dates by document id (documents without one left out).
    public static func publicationDates(_ documents: [Document]) -> [String: String] {
        var out = [String: String]()
        // as the writers show it (an XML-illegal character removed): a date that is nothing after that is none
        for d in documents { if let p = d.published.flatMap(Values.display), !p.isEmpty { out[d.id] = p } }
        return out
    }

    /// The earliest publication date of the documents, nil when none is known.
    public static func firstReported(_ documents: [String], _ published: [String: String]) -> String? {
        documents.compactMap { published[$0] }.min()
    }
}

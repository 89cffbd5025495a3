// The documents and mentions a writer gets at `begin` (`GraphOutline`): an array in memory, or records read from a
// spill file one at a time (`SortedSpill`), so that an export of a large corpus does not hold them all.

import KBGraph

/// Records in order: an array, or a stream read from disk (each `forEach` reads it again).
public struct RecordList<Element> {
    private let array: [Element]?
    private let stream: (((Element) throws -> Void) throws -> Void)?
    /// How many records there are.
    public let count: Int

    /// The records of an array.
    public init(_ array: [Element]) { self.array = array; stream = nil; count = array.count }

    /// `count` records given in order by `forEach` (which may be called more than once).
    public init(count: Int, forEach: @escaping ((Element) throws -> Void) throws -> Void) {
        array = nil; stream = forEach; self.count = count
    }

    public var isEmpty: Bool { count == 0 }

    /// True for records read from a stream (not an array).
    public var isStreamed: Bool { stream != nil }

    /// Every record in order.
    public func forEach(_ body: (Element) throws -> Void) throws {
        if let array { for e in array { try body(e) } } else if let stream { try stream(body) }
    }

    /// The records as an array (in memory: for writers of small graphs).
    public func all() throws -> [Element] {
        if let array { return array }
        var out: [Element] = []
        out.reserveCapacity(count)
        try forEach { out.append($0) }
        return out
    }
}

extension RecordList where Element == Document {
    /// The publication dates by document id, as the writers show them (`GraphView.publicationDates`).
    public func publicationDates() throws -> [String: String] {
        var out = [String: String]()
        try forEach { d in if let p = d.published.flatMap(Values.display), !p.isEmpty { out[d.id] = p } }
        return out
    }
}

// The k-way merge of sorted runs shared by the spills (ReportSpill's facts, SortedSpill's documents and mentions):
// a binary heap of run indices ordered by each run's head, ties broken by the earlier run (a stable merge).

enum RunMerge {
    /// Calls `body` with every element of the runs in merged order. `heads[i]` is run i's first element (nil when
    /// empty); `next(i)` reads run i's following element; `less` orders elements.
    static func merge<E>(heads initial: [E?], next: (Int) throws -> E?, less: (E, E) -> Bool,
                         _ body: (E) throws -> Void) throws {
        var heads = initial
        func before(_ a: Int, _ b: Int) -> Bool {
            let x = heads[a]!, y = heads[b]!
            return less(x, y) || (!less(y, x) && a < b)
        }
        var heap = heads.indices.filter { heads[$0] != nil }
        func down(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, before(heap[l], heap[m]) { m = l }
                if r < heap.count, before(heap[r], heap[m]) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { down(i) }
        while let top = heap.first {
            let e = heads[top]!
            heads[top] = try next(top)
            if heads[top] == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { down(0) }
            try body(e)
        }
    }
}

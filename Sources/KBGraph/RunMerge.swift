// The k-way merge of sorted runs shared by the spills (ReportSpill's facts, SortedSpill's documents and mentions):
// a binary heap of run indices ordered by each run's head, ties broken by the earlier run (a stable merge).

enum RunMerge {
    /// Calls `body` with every element of the runs in merged order. `heads[i]` is run i's first element (nil when
    /// empty); `next(i)` reads run i's following element; `less` orders elements.
    static func merge<E>(heads initial: [E?], next: (Int) throws -> E?, less: (E, E) -> Bool,
                         _ body: (E) throws -> Void) throws {
        try merge(heads: initial, next: next, lessAt: { less($0.pointee, $1.pointee) }, body)
    }

    /// ``merge(heads:next:less:_:)`` with `lessAt` comparing two heads in place (the heads are held in one buffer,
    /// compared through pointers and moved out to `body`: a comparison of copies retains every field of both).
    static func merge<E>(heads initial: [E?], next: (Int) throws -> E?, lessAt: (UnsafePointer<E>, UnsafePointer<E>) -> Bool,
                         _ body: (E) throws -> Void) throws {
        let k = initial.count
        let heads = UnsafeMutablePointer<E>.allocate(capacity: max(1, k))
        var heap: [Int] = []
        for (i, h) in initial.enumerated() {
            guard let h else { continue }
            (heads + i).initialize(to: h)
            heap.append(i)
        }
        // the heads still held (the runs in the heap) are let go however the merge ends
        defer {
            for i in heap { (heads + i).deinitialize(count: 1) }
            heads.deallocate()
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            lessAt(heads + a, heads + b) || (!lessAt(heads + b, heads + a) && a < b)
        }
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
            let e = (heads + top).move()
            var following: E?
            do { following = try next(top) } catch {
                heap.removeFirst()   // its head was moved out
                throw error
            }
            if following != nil {
                (heads + top).initialize(to: following.take()!)   // moved, not copied
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { down(0) }
            try body(e)
        }
    }
}

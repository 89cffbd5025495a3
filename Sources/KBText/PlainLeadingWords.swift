extension String {
    /// Of `plainSplit(separator: " ")`: the number of words and the first two, read on the bytes of a plain string
    /// (where the byte split is the `Character` split), without an array of pieces (the loaders ask this of every
    /// name of the gazetteer and of the labeller's lexicon).
    public func plainLeadingWords() -> (count: Int, first: String?, second: String?) {
        guard NormKey.isPlain(self) else {
            let w = plainSplit(separator: " ")
            return (w.count, w.first.map(String.init), w.count >= 2 ? String(w[1]) : nil)
        }
        var v = self
        return v.withUTF8 { p in
            var count = 0
            var first: Range<Int>? = nil, second: Range<Int>? = nil
            var k = 0
            while k < p.count {
                if p[k] == 0x20 { k += 1; continue }
                let s = k
                while k < p.count && p[k] != 0x20 { k += 1 }
                count += 1
                if first == nil { first = s..<k } else if second == nil { second = s..<k }
            }
            func str(_ x: Range<Int>?) -> String? { x.map { String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self) } }
            return (count, str(first), str(second))
        }
    }
}

// The few numbers `applyFinders` takes from the arguments found (their end, their distance from the trigger) and the
// future test before the trigger, as loops over the context passed in: closures over the context copied it per reading.
extension RuleEngine {
    /// `[s, o].filter { $0 >= 0 }.map { c.mentions[$0].range.upperBound }.max() ?? i`.
    static func argumentEnd(_ s: Int, _ o: Int, _ i: Int, _ c: SentenceContext) -> Int {
        if s < 0 && o < 0 { return i }
        return max(s >= 0 ? c.mentions[s].range.upperBound : Int.min, o >= 0 ? c.mentions[o].range.upperBound : Int.min)
    }

    /// `args.map { min(abs(lower - i), abs(upper - 1 - i)) }.max() ?? 0` for the mentions `args`.
    static func argumentDistance(_ args: [Int], _ i: Int, _ c: SentenceContext) -> Int {
        var best: Int? = nil
        for m in args {
            let r = c.mentions[m].range
            let d = min(abs(r.lowerBound - i), abs(r.upperBound - 1 - i))
            if best.map({ d > $0 }) ?? true { best = d }
        }
        return best ?? 0
    }

    /// `(lo...i).contains { c.isFuture($0, lex) }`.
    static func anyFuture(_ lo: Int, _ i: Int, _ c: SentenceContext, _ lex: WordLexicon) -> Bool {
        var k = lo
        while k <= i {
            if c.isFuture(k, lex) { return true }
            k += 1
        }
        return false
    }
}

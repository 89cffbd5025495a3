import KBGraph
import KBText

/// Stacked titles after a name: «X رئيس وزراء غينيا رئيس الاتحاد الأفريقي». The second title (at i) follows the
/// named body or state that ends the first title (a word of class ROLE_HEAD right after the person X) with nothing
/// but the first title's words between: X holds both.
extension RuleEngine {
    static func stackedTitleHolder(before i: Int, _ c: SentenceContext) -> Int? {
        // the first title's body or state ends right before the second title
        guard i > 0, let body = c.mention(at: i - 1), c.mentions[body].type != .person,
              c.mentions[body].range.upperBound == i else { return nil }
        var k = c.mentions[body].range.lowerBound - 1
        while k >= 0, i - k <= 7 {
            if c.isStrongPunct(k) || c.isComma(k) { return nil }
            if c.inClass(k, c.classInfo.roleHead) {
                // a title of two heads, «رئيس وزراء»: back to its first
                if k > 0, c.mention(at: k - 1) == nil, c.inClass(k - 1, c.classInfo.roleHead) { k -= 1; continue }
                guard k > 0, let p = c.mention(at: k - 1), c.mentions[p].type == .person,
                      c.mentions[p].range.upperBound == k, !c.mentions[p].titleOnly else { return nil }
                return p
            }
            if let m = c.mention(at: k) {
                if c.mentions[m].type == .person { return nil }
                k = c.mentions[m].range.lowerBound - 1; continue
            }
            k -= 1
        }
        return nil
    }
}

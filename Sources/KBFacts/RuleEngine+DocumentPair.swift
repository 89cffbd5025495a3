import KBText

extension Extractor {
    /// «بين البلدين» in a document that has told no contact between two states: the two states it has named so far
    /// (by name or adjective, up to and including sentence `si`), when there are exactly two — an article about a
    /// dispute between two capitals names no third. The sentence's own states must be among them. First named first.
    static func twoStatesNamed(upTo si: Int, _ mentions: [[RawMention]], own: [String]) -> (String, String)? {
        var states: [String] = []
        for s in mentions.prefix(si + 1) {
            for m in s where m.type == .place && m.subtype == "country" && !m.key.isEmpty && !states.contains(m.key) {
                states.append(m.key)
                if states.count > 2 { return nil }
            }
        }
        guard states.count == 2, own.allSatisfy(states.contains) else { return nil }
        return (states[0], states[1])
    }
}

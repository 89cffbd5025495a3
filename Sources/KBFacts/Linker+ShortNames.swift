import KBText

extension Linker {
    /// «المجلس الانتقالي» after «المجلس العسكري الانتقالي», «حزب الأمة» beside «حزب الأمة القومي»: a guessed
    /// organisation whose name is the head and some of the words of exactly one longer guessed name of the
    /// document, in the same order, is that organisation. Summits and conferences keep their own names
    /// («القمة العربية» is not «القمة العربية الصينية»); two longer candidates leave it alone.
    func linkShortenedNames(_ perSentence: inout [[RawMention]]) {
        func words(_ key: String) -> [String] {
            let name = key.dropFirst(4).plainSplit(separator: "@", maxSplits: 1).first.map(String.init) ?? ""
            return name.plainSplit(separator: " ").map(String.init)
        }
        var keys: [String] = []
        for s in perSentence.indices { for k in perSentence[s].indices where perSentence[s][k].type == .organization {
            let key = perSentence[s][k].key
            if Linker.keyHasPrefix(key, "org:"), perSentence[s][k].subtype != "event", !keys.contains(key) { keys.append(key) }
        } }
        guard keys.count >= 2 else { return }
        var target: [String: String] = [:]
        let keyWords = keys.map(words)      // (each key split once, not once per pair)
        for (x, short) in keys.enumerated() {
            let s = keyWords[x]
            guard s.count >= 2 else { continue }
            let longer = keys.indices.filter { keys[$0] != short && Linker.isShortening(s, of: keyWords[$0]) }.map { keys[$0] }
            if longer.count == 1 { target[short] = longer[0] }
        }
        guard !target.isEmpty else { return }
        for s in perSentence.indices {
            for k in perSentence[s].indices where perSentence[s][k].type == .organization {
                if let t = target[perSentence[s][k].key] { perSentence[s][k].key = t }
            }
        }
    }

    /// `short` is `long`'s head and a strict, ordered selection of its other words.
    static func isShortening(_ short: [String], of long: [String]) -> Bool {
        guard long.count > short.count, short.first == long.first else { return false }
        var i = 1
        for w in long.dropFirst() where i < short.count && w == short[i] { i += 1 }
        return i == short.count
    }
}

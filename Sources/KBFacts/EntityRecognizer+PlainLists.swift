import KBText

extension EntityRecognizer {
    /// `list.contains(s)` for a short list of words (clitic prefixes and the like), each compared with
    /// `plainEquals`: as UTF-8 bytes when both are plain, else with `==` (the same answer as `contains`, without
    /// the Unicode comparison of Arabic strings for every element).
    @inline(__always)
    static func listContains(_ list: [String], _ s: String) -> Bool {
        list.contains { $0.plainEquals(s) }
    }
}

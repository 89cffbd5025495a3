// The development corpus's check split (../shared/dev-corpus/README.md): the documents whose number is a
// multiple of 4 (d04, d08, …, d56) measure generalisation; the rest is for development. Both are scored apart.

import Foundation

public enum DevCorpusSplit: String, Sendable, CaseIterable {
    case check, rest

    /// The split of a corpus text file named `dNN.txt`; nil for any other name.
    public static func of(path: String) -> DevCorpusSplit? {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard name.count >= 2, name.first == "d", let n = Int(name.dropFirst()) else { return nil }
        return n % 4 == 0 ? .check : .rest
    }

    /// The files of `paths` that belong to this split, in their order.
    public func filter(_ paths: [String]) -> [String] { paths.filter { Self.of(path: $0) == self } }
}

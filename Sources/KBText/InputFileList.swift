// The input files of a run, kept compactly: a million paths take the bytes of the paths and an offset each
// (about 45 bytes a file), not an `InputFile` and a string allocation each (about 110).

/// Input files in order, their paths in one byte buffer; an `InputFile` is made when asked for.
public struct InputFileList: RandomAccessCollection, Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Files that are not a plain path (standard input, embedded resources, a display path of their own).
    private var others: [Int: InputFile] = [:]

    public init() {}

    public init(_ files: some Sequence<InputFile>) {
        for f in files { append(f) }
    }

    public mutating func append(_ f: InputFile) {
        if f.isEmbedded || f.isStandardInput || f.displayPath != f.path { others[ends.count] = f }
        var path = f.path
        path.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(i: Int) -> InputFile {
        if let f = others[i] { return f }
        let start = i > 0 ? ends[i - 1] : 0
        return InputFile(path: bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[i]]), as: UTF8.self) })
    }
}

// Spill files: extraction results kept on disk instead of in memory (`ReportSpill`).
//
// A spill file is created in TMPDIR (else /tmp) and unlinked at once: the system removes it when it is closed, on
// success, on an error and when the process is killed (even by SIGKILL); nothing is ever left in the directory.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to write or read a spill file (a full disk, a missing TMPDIR).
public struct SpillError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "spill file: \(message)" }

    static func failed(_ what: String) -> SpillError {
        let code = errno
        return SpillError("\(what): \(strerror(code).map { String(cString: $0) } ?? "error \(code)")")
    }
}

/// An unlinked temporary file written at its end through a buffer and read back anywhere. The file is made when the
/// buffer first outgrows `memoryLimit`: a small spill never touches the disk.
public final class SpillFile {
    private var fd: Int32 = -1
    private let directory: String
    /// Bytes in the file, the buffer included.
    public var size: Int { flushed + buffer.count }
    private var buffer: [UInt8] = []
    private let memoryLimit: Int
    private let bufferLimit = 1 << 16

    /// The directory spill files go to: `TMPDIR`, else /tmp.
    public static var directory: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// True once the bytes went to a file.
    public var onDisk: Bool { fd >= 0 }

    public init(directory: String = SpillFile.directory, memoryLimit: Int = 0) {
        self.directory = directory
        self.memoryLimit = memoryLimit
    }

    deinit { if fd >= 0 { _ = close(fd) } }

    private func create() throws {
        var template = Array((directory + "/kbexport-spill-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SpillError.failed(directory) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.fd = fd
    }

    private func flushIfFull() throws {
        if buffer.count >= (fd >= 0 ? bufferLimit : memoryLimit) { try flush() }
    }

    /// Appends one record (its length, then its bytes); returns the record's offset.
    @discardableResult
    public func appendRecord(_ bytes: [UInt8]) throws -> Int {
        let offset = size
        Self.frame(bytes, into: &buffer)
        try flushIfFull()
        return offset
    }

    /// Appends records framed by `frame` (a block of them); returns where they are.
    public func appendFramed(_ bytes: [UInt8]) throws -> Range<Int> {
        let start = size
        buffer.append(contentsOf: bytes)
        try flushIfFull()
        return start..<size
    }

    /// A record as the file holds it, appended to `out`: its length (a varint), then its bytes.
    public static func frame(_ bytes: [UInt8], into out: inout [UInt8]) {
        var n = UInt64(bytes.count)
        repeat {
            out.append(UInt8(n & 0x7F) | (n >= 0x80 ? 0x80 : 0))
            n >>= 7
        } while n > 0
        out.append(contentsOf: bytes)
    }

    /// Bytes already in the file (the rest is in the buffer).
    private var flushed = 0

    /// Writes the buffer out (making the file).
    public func flush() throws {
        if buffer.isEmpty { return }
        if fd < 0 { try create() }
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(flushed + done)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SpillError.failed("write")
            }
            done += n
        }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Reads `count` bytes at `offset`, from the file and the buffer.
    func read(_ offset: Int, _ count: Int, into out: UnsafeMutableRawPointer) throws {
        var done = 0
        while done < count, offset + done < flushed {
            let n = pread(fd, out + done, min(count - done, flushed - offset - done), off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw SpillError.failed("read") }
            if n == 0 { throw SpillError("read: the file ends early") }
            done += n
        }
        guard done < count else { return }
        let from = offset + done - flushed
        guard from >= 0, from + count - done <= buffer.count else { throw SpillError("read: past the end") }
        buffer.withUnsafeBytes { (out + done).copyMemory(from: $0.baseAddress! + from, byteCount: count - done) }
    }

    /// The record at `offset`.
    public func record(at offset: Int) throws -> [UInt8] {
        var reader = Reader(file: self, range: offset..<size, window: 4096)
        guard let r = try reader.next() else { throw SpillError("read: no record at \(offset)") }
        return r.bytes
    }

    /// The records of a range of the file, in order, through a window.
    public func records(_ range: Range<Int>? = nil) -> Reader {
        Reader(file: self, range: range ?? 0..<size)
    }

    /// Reads records in file order.
    public struct Reader {
        let file: SpillFile
        var position: Int
        let end: Int
        var window: [UInt8]
        var windowStart = 0, windowCount = 0

        init(file: SpillFile, range: Range<Int>, window: Int = 1 << 16) {
            self.file = file; position = range.lowerBound; end = range.upperBound
            self.window = [UInt8](repeating: 0, count: min(window, max(16, range.count)))
            windowStart = position
        }

        /// Makes `count` bytes from `position` readable in the window.
        private mutating func fill(_ count: Int) throws {
            if position >= windowStart, position + count <= windowStart + windowCount { return }
            let want = max(count, window.count)
            if window.count < want { window = [UInt8](repeating: 0, count: want) }
            windowStart = position
            windowCount = min(want, end - position)
            guard windowCount >= count else { throw SpillError("read: a record runs past the end") }
            let (start, n) = (windowStart, windowCount)
            try window.withUnsafeMutableBytes { try file.read(start, n, into: $0.baseAddress!) }
        }

        /// The next record and its offset, nil at the end.
        public mutating func next() throws -> (offset: Int, bytes: [UInt8])? {
            guard position < end else { return nil }
            let offset = position
            var length = 0, shift = 0
            while true {
                try fill(1)
                let b = window[position - windowStart]
                position += 1
                length |= Int(b & 0x7F) << shift
                shift += 7
                if b < 0x80 { break }
                guard shift < 63 else { throw SpillError("read: bad record length at \(offset)") }
            }
            try fill(length)
            let from = position - windowStart
            let bytes = Array(window[from..<(from + length)])
            position += length
            return (offset, bytes)
        }
    }
}

// A scratch file for NTriplesToGraphML's node blocks.

import KBWriters
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An unlinked temporary file (in `TMPDIR`, else /tmp) for the node blocks: removed by the system when closed,
/// even if the process is killed.
final class ScratchFile {
    let fd: Int32
    private(set) var size = 0
    private var failure: String?

    init() throws {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/kbexport-graphml-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw XMLError.output("\(directory): \(String(cString: strerror(errno)))") }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { _ = close(fd) }

    /// Appends the buffer's bytes to the file and empties the buffer.
    func flush(_ buffer: XMLEscapedBuffer) throws {
        var done = 0
        let bytes = buffer.bytes
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = "scratch file: \(String(cString: strerror(errno)))"
                throw XMLError.output(failure!)
            }
            done += n
        }
        size += bytes.count
        buffer.removeAll()
    }

    func check() throws { if let failure { throw XMLError.output(failure) } }

    func reader() -> Reader { Reader(fd: fd) }

    /// Reads ranges back through a window of 4 MiB (the ranges come mostly in file order).
    struct Reader {
        let fd: Int32
        var window = [UInt8](repeating: 0, count: 1 << 22)
        var windowStart = 0, windowCount = 0

        init(fd: Int32) { self.fd = fd }

        mutating func copy(from start: Int, count: Int, into out: XMLEscapedBuffer) throws {
            if start < windowStart || start + count > windowStart + windowCount {
                if count > window.count { window = [UInt8](repeating: 0, count: count) }
                windowStart = start
                windowCount = 0
                while windowCount < count {
                    let n = window.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + windowCount, $0.count - windowCount, off_t(start + windowCount)) }
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { throw XMLError.output("scratch file: \(n < 0 ? String(cString: strerror(errno)) : "ends early")") }
                    windowCount += n
                }
            }
            window.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[(start - windowStart)..<(start - windowStart + count)])) }
        }
    }
}

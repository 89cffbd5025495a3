// Reading a file in blocks of whole lines, shared by the N-Triples parser and the single-pass conversions.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum LineBlocks {
    /// Calls `body` with the bytes of `fd` in blocks of whole lines (the last block holds what follows the last
    /// line feed), in order, with the file offset of each; `first` is true for the block at the start of the
    /// input. Memory does not grow with the file: a block grows only for a line longer than 4 MiB. `name`
    /// names the input in read errors.
    static func forEach(fd: Int32, name: String,
                     _ body: (_ block: UnsafeBufferPointer<UInt8>, _ offset: Int, _ first: Bool) throws -> Void) throws {
        var capacity = 1 << 22
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        var offset = 0
        var first = true
        var eof = false
        while !eof {
            if filled == capacity {  // a very long line
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = read(fd, buffer + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw RDFReadError(name: name, line: 0, message: String(cString: strerror(errno)))
            }
            if n == 0 { eof = true } else { filled += n }
            var end = filled
            if !eof {
                while end > 0, buffer[end - 1] != 0x0A { end -= 1 }
                if end == 0 { continue }
            }
            if end > 0 || first { try body(UnsafeBufferPointer(start: buffer, count: end), offset, first) }
            first = false
            if end < filled { memmove(buffer, buffer + end, filled - end) }
            filled -= end
            offset += end
        }
    }
}

// The few POSIX calls the sinks need, with errno turned into text.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum Posix {
    /// `strerror(code)` as a Swift string.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// Writes all of `bytes` to `fd`, retrying on `EINTR` and short writes.
    ///
    /// - Throws: `XMLError.closedPipe` on `EPIPE`, else `XMLError.output("<name>: <strerror>")`.
    /// The corresponding C function is `write`.
    static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer, name: String) throws {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = write(fd, p, left)
            if n > 0 {
                p += n
                left -= n
            } else if n < 0 {
                let e = errno
                if e == EINTR { continue }
                if e == EPIPE { throw XMLError.closedPipe }
                throw XMLError.output("\(name): \(errorText(e))")
            } else {
                throw XMLError.output("\(name): write returned 0")
            }
        }
    }
}

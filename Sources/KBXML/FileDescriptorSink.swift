// A buffered sink over a POSIX file descriptor (standard output, a pipe, an open file).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a file descriptor through a 64 KiB buffer, retrying on `EINTR` and short writes.
///
/// Errors are `XMLError.output("<name>: <strerror>")`, or `XMLError.closedPipe` when the reader went away
/// (`EPIPE`; call `ignoreBrokenPipeSignal()` once at startup, or the default `SIGPIPE` action ends the process
/// before the error can be seen). After an error every further call throws the same error.
/// On deinit, buffered bytes are flushed (errors ignored) and the descriptor is closed if `closeOnDeinit`.
public final class FileDescriptorSink: OutputSink {
    /// The size of the write buffer, in bytes.
    public static let bufferSize = 64 * 1024

    public let fd: Int32
    public let name: String
    private let closeOnDeinit: Bool
    private var buffer: [UInt8] = []
    private var failure: XMLError?
    private var isClosed = false

    /// A sink on file descriptor 1 that never closes it.
    public static func standardOutput() -> FileDescriptorSink {
        FileDescriptorSink(fd: STDOUT_FILENO, closeOnDeinit: false, name: "standard output")
    }

    /// Sets `SIGPIPE` to be ignored, so that writing to a closed pipe fails with `EPIPE` instead of killing the
    /// process. This is process-wide: the command-line tool calls it once at startup.
    /// The corresponding C function is `signal`.
    public static func ignoreBrokenPipeSignal() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// - Parameters:
    ///   - fd: an open descriptor, written from its current offset.
    ///   - closeOnDeinit: whether this sink owns `fd` and closes it on deinit.
    ///   - name: the path or label used in error messages.
    public init(fd: Int32, closeOnDeinit: Bool, name: String) {
        self.fd = fd
        self.closeOnDeinit = closeOnDeinit
        self.name = name
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !isClosed {
            try? flush()
            if closeOnDeinit { _ = close(fd) }
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try checkUsable()
        if buffer.count + bytes.count > Self.bufferSize { try flush() }
        if bytes.count >= Self.bufferSize {
            try guarded { try Posix.writeAll(fd: fd, bytes, name: name) }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes the buffered bytes to the descriptor (no `fsync`).
    public func flush() throws {
        try checkUsable()
        guard !buffer.isEmpty else { return }
        try guarded { try buffer.withUnsafeBytes { try Posix.writeAll(fd: fd, $0, name: name) } }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then `fsync`s the descriptor. The corresponding C function is `fsync`.
    func synchronize() throws {
        try flush()
        if fsync(fd) != 0 {
            try guarded { throw XMLError.output("\(name): \(Posix.errorText(errno))") }
        }
    }

    /// Drops the buffered bytes (not yet written), keeping the descriptor open.
    func discardBuffer() { buffer.removeAll(keepingCapacity: true) }

    /// Drops buffered bytes and closes the descriptor, ignoring errors; the sink is unusable afterwards.
    func discardAndClose() {
        guard !isClosed else { return }
        buffer.removeAll()
        _ = close(fd)
        isClosed = true
    }

    /// Closes the descriptor (without flushing) and reports a failed `close`. The corresponding C function is `close`.
    func closeDescriptor() throws {
        guard !isClosed else { return }
        isClosed = true
        if close(fd) != 0 { throw XMLError.output("\(name): \(Posix.errorText(errno))") }
    }

    private func checkUsable() throws {
        if let failure { throw failure }
        if isClosed { throw XMLError.output("\(name): already closed") }
    }

    private func guarded(_ body: () throws -> Void) throws {
        do { try body() } catch let error as XMLError {
            failure = error
            throw error
        }
    }
}

// A file sink that replaces its target only when the whole document was written.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a temporary file next to `path` (`.<name>.<random>.tmp`, same directory, so the rename is atomic);
/// `commit()` fsyncs it and renames it onto `path`. Until then an existing file at `path` is untouched.
/// `abort()`, an error in `commit()`, or deinit without `commit()` removes the temporary file.
///
/// A new file gets mode 0666 minus the umask; a replaced file keeps its permission bits. A symbolic link at `path`
/// is replaced by the file, not followed.
/// Errors are `XMLError.output("<path>: <strerror>")`.
public final class AtomicFileSink: OutputSink {
    private enum State { case open, committed, aborted }

    /// The file that `commit()` creates or replaces.
    public let path: String
    /// The temporary file the bytes go to until `commit()`.
    public let temporaryPath: String
    private let file: FileDescriptorSink
    private var state = State.open

    /// Creates the temporary file.
    ///
    /// - Throws: `XMLError.output` naming `path` when the directory is missing or not writable, or when `path`
    ///   is a directory. The corresponding C function is `open` (with `O_CREAT | O_EXCL`).
    public init(path: String) throws {
        self.path = path
        var st = stat()
        var keepMode: mode_t?
        if path.isEmpty || path.hasSuffix("/") {
            throw XMLError.output("\(path.isEmpty ? "(empty path)" : path): \(Posix.errorText(EISDIR))")
        }
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw XMLError.output("\(path): \(Posix.errorText(EISDIR))") }
            keepMode = st.st_mode & 0o7777
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var fd: Int32 = -1
        var candidate = ""
        for _ in 0..<100 {
            candidate = directory + "." + base + "." + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
            fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { break }
            let e = errno
            if e != EEXIST && e != EINTR { throw XMLError.output("\(path): \(Posix.errorText(e))") }
        }
        guard fd >= 0 else { throw XMLError.output("\(path): cannot create a temporary file") }
        if let keepMode { _ = fchmod(fd, keepMode) }
        temporaryPath = candidate
        file = FileDescriptorSink(fd: fd, closeOnDeinit: false, name: path)
    }

    deinit { abort() }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try checkOpen()
        try file.write(bytes)
    }

    /// Writes buffered bytes to the temporary file (the target is not touched).
    public func flush() throws {
        try checkOpen()
        try file.flush()
    }

    /// Flushes, fsyncs and closes the temporary file, then renames it onto `path` and fsyncs the directory.
    /// On error the temporary file is removed and the target is left as it was.
    /// The corresponding C functions are `fsync`, `close` and `rename`.
    public func commit() throws {
        try checkOpen()
        do {
            try file.synchronize()
            try file.closeDescriptor()
            if rename(temporaryPath, path) != 0 { throw XMLError.output("\(path): \(Posix.errorText(errno))") }
        } catch {
            abort()
            throw error
        }
        state = .committed
        syncDirectory()
    }

    /// Closes and removes the temporary file; does nothing after `commit()` or a previous `abort()`.
    public func abort() {
        guard state == .open else { return }
        state = .aborted
        file.discardAndClose()
        _ = unlink(temporaryPath)
    }

    private func checkOpen() throws {
        switch state {
        case .open: return
        case .committed: throw XMLError.output("\(path): already committed")
        case .aborted: throw XMLError.output("\(path): aborted")
        }
    }

    /// Best effort: makes the rename durable. Errors are ignored (some file systems refuse `fsync` on directories).
    private func syncDirectory() {
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }
}

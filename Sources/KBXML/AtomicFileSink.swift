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
/// `abort()`, an error in `commit()`, or deinit without `commit()` removes the temporary file; so does a
/// SIGINT, SIGTERM or SIGHUP once `removeTemporaryFilesOnSignals()` was called (a SIGKILL cannot be caught: it
/// leaves the hidden temporary file, never a partial `path`).
///
/// A new file gets mode 0666 minus the umask; a replaced file keeps its permission bits. A symbolic link at `path`
/// is replaced by the file, not followed.
///
/// When `path` exists and is not a regular file or directory (a device such as `/dev/null` or `/dev/full`, a named
/// pipe, a socket), or is one of the per-process links the kernel provides (`/dev/stdout`, `/dev/fd/N`,
/// `/proc/self/fd/N`), there is nothing to replace atomically: the sink writes straight into it (`isDirect`), and
/// `abort()` only closes it. Replacing such a path by a regular file would break the device for every other
/// program (as root, `-o /dev/null` would otherwise turn `/dev/null` into a file).
/// Errors are `XMLError.output("<path>: <strerror>")` (for example `/dev/full: No space left on device`).
public final class AtomicFileSink: OutputSink {
    private enum State { case open, committed, aborted }

    /// The file that `commit()` creates or replaces.
    public let path: String
    /// The temporary file the bytes go to until `commit()`; equal to `path` when `isDirect`.
    public let temporaryPath: String
    /// True when the sink writes straight into `path` (a device, a pipe or a `/proc` link; see above).
    public let isDirect: Bool
    private let file: FileDescriptorSink
    private var state = State.open
    /// The slot of `temporaryPath` in the signal clean-up table, if it has one.
    private var cleanupSlot: Int?

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
        let exists = stat(path, &st) == 0
        if exists {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw XMLError.output("\(path): \(Posix.errorText(EISDIR))") }
            keepMode = st.st_mode & 0o7777
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if Self.mustWriteDirectly(path, directory: directory, exists: exists, status: st) {
            let regular = exists && (st.st_mode & S_IFMT) == S_IFREG
            let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | (regular ? O_TRUNC : 0))
            guard fd >= 0 else { throw XMLError.output("\(path): \(Posix.errorText(errno))") }
            temporaryPath = path
            isDirect = true
            file = FileDescriptorSink(fd: fd, closeOnDeinit: false, name: path)
            return
        }
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
        isDirect = false
        file = FileDescriptorSink(fd: fd, closeOnDeinit: false, name: path)
        cleanupSlot = PendingTemporaryFiles.add(candidate)
    }

    /// Whether `path` names something that cannot be replaced by a renamed regular file: an existing device, pipe
    /// or socket (`status` is `stat` of `path`, valid when `exists`), or a path under `/proc` (which includes the
    /// per-process links `/dev/stdout` → `/proc/self/fd/1` and `/dev/fd/N`).
    private static func mustWriteDirectly(_ path: String, directory: String, exists: Bool, status: stat) -> Bool {
        if exists && (status.st_mode & S_IFMT) != S_IFREG { return true }
        if let real = LibXML.realPath(directory.isEmpty ? "." : directory), real == "/proc" || real.hasPrefix("/proc/") {
            return true
        }
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        if n > 0 {
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/proc/") { return true }
        }
        return false
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

    /// Whether `restart()` can take back what was written: true unless `isDirect`.
    public var canRestart: Bool { !isDirect && state == .open }

    /// Drops everything written so far (the temporary file is emptied; the target is not touched), so that a writer
    /// that found it must start again can write the document from the beginning.
    /// - Throws: `XMLError.output` when the sink writes straight into `path` (`isDirect`), is no longer open, or
    ///   the file cannot be truncated. The corresponding C functions are `ftruncate` and `lseek`.
    public func restart() throws {
        try checkOpen()
        guard !isDirect else { throw XMLError.output("\(path): cannot take back bytes written to a device or pipe") }
        file.discardBuffer()
        if ftruncate(file.fd, 0) != 0 || lseek(file.fd, 0, SEEK_SET) < 0 {
            let e = XMLError.output("\(path): \(Posix.errorText(errno))")
            abort()
            throw e
        }
    }

    /// Flushes, fsyncs and closes the temporary file, then renames it onto `path` and fsyncs the directory.
    /// On error the temporary file is removed and the target is left as it was.
    /// The corresponding C functions are `fsync`, `close` and `rename`.
    public func commit() throws {
        try checkOpen()
        if isDirect {
            do {
                try file.flush()
                try file.closeDescriptor()
            } catch {
                abort()
                throw error
            }
            state = .committed
            return
        }
        do {
            try file.synchronize()
            try file.closeDescriptor()
            if rename(temporaryPath, path) != 0 { throw XMLError.output("\(path): \(Posix.errorText(errno))") }
        } catch {
            abort()
            throw error
        }
        state = .committed
        releaseCleanupSlot()
        syncDirectory()
    }

    /// Closes and removes the temporary file; does nothing after `commit()` or a previous `abort()`.
    /// When `isDirect`, only closes `path` (bytes already written to a device or pipe cannot be taken back).
    public func abort() {
        guard state == .open else { return }
        state = .aborted
        file.discardAndClose()
        if !isDirect { _ = unlink(temporaryPath) }
        releaseCleanupSlot()
    }

    private func releaseCleanupSlot() {
        if let slot = cleanupSlot { PendingTemporaryFiles.remove(slot) }
        cleanupSlot = nil
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files of every open sink before the process ends with
    /// that signal (its default action, so the exit status still tells the signal), and makes SIGXFSZ (a write past
    /// the file size limit, `ulimit -f`) an ordinary `EFBIG` write error instead of a kill. A signal already set to
    /// be ignored (as `nohup` does for SIGHUP) stays ignored. Process-wide: the command-line tool calls it once at
    /// startup. The corresponding C functions are `sigaction`, `unlink` and `raise`.
    public static func removeTemporaryFilesOnSignals() {
        PendingTemporaryFiles.prepare()
        _ = signal(SIGXFSZ, SIG_IGN)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var old = sigaction()
            guard sigaction(sig, nil, &old) == 0 else { continue }
            #if canImport(Glibc)
            let ignored = unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
            #else
            let ignored = false
            #endif
            if ignored { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = removeTemporaryFilesAndDie
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
            _ = sigaction(sig, &action, nil)
        }
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

/// The signal handler installed by `removeTemporaryFilesOnSignals()`: only async-signal-safe calls (`unlink`,
/// `raise`); `SA_RESETHAND` has already restored the default action, so `raise` ends the process with the signal.
private let removeTemporaryFilesAndDie: @convention(c) (Int32) -> Void = { sig in
    PendingTemporaryFiles.unlinkAll()
    _ = raise(sig)
}

/// The temporary files of open sinks, in fixed slots the signal handler can read without allocating or locking:
/// each slot is a NUL-terminated path in a buffer that is never freed, and a flag set once the path is complete.
/// Paths longer than a slot are not registered (they are still removed by `abort()` and deinit).
private enum PendingTemporaryFiles {
    static let slots = 64
    static let slotSize = 4096
    nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * slotSize)
        p.initialize(repeating: 0, count: slots * slotSize)
        return p
    }()
    nonisolated(unsafe) static let used: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
        p.initialize(repeating: 0, count: slots)
        return p
    }()
    static let lock = Lock()

    /// Initialises the tables outside any signal handler.
    static func prepare() { _ = paths; _ = used }

    static func add(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize else { return nil }
        return lock.withLock {
            for i in 0..<slots where used[i] == 0 {
                let slot = paths + i * slotSize
                for (k, b) in bytes.enumerated() { slot[k] = CChar(bitPattern: b) }
                slot[bytes.count] = 0
                used[i] = 1
                return i
            }
            return nil
        }
    }

    static func remove(_ slot: Int) {
        lock.withLock { used[slot] = 0 }
    }

    /// Called from the signal handler.
    static func unlinkAll() {
        for i in 0..<slots where used[i] != 0 { _ = unlink(paths + i * slotSize) }
    }
}

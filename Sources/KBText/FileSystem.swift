#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the input reader needs, each turning `errno` into a readable outcome.
enum FileSystem {
    /// Identity of a file or directory, to find loops and the same file reached twice.
    struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    enum Status {
        case file(FileID)
        case directory(FileID)
        case other(String)
        case missing
        case loop
        case failed(String)
    }

    /// What `path` is, following symbolic links.
    static func status(_ path: String) -> Status {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: return .missing
            case ELOOP: return .loop
            default: return .failed(message(code))
            }
        }
        let id = FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file(id)
        case S_IFDIR: return .directory(id)
        case S_IFIFO: return .other("a named pipe, not a regular file")
        case S_IFCHR, S_IFBLK: return .other("a device, not a regular file")
        case S_IFSOCK: return .other("a socket, not a regular file")
        default: return .other("not a regular file or directory")
        }
    }

    /// Whether `path` is a symbolic link (not followed).
    static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether the process may read `path`; the reason when it may not.
    static func readProblem(_ path: String) -> String? {
        access(path, R_OK) == 0 ? nil : message(errno)
    }

    /// The names in a directory (without "." and ".."), or the reason they cannot be listed.
    static func entries(of directory: String) -> Result<[String], ReadFailure> {
        guard let dir = opendir(directory) else { return .failure(ReadFailure(code: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    struct ReadFailure: Error {
        let code: Int32
        var reason: String { FileSystem.message(code) }
        var isMissing: Bool { code == ENOENT || code == ENOTDIR }
        var isLoop: Bool { code == ELOOP }
    }

    /// Reads a whole file. Refuses directories and other non-regular files with a reason.
    static func readAll(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadFailure(code: errno)) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(ReadFailure(code: EISDIR))
        }
        // read straight into the array's storage, the file's size and one byte more (to see its end), without a
        // zeroed buffer between (filling one of 64 KB per file cost more than reading the file)
        let size = st.st_size > 0 ? Int(st.st_size) : 0
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            var n = 0
            while n < buffer.count {
                let r = read(fd, buffer.baseAddress! + n, buffer.count - n)
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if r == 0 { break }
                n += r
            }
            count = n
        }
        if failure != 0 { return .failure(ReadFailure(code: failure)) }
        if bytes.count <= size { return .success(bytes) }
        // the file is longer than its size said: the rest as it comes
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(code: errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return .success(bytes)
    }

    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

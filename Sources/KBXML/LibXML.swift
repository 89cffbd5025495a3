// Process-wide libxml2 set-up: parser initialisation, the no-network entity loader, and catalogs.

internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum LibXML {
    /// Runs once, the first time any KBXML type touches libxml2.
    ///
    /// Initialises the parser and installs `xmlNoNetExternalEntityLoader` as the process's external entity
    /// loader: URLs are first resolved through the loaded catalogs, and any remaining `http://` or `ftp://` load is
    /// refused. The corresponding C functions are `xmlInitParser` and `xmlSetExternalEntityLoader`.
    private static let initialized: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    }()

    static func ensureInitialized() { initialized }

    /// Runs `body` with libxml2's thread-local structured error handler set to drop messages, then restores the
    /// previous handler. libxml2 reports a failed output write (`xmlIOErr`: "I/O error : write error") through this
    /// channel, which by default prints on standard error; `XMLStreamWriter` already turns the failure into the
    /// sink's own error (`broken pipe`, `<path>: No space left on device`), so the extra line is only noise, and
    /// `kbexport … | head` must end quietly. The corresponding C function is `xmlSetStructuredErrorFunc`.
    static func withoutErrorOutput<R>(_ body: () throws -> R) rethrows -> R {
        let savedHandler = __xmlStructuredError().pointee
        let savedContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(nil, dropStructuredError)
        defer { xmlSetStructuredErrorFunc(savedContext, savedHandler) }
        return try body()
    }

    /// The error handler `silenceErrorOutput()` replaced.
    typealias SavedErrorOutput = (handler: xmlStructuredErrorFunc?, context: UnsafeMutableRawPointer?)

    /// Silences libxml2's error output (as `withoutErrorOutput`) until `restoreErrorOutput` is called with the
    /// returned value: for a report that happens inside a callback, such as a failed sink write.
    static func silenceErrorOutput() -> SavedErrorOutput {
        let saved = (__xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
        xmlSetStructuredErrorFunc(nil, dropStructuredError)
        return saved
    }

    static func restoreErrorOutput(_ saved: SavedErrorOutput) {
        xmlSetStructuredErrorFunc(saved.context, saved.handler)
    }

    /// Serialises schema compilation process-wide. Compiling resolves `schemaLocation` URLs through the catalogs,
    /// which libxml2 loads lazily into global tables; two first-time compilations in parallel leaked catalog
    /// entries under AddressSanitizer (libxml2 2.9.14). Compilation is rare, so one lock costs nothing.
    static let compileLock = Lock()

    /// Catalogs already given to libxml2 (by real path). Catalog state is process-global in libxml2, so each
    /// file is loaded once.
    private static let loadedCatalogs = Locked<Set<String>>([])

    /// Loads an OASIS XML catalog into libxml2's default catalog, once per file.
    ///
    /// - Throws: `XMLError.schema(path:messages:)` naming the catalog when it is missing or libxml2 rejects it.
    /// The corresponding C function is `xmlLoadCatalog`.
    static func loadCatalog(_ path: String) throws {
        ensureInitialized()
        guard let real = realPath(path) else {
            throw XMLError.schema(path: path, messages: [ValidationMessage(line: 0, message: Posix.errorText(errno))])
        }
        try loadedCatalogs.withLock { loaded in
            guard !loaded.contains(real) else { return }
            if xmlLoadCatalog(real) != 0 {
                throw XMLError.schema(path: path, messages: [ValidationMessage(line: 0, message: "xmlLoadCatalog failed")])
            }
            loaded.insert(real)
        }
    }

    /// The absolute, symlink-free path of an existing file, or nil (errno set). The corresponding C function is
    /// `realpath`.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

/// Calls `body` with the string as a NUL-terminated `xmlChar` pointer (nil stays nil).
func withXMLChars<R>(_ s: String?, _ body: (UnsafePointer<xmlChar>?) throws -> R) rethrows -> R {
    guard let s else { return try body(nil) }
    return try s.withCString { c in
        try c.withMemoryRebound(to: xmlChar.self, capacity: s.utf8.count + 1) { try body($0) }
    }
}

/// `withXMLChars` for two strings at once.
func withXMLChars<R>(_ a: String?, _ b: String?,
                     _ body: (UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?) throws -> R) rethrows -> R {
    try withXMLChars(a) { pa in try withXMLChars(b) { pb in try body(pa, pb) } }
}

/// `withXMLChars` for three strings at once.
func withXMLChars<R>(_ a: String?, _ b: String?, _ c: String?,
                     _ body: (UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?) throws -> R) rethrows -> R {
    try withXMLChars(a, b) { pa, pb in try withXMLChars(c) { pc in try body(pa, pb, pc) } }
}

/// `withXMLChars` for four strings at once.
func withXMLChars<R>(_ a: String?, _ b: String?, _ c: String?, _ d: String?,
                     _ body: (UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?,
                              UnsafePointer<xmlChar>?) throws -> R) rethrows -> R {
    try withXMLChars(a, b, c) { pa, pb, pc in try withXMLChars(d) { pd in try body(pa, pb, pc, pd) } }
}

/// A structured-error callback that ignores the error (see `LibXML.withoutErrorOutput`).
private let dropStructuredError: xmlStructuredErrorFunc = { _, _ in }

// Progress on standard error for long runs (a large single article, a large conversion), only when standard error
// is a terminal: one line, rewritten in place every half second after the first second, erased at the end.
// Pipes and files (scripts, CI, tests) never see it.

import Foundation
import KBXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class ProgressLine: @unchecked Sendable {
    // @unchecked: `status` and `shown` are read and written under `lock`.
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var shown = false
    private let started = Date()
    private let status: @Sendable () -> String

    /// Whether progress is shown at all: standard error is a terminal.
    static var enabled: Bool { isatty(2) == 1 }

    /// Starts showing `status()` (nil when progress is disabled). `delay`: seconds before the first line.
    static func start(delay: Double = 1, _ status: @escaping @Sendable () -> String) -> ProgressLine? {
        guard enabled else { return nil }
        let p = ProgressLine(status: status)
        let t = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        t.schedule(deadline: .now() + delay, repeating: 0.5)
        t.setEventHandler { [weak p] in p?.draw() }
        p.timer = t
        t.resume()
        return p
    }

    private init(status: @escaping @Sendable () -> String) { self.status = status }

    private func draw() {
        lock.lock(); defer { lock.unlock() }
        guard timer != nil else { return }
        let seconds = Int(Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("\r\u{1B}[Kkbexport: \(status()) (\(seconds) s)".utf8))
        shown = true
    }

    /// Stops and erases the line.
    func stop() {
        lock.lock(); defer { lock.unlock() }
        timer?.cancel()
        timer = nil
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// A byte count as "12.3 MB".
    static func megabytes(_ n: Int) -> String { String(format: "%.1f MB", Double(n) / 1_000_000) }
}

/// Counts the bytes written through it (for the progress line), passing them on.
final class CountingSink: OutputSink, @unchecked Sendable {
    // @unchecked: `count` is written by the writer thread and read by the progress timer; a torn read only shows
    // a stale number.
    let base: OutputSink
    private(set) var count = 0

    init(_ base: OutputSink) { self.base = base }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try base.write(bytes)
        count += bytes.count
    }

    func flush() throws { try base.flush() }
}

extension Export {
    /// Runs a write with a progress line (bytes written so far) when standard error is a terminal.
    func withProgress(_ sink: OutputSink, _ body: (OutputSink) throws -> Void) throws {
        guard ProgressLine.enabled else { return try body(sink) }
        let counting = CountingSink(sink)
        let what = from == .text ? "writing \(format.rawValue)" : "converting \(inputs.first ?? "") to \(format.rawValue)"
        let progress = ProgressLine.start { "\(what): \(ProgressLine.megabytes(counting.count)) written" }
        defer { progress?.stop() }
        try body(counting)
    }
}

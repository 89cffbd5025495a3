import Foundation
import KBTestSupport
import Testing
@testable import KBXML

@Suite struct OutputSinkTests {
    private func write(_ s: String, to sink: OutputSink) throws {
        try Array(s.utf8).withUnsafeBytes { try sink.write($0) }
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func memorySink() throws {
        let sink = MemorySink()
        try write("محمود", to: sink)
        try write("!", to: sink)
        try sink.flush()
        #expect(sink.string == "محمود!")
        #expect(sink.bytes == Array("محمود!".utf8))
    }

    @Test func fileDescriptorSinkBuffersAndWritesEverything() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        let path = dir.path + "/out.txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let big = String(repeating: "0123456789", count: 10_000)   // 100 kB, larger than the buffer
        do {
            let sink = FileDescriptorSink(fd: fd, closeOnDeinit: true, name: path)
            try write("head:", to: sink)
            #expect(try contents(path) == "")                       // still buffered
            try write(big, to: sink)
            try write(":tail", to: sink)
            try sink.flush()
        }
        #expect(try contents(path) == "head:" + big + ":tail")
    }

    @Test func fileDescriptorSinkReportsBrokenPipe() throws {
        FileDescriptorSink.ignoreBrokenPipeSignal()
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])                                                // no reader
        let sink = FileDescriptorSink(fd: fds[1], closeOnDeinit: true, name: "pipe")
        try write("x", to: sink)
        #expect(throws: XMLError.closedPipe) { try sink.flush() }
        #expect(throws: XMLError.closedPipe) { try write("y", to: sink) }
    }

    @Test func fileDescriptorSinkNamesTheTargetOnError() throws {
        let sink = FileDescriptorSink(fd: -1, closeOnDeinit: false, name: "nowhere")
        try write("x", to: sink)
        #expect(throws: XMLError.output("nowhere: Bad file descriptor")) { try sink.flush() }
    }

    @Test func atomicSinkCommitReplacesTargetOnlyAtCommit() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        let path = dir.path + "/out.graphml"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let sink = try AtomicFileSink(path: path)
        #expect(sink.temporaryPath.hasPrefix(dir.path + "/.out.graphml."))
        try write("new contents", to: sink)
        try sink.flush()
        #expect(try contents(path) == "old")
        #expect(dir.entries().count == 2)
        try sink.commit()
        #expect(try contents(path) == "new contents")
        #expect(dir.entries() == ["out.graphml"])
        #expect(throws: XMLError.output("\(path): already committed")) { try write("more", to: sink) }
        sink.abort()                                                 // no effect after commit
        #expect(try contents(path) == "new contents")
    }

    @Test func atomicSinkAbortLeavesNoTemporaryFile() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        let path = dir.path + "/out.rdf"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let sink = try AtomicFileSink(path: path)
        try write("partial", to: sink)
        try sink.flush()
        sink.abort()
        #expect(dir.entries() == ["out.rdf"])
        #expect(try contents(path) == "old")
        #expect(throws: XMLError.self) { try sink.commit() }
    }

    @Test func atomicSinkDeinitWithoutCommitRemovesTemporaryFile() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        do {
            let sink = try AtomicFileSink(path: dir.path + "/new.xml")
            try write("partial", to: sink)
            try sink.flush()
            #expect(dir.entries().count == 1)
        }
        #expect(dir.entries() == [])
    }

    @Test func atomicSinkWithWriterProducesTheFile() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        let path = dir.path + "/doc.xml"
        let sink = try AtomicFileSink(path: path)
        let w = try XMLStreamWriter(sink: sink)
        try w.startDocument()
        try w.element("a", text: "رام الله")
        try w.endDocument()
        try sink.commit()
        #expect(try contents(path) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>رام الله</a>\n")
    }

    @Test func atomicSinkMissingDirectoryNamesThePath() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        let path = dir.path + "/missing/out.graphml"
        #expect(throws: XMLError.output("\(path): No such file or directory")) { try AtomicFileSink(path: path) }
    }

    @Test func atomicSinkRejectsADirectory() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        #expect(throws: XMLError.output("\(dir.path): Is a directory")) { try AtomicFileSink(path: dir.path) }
        #expect(throws: XMLError.output("\(dir.path)/: Is a directory")) { try AtomicFileSink(path: dir.path + "/") }
    }

    @Test func atomicSinkKeepsPermissionsOfReplacedFile() throws {
        let dir = try TempFolder("kbxml")
        defer { dir.remove() }
        let path = dir.path + "/out.xml"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, 0o640) == 0)
        let sink = try AtomicFileSink(path: path)
        try write("new", to: sink)
        try sink.commit()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
    }
}

// Everything that parses XML (XMLDocumentCheck, SchemaValidator, XMLReader) never fetches from the network and
// never expands external entities or entity bombs. A local TCP listener counts any connection attempt, and a
// local "secret" file whose content would break the document shows whether a file:// entity was loaded.

import Foundation
import KBTestSupport
import KBXML
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A TCP listener on 127.0.0.1 that accepts and immediately closes connections, counting them.
final class ConnectionCounter: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let lock = NSLock()
    private var count = 0
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard s >= 0 else { throw SetupError("socket: \(errno)") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(s, 16) == 0 else { close(s); throw SetupError("bind/listen: \(errno)") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) }
        }
        fd = s
        port = UInt16(bigEndian: addr.sin_port)
        Thread.detachNewThread { [self] in
            while true {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&pfd, 1, 20)
                lock.lock(); let stop = stopped; lock.unlock()
                if stop { break }
                if ready > 0 {
                    let c = accept(fd, nil, nil)
                    if c >= 0 { close(c); lock.lock(); count += 1; lock.unlock() }
                }
            }
            done.signal()
        }
    }

    /// Stops listening and returns the number of connections seen.
    func finish() -> Int {
        // Let a connection that is in flight arrive first.
        Thread.sleep(forTimeInterval: 0.05)
        lock.lock(); stopped = true; lock.unlock()
        done.wait()
        close(fd)
        lock.lock(); defer { lock.unlock() }
        return count
    }
}

@Suite(.serialized) struct XMLReadingSafetyTests {
    /// Hostile documents: external general and parameter entities (file and http), an external DTD, XInclude, and
    /// entity bombs. `secret` is a local file whose content ("<unclosed") makes the document malformed if loaded.
    static func documents(port: UInt16, secret: String) -> [(name: String, xml: String)] {
        let http = "http://127.0.0.1:\(port)"
        var lol = "<!ENTITY lol0 \"lollollollollollollollollollol\">\n"
        for i in 1...12 { lol += "<!ENTITY lol\(i) \"\(String(repeating: "&lol\(i - 1);", count: 10))\">\n" }
        let quadratic = "<!ENTITY big \"\(String(repeating: "x", count: 100_000))\">"
        return [
            ("xxe-file", """
                <?xml version="1.0"?>
                <!DOCTYPE graphml [ <!ENTITY secret SYSTEM "file://\(secret)"> ]>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="n">&secret;</node></graph></graphml>
                """),
            ("xxe-http", """
                <?xml version="1.0"?>
                <!DOCTYPE graphml [ <!ENTITY remote SYSTEM "\(http)/entity.xml"> ]>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="n">&remote;</node></graph></graphml>
                """),
            ("xxe-parameter", """
                <?xml version="1.0"?>
                <!DOCTYPE graphml [ <!ENTITY % remote SYSTEM "\(http)/param.dtd"> %remote; ]>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>
                """),
            ("external-dtd", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF SYSTEM "\(http)/rdf.dtd">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>
                """),
            ("xxe-attribute", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file://\(secret)"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://x/&secret;"/></rdf:RDF>
                """),
            ("xinclude", """
                <?xml version="1.0"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="\(http)/inc.xml"/><xi:include href="file://\(secret)" parse="xml"/></graphml>
                """),
            ("schema-location", """
                <?xml version="1.0"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \(http)/graphml.xsd"><graph edgedefault="directed"/></graphml>
                """),
            ("billion-laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(lol)]>\n<lolz>&lol12;</lolz>\n"),
            ("billion-laughs-attribute", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(lol)]>\n<lolz a=\"&lol12;\"/>\n"),
            ("quadratic-blowup", "<?xml version=\"1.0\"?>\n<!DOCTYPE q [\(quadratic)]>\n<q>\(String(repeating: "&big;", count: 20_000))</q>\n"),
        ]
    }

    @Test func hostileDocumentsNeverReachTheNetworkOrTheFileAndNeverExplode() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        let secret = try dir.write("secret.xml", "<unclosed SECRET-MARKER")
        let counter = try ConnectionCounter()
        let graphml = try Schemas.validators(for: .graphml)
        let rdfxml = try Schemas.validators(for: .rdfxml)
        for (name, xml) in Self.documents(port: counter.port, secret: secret) {
            let bytes = Array(xml.utf8)
            let path = try dir.write("\(name).xml", bytes)
            let start = ContinuousClock.now
            var messages: [ValidationMessage] = []
            messages += XMLDocumentCheck.wellFormedErrors(bytes: bytes, name: name)
            messages += XMLDocumentCheck.wellFormedErrors(path: path)
            for v in graphml + rdfxml {
                messages += v.validate(bytes: bytes, name: name)
                messages += v.validate(path: path)
            }
            var texts: [String] = []
            for open in [{ try XMLReader(bytes: bytes, name: name) }, { try XMLReader(path: path) }] {
                do {
                    let reader = try open()
                    while let node = try reader.next() {
                        texts.append(node.text)
                        texts += node.attributes.map(\.value)
                    }
                } catch {
                    texts.append("\(error)")
                }
            }
            let elapsed = ContinuousClock.now - start
            #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
            let all = messages.map(\.description) + texts
            #expect(!all.contains { $0.contains("SECRET-MARKER") || $0.contains("unclosed") }, "\(name): the local file was read")
            #expect(!all.contains { $0.contains("Premature end") && $0.contains("secret") }, "\(name): the local file was read")
            #expect(texts.joined().utf8.count < 1_000_000, "\(name): an entity was expanded")
        }
        #expect(counter.finish() == 0, "a parser connected to the network")
    }

    /// `kbexport --from rdfxml` on hostile documents: refused with a message, nothing fetched or expanded.
    @Test func rdfXMLInputRefusesEntitiesWithoutFetching() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        let secret = try dir.write("secret.xml", "<unclosed SECRET-MARKER")
        let counter = try ConnectionCounter()
        for (name, xml) in Self.documents(port: counter.port, secret: secret) {
            let path = try dir.write("\(name).rdf", xml)
            let start = ContinuousClock.now
            let r = try Command.kbexport(["--from", "rdfxml", path, "--format", "ntriples"])
            #expect(ContinuousClock.now - start < .seconds(10), "\(name)")
            #expect(!r.stdoutText.contains("SECRET-MARKER") && !r.stderr.contains("SECRET-MARKER"), "\(name)")
            #expect(r.stdout.count < 100_000, "\(name): an entity was expanded")
            if xml.contains("<!DOCTYPE") {
                #expect(r.status == 1 && !r.stderr.isEmpty, "\(name): a DOCTYPE must be refused: \(r.status) \(r.stderr)")
            }
        }
        #expect(counter.finish() == 0, "kbexport --from rdfxml connected to the network")
    }

    /// The file:// entity document is well-formed once the entity is left unexpanded: XMLDocumentCheck must say so
    /// (if it had loaded the secret file, "<unclosed" would make it malformed).
    @Test func externalFileEntityIsNotLoaded() throws {
        let dir = try TempFolder("robust")
        defer { dir.remove() }
        let secret = try dir.write("secret.xml", "<unclosed SECRET-MARKER")
        let doc = Self.documents(port: 9, secret: secret).first { $0.name == "xxe-file" }!.xml
        #expect(XMLDocumentCheck.wellFormedErrors(bytes: Array(doc.utf8), name: "xxe.xml") == [])
        // The RDF/XML reader refuses a DOCTYPE outright.
        #expect(throws: XMLReaderError.self) {
            let r = try XMLReader(bytes: Array(doc.utf8), name: "xxe.xml")
            while try r.next() != nil {}
        }
    }
}

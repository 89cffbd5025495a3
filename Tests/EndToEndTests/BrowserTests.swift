// The pictures in a real browser: headless Chromium (Debian's `chromium` package) opens the seeds' HTML page and
// SVG picture. The page's script must run to its end (it sets `data-kb-ready` on the root element) without an
// uncaught error, a click on an edge must show its evidence and a click on a node its relations; the SVG must parse
// (no `parsererror`); both must give a screenshot. Without Chromium the tests skip, unless KB_REQUIRE_CONSUMERS=1.

import Foundation
import KBTestSupport
import XCTest

final class BrowserTests: XCTestCase {
    nonisolated(unsafe) static var folder: TempFolder?

    /// The seeds exported as `format` into a folder kept for the class.
    func export(_ format: String) throws -> String {
        if Self.folder == nil { Self.folder = try TempFolder("browser") }
        let out = Self.folder!.path("seeds.\(format)")
        if !FileManager.default.fileExists(atPath: out) {
            let r = try Command.kbexport(["--format", format, "-o", out])
            XCTAssertEqual(r.status, 0, "kbexport --format \(format): \(r.stderr)")
        }
        return out
    }

    override class func tearDown() {
        folder?.remove()
        folder = nil
    }

    func chromium() throws -> String {
        let exe = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { Command.which($0) }.first
        try requireConsumer(exe != nil, "chromium (apt-get install chromium)")
        return exe!
    }

    /// Runs headless Chromium on a file (own profile folder, at most two minutes), returning what it printed.
    func browse(_ path: String, _ extra: [String]) throws -> Command.Result {
        let exe = try chromium()
        let profile = try TempFolder("chromium-profile")
        defer { profile.remove() }
        var args = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                    "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0", "--window-size=1400,1000"]
        args += extra + [URL(fileURLWithPath: path).absoluteString]
        if let timeout = Command.which("timeout") { return try Command.run(timeout, ["120", exe] + args) }
        return try Command.run(exe, args)
    }

    /// The browser's console lines that report an error (an uncaught exception, a failed load).
    func consoleErrors(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter {
            $0.contains(":CONSOLE") && ($0.contains("Uncaught") || $0.contains("Error")) || $0.contains("net::ERR_")
        }
    }

    func attribute(_ name: String, in dom: String) -> String? {
        guard let r = dom.range(of: " \(name)=\"") else { return nil }
        return String(dom[r.upperBound...].prefix { $0 != "\"" })
    }

    func testSeedsPageRunsItsScriptWithoutErrors() throws {
        let page = try export("html")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let r = try browse(page, ["--dump-dom"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let dom = r.stdoutText
        XCTAssertEqual(consoleErrors(r.stderr), [])
        XCTAssertNil(attribute("data-kb-error", in: dom), "the page's script failed")
        let edges = html.components(separatedBy: "class=\"edge\"").count + html.components(separatedBy: "class=\"edge tentative\"").count - 2
        XCTAssertGreaterThan(edges, 10)
        XCTAssertEqual(attribute("data-kb-ready", in: dom), String(edges), "the page's script did not run to its end")
        XCTAssertTrue(dom.contains("<svg"))
    }

    /// Clicks driven by a test script added to a copy of the page: an edge shows its evidence, a node its relations,
    /// the wheel zooms; and the labels, measured in the browser's own fonts, do not overlap.
    func testSeedsPageShowsEvidenceOnClick() throws {
        let page = try export("html")
        var html = try String(contentsOfFile: page, encoding: .utf8)
        let probe = """
            <script>
            (function () {
              var root = document.documentElement;
              var edge = document.querySelector('.edge');
              edge.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
              var shown = document.querySelectorAll('.ev.active');
              root.setAttribute('data-test-edge', shown.length + ':' + (shown.length ? getComputedStyle(shown[0]).display : '')
                + ':' + (shown.length ? shown[0].id : '') + ':' + edge.id);
              var node = document.querySelector('.node[data-id="' + edge.getAttribute('data-source') + '"]');
              node.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
              root.setAttribute('data-test-node', document.querySelectorAll('.node.hl').length + ':'
                + document.querySelectorAll('.ev.active').length + ':' + document.querySelector('#graph svg').classList.contains('focus'));
              var svg = document.querySelector('#graph svg');
              var before = svg.getAttribute('viewBox');
              svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: 300, clientY: 300, bubbles: true, cancelable: true }));
              root.setAttribute('data-test-zoom', String(before !== svg.getAttribute('viewBox')));
              svg.setAttribute('viewBox', before);
              // Labels as laid out in the browser's fonts: the middle half of each text's line box (about the height
              // of its letters; Arabic fonts have tall line boxes) must not meet another label or another node's circle.
              function over(a, b) { return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height; }
              var labels = Array.prototype.map.call(svg.querySelectorAll('.node text, .edge text'), function (t) {
                var r = t.getBBox();
                return { box: { x: r.x, y: r.y + r.height / 4, width: r.width, height: r.height / 2 }, text: t.textContent, node: t.closest('.node') };
              });
              var circles = Array.prototype.map.call(svg.querySelectorAll('.node circle'), function (c) {
                return { box: c.getBBox(), node: c.closest('.node') };
              });
              var clashes = [];
              labels.forEach(function (a, i) {
                labels.slice(i + 1).forEach(function (b) { if (over(a.box, b.box)) { clashes.push(a.text + ' / ' + b.text); } });
                circles.forEach(function (c) {
                  if (c.node !== a.node && over(a.box, c.box)) { clashes.push(a.text + ' / circle of ' + c.node.getAttribute('data-id')); }
                });
              });
              root.setAttribute('data-test-labels', labels.length + ':' + clashes.join(' ; '));
            })();
            </script>
            """
        html = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
        let copy = Self.folder!.path("probe.html")
        try html.write(toFile: copy, atomically: true, encoding: .utf8)
        let r = try browse(copy, ["--dump-dom"])
        XCTAssertEqual(consoleErrors(r.stderr), [])
        let dom = r.stdoutText
        let edge = try XCTUnwrap(attribute("data-test-edge", in: dom), "probe did not run:\n\(r.stderr)").split(separator: ":")
        XCTAssertEqual(edge.count, 4)
        guard edge.count == 4 else { return }
        XCTAssertEqual(edge[0], "1", "one evidence block shown")
        XCTAssertEqual(edge[1], "block")
        XCTAssertEqual(String(edge[2]), "ev-" + edge[3].dropFirst(), "the evidence of the clicked edge")
        let node = try XCTUnwrap(attribute("data-test-node", in: dom)).split(separator: ":")
        XCTAssertGreaterThanOrEqual(Int(node[0]) ?? 0, 2, "the node and its neighbours are highlighted")
        XCTAssertGreaterThanOrEqual(Int(node[1]) ?? 0, 1, "the node's relations are shown")
        XCTAssertEqual(node.last, "true")
        XCTAssertEqual(attribute("data-test-zoom", in: dom), "true")
        let labels = try XCTUnwrap(attribute("data-test-labels", in: dom)).split(separator: ":", maxSplits: 1)
        XCTAssertGreaterThan(Int(labels[0]) ?? 0, 40, "labels drawn (the seeds: 32 linked entities and some relation labels)")
        XCTAssertEqual(labels.count == 2 ? String(labels[1]) : "", "", "labels that overlap in Chromium")
        XCTAssertNil(attribute("data-kb-error", in: dom))
    }

    func testSeedsPictureParsesAndBothGiveScreenshots() throws {
        let picture = try export("svg")
        let r = try browse(picture, ["--dump-dom"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdoutText.hasPrefix("<svg"), String(r.stdoutText.prefix(200)))
        XCTAssertFalse(r.stdoutText.contains("parsererror"), "Chromium could not parse the SVG")
        XCTAssertEqual(consoleErrors(r.stderr), [])
        for file in [picture, try export("html")] {
            let png = file + ".png"
            let s = try browse(file, ["--screenshot=\(png)"])
            XCTAssertEqual(s.status, 0, s.stderr)
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: png), "no screenshot of \(file)")
            XCTAssertTrue(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
            XCTAssertGreaterThan(bytes.count, 20_000, "a blank screenshot of \(file)?")
        }
    }
}

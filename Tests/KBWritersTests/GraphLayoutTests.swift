// The force-directed layout of the pictures: deterministic whatever the input order, every node on its own spot
// and inside the canvas, circles apart, nodes without edges in rows under the graph.

import Foundation
import KBWriters
import XCTest

final class GraphLayoutTests: XCTestCase {
    /// Two stars joined by a path, a triangle apart from them, and three nodes without edges.
    func sample() -> (nodes: [GraphLayout.Node], edges: [(Int, Int)]) {
        var nodes: [GraphLayout.Node] = []
        for i in 0..<24 { nodes.append(GraphLayout.Node(id: String(format: "n%02d", i), radius: 6 + Double(i % 5) * 3)) }
        var edges: [(Int, Int)] = []
        for i in 1..<8 { edges.append((0, i)) }            // star around n00
        for i in 9..<16 { edges.append((8, i)) }           // star around n08
        edges += [(7, 8), (16, 17), (17, 18), (18, 16)]    // the stars joined; a triangle
        edges += [(19, 20), (20, 19), (19, 19), (0, 99)]   // a repeat, a loop and a bad index are ignored
        return (nodes, edges)
    }

    func testDeterministicAndIndependentOfInputOrder() {
        let (nodes, edges) = sample()
        let a = GraphLayout().layout(nodes: nodes, edges: edges)
        let b = GraphLayout().layout(nodes: nodes, edges: edges)
        XCTAssertEqual(a, b)
        // Reverse the nodes (and renumber the edges): each id gets the same position, bit for bit.
        let n = nodes.count
        let reversed = GraphLayout().layout(nodes: nodes.reversed(),
                                            edges: edges.reversed().map { (n - 1 - $0.0, n - 1 - $0.1) })
        for (i, node) in nodes.enumerated() {
            XCTAssertEqual(a.positions[i], reversed.positions[n - 1 - i], node.id)
        }
        XCTAssertEqual(a.width, reversed.width)
        XCTAssertEqual(a.height, reversed.height)
        // Another seed gives another picture.
        var other = GraphLayout()
        other.seed = 42
        XCTAssertNotEqual(other.layout(nodes: nodes, edges: edges).positions, a.positions)
    }

    func testInsideTheCanvasAndApart() {
        let (nodes, edges) = sample()
        let layout = GraphLayout()
        let r = layout.layout(nodes: nodes, edges: edges)
        XCTAssertEqual(r.positions.count, nodes.count)
        for (p, node) in zip(r.positions, nodes) {
            XCTAssertTrue(p.x - node.radius >= 0 && p.x + node.radius <= r.width, "\(node.id) x \(p.x) in 0…\(r.width)")
            XCTAssertTrue(p.y - node.radius >= 0 && p.y + node.radius <= r.height, "\(node.id) y \(p.y) in 0…\(r.height)")
        }
        for i in nodes.indices {
            for j in nodes.indices where j > i {
                let d = ((r.positions[i].x - r.positions[j].x) * (r.positions[i].x - r.positions[j].x)
                         + (r.positions[i].y - r.positions[j].y) * (r.positions[i].y - r.positions[j].y)).squareRoot()
                XCTAssertGreaterThan(d, 1, "\(nodes[i].id) and \(nodes[j].id) on one spot")
                // Circles do not overlap (the overlap pass leaves at least most of the gap).
                XCTAssertGreaterThanOrEqual(d, nodes[i].radius + nodes[j].radius, "\(nodes[i].id) overlaps \(nodes[j].id)")
            }
        }
    }

    func testNodesWithoutEdgesAreInRowsBelowTheGraph() {
        let (nodes, edges) = sample()
        let r = GraphLayout().layout(nodes: nodes, edges: edges)
        let isolated = [21, 22, 23]
        let top = try! XCTUnwrap(r.isolatedTop)
        let graphBottom = nodes.indices.filter { !isolated.contains($0) }.map { r.positions[$0].y }.max()!
        XCTAssertLessThan(graphBottom, top)
        for i in isolated { XCTAssertGreaterThan(r.positions[i].y, top) }
        // One row, in id order from right to left.
        XCTAssertEqual(Set(isolated.map { r.positions[$0].y }).count, 1)
        XCTAssertGreaterThan(r.positions[21].x, r.positions[22].x)
        XCTAssertGreaterThan(r.positions[22].x, r.positions[23].x)
        XCTAssertNil(GraphLayout().layout(nodes: Array(nodes[0..<8]), edges: [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7)]).isolatedTop)
    }

    func testConnectedNodesAreCloserThanUnrelatedOnes() {
        // Two cliques of six joined by one edge: the mean distance inside a clique is well below the mean across.
        let nodes = (0..<12).map { GraphLayout.Node(id: "c\($0 < 10 ? "0" : "")\($0)", radius: 8) }
        var edges: [(Int, Int)] = [(5, 6)]
        for a in 0..<6 { for b in (a + 1)..<6 { edges.append((a, b)); edges.append((a + 6, b + 6)) } }
        let p = GraphLayout().layout(nodes: nodes, edges: edges).positions
        func d(_ i: Int, _ j: Int) -> Double { ((p[i].x - p[j].x) * (p[i].x - p[j].x) + (p[i].y - p[j].y) * (p[i].y - p[j].y)).squareRoot() }
        var inside = 0.0, across = 0.0
        for a in 0..<6 { for b in 0..<6 { across += d(a, b + 6); if b > a { inside += d(a, b) + d(a + 6, b + 6) } } }
        XCTAssertLessThan(inside / 30, across / 36 * 0.6)
    }

    func testEdgeCases() {
        let empty = GraphLayout().layout(nodes: [], edges: [])
        XCTAssertEqual(empty.positions, [])
        XCTAssertGreaterThan(empty.width, 0)
        let one = GraphLayout().layout(nodes: [GraphLayout.Node(id: "a", radius: 5)], edges: [])
        XCTAssertEqual(one.positions.count, 1)
        let pair = GraphLayout().layout(nodes: [GraphLayout.Node(id: "a", radius: 5), GraphLayout.Node(id: "b", radius: 5)],
                                        edges: [(0, 1)])
        XCTAssertNotEqual(pair.positions[0], pair.positions[1])
        // Duplicate ids still get distinct spots.
        let dup = GraphLayout().layout(nodes: Array(repeating: GraphLayout.Node(id: "x", radius: 5), count: 4),
                                       edges: [(0, 1), (1, 2), (2, 3)])
        XCTAssertEqual(Set(dup.positions.map { "\($0.x),\($0.y)" }).count, 4)
    }

    /// A large graph (grid repulsion) is laid out in bounded time and stays on the canvas.
    func testLargeGraph() {
        let count = 1_200
        let nodes = (0..<count).map { GraphLayout.Node(id: "v\($0)", radius: 6) }
        var edges: [(Int, Int)] = []
        for i in 1..<count { edges.append((i, (i * 7919) % i)) }  // a tree
        var layout = GraphLayout()
        layout.iterations = 60
        let r = layout.layout(nodes: nodes, edges: edges)
        XCTAssertEqual(r.positions.count, count)
        XCTAssertTrue(r.positions.allSatisfy { $0.x >= 0 && $0.x <= r.width && $0.y >= 0 && $0.y <= r.height })
        XCTAssertEqual(Set(r.positions.map { "\($0.x),\($0.y)" }).count, count)
    }
}

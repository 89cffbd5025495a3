// A force-directed layout for the SVG and HTML pictures: Fruchterman–Reingold with a linear cooling schedule
// and a weak pull to the centre (so separate components stay together), fitted to a canvas; then circles that
// still overlap are pushed apart. Nodes without any edge are not simulated: they are set out in rows under the
// graph, right to left, in id order (a ring of orphans around the picture helps nobody).
//
// Deterministic: the start position of a node comes from a hash of its id and the seed (not from Swift's
// per-process hashing), nodes and edges are processed in id order whatever order they are given in, and no
// dictionary is iterated. The same ids and edges give the same positions, bit for bit.

/// A point on the canvas (pixels, y down).
public struct LayoutPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

public struct GraphLayout: Sendable {
    /// A node to place: its id (for the order and the start position) and the radius of its circle.
    public struct Node: Sendable, Equatable {
        public var id: String
        public var radius: Double
        public init(id: String, radius: Double) { self.id = id; self.radius = radius }
    }

    /// Positions of the nodes (in the order they were given) and the canvas they fit in.
    public struct Result: Sendable, Equatable {
        public var positions: [LayoutPoint]
        public var width: Double
        public var height: Double
        /// Top of the rows of nodes without edges (nil when every node has an edge).
        public var isolatedTop: Double?
    }

    /// Simulation steps (fewer for very large graphs, see `steps(for:)`).
    public var iterations = 300
    public var seed: UInt64 = 0x6B62_6578_706F_7274
    /// Canvas area per connected node (px²); the canvas grows with the graph.
    public var areaPerNode = 26_000.0
    public var minWidth = 960.0
    public var aspect = 1.5
    /// Free border around the drawing (room for labels).
    public var margin = 70.0
    /// Smallest gap between two circles after the overlap pass.
    public var gap = 8.0
    /// Cell of one node in the rows of nodes without edges.
    public var cellWidth = 150.0
    public var cellHeight = 58.0

    public init() {}

    /// Lays out `nodes` joined by `edges` (index pairs into `nodes`; loops, repeats and bad indices are ignored).
    public func layout(nodes: [Node], edges: [(Int, Int)]) -> Result {
        let n = nodes.count
        // Work in id order (rank), so the input order changes nothing.
        let order = nodes.indices.sorted { (nodes[$0].id, $0) < (nodes[$1].id, $1) }
        var rank = [Int](repeating: 0, count: n)
        for (r, i) in order.enumerated() { rank[i] = r }
        var pairs = Set<Pair>()
        for (a, b) in edges where a != b && nodes.indices.contains(a) && nodes.indices.contains(b) {
            pairs.insert(Pair(min(rank[a], rank[b]), max(rank[a], rank[b])))
        }
        let links = pairs.sorted()
        var degree = [Int](repeating: 0, count: n)
        for p in links { degree[p.a] += 1; degree[p.b] += 1 }
        let connected = (0..<n).filter { degree[$0] > 0 }
        let isolated = (0..<n).filter { degree[$0] == 0 }

        // Each connected component is laid out on its own (so a small one is not pushed to the far edge by a big
        // one), turned so its longest extent is horizontal, and the components are packed in rows, biggest first.
        var p = [LayoutPoint](repeating: LayoutPoint(x: 0, y: 0), count: connected.count)
        var local = [Int](repeating: -1, count: n)
        for (j, r) in connected.enumerated() { local[r] = j }
        pack(Self.components(connected, links, count: n), links: links, ids: { nodes[order[$0]].id }) { r, q in p[local[r]] = q }

        // Fit to the canvas.
        let m = connected.count
        let width = max(minWidth, (Double(m) * areaPerNode * aspect).squareRoot(),
                        Double(min(isolated.count, 6)) * cellWidth + 2 * margin)
        // The drawing's own proportions (within reason) decide the height, so no wide band stays empty.
        let xs = p.map(\.x), ys = p.map(\.y)
        let spanX = (xs.max() ?? 0) - (xs.min() ?? 0), spanY = (ys.max() ?? 0) - (ys.min() ?? 0)
        let shape = spanY > 0 ? min(max(spanX / spanY, 1), 2.5) : aspect
        let graphHeight = m == 0 ? 0 : max(420, (width - 2 * margin) / shape + 2 * margin)
        fit(&p, width: width, height: graphHeight)
        let radii = connected.map { nodes[order[$0]].radius }
        separate(&p, radii: radii, width: width, height: graphHeight)

        var out = [LayoutPoint](repeating: LayoutPoint(x: 0, y: 0), count: n)
        for (j, r) in connected.enumerated() { out[order[r]] = p[j] }
        // Rows of nodes without edges, right to left (the reading order of Arabic labels).
        let columns = max(1, Int((width - 2 * margin) / cellWidth))
        let top = m == 0 ? margin / 2 : graphHeight + cellHeight / 2
        for (k, r) in isolated.enumerated() {
            let row = k / columns, column = k % columns
            out[order[r]] = LayoutPoint(x: width - margin - (Double(column) + 0.5) * cellWidth,
                                        y: top + (Double(row) + 0.5) * cellHeight)
        }
        let rows = (isolated.count + columns - 1) / columns
        let height = isolated.isEmpty ? max(graphHeight, 200) : top + Double(rows) * cellHeight + margin / 2
        return Result(positions: out, width: width, height: height, isolatedTop: isolated.isEmpty ? nil : top)
    }

    /// Steps for a graph of `n` simulated nodes: fewer for very large graphs, which then take seconds, not minutes.
    func steps(for n: Int) -> Int { n > 20_000 ? iterations / 6 : n > 3_000 ? iterations / 2 : iterations }

    // MARK: - Fruchterman–Reingold

    /// Positions in layout units (ideal edge length k = 1), centred on the origin.
    func simulate(ids: [String], links: [(Int, Int)]) -> [LayoutPoint] {
        let n = ids.count
        guard n > 0 else { return [] }
        let side = Double(n).squareRoot() * 1.6
        var x = [Double](repeating: 0, count: n), y = x
        for i in 0..<n {
            var state = Self.hash(ids[i]) ^ seed
            x[i] = (Self.unit(&state) - 0.5) * side
            y[i] = (Self.unit(&state) - 0.5) * side
        }
        guard n > 1 else { return [LayoutPoint(x: 0, y: 0)] }
        // Degree-weighted repulsion (as in ForceAtlas2): a hub pushes harder, so its many neighbours spread out
        // instead of piling up around it.
        var mass = [Double](repeating: 1, count: n)
        for (a, b) in links { mass[a] += 1; mass[b] += 1 }
        let steps = steps(for: n)
        let t0 = side / 8, gravity = 0.08
        var dx = [Double](repeating: 0, count: n), dy = dx
        for step in 0..<steps {
            for i in 0..<n { dx[i] = 0; dy[i] = 0 }
            if n <= 800 {
                for i in 0..<n { for j in (i + 1)..<n { repel(i, j, x, y, mass, &dx, &dy) } }
            } else {
                gridRepulsion(x, y, mass, &dx, &dy)
            }
            for (a, b) in links {
                let ex = x[a] - x[b], ey = y[a] - y[b]
                let d = max((ex * ex + ey * ey).squareRoot(), 1e-6)
                let f = d  // d² / k, divided by d for the unit vector
                dx[a] -= ex * f; dy[a] -= ey * f
                dx[b] += ex * f; dy[b] += ey * f
            }
            let t = t0 * (1 - Double(step) / Double(steps)) + 0.002
            for i in 0..<n {
                dx[i] -= gravity * mass[i] * x[i]; dy[i] -= gravity * mass[i] * y[i]
                let d = (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot()
                guard d > 0 else { continue }
                let s = min(d, t) / d
                x[i] += dx[i] * s; y[i] += dy[i] * s
            }
        }
        return (0..<n).map { LayoutPoint(x: x[$0], y: y[$0]) }
    }

    /// Repulsion mass_i·mass_j·k²/d between i and j (j > i). Two nodes on the same spot are pushed apart along a direction
    /// taken from their indices.
    @inline(__always)
    private func repel(_ i: Int, _ j: Int, _ x: [Double], _ y: [Double], _ mass: [Double], _ dx: inout [Double], _ dy: inout [Double]) {
        var ex = x[i] - x[j], ey = y[i] - y[j]
        var d2 = ex * ex + ey * ey
        if d2 < 1e-12 {
            let angle = Double((i * 7 + j * 13) % 360) * .pi / 180
            ex = 1e-3 * Self.cos(angle); ey = 1e-3 * Self.sin(angle); d2 = 1e-6
        }
        let f = mass[i] * mass[j] / d2  // k² / d (times the masses), divided by d for the unit vector
        dx[i] += ex * f; dy[i] += ey * f
        dx[j] -= ex * f; dy[j] -= ey * f
    }

    /// Repulsion between nodes closer than 2k only (FR's grid variant), for large graphs.
    private func gridRepulsion(_ x: [Double], _ y: [Double], _ mass: [Double], _ dx: inout [Double], _ dy: inout [Double]) {
        let cell = 2.0
        var buckets = [Cell: [Int]]()
        for i in x.indices { buckets[Cell(x[i], y[i], cell), default: []].append(i) }
        for i in x.indices {
            let c = Cell(x[i], y[i], cell)
            for ox in -1...1 {
                for oy in -1...1 {
                    guard let members = buckets[Cell(c.x + ox, c.y + oy)] else { continue }
                    for j in members where j > i {
                        let ex = x[i] - x[j], ey = y[i] - y[j]
                        if ex * ex + ey * ey < cell * cell { repel(i, j, x, y, mass, &dx, &dy) }
                    }
                }
            }
        }
    }

    // MARK: - Components

    /// The connected components of the linked nodes (ranks), each in rank order; biggest first, then by lowest rank.
    static func components(_ connected: [Int], _ links: [Pair], count n: Int) -> [[Int]] {
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for l in links {
            let a = find(l.a), b = find(l.b)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var members = [[Int]](repeating: [], count: n)
        for r in connected { members[find(r)].append(r) }
        return members.filter { !$0.isEmpty }.sorted { ($1.count, $0[0]) < ($0.count, $1[0]) }
    }

    /// Lays out each component, turns it, and packs the components in rows about as wide as the canvas's aspect
    /// asks for (the widest component alone when it is wider). Hands each rank's position (layout units) to `place`.
    func pack(_ components: [[Int]], links: [Pair], ids: (Int) -> String, place: (Int, LayoutPoint) -> Void) {
        var where_ = [Int: (component: Int, index: Int)]()
        for (c, members) in components.enumerated() { for (i, r) in members.enumerated() { where_[r] = (c, i) } }
        var componentLinks = [[(Int, Int)]](repeating: [], count: components.count)
        for l in links {
            let a = where_[l.a]!, b = where_[l.b]!
            componentLinks[a.component].append((a.index, b.index))
        }
        let pad = 3.0
        var laid: [(points: [LayoutPoint], w: Double, h: Double)] = []
        for (c, members) in components.enumerated() {
            var q = simulate(ids: members.map(ids), links: componentLinks[c])
            Self.alignPrincipalAxis(&q)
            let minX = q.map(\.x).min()!, minY = q.map(\.y).min()!
            q = q.map { LayoutPoint(x: $0.x - minX, y: $0.y - minY) }
            laid.append((q, q.map(\.x).max()! + pad, q.map(\.y).max()! + pad))
        }
        let area = laid.reduce(0) { $0 + $1.w * $1.h }
        let rowWidth = max(laid.map(\.w).max() ?? 0, (area * aspect).squareRoot())
        var x = 0.0, y = 0.0, rowHeight = 0.0
        for (c, item) in laid.enumerated() {
            if x > 0 && x + item.w > rowWidth { x = 0; y += rowHeight; rowHeight = 0 }
            for (i, q) in item.points.enumerated() { place(components[c][i], LayoutPoint(x: x + q.x, y: y + q.y)) }
            x += item.w
            rowHeight = max(rowHeight, item.h)
        }
    }

    // MARK: - Canvas

    /// Scales and centres `p` uniformly into `width` × `height` less the margin.
    func fit(_ p: inout [LayoutPoint], width: Double, height: Double) {
        guard let first = p.first else { return }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for q in p { minX = min(minX, q.x); maxX = max(maxX, q.x); minY = min(minY, q.y); maxY = max(maxY, q.y) }
        let w = width - 2 * margin, h = height - 2 * margin
        let bw = maxX - minX, bh = maxY - minY
        let scale = min(bw > 0 ? w / bw : .infinity, bh > 0 ? h / bh : .infinity)
        let s = scale.isFinite ? scale : 1
        let cx = (minX + maxX) / 2, cy = (minY + maxY) / 2
        for i in p.indices {
            p[i] = LayoutPoint(x: width / 2 + (p[i].x - cx) * s, y: height / 2 + (p[i].y - cy) * s)
        }
    }

    /// Rotates `p` about its centroid so that its principal axis (largest variance) is the x axis.
    static func alignPrincipalAxis(_ p: inout [LayoutPoint]) {
        guard p.count > 1 else { return }
        let count = Double(p.count)
        let mx = p.reduce(0) { $0 + $1.x } / count, my = p.reduce(0) { $0 + $1.y } / count
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for q in p { sxx += (q.x - mx) * (q.x - mx); syy += (q.y - my) * (q.y - my); sxy += (q.x - mx) * (q.y - my) }
        let half = (sxx - syy) / 2
        let lambda = (sxx + syy) / 2 + (half * half + sxy * sxy).squareRoot()
        // Eigenvector of the largest eigenvalue, (c, s), with a fixed sign.
        var c = lambda - syy, s = sxy
        if abs(sxy) < 1e-12 { (c, s) = sxx >= syy ? (1, 0) : (0, 1) }
        let len = (c * c + s * s).squareRoot()
        guard len > 0 else { return }
        c /= len; s /= len
        if c < 0 || (c == 0 && s < 0) { c = -c; s = -s }
        for i in p.indices {
            let x = p[i].x - mx, y = p[i].y - my
            p[i] = LayoutPoint(x: c * x + s * y, y: -s * x + c * y)
        }
    }

    /// Pushes apart circles closer than the sum of their radii plus `gap`, keeping them inside the canvas.
    func separate(_ p: inout [LayoutPoint], radii: [Double], width: Double, height: Double) {
        guard p.count > 1 else { return }
        let cell = 2 * (radii.max() ?? 0) + gap
        for _ in 0..<40 {
            var moved = false
            var buckets = [Cell: [Int]]()
            for i in p.indices { buckets[Cell(p[i].x, p[i].y, cell), default: []].append(i) }
            for i in p.indices {
                let c = Cell(p[i].x, p[i].y, cell)
                for ox in -1...1 {
                    for oy in -1...1 {
                        guard let members = buckets[Cell(c.x + ox, c.y + oy)] else { continue }
                        for j in members.sorted() where j > i {
                            let need = radii[i] + radii[j] + gap
                            var ex = p[j].x - p[i].x, ey = p[j].y - p[i].y
                            var d = (ex * ex + ey * ey).squareRoot()
                            guard d < need else { continue }
                            if d < 1e-9 {
                                let angle = Double((i * 7 + j * 13) % 360) * .pi / 180
                                ex = Self.cos(angle); ey = Self.sin(angle); d = 1
                            }
                            let push = (need - d) / 2 / d
                            p[i].x -= ex * push; p[i].y -= ey * push
                            p[j].x += ex * push; p[j].y += ey * push
                            moved = true
                        }
                    }
                }
            }
            for i in p.indices {
                let r = radii[i] + 2
                p[i].x = min(max(p[i].x, r), width - r)
                p[i].y = min(max(p[i].y, r), height - r)
            }
            if !moved { break }
        }
    }

    // MARK: - Helpers

    struct Pair: Hashable, Comparable {
        let a: Int, b: Int
        init(_ a: Int, _ b: Int) { self.a = a; self.b = b }
        static func < (l: Pair, r: Pair) -> Bool { (l.a, l.b) < (r.a, r.b) }
    }

    private struct Cell: Hashable {
        let x: Int, y: Int
        init(_ x: Int, _ y: Int) { self.x = x; self.y = y }
        init(_ px: Double, _ py: Double, _ size: Double) {
            x = Int((px / size).rounded(.down)); y = Int((py / size).rounded(.down))
        }
    }

    /// FNV-1a over the UTF-8 bytes: the same on every run and platform.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// A uniform number in [0, 1) from SplitMix64.
    static func unit(_ state: inout UInt64) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }

    // sin and cos without Foundation (only used for the rare tie of two nodes on one spot).
    static func sin(_ a: Double) -> Double { cos(a - .pi / 2) }
    static func cos(_ a: Double) -> Double {
        var x = a.truncatingRemainder(dividingBy: 2 * .pi)
        if x > .pi { x -= 2 * .pi } else if x < -.pi { x += 2 * .pi }
        let x2 = x * x
        var term = 1.0, sum = 1.0
        for k in 1...12 { term *= -x2 / Double((2 * k - 1) * (2 * k)); sum += term }
        return sum
    }
}

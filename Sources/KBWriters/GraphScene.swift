// What the SVG and HTML pictures draw, computed once from the graph: circles (colour by entity type, area by
// mentions), labels (truncated, placed where they hit no circle and no other label, else left to the tooltip),
// and one curved arrow per (subject, object, relation) carrying every fact that states it.

import KBGraph

struct GraphScene {
    struct NodeItem {
        let entity: Entity
        var x: Double, y: Double
        let radius: Double
        /// The label as drawn (at most `maxLabelLength` characters) and in full (tooltip).
        let label: String
        let fullLabel: String
        /// True when the label's first strong character is right-to-left (Arabic, Hebrew…).
        let rtl: Bool
        let fontSize: Double
        /// Where the label sits, or nil when no free place was found (the tooltip still names the node).
        var labelAt: LabelPlacement?
    }

    struct LabelPlacement: Equatable {
        var x: Double, y: Double
        /// SVG `text-anchor` for the label's own direction.
        var anchor: String
    }

    struct EdgeItem {
        /// Index in `edges` + 1, used in element ids (`e1`, `ev-1`).
        let number: Int
        let source: Int, target: Int
        let type: String
        let facts: [Fact]
        /// SVG path data of the arrow, and where its label sits.
        var path: String = ""
        var labelX = 0.0, labelY = 0.0
        /// Other places along the curve the label may take when its middle is covered (most central first).
        var labelAlternatives: [LayoutPoint] = []
        /// False when the label would cover a circle or another label (the tooltip still tells the relation).
        var showLabel = true
        /// Every fact of the edge is planned or negated (drawn dashed).
        var tentative: Bool { facts.allSatisfy { $0.modality != .asserted } }
        var label: String { facts.count > 1 ? "\(type) ×\(facts.count)" : type }
    }

    static let maxLabelLength = 22
    /// Height of the legend strip above the drawing.
    static let legendHeight = 40.0
    static let colours: [EntityType: String] = [
        .person: "#4e79a7", .organization: "#f28e2b", .place: "#59a14f", .date: "#b07aa1",
    ]
    static let fontFamily = "'Noto Sans Arabic', 'Noto Naskh Arabic', 'DejaVu Sans', 'Arial', sans-serif"

    var nodes: [NodeItem] = []
    var edges: [EdgeItem] = []
    var width = 0.0, height = 0.0
    /// Where the rows of entities without any relation begin, and how many there are.
    var isolatedTop: Double?
    var isolatedCount = 0
    /// Entity types present, with their counts, in a fixed order.
    var legend: [(type: EntityType, count: Int)] = []
    let documents: [String: Document]

    init(_ whole: KnowledgeGraph, options: ExportOptions, layout: GraphLayout = GraphLayout()) {
        // the nodes the graph formats draw (no DATE or isolated node unless asked, as in GraphML and GEXF)
        let view = GraphView(options: options, entities: whole.entities, facts: whole.facts)
        var graph = whole
        graph.entities = view.nodes
        graph.facts = whole.facts.filter(view.keeps)
        documents = Dictionary(graph.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let maxMentions = Double(max(1, graph.entities.map(\.mentionCount).max() ?? 1))
        var index = [String: Int]()
        for (i, e) in graph.entities.enumerated() {
            index[e.id] = index[e.id] ?? i
            let share = (Double(max(0, e.mentionCount)) / maxMentions).squareRoot()
            let full = Values.display(e.label(preferEnglish: options.preferEnglishLabels)) ?? e.id
            nodes.append(NodeItem(entity: e, x: 0, y: 0, radius: 6 + 16 * share, label: Self.truncate(full),
                                  fullLabel: full, rtl: Self.isRightToLeft(full), fontSize: 11 + 4 * share))
        }
        edges = Self.group(graph.facts, index: index)
        let placed = layout.layout(nodes: nodes.map { GraphLayout.Node(id: $0.entity.id, radius: $0.radius) },
                                   edges: edges.map { ($0.source, $0.target) })
        width = placed.width
        height = placed.height + Self.legendHeight
        isolatedTop = placed.isolatedTop.map { $0 + Self.legendHeight }
        var linked = Set<Int>()
        for e in edges where e.source != e.target { linked.insert(e.source); linked.insert(e.target) }
        isolatedCount = nodes.count - linked.count
        for i in nodes.indices {
            nodes[i].x = placed.positions[i].x
            nodes[i].y = placed.positions[i].y + Self.legendHeight
        }
        legend = EntityType.allCases.sorted { Self.legendOrder($0) < Self.legendOrder($1) }.compactMap { t in
            let n = graph.entities.filter { $0.type == t }.count
            return n > 0 ? (t, n) : nil
        }
        routeEdges()
        placeLabels()
    }

    // MARK: - Edges

    /// One edge per (subject, object, relation), in that order; facts whose ends are not nodes are left out.
    static func group(_ facts: [Fact], index: [String: Int]) -> [EdgeItem] {
        struct Key: Hashable, Comparable {
            let s: Int, o: Int, type: String
            static func < (a: Key, b: Key) -> Bool { (a.s, a.o, a.type) < (b.s, b.o, b.type) }
        }
        var byKey = [Key: [Fact]]()
        for f in facts {
            guard let s = index[f.subject], let o = index[f.object] else { continue }
            byKey[Key(s: s, o: o, type: Values.display(f.type) ?? "OTHER"), default: []].append(f)
        }
        return byKey.keys.sorted().enumerated().map { n, k in
            EdgeItem(number: n + 1, source: k.s, target: k.o, type: k.type,
                     facts: byKey[k]!.sorted { $0.id < $1.id })
        }
    }

    /// Curves the edges: the edges of one pair of nodes bend apart (a single edge is straight), arrows end at the
    /// target's circle, and each label sits at the middle of its curve.
    mutating func routeEdges() {
        struct PairKey: Hashable { let a: Int, b: Int }
        var perPair = [PairKey: [Int]]()
        for (i, e) in edges.enumerated() {
            perPair[PairKey(a: min(e.source, e.target), b: max(e.source, e.target)), default: []].append(i)
        }
        for i in edges.indices {
            let e = edges[i]
            let a = nodes[e.source], b = nodes[e.target]
            let siblings = perPair[PairKey(a: min(e.source, e.target), b: max(e.source, e.target))]!
            let rank = Double(siblings.firstIndex(of: i)!) - Double(siblings.count - 1) / 2
            if e.source == e.target {
                // A loop: a small circle above the node.
                let r = a.radius
                edges[i].path = "M \(n(a.x - r * 0.6)) \(n(a.y - r * 0.8)) C \(n(a.x - r * 2)) \(n(a.y - r * 3.5)) "
                    + "\(n(a.x + r * 2)) \(n(a.y - r * 3.5)) \(n(a.x + r * 0.6)) \(n(a.y - r * 0.8))"
                edges[i].labelX = a.x; edges[i].labelY = a.y - r * 2.9
                continue
            }
            // The bend is perpendicular to the pair's canonical direction (lower index → higher), so the two
            // directions of a pair bend the same way and their sibling ranks keep them apart.
            let (lo, hi) = e.source < e.target ? (a, b) : (b, a)
            let vx = hi.x - lo.x, vy = hi.y - lo.y
            let len = max((vx * vx + vy * vy).squareRoot(), 1e-6)
            let bend = rank * 30
            let cx = (a.x + b.x) / 2 + (-vy / len) * bend * 2, cy = (a.y + b.y) / 2 + (vx / len) * bend * 2
            let start = Self.toward(a, cx, cy, a.radius + 1)
            let end = Self.toward(b, cx, cy, b.radius + 3)
            edges[i].path = "M \(n(start.x)) \(n(start.y)) Q \(n(cx)) \(n(cy)) \(n(end.x)) \(n(end.y))"
            edges[i].labelX = 0.25 * a.x + 0.5 * cx + 0.25 * b.x
            edges[i].labelY = 0.25 * a.y + 0.5 * cy + 0.25 * b.y
            edges[i].labelAlternatives = [0.4, 0.6, 0.3, 0.7].map { t in
                let u = 1 - t
                return LayoutPoint(x: u * u * a.x + 2 * u * t * cx + t * t * b.x, y: u * u * a.y + 2 * u * t * cy + t * t * b.y)
            }
        }
    }

    /// The point at `distance` from the node's centre toward (x, y).
    static func toward(_ p: NodeItem, _ x: Double, _ y: Double, _ distance: Double) -> LayoutPoint {
        let dx = x - p.x, dy = y - p.y
        let d = (dx * dx + dy * dy).squareRoot()
        guard d > distance else { return LayoutPoint(x: p.x, y: p.y) }
        return LayoutPoint(x: p.x + dx / d * distance, y: p.y + dy / d * distance)
    }

    // MARK: - Labels

    /// Places labels, biggest nodes first: below the circle, above it, then beside it (on the side where the
    /// text begins for its direction); a label that would cover a circle or another label is not drawn.
    mutating func placeLabels() {
        var taken = BoxIndex(cell: 120)
        for node in nodes {
            taken.insert(Box(x0: node.x - node.radius, y0: node.y - node.radius,
                             x1: node.x + node.radius, y1: node.y + node.radius))
        }
        let order = nodes.indices.sorted { (-nodes[$0].radius, nodes[$0].entity.id) < (-nodes[$1].radius, nodes[$1].entity.id) }
        for i in order {
            let node = nodes[i]
            let w = Self.textWidth(node.label, fontSize: node.fontSize), h = node.fontSize * 1.25
            let own = Box(x0: node.x - node.radius, y0: node.y - node.radius, x1: node.x + node.radius, y1: node.y + node.radius)
            // (placement, box) candidates; the anchor is "middle" or the side where the text starts.
            let below = node.y + node.radius + node.fontSize + 1, above = node.y - node.radius - 4
            let mid = node.y + node.fontSize * 0.35
            let left = node.x - node.radius - 4, right = node.x + node.radius + 4
            let candidates: [(LabelPlacement, Box)] = [
                (LabelPlacement(x: node.x, y: below, anchor: "middle"),
                 Box(x0: node.x - w / 2, y0: below - node.fontSize, x1: node.x + w / 2, y1: below - node.fontSize + h)),
                (LabelPlacement(x: node.x, y: above, anchor: "middle"),
                 Box(x0: node.x - w / 2, y0: above - node.fontSize, x1: node.x + w / 2, y1: above - node.fontSize + h)),
                // Left of the circle: the text ends at `left`, which is its start for right-to-left text.
                (LabelPlacement(x: left, y: mid, anchor: node.rtl ? "start" : "end"),
                 Box(x0: left - w, y0: mid - node.fontSize, x1: left, y1: mid - node.fontSize + h)),
                (LabelPlacement(x: right, y: mid, anchor: node.rtl ? "end" : "start"),
                 Box(x0: right, y0: mid - node.fontSize, x1: right + w, y1: mid - node.fontSize + h)),
            ]
            for (placement, box) in candidates
            where box.x0 >= 0 && box.x1 <= width && box.y0 >= Self.legendHeight && box.y1 <= height
                && !taken.intersects(box, except: own) {
                nodes[i].labelAt = placement
                taken.insert(box)
                break
            }
        }
        placeEdgeLabels(&taken)
    }

    /// Edge labels go where nothing else is (node labels first): biggest edges first, at the curve's middle or,
    /// when that is covered, a little toward either end.
    mutating func placeEdgeLabels(_ taken: inout BoxIndex) {
        let order = edges.indices.sorted { (-edges[$0].facts.count, $0) < (-edges[$1].facts.count, $1) }
        for i in order {
            let e = edges[i]
            let w = Self.textWidth(e.label, fontSize: Self.edgeFontSize)
            edges[i].showLabel = false
            for p in [LayoutPoint(x: e.labelX, y: e.labelY)] + e.labelAlternatives {
                let box = Box(x0: p.x - w / 2, y0: p.y - 6, x1: p.x + w / 2, y1: p.y + 6)
                guard !taken.intersects(box, except: nil) else { continue }
                taken.insert(box)
                edges[i].labelX = p.x; edges[i].labelY = p.y; edges[i].showLabel = true
                break
            }
        }
    }

    static let edgeFontSize = 10.0

    /// An estimate of the drawn width (a little generous), from advances measured in Chromium with Noto Sans Arabic
    /// and DejaVu Sans: Arabic letters join and are narrow (about 0.45 em), Latin capitals and digits wide.
    static func textWidth(_ s: String, fontSize: Double) -> Double {
        var ems = 0.0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x20: ems += 0.32
            case 0x30...0x39, 0x41...0x5A, 0x5F: ems += 0.72
            case 0x61...0x7A: ems += 0.58
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: ems += 0.48
            case 0x0300...0x036F, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069: break  // marks, bidi controls
            default: ems += 0.7
            }
        }
        return ems * fontSize + 2
    }

    /// `s` cut to `maxLabelLength` characters (grapheme clusters, so no mark loses its letter) with an ellipsis.
    static func truncate(_ s: String) -> String {
        guard s.count > maxLabelLength else { return s }
        return Values.trim(String(s.prefix(maxLabelLength - 1))) + "…"
    }

    /// True when the first strong character is right-to-left (Hebrew, Arabic, Syriac, Thaana, NKo… and the
    /// Arabic presentation forms); false for left-to-right or no strong character.
    static func isRightToLeft(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
                || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v) { return true }
            if u.properties.isAlphabetic { return false }
        }
        return false
    }

    static func legendOrder(_ t: EntityType) -> Int {
        switch t {
        case .person: return 0
        case .organization: return 1
        case .place: return 2
        case .date: return 3
        }
    }

    func document(_ id: String) -> Document? { documents[id] }
}

/// A number for SVG attributes and path data: one decimal, locale-independent.
func n(_ x: Double) -> String { Values.decimal(x, fractionDigits: 1) ?? "0.0" }

/// An axis-aligned box on the canvas.
struct Box: Equatable {
    var x0: Double, y0: Double, x1: Double, y1: Double
    func intersects(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
}

/// Boxes in a uniform grid, for overlap tests in large pictures.
struct BoxIndex {
    let cell: Double
    private var boxes: [Box] = []
    private var grid: [Int64: [Int]] = [:]

    init(cell: Double) { self.cell = cell }

    private func cells(_ b: Box) -> [Int64] {
        let cx0 = Int64((b.x0 / cell).rounded(.down)), cx1 = Int64((b.x1 / cell).rounded(.down))
        let cy0 = Int64((b.y0 / cell).rounded(.down)), cy1 = Int64((b.y1 / cell).rounded(.down))
        var out: [Int64] = []
        for x in cx0...cx1 { for y in cy0...cy1 { out.append(x &* 1_000_003 &+ y) } }
        return out
    }

    mutating func insert(_ b: Box) {
        boxes.append(b)
        for c in cells(b) { grid[c, default: []].append(boxes.count - 1) }
    }

    /// True when `b` overlaps a stored box other than `except`.
    func intersects(_ b: Box, except: Box?) -> Bool {
        for c in cells(b) {
            for i in grid[c] ?? [] where boxes[i] != except && boxes[i].intersects(b) { return true }
        }
        return false
    }
}

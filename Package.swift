// swift-tools-version:6.1
import PackageDescription

// Pipeline, readable from the folder names:
//   KBText (read, clean, normalise) → KBFacts (entities, facts) → KBGraph (the model)
//   → KBWriters (one file per format) → KBXML (the only code that touches libxml2) → file.
let package = Package(
    name: "kbexport",
    products: [
        .executable(name: "kbexport", targets: ["kbexport"]),
        .library(name: "KBExport", targets: ["KBText", "KBFacts", "KBGraph", "KBWriters", "KBXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "KBXML", dependencies: ["CLibXML2"]),
        .target(name: "KBGraph", resources: [.copy("Resources/relations.tsv")]),
        .target(name: "KBText"),
        .target(
            name: "KBFacts",
            dependencies: ["KBText", "KBGraph"],
            resources: [.copy("Resources/gazetteer.tsv"), .copy("Resources/lexicon.txt"), .copy("Resources/rules")]
        ),
        .target(name: "KBWriters", dependencies: ["KBGraph", "KBXML"]),
        // RDF in: N-Triples and RDF/XML readers, and the mapping of arbitrary RDF to the graph writers.
        .target(name: "KBRDF", dependencies: ["KBGraph", "KBXML", "KBWriters"]),
        .target(name: "KBEvaluation", dependencies: ["KBText", "KBGraph"]),
        .executableTarget(
            name: "kbexport",
            dependencies: [
                "KBText", "KBFacts", "KBGraph", "KBWriters", "KBXML", "KBEvaluation", "KBRDF",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helpers shared by the test targets (paths, child processes, temporary folders, schema cache).
        .target(name: "KBTestSupport", dependencies: ["KBXML"], path: "Tests/KBTestSupport"),
        .testTarget(
            name: "KBXMLTests",
            dependencies: ["KBTestSupport", "KBXML"]
        ),
        .testTarget(
            name: "KBGraphTests",
            dependencies: ["KBTestSupport", "KBGraph"]
        ),
        .testTarget(
            name: "KBTextTests",
            dependencies: ["KBTestSupport", "KBText"]
        ),
        .testTarget(
            name: "KBFactsTests",
            dependencies: ["KBTestSupport", "KBFacts", "KBText", "KBGraph", "KBEvaluation"]
        ),
        .testTarget(
            name: "KBWritersTests",
            dependencies: ["KBTestSupport", "KBWriters", "KBGraph", "KBXML"]
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: ["KBTestSupport", "KBRDF", "KBWriters", "KBXML", "KBGraph", "KBFacts", "KBText"]
        ),
        .testTarget(
            name: "RobustnessTests",
            dependencies: [
                "KBXML", "KBText", "KBWriters", "KBGraph", "KBFacts", "KBTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["KBTestSupport", "KBXML", "KBFacts", "KBGraph", "KBText", "KBWriters", "KBEvaluation"]
        ),
    ]
)

// swift-tools-version:6.1
import PackageDescription

// Pipeline, readable from the folder names:
//   KBText (read, clean, normalise) → KBFacts (entities, facts) → KBGraph (the model)
//   → KBWriters (one file per format) → KBXML (the only code that touches libxml2) → file.
let package = Package(
    name: "kbexport",
    products: [
        .executable(name: "kbexport", targets: ["kbexport"]),
        .executable(name: "kbner-train", targets: ["kbner-train"]),
        .library(name: "KBExport", targets: ["KBText", "KBNER", "KBFacts", "KBGraph", "KBWriters", "KBXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "KBXML", dependencies: ["CLibXML2"]),
        // Every file below Sources/<Module>/Resources/ and seeds/ compiled into the binary (EmbeddedResources),
        // so a copied kbexport works anywhere; adding a file there is enough. See Plugins/EmbedResources.
        .executableTarget(name: "EmbedResourcesTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        .target(name: "KBResources", plugins: ["EmbedResources"]),
        // resources: the bundle is only a fallback for a build without the plugin (the binary reads the embedded copy)
        .target(name: "KBGraph", dependencies: ["KBResources"], resources: [.copy("Resources")]),
        .target(name: "KBText", dependencies: ["KBResources"]),
        // Statistical entity labeller (averaged perceptron, Viterbi over IOB2 labels); docs/ner.md.
        .target(name: "KBNER", dependencies: ["KBText", "KBResources"], resources: [.copy("Resources")]),
        .target(
            name: "KBFacts",
            dependencies: ["KBText", "KBGraph", "KBNER", "KBResources"],
            resources: [.copy("Resources")]
        ),
        .target(name: "KBWriters", dependencies: ["KBGraph", "KBXML"]),
        // RDF in: N-Triples and RDF/XML readers, and the mapping of arbitrary RDF to the graph writers.
        .target(name: "KBRDF", dependencies: ["KBGraph", "KBXML", "KBWriters"]),
        .target(name: "KBEvaluation", dependencies: ["KBText", "KBGraph", "KBNER"]),
        // The knowledge base that grows (kbexport add / export --kb): SQLite through GRDB.
        .target(
            name: "KBStore",
            dependencies: ["KBText", "KBFacts", "KBGraph", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Trains the entity labeller from ../shared/ner-data (docs/ner.md).
        .executableTarget(
            name: "kbner-train",
            dependencies: ["KBNER", "KBEvaluation", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "kbexport",
            dependencies: [
                "KBText", "KBNER", "KBFacts", "KBGraph", "KBWriters", "KBXML", "KBEvaluation", "KBRDF", "KBStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helpers shared by the test targets (paths, child processes, temporary folders, schema cache).
        .target(name: "KBTestSupport", dependencies: ["KBXML"], path: "Tests/KBTestSupport"),
        .testTarget(
            name: "KBXMLTests",
            dependencies: ["KBTestSupport", "KBXML"]
        ),
        .testTarget(name: "KBNERTests", dependencies: ["KBNER", "KBText"]),
        .testTarget(
            name: "KBGraphTests",
            dependencies: ["KBTestSupport", "KBGraph", "KBResources"]
        ),
        .testTarget(
            name: "KBStoreTests",
            dependencies: ["KBTestSupport", "KBStore", "KBFacts", "KBGraph", "KBText"]
        ),
        .testTarget(
            name: "KBTextTests",
            dependencies: ["KBTestSupport", "KBText"]
        ),
        .testTarget(
            name: "KBFactsTests",
            dependencies: ["KBTestSupport", "KBResources", "KBFacts", "KBText", "KBGraph", "KBEvaluation", "KBNER"]
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

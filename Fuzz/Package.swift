// swift-tools-version:6.1
// A libFuzzer harness for kbexport, kept outside the main package so that the main build is unaffected.
// It uses the main package's `KBExport` library product. Build and run with ./run.sh (see README.md).
import PackageDescription

let package = Package(
    name: "kbfuzz",
    dependencies: [.package(name: "kbexport", path: "..")],
    targets: [
        .executableTarget(
            name: "kbfuzz",
            dependencies: [.product(name: "KBExport", package: "kbexport")]
        ),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gomod-doctor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gomod-doctor", targets: ["gomod-doctor"]),
        .library(name: "GoModConfig", targets: ["GoModConfig"]),
        .library(name: "Doctor", targets: ["Doctor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Removes secrets (URL userinfo, token query values) wherever evidence is created.
        .target(name: "Redaction"),
        // How the go command reads its configuration and routes each module. Pure: no I/O
        // beyond what its callers hand in. Crypto only for the GOSUMDB verifier-key hash.
        .target(
            name: "GoModConfig",
            dependencies: ["Redaction", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Network layers (DNS, ICMP, TCP, TLS, HTTP, path, sockets). Knows nothing about Go:
        // each probe takes a target and a deadline and returns evidence plus an outcome.
        .target(
            name: "NetProbes",
            dependencies: [
                "Redaction",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "NIOHPACK", package: "swift-nio-http2"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The module protocol: GOPROXY client and route walk, direct discovery, the checksum
        // database (signed notes, transparency log), h1 hashes and zip rules.
        .target(
            name: "ModuleFetch",
            dependencies: [
                "GoModConfig", "NetProbes",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The only place that draws conclusions: evidence → findings with fixes.
        .target(name: "Doctor", dependencies: ["GoModConfig", "NetProbes", "ModuleFetch", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]),
        // Presentation: terminal text, JSON, localisation (en, zh-Hans), redaction.
        .target(name: "Report", dependencies: ["Doctor", "GoModConfig"]),
        .executableTarget(
            name: "gomod-doctor",
            dependencies: [
                "GoModConfig", "NetProbes", "ModuleFetch", "Doctor", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: real network namespaces, servers and faults (see ../shared/lab.md).
        .target(name: "LabKit", path: "Tests/LabKit"),
        .testTarget(name: "GoModConfigTests", dependencies: ["GoModConfig"]),
        .testTarget(
            name: "NetProbesTests",
            dependencies: ["NetProbes", .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        .testTarget(
            name: "ModuleFetchTests",
            dependencies: ["ModuleFetch", "GoModConfig", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "DoctorTests", dependencies: ["Doctor", "Report", "GoModConfig"]),
        .testTarget(name: "LabTests", dependencies: ["LabKit", "GoModConfig", "NetProbes", "ModuleFetch", "Doctor", "Report"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzzing only (fuzz/build.sh sets GOMOD_DOCTOR_FUZZ=1 and builds into .build-fuzz): one
// libFuzzer executable whose FUZZ_TARGET picks the parser. Only our own targets get the
// coverage instrumentation (and -enable-testing, so the fuzzer reaches internal parsers);
// dependencies build as usual. Without the variable the package is unchanged.
if Context.environment["GOMOD_DOCTOR_FUZZ"] == "1" {
    // -O also in a debug build (dependencies unoptimised, which compiles much faster; our
    // parsers optimised, which fuzzes much faster).
    let instrumented: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-enable-testing", "-O"])]
    for target in package.targets where ["Redaction", "GoModConfig", "NetProbes", "ModuleFetch"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + instrumented
    }
    package.targets.append(.executableTarget(
        name: "gomod-doctor-fuzz",
        dependencies: [
            "GoModConfig", "NetProbes", "ModuleFetch",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        path: "fuzz/Sources",
        swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-O"])],
        // lld: gold crashes (internal error in format_file_lineno) on this link.
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]
    ))
}

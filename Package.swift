// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mock-interview",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mock-interview", targets: ["mock-interview"]),
        .library(name: "InterviewKit", targets: ["InterviewKit"]),
        .library(name: "InterviewStore", targets: ["InterviewStore"]),
        .library(name: "InterviewReports", targets: ["InterviewReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "CSpawn"),
        .target(
            name: "InterviewKit",
            dependencies: [
                "CStemmer",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "InterviewReports",
            dependencies: [
                "InterviewKit",
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .target(
            name: "InterviewStore",
            dependencies: [
                "InterviewKit",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "mock-interview",
            dependencies: [
                "InterviewKit",
                "InterviewStore",
                "InterviewReports",
                "CReadline",
                "CSpawn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "mock-interview-bench",
            dependencies: [
                "InterviewKit",
                "InterviewStore",
                "CStemmer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "InterviewKitTests", dependencies: ["InterviewKit"], exclude: ["Fixtures"]),
        .testTarget(name: "InterviewStoreTests", dependencies: ["InterviewStore"]),
        .testTarget(name: "InterviewReportsTests", dependencies: ["InterviewReports"], exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["InterviewKit", "CSpawn"]),
    ],
    swiftLanguageModes: [.v6]
)

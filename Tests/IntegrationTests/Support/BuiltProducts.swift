import Foundation

/// Where the package's executables are: beside the test bundle, or `$ONBOARD_BIN_DIR`.
enum BuiltProducts {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["ONBOARD_BIN_DIR"], !override.isEmpty {
            return URL(filePath: override, directoryHint: .isDirectory)
        }
        // The test runner is <build dir>/onboardPackageTests.xctest; products sit beside it.
        let executable = URL(filePath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent()
    }

    static func url(of product: String) -> URL { directory.appending(path: product) }
}

/// Where integration tests write recordings for the OpenAPI contract check, if anywhere.
enum ContractRecording {
    static var directory: URL? {
        guard let path = ProcessInfo.processInfo.environment["ONBOARD_CONTRACT_DIR"], !path.isEmpty else { return nil }
        let url = URL(filePath: path, directoryHint: .isDirectory)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

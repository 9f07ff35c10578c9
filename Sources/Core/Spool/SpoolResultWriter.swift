import Foundation

/// Writes and updates the result files in the spool's `results/`.
///
/// The file for a request `incoming/NAME.json` is `results/NAME.json`; for a name without the `.json` extension it
/// is `results/NAME.json` with `.json` appended to the whole name (`order.txt` → `order.txt.json`). Call
/// ``write(_:)`` when the request is accepted and again whenever its onboarding changes state: each write replaces the
/// file atomically (write a dot-named temporary file, `fsync`, rename, `fsync` the folder), mode `0640`, so a reader
/// never sees half a file.
///
/// File-system work runs on a dedicated queue, never on Swift's cooperative pool.
public struct SpoolResultWriter: Sendable {
    /// The mode of result files: owner read-write, group (`onboard`) read.
    public static let fileMode: UInt32 = 0o640

    /// The spool.
    public var layout: SpoolLayout

    /// A writer for `layout`'s `results/`.
    public init(layout: SpoolLayout) {
        self.layout = layout
    }

    /// The result file's name for the request file `requestFile`.
    ///
    /// - Throws: ``SpoolError/invalidName`` if `requestFile` is not a plain file name.
    public static func resultName(for requestFile: String) throws -> String {
        try SpoolPOSIX.validateFileName(requestFile)
        let name = requestFile.hasSuffix(".json") && requestFile.count > 5 ? requestFile : requestFile + ".json"
        try SpoolPOSIX.validateFileName(name)
        return name
    }

    /// The path of the result file for `requestFile`.
    public func path(for requestFile: String) throws -> String {
        layout.results + "/" + (try Self.resultName(for: requestFile))
    }

    /// Writes (or replaces) the result file for `result.file`, and returns its path.
    ///
    /// - Throws: ``SpoolError/invalidName`` for a bad file name, ``SpoolError/io`` if the file cannot be written,
    ///   or an `EncodingError`.
    @discardableResult
    public func write(_ result: SpoolResult) async throws -> String {
        let name = try Self.resultName(for: result.file)
        let data = try result.encoded()
        let directory = layout.results
        try await BlockingIOQueue.shared.run {
            try SpoolPOSIX.writeAtomically(data, directory: directory, name: name, mode: mode_t(Self.fileMode))
        }
        return directory + "/" + name
    }
}

import Foundation
import Glibc
import OnboardCore

/// One document named on the command line for `submit` or `plan`: a file, or standard input (`-`).
struct RequestInput: Sendable, Hashable {
    /// The path as given, or `-` for standard input.
    var path: String
    /// Given with `--csv`: CSV whatever its name.
    var forcedCSV: Bool

    /// Whether this is standard input.
    var isStandardInput: Bool { path == "-" }

    /// The name recorded as the onboarding's source: the file name without its folders, or `stdin`.
    var sourceName: String {
        isStandardInput ? "stdin" : (URL(filePath: path).lastPathComponent.isEmpty ? path : URL(filePath: path).lastPathComponent)
    }

    /// The name shown in messages: the path as given, or `stdin`.
    var displayName: String { isStandardInput ? "stdin" : path }

    /// The inputs of a command line: the positional `files` in order, then the `--csv` files.
    ///
    /// - Throws: ``CLIError`` (64) when there is none, or standard input is named twice.
    static func resolve(files: [String], csvFiles: [String]) throws(CLIError) -> [RequestInput] {
        let inputs = files.map { RequestInput(path: $0, forcedCSV: false) } + csvFiles.map { RequestInput(path: $0, forcedCSV: true) }
        guard !inputs.isEmpty else {
            throw .usage("name a request file (JSON), --csv FILE, or - to read one JSON request from standard input")
        }
        guard inputs.filter(\.isStandardInput).count <= 1 else {
            throw .usage("standard input (-) can be read only once; name it once")
        }
        return inputs
    }

    /// The largest request onboardd accepts on one line by default (its `maximumLineLength`, 1 MiB), less room for
    /// the JSON-RPC envelope.
    static let maximumEncodedSize = (1 << 20) - 1024

    /// Reads the document and prepares the call's parameters.
    ///
    /// - Parameters:
    ///   - readStandardInput: Reads all of standard input. Defaults to the process's.
    ///   - readFile: Reads a whole file. Defaults to ``readWholeFile(_:)``.
    /// - Throws: ``CLIError``: 66 if the file cannot be read; 65 if it is empty, not UTF-8, or too large for one call.
    func parameters(
        readStandardInput: () throws(CLIError) -> [UInt8] = { () throws(CLIError) -> [UInt8] in
            try RequestInput.readAll(descriptor: STDIN_FILENO, name: "stdin")
        },
        readFile: (String) throws(CLIError) -> [UInt8] = { (path: String) throws(CLIError) -> [UInt8] in
            try RequestInput.readWholeFile(path)
        }
    ) throws(CLIError) -> SubmitParams {
        let bytes = isStandardInput ? try readStandardInput() : try readFile(path)
        guard let content = String(validating: bytes, as: UTF8.self) else {
            throw .badInput("\(displayName) is not UTF-8 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8) and submit it again")
        }
        guard content.contains(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else {
            throw .badInput("\(displayName) is empty; give a request in JSON (see examples/) or a CSV with a header row")
        }
        let format = InputFormat.detect(name: isStandardInput ? nil : path, content: content, forcedCSV: forcedCSV)
        let parameters = SubmitParams(content: content, format: format, source: sourceName)
        let size = (try? ControlCoding.encoder.encode(parameters).count) ?? bytes.count
        guard size <= Self.maximumEncodedSize else {
            let advice = format == .csv ? "split the CSV into files of fewer rows (each with the header row)" : "shorten the request"
            throw .badInput("\(displayName) is too large for one call to onboardd (\(size / 1024) KiB encoded, at most \(Self.maximumEncodedSize / 1024) KiB); \(advice)")
        }
        return parameters
    }

    /// Reads a whole file.
    ///
    /// - Throws: ``CLIError`` (66) naming the file and the system's reason.
    static func readWholeFile(_ path: String) throws(CLIError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw .unreadable("cannot read \(path): \(String(cString: strerror(code))); check the path and its permissions")
        }
        defer { close(descriptor) }
        return try readAll(descriptor: descriptor, name: path)
    }

    /// Reads a descriptor to its end.
    static func readAll(descriptor: CInt, name: String) throws(CLIError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return result }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .unreadable("cannot read \(name): \(String(cString: strerror(code)))")
            }
            result += chunk[..<count]
        }
    }
}

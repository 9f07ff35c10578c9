import Foundation
import OnboardCore
import Testing

/// Shared fixtures of the request-layer tests.
enum RequestFixtures {
    /// One partner and two profiles: the configuration the examples assume.
    static let context = RequestValidationContext(
        partners: ["eu2"],
        profiles: ["standard-per-workload", "standard-per-gigabyte"]
    )

    /// Two partners: `partner` can no longer be left out.
    static let twoPartners = RequestValidationContext(
        partners: ["eu2", "us1"],
        profiles: ["standard-per-workload", "standard-per-gigabyte"]
    )

    /// The repository's `examples/` directory, found from this file's path.
    static let examplesDirectory = URL(filePath: #filePath)
        .deletingLastPathComponent()  // Request
        .deletingLastPathComponent()  // OnboardCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appending(path: "examples")

    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: examplesDirectory.appending(path: name))
    }

    static func exampleText(_ name: String) throws -> String {
        try String(decoding: example(name), as: UTF8.self)
    }

    /// A minimal valid request: only the required fields.
    static func minimal() -> [String: Any] {
        [
            "version": 1,
            "customer": ["name": "Contoso Ltd", "contact": ["email": "it@contoso.example"]],
            "services": ["profile": "standard-per-workload"],
            "admin": ["login": "contoso.admin", "email": "admin@contoso.example"],
        ]
    }

    /// The issue's example as a dictionary (the same content as `examples/contoso-per-workload.json`).
    static func full() -> [String: Any] {
        [
            "version": 1,
            "key": "crm-4711",
            "partner": "eu2",
            "customer": [
                "name": "Contoso Ltd", "language": "en",
                "contact": [
                    "email": "it@contoso.example", "firstname": "Ann", "lastname": "Lee", "phone": "+1 555 0100",
                ],
            ],
            "services": ["profile": "standard-per-workload"],
            "admin": [
                "login": "contoso.admin", "email": "admin@contoso.example", "firstname": "Ann", "lastname": "Lee",
                "roles": ["company_admin"], "activation": "password",
            ],
            "agent": ["token_valid_days": 3, "platforms": ["windows", "linux", "macos"]],
        ]
    }

    /// Sets (or, with `nil`, removes) the value at a dotted path, creating objects on the way.
    static func setting(_ path: String, _ value: Any?, in document: [String: Any]) -> [String: Any] {
        var document = document
        let parts = path.split(separator: ".").map(String.init)
        if parts.count == 1 {
            document[parts[0]] = value
            return document
        }
        let child = document[parts[0]] as? [String: Any] ?? [:]
        document[parts[0]] = setting(parts.dropFirst().joined(separator: "."), value, in: child)
        return document
    }

    /// A document with edits applied, as JSON text.
    static func json(_ document: [String: Any], _ edits: [(String, Any?)] = []) -> String {
        var document = document
        for (path, value) in edits { document = setting(path, value, in: document) }
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses JSON text that must be valid.
    static func parse(_ json: String, context: RequestValidationContext = context) throws -> OnboardingRequest {
        try RequestParser.parse(json: json, context: context)
    }

    /// The issues of JSON text that must be invalid (records a failure when it parses).
    static func issues(
        _ json: String,
        context: RequestValidationContext = context,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [RequestIssue] {
        do {
            let request = try RequestParser.parse(json: json, context: context)
            Issue.record("expected a validation error, got \(request)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues
        }
    }

    /// The issues of the minimal request with edits applied.
    static func issues(
        _ edits: [(String, Any?)],
        base: [String: Any] = minimal(),
        context: RequestValidationContext = context,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [RequestIssue] {
        issues(json(base, edits), context: context, sourceLocation: sourceLocation)
    }

    /// The one issue at `path`, recording a failure unless there is exactly one there.
    static func issue(
        at path: String,
        in issues: [RequestIssue],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> RequestIssue? {
        let matching = issues.filter { $0.path == path }
        #expect(matching.count == 1, "issues at \(path): \(issues)", sourceLocation: sourceLocation)
        return matching.first
    }

    /// The CSV issues of text that must be invalid.
    static func csvIssues(
        _ csv: String,
        context: RequestValidationContext = context,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [RowIssue] {
        do {
            let requests = try CSVRequestImporter.parse(csv: csv, context: context)
            Issue.record("expected a CSV import error, got \(requests)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues
        }
    }
}

/// A small SplitMix64 seeded generator, for reproducible tests only (not cryptographically secure).
struct RequestSeededRNG: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation

/// Reads onboarding requests (format v1, JSON) from untrusted input: strict validation, every issue reported.
///
/// ```swift
/// let context = RequestValidationContext(partners: ["eu2"], profiles: ["standard-per-workload"])
/// do {
///     let request = try RequestParser.parse(json: data, context: context)
/// } catch {
///     print(error)   // every problem, one per line, each with its field path and fix
/// }
/// ```
///
/// The rules are listed in the README ("Onboarding requests"). In short: unknown fields anywhere, wrong types,
/// missing required fields, duplicate members, and every field-format rule are errors; `null` counts as absent for
/// optional fields; the result has every default filled in (see ``OnboardingRequest``).
public enum RequestParser {
    /// The largest document accepted, in bytes (1 MiB; a request is well under 2 KiB).
    public static let maximumDocumentSize = 1 << 20

    /// Parses and validates one JSON request.
    ///
    /// - Parameters:
    ///   - json: The document, UTF-8 (a leading byte order mark is ignored).
    ///   - context: The configured partner accounts and profiles the request may name.
    /// - Returns: The validated, normalised request.
    /// - Throws: ``RequestValidationError`` with every issue found. A syntax error is reported alone (nothing can
    ///   be validated before the document parses), with its line and column.
    public static func parse(
        json: Data,
        context: RequestValidationContext
    ) throws(RequestValidationError) -> OnboardingRequest {
        guard json.count <= maximumDocumentSize else {
            throw RequestValidationError(issues: [
                RequestIssue(
                    path: "",
                    problem: "is \(json.count) bytes long; the limit is \(maximumDocumentSize) bytes",
                    fix: "Send one request per document; a request is a few hundred bytes."
                )
            ])
        }
        let document: RequestJSONValue
        do {
            document = try RequestJSONParser.parse(json)
        } catch {
            throw RequestValidationError(issues: [
                RequestIssue(
                    path: error.path,
                    problem: "is not valid JSON: \(error.message) (line \(error.line), column \(error.column))",
                    fix: "Correct the JSON syntax at line \(error.line), column \(error.column): strings and member "
                        + "names in double quotes, members separated by commas, no trailing comma, no comments."
                )
            ])
        }
        return try validate(document, context: context, source: .json)
    }

    /// Parses and validates one JSON request given as text, exactly as the `Data` overload does.
    public static func parse(
        json: String,
        context: RequestValidationContext
    ) throws(RequestValidationError) -> OnboardingRequest {
        try parse(json: Data(json.utf8), context: context)
    }

    /// Validates a parsed document: the single set of rules shared by JSON and CSV input.
    static func validate(
        _ document: RequestJSONValue,
        context: RequestValidationContext,
        source: RequestValidator.Source
    ) throws(RequestValidationError) -> OnboardingRequest {
        var validator = RequestValidator(context: context, source: source)
        guard let request = validator.validate(document) else {
            throw RequestValidationError(issues: validator.issues)
        }
        return request
    }
}

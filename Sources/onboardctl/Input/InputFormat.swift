import OnboardCore

/// Chooses whether a document is sent as one JSON request or as a CSV of requests.
///
/// In order: `--csv` says CSV; a name ending in `.csv` is CSV and one ending in `.json` is JSON (any case);
/// otherwise the content decides: a document whose first character (after a byte-order mark and white space) is `{`
/// is JSON, anything else is CSV (a header row). Standard input is JSON unless given as `--csv -`.
enum InputFormat {
    static func detect(name: String?, content: String, forcedCSV: Bool) -> SubmitParams.Format {
        if forcedCSV { return .csv }
        guard let name else { return .json }
        let lowered = name.lowercased()
        if lowered.hasSuffix(".csv") { return .csv }
        if lowered.hasSuffix(".json") { return .json }
        let first = content.unicodeScalars.first { $0 != "\u{FEFF}" && !$0.properties.isWhitespace }
        return first == "{" || first == nil ? .json : .csv
    }
}

/// "Did you mean …?" for misspelt field names, partners, profiles, roles and platforms.
enum RequestSuggestions {
    /// The candidate closest to `input`: one equal ignoring case (and `-`/`_`), else the only one that starts with
    /// it (`win` → `windows`), else one within a small edit distance (1 for inputs of up to 4 characters, 2 above).
    /// `nil` when nothing is close.
    static func closest(to input: String, in candidates: [String]) -> String? {
        func folded(_ text: String) -> String {
            String(text.lowercased().map { $0 == "-" ? "_" : $0 })
        }
        let foldedInput = folded(input)
        if let match = candidates.first(where: { folded($0) == foldedInput }) { return match }
        let extensions = candidates.filter { folded($0).hasPrefix(foldedInput) }
        if foldedInput.count >= 2, extensions.count == 1 { return extensions[0] }
        let limit = input.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(foldedInput, folded(candidate))
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `Did you mean "x"? ` or the empty string.
    static func didYouMean(_ input: String, in candidates: [String]) -> String {
        closest(to: input, in: candidates).map { "Did you mean \"\($0)\"? " } ?? ""
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `a, b and c`, each quoted.
    static func quotedList(_ items: [String]) -> String {
        let quoted = items.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}

import Foundation

/// The format rules of single request fields, each returning what is wrong and how to fix it.
///
/// Pure functions over strings; ``RequestValidator`` applies them with field paths. Values quoted in the findings
/// are the field's own value, so these are never applied to the password.
enum RequestFieldRules {
    /// A problem and its fix, for one field.
    struct Finding: Sendable, Hashable {
        var problem: String
        var fix: String
    }

    // MARK: - Limits

    static let keyMaximumLength = 128
    static let nameMaximumLength = 255
    static let loginMaximumLength = 64
    static let emailMaximumLength = 254
    static let phoneMaximumLength = 64

    // MARK: - Key

    /// `key`: 1–128 characters of `A–Z a–z 0–9 . _ : -`.
    static func key(_ key: String) -> [Finding] {
        let rule = "a key is 1–\(keyMaximumLength) characters of A–Z, a–z, 0–9 and . _ : -"
        if key.isEmpty {
            return [
                Finding(
                    problem: "is empty",
                    fix: "Give a key (\(rule)), such as your CRM's customer id \"crm-4711\", or remove it to have one "
                        + "derived from the partner and the customer name."
                )
            ]
        }
        var findings: [Finding] = []
        let invalid = distinctCharacters(in: key) { !isKeyCharacter($0) }
        if !invalid.isEmpty {
            let suggestion = suggestedKey(from: key)
            findings.append(
                Finding(
                    problem: "contains characters that are not allowed: \(describe(invalid))",
                    fix: "Use only A–Z, a–z, 0–9 and . _ : -"
                        + (suggestion.isEmpty ? "." : ", e.g. \"\(suggestion)\".")
                )
            )
        }
        if key.count > keyMaximumLength {
            findings.append(
                Finding(
                    problem: "is \(key.count) characters long; the limit is \(keyMaximumLength)",
                    fix: "Shorten the key to at most \(keyMaximumLength) characters."
                )
            )
        }
        return findings
    }

    static func isKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".-_:".contains(character))
    }

    /// The key with every run of characters that are not allowed replaced by `-`, trimmed to the limit.
    static func suggestedKey(from key: String) -> String {
        var result = ""
        var pendingDash = false
        for character in key {
            if isKeyCharacter(character) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return String(result.prefix(keyMaximumLength))
    }

    // MARK: - Names and free text

    /// A single-line text: the customer name, a person's name, a template tenant's name.
    ///
    /// - Parameters:
    ///   - what: What the text is, for the fix ("the customer name").
    ///   - optional: Whether the field may be left out (the fix for an empty value then says so).
    static func text(_ text: String, what: String, maximumLength: Int = nameMaximumLength, optional: Bool) -> [Finding]
    {
        if text.isEmpty || text.allSatisfy(\.isWhitespace) {
            return [
                Finding(
                    problem: text.isEmpty ? "is empty" : "contains only whitespace",
                    fix: "Give \(what) (1–\(maximumLength) characters)" + (optional ? ", or leave the field out." : ".")
                )
            ]
        }
        var findings: [Finding] = []
        let scalars = text.unicodeScalars.count
        if scalars > maximumLength {
            findings.append(
                Finding(
                    problem: "is \(scalars) characters long; the limit is \(maximumLength)",
                    fix: "Shorten \(what) to at most \(maximumLength) characters."
                )
            )
        }
        if text.first!.isWhitespace || text.last!.isWhitespace {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            findings.append(
                Finding(
                    problem: "starts or ends with whitespace",
                    fix: "Remove the leading and trailing whitespace: write \"\(printable(trimmed))\"."
                )
            )
        }
        if text.unicodeScalars.contains(where: isControl) {
            findings.append(
                Finding(
                    problem: "contains control characters (such as a line break or a tab)",
                    fix: "Write \(what) on one line, with plain spaces only."
                )
            )
        }
        return findings
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    // MARK: - Language

    /// `customer.language`: a language code of 2–5 characters, such as `en`, `de` or `pt-BR`.
    static func language(_ code: String) -> [Finding] {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        let wellFormed =
            code.count <= 5 && (1...2).contains(parts.count)
            && (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLowercase }
            && (parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase }))
        guard !wellFormed else { return [] }
        var fix =
            "Use a language code of 2–5 characters: a lower-case language, optionally \"-\" and an upper-case "
            + "region, such as \"en\", \"de\", \"fr\" or \"pt-BR\"."
        let normalised = normalisedLanguage(code)
        if normalised != code, language(normalised).isEmpty {
            fix = "Write \"\(normalised)\". " + fix
        }
        return [Finding(problem: "is \"\(printable(code))\", which is not a language code", fix: fix)]
    }

    /// `EN_us` → `en-US`.
    private static func normalisedLanguage(_ code: String) -> String {
        let parts = code.replacingOccurrences(of: "_", with: "-").split(separator: "-")
        guard let first = parts.first else { return code }
        return ([first.lowercased()] + parts.dropFirst().map { $0.uppercased() }).joined(separator: "-")
    }

    // MARK: - Login

    /// `admin.login`: ASCII letters, digits and `. _ - + @` (the WHMCS module's rule, acronis-api.md §5.1), 1–64
    /// characters, starting with a letter or a digit.
    static func login(_ login: String) -> [Finding] {
        let rule =
            "Use only ASCII letters, digits and . _ - + @ (1–\(loginMaximumLength) characters, starting "
            + "with a letter or a digit), e.g. \"contoso.admin\"."
        if login.isEmpty { return [Finding(problem: "is empty", fix: rule)] }
        var findings: [Finding] = []
        let invalid = distinctCharacters(in: login) { !isLoginCharacter($0) }
        if !invalid.isEmpty {
            findings.append(
                Finding(problem: "contains characters that are not allowed: \(describe(invalid))", fix: rule)
            )
        }
        if let first = login.first, isLoginCharacter(first), !(first.isLetter || first.isNumber) {
            findings.append(
                Finding(problem: "starts with \"\(first)\"; it must start with a letter or a digit", fix: rule)
            )
        }
        if login.count > loginMaximumLength {
            findings.append(
                Finding(
                    problem: "is \(login.count) characters long; the limit is \(loginMaximumLength)",
                    fix: "Shorten the login to at most \(loginMaximumLength) characters."
                )
            )
        }
        return findings
    }

    static func isLoginCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._-+@".contains(character))
    }

    // MARK: - E-mail

    /// An e-mail address, checked pragmatically: at most 254 characters, no whitespace or control characters,
    /// exactly one `@`, a non-empty local part, and a domain of at least two dot-separated labels made of letters,
    /// digits and inner hyphens.
    static func email(_ email: String) -> [Finding] {
        let fix =
            "Write one e-mail address such as \"it@contoso.example\": no spaces, exactly one \"@\", a domain "
            + "name with a dot, at most \(emailMaximumLength) characters."
        func finding(_ problem: String) -> [Finding] { [Finding(problem: problem, fix: fix)] }
        if email.isEmpty { return finding("is empty") }
        if email.count > emailMaximumLength {
            return finding("is \(email.count) characters long; the limit is \(emailMaximumLength)")
        }
        if email.unicodeScalars.contains(where: isControl) { return finding("contains control characters") }
        if email.contains(where: \.isWhitespace) { return finding("contains whitespace") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return finding(parts.count == 1 ? "has no \"@\"" : "has more than one \"@\"")
        }
        if parts[0].isEmpty { return finding("has nothing before the \"@\"") }
        let domain = parts[1]
        if domain.isEmpty { return finding("has nothing after the \"@\"") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelsValid = labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
        guard labels.count >= 2, labelsValid else {
            return finding(
                "has the domain \"\(printable(String(domain)))\", which is not a domain name like \"contoso.example\""
            )
        }
        return []
    }

    // MARK: - Phone

    /// `customer.contact.phone`: free text of at most 64 characters with at least one digit, on one line.
    static func phone(_ phone: String) -> [Finding] {
        var findings = text(phone, what: "the phone number", maximumLength: phoneMaximumLength, optional: true)
        if findings.isEmpty, !phone.contains(where: { $0.isASCII && $0.isNumber }) {
            findings.append(
                Finding(
                    problem: "contains no digit",
                    fix: "Write a phone number such as \"+1 555 0100\", or leave the field out."
                )
            )
        }
        return findings
    }

    // MARK: - Helpers

    /// The distinct characters of `text` that match, in order of first appearance.
    static func distinctCharacters(in text: String, where matches: (Character) -> Bool) -> [Character] {
        var seen: Set<Character> = []
        var result: [Character] = []
        for character in text where matches(character) && seen.insert(character).inserted {
            result.append(character)
        }
        return result
    }

    /// `" " (space), "/"`, at most 8 of them.
    static func describe(_ characters: [Character]) -> String {
        let described = characters.prefix(8).map { character -> String in
            switch character {
            case " ": return "\" \" (space)"
            case "\t": return "a tab"
            case "\n", "\r", "\r\n": return "a line break"
            default:
                if character.unicodeScalars.contains(where: isControl) {
                    let value = character.unicodeScalars.first!.value
                    return "U+" + String(value, radix: 16, uppercase: true)
                }
                return "\"\(character)\""
            }
        }
        return described.joined(separator: ", ") + (characters.count > 8 ? " and more" : "")
    }

    /// `text` with control characters shown as `\u{…}` and cut to 80 characters, for quoting in a message.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.count > 80 ? String(result.prefix(77)) + "…" : result
    }
}

/// The password rules for the admin user, from Acronis's guide (acronis-api.md §5.4).
///
/// A password must:
/// - have at least ``minimumLength`` (9) characters;
/// - not contain control characters (they cannot be typed at a login prompt);
/// - not contain, ignoring case, the login, the e-mail address, the e-mail's local part (before `@`), the first
///   name, the last name, or the tenant (customer) name: Acronis always counts a password that repeats these as
///   weak.
///
/// Values shorter than ``minimumFactLength`` (3) characters are not checked for containment: a first name "Al"
/// would otherwise forbid every password that happens to contain "al", and a password is not "repeating" a name
/// that short. Acronis may reject other passwords as weak too (the exact strength test is not documented); the
/// generator's passwords (``PasswordGenerator``) are long and random enough not to be.
public enum PasswordPolicy {
    /// The minimum length of a password, in characters (acronis-api.md §5.4).
    public static let minimumLength = 9
    /// The shortest login, e-mail part, name or tenant name that is checked for containment.
    public static let minimumFactLength = 3

    /// What is wrong with a password, as human-readable sentences; empty when it satisfies every rule.
    ///
    /// The sentences never contain the password or any part of it. They do name the fact the password contains
    /// ("contains the login"), never its value.
    public static func problems(
        password: String,
        login: String,
        email: String,
        firstname: String?,
        lastname: String?,
        tenantName: String
    ) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength {
            problems.append("is shorter than \(minimumLength) characters")
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems.append("contains control characters")
        }
        let lowered = password.lowercased()
        let localPart = email.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first.map(
            String.init
        )
        let facts: [(String, String?)] = [
            ("the login", login),
            ("the e-mail address", email),
            ("the e-mail address's local part (before @)", localPart),
            ("the first name", firstname),
            ("the last name", lastname),
            ("the customer (tenant) name", tenantName),
        ]
        var named: Set<String> = []
        for (name, value) in facts {
            guard let value, value.count >= minimumFactLength else { continue }
            let loweredValue = value.lowercased()
            guard lowered.contains(loweredValue), !named.contains(loweredValue) else { continue }
            named.insert(loweredValue)
            problems.append("contains \(name), ignoring case")
        }
        return problems
    }

    /// What is wrong with a password for the user that `context` describes; empty when it satisfies every rule.
    public static func problems(password: String, context: PasswordContext) -> [String] {
        problems(
            password: password,
            login: context.login,
            email: context.email,
            firstname: context.firstname,
            lastname: context.lastname,
            tenantName: context.tenantName
        )
    }
}

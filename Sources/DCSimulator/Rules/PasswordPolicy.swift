/// Password strength rules for `POST /users/{id}/password` (USR-4).
///
/// Source: [DOC-ACT] and the Acronis guide text reproduced by a hosting provider (libyanspider page, §5.4): at least
/// 9 characters; a password that repeats the login, e-mail, user name or tenant name is weak.
enum PasswordPolicy {
    /// Minimum length (USR-4).
    static let minimumLength = 9
    /// Personal values shorter than this are not checked (a one-letter first name would otherwise forbid that
    /// letter everywhere).
    static let minimumComparedLength = 3

    /// Values the password must not contain.
    struct Personal: Sendable {
        var login: String
        var email: String?
        var firstName: String?
        var lastName: String?
        var tenantName: String?
    }

    /// Why `password` is weak, or `nil` if it is acceptable.
    static func weakness(of password: String, personal: Personal) -> String? {
        if password.count < minimumLength {
            return "The password is too weak: it must have at least \(minimumLength) characters (it has \(password.count))"
        }
        let lowered = password.lowercased()
        var checks: [(String, String?)] = [
            ("the login", personal.login),
            ("the e-mail address", personal.email),
            ("the first name", personal.firstName),
            ("the last name", personal.lastName),
            ("the tenant name", personal.tenantName),
        ]
        if let email = personal.email, let at = email.firstIndex(of: "@") {
            checks.append(("the e-mail address", String(email[..<at])))
        }
        for (label, value) in checks {
            guard let value = value?.lowercased(), value.count >= minimumComparedLength else { continue }
            if lowered.contains(value) {
                return "The password is too weak: it must not contain \(label) ('\(value)'), in any letter case"
            }
        }
        return nil
    }
}

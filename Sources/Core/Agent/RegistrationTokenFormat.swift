/// Validation of agent registration tokens.
enum RegistrationTokenFormat {
    /// Checks that `token` has the documented form `[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}` (acronis-api.md §6.1).
    ///
    /// The check is strict (no lower case, no surrounding white space): the token comes from the DC's response, and a
    /// token that does not match was damaged on the way. The error never shows the token.
    static func validate(_ token: Secret) throws(InstallCommandError) {
        let scalars = Array(token.revealed.unicodeScalars)
        let isValid =
            scalars.count == 14
            && scalars.indices.allSatisfy { index in
                let scalar = scalars[index]
                if index == 4 || index == 9 { return scalar == "-" }
                return ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            }
        guard isValid else {
            throw .invalidRegistrationToken(
                "the registration token is not of the form XXXX-XXXX-XXXX (three groups of four upper-case letters or "
                    + "digits); use the token exactly as the data centre returned it"
            )
        }
    }
}

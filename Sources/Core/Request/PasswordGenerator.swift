/// Generates admin passwords that satisfy ``PasswordPolicy``.
///
/// A generated password:
/// - has `length` characters (default 20, about 117 bits of entropy);
/// - contains at least one lower-case letter, one upper-case letter, one digit and one symbol;
/// - starts with a letter or a digit, so it never looks like a command-line option;
/// - uses no look-alike characters (`0 O o 1 l I`), so it can be read out or typed from paper;
/// - uses only the symbols ``symbols`` (`- _ . : + @`): no quotes, backslash, `$`, backtick, space, `!`, `#`, `%`,
///   `&`, `*`, `;`, `|`, `<`, `>` or brackets, so it survives being pasted into a shell, PowerShell or cmd.exe
///   command line even unquoted;
/// - has no problems under ``PasswordPolicy`` for the given user: candidates that do are discarded and drawn again.
///
/// Every character is drawn uniformly from the generator, so with a cryptographically secure generator the password
/// is one too. The default, `SystemRandomNumberGenerator`, is: on Linux it reads `getrandom(2)`.
public enum PasswordGenerator {
    /// The lower-case letters used (no `l`, `o`).
    public static let lowercase = Array("abcdefghijkmnpqrstuvwxyz")
    /// The upper-case letters used (no `I`, `O`).
    public static let uppercase = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    /// The digits used (no `0`, `1`).
    public static let digits = Array("23456789")
    /// The symbols used: safe unquoted in sh, bash, zsh, PowerShell and cmd.exe.
    public static let symbols = Array("-_.:+@")

    /// The shortest length accepted: ``PasswordPolicy/minimumLength``.
    public static let minimumLength = PasswordPolicy.minimumLength
    /// The longest length accepted.
    public static let maximumLength = 128

    private static let alphabet = lowercase + uppercase + digits + symbols
    private static let alphanumerics = lowercase + uppercase + digits

    /// Generates a password with random numbers from `generator`.
    ///
    /// - Parameters:
    ///   - length: The number of characters, ``minimumLength`` to ``maximumLength``. Default 20.
    ///   - context: The user the password is for; the password never contains its facts (``PasswordPolicy``).
    ///   - generator: The source of randomness. Use a cryptographically secure one outside tests.
    /// - Precondition: `length` is within bounds, and `generator` is random enough to produce an acceptable
    ///   password within 10,000 draws (a constant generator is not).
    public static func generate(
        length: Int = 20,
        avoiding context: PasswordContext,
        using generator: inout some RandomNumberGenerator
    ) -> Secret {
        precondition(
            (minimumLength...maximumLength).contains(length),
            "password length must be \(minimumLength)...\(maximumLength)"
        )
        for _ in 0..<10_000 {
            var characters: [Character] = []
            characters.reserveCapacity(length)
            characters.append(alphanumerics.randomElement(using: &generator)!)
            for _ in 1..<length {
                characters.append(alphabet.randomElement(using: &generator)!)
            }
            guard characters.contains(where: lowercase.contains), characters.contains(where: uppercase.contains),
                characters.contains(where: digits.contains), characters.contains(where: symbols.contains)
            else { continue }
            let candidate = String(characters)
            guard PasswordPolicy.problems(password: candidate, context: context).isEmpty else { continue }
            return Secret(candidate)
        }
        preconditionFailure("the random number generator produced no acceptable password in 10,000 draws")
    }

    /// Generates a password with the system's cryptographically secure generator (`getrandom(2)` on Linux).
    ///
    /// - Parameters:
    ///   - length: The number of characters, ``minimumLength`` to ``maximumLength``. Default 20.
    ///   - context: The user the password is for.
    public static func generate(length: Int = 20, avoiding context: PasswordContext) -> Secret {
        var generator = SystemRandomNumberGenerator()
        return generate(length: length, avoiding: context, using: &generator)
    }
}

import OnboardCore
import Testing

@Suite("PasswordGenerator")
struct PasswordGeneratorTests {
    /// Short facts that random passwords do contain now and then, so the regeneration path is exercised.
    static let context = PasswordContext(
        login: "abc",
        email: "xyz@q.example",
        firstname: "Ann",
        lastname: "Lee",
        tenantName: "Kim"
    )
    static let alphabet = Set(
        PasswordGenerator.lowercase + PasswordGenerator.uppercase + PasswordGenerator.digits + PasswordGenerator.symbols
    )

    func check(_ password: String, length: Int = 20, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(password.count == length, sourceLocation: sourceLocation)
        #expect(password.allSatisfy(Self.alphabet.contains), sourceLocation: sourceLocation)
        #expect(password.contains(where: PasswordGenerator.lowercase.contains), sourceLocation: sourceLocation)
        #expect(password.contains(where: PasswordGenerator.uppercase.contains), sourceLocation: sourceLocation)
        #expect(password.contains(where: PasswordGenerator.digits.contains), sourceLocation: sourceLocation)
        #expect(password.contains(where: PasswordGenerator.symbols.contains), sourceLocation: sourceLocation)
        #expect(password.first.map { $0.isLetter || $0.isNumber } == true, sourceLocation: sourceLocation)
        #expect(
            PasswordPolicy.problems(password: password, context: Self.context).isEmpty,
            sourceLocation: sourceLocation
        )
    }

    @Test("10,000 passwords from the system CSPRNG all pass the policy and contain every class")
    func tenThousand() {
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let password = PasswordGenerator.generate(avoiding: Self.context).revealed
            check(password)
            seen.insert(password)
        }
        #expect(seen.count == 10_000)
    }

    @Test("10,000 seeded passwords also pass, including the shortest length")
    func seeded() {
        var generator = RequestSeededRNG(seed: 42)
        for index in 0..<10_000 {
            let length = index.isMultiple(of: 2) ? 20 : PasswordGenerator.minimumLength
            check(
                PasswordGenerator.generate(length: length, avoiding: Self.context, using: &generator).revealed,
                length: length
            )
        }
    }

    @Test("the same seed gives the same password; the symbol set is shell-safe")
    func deterministicAndSafe() {
        var first = RequestSeededRNG(seed: 7)
        var second = RequestSeededRNG(seed: 7)
        #expect(
            PasswordGenerator.generate(avoiding: Self.context, using: &first)
                == PasswordGenerator.generate(avoiding: Self.context, using: &second)
        )
        for unsafe in "'\"\\$` !#&*;|<>()[]{}~%^=,?" {
            #expect(!Self.alphabet.contains(unsafe))
        }
        for lookAlike in "0O1lI" {
            #expect(!Self.alphabet.contains(lookAlike))
        }
    }

    @Test("the generated password's description is redacted")
    func redacted() {
        let secret = PasswordGenerator.generate(avoiding: Self.context)
        #expect("\(secret)" == "<redacted>")
    }
}

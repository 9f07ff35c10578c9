/// Login validity (USR-1 406, §5.1).
enum LoginRules {
    /// Characters allowed in logins: letters, digits and `. _ - + @` ([WHMCS] `TenantManager.php`, §5.1).
    static func isValid(_ login: String) -> Bool {
        guard !login.isEmpty, login.count <= 255 else { return false }
        return login.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (CharacterSetASCII.isAlphanumeric(scalar))) || "._-+@".unicodeScalars.contains(scalar)
        }
    }
}

/// ASCII character classes.
enum CharacterSetASCII {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}

import Foundation
import OnboardCore
import Testing

@Suite("CSVRequestImporter")
struct CSVRequestImporterTests {
    typealias F = RequestFixtures
    static let header = "key,customer_name,contact_email,profile,admin_login,admin_email"

    func parse(_ csv: String, context: RequestValidationContext = F.context) throws -> [OnboardingRequest] {
        try CSVRequestImporter.parse(csv: csv, context: context)
    }

    func row(_ key: String, name: String = "Contoso Ltd", login: String = "contoso.admin") -> String {
        "\(key),\(name),it@contoso.example,standard-per-workload,\(login),admin@contoso.example"
    }

    // MARK: RFC 4180

    @Test("quoted fields: embedded commas, doubled quotes, line breaks")
    func quoting() throws {
        let csv =
            Self.header + "\n"
            + "k1,\"Contoso, Ltd\",it@contoso.example,standard-per-workload,a1,admin@contoso.example\n"
            + "k2,\"Contoso \"\"West\"\" Ltd\",it@contoso.example,standard-per-workload,a2,admin@contoso.example\n"
            + "\"k3\",\"\"\"Quoted\"\"\",\"it@contoso.example\",standard-per-workload,a3,admin@contoso.example\n"
        let requests = try parse(csv)
        #expect(requests.map(\.customer.name) == ["Contoso, Ltd", "Contoso \"West\" Ltd", "\"Quoted\""])
        #expect(requests.map(\.key) == ["k1", "k2", "k3"])
    }

    @Test("a quoted line break stays in its row; later row numbers count records, as a spreadsheet does")
    func quotedLineBreak() throws {
        let csv =
            Self.header + "\n"
            + "k1,\"Contoso\nLtd\",it@contoso.example,standard-per-workload,a1,admin@contoso.example\n"
            + "k2,Fabrikam,it@fabrikam,standard-per-workload,a2,admin@fabrikam.example\n"
        let issues = F.csvIssues(csv)
        #expect(issues.map(\.row) == [2, 3])
        #expect(issues.map(\.issue.path) == ["customer.name", "customer.contact.email"])
        #expect(issues[0].issue.problem.contains("control characters"))
    }

    @Test("CRLF, LF, a missing final line break and a byte order mark give the same result")
    func lineEndings() throws {
        let rows = [Self.header, row("k1"), row("k2", name: "Fabrikam", login: "f.admin")]
        let lf = try parse(rows.joined(separator: "\n") + "\n")
        #expect(lf.count == 2)
        #expect(try parse(rows.joined(separator: "\r\n") + "\r\n") == lf)
        #expect(try parse(rows.joined(separator: "\r\n")) == lf)
        #expect(try parse("\u{FEFF}" + rows.joined(separator: "\n")) == lf)
    }

    @Test(
        "malformed CSV is rejected with the row",
        arguments: [
            ("k1,\"Contoso Ltd,it@contoso.example,standard-per-workload,a1,admin@contoso.example\n", 2, "never closed"),
            (
                "k1,Contoso \"Ltd\",it@contoso.example,standard-per-workload,a1,admin@contoso.example\n", 2,
                "double quote inside a field"
            ),
            (
                "k1,\"Contoso\" Ltd,it@contoso.example,standard-per-workload,a1,admin@contoso.example\n", 2,
                "text follows the closing quote"
            ),
        ]
    )
    func malformed(body: String, row: Int, problem: String) {
        let issues = F.csvIssues(Self.header + "\n" + body)
        #expect(issues.count == 1)
        #expect(issues.first?.row == row)
        #expect(issues.first?.issue.problem.contains(problem) == true)
        #expect(issues.first?.issue.fix.isEmpty == false)
    }

    @Test("a row with the wrong number of fields is rejected")
    func fieldCount() {
        let issues = F.csvIssues(Self.header + "\n" + row("k1") + ",extra\nk2,Contoso\n")
        #expect(issues.map(\.row) == [2, 3])
        #expect(issues[0].issue.problem == "has 7 fields, but the header has 6 columns")
    }

    // MARK: Header

    @Test("header names ignore case, surrounding spaces and order")
    func headerNames() throws {
        let csv =
            "Admin_Email , ADMIN_LOGIN,Profile,contact_email,Customer_Name\n"
            + "admin@contoso.example,contoso.admin,standard-per-workload,it@contoso.example,Contoso Ltd\n"
        let request = try #require(try parse(csv).first)
        #expect(request.admin.email == "admin@contoso.example")
        #expect(request.key == "eu2/contoso ltd")
    }

    @Test("unknown, unnamed and repeated columns are errors; the fix lists the columns")
    func headerProblems() throws {
        let issues = F.csvIssues(Self.header + ",admin_role,,key\n" + row("k1") + ",x,,k1\n")
        #expect(issues.map(\.row) == [1, 1, 1])
        #expect(issues.map(\.column) == ["admin_role", "#8", "key"])
        #expect(issues[0].issue.fix.hasPrefix("Did you mean \"admin_roles\"?"))
        #expect(issues[0].issue.fix.contains(CSVRequestColumn.all.map(\.name).joined(separator: ", ")))
        #expect(issues[2].issue.problem == "the column key appears more than once")
        #expect(issues[0].description.hasPrefix("row 1, column admin_role: \"admin_role\" is not a known column."))
    }

    @Test("required columns and a services column must be in the header")
    func requiredColumns() {
        let issues = F.csvIssues("key,customer_name\nk1,Contoso Ltd\n")
        #expect(issues.map(\.column) == ["contact_email", "admin_login", "admin_email", nil])
        #expect(issues.allSatisfy { $0.row == 1 })
    }

    @Test("an empty file, a blank header and a semicolon-separated file are explained")
    func emptyAndSemicolons() {
        #expect(F.csvIssues("").first?.issue.problem == "the file is empty; a header row is required")
        #expect(F.csvIssues("\n" + Self.header).first?.issue.problem.contains("blank") == true)
        let semicolons = F.csvIssues("key;customer_name;contact_email\nk1;Contoso;it@contoso.example\n")
        #expect(semicolons.count == 1)
        #expect(semicolons.first?.issue.fix.contains("comma-separated") == true)
    }

    @Test("a header without rows gives no requests")
    func headerOnly() throws {
        #expect(try parse(Self.header + "\n").isEmpty)
    }

    // MARK: Rows

    @Test("blank lines and rows of empty cells are skipped but counted")
    func blankLines() throws {
        let csv = Self.header + "\n\n" + row("k1") + "\n,,,,,\n\n" + row("k2", login: "bad login") + "\n\n"
        let issues = F.csvIssues(csv)
        #expect(issues.map(\.row) == [6])
        #expect(
            issues.first?.description.hasPrefix("row 6, admin.login (column admin_login): contains characters") == true
        )
        let valid = Self.header + "\n\n" + row("k1") + "\n,,,,,\n\n" + row("k2", name: "Fabrikam") + "\n\n"
        #expect(try parse(valid).map(\.key) == ["k1", "k2"])
    }

    @Test("every row goes through the JSON rules, and all rows' issues are collected")
    func sameRules() {
        let csv =
            "key,customer_name,contact_email,profile,template_tenant,admin_login,admin_email,admin_roles,"
            + "activation,admin_password,token_valid_days,platforms\n"
            + "k 1,Contoso Ltd,it@contoso.example,standard-per-workload,,contoso.admin,admin@contoso.example,"
            + "owner,,,0,windows\n"
            + "k2,Fabrikam,it@fabrikam.example,,,f.admin,admin@fabrikam.example,,email,Vq7-moss-Plank-42,abc,win\n"
            + "k3,Litware,it@litware.example,gold,Sample,l.admin,admin@litware.example,,,,,\n"
            + "k4,,,standard-per-workload,,,,,,,,\n"
        let issues = F.csvIssues(csv)
        let described = issues.map { "\($0.row) \($0.issue.path) \($0.column ?? "-")" }
        #expect(
            described == [
                "2 key key", "2 admin.roles[0] admin_roles", "2 agent.token_valid_days token_valid_days",
                "3 services -", "3 admin.password admin_password", "3 agent.token_valid_days token_valid_days",
                "3 agent.platforms[0] platforms",
                "4 services -",
                "5 customer.name customer_name", "5 customer.contact.email contact_email", "5 admin.login admin_login",
                "5 admin.email admin_email",
            ]
        )
        // Fixes name the columns, not JSON syntax.
        #expect(issues[3].issue.fix.contains("Fill in exactly one of the columns profile"))
        #expect(issues[4].issue.fix == "Empty the column admin_password, or set the column activation to password.")
        #expect(issues[5].issue.problem.contains("not the string \"abc\""))
        #expect(issues[7].issue.fix.contains("Fill in only one of the columns profile and template_tenant"))
        #expect(issues[8].issue.fix == "Fill in the column customer_name, e.g. Contoso Ltd.")
        let error = CSVImportError(issues: issues)
        #expect(error.rows == [2, 3, 4, 5])
        #expect(error.description.hasPrefix("invalid onboarding CSV (12 problems in 4 rows):\n  row 2, key: contains"))
    }

    @Test("lists are separated by ';' with items trimmed; empty cells take the defaults")
    func listsAndDefaults() throws {
        let csv =
            "customer_name,contact_email,profile,admin_login,admin_email,admin_roles,platforms,language\n"
            + "Contoso Ltd,it@contoso.example,standard-per-workload,c.admin,admin@contoso.example,"
            + "company_admin; backup_user;,macos ;linux,\n"
            + "Fabrikam,it@fabrikam.example,standard-per-workload,f.admin,admin@fabrikam.example,,,de\n"
        let requests = try parse(csv)
        #expect(requests[0].admin.roles == ["backup_user", "company_admin"])
        #expect(requests[0].agent.platforms == [.linux, .macos])
        #expect(requests[0].customer.language == "en")
        #expect(requests[1].admin.roles == ["company_admin"])
        #expect(requests[1].agent.platforms == AgentPlatform.allCases)
        #expect(requests[1].customer.language == "de")
    }

    @Test("a CSV row and the equivalent JSON request are the same request")
    func csvEqualsJSON() throws {
        let json = try RequestParser.parse(json: F.example("contoso-per-workload.json"), context: F.context)
        let csv =
            "key,partner,customer_name,language,contact_email,contact_firstname,contact_lastname,contact_phone,"
            + "profile,admin_login,admin_email,admin_firstname,admin_lastname,admin_roles,activation,token_valid_days,"
            + "platforms\n"
            + "crm-4711,eu2,Contoso Ltd,en,it@contoso.example,Ann,Lee,+1 555 0100,standard-per-workload,contoso.admin,"
            + "admin@contoso.example,Ann,Lee,company_admin,password,3,windows;linux;macos\n"
        let fromCSV = try #require(try parse(csv).first)
        #expect(fromCSV == json)
        #expect(fromCSV.canonicalJSON() == json.canonicalJSON())
    }

    @Test("duplicate keys within a file name both rows")
    func duplicateKeys() throws {
        let csv =
            Self.header + "\n" + row("k1") + "\n" + row("k2", name: "Fabrikam") + "\n"
            + row("k1", name: "Litware") + "\n"
        let issues = F.csvIssues(csv)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.row == 4)
        #expect(issue.column == "key")
        #expect(issue.issue.problem == "has the same key \"k1\" as row 2")
        #expect(issue.description.hasPrefix("row 4, key: has the same key \"k1\" as row 2. Fix: Give rows 2 and 4"))
        #expect(issue.issue.fix.contains("rows 2 and 4"))
    }

    @Test("an invalid row still counts for duplicate keys")
    func duplicateKeyOfInvalidRow() {
        let csv = Self.header + "\n" + row("k1", login: "bad login") + "\n" + row("k1", name: "Litware") + "\n"
        let issues = F.csvIssues(csv)
        #expect(issues.map { "\($0.row) \($0.issue.path)" } == ["2 admin.login", "3 key"])
    }

    @Test("duplicate derived keys (same partner and customer name, no key) name both rows")
    func duplicateDerivedKeys() throws {
        let csv =
            "customer_name,contact_email,profile,admin_login,admin_email\n"
            + "Contoso Ltd,it@contoso.example,standard-per-workload,a1,admin@contoso.example\n"
            + "CONTOSO  ltd,it@contoso.example,standard-per-workload,a2,admin@contoso.example\n"
        let issue = try #require(F.csvIssues(csv).first)
        #expect(issue.row == 3)
        #expect(issue.issue.path == "customer.name")
        #expect(issue.issue.problem.contains("derived key \"eu2/contoso ltd\""))
        #expect(issue.issue.problem.contains("row 2"))
    }

    @Test("the partner column is needed when several partners are configured")
    func partnerColumn() throws {
        let issues = F.csvIssues(Self.header + "\n" + row("k1") + "\n", context: F.twoPartners)
        #expect(issues.first?.issue.fix == "Fill in the column partner with one of: eu2, us1.")
    }

    @Test("the documented columns map to request fields")
    func columns() {
        #expect(CSVRequestColumn.all.count == 19)
        #expect(CSVRequestColumn.column(forPath: "admin.roles[3]")?.name == "admin_roles")
        #expect(CSVRequestColumn.column(forPath: "services") == nil)
    }
}

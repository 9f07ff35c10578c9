import OnboardCore
import Testing

@testable import onboardctl

@Suite("Reading request files into submit parameters")
struct RequestInputTests {
    @Test(
        "JSON or CSV: --csv, then the extension, then the first character",
        arguments: [
            ("bulk.csv", "{", false, SubmitParams.Format.csv), ("BULK.CSV", "key,partner", false, .csv), ("a.json", "key,x", false, .json),
            ("a.txt", "  \n{\"version\":1}", false, .json), ("export", "key,partner,customer_name", false, .csv),
            ("a.json", "{}", true, .csv), ("bom.txt", "\u{FEFF}{\"version\":1}", false, .json),
        ] as [(String, String, Bool, SubmitParams.Format)])
    func format(name: String, content: String, forcedCSV: Bool, expected: SubmitParams.Format) {
        #expect(InputFormat.detect(name: name, content: content, forcedCSV: forcedCSV) == expected)
    }

    @Test("standard input is JSON unless given as --csv -")
    func standardInputFormat() {
        #expect(InputFormat.detect(name: nil, content: "key,partner", forcedCSV: false) == .json)
        #expect(InputFormat.detect(name: nil, content: "key,partner", forcedCSV: true) == .csv)
    }

    @Test("inputs keep command-line order, positional files first; stdin only once; at least one")
    func resolve() throws {
        let inputs = try RequestInput.resolve(files: ["a.json", "-"], csvFiles: ["rows.txt"])
        #expect(inputs.map(\.path) == ["a.json", "-", "rows.txt"])
        #expect(inputs.map(\.forcedCSV) == [false, false, true])
        #expect(inputs[1].isStandardInput && inputs[1].sourceName == "stdin")
        #expect(throws: CLIError.self) { try RequestInput.resolve(files: [], csvFiles: []) }
        let twice = #expect(throws: CLIError.self) { try RequestInput.resolve(files: ["-"], csvFiles: ["-"]) }
        #expect(twice?.status == .usage)
    }

    @Test("the content is sent as written, with the file name (not its folders) as the source")
    func parameters() throws {
        let text = "{\"version\": 1}\n"
        let params = try RequestInput(path: "/srv/requests/contoso.json", forcedCSV: false).parameters(
            readStandardInput: { () throws(CLIError) -> [UInt8] in Issue.record("stdin read"); return [] },
            readFile: { (path: String) throws(CLIError) -> [UInt8] in
                #expect(path == "/srv/requests/contoso.json")
                return Array(text.utf8)
            })
        #expect(params == SubmitParams(content: text, format: .json, source: "contoso.json"))
        let fromStdin = try RequestInput(path: "-", forcedCSV: false).parameters(readStandardInput: { () throws(CLIError) -> [UInt8] in Array(text.utf8) })
        #expect(fromStdin.source == "stdin" && fromStdin.format == .json)
    }

    @Test("empty, non-UTF-8 and oversized inputs are data errors (65) naming the file")
    func badInputs() {
        func read(_ bytes: [UInt8], name: String = "x.csv") -> CLIError? {
            #expect(throws: CLIError.self) {
                try RequestInput(path: name, forcedCSV: false).parameters(readFile: { (_: String) throws(CLIError) -> [UInt8] in bytes })
            }
        }
        let empty = read(Array(" \n\t".utf8))
        #expect(empty?.status == .dataError && empty?.message.contains("x.csv is empty") == true)
        let latin1 = read([0x6B, 0x65, 0x79, 0xE9, 0x0A])
        #expect(latin1?.status == .dataError && latin1?.message.contains("UTF-8") == true)
        let huge = read(Array(("key\n" + String(repeating: "a,b,c\n", count: 200_000)).utf8))
        #expect(huge?.status == .dataError && huge?.message.contains("split the CSV") == true)
    }

    @Test("a missing file is EX_NOINPUT (66) with the system's reason")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = #expect(throws: CLIError.self) { try RequestInput.readWholeFile(directory.path + "/nope.json") }
        #expect(error?.status == .noInput)
        #expect(error?.message.contains("No such file or directory") == true)
        let file = try directory.file("r.json", "{\"version\":1}")
        #expect(try RequestInput.readWholeFile(file) == Array("{\"version\":1}".utf8))
    }
}

import Testing

@testable import onboardctl

@Suite("Text tables")
struct TextTableTests {
    @Test("columns align to the widest cell, two spaces apart, without trailing spaces")
    func alignment() {
        let table = TextTable(headers: ["ID", "CUSTOMER", "STATE"], rows: [["ob_1", "Contoso Ltd", "running"], ["ob_22", "Fabrikam", ""]])
        #expect(table.render() == """
            ID     CUSTOMER     STATE
            ob_1   Contoso Ltd  running
            ob_22  Fabrikam
            """)
    }

    @Test("right-aligned columns pad on the left")
    func rightAligned() {
        let table = TextTable(headers: ["NAME", "N"], rows: [["a", "7"], ["b", "1234"]], rightAligned: [1])
        #expect(table.render().split(separator: "\n") == ["NAME     N", "a        7", "b     1234"])
    }

    @Test("a line break or tab inside a cell cannot break a row in two")
    func controlCharacters() {
        let table = TextTable(headers: ["A", "B"], rows: [["x\ny", "tab\there"]])
        let lines = table.render().split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1] == "x y  tab here")
    }

    @Test("short rows are padded; a table without rows is its header")
    func shortRows() {
        #expect(TextTable(headers: ["A", "B", "C"], rows: [["1"]]).render() == "A  B  C\n1")
        #expect(TextTable(headers: ["ID", "STATE"], rows: []).render() == "ID  STATE")
    }
}

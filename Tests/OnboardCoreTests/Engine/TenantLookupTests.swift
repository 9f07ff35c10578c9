import Testing

@testable import OnboardCore

@Suite("Tenant lookup: ours, a stranger's, or none")
struct TenantLookupTests {
    typealias F = PlanFixture
    let marker = TenantLookup.marker(forKey: "crm-4711")

    @Test("the marker is onboard:KEY, cut to internal_tag's 256 characters")
    func markerForm() {
        #expect(TenantLookup.marker(forKey: "crm-4711") == "onboard:crm-4711")
        #expect(TenantLookup.marker(forKey: String(repeating: "k", count: 300)).count == 256)
    }

    @Test("our marker makes a tenant ours, even renamed and beside a same-named stranger")
    func ours() {
        let children = [F.tenant("Contoso Ltd", id: "stranger"), F.tenant("Contoso (renamed)", id: "ours", internalTag: marker)]
        #expect(TenantLookup.find(name: "Contoso Ltd", marker: marker, among: children) == .ours(children[1]))
    }

    @Test("the same name without our marker is a stranger's, ignoring case; customer_id alone is no proof")
    func stranger() {
        let other = F.tenant("CONTOSO LTD", customerID: "crm-4711", internalTag: "other-tool:contoso")
        #expect(TenantLookup.find(name: "Contoso Ltd", marker: marker, among: [other]) == .stranger(other))
        #expect(TenantLookup.strangerProblem(other, key: "crm-4711").contains("\"other-tool:contoso\""))
    }

    @Test("only customers count; nothing found means create")
    func none() {
        let children = [F.tenant("Contoso Ltd", kind: .partner), F.tenant("Contoso Ltd", kind: .folder, internalTag: marker), F.tenant("Other")]
        #expect(TenantLookup.find(name: "Contoso Ltd", marker: marker, among: children) == .none)
    }
}

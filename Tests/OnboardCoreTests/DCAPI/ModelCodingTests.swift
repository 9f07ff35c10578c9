import Foundation
import Testing

@testable import OnboardCore

@Suite("DC API model coding")
struct ModelCodingTests {
    private func json(_ value: some Encodable) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test("an unlimited quota is sent with explicit nulls, as schema quota requires")
    func quotaNulls() throws {
        let item = OfferingItemUpdate(applicationID: "app", name: "pw_base_servers", status: 1, quota: Quota(value: nil, version: 0))
        let encoded = try json(item)
        let quota = try #require(encoded["quota"] as? [String: Any])
        #expect(quota.keys.sorted() == ["overage", "value", "version"])
        #expect(quota["value"] is NSNull)
        #expect(quota["overage"] is NSNull)
        #expect(encoded["infra_id"] == nil, "absent optionals are omitted")
    }

    @Test("tenantPost carries only its documented keys")
    func tenantCreation() throws {
        let body = TenantCreation(name: "Contoso", parentID: "p", customerID: "key-1", internalTag: "onboard:key-1")
        #expect(Set(try json(body).keys) == ["name", "parent_id", "kind", "customer_id", "internal_tag"])
    }

    @Test("unknown fields and new enum values in responses are tolerated")
    func tolerantDecoding() throws {
        let text = #"""
            {"id":"t1","version":3,"name":"Contoso","kind":"reseller_v9","parent_id":"p","pricing_mode":"future_mode",
             "brand_new_field":{"nested":[1,2]},"customer_id":null,"internal_tag":"onboard:k"}
            """#
        let tenant = try JSONDecoder().decode(Tenant.self, from: Data(text.utf8))
        #expect(tenant.kind.rawValue == "reseller_v9")
        #expect(tenant.pricingMode?.rawValue == "future_mode")
        #expect(tenant.customerID == nil)
        #expect(tenant.internalTag == "onboard:k")
    }

    @Test("an offering item with a null edition and null quota values decodes")
    func offeringItem() throws {
        let text = #"""
            {"application_id":"a","name":"local_storage","edition":null,"usage_name":"local_storage","tenant_id":"t",
             "status":1,"type":"count","measurement_unit":"bytes","quota":{"value":null,"overage":null,"version":0}}
            """#
        let item = try JSONDecoder().decode(OfferingItem.self, from: Data(text.utf8))
        #expect(item.edition == nil)
        #expect(item.quota == Quota(value: nil, overage: nil, version: 0))
        #expect(item.isEnabled)
    }

    @Test("a new access policy encodes every key the schema requires")
    func accessPolicy() throws {
        var policy = AccessPolicy(role: .companyAdmin, tenantID: "t", userID: "u")
        policy.createdAt = "2026-01-01T00:00:00Z"
        policy.updatedAt = "2026-01-01T00:00:00Z"
        let encoded = try json(policy)
        #expect(Set(encoded.keys) == ["id", "version", "created_at", "updated_at", "deleted_at", "trustee_id", "trustee_type", "issuer_id", "tenant_id", "role_id"])
        #expect(encoded["role_id"] as? String == "company_admin")
        #expect(encoded["deleted_at"] is NSNull)
    }

    @Test("secrets never print")
    func secretRedaction() {
        let secret = Secret("hunter2-hunter2")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        #expect(!"\(testCredentials)".contains("s3cret-value"))
    }
}

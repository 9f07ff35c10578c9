import Testing

@testable import OnboardCore

@Suite("Service profile resolution")
struct ServiceResolverTests {
    typealias Fixture = CatalogueFixture

    private func resolve(_ profile: ServiceProfile) -> Result<ResolvedServices, ServiceProblems> {
        ServiceResolver.resolve(profile, catalogue: Fixture.catalogue, infrastructure: Fixture.infrastructure)
    }

    @Test("quotas and a storage chosen by policy")
    func happyPath() throws {
        let profile = Fixture.profile([
            .init(name: "pw_base_servers", quota: QuotaAmount(value: 10)),
            .init(name: "pw_base_storage", quota: QuotaAmount(parsing: "500GiB")),
        ])
        let resolved = try resolve(profile).get()
        #expect(resolved.items.map(\.name) == ["pw_base_servers", "pw_base_storage"])
        #expect(resolved.items[0].quota == 10)
        #expect(resolved.items[1].quota == Int64(500) << 30)
        #expect(resolved.items[1].infraID == Fixture.hosted.id)
        #expect(resolved.storageChoices.first?.reason.contains("also offered: Partner Storage") == true)
    }

    @Test("storage by name, partner-owned, per-item override", arguments: [
        (StoragePolicy.infraName("Partner Storage"), CatalogueFixture.partner.id),
        (.partnerOwned, CatalogueFixture.partner.id),
        (.infraID(CatalogueFixture.hosted.id), CatalogueFixture.hosted.id),
    ])
    func policies(policy: StoragePolicy, expected: String) throws {
        let profile = Fixture.profile([.init(name: "pw_base_storage", storage: policy)], storage: .onlyOne)
        #expect(try resolve(profile).get().items.first?.infraID == expected)
    }

    @Test("two matching storages are ambiguous; none matching is an error; both name the offered storages")
    func ambiguousOrNone() {
        guard case .failure(let ambiguous) = resolve(Fixture.profile([.init(name: "pw_base_storage")], storage: .onlyOne)) else {
            Issue.record("two backup storages and policy 'only one' must fail")
            return
        }
        #expect(ambiguous.description.contains("2 storages offered for pw_base_storage match the only storage offered"))
        #expect(ambiguous.description.contains("infra_name"))
        guard case .failure(let none) = resolve(Fixture.profile([.init(name: "pw_base_storage")], storage: .infraName("Gone"))) else {
            Issue.record("a name that matches nothing must fail")
            return
        }
        #expect(none.description.contains("offered: \"Hosted Storage\", \"Partner Storage\""))
    }

    @Test("all problems are reported at once: unknown item, wrong unit, duplicate")
    func everyProblem() {
        let profile = Fixture.profile([
            .init(name: "pw_base_nope"),
            .init(name: "pw_base_servers", quota: QuotaAmount(parsing: "10GB")),
            .init(name: "pw_base_vms"), .init(name: "pw_base_vms"),
        ])
        guard case .failure(let problems) = resolve(profile) else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.problems.map(\.location) == ["items[0] (pw_base_nope)", "items[1] (pw_base_servers)", "items[3] (pw_base_vms)"])
        #expect(problems.problems[0].fix.contains("offered: "))
        #expect(problems.problems[1].problem.contains("measured in quantity"))
    }

    @Test("one storage per capability: two backup storages are refused before writing (1015)")
    func capabilityConflict() {
        var catalogue = Fixture.catalogue
        catalogue.append(Fixture.item("pw_other_storage", unit: "bytes", infra: Fixture.partner.id))
        let profile = Fixture.profile([
            .init(name: "pw_base_storage", storage: .platformOwned),
            .init(name: "pw_other_storage", storage: .partnerOwned),
        ])
        guard case .failure(let problems) = ServiceResolver.resolve(profile, catalogue: catalogue, infrastructure: Fixture.infrastructure) else {
            Issue.record("two backup storages must be refused")
            return
        }
        #expect(problems.description.contains("share the capability \"backup\""))
        #expect(problems.description.contains("1015"))
    }

    @Test("quota amounts parse units and print the largest exact binary unit", arguments: [
        ("500GiB", Int64(500) << 30, "500GiB"), ("1 TB", 1_000_000_000_000, "1TB"), ("25", 25, "25"),
        ("1.5KiB", 1536, "1536B"),
    ])
    func quotaAmounts(text: String, bytes: Int64, printed: String) throws {
        let amount = try #require(QuotaAmount(parsing: text))
        #expect(amount.value == bytes)
        #expect(amount.description == printed)
        #expect(QuotaAmount(parsing: "ten GiB") == nil)
        #expect(QuotaAmount(parsing: "-5") == nil)
    }
}

@Suite("Offering items diff")
struct OfferingItemsDiffTests {
    typealias Fixture = CatalogueFixture

    private let desired = ResolvedServices(
        edition: .perWorkload,
        items: [
            DesiredItem(applicationID: Fixture.app, name: "pw_base_servers", quota: 10),
            DesiredItem(applicationID: Fixture.app, name: "pw_base_storage", infraID: Fixture.hosted.id),
        ],
        storageChoices: [], pricing: .trial, requireMFA: false)

    @Test("a new customer gets every desired item; quota versions echo what was read")
    func fresh() {
        let current = Fixture.catalogue.map { item in
            var item = item
            item.quota = Quota(value: nil, overage: nil, version: 0)
            return item
        }
        let updates = OfferingItemsDiff.updates(desired: desired, current: current)
        #expect(updates.map(\.name) == ["pw_base_servers", "pw_base_storage"])
        #expect(updates[0].quota == Quota(value: 10, overage: nil, version: 0))
        #expect(updates[1].quota == nil, "unlimited stays unlimited without a quota")
        #expect(updates.allSatisfy { $0.status == 1 })
    }

    @Test("a customer that already matches needs no PUT")
    func alreadyMatches() {
        let current = [
            Fixture.item("pw_base_servers", status: 1, quota: Quota(value: 10, overage: nil, version: 7)),
            Fixture.item("pw_base_storage", unit: "bytes", infra: Fixture.hosted.id, status: 1),
            Fixture.item("local_storage", edition: nil, status: 1),
        ]
        #expect(OfferingItemsDiff.updates(desired: desired, current: current).isEmpty)
    }

    @Test("changed quota, undesired item of the edition, and the other storage are corrected; other editions untouched")
    func corrections() {
        let current = [
            Fixture.item("pw_base_servers", status: 1, quota: Quota(value: 5, overage: nil, version: 7)),
            Fixture.item("pw_base_vms", status: 1),
            Fixture.item("pw_base_storage", unit: "bytes", infra: Fixture.partner.id, status: 1),
            Fixture.item("local_storage", edition: nil, status: 1),
        ]
        let updates = OfferingItemsDiff.updates(desired: desired, current: current)
        #expect(updates.first { $0.name == "pw_base_servers" }?.quota == Quota(value: 10, overage: nil, version: 7))
        #expect(updates.first { $0.name == "pw_base_vms" }?.status == 0)
        #expect(updates.first { $0.name == "pw_base_storage" && $0.infraID == Fixture.partner.id }?.status == 0)
        #expect(updates.first { $0.name == "pw_base_storage" && $0.infraID == Fixture.hosted.id }?.status == 1)
        #expect(!updates.contains { $0.name == "local_storage" })
    }
}

@Suite("Template tenants")
struct TemplateProfileBuilderTests {
    typealias Fixture = CatalogueFixture

    @Test("a template's edition, quotas and storage become a profile that resolves to the same items")
    func roundTrip() throws {
        let template = [
            Fixture.item("pw_base_servers", status: 1, quota: Quota(value: 10, overage: 2, version: 3)),
            Fixture.item("pw_base_storage", unit: "bytes", infra: Fixture.partner.id, status: 1, quota: Quota(value: 1 << 40, overage: nil, version: 1)),
            Fixture.item("pw_base_vms", status: 0),
            Fixture.item("local_storage", edition: nil, unit: "bytes", status: 1),
        ]
        let profile = try TemplateProfileBuilder.profile(
            name: "copy", templateName: "Sample", items: template, infrastructure: Fixture.infrastructure, storage: .byID
        ).get()
        #expect(profile.edition == .perWorkload)
        #expect(profile.items.map(\.name) == ["pw_base_servers", "pw_base_storage", "local_storage"])
        #expect(profile.items[0].overage?.value == 2)
        #expect(profile.items[1].quota?.description == "1TiB")
        let resolved = try ServiceResolver.resolve(profile, catalogue: Fixture.catalogue, infrastructure: Fixture.infrastructure).get()
        #expect(resolved.items.first { $0.name == "pw_base_storage" }?.infraID == Fixture.partner.id)
        let byName = try TemplateProfileBuilder.profile(
            name: "copy", templateName: "Sample", items: template, infrastructure: Fixture.infrastructure, storage: .byName
        ).get()
        #expect(byName.items[1].storage == .infraName("Partner Storage"))
    }

    @Test("a template with two editions, or none, is refused with the fix")
    func editions() {
        let mixed = [Fixture.item("pw_base_servers", status: 1), Fixture.item("pg_base_servers", edition: .perGigabyte, status: 1)]
        guard case .failure(let problems) = TemplateProfileBuilder.profile(
            name: "x", templateName: "Mixed", items: mixed, infrastructure: [], storage: .byID)
        else {
            Issue.record("two editions must be refused")
            return
        }
        #expect(problems.description.contains("several editions (pck_per_gigabyte, pck_per_workload)"))
        guard case .failure = TemplateProfileBuilder.profile(name: "x", templateName: "Empty", items: [], infrastructure: [], storage: .byID) else {
            Issue.record("no edition must be refused")
            return
        }
    }
}

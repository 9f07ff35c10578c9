import Testing

@testable import OnboardCore

@Suite("Services part of a plan")
struct ServicesPlanningTests {
    typealias F = PlanFixture
    typealias Fixture = CatalogueFixture

    @Test("a new tenant: items with readable quotas, the storage and why, no PUT yet, default settings")
    func newTenant() throws {
        let plan = ServicesPlanning.plan(
            source: .profile("standard-per-workload"), profile: "standard-per-workload", resolved: try F.resolved(), current: nil)
        #expect(plan.edition == "pck_per_workload")
        #expect(plan.items.map(\.quotaText) == ["5", "10", "unlimited", "500GiB"])
        #expect(plan.items[1].overageText == "2")
        #expect(plan.items[3].quota == Int64(500) << 30)
        #expect(plan.items[3].infraName == "Hosted Storage")
        #expect(plan.storage.map(\.infraID) == [Fixture.hosted.id])
        #expect(plan.storage[0].reason.contains("also offered: Partner Storage"))
        #expect(plan.updates == nil)
        #expect(plan.pricing == .init(mode: "trial", current: nil, changes: false))
        #expect(plan.mfa == .init(required: false, currentlyEnabled: nil, changes: false))
    }

    @Test("an existing tenant: the exact PUT, and only the settings changes the step would make")
    func existingTenant() throws {
        let current = ServicesPlanning.CurrentTenant(
            items: [
                Fixture.item("pw_base_servers", status: 1, quota: Quota(value: 5, overage: nil, version: 3)),
                Fixture.item("pw_base_vms", status: 1, quota: Quota(value: 8, overage: nil, version: 4)),
                Fixture.item("pw_base_workstations", status: 1),
                Fixture.item("pw_base_storage", unit: "bytes", infra: Fixture.hosted.id, status: 1, quota: Quota(value: Int64(500) << 30, overage: nil, version: 1)),
                Fixture.item("pw_base_mobiles", status: 1),
            ],
            pricing: .trial, mfaEnabled: false)
        let plan = ServicesPlanning.plan(
            source: .profile("p"), profile: "p", resolved: try F.resolved(pricing: .production, requireMFA: true), current: current)
        let updates = try #require(plan.updates)
        #expect(updates.map(\.name) == ["pw_base_vms", "pw_base_mobiles"])
        #expect(updates[0].quota == Quota(value: 10, overage: 2, version: 4))
        #expect(updates[1].status == 0)
        #expect(plan.pricing == .init(mode: "production", current: "trial", changes: true))
        #expect(plan.mfa == .init(required: true, currentlyEnabled: false, changes: true))

        let production = ServicesPlanning.CurrentTenant(items: current.items, pricing: .production, mfaEnabled: true)
        let settled = ServicesPlanning.plan(source: .profile("p"), profile: "p", resolved: try F.resolved(), current: production)
        #expect(!settled.pricing.changes, "production is never set back to trial")
        #expect(!settled.mfa.changes, "MFA is never turned off")
    }

    @Test("two storages of one capability are predicted as 1015")
    func capabilityConflict() {
        var catalogue = Fixture.catalogue
        catalogue.append(Fixture.item("pw_other_storage", unit: "bytes", infra: Fixture.partner.id))
        let profile = Fixture.profile([.init(name: "pw_base_storage"), .init(name: "pw_other_storage", storage: .partnerOwned)])
        guard case .failure(let found) = ServiceResolver.resolve(profile, catalogue: catalogue, infrastructure: Fixture.infrastructure) else {
            Issue.record("two backup storages must be refused")
            return
        }
        let problems = ServicesPlanning.problems(found, profile: "test")
        #expect(problems.map(\.code) == ["storage_capability_conflict"])
        #expect(problems[0].acronisCode == 1015)
        #expect(problems[0].area == "services (test): storage")
    }

    @Test("the resolver's other problems keep their location and fix")
    func itemProblems() {
        let profile = Fixture.profile([.init(name: "pw_base_nope"), .init(name: "pw_base_servers", quota: QuotaAmount(parsing: "5GiB"))])
        guard case .failure(let found) = ServiceResolver.resolve(profile, catalogue: Fixture.catalogue, infrastructure: Fixture.infrastructure) else {
            Issue.record("expected problems")
            return
        }
        let problems = ServicesPlanning.problems(found, profile: "test")
        #expect(problems.map(\.area) == ["services (test): items[0] (pw_base_nope)", "services (test): items[1] (pw_base_servers)"])
        #expect(problems.allSatisfy { $0.code == "services_unresolvable" && $0.acronisCode == nil && !$0.fix.isEmpty })
    }

    @Test("storages in two locations are predicted as 1031; one location is fine")
    func locationConflict() throws {
        let profile = Fixture.profile([
            .init(name: "pw_base_storage", storage: .partnerOwned), .init(name: "pw_base_adv_dr_storage"),
        ])
        let resolved = try ServiceResolver.resolve(profile, catalogue: Fixture.catalogue, infrastructure: Fixture.infrastructure).get()
        let problems = ServicesPlanning.locationConflicts(resolved.storageChoices, profile: "test")
        #expect(problems.map(\.acronisCode) == [1031])
        #expect(problems.first?.problem.contains("\"Partner Storage\" in loc-2") == true)
        let together = try ServiceResolver.resolve(
            Fixture.profile([.init(name: "pw_base_storage"), .init(name: "pw_base_adv_dr_storage")]), catalogue: Fixture.catalogue,
            infrastructure: Fixture.infrastructure
        ).get()
        #expect(ServicesPlanning.locationConflicts(together.storageChoices, profile: "test").isEmpty)
    }

    @Test("items of another edition left enabled on an adopted tenant are an edition conflict")
    func editionConflict() throws {
        let resolved = try F.resolved()
        let current = [Fixture.item("pg_base_servers", edition: .perGigabyte, status: 1), Fixture.item("local_storage", edition: nil, status: 1)]
        let updates = OfferingItemsDiff.updates(desired: resolved, current: current).map(OnboardingPlan.PlannedItemUpdate.init)
        let problems = ServicesPlanning.editionConflicts(resolved, current: current, updates: updates, profile: "test")
        #expect(problems.map(\.code) == ["edition_conflict"])
        #expect(problems.first?.problem.contains("pck_per_gigabyte") == true)
        #expect(ServicesPlanning.editionConflicts(resolved, current: [current[1]], updates: [], profile: "test").isEmpty)
    }
}

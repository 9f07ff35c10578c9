import Glibc
import Testing

@testable import OnboardCore

@Suite("Control access policy: read, write and credentials tiers")
struct RPCControlAccessPolicyTests {
    private let policy = ControlAccessPolicy(
        operatorGroup: "onboard",
        adminGroup: "onboard-admin",
        daemonUID: 990,
        resolver: FakeGroupResolver(users: [
            1000: ("alice", ["onboard"]),
            1001: ("bob", []),
            1002: ("carol", ["onboard-admin"]),
        ])
    )

    private func peer(_ uid: uid_t) -> PeerCredentials { PeerCredentials(pid: 1, uid: uid, gid: 100) }

    @Test("a non-member is refused, and the message names the group to join")
    func nonMember() {
        let error = #expect(throws: RPCError.self) {
            try policy.authorize(peer(1001), method: "job.get", tier: .read)
        }
        #expect(error == .permissionDenied)
        #expect(error?.message.contains("join group onboard") == true)
        #expect(error?.message.contains("usermod -aG onboard bob") == true)
        #expect(error?.details["group"] == "onboard")
        #expect(error?.exitCode == 77)
    }

    @Test("a member of the operator group may read and write, not read credentials")
    func member() throws {
        try policy.authorize(peer(1000), method: "job.get", tier: .read)
        try policy.authorize(peer(1000), method: "job.submit", tier: .write)
        let error = #expect(throws: RPCError.self) {
            try policy.authorize(peer(1000), method: "job.credentials", tier: .credentials)
        }
        #expect(error?.message.contains("join group onboard-admin") == true)
    }

    @Test("credentials need root, the daemon's uid or the admin group")
    func credentials() throws {
        try policy.authorize(peer(0), method: "job.credentials", tier: .credentials)
        try policy.authorize(peer(990), method: "job.credentials", tier: .credentials)
        try policy.authorize(peer(1002), method: "job.credentials", tier: .credentials)
        try policy.authorize(peer(1002), method: "job.submit", tier: .write)
    }

    @Test("without an admin group, only root may read credentials, and the message says so")
    func noAdminGroup() {
        var policy = self.policy
        policy.adminGroup = nil
        let error = #expect(throws: RPCError.self) {
            try policy.authorize(peer(1002), method: "job.credentials", tier: .credentials)
        }
        #expect(error?.message.contains("run it as root") == true)
    }

    @Test("the system resolver finds root in group root and nobody in a missing group")
    func systemResolver() {
        let resolver = SystemGroupMembershipResolver()
        #expect(resolver.userName(of: 0) == "root")
        #expect(resolver.isMember(uid: 0, gid: 0, ofGroup: "root"))
        #expect(!resolver.isMember(uid: 0, gid: 0, ofGroup: "no-such-group-onboard-test"))
        #expect(SystemGroupMembershipResolver.groupID(named: "root") == 0)
    }
}

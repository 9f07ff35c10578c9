import Glibc

/// Decides, per call, whether a control-socket peer may call a method of a given ``MethodTier``.
///
/// - root (uid 0) and the daemon's own uid may call everything;
/// - members of the ``operatorGroup`` (default `onboard`) may call ``MethodTier/read`` and ``MethodTier/write``
///   methods;
/// - ``MethodTier/credentials`` methods need root or membership of the ``adminGroup`` (members of the admin group
///   may also read and write);
/// - everyone else is refused with ``RPCError/permissionDenied``, whose message says which group to join.
///
/// The filesystem is the outer gate (socket mode 0660, group `onboard`); this policy is the inner one, and the one
/// that still holds if an operator widens the socket mode.
public struct ControlAccessPolicy: Sendable {
    /// The group whose members may read and write. Defaults to `onboard`.
    public var operatorGroup: String
    /// The group whose members may also read credentials; `nil` means only root (and the daemon's uid).
    public var adminGroup: String?
    /// The daemon's own uid, which may call everything. Defaults to the process's effective uid.
    public var daemonUID: uid_t
    /// Resolves group membership.
    public var resolver: any GroupMembershipResolver

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - operatorGroup: Members may read and write. Defaults to `onboard`.
    ///   - adminGroup: Members may also read credentials. Defaults to `nil` (root only).
    ///   - daemonUID: The daemon's uid. Defaults to `geteuid()`.
    ///   - resolver: Resolves group membership. Defaults to ``SystemGroupMembershipResolver``.
    public init(
        operatorGroup: String = "onboard",
        adminGroup: String? = nil,
        daemonUID: uid_t = geteuid(),
        resolver: any GroupMembershipResolver = SystemGroupMembershipResolver()
    ) {
        self.operatorGroup = operatorGroup
        self.adminGroup = adminGroup
        self.daemonUID = daemonUID
        self.resolver = resolver
    }

    /// The highest tier `peer` may call, or `nil` if it may call nothing.
    public func grantedTier(for peer: PeerCredentials) -> MethodTier? {
        if peer.uid == 0 || peer.uid == daemonUID { return .credentials }
        if let adminGroup, resolver.isMember(uid: peer.uid, gid: peer.gid, ofGroup: adminGroup) {
            return .credentials
        }
        if resolver.isMember(uid: peer.uid, gid: peer.gid, ofGroup: operatorGroup) { return .write }
        return nil
    }

    /// Checks that `peer` may call `method` of tier `tier`.
    ///
    /// - Throws: ``RPCError/permissionDenied`` with a message naming the user, the method and the group to join;
    ///   `error.data` carries `method`, `tier`, `uid` and `group`.
    public func authorize(_ peer: PeerCredentials, method: String, tier: MethodTier) throws(RPCError) {
        if let granted = grantedTier(for: peer), granted >= tier { return }
        let user = resolver.userName(of: peer.uid).map { "user \($0) (uid \(peer.uid))" } ?? "uid \(peer.uid)"
        let account = resolver.userName(of: peer.uid) ?? "USER"
        let group: String?
        let fix: String
        if tier == .credentials {
            group = adminGroup
            if let adminGroup {
                fix = "join group \(adminGroup) (`sudo usermod -aG \(adminGroup) \(account)`, then log in again) "
                    + "or run it as root"
            } else {
                fix = "run it as root, or set an admin group in the onboardd configuration"
            }
        } else {
            group = operatorGroup
            fix = "join group \(operatorGroup) (`sudo usermod -aG \(operatorGroup) \(account)`, then log in again) "
                + "or run it as root"
        }
        var details: [String: JSONValue] = [
            "method": .string(method),
            "tier": .string(tier.description),
            "uid": .integer(Int(peer.uid)),
        ]
        if let group { details["group"] = .string(group) }
        throw RPCError.permissionDenied.with(
            message: "\(user) may not call \(method) (\(tier) access): \(fix)",
            details: details
        )
    }
}

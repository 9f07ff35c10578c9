import Glibc

/// Answers "is this user in that group?" for ``ControlAccessPolicy``.
///
/// The system implementation is ``SystemGroupMembershipResolver``; tests inject a fake.
public protocol GroupMembershipResolver: Sendable {
    /// The login name of `uid`, or `nil` if the user database has no entry.
    func userName(of uid: uid_t) -> String?
    /// Whether the user `uid` (whose current effective gid is `gid`) belongs to the group named `group`, as primary
    /// or supplementary group. Unknown users and groups are not members.
    func isMember(uid: uid_t, gid: gid_t, ofGroup group: String) -> Bool
}

/// Resolves group membership from the system user database (NSS): `getgrnam_r` for the group's gid,
/// `getpwuid_r` for the user's name and primary group, `getgrouplist` for the supplementary groups.
///
/// - Note: The calls may block on a network NSS source (LDAP, SSSD). They run once per call, on a dedicated queue of
///   the control socket, never on Swift's cooperative pool.
public struct SystemGroupMembershipResolver: GroupMembershipResolver {
    /// Creates the resolver.
    public init() {}

    public func userName(of uid: uid_t) -> String? {
        passwordEntry(of: uid)?.name
    }

    public func isMember(uid: uid_t, gid: gid_t, ofGroup group: String) -> Bool {
        guard let groupID = Self.groupID(named: group) else { return false }
        if gid == groupID { return true }
        guard let user = passwordEntry(of: uid) else { return false }
        if user.primaryGroup == groupID { return true }
        var count: CInt = 64
        while true {
            var groups = [gid_t](repeating: 0, count: Int(count))
            let previous = count
            let result = getgrouplist(user.name, user.primaryGroup, &groups, &count)
            if result >= 0 {
                return groups.prefix(Int(count)).contains(groupID)
            }
            // -1: the array was too small; `count` now holds the needed size.
            guard count > previous, count < 65_536 else { return false }
        }
    }

    /// The gid of the group `name`, or `nil` if there is no such group.
    public static func groupID(named name: String) -> gid_t? {
        var group = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        while true {
            let status = getgrnam_r(name, &group, &buffer, buffer.count, &result)
            if status == ERANGE, buffer.count < 1 << 20 {
                buffer = [CChar](repeating: 0, count: buffer.count * 4)
                continue
            }
            guard status == 0, result != nil else { return nil }
            return group.gr_gid
        }
    }

    private func passwordEntry(of uid: uid_t) -> (name: String, primaryGroup: gid_t)? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        while true {
            let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
            if status == ERANGE, buffer.count < 1 << 20 {
                buffer = [CChar](repeating: 0, count: buffer.count * 4)
                continue
            }
            guard status == 0, result != nil, let name = entry.pw_name else { return nil }
            return (String(cString: name), entry.pw_gid)
        }
    }
}

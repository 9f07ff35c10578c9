#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders of the spool (drop folder) and what each is for.
///
/// ```
/// <root>/            0750  onboardd:onboard
///   incoming/        3770  onboardd:onboard   submitters drop requests here (setgid + sticky)
///   processing/      0750  onboardd:onboardd  accepted requests, as <onboarding-id>.json
///   rejected/        2750  onboardd:onboard   invalid files, each beside <name>.error.json
///   results/         2750  onboardd:onboard   one <file-stem>.json per accepted request (id, state, credentials hint)
/// ```
///
/// The modes are those of the tmpfiles.d entries in engineering notes §1.12; `results/` is not listed there and gets
/// group `onboard`. `rejected/` and `results/` are setgid (`2750`): the files the daemon writes there (`0640`) inherit
/// group `onboard`, so submitters can read them; the daemon could not `chown` them itself, since the unit's
/// `SystemCallFilter=~@privileged` denies it (`packaging/tmpfiles.d/onboardd.conf`).
///
/// There is no `done/` folder. A claimed request moves once, from `incoming/` to `processing/<onboarding-id>.json`
/// (engineering notes §2.5), and stays there: the database holds the onboarding's state, and `results/` shows it to
/// the submitter. A second move on completion would add a second crash window and tell nobody anything new.
///
/// Producers follow the protocol of engineering notes §2.2: create `incoming/.tmp-<uuid>.json`, write, `fsync`,
/// close, `rename` to `incoming/<uuid>.json`, `fsync` the folder. Names starting with `.` are never read.
public struct SpoolLayout: Sendable, Hashable {
    /// The spool's root folder, e.g. `/var/spool/onboardd`.
    public var root: String

    /// The layout under `root`. A trailing `/` is dropped.
    public init(root: String) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    /// Where submitters drop request files.
    public var incoming: String { root + "/incoming" }
    /// Where accepted requests live, as `<onboarding-id>.json`.
    public var processing: String { root + "/processing" }
    /// Where invalid files are quarantined, each beside `<name>.error.json`.
    public var rejected: String { root + "/rejected" }
    /// Where the result file of each accepted request is written.
    public var results: String { root + "/results" }

    /// The path of `name` in `incoming/`.
    public func incoming(_ name: String) -> String { incoming + "/" + name }

    /// The folders with the modes ``prepare(group:)`` gives them, root first.
    public var folders: [(path: String, mode: mode_t, sharedWithGroup: Bool)] {
        [
            (root, 0o750, true),
            (incoming, 0o3770, true),
            (processing, 0o750, false),
            (rejected, 0o2750, true),
            (results, 0o2750, true),
        ]
    }

    /// What ``prepare(group:)`` did.
    public struct Preparation: Sendable, Hashable {
        /// The folders it created.
        public var created: [String] = []
        /// What it could not do but did not need to fail for, e.g. `chown` without the privilege. Log these as
        /// warnings.
        public var warnings: [String] = []
    }

    /// Creates the missing folders with their modes (see ``SpoolLayout``); leaves existing ones as they are.
    ///
    /// Existing folders keep their owner and mode: in production tmpfiles.d creates them, and the administrator's
    /// choice wins. A folder created here gets its mode with `chmod` (so the umask does not narrow it) and, if
    /// `group` is given and the folder is shared with submitters, that group with `chown`. Failing to `chown` or to
    /// set a mode bit (an unprivileged process cannot always) is reported in ``Preparation/warnings``, not thrown.
    ///
    /// - Parameter group: The gid of the submitters' group (`onboard`), or `nil` (the default) to keep the process's
    ///   group.
    /// - Throws: ``SpoolError/io`` if a folder cannot be created, or a non-folder is in its place.
    @discardableResult
    public func prepare(group: UInt32? = nil) async throws -> Preparation {
        let folders = self.folders.map { (path: $0.path, mode: $0.mode, shared: $0.sharedWithGroup) }
        return try await BlockingIOQueue.shared.run {
            var preparation = Preparation()
            for folder in folders {
                let (result, code) = SpoolPOSIX.retryingEINTR { mkdir(folder.path, 0o700) }
                if result != 0 {
                    guard code == EEXIST else {
                        throw SpoolError.io.with(operation: "mkdir", path: folder.path, errno: code)
                    }
                    guard let status = try SpoolPOSIX.lstatIfExists(folder.path), status.st_mode & S_IFMT == S_IFDIR
                    else {
                        throw SpoolError.io.with(
                            operation: "mkdir", path: folder.path, errno: ENOTDIR,
                            message: "something other than a folder is in the way")
                    }
                    continue
                }
                preparation.created.append(folder.path)
                if folder.shared, let group {
                    let (chownResult, chownErrno) = SpoolPOSIX.retryingEINTR {
                        lchown(folder.path, uid_t.max, gid_t(group))
                    }
                    if chownResult != 0 {
                        preparation.warnings.append(
                            "could not give \(folder.path) to group \(group): \(SpoolError.errnoText(chownErrno))")
                    }
                }
                let (chmodResult, chmodErrno) = SpoolPOSIX.retryingEINTR { chmod(folder.path, folder.mode) }
                if chmodResult != 0 {
                    preparation.warnings.append(
                        "could not set mode \(String(folder.mode, radix: 8)) on \(folder.path): "
                            + SpoolError.errnoText(chmodErrno))
                }
            }
            return preparation
        }
    }
}

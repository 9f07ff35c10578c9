import Dispatch

/// A serial `DispatchQueue` that runs blocking file-system calls (the spool's, reading the configuration), reached
/// from async code through continuations.
///
/// `open`, `read`, `rename` and `fsync` block, sometimes for long (a slow disk, an NFS hiccup), so they must not run
/// on Swift's cooperative pool, which has about one thread per core (engineering notes §6.5). The queue targets
/// libdispatch's overcommitting global queue, which gives it a thread even while other work blocks.
///
/// Jobs run one at a time, in submission order. That serialisation is also what makes the check-then-rename
/// fallback of ``SpoolPOSIX/renameNoReplace(_:_:)`` safe when several spool types share one queue.
final class BlockingIOQueue: Sendable {
    private let queue: DispatchQueue

    /// A queue named `label`.
    init(label: String = "onboard.spool.io") {
        queue = DispatchQueue(label: label)
    }

    /// Runs `body` on the queue and returns its result.
    ///
    /// A job runs to its end even if the awaiting task is cancelled: a half-done claim is worse than a late one.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    /// Runs a job that cannot fail on the queue and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: body())
            }
        }
    }

    /// The queue all spool types use unless given another one: one serial lane for the whole spool.
    static let shared = BlockingIOQueue()

    /// The queue of user-database lookups for the control socket's access checks (NSS may block on LDAP or SSSD).
    static let userDatabase = BlockingIOQueue(label: "onboard.rpc.nss")

    /// The queue of configuration and profile reads (start-up, reload, `--check-config`).
    static let configuration = BlockingIOQueue(label: "onboard.config.io")
}

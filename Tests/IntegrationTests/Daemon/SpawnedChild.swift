import Foundation
import Glibc
import Synchronization

/// A child process started with `posix_spawn` and reaped with `waitpid(WNOHANG)`, for programs that Foundation's
/// `Process` cannot watch: `systemd-socket-activate` closes every inherited descriptor, including the one
/// Foundation watches for the child's exit, which leaves Foundation's process monitor blocked in `waitpid` (and every
/// other `Process` of the test run with it).
final class SpawnedChild: Sendable {
    let pid: pid_t
    private let status = Mutex<Int32?>(nil)

    /// Starts `executable` with `arguments` and `environment`, stdin from /dev/null, stdout and stderr appended to
    /// `log`.
    init(_ executable: String, _ arguments: [String], environment: [String: String], log: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else { throw DeadlineExceeded(what: "posix_spawn \(executable): errno \(result)") }
        self.pid = pid
    }

    /// Whether it still runs; reaps it once it has exited.
    var isRunning: Bool {
        status.withLock { status in
            guard status == nil else { return false }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
            // WIFEXITED / WEXITSTATUS, else 128 + signal, as a shell reports it.
            status = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
            return false
        }
    }

    /// The exit status once ``isRunning`` returned `false`.
    var terminationStatus: Int32 { status.withLock { $0 ?? -1 } }
}

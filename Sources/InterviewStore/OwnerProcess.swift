#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process that records a session: its pid is stored in `sessions.owner_pid`, and a session
/// still `in_progress` whose owner is gone was interrupted (killed, crashed, lost its terminal).
enum OwnerProcess {
    static var current: Int64 { Int64(getpid()) }

    /// Whether a process with this pid exists. `kill(pid, 0)` sends nothing; it fails with ESRCH when
    /// there is no such process and with EPERM when it exists but belongs to someone else.
    static func isAlive(_ pid: Int64?) -> Bool {
        guard let pid, pid > 0, pid <= Int64(Int32.max) else { return false }
        if pid == current { return true }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }
}

import CSpawn
import Foundation

/// A program run to completion on this process's terminal, waited for by its pid.
///
/// Not Foundation's `Process`: on Linux it waits for a socket to close that the child's own background
/// processes inherit, so an editor that forks would hold the interview up (see `CSpawn.h`).
enum ChildProcess {
    struct LaunchError: Error {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    /// Runs `arguments[0]` (a path) with the rest as its arguments and returns its exit status, or
    /// 128 plus the signal's number when a signal ended it.
    static func run(_ arguments: [String]) throws(LaunchError) -> Int32 {
        let cArguments = arguments.map { strdup($0) }
        let cEnvironment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let started = cspawn_start(&pid, arguments[0], cArguments + [nil], cEnvironment + [nil], -1, -1, -1)
        guard started == 0 else { throw LaunchError(errno: started) }
        let status = cspawn_wait(pid)
        guard status >= 0 else { throw LaunchError(errno: errno) }
        return status
    }
}

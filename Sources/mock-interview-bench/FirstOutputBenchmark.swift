import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cold start: the time from spawning a program to the first appearance of a marker on its stdout,
/// its stdin a pipe that stays open (as when answers are piped in but not yet written).
///
/// The program under test and the baseline run alternately, `--runs` times each, so that a burst of
/// load on the machine falls on both; medians are reported. Once the marker has arrived, stdin is
/// closed and the program left to finish (unmeasured).
struct FirstOutputBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-output", abstract: "Time from spawn to a marker on stdout, vs a baseline program.")

    @Option(help: "Text whose arrival on the program's stdout ends the measure.")
    var marker: String

    @Option(help: "The baseline executable (run without arguments).")
    var baseline: String

    @Option(help: "Text whose arrival on the baseline's stdout ends its measure.")
    var baselineMarker: String

    @Option(help: "Runs of each program.")
    var runs = 30

    @Argument(parsing: .captureForPassthrough, help: "The program and its arguments.")
    var command: [String]

    func run() throws {
        let program = command.first == "--" ? Array(command.dropFirst()) : command
        guard !program.isEmpty else { throw ValidationError("give the program to measure after --") }
        // One unmeasured run of each warms the file cache.
        _ = try Self.timeToMarker([baseline], marker: baselineMarker)
        _ = try Self.timeToMarker(program, marker: marker)
        var baselineTimes: [Double] = []
        var programTimes: [Double] = []
        for _ in 0..<runs {
            baselineTimes.append(try Self.timeToMarker([baseline], marker: baselineMarker))
            programTimes.append(try Self.timeToMarker(program, marker: marker))
        }
        Timing.report("first_output_ms", Timing.median(programTimes))
        Timing.report("baseline_first_output_ms", Timing.median(baselineTimes))
        Timing.report("first_output_min_ms", programTimes.min() ?? .nan)
        Timing.report("baseline_first_output_min_ms", baselineTimes.min() ?? .nan)
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Milliseconds from `posix_spawn` to `marker` on the child's stdout.
    static func timeToMarker(_ arguments: [String], marker: String) throws -> Double {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw SpawnFailure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        for descriptor in input + output { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Timing.now()
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        close(input[0])
        close(output[1])
        guard status == 0 else {
            close(input[1])
            close(output[0])
            throw SpawnFailure(description: "cannot run \(arguments[0]): \(String(cString: strerror(status)))")
        }
        let wanted = Array(marker.utf8)
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var elapsed: Double?
        while true {
            let count = buffer.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
            if count <= 0 { break }
            if elapsed == nil {
                seen += buffer[0..<count]
                if Self.contains(seen, wanted) {
                    elapsed = Double(Timing.now() - start) / 1e6
                    close(input[1])
                    input[1] = -1
                }
            }
        }
        if input[1] >= 0 { close(input[1]) }
        close(output[0])
        var exit: Int32 = 0
        waitpid(pid, &exit, 0)
        guard let elapsed else {
            throw SpawnFailure(description: "\(arguments.joined(separator: " ")) ended without printing \"\(marker)\"")
        }
        return elapsed
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }
}

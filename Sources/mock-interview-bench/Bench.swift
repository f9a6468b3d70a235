import ArgumentParser

/// The in-process half of the speed and scale benchmarks (`Benchmarks/run` drives both halves and
/// prints the table; docs/benchmarks.md explains every measure).
///
/// Each subcommand measures one thing and its baseline in the same process, and prints
/// `name value` lines (times in milliseconds) for the driver to read.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-interview-bench",
        abstract: "Speed benchmarks of mock-interview, each beside its baseline.",
        subcommands: [EvaluateAnswerBenchmark.self, StoreTurnBenchmark.self, TurnSQLScript.self, FirstOutputBenchmark.self, PrintSampleAnswer.self, VerifyEvaluationJSON.self]
    )
}

/// Prints the sample answer (the input of the memory measure's piped interview).
struct PrintSampleAnswer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample-answer", abstract: "Print the sample answer.")

    func run() {
        print(SampleAnswer.text)
    }
}

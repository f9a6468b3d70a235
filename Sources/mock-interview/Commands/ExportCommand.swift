import ArgumentParser
import Foundation
import InterviewKit
import InterviewStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every session, turn and evaluation.",
        discussion: """
            jsonl: one line per session, with its turns and all their evaluations.
            csv: one row per turn with its latest evaluation's score (RFC 4180 quoting).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

    @Option(help: "jsonl or csv.")
    var format: Format = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let store = try SessionStore(readingFrom: storeOptions.databasePath)
            var sink = try ExportSink(path: output)
            let encoder = Output.jsonEncoder()
            if format == .csv {
                sink.write(CSV.row(["session_id", "session_started_at", "session_status", "candidate", "sequence", "question_id", "node_id", "prompt", "why", "asked_at", "first_input_at", "submitted_at", "outcome", "hints_used", "answer", "score", "engine", "rubric_hash", "evaluations"]))
            }
            var count = 0
            try store.forEachTranscript { transcript in
                count += 1
                switch format {
                case .jsonl:
                    sink.write(String(decoding: try encoder.encode(transcript), as: UTF8.self) + "\n")
                case .csv:
                    let session = transcript.session
                    for turn in transcript.turns {
                        let latest = turn.evaluation
                        sink.write(CSV.row([
                            String(session.id), Timestamp.string(from: session.startedAt), session.status.rawValue, session.candidate ?? "",
                            String(turn.sequence), turn.questionID, turn.nodeID, turn.prompt, turn.why ?? "",
                            Timestamp.string(from: turn.askedAt), turn.firstInputAt.map(Timestamp.string) ?? "", turn.submittedAt.map(Timestamp.string) ?? "",
                            turn.outcome.rawValue, String(turn.hintsUsed), turn.answer ?? "",
                            latest.map { BreakdownText.format($0.score) } ?? "", latest?.engine ?? "", latest?.rubricHash ?? "", String(turn.evaluations.count),
                        ]))
                    }
                }
            }
            try sink.close()
            if let output { FileHandle.standardError.write(Data("Exported \(count) session\(count == 1 ? "" : "s") to \(output)\n".utf8)) }
        }
    }
}

/// Buffered output to a private file or stdout.
struct ExportSink {
    let handle: FileHandle
    let path: String?
    private var buffer = Data()

    init(path: String?) throws {
        self.path = path
        if let path {
            try ReportFiles.write("", to: path)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw Failure("cannot write \(path)") }
            self.handle = handle
        } else {
            handle = .standardOutput
        }
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 {
            handle.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func close() throws {
        handle.write(buffer)
        buffer.removeAll()
        if path != nil { try handle.close() }
    }
}

/// RFC 4180 rows: fields with commas, quotes or line breaks are quoted, quotes doubled.
enum CSV {
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
import InterviewKit
import InterviewStore

/// Runs an interview at the terminal or from a pipe: picks the line source, shows events, records
/// through the store, and writes the report at the end.
struct InterviewShell {
    let store: SessionStore
    let database: String
    let questions: [Question]
    let session: SessionRecord
    let earlierTurns: [TurnRecord]

    func run(resumed: Bool) throws {
        let interactive = isatty(STDIN_FILENO) == 1
        let display = TerminalDisplay(palette: interactive ? Output.palette : .plain, interactive: interactive)
        display.greet(questions: questions, candidate: session.candidate, resumed: resumed)
        var interviewer = Interviewer(questions: questions, similarWords: WordNetCache.similarWords())
        interviewer.replay(earlierTurns)
        let recorder = StoreRecorder(store: store, sessionID: session.id)
        let status: SessionStatus
        if interactive {
            // Readline must be told which prompt bytes take no room on screen (\u{1}…\u{2}), or it
            // wraps long lines in the wrong place.
            let palette = Output.useColor ? Palette.readlinePrompt : .plain
            let source = ReadlineSource(historyFile: Locations.historyFile(), firstPrompt: palette.bold("you› "), continuationPrompt: palette.dim("   › "))
            var conductor = InterviewConductor(interviewer: interviewer, source: source, recorder: recorder, feedback: session.feedback, sessionStart: session.startedAt, earlierTurns: earlierTurns, display: display.show)
            status = try conductor.run()
        } else {
            var conductor = InterviewConductor(interviewer: interviewer, source: PipeSource(), recorder: recorder, feedback: session.feedback, sessionStart: session.startedAt, earlierTurns: earlierTurns, display: display.show)
            status = try conductor.run()
        }
        let transcript = try store.transcript(id: session.id)
        let report = ReportFiles.writeMarkdown(for: transcript, store: store, questions: questions, database: database)
        let results = transcript.questionResults
        display.summary(results, overall: transcript.overallScore, status: status, questions: questions, sessionID: session.id, database: database, report: report)
    }
}

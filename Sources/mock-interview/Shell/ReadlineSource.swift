@preconcurrency import CReadline
import Foundation
@preconcurrency import Glibc
import InterviewKit
import Synchronization

/// Set by the SIGINT handler, read by readline's event hook: Ctrl-C cancels the line being typed.
private let interruptRequested = Atomic<Bool>(false)
/// Set by the event hook when it ended a line because of Ctrl-C.
private let lineCancelled = Atomic<Bool>(false)
/// Set by the first character read for the current prompt, in milliseconds since 1970.
private let firstKeyMillis = Atomic<Int64>(0)

private func handleInterrupt(_ signal: Int32) {
    interruptRequested.store(true, ordering: .sequentiallyConsistent)
}

private func checkInterrupt() -> Int32 {
    if interruptRequested.exchange(false, ordering: .sequentiallyConsistent) {
        lineCancelled.store(true, ordering: .sequentiallyConsistent)
        rl_done = 1
    }
    return 0
}

private func readCharacter(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let character = rl_getc(stream)
    if firstKeyMillis.load(ordering: .relaxed) == 0 {
        firstKeyMillis.store(Int64(Date().timeIntervalSince1970 * 1000), ordering: .relaxed)
    }
    return character
}

/// Completes meta-commands after ":" at the start of a line.
private func completeCommand(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    let prefix = String(cString: text)
    let names = MetaCommand.allCases.map { MetaCommand.prefix + $0.rawValue }.filter { $0.hasPrefix(prefix) }
    guard Int(state) < names.count else { return nil }
    return strdup(names[Int(state)])
}

private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    guard start == 0 else { return nil }
    return rl_completion_matches(text, completeCommand)
}

/// Reads answers with GNU readline: line editing, history recall (whole multi-line answers) kept in a
/// history file, Tab completion of meta-commands, and Ctrl-C that cancels the answer being typed.
struct ReadlineSource: LineSource {
    let historyFile: String
    let firstPrompt: String
    let continuationPrompt: String

    init(historyFile: String, firstPrompt: String, continuationPrompt: String) {
        self.historyFile = historyFile
        self.firstPrompt = firstPrompt
        self.continuationPrompt = continuationPrompt
        rl_readline_name = UnsafePointer(strdup("mock-interview"))
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n"))
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n"))
        rl_attempted_completion_function = attemptCompletion
        rl_event_hook = checkInterrupt
        rl_getc_function = readCharacter
        history_comment_char = CChar(UInt8(ascii: "#"))
        history_write_timestamps = 1
        history_multiline_entries = 1
        Self.prepareHistoryFile(historyFile)
        read_history(historyFile)
        stifle_history(1000)
        // A parent may have left SIGINT blocked (test runners, some job launchers): unblock it, or
        // Ctrl-C would never reach the handler.
        var interruptOnly = sigset_t()
        sigemptyset(&interruptOnly)
        sigaddset(&interruptOnly, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interruptOnly, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleInterrupt
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Creates the history file's folder (0700) and the file (0600) if they are missing.
    static func prepareHistoryFile(_ path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
    }

    mutating func next(continuation: Bool) -> LineEvent {
        interruptRequested.store(false, ordering: .sequentiallyConsistent)
        lineCancelled.store(false, ordering: .sequentiallyConsistent)
        firstKeyMillis.store(0, ordering: .relaxed)
        let pointer = readline(continuation ? continuationPrompt : firstPrompt)
        let cancelled = lineCancelled.exchange(false, ordering: .sequentiallyConsistent)
        guard let pointer else { return cancelled ? .interrupt : .end }
        defer { free(pointer) }
        if cancelled {
            print("")
            return .interrupt
        }
        let millis = firstKeyMillis.load(ordering: .relaxed)
        let firstKey = millis > 0 ? Date(timeIntervalSince1970: Double(millis) / 1000) : Date()
        let line = String(cString: pointer)
        if MetaCommand.parse(line) != nil && !line.isEmpty {
            add_history(line)
        }
        return .line(line, firstInputAt: firstKey)
    }

    mutating func remember(_ answer: String) {
        add_history(answer)
        write_history(historyFile)
        chmod(historyFile, 0o600)
    }

    mutating func edit(_ draft: String) -> Result<String, EditorError> {
        Editor.edit(draft)
    }
}

/// Opens `$VISUAL` or `$EDITOR` on a draft in a private temporary file.
enum Editor {
    static func edit(_ draft: String) -> Result<String, EditorError> {
        let environment = ProcessInfo.processInfo.environment
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            return .failure(EditorError("set $VISUAL or $EDITOR to an editor (for example: export EDITOR=nano) to write long answers"))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mock-interview-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = directory.appendingPathComponent("answer.md")
        defer { try? FileManager.default.removeItem(at: directory) }
        guard FileManager.default.createFile(atPath: file.path, contents: Data(draft.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failure(EditorError("cannot create a temporary file for the editor in \(directory.path)"))
        }
        let status: Int32
        do {
            status = try ChildProcess.run(["/bin/sh", "-c", "\(editor) \"$1\"", "editor", file.path])
        } catch {
            return .failure(EditorError("cannot start the editor '\(editor)': \(error.description)"))
        }
        guard status == 0 else {
            return .failure(EditorError("the editor '\(editor)' exited with status \(status); the answer was not changed"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(EditorError("the edited answer could not be read back"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }
}

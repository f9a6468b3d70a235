import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A database that is not one, is damaged, cannot be written, has no folder, or sits on a full disk:
/// every command says what is wrong and what to do, exits non-zero, and leaves the file exactly as it was.
@Suite("broken storage", .enabled(if: SQLite.isAvailable, "needs the sqlite3 tool"))
struct BrokenStorageTests {
    static let writers: [[String]] = [["start", "--questions", "q1"], ["resume", "last"], ["rescore", "--all"]]
    static let readers: [[String]] = [["list"], ["list", "--json"], ["report", "last"], ["report", "last", "--format", "html"], ["replay", "last"], ["export"], ["progress"]]

    /// A database with one recorded session, closed cleanly (no -wal or -shm left).
    static func recordedDatabase(in directory: URL, name: String = "interviews.sqlite") throws -> String {
        let path = directory.appendingPathComponent(name).path
        let result = try Executable.run(["start", "--questions", "q1", "--db", path], input: ["I would compare the training and production distributions for drift and retrain.\n\n:quit\n"])
        #expect(result.status == 0, "\(result.stderr)")
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("reports"))
        return path
    }

    /// Runs `arguments` on `database` and checks the outcome is a refusal: an `error:` line that
    /// contains `expected`, a non-zero exit, no trap or signal, and nothing in the folder changed.
    static func expectRefusal(_ arguments: [String], database: String, folder: URL, saying expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = FileSnapshot(directory: folder)
        let run = try Measured.run(arguments + ["--db", database], input: Data("an answer\n\n".utf8), timeout: 20)
        let command = arguments.joined(separator: " ")
        #expect(run.status != 0 && run.signal == nil && !run.timedOut, "\(command): \(run.summary)", sourceLocation: sourceLocation)
        #expect(run.stderrText.hasPrefix("error: "), "\(command): \(run.stderrText)", sourceLocation: sourceLocation)
        for phrase in expected {
            #expect(run.stderrText.contains(phrase), "\(command) should say '\(phrase)': \(run.stderrText)", sourceLocation: sourceLocation)
        }
        #expect(!run.stderrText.contains("Fatal error"), sourceLocation: sourceLocation)
        let after = FileSnapshot(directory: folder)
        let name = (database as NSString).lastPathComponent
        #expect(after.entries[name] == before.entries[name], "\(command) changed \(name)", sourceLocation: sourceLocation)
        // SQLite may leave an empty -wal and a -shm beside a damaged database it tried to open;
        // nothing else may appear, and no -wal may hold anything.
        let added = Set(after.entries.keys).subtracting(before.entries.keys)
        #expect(added.isSubset(of: [name + "-wal", name + "-shm"]), "\(command) left files behind: \(added.sorted())", sourceLocation: sourceLocation)
        #expect(after.entries[name + "-wal"].map(\.isEmpty) ?? true, "\(command) wrote to \(name)-wal", sourceLocation: sourceLocation)
    }

    enum Damage: String, CaseIterable {
        case randomBytes = "random bytes"
        case text = "a text file"
        case garbledSchema = "a valid header over a garbled schema page"
        case truncated = "a database cut to its first page"
        case zeroedHeader = "a database whose header is zeroed"
    }

    @Test("a file that is not a database, or a damaged one, is refused by every command and left byte for byte", arguments: Damage.allCases)
    func damagedFile(_ damage: Damage) throws {
        let folder = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("interviews.sqlite").path
        var generator = SeededGenerator(seed: 7)
        switch damage {
        case .randomBytes:
            try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: URL(fileURLWithPath: path))
        case .text:
            try "My thesis notes, not a database.\n".write(toFile: path, atomically: false, encoding: .utf8)
        case .garbledSchema, .truncated, .zeroedHeader:
            _ = try Self.recordedDatabase(in: folder)
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            switch damage {
            case .garbledSchema:
                try handle.seek(toOffset: 100)
                handle.write(Data(repeating: 0xFF, count: 3996))
            case .truncated:
                try handle.truncate(atOffset: 4096)
            default:
                handle.write(Data(repeating: 0, count: 100))
            }
            try handle.close()
        }
        let expected = damage == .garbledSchema || damage == .truncated ? ["is damaged", "left untouched", ".recover", "--db"] : ["is not a SQLite database", "left untouched", "--db"]
        for arguments in Self.writers + Self.readers {
            try Self.expectRefusal(arguments, database: path, folder: folder, saying: expected)
        }
    }

    /// How this run can make a file or folder unwritable: permission bits for a normal user; for root,
    /// whom permission bits do not stop, the immutable attribute (`chattr +i`) where the file system
    /// and the container allow it.
    enum ReadOnlyMechanism {
        static let isRoot = geteuid() == 0
        static let available: Bool = {
            if !isRoot { return true }
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr"), let folder = try? Executable.temporaryDirectory() else { return false }
            defer { try? FileManager.default.removeItem(at: folder) }
            let probe = folder.appendingPathComponent("probe").path
            guard FileManager.default.createFile(atPath: probe, contents: Data()), chattr("+i", probe) else { return false }
            defer { _ = chattr("-i", probe) }
            return open(probe, O_WRONLY) < 0
        }()

        static func makeReadOnly(_ path: String, folder: Bool) {
            if isRoot { _ = chattr("+i", path) } else { chmod(path, folder ? 0o555 : 0o444) }
        }

        static func makeWritable(_ path: String, folder: Bool) {
            if isRoot { _ = chattr("-i", path) } else { chmod(path, folder ? 0o700 : 0o600) }
        }

        @discardableResult
        static func chattr(_ flag: String, _ path: String) -> Bool {
            (try? Measured.run(executable: "/usr/bin/chattr", [flag, path], timeout: 5).status) == 0
        }
    }

    @Test("a read-only database refuses to record with a message saying so, still serves every reading command, and is not changed",
          .enabled(if: ReadOnlyMechanism.available, "running as root where chattr +i is not permitted: permission bits do not stop root"))
    func readOnlyFile() throws {
        let folder = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.recordedDatabase(in: folder)
        ReadOnlyMechanism.makeReadOnly(path, folder: false)
        defer { ReadOnlyMechanism.makeWritable(path, folder: false) }
        for arguments in [["start", "--questions", "q1"], ["resume", "last"], ["rescore", "--all"]] {
            try Self.expectRefusal(arguments, database: path, folder: folder, saying: ["cannot write to", "read-only", "still work", "--db"])
        }
        try expectReadersWork(database: path, folder: folder)
    }

    @Test("a database in a read-only folder refuses to record, serves reading commands, and nothing is created there",
          .enabled(if: ReadOnlyMechanism.available, "running as root where chattr +i is not permitted: permission bits do not stop root"))
    func readOnlyFolder() throws {
        let parent = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let path = try Self.recordedDatabase(in: folder)
        ReadOnlyMechanism.makeReadOnly(folder.path, folder: true)
        defer { ReadOnlyMechanism.makeWritable(folder.path, folder: true) }
        try Self.expectRefusal(["start", "--questions", "q1"], database: path, folder: folder, saying: ["cannot write to", "not writable", "--db"])
        try Self.expectRefusal(["start", "--questions", "q1"], database: folder.appendingPathComponent("new.sqlite").path, folder: folder, saying: ["not writable", "--db"])
        try Self.expectRefusal(["start", "--questions", "q1"], database: folder.appendingPathComponent("sub/new.sqlite").path, folder: folder, saying: ["cannot create", "--db"])
        try expectReadersWork(database: path, folder: folder)
    }

    func expectReadersWork(database: String, folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = FileSnapshot(directory: folder)
        for arguments in Self.readers {
            let run = try Measured.run(arguments + ["--db", database], timeout: 20)
            #expect(run.status == 0, "\(arguments.joined(separator: " ")) on a read-only database: \(run.summary)", sourceLocation: sourceLocation)
        }
        let name = (database as NSString).lastPathComponent
        #expect(FileSnapshot(directory: folder).entries[name] == before.entries[name], sourceLocation: sourceLocation)
    }

    @Test("a database whose folder does not exist: reading commands say there is none and create nothing; a path through a file is refused")
    func missingFolder() throws {
        let parent = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let missing = parent.appendingPathComponent("not/there/interviews.sqlite").path
        let list = try Measured.run(["list", "--db", missing])
        #expect(list.status == 0, "\(list.summary)")
        #expect(list.stdoutText.contains("No sessions yet"))
        let json = try Measured.run(["list", "--json", "--db", missing])
        #expect(json.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        for arguments in [["report", "last"], ["replay", "last"], ["resume", "last"], ["rescore", "--all"], ["export"]] {
            let run = try Measured.run(arguments + ["--db", missing], timeout: 20)
            #expect(run.status != 0 && run.signal == nil, "\(arguments): \(run.summary)")
            #expect(run.stderrText.hasPrefix("error: ") && run.stderrText.contains("no database at") && run.stderrText.contains("--db"), "\(arguments): \(run.stderrText)")
        }
        let progress = try Measured.run(["progress", "--db", missing], timeout: 20)
        #expect(progress.status == 0 && progress.stdoutText.contains("No sessions yet"), "\(progress.summary)")
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("not").path), "reading commands must not create folders")

        let file = parent.appendingPathComponent("notes.txt")
        try "keep me\n".write(to: file, atomically: false, encoding: .utf8)
        try Self.expectRefusal(["start", "--questions", "q1"], database: file.path + "/interviews.sqlite", folder: parent, saying: ["cannot create", "not a folder", "--db"])
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
    }

    /// A small ext4 file system in a file, loop-mounted: needs root and a kernel that allows it.
    final class SmallDisk {
        static let available: Bool = {
            guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/mkfs.ext4"), let disk = try? SmallDisk(kilobytes: 2048) else { return false }
            disk.unmount()
            return true
        }()

        let root: URL
        let mountPoint: URL

        init(kilobytes: Int) throws {
            root = try Executable.temporaryDirectory()
            mountPoint = root.appendingPathComponent("mnt")
            try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: false)
            let image = root.appendingPathComponent("disk.img").path
            guard try Measured.run(executable: "/usr/bin/truncate", ["-s", "\(kilobytes)K", image]).status == 0,
                  try Measured.run(executable: "/usr/sbin/mkfs.ext4", ["-q", "-F", "-b", "1024", "-N", "64", "-m", "0", image], timeout: 20).status == 0,
                  try Measured.run(executable: "/usr/bin/mount", ["-o", "loop", image, mountPoint.path], timeout: 20).status == 0
            else {
                try? FileManager.default.removeItem(at: root)
                throw Measured.SpawnError(message: "cannot make and mount a small file system")
            }
        }

        /// Writes zeros until the disk is full (`leaving` kilobytes free, roughly).
        func fill(leaving kilobytes: Int = 0) throws {
            var info = statvfs()
            statvfs(mountPoint.path, &info)
            let free = Int(info.f_bavail) * Int(info.f_frsize) / 1024
            let count = kilobytes == 0 ? "" : "count=\(max(0, free - kilobytes))"
            _ = try Measured.run(executable: "/bin/sh", ["-c", "dd if=/dev/zero of='\(mountPoint.path)/filler' bs=1k \(count) 2>/dev/null; sync"], timeout: 30)
        }

        func freeSpace() { try? FileManager.default.removeItem(at: mountPoint.appendingPathComponent("filler")) }

        func unmount() {
            _ = try? Measured.run(executable: "/usr/bin/umount", [mountPoint.path], timeout: 20)
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test("on a full disk, recording says the disk is full, reading still works, and the database is not changed",
          .enabled(if: SmallDisk.available, "needs root and loop mounts to make a small file system"))
    func fullDisk() throws {
        let disk = try SmallDisk(kilobytes: 4096)
        defer { disk.unmount() }
        let path = try Self.recordedDatabase(in: disk.mountPoint)
        try disk.fill()
        for arguments in [["start", "--questions", "q1"], ["resume", "last"]] {
            let before = FileManager.default.contents(atPath: path)
            let run = try Measured.run(arguments + ["--db", path], input: Data("I would retrain it.\n\n".utf8), timeout: 20)
            #expect(run.status != 0 && run.signal == nil, "\(arguments): \(run.summary)")
            #expect(run.stderrText.hasPrefix("error: ") && run.stderrText.contains("disk is full") && run.stderrText.contains("Free some space"), "\(arguments): \(run.stderrText)")
            #expect(FileManager.default.contents(atPath: path) == before, "\(arguments) changed the database")
        }
        for arguments in [["list", "--json"], ["report", "last"]] {
            let run = try Measured.run(arguments + ["--db", path], timeout: 20)
            #expect(run.status == 0, "\(arguments) on a full disk: \(run.summary)")
        }
        disk.freeSpace()
        #expect(try SQLite.query(path, "PRAGMA integrity_check") == [["ok"]])
    }

    @Test("when the disk fills up during an interview, the shell stops with 'disk is full', keeps every answer it acknowledged, and resumes once there is room",
          .enabled(if: SmallDisk.available, "needs root and loop mounts to make a small file system"))
    func diskFillsDuringInterview() throws {
        let disk = try SmallDisk(kilobytes: 4096)
        defer { disk.unmount() }
        let path = disk.mountPoint.appendingPathComponent("interviews.sqlite").path
        let created = try Executable.run(["list", "--db", path])
        #expect(created.status == 0)
        try disk.fill(leaving: 900)
        let long = String(repeating: "I would compare the feature distributions in production with training data to find drift, then retrain. ", count: 250)
        let answers = (0..<40).map { "Answer \($0). " + long }
        let run = try Measured.run(["start", "--db", path], input: Data(answers.map { $0 + "\n\n" }.joined().utf8), timeout: 60)
        #expect(run.status != 0 && run.signal == nil, "\(run.summary)")
        #expect(run.stderrText.contains("disk is full") && run.stderrText.contains("everything recorded before this point is saved"), "\(run.stderrText)")
        let prompts = run.stdoutText.split(separator: "\n").filter { $0.hasPrefix("Interviewer: ") }.count
        disk.freeSpace()
        #expect(try SQLite.query(path, "PRAGMA integrity_check") == [["ok"]])
        let stored = try SQLite.query(path, "SELECT answer FROM turns WHERE outcome = 'answered' ORDER BY sequence").map { $0[0] }
        #expect(stored.count >= max(0, prompts - 1), "acknowledged answers are stored")
        #expect(stored == Array(answers.prefix(stored.count)), "stored answers are exact copies, in order")
        #expect(!stored.isEmpty, "some answers fitted before the disk filled up")
        let resumed = try Measured.run(["resume", "last", "--db", path], input: Data(answers.map { $0 + "\n\n" }.joined().utf8), timeout: 60)
        #expect(resumed.status == 0, "\(resumed.summary)")
        print("full disk: \(stored.count) answers stored before the disk filled up, then resumed")
    }

    @Test("a file-size limit (ulimit -f) is reported as such, not a crash by SIGXFSZ, and the database stays consistent")
    func fileSizeLimit() throws {
        let folder = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.recordedDatabase(in: folder)
        let long = String(repeating: "I would compare the feature distributions in production with training data to find drift, then retrain. ", count: 250)
        let answers = (0..<40).map { "Answer \($0). " + long }
        // 400 blocks of 512 bytes (dash's unit): room for the database and a few answers.
        let run = try Measured.run(executable: "/bin/sh", ["-c", "ulimit -f 400; exec \"$0\" \"$@\"", Executable.path, "start", "--db", path],
                                   input: Data(answers.map { $0 + "\n\n" }.joined().utf8), timeout: 60)
        #expect(run.signal == nil, "killed by signal \(run.signal ?? 0) (25 is SIGXFSZ): \(run.summary)")
        #expect(run.status != 0)
        #expect(run.stderrText.hasPrefix("error: ") && run.stderrText.contains("file size limit"), "\(run.stderrText)")
        #expect(try SQLite.query(path, "PRAGMA integrity_check") == [["ok"]])
        let stored = try SQLite.query(path, "SELECT answer FROM turns t JOIN sessions s ON s.id = t.session_id WHERE s.id = 2 AND outcome = 'answered' ORDER BY sequence").map { $0[0] }
        #expect(stored == Array(answers.prefix(stored.count)))
    }
}

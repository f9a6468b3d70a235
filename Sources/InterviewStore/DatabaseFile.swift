import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks and file-system work done before SQLite is given a path: the file must be absent,
/// empty or start with SQLite's header, and a new file or folder is private to its owner.
///
/// SQLite is never handed a file that is not a database: it would report an error, but only after
/// possibly writing to it; checking the header first keeps a damaged file byte-for-byte intact.
enum DatabaseFile {
    static let header = Array("SQLite format 3\0".utf8)

    enum State: Equatable {
        case absent
        case empty
        case database
    }

    /// What is at `path`; throws if it is something SQLite must not touch.
    static func inspect(_ path: String) throws(StoreError) -> State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .absent }
            throw .cannotCreate(path: path, reason: code == ENOTDIR ? "a part of the path is not a folder" : reason(code))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw .cannotCreate(path: path, reason: "it is a folder; the database is a file, such as \(path)/interviews.sqlite")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .notADatabase(path: path)
        }
        if info.st_size == 0 { return .empty }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw .failed(path: path, detail: "cannot read it: \(reason(code))")
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: header.count)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, header.count) }
        guard count == header.count, bytes == header else { throw .notADatabase(path: path) }
        return .database
    }

    /// Creates the missing folders of `path`'s parent with mode 0700.
    static func createParent(of path: String) throws(StoreError) {
        var info = stat()
        let parent = folder(of: path)
        if stat(parent, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotCreate(path: path, reason: "\(parent) is not a folder")
            }
            return
        }
        var missing: [String] = []
        var current = parent
        while !current.isEmpty, current != "/", current != ".", stat(current, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw .cannotCreate(path: path, reason: "\(current): \(reason(code))") }
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() {
            if mkdir(folder, 0o700) != 0 {
                let code = errno
                guard code == EEXIST else {
                    throw .cannotCreate(path: path, reason: "cannot create the folder \(folder): \(reason(code))")
                }
                continue
            }
            chmod(folder, 0o700)
        }
    }

    /// Creates an empty file with mode 0600; SQLite gives its -wal and -shm files the same mode.
    static func create(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let code = errno
            if code == EEXIST { return }
            if code == EACCES || code == EROFS || code == EPERM {
                throw .readOnly(path: path, reason: "its folder \(folder(of: path)) is not writable (\(reason(code)))")
            }
            throw .cannotCreate(path: path, reason: reason(code))
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// Why a database that exists cannot be opened for writing, if it can't: checked up front so that
    /// the error names the real cause instead of SQLite's "attempt to write a readonly database".
    static func writeObstacle(_ path: String) -> String? {
        if access(path, W_OK) != 0 {
            let code = errno
            return code == EROFS ? "it is on a read-only file system" : "the file is read-only (\(reason(code)))"
        }
        let sidecarsExist = access(path + "-wal", F_OK) == 0 && access(path + "-shm", F_OK) == 0
        if !sidecarsExist && access(folder(of: path), W_OK) != 0 {
            return "its folder \(folder(of: path)) is not writable, and SQLite must create \(path)-wal and \(path)-shm there"
        }
        return nil
    }

    /// Gives the -wal and -shm files the database file's permissions. SQLite does so when it creates
    /// them, but a read-only open of a read-only file leaves them read-only behind it, and a later
    /// writer could not use them.
    static func alignSidecarModes(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let mode = info.st_mode & 0o777
        for suffix in ["-wal", "-shm"] {
            var sidecar = stat()
            if stat(path + suffix, &sidecar) == 0, sidecar.st_uid == getuid(), sidecar.st_mode & 0o777 != mode {
                chmod(path + suffix, mode)
            }
        }
    }

    /// Whether SQLite can open or create the -shm file a read of a WAL database needs.
    static func canUseSharedMemory(_ path: String) -> Bool {
        access(path + "-shm", F_OK) == 0 ? access(path + "-shm", R_OK) == 0 : access(folder(of: path), W_OK) == 0
    }

    /// Whether the file system holding `path` has less than a megabyte left (for this user: root may
    /// use the reserved blocks). SQLite reports a full disk as `SQLITE_FULL` only when a write comes
    /// up short; growing the -shm file or syncing on a full disk gives `SQLITE_IOERR` instead.
    static func isOnFullDisk(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs(folder(of: path), &info) == 0 else { return false }
        let blocks = geteuid() == 0 ? UInt64(info.f_bfree) : UInt64(info.f_bavail)
        return blocks * UInt64(info.f_frsize) < 1 << 20
    }

    /// The file-size limit (`ulimit -f`, RLIMIT_FSIZE) in bytes when the database or its -wal file has
    /// come within 64 KiB of it, which makes writes fail with EFBIG; nil when there is no such limit.
    static func fileSizeLimit(reachedBy path: String) -> UInt64? {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
        #else
        let resource = RLIMIT_FSIZE
        #endif
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil } // RLIM_INFINITY
        let bound = UInt64(limit.rlim_cur)
        for file in [path, path + "-wal"] {
            var info = stat()
            if stat(file, &info) == 0, UInt64(info.st_size) + 65_536 >= bound { return bound }
        }
        return nil
    }

    /// True when `path` has no -wal file or an empty one: the database file holds every commit.
    static func hasNoWALContent(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) != 0 || info.st_size == 0
    }

    static func folder(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

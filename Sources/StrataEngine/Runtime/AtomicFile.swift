#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file so that a crash or a full disk never leaves half of it: the bytes go to a
/// temporary file beside it, are flushed to disk, and only then replace the target by rename.
public enum AtomicFile {
    public struct WriteError: UserFacingError, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var message: String { "cannot write '\(path)': \(reason)" }
        public var suggestion: String? {
            if reason.contains("folder does not exist") { return "create the folder first, or write somewhere else" }
            if reason.contains("is a directory") { return "name a file inside it" }
            return nil
        }
        public var description: String { message }
    }

    /// Calls `produce` with a sink that appends bytes to the file, then makes the file appear at once.
    /// Whatever fails, `produce` included, the file at `path` is left as it was.
    public static func write(to path: String, _ produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        // Caught before writing: otherwise the whole output would be written only for the rename to fail.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw WriteError(path: path, reason: "it is a directory, not a file")
        }
        let temporary = path + ".strata-partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: openFailure(errno)) }
        var closed = false
        defer {
            if !closed { close(fd); unlink(temporary) }
        }
        try produce { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: systemMessage(errno))
                }
                offset += n
            }
        }
        let synced = fsync(fd)
        let syncError = errno
        closed = true
        let closeResult = close(fd)
        guard synced == 0, closeResult == 0 else {
            unlink(temporary)
            throw WriteError(path: path, reason: "could not finish writing: " + systemMessage(synced != 0 ? syncError : errno))
        }
        guard rename(temporary, path) == 0 else {
            let message = systemMessage(errno)
            unlink(temporary)
            throw WriteError(path: path, reason: "could not replace the file: " + message)
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { append in try append(bytes) }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "its folder does not exist"
        case EISDIR: return "it is a directory, not a file"
        case EACCES, EPERM: return "permission denied"
        default: return systemMessage(code)
        }
    }

    static func systemMessage(_ code: Int32) -> String { String(cString: strerror(code)) }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Random-access bytes of a CSV input. Reads are positioned (pread-style) so that two workers can
/// read different parts of one file at once without sharing a file offset.
protocol CSVByteSource: Sendable {
    /// How the input is named in messages.
    var displayName: String { get }
    /// Size when opened; used for progress and to size buffers, never trusted as the end of data.
    var byteCount: Int { get }
    /// Copies up to `buffer.count` bytes starting at `offset`; returns 0 only at end of input.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// In-memory input, for tests and for data that arrives as bytes.
struct CSVMemorySource: CSVByteSource {
    let displayName: String
    let bytes: [UInt8]

    var byteCount: Int { bytes.count }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < bytes.count, offset >= 0 else { return 0 }
        let n = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { src in
            guard let from = src.baseAddress, let to = buffer.baseAddress else { return }
            to.copyMemory(from: from + offset, byteCount: n)
        }
        return n
    }
}

/// A regular file read with positioned reads. Owns its descriptor and closes it when released.
final class CSVFileSource: CSVByteSource {
    let displayName: String
    let byteCount: Int
    private let descriptor: Int32

    init(path: String) throws {
        displayName = path
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT:
                throw CSVError(file: path, reason: "no such file", suggestion: "check the path and the current directory")
            case EACCES, EPERM:
                throw CSVError(file: path, reason: "permission denied")
            default:
                throw CSVError(file: path, reason: "cannot open: \(Self.systemMessage(code))")
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw CSVError(file: path, reason: "cannot read file information: \(Self.systemMessage(code))")
        }
        let kind = info.st_mode & S_IFMT
        guard kind != S_IFDIR else {
            close(fd)
            throw CSVError(file: path, reason: "is a directory, not a file", suggestion: "name a CSV file inside it")
        }
        guard kind == S_IFREG else {
            close(fd)
            // Loading reads the file twice (infer, then convert), which a pipe or device cannot do.
            throw CSVError(file: path, reason: "is not a regular file", suggestion: "copy the data to a file first")
        }
        descriptor = fd
        byteCount = Int(info.st_size)
    }

    deinit { close(descriptor) }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = pread(descriptor, base, buffer.count, off_t(offset))
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            throw CSVError(file: displayName, reason: "read failed: \(Self.systemMessage(code))")
        }
    }

    static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

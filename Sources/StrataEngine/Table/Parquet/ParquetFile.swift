#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open Parquet file: its size, its decoded footer, and positioned reads of byte ranges
/// (`pread`, safe from several threads at once), so only the column chunks asked for are read.
final class ParquetFile: @unchecked Sendable {
    let path: String
    let size: Int
    let metadata: ParquetFileMetadata
    let schema: ParquetSchema
    private let descriptor: Int32

    /// A footer larger than this is refused before it is read (real footers are kilobytes).
    static let maxFooterBytes = 256 << 20

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw ParquetError(file: path, reason: reason)
        }
        descriptor = fd
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw ParquetError(file: path, reason: "cannot read its size")
        }
        size = Int(info.st_size)
        do {
            (metadata, schema) = try Self.readFooter(fd: fd, size: size, path: path)
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(descriptor) }

    private static func readFooter(fd: Int32, size: Int, path: String) throws -> (ParquetFileMetadata, ParquetSchema) {
        let notParquet = "is not a Parquet file"
        guard size >= 12 else {
            throw ParquetError(file: path, reason: "\(notParquet): it has only \(size) bytes", suggestion: "a Parquet file starts and ends with PAR1")
        }
        let head = try read(fd: fd, offset: 0, count: 4, path: path)
        let tail = try read(fd: fd, offset: size - 8, count: 8, path: path)
        guard head == ParquetMagic.bytes else {
            throw ParquetError(file: path, reason: "\(notParquet): it does not start with PAR1", suggestion: "load reads CSV and Parquet; check the file's extension")
        }
        guard Array(tail[4..<8]) == ParquetMagic.bytes else {
            throw ParquetError(file: path, reason: "\(notParquet) or it is cut off: it does not end with PAR1",
                               suggestion: "the file may still be being written, or was truncated")
        }
        let footerLength = Int(tail[0]) | Int(tail[1]) << 8 | Int(tail[2]) << 16 | Int(tail[3]) << 24
        guard footerLength > 0, footerLength <= size - 12, footerLength <= maxFooterBytes else {
            throw ParquetError(file: path, reason: "the footer claims \(footerLength) bytes in a file of \(size) bytes")
        }
        let footer = try read(fd: fd, offset: size - 8 - footerLength, count: footerLength, path: path)
        do {
            var reader = ThriftCompactReader(bytes: footer)
            let metadata = try ParquetFileMetadata(try reader.readStruct())
            let schema = try ParquetSchema(metadata.schema)
            for (index, group) in metadata.rowGroups.enumerated() where group.columns.count != schema.leaves.count {
                throw ParquetError.Corrupt("row group \(index + 1) has \(group.columns.count) column chunks for \(schema.leaves.count) columns")
            }
            return (metadata, schema)
        } catch let corrupt as ParquetError.Corrupt {
            throw ParquetError(file: path, reason: "the footer is corrupt: \(corrupt.reason)")
        }
    }

    /// The bytes of `count` bytes at `offset`, which must lie inside the file.
    func read(offset: Int64, count: Int64, what: String) throws -> [UInt8] {
        guard offset >= 4, count >= 0, offset <= Int64(size), count <= Int64(size) - offset else {
            throw ParquetError(file: path, reason: "\(what) lies outside the file (bytes \(offset)–\(offset &+ count) of \(size))")
        }
        return try Self.read(fd: descriptor, offset: Int(offset), count: Int(count), path: path)
    }

    /// Reads straight into uninitialized memory (zero-filling megabytes of column chunk first only
    /// cost time); the array holds bytes only once all `count` of them were read.
    private static func read(fd: Int32, offset: Int, count: Int, path: String) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ParquetError(file: path, reason: "read failed: " + String(cString: strerror(errno)))
                }
                if n == 0 { throw ParquetError(file: path, reason: "the file ended early (it may have changed while being read)") }
                done += n
            }
            initialized = count
        }
    }
}

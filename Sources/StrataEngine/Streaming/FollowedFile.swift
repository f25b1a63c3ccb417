#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file that is still being written (`tail -f`): each read returns the complete lines
/// appended since the last one. A last line without its line break is left for the next read, so a
/// row the writer has only half written is never parsed. Rows after the first read are parsed with
/// the column types the first read found, so a column never changes type between reads.
///
/// The file must only grow. When it is shorter than what was read, replaced by another file, or
/// its header line changed, the read fails with a message saying which; nothing is read from it.
/// A quoted field holding a line break can be split between reads; followed logs should not have one.
public struct FollowedFile: Sendable {
    public let path: String
    /// Bytes of complete lines consumed so far, header included.
    public private(set) var offset: Int
    private let header: [UInt8]
    private let identity: FileIdentity
    private let types: [String: DataType]
    private let options: CSVOptions

    /// Reads the complete lines the file holds now.
    public static func open(path: String, options: CSVOptions = CSVOptions(), context: RunContext) throws -> (FollowedFile, Table) {
        let identity = try FileIdentity(path: path)
        let bytes = try readBytes(path, from: 0)
        guard let headerEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
            throw CSVError(file: path, reason: "has no complete header line yet",
                           suggestion: "wait until the writer has written the header, then stream again")
        }
        let complete = completeLength(bytes)
        let result = try CSVReader.read(bytes: Array(bytes[0..<complete]), name: path, options: options, context: context)
        var types: [String: DataType] = [:]
        for c in result.table.columns { types[c.name] = c.type }
        var fixed = options
        fixed.typeOverrides.merge(types) { given, _ in given }
        let file = FollowedFile(path: path, offset: complete, header: Array(bytes[0...headerEnd]), identity: identity,
                                types: types, options: fixed)
        return (file, result.table)
    }

    /// The complete lines appended since the last read, as a table with the first read's columns;
    /// nil when no complete line has been added.
    public func readAppended(context: RunContext) throws -> (FollowedFile, Table?) {
        let now = try FileIdentity(path: path)
        guard now.sameFile(as: identity) else {
            throw EngineError("'\(path)' was replaced by another file while it was followed",
                              suggestion: "stream it again from the start under a new name")
        }
        guard now.size >= offset else {
            throw EngineError("'\(path)' was truncated while it was followed: it has \(now.size) bytes, \(offset) were already read",
                              suggestion: "a followed file may only grow; stream it again from the start under a new name")
        }
        guard now.size > offset else { return (self, nil) }
        let start = try Self.readBytes(path, from: 0, count: header.count)
        guard start == header else {
            throw EngineError("'\(path)' was rewritten while it was followed: its header line changed",
                              suggestion: "stream it again from the start under a new name")
        }
        let added = try Self.readBytes(path, from: offset)
        let complete = Self.completeLength(added)
        guard complete > 0 else { return (self, nil) }
        let result = try CSVReader.read(bytes: header + added[0..<complete], name: path, options: options, context: context)
        var next = self
        next.offset += complete
        return (next, result.table)
    }

    private init(path: String, offset: Int, header: [UInt8], identity: FileIdentity, types: [String: DataType], options: CSVOptions) {
        self.path = path
        self.offset = offset
        self.header = header
        self.identity = identity
        self.types = types
        self.options = options
    }

    /// Up to and including the last line break.
    private static func completeLength(_ bytes: [UInt8]) -> Int {
        bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    }

    private static func readBytes(_ path: String, from offset: Int, count: Int? = nil) throws -> [UInt8] {
        let source = try CSVFileSource(path: path)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var at = offset
        while count.map({ out.count < $0 }) ?? true {
            let n = try buffer.withUnsafeMutableBytes { try source.read(at: at, into: $0) }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            at += n
        }
        if let count, out.count > count { out.removeLast(out.count - count) }
        return out
    }
}

/// Which file a path names and how big it is, to tell growth from truncation or replacement.
struct FileIdentity: Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int

    init(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw EngineError("cannot read '\(path)' any more (it was removed or moved)",
                              suggestion: "stream it again once the file is back")
        }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
    }

    func sameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }
}

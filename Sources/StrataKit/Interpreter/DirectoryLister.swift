#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory entry offered by path completion.
public struct PathEntry: Sendable, Equatable {
    public var name: String
    /// True for directories and for links to them, so completion can continue inside.
    public var isDirectory: Bool

    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// Lists a directory for path completion. Injected so completion can be tested without
/// depending on what happens to be on disk.
public struct DirectoryLister: Sendable {
    private let body: @Sendable (String) -> [PathEntry]

    public init(_ list: @escaping @Sendable (String) -> [PathEntry]) { body = list }

    /// Entries of `path`; empty when it cannot be read.
    public func list(_ path: String) -> [PathEntry] { body(path) }

    /// The real file system; relative paths are relative to the current directory.
    public static let fileSystem = DirectoryLister { path in
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        let base = path.hasSuffix("/") ? path : path + "/"
        var entries: [PathEntry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            var info = stat()
            // stat, not lstat: a link to a directory completes like a directory.
            let isDirectory = stat(base + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            entries.append(PathEntry(name: name, isDirectory: isDirectory))
        }
        return entries
    }
}

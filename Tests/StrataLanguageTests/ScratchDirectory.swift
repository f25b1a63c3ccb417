import Foundation

/// A fresh folder under the system temporary directory, removed when the value goes away.
final class ScratchDirectory {
    let path: String

    init(_ label: String) throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("strata-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A fresh folder for helpers that hand back a path rather than a value to hold: it lives in
    /// one folder per test process, removed when the process exits, so a run leaves nothing behind.
    static func forTheRun(_ label: String) throws -> String {
        let path = runRoot + "/" + label + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static let runRoot: String = {
        atexit { try? FileManager.default.removeItem(atPath: ScratchDirectory.runRootPath) }
        return runRootPath
    }()

    private static var runRootPath: String { NSTemporaryDirectory() + "strata-tests-\(getpid())" }

    /// Writes `bytes` to `name` in the folder and returns the full path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, bytes: Array(text.utf8)) }
}


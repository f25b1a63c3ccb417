import Foundation

/// Reading a script or session file, with errors that say what is wrong with the path.
public enum SessionSource {
    public static func read(_ path: String, span: SourceSpan? = nil) throws -> SessionDocument {
        func fail(_ message: String, _ suggestion: String? = nil) -> any Error {
            if let span { return SyntaxError(message, at: span, suggestion: suggestion) }
            return EngineError(message, suggestion: suggestion)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no file '\(path)'", "check the path and the current directory")
        }
        guard !isDirectory.boolValue else { throw fail("'\(path)' is a directory, not a script") }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot read '\(path)'") }
        return SessionDocument(text: String(decoding: data, as: UTF8.self))
    }
}

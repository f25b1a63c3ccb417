import Foundation

/// The files being replayed, outermost first: `strata run a.strata` whose `run "b.strata"` is
/// running has the chain a.strata → b.strata. Entering a file already in the chain, or nesting
/// deeper than `maximumDepth`, is refused, so a script that runs itself stops with an error
/// instead of recursing until the stack overflows.
public struct RunChain: Sendable, Equatable {
    /// Files nested deeper than this are refused even without a cycle; each level costs stack.
    public static let maximumDepth = 8

    private struct File: Sendable, Equatable {
        /// As written, for messages.
        let path: String
        /// Absolute, with `.`, `..` and symbolic links resolved: one file however it is named.
        let identity: String
    }

    private var files: [File] = []

    public init() {}

    public var isEmpty: Bool { files.isEmpty }
    public var paths: [String] { files.map(\.path) }

    /// The chain with `path` entered, or an error naming the chain when `path` is already in it or
    /// the chain is as deep as allowed.
    public func entering(_ path: String) throws(RunChainError) -> RunChain {
        let file = File(path: path, identity: Self.identity(of: path))
        let shown = (paths + [path]).joined(separator: " → ")
        if files.contains(where: { $0.identity == file.identity }) {
            throw RunChainError(message: "run cycle: \(shown)", suggestion: "a script cannot run itself, directly or through another")
        }
        guard files.count < Self.maximumDepth else {
            throw RunChainError(message: "run nested too deeply: \(shown)",
                                suggestion: "scripts may run others at most \(Self.maximumDepth) deep")
        }
        var next = self
        next.files.append(file)
        return next
    }

    private static func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// A `run "FILE"` that would enter a file already being replayed, or nest too deeply.
public struct RunChainError: UserFacingError {
    public let message: String
    public let suggestion: String?
}

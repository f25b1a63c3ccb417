/// Thrown by long-running engine work when the user asked to stop (Ctrl-C in the REPL).
public struct CancelledError: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "cancelled" }
}

/// A cooperative cancellation probe. The engine never installs signal handlers; whoever runs it
/// (the REPL) supplies a cheap function that says whether the user asked to stop.
public struct Cancellation: Sendable {
    private let probe: @Sendable () -> Bool

    public init(_ probe: @escaping @Sendable () -> Bool) { self.probe = probe }

    public static let never = Cancellation { false }

    public var isCancelled: Bool { probe() }

    /// Call from long loops (every few thousand rows or once per iteration).
    @inline(__always)
    public func check() throws {
        if probe() { throw CancelledError() }
    }
}

/// Where long work reports how far it got. The engine only reports; the REPL draws a bar on stderr,
/// and batch runs ignore it, so no progress ever reaches recorded output.
public protocol ProgressSink: Sendable {
    /// A new task begins. `total` is nil when the amount of work is unknown.
    func begin(_ label: String, total: Int?, unit: String)
    /// Work done so far, in the task's unit.
    func update(_ completed: Int)
    /// The task finished (or failed); the bar should disappear.
    func end()
    /// True when `board` is drawn live (a terminal); false in batch runs, where a command prints
    /// snapshots in its output instead so recorded output stays the same on every run.
    var drawsBoard: Bool { get }
    /// A few lines redrawn in place of the previous ones (`stream … board=yes`); the sink limits
    /// how often it redraws. `end()` removes them.
    func board(_ lines: [String])
}

extension ProgressSink {
    public var drawsBoard: Bool { false }
    public func board(_ lines: [String]) {}
}

public struct SilentProgress: ProgressSink {
    public init() {}
    public func begin(_ label: String, total: Int?, unit: String) {}
    public func update(_ completed: Int) {}
    public func end() {}
}

/// Everything long-running engine work needs from its caller.
public struct RunContext: Sendable {
    public var cancellation: Cancellation
    public var progress: any ProgressSink

    public init(cancellation: Cancellation = .never, progress: any ProgressSink = SilentProgress()) {
        self.cancellation = cancellation
        self.progress = progress
    }

    public static let quiet = RunContext()
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataEngine

/// Feeds a stream's events to its consumers, a whole chunk at a time, until the log (or `until`)
/// is used up, or, when following a file, until it stays idle or the user presses Ctrl-C.
struct StreamRun {
    var stream: StreamObject
    let chunkSize: Int
    /// The last second applied: the end of the day before `until=`.
    let until: Int64?
    let follow: Bool
    let idleSeconds: Double
    let board: StreamBoard?

    var applied = 0
    var chunks = 0
    var stoppedBy: String?
    var warnings: [String] = []
    var snapshots: [Table] = []
    var seconds = 0.0

    mutating func run(_ context: RunContext) {
        let clock = ContinuousClock()
        let started = clock.now
        defer {
            seconds = Self.seconds(clock.now - started)
            context.progress.end()
        }
        reading: while stoppedBy == nil {
            while let chunk = stream.cursor.nextChunk(in: stream.log, size: chunkSize, until: until) {
                do {
                    try context.cancellation.check()
                    try apply(chunk, context)
                } catch is CancelledError {
                    stoppedBy = "Ctrl-C"
                    break reading
                } catch {
                    stoppedBy = "an error"
                    warnings.append("stopped before rows \(stream.log.events[chunk.lowerBound].row + 1)…: \(Self.describe(error))")
                    break reading
                }
                board?.show(self, elapsed: Self.seconds(clock.now - started), context: context, snapshots: &snapshots)
            }
            guard follow, case .file = stream.source else { break }
            if let until, let next = stream.log.events.dropFirst(stream.cursor.position).first, next.time > until { break }
            guard waitForRows(context) else { break }
        }
        if stoppedBy == nil, let until, stream.cursor.nextChunk(in: stream.log, size: 1, until: until) == nil {
            stream.cursor.stop(at: until)
            stream.profiles = stream.profiles.clockAdvanced(to: until, log: stream.log)
            stream.others = stream.others.map { $0.clockAdvanced(to: until, log: stream.log) }
        }
    }

    /// Every consumer takes the chunk, or none does: the new values replace the old only when all succeeded.
    private mutating func apply(_ chunk: Range<Int>, _ context: RunContext) throws {
        let events = stream.log.events[chunk]
        let profiles = try stream.profiles.consuming(events, log: stream.log, context: context)
        let others = try stream.others.map { try $0.consuming(events, log: stream.log, context: context) }
        stream.profiles = profiles
        stream.others = others
        stream.cursor.advance(over: chunk, in: stream.log)
        applied += chunk.count
        chunks += 1
    }

    /// Polls the followed file every 0.1 s until complete rows arrive (true), or it stays idle for
    /// `idleSeconds`, the user presses Ctrl-C, or the file can no longer be followed (false).
    private mutating func waitForRows(_ context: RunContext) -> Bool {
        guard case .file(let file) = stream.source else { return false }
        let clock = ContinuousClock()
        let started = clock.now
        while true {
            if context.cancellation.isCancelled { stoppedBy = "Ctrl-C"; return false }
            do {
                let (next, table) = try file.readAppended(context: context)
                if let table {
                    let (log, report) = try stream.log.appending(table, context: context)
                    stream.log = log
                    stream.source = .file(next)
                    warnings += report.warnings
                    return true
                }
            } catch {
                stoppedBy = "a change to the file"
                warnings.append(Self.describe(error))
                return false
            }
            if Self.seconds(clock.now - started) >= idleSeconds { stoppedBy = "idle timeout"; return false }
            usleep(100_000)
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? any UserFacingError { return e.suggestion.map { "\(e.message) (\($0))" } ?? e.message }
        return String(describing: error)
    }
}

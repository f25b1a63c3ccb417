import Foundation
import Synchronization
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `stream`: resume equals one pass, bad rows are counted and named, a followed file is read as a
/// writer process appends to it (a half-written line waits), truncation stops it with a message,
/// and Ctrl-C stops between whole chunks.
@Suite(.serialized) struct StreamCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func text(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        switch i.execute(line) {
        case .success(let o): return OutputRenderer.render(o, style: RenderStyle(width: 200, ascii: false, color: false))
        case .failure(let m): Issue.record("failed: \(line): \(m)", sourceLocation: sourceLocation); return m
        default: return ""
        }
    }

    static func stream(_ i: Interpreter, _ name: String) throws -> StreamObject {
        guard case .object(let o)? = i.workspace[name], let s = o as? StreamObject else { throw EngineError("no stream \(name)") }
        return s
    }

    static func temporaryDirectory() throws -> String {
        try ScratchDirectory.forTheRun("stream")
    }

    /// Runs `script` in sh with the file as $1, in the background.
    static func writer(_ script: String, _ path: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script, "sh", path]
        try p.run()
        return p
    }

    static func events() throws -> Interpreter {
        let i = Interpreter(registry: StandardCommands.registry, workspace: Workspace())
        guard case .success = i.execute("load \"\(root)/datasets/events.csv\" as events") else { throw EngineError("events did not load") }
        return i
    }

    @Test func resumingGivesTheSameProfilesAndMovesAsOnePass() throws {
        let i = try Self.events()
        _ = Self.text(i, "stream events purchase=purchase chunk=500 until=2025-01-01 as whole")
        _ = Self.text(i, "stream events purchase=purchase chunk=700 until=2024-12-10 as parts")
        let first = try Self.stream(i, "parts")
        #expect(first.cursor.clock == CivilCalendar.days(year: 2024, month: 12, day: 10) * 86_400 - 1)
        let out = Self.text(i, "stream events until=2025-01-01 as parts")
        #expect(out.contains("parts: continued table events"))
        let whole = try Self.stream(i, "whole"), parts = try Self.stream(i, "parts")
        #expect(parts.cursor.position == whole.cursor.position)
        #expect(parts.profiles.moves == whole.profiles.moves)
        #expect(parts.profiles.segment == whole.profiles.segment)
        #expect(parts.profiles.clusters == whole.profiles.clusters)
        #expect(i.workspace.table("parts.moves")?.rowCount == whole.profiles.moves.count)
    }

    /// A continued stream warns about shaping options only when they differ from the ones it was
    /// made with; repeating them (as a re-run cell does) is quiet.
    @Test func continuingWarnsOnlyAboutChangedSettings() throws {
        let i = try Self.events()
        _ = Self.text(i, "stream events purchase=purchase k=3 until=2024-12-10 as s")
        let same = Self.text(i, "stream events purchase=purchase k=3 until=2024-12-20 as s")
        #expect(!same.contains("only shape a new stream"))
        let changed = Self.text(i, "stream events purchase=purchase k=5 until=2025-01-01 as s")
        #expect(changed.contains("k= only shape a new stream"))
        #expect(!changed.contains("purchase="))
    }

    @Test func countsAndNamesBadRows() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bad.csv"
        try """
            user_id,item_id,event,timestamp
            1,10,view,2024-01-01 10:00:00
            2,11,view,2024-01-01 09:00:00
            3,12,refund,2024-01-01 11:00:00
            4,13,view,
            5,14,purchase,2024-01-02 10:00:00

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let i = Interpreter(registry: StandardCommands.registry, workspace: Workspace())
        let out = Self.text(i, "stream \"\(path)\" types=view,purchase k=0 as s")
        #expect(out.contains("1 row out of time order (first: row 2); rule applied: stable sort by time"))
        #expect(out.contains("1 row of unknown event type 'refund' skipped (first: row 3)"))
        #expect(out.contains("1 row with no time skipped (first: row 4)"))
        #expect(try Self.stream(i, "s").cursor.position == 3)
        // A failed stream changes nothing.
        guard case .failure(let message) = i.execute("stream \"\(path)\" purchase=buy as t") else { Issue.record("no failure"); return }
        #expect(message.contains("no events of type 'buy'"))
        #expect(i.workspace["t"] == nil)
    }

    @Test func followsAFileAsAWriterAppendsIncludingAHalfWrittenLine() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/live.csv"
        try "user_id,item_id,event,timestamp\n1,10,view,2024-01-01 10:00:00\n".write(toFile: path, atomically: true, encoding: .utf8)
        // The writer appends whole rows, then half a row, and finishes it later.
        let writer = try Self.writer("""
            sleep 0.4; printf '2,11,view,2024-01-01 11:00:00\\n3,12,view,2024-01-01 12:00:00\\n' >> "$1"
            sleep 0.4; printf '4,13,purchase,2024-01-0' >> "$1"
            sleep 0.6; printf '2 09:30:00\\n5,14,view,2024-01-02 10:00:00\\n' >> "$1"
            """, path)
        let i = Interpreter(registry: StandardCommands.registry, workspace: Workspace())
        let out = Self.text(i, "stream \"\(path)\" follow=yes idle=1.5 chunk=1 k=0 as live")
        writer.waitUntilExit()
        let s = try Self.stream(i, "live")
        #expect(s.cursor.position == 5)
        #expect(s.log.report.skipped == 0)
        let half = try #require(s.log.events.first { s.log.vocabulary.users.text(of: $0.user) == "4" })
        #expect(half.time == CivilCalendar.days(year: 2024, month: 1, day: 2) * 86_400 + 9 * 3600 + 30 * 60)
        #expect(out.contains("stopped by idle timeout"))
    }

    @Test func aTruncatedFileStopsFollowingWithAMessage() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/live.csv"
        try "user_id,item_id,timestamp\n1,10,2024-01-01 10:00:00\n2,11,2024-01-01 11:00:00\n".write(toFile: path, atomically: true, encoding: .utf8)
        let writer = try Self.writer("sleep 0.4; printf 'user_id,item_id,timestamp\\n' > \"$1\"", path)
        let i = Interpreter(registry: StandardCommands.registry, workspace: Workspace())
        let out = Self.text(i, "stream \"\(path)\" follow=yes idle=3 k=0 as live")
        writer.waitUntilExit()
        #expect(out.contains("was truncated while it was followed"))
        #expect(try Self.stream(i, "live").cursor.position == 2)
    }

    @Test func ctrlCStopsBetweenWholeChunks() throws {
        let i = try Self.events()
        _ = Self.text(i, "stream events chunk=100 k=0 until=2024-12-01 as s")
        var run = StreamRun(stream: try Self.stream(i, "s"), chunkSize: 100, until: nil, follow: false, idleSeconds: 1, board: nil)
        let probes = Atomic<Int>(0)
        // Each chunk is looked at twice (before it, and by the profiles at its first event). The 8th
        // look says "stop" inside the 4th chunk: that chunk is dropped whole, three stay applied.
        run.run(RunContext(cancellation: Cancellation { probes.add(1, ordering: .relaxed).newValue > 7 }))
        #expect(run.stoppedBy == "Ctrl-C")
        #expect(run.stream.cursor.position == 300)
        #expect(run.chunks == 3)
    }
}

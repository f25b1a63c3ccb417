import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal is abandoned exactly when no live process holds its lock, whatever its pid says.
@Suite struct JournalLockTests {
    private static let flockTool = "/usr/bin/flock"

    private static func directory() throws -> String {
        try ScratchDirectory.forTheRun("journal-lock")
    }

    private static func writeJournal(_ path: String) throws {
        try "# strata session 1\n\nload \"x.csv\" as x\n#> x: 1 rows × 1 columns\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func ownJournalIsLiveAndAStaleOneUnderAnyPidIsAbandoned() throws {
        let dir = try Self.directory()
        guard let journal = Journal(directory: dir, seed: 1) else { Issue.record("no journal"); return }
        #expect(!Journal.isAbandoned(journal.path), "this process holds its own journal's lock")
        // Named after this very pid, as a crashed process whose pid came back would leave it.
        let stale = dir + "/journal-\(getpid())-old.strata"
        try Self.writeJournal(stale)
        #expect(Journal.isAbandoned(stale))
        #expect(Journal.abandoned(in: dir).map(\.path) == [stale])
    }

    @Test func aJournalLeftUnderThisPidIsNotOverwritten() throws {
        let dir = try Self.directory()
        let leftOver = dir + "/journal-\(getpid()).strata"
        try Self.writeJournal(leftOver)
        guard let journal = Journal(directory: dir, seed: 1) else { Issue.record("no journal"); return }
        #expect(journal.path != leftOver)
        #expect(try String(contentsOfFile: leftOver, encoding: .utf8).contains("load \"x.csv\" as x"))
        #expect(Journal.abandoned(in: dir).map(\.path) == [leftOver])
    }

    /// A child process takes the lock the way a session does (`flock(2)` on an open file that stays
    /// open in `sleep`); while it lives the journal is not abandoned, and once it is SIGKILLed it is,
    /// already before it is reaped, while it is a zombie whose pid still exists.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: flockTool)))
    func journalOfAKilledUnreapedProcessIsAbandoned() throws {
        let dir = try Self.directory()
        let file = dir + "/journal-2147483001.strata"
        try Self.writeJournal(file)
        let ready = dir + "/locked"
        let script = "exec 9>>\"$1\"; \(Self.flockTool) -x 9; : > \"$2\"; exec sleep 60"
        // posix_spawn rather than Process, which may reap its child on its own.
        var pid: pid_t = 0
        let argv = ["/bin/sh", "-c", script, "sh", file, ready]
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ)
        try #require(spawned == 0)
        var reaped = false
        defer {
            if !reaped {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
        }
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: ready) { usleep(10_000) }
        #expect(FileManager.default.fileExists(atPath: ready), "the child took the lock")

        #expect(!Journal.isAbandoned(file), "a live process holds the lock")
        #expect(Journal.abandoned(in: dir).isEmpty)

        kill(pid, SIGKILL)
        // Not reaped yet: a zombie, whose pid still answers kill(pid, 0).
        var abandoned = false
        for _ in 0..<500 {
            if Journal.isAbandoned(file) { abandoned = true; break }
            usleep(10_000)
        }
        #expect(kill(pid, 0) == 0, "the killed child is a zombie until it is reaped")
        #expect(abandoned, "the lock goes with the process, before it is reaped")
        #expect(Journal.abandoned(in: dir).map(\.path) == [file])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        reaped = true
    }
}

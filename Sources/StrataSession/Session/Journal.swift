import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's crash insurance: every cell that a saved session would keep is appended to a journal
/// file and flushed to disk as soon as it finishes, so a killed process loses at most the command
/// that was running. A clean exit moves the journal to `last-session.strata`; a journal whose
/// process is gone was left by a crash, and the next start offers it to `recover`.
///
/// "Gone" is decided by an advisory lock (`flock`) that the session holds on its journal for as
/// long as it lives, not by asking whether its pid runs: a killed process that its parent has not
/// yet reaped (a zombie) still has a pid, and so may an unrelated process that reused it, but the
/// kernel drops a dead process's locks as it exits. A journal whose lock can be taken is abandoned.
public final class Journal {
    public let path: String
    private let fd: Int32
    private var unsavedCells = 0

    public static let lastSessionName = "last-session.strata"
    /// Written after `save session`; recovery leaves these lines out of the cells it restores.
    public static let savedMarker = "# journal: saved to "

    /// `$STRATA_HOME/journal`, else `~/.strata/journal`; nil when there is no home.
    public static func defaultDirectory() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let home = env["STRATA_HOME"], !home.isEmpty { return home + "/journal" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.strata/journal" }
        return nil
    }

    /// Opens a new journal for this process; nil (the REPL goes on without one) when it cannot be written.
    public init?(directory: String, seed: UInt64) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return nil
        }
        // Locked before it takes its name, so that another session scanning the directory never
        // sees it unlocked; linked rather than renamed so that a journal left under the same name
        // by an earlier process with this pid is never overwritten.
        let pending = "\(directory)/.journal-\(getpid()).pending"
        unlink(pending)
        let descriptor = open(pending, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        defer { unlink(pending) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        var candidate = "\(directory)/journal-\(getpid()).strata"
        var attempt = 1
        while link(pending, candidate) != 0 {
            attempt += 1
            guard errno == EEXIST, attempt <= 100 else {
                close(descriptor)
                return nil
            }
            candidate = "\(directory)/journal-\(getpid())-\(attempt).strata"
        }
        path = candidate
        fd = descriptor
        append(SessionHeader.forSaving(seed: seed, inputs: []).lines().joined(separator: "\n") + "\n")
    }

    deinit { close(fd) }

    /// Appends a cell if a saved session would keep it, and flushes it to disk before returning.
    public func record(_ cell: Cell) {
        guard cell.isSaved else { return }
        append(SessionDocument.render(cells: [cell], header: SessionHeader()).split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().joined(separator: "\n"))
        unsavedCells += 1
    }

    /// After `save session`: what the journal holds so far is safe elsewhere.
    public func markSaved(to file: String) {
        append("\(Self.savedMarker)\(SessionText.quoted(file))\n")
        unsavedCells = 0
    }

    /// On a clean exit: keep the session as `last-session.strata` for reference, not for recovery.
    public func finish() {
        let target = (path as NSString).deletingLastPathComponent + "/" + Self.lastSessionName
        _ = rename(path, target)
    }

    private func append(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
        fsync(fd)
    }

    // MARK: finding journals left by crashes

    public struct Abandoned: Sendable {
        public let path: String
        /// Commands after the last save.
        public let unsavedCells: Int
        public let cells: Int
    }

    /// Journals whose session no longer runs and which hold commands that were never saved, newest first.
    public static func abandoned(in directory: String) -> [Abandoned] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var found: [(Abandoned, Date)] = []
        for name in names where name.hasPrefix("journal-") && name.hasSuffix(".strata") {
            let file = directory + "/" + name
            guard isAbandoned(file) else { continue }
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            let (cells, unsaved) = counts(text)
            let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? Date.distantPast
            if unsaved == 0 {
                try? FileManager.default.removeItem(atPath: file)
                continue
            }
            found.append((Abandoned(path: file, unsavedCells: unsaved, cells: cells), modified))
        }
        return found.sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// True when no live session holds the journal's lock. This process's own journal counts as
    /// live too: `flock` locks belong to an open file, so a second open of it cannot take the lock.
    public static func isAbandoned(_ file: String) -> Bool {
        let probe = open(file, O_RDONLY | O_CLOEXEC)
        guard probe >= 0 else { return false }
        defer { close(probe) }
        guard flock(probe, LOCK_EX | LOCK_NB) == 0 else { return false }
        _ = flock(probe, LOCK_UN)
        return true
    }

    private static func counts(_ text: String) -> (cells: Int, unsaved: Int) {
        let document = SessionDocument(text: text)
        var unsaved = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lastSave = lines.lastIndex { $0.hasPrefix(savedMarker) }.map { $0 + 1 } ?? 0
        for entry in document.entries where entry.line > lastSave { unsaved += 1 }
        return (document.entries.count, unsaved)
    }
}

import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads `FixedChunks.forEach` runs on: they stay awake for a moment between parallel loops.
///
/// `DispatchQueue.concurrentPerform` lets its threads sleep as soon as a loop ends, and waking one
/// cost about 50 µs on the 2-core virtual machines this project is measured on: longer than many of
/// gradient boosting's loops on 40,000 rows (a histogram, a partition), so two threads fitted no
/// faster than one. These workers spin for a short while after each loop, as OpenMP's threads do
/// in LightGBM and scikit-learn, and only then sleep. One loop at a time has them; a loop started
/// while they are busy (a loop inside a loop, or another thread's) goes to `concurrentPerform`.
///
/// Which thread runs which chunk never matters: chunks decide results, threads only run them.
final class SpinningWorkers: @unchecked Sendable {
    static let shared = SpinningWorkers(threads: FixedChunks.threadCount - 1)

    /// How long an idle worker spins before it sleeps: long enough to cover the serial step between
    /// two loops of one algorithm, short enough that an idle session costs nothing.
    static let spinNanoseconds: UInt64 = 300_000

    private let threads: Int
    /// Claimed by the one loop that has the workers.
    private let busy = Atomic<Bool>(false)
    /// Bumped once per loop; a worker that sees it change runs that loop's share.
    private let generation = Atomic<Int>(0)
    /// Workers still running the current loop.
    private let unfinished = Atomic<Int>(0)
    /// Bit `w` set while worker `w` sleeps (or is about to) on `wakeups[w]`.
    private let sleepers = Atomic<Int>(0)
    private let wakeups: [DispatchSemaphore]
    /// The current loop; written before `generation` is bumped and cleared after every worker has
    /// finished, so the handshake on `generation` and `unfinished` orders every access.
    private var job: Job?

    private struct Job {
        let body: (Int) -> Void
        let iterations: Int
    }

    init(threads: Int) {
        // One bit per worker in `sleepers`.
        self.threads = max(0, min(threads, Int.bitWidth - 2))
        wakeups = (0...self.threads).map { _ in DispatchSemaphore(value: 0) }
        for index in stride(from: 1, through: self.threads, by: 1) {
            let thread = Thread { self.work(as: index) }
            thread.stackSize = 8 << 20
            thread.name = "strata-worker-\(index)"
            thread.start()
        }
    }

    /// `body(i)` for every `i` in `0..<iterations`, each on its own thread, the caller's among them;
    /// returns when all have returned.
    func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        guard iterations > 1, iterations <= threads + 1,
              busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
            return
        }
        withoutActuallyEscaping(body) { body in
            job = Job(body: body, iterations: iterations)
            unfinished.store(threads, ordering: .relaxed)
            generation.add(1, ordering: .sequentiallyConsistent)
            let asleep = sleepers.exchange(0, ordering: .sequentiallyConsistent)
            for worker in stride(from: 1, through: threads, by: 1) where asleep & (1 << worker) != 0 {
                wakeups[worker].signal()
            }
            body(0)
            var spins = 0
            while unfinished.load(ordering: .acquiring) > 0 {
                spins += 1
                if spins > 4_096 { sched_yield() }
            }
            job = nil
        }
        busy.store(false, ordering: .releasing)
    }

    private func work(as index: Int) {
        var seen = 0
        let bit = 1 << index
        while true {
            var current = generation.load(ordering: .acquiring)
            let idleSince = DispatchTime.now().uptimeNanoseconds
            var spins = 0
            while current == seen {
                spins += 1
                if spins & 255 != 0 || DispatchTime.now().uptimeNanoseconds - idleSince < Self.spinNanoseconds {
                    current = generation.load(ordering: .acquiring)
                    continue
                }
                // Sleep. Announce it first, then look once more: either this worker sees the new
                // loop or the loop's starter sees the announcement (both are sequentially
                // consistent), so no loop is missed.
                sleepers.bitwiseOr(bit, ordering: .sequentiallyConsistent)
                current = generation.load(ordering: .sequentiallyConsistent)
                if current != seen {
                    let before = sleepers.bitwiseAnd(~bit, ordering: .sequentiallyConsistent).oldValue
                    // The starter already took the announcement and signals: take that signal.
                    if before & bit == 0 { wakeups[index].wait() }
                } else {
                    wakeups[index].wait()
                    current = generation.load(ordering: .acquiring)
                }
                spins = 0
            }
            seen = current
            runShare(as: index)
            unfinished.subtract(1, ordering: .releasing)
        }
    }

    /// This worker's share of the current loop. A function of its own so that its hold on the loop's
    /// body ends when it returns, before `unfinished` says so: `perform` lends the body through
    /// `withoutActuallyEscaping`, which traps if anything still holds it at the end.
    @inline(never)
    private func runShare(as index: Int) {
        if let job, index < job.iterations { job.body(index) }
    }
}

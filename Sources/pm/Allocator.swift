import Foundation

/// jemalloc's settings for pm, when the build links it (`make build`; see the Makefile).
///
/// jemalloc keeps the pages a program frees for ten seconds before it gives them back to the
/// system, in case they are wanted again. `pm report` frees the text, tree and findings of every
/// document it reads, and over a long report those pages were a tenth of its peak memory: a
/// report of 50,000 documents peaked at 69.0 and 70.5 MB with ten seconds and at 63.9 and 63.0 MB
/// with one, alternating, in the same wall time (Benchmarks/results.md, stop 40; when reports
/// peaked above 100 MB, the difference was within the noise). pm asks for one second.
///
/// Nothing is changed when `MALLOC_CONF` is set in the environment (whoever set it chose), or when
/// the allocator is not jemalloc (`make build ALLOCATOR=`, the test and sanitizer builds):
/// `mallctl` is then not found in the process.
enum Allocator {
    /// How long freed pages are kept before they are given back, in milliseconds.
    static let dirtyDecayMilliseconds = 1000

    static func tune() {
        // getenv reads the one variable; `ProcessInfo.environment` copies them all into a
        // dictionary first, 1.4% of the instructions of `pm lint` on one file.
        guard getenv("MALLOC_CONF") == nil else { return }
        typealias Mallctl = @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                            UnsafeMutableRawPointer?, Int) -> Int32
        let process = dlopen(nil, RTLD_NOW)
        defer { if let process { dlclose(process) } }
        guard let symbol = dlsym(process, "mallctl") else { return }
        let mallctl = unsafeBitCast(symbol, to: Mallctl.self)
        var milliseconds = dirtyDecayMilliseconds
        // The default of the arenas made later (one per thread, up to a limit), then each arena
        // slot: only the first has an arena at this point, and the others refuse the setting, as
        // jemalloc's "all arenas" index does. A failure leaves jemalloc's default.
        _ = mallctl("arenas.dirty_decay_ms", nil, nil, &milliseconds, MemoryLayout<Int>.size)
        var arenas: UInt32 = 0
        var size = MemoryLayout<UInt32>.size
        guard mallctl("arenas.narenas", &arenas, &size, nil, 0) == 0 else { return }
        for arena in 0..<arenas {
            _ = mallctl("arena.\(arena).dirty_decay_ms", nil, nil, &milliseconds, MemoryLayout<Int>.size)
        }
    }
}

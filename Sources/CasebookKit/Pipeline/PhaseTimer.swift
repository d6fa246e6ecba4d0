/// Times the phases of a build and tells the caller as each starts (`--verbose`, the progress line).
final class PhaseTimer {
    private(set) var timings: [(String, Double)] = []
    private let onProgress: (@Sendable (String) -> Void)?
    private let clock = ContinuousClock()

    init(onProgress: (@Sendable (String) -> Void)?) {
        self.onProgress = onProgress
    }

    func time<T, E: Error>(_ phase: String, _ work: () throws(E) -> T) throws(E) -> T {
        onProgress?(phase)
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        timings.append((phase, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        return result
    }
}

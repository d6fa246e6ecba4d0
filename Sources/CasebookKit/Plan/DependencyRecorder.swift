/// Collects what one page read while its view was built. One recorder per page and thread: it is
/// never shared, so it needs no lock. A recorder that is not `recording` (a clean build) keeps
/// nothing and costs nothing.
final class DependencyRecorder {
    let recording: Bool
    private(set) var reads: Set<Dependency> = []

    init(recording: Bool) {
        self.recording = recording
    }

    @inline(__always) func note(_ dependency: Dependency) {
        if recording { reads.insert(dependency) }
    }
}

import CBuildStamp

/// The version printed by `casebook --version`, with the commit it was built from.
public enum CasebookVersion {
    public static let number = "0.1.0"
    /// Baked in by `.ci/release-archive`; empty in a plain `swift build`.
    public static let commit = String(cString: casebook_build_commit())
    public static let current = commit.isEmpty ? "\(number) (a development build: no commit recorded)" : "\(number) (commit \(commit))"
}

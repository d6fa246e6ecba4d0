/// The version printed by `casebook --version`.
public enum CasebookVersion {
    public static let current = "0.1.0"
}

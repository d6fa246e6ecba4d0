/// Keeps output readable when one mistake repeats: after `perKindInFile` problems of one code in one
/// file, and after `total` problems in all, the rest are counted, not printed — one line (a
/// `more-problems` diagnostic) says how many of each were left out, in every output format alike.
public struct DiagnosticLimit: Sendable {
    public var perKindInFile: Int
    public var total: Int

    public init(perKindInFile: Int = 20, total: Int = 200) {
        self.perKindInFile = perKindInFile
        self.total = total
    }

    /// `diagnostics` in order (sorted by location), with the problems over the limits replaced by
    /// summary lines: one where the first left-out problem of a kind in a file was, and one at the
    /// first problem past the total.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Kind: Hashable { var file: String; var code: DiagnosticCode }
        struct LeftOut { var at: Int; var count = 0; var severity = Diagnostic.Severity.warning }
        var shownOfKind: [Kind: Int] = [:]
        var leftOutOfKind: [Kind: LeftOut] = [:]
        var pastTotal = LeftOut(at: -1)
        var pastTotalFiles: Set<String> = []
        var shown: [Diagnostic?] = []
        shown.reserveCapacity(min(diagnostics.count, total + 16))
        var shownCount = 0
        for diagnostic in diagnostics {
            let kind = Kind(file: diagnostic.location.file, code: diagnostic.code)
            if shownOfKind[kind, default: 0] >= perKindInFile {
                if leftOutOfKind[kind] == nil {
                    leftOutOfKind[kind] = LeftOut(at: shown.count)
                    shown.append(diagnostic)  // replaced by the summary below
                }
                leftOutOfKind[kind]!.count += 1
                leftOutOfKind[kind]!.severity = max(leftOutOfKind[kind]!.severity, diagnostic.severity)
            } else if shownCount >= total {
                if pastTotal.at < 0 {
                    pastTotal.at = shown.count
                    shown.append(diagnostic)
                }
                pastTotal.count += 1
                pastTotal.severity = max(pastTotal.severity, diagnostic.severity)
                pastTotalFiles.insert(diagnostic.location.file)
            } else {
                shownOfKind[kind, default: 0] += 1
                shownCount += 1
                shown.append(diagnostic)
            }
        }
        for (kind, leftOut) in leftOutOfKind {
            let first = shown[leftOut.at]!
            shown[leftOut.at] = Diagnostic(leftOut.severity, first.location,
                "\(leftOut.count) more `\(kind.code.rawValue)` \(leftOut.count == 1 ? "problem" : "problems") in this file \(leftOut.count == 1 ? "is" : "are") not shown, from here on",
                hint: "the first \(perKindInFile) are above; fixing them usually fixes the rest (they are all \(kind.code.meaning))",
                code: .moreProblems)
        }
        if pastTotal.at >= 0 {
            let first = shown[pastTotal.at]!
            let files = pastTotalFiles.count
            shown[pastTotal.at] = Diagnostic(pastTotal.severity, first.location,
                "\(pastTotal.count) more \(pastTotal.count == 1 ? "problem" : "problems") in \(files) \(files == 1 ? "file" : "files") \(pastTotal.count == 1 ? "is" : "are") not shown, from here on",
                hint: "fix the \(total) above and check again to see the rest", code: .moreProblems)
        }
        return shown.compactMap { $0 }
    }
}

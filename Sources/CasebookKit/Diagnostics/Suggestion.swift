/// "Did you mean …?": the closest known word to a misspelt one.
enum Suggestion {
    /// The candidate nearest to `word`, if it is near enough to be a likely typo.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        let length = lowered.count
        for candidate in candidates {
            // No candidate more than three letters longer or shorter can be near enough: skip the work.
            guard abs(candidate.count - length) <= 3 else { continue }
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(3, candidate.count / 3))
        return distance <= allowed ? candidate : nil
    }

    /// A hint sentence for an unknown value, naming the likely intended one or the choices.
    static func hint(for word: String, in candidates: [String], listing: Bool = true) -> String? {
        if let near = closest(to: word, in: candidates) {
            return "did you mean `\(near)`?"
        }
        guard listing, !candidates.isEmpty else { return nil }
        let shown = candidates.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
        return "use one of: \(shown)\(candidates.count > 12 ? ", …" : "")"
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of two letters counts as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

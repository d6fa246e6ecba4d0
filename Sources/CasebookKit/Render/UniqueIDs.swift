/// Hands out `id`s that are unique on one page: a base met again gets `-2`, `-3`… (skipping any taken
/// already, as by a heading literally named `a-2`). Each base remembers the next number to try, so
/// ten thousand headings with the same text take linear time, not a scan of every earlier id for
/// every number tried.
struct UniqueIDs {
    private var taken: Set<String> = []
    private var nextNumber: [String: Int] = [:]

    /// `base` itself if it is free, else the first free `base-N`; the id is then taken.
    mutating func claim(_ base: String) -> String {
        if taken.insert(base).inserted { return base }
        var number = nextNumber[base] ?? 2
        var id = "\(base)-\(number)"
        while !taken.insert(id).inserted {
            number += 1
            id = "\(base)-\(number)"
        }
        nextNumber[base] = number + 1
        return id
    }
}

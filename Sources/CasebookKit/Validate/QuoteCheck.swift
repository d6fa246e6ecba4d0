/// Whether a figure's value is written in its source's own words. Sources write one number many ways
/// ("2,000", "2000", "2 thousand", "$25 million", "$25M", "37%", "eight"), so the quote's numbers are
/// read as the values they stand for and compared with the figure's value. Words around the number
/// ("more than", "about", a currency sign, "percent") are not needed for a match.
enum QuoteCheck {
    /// Whether `quote` states `value`. A percent written as a fraction (0.37) also matches "37%".
    static func states(_ value: Double, unit: MetricUnit, in quote: String) -> Bool {
        var wanted = [abs(value)]
        if unit == .percent || unit == .percentagePoints, abs(value) < 1 { wanted.append(abs(value) * 100) }
        return numbers(in: quote).contains { written in wanted.contains { same(written, $0) } }
    }

    /// Every number written in `text`, as the value it stands for, in order.
    static func numbers(in text: String) -> [Double] {
        let tokens = tokenize(text)
        var values: [Double] = []
        var i = 0
        while i < tokens.count {
            var value: Double
            switch tokens[i] {
            case .number(let n):
                value = n
                i += 1
            case .word(let word):
                guard let base = wordValues[word] else { i += 1; continue }
                value = base
                i += 1
                // "twenty-five", "twenty five"
                if base >= 20, base < 100, i < tokens.count, case .word(let next) = tokens[i],
                   let unitValue = wordValues[next], unitValue < 10 {
                    value += unitValue
                    i += 1
                }
                if i < tokens.count, case .word("hundred") = tokens[i] {
                    value *= 100
                    i += 1
                }
            }
            // "25 million", "two thousand"
            if i < tokens.count, case .word(let word) = tokens[i], let scale = scaleWords[word] {
                value *= scale
                i += 1
            }
            values.append(value)
        }
        return values
    }

    private enum Token: Equatable {
        case number(Double)
        case word(String)
    }

    private static let scaleWords: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    ]

    /// Scale letters written straight after the digits: "$25M", "10K", "$2.5bn".
    private static let scaleSuffixes: [String: Double] = ["k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9]

    private static let wordValues: [String: Double] = {
        let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var values: [String: Double] = [:]
        for (n, word) in small.enumerated() { values[word] = Double(n) }
        for (n, word) in tens.enumerated() { values[word] = Double(20 + 10 * n) }
        values["dozen"] = 12
        values["hundred"] = 100
        return values
    }()

    /// Numbers (with thousands commas and decimals, and any scale letters joined to them) and
    /// lower-cased words; everything else separates them.
    private static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
        func isLetter(_ k: Int) -> Bool { k < scalars.count && scalars[k].properties.isAlphabetic }
        var tokens: [Token] = []
        var k = 0
        while k < scalars.count {
            if isDigit(k) || (scalars[k] == "." && isDigit(k + 1) && !isDigit(k - 1)) {
                var digits = ""
                while isDigit(k) { digits.unicodeScalars.append(scalars[k]); k += 1 }
                // Thousands groups: a comma and exactly three digits.
                while k < scalars.count, scalars[k] == ",", isDigit(k + 1), isDigit(k + 2), isDigit(k + 3), !isDigit(k + 4) {
                    digits += String(String.UnicodeScalarView(scalars[(k + 1)...(k + 3)]))
                    k += 4
                }
                if k < scalars.count, scalars[k] == ".", isDigit(k + 1) {
                    digits += "."
                    k += 1
                    while isDigit(k) { digits.unicodeScalars.append(scalars[k]); k += 1 }
                }
                var value = Double(digits.hasPrefix(".") ? "0" + digits : digits) ?? 0
                var letters = ""
                var end = k
                while isLetter(end) { letters.unicodeScalars.append(scalars[end]); end += 1 }
                if let scale = scaleSuffixes[letters.lowercased()] {
                    value *= scale
                    k = end
                } else if !letters.isEmpty {
                    k = end  // "21st", "1990s": the number stands as written
                }
                tokens.append(.number(value))
            } else if isLetter(k) {
                var word = ""
                while isLetter(k) { word.unicodeScalars.append(scalars[k]); k += 1 }
                tokens.append(.word(word.lowercased()))
            } else {
                k += 1
            }
        }
        return tokens
    }

    private static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(b))
    }
}

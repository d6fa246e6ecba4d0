/// Writes figures for people without ever rounding: `$121.975 billion` stays exact, and a number that
/// cannot be shortened exactly (`$1,162,651,718`) is written out in full. Locale-independent, so builds
/// are reproducible.
enum FigureFormatter {
    struct Display: Equatable {
        /// The figure itself: "2,000", "$2.4 million", "16% → 40%", "6,098–6,099".
        var figure: String
        /// Words the source put before it: "about", "more than"; nil when none.
        var qualifier: String?

        /// Everything in one phrase: "more than 3,000".
        var phrase: String { qualifier.map { "\($0) \(figure)" } ?? figure }
    }

    static func display(_ metric: Metric) -> Display {
        var figure: String
        if let baseline = metric.baseline {
            // "about", "nearly" qualify the newer figure, not the change: "70 → nearly 300".
            let newer = format(metric.value, unit: metric.unit, signed: false)
            let words = metric.qualifier.map { "\($0.words) " } ?? ""
            return Display(figure: "\(format(baseline, unit: metric.unit, signed: false)) → \(words)\(newer)", qualifier: nil)
        } else if let upper = metric.upper {
            figure = "\(format(metric.value, unit: metric.unit, bare: true))–\(format(upper, unit: metric.unit))"
        } else {
            figure = format(metric.value, unit: metric.unit)
        }
        if metric.unit == .percentagePoints, metric.baseline == nil, metric.upper == nil {
            figure = format(metric.value, unit: metric.unit, signed: true)
        }
        return Display(figure: figure, qualifier: metric.qualifier?.words)
    }

    /// - Parameters:
    ///   - bare: leave out the unit word (the low end of a range shares the high end's unit).
    ///   - signed: show `+` on positive changes.
    static func format(_ value: Double, unit: MetricUnit, bare: Bool = false, signed: Bool = false) -> String {
        switch unit {
        case .count: return grouped(value)
        case .number: return grouped(value)
        case .usd: return dollars(value)
        case .percent: return grouped(value) + "%"
        case .percentagePoints:
            let sign = value > 0 && signed ? "+" : (value < 0 ? "−" : "")
            let amount = grouped(abs(value))
            return bare ? sign + amount : "\(sign)\(amount) \(abs(value) == 1 ? "point" : "points")"
        case .hours: return bare ? grouped(value) : "\(grouped(value)) \(value == 1 ? "hour" : "hours")"
        case .minutes: return bare ? grouped(value) : "\(grouped(value)) \(value == 1 ? "minute" : "minutes")"
        case .weeks: return bare ? grouped(value) : "\(grouped(value)) \(value == 1 ? "week" : "weeks")"
        }
    }

    /// `$2.4 million`, `$121.975 billion`, `$5,647,094`, `$12.50`. Any finite value formats: past
    /// `shortened` (where a Double no longer holds every whole number) the figure is written out in full.
    static func dollars(_ value: Double) -> String {
        let sign = value < 0 ? "−" : ""
        let v = abs(value)
        if v >= 1e9, v < shortened, v.truncatingRemainder(dividingBy: 1e6) == 0 {
            return "\(sign)$\(thousandths(v / 1e6)) billion"
        }
        if v >= 1e6, v < shortened, v.truncatingRemainder(dividingBy: 1e3) == 0 {
            return "\(sign)$\(thousandths(v / 1e3)) million"
        }
        // Above 2^52 every Double is whole, so cents only arise below it, where `v * 100` fits an Int64.
        if v != v.rounded() {
            let cents = Int64((v * 100).rounded())
            return "\(sign)$\(grouped(Double(cents / 100))).\(String(format: "%02d", Int(cents % 100)))"
        }
        return sign + "$" + grouped(v)
    }

    /// Millions and billions are written shortened only below this, so the count of thousandths fits
    /// an Int64 exactly (a quadrillion dollars is far beyond any real figure).
    static let shortened = 1e15

    /// An integral count of thousandths written as a decimal with trailing zeros dropped: 2400 → "2.4".
    private static func thousandths(_ count: Double) -> String {
        let n = Int64(count)
        let whole = grouped(Double(n / 1000))
        var fraction = String(format: "%03d", Int(n % 1000))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? whole : "\(whole).\(fraction)"
    }

    /// Digits grouped in threes with commas; decimals kept exactly as the shortest exact form.
    static func grouped(_ value: Double) -> String {
        let negative = value < 0
        let text = abs(value).plain
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let integer = parts.first, !text.contains("e") else { return text }
        var digits = ""
        for (index, character) in integer.reversed().enumerated() {
            if index > 0, index % 3 == 0 { digits.append(",") }
            digits.append(character)
        }
        var result = String(digits.reversed())
        if parts.count == 2 { result += "." + parts[1] }
        return (negative ? "−" : "") + result
    }
}

import Foundation

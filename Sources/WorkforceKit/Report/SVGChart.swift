import Foundation

/// Charts drawn by the tool as inline SVG (no script, no network): every label escaped.
///
/// One layout for every screen and paper: a narrow `viewBox` (400 units) that the page scales to
/// its width, each row's label whole on its own lines above its bars (wrapped at spaces, never
/// cut), a 95% interval drawn as an error bar on every estimate, the axis with its ticks and a
/// title with the unit, and a row whose figure is withheld saying so in words where its bar
/// would be. The base of a chart ("Base: 138 responding employers, ...") is its figure caption,
/// written by ``figure(_:base:)``.
package enum SVGChart {
    package struct Series: Sendable {
        package var name: String
        package var values: [Double?]
        package var color: String
        /// 95% interval bounds per value (drawn as error bars), when the values are estimates.
        package var low: [Double?]
        package var high: [Double?]

        package init(name: String, values: [Double?], color: String, low: [Double?] = [], high: [Double?] = []) {
            self.name = name
            self.values = values
            self.color = color
            self.low = low
            self.high = high
        }
    }

    /// One row of a dot chart: a point with its 95% interval.
    package typealias Point = (p: Double, low: Double, high: Double)

    /// A series of a dot chart: per row its point, the words shown where it has none (withheld,
    /// not asked), and a mark written after its value (" *": a significant change).
    package struct Dots: Sendable {
        package var name: String
        package var color: String
        package var points: [Point?]
        package var notes: [String?]
        package var marks: [String]

        package init(name: String, color: String, points: [Point?], notes: [String?] = [], marks: [String] = []) {
            self.name = name
            self.color = color
            self.points = points
            self.notes = notes
            self.marks = marks
        }
    }

    static let width = 400
    static let pad = 4
    /// Room right of the plot for the value written after the longest bar.
    static let valueRoom = 44
    static let labelSize = 12, labelLine = 13, barHeight = 8, barGap = 2, rowGap = 7
    /// Characters of a label line at 12 units (Helvetica/Arial average about 0.55 em).
    static let labelCharacters = 58

    /// A label broken into lines of at most `width` characters at spaces (never cut: a longer
    /// word keeps its own line).
    static func wrapped(_ label: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// Horizontal grouped bars: one row per label (its name whole above its bars), one bar per
    /// series, error bars where a series has intervals, the axis from 0 (or the lowest interval
    /// bound, when one is negative) with its title and unit.
    ///
    /// - Parameters:
    ///   - marks: per label, text drawn instead of its bars (a withheld figure and why).
    ///   - faint: per label, whether its bars are drawn faint (an unreliable estimate).
    ///   - value: how a bar's value is written, as the table beside the chart writes it
    ///     (counts of people whole: a chart never shows 4.3 where its table says 4).
    package static func bars(
        title: String, labels: [String], series: [Series], axis: String, marks: [String?] = [], faint: [Bool] = [],
        value written: (Double) -> String = number
    ) -> String {
        let numbers = series.flatMap { s in s.values.compactMap { $0 } + s.low.compactMap { $0 } + s.high.compactMap { $0 } }.filter(\.isFinite)
        let scale = Scale(low: min(0, numbers.min() ?? 0), high: max(0, numbers.max() ?? 1), percent: false)
        let (legendSVG, top) = legend(series.map { ($0.name, $0.color, $0.low.isEmpty ? "bar" : "bar-ci") })
        var rows = ""
        var bands: [ClosedRange<Int>] = []
        var y = top
        for (i, label) in labels.enumerated() {
            rows += labelText(label, y: &y)
            let start = y
            defer { bands.append((start - barGap)...y) }
            if i < marks.count, let mark = marks[i] {
                rows += "<text x=\"\(pad)\" y=\(q(y + 8)) font-size=\"11\" font-style=\"italic\" fill=\"#555\">\(Markup.escape(mark))</text>"
                y += barHeight + barGap
            } else {
                let opacity = i < faint.count && faint[i] ? " fill-opacity=\"0.4\"" : ""
                for serie in series {
                    defer { y += barHeight + barGap }
                    guard i < serie.values.count, let value = serie.values[i], value.isFinite else { continue }
                    let a = scale.x(min(0, value)), b = scale.x(max(0, value))
                    rows += "<rect x=\(q(a)) y=\(q(y)) width=\(q(max(0.5, b - a))) height=\"\(barHeight)\" fill=\"\(serie.color)\"\(opacity)><title>\(Markup.escape("\(label): \(serie.name) \(written(value))"))</title></rect>"
                    var end = scale.x(value)
                    if i < serie.low.count, i < serie.high.count, let low = serie.low[i], let high = serie.high[i] {
                        rows += errorBar(scale.x(low), scale.x(high), y: Double(y) + Double(barHeight) / 2, color: "#1b1b1b")
                        end = max(end, scale.x(high))
                    }
                    rows += "<text x=\(q(end + 3)) y=\(q(y + 8)) font-size=\"11\">\(Markup.escape(written(value)))</text>"
                }
            }
            y += rowGap
        }
        return svgOpen(height: y + 40, title: title) + legendSVG + grid(scale, bands: bands, zero: true) + rows + axisText(scale, y: y, title: axis) + "</svg>"
    }

    /// Points with their 95% intervals on a percentage axis from 0 (to 100% or less, as the
    /// figures need), one row per label, one point per series.
    ///
    /// - Parameters:
    ///   - series: per series, its points and, where a point is missing, the words shown instead.
    ///   - marks: per label, text drawn instead of all its points (withheld and why).
    package static func intervals(
        title: String, labels: [String], series: [Dots], axis: String, marks: [String?] = []
    ) -> String {
        let highest = series.flatMap { $0.points.compactMap { $0?.high } }.filter(\.isFinite).max() ?? 1
        let scale = Scale(low: 0, high: min(1, max(0.1, highest)), percent: true)
        let (legendSVG, top) = legend(series.map { ($0.name, $0.color, "dot") })
        var rows = ""
        var bands: [ClosedRange<Int>] = []
        var y = top
        for (i, label) in labels.enumerated() {
            rows += labelText(label, y: &y)
            let start = y
            defer { bands.append((start - barGap)...y) }
            if i < marks.count, let mark = marks[i] {
                rows += "<text x=\"\(pad)\" y=\(q(y + 8)) font-size=\"11\" font-style=\"italic\" fill=\"#555\">\(Markup.escape(mark))</text>"
                y += barHeight + barGap
            } else {
                for serie in series {
                    defer { y += barHeight + barGap }
                    guard i < serie.points.count, let point = serie.points[i] else {
                        if i < serie.notes.count, let note = serie.notes[i] {
                            rows += "<text x=\"\(pad)\" y=\(q(y + 8)) font-size=\"10\" font-style=\"italic\" fill=\"#555\">\(Markup.escape("\(serie.name): \(note)"))</text>"
                        }
                        continue
                    }
                    let cy = Double(y) + Double(barHeight) / 2
                    rows += errorBar(scale.x(point.low), scale.x(point.high), y: cy, color: serie.color)
                    rows += "<circle cx=\(q(scale.x(point.p))) cy=\(q(cy)) r=\"3.5\" fill=\"\(serie.color)\"><title>\(Markup.escape("\(label), \(serie.name): \(percent(point.p)) (95% CI \(percent(point.low)) to \(percent(point.high)))"))</title></circle>"
                    let mark = i < serie.marks.count ? serie.marks[i] : ""
                    rows += "<text x=\(q(scale.x(point.high) + 3)) y=\(q(y + 8)) font-size=\"11\">\(percent(point.p))\(Markup.escape(mark))</text>"
                }
            }
            y += rowGap
        }
        return svgOpen(height: y + 40, title: title) + legendSVG + grid(scale, bands: bands, zero: false) + rows + axisText(scale, y: y, title: axis) + "</svg>"
    }

    /// A chart with its base under it, as one unbreakable figure.
    package static func figure(_ svg: String, base: String) -> String {
        "<figure class=\"chart\">\(svg)<figcaption>\(Markup.escape(base))</figcaption></figure>"
    }

    /// The axis: from `low` to `high` rounded out to a step of 1, 2, 2.5 or 5 times a power of ten.
    struct Scale {
        var low: Double
        var high: Double
        var step: Double
        var percent: Bool

        init(low: Double, high: Double, percent: Bool) {
            let span = max(high - low, percent ? 0.01 : 1)
            let raw = span / 4
            let power = pow(10, (log10(raw)).rounded(.down))
            step = [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw - 1e-12 } ?? 10 * power
            self.low = (low / step).rounded(.down) * step
            self.high = max(self.low + step, (high / step - 1e-9).rounded(.up) * step)
            self.percent = percent
        }

        /// Room left of the axis for half of its first tick's text ("0%").
        var left: Double { Double(SVGChart.pad + 10) }
        var right: Double { Double(SVGChart.width - SVGChart.valueRoom) }
        func x(_ v: Double) -> Double { left + (min(high, max(low, v)) - low) / (high - low) * (right - left) }
        var ticks: [Double] { stride(from: 0, through: Int(((high - low) / step).rounded()), by: 1).map { low + Double($0) * step } }
        func text(_ v: Double) -> String { percent ? Figure.fixed(100 * v, step * 100 < 1 ? 1 : 0) + "%" : SVGChart.number(v) }
    }

    static func labelText(_ label: String, y: inout Int) -> String {
        let lines = wrapped(label, labelCharacters)
        let out = "<text x=\"\(pad)\" y=\(q(y + labelSize - 1)) font-size=\"\(labelSize)\">"
            + lines.enumerated().map { "<tspan x=\"\(pad)\" dy=\"\($0.offset == 0 ? 0 : labelLine)\">\(Markup.escape($0.element))</tspan>" }.joined() + "</text>"
        y += lines.count * labelLine + 3
        return out
    }

    static func errorBar(_ a: Double, _ b: Double, y: Double, color: String) -> String {
        "<g class=\"ci\" stroke=\"\(color)\" stroke-width=\"1.2\"><line x1=\(q(a)) y1=\(q(y)) x2=\(q(b)) y2=\(q(y))/>"
            + "<line x1=\(q(a)) y1=\(q(y - 4)) x2=\(q(a)) y2=\(q(y + 4))/><line x1=\(q(b)) y1=\(q(y - 4)) x2=\(q(b)) y2=\(q(y + 4))/></g>"
    }

    /// The tick lines, drawn only beside the bars (`bands`), never through a label above them.
    static func grid(_ scale: Scale, bands: [ClosedRange<Int>], zero: Bool) -> String {
        scale.ticks.map { t in
            let strong = zero && abs(t) < 1e-12
            return bands.map { "<line x1=\(q(scale.x(t))) y1=\(q($0.lowerBound)) x2=\(q(scale.x(t))) y2=\(q($0.upperBound)) stroke=\"\(strong ? "#555" : "#ddd")\"/>" }.joined()
        }.joined()
    }

    static func axisText(_ scale: Scale, y: Int, title: String) -> String {
        var out = "<line x1=\(q(scale.left)) y1=\(q(y)) x2=\(q(scale.right)) y2=\(q(y)) stroke=\"#555\"/>"
        for t in scale.ticks {
            out += "<text x=\(q(scale.x(t))) y=\(q(y + 14)) font-size=\"11\" text-anchor=\"middle\">\(scale.text(t))</text>"
        }
        return out + "<text class=\"axis-title\" x=\(q((scale.left + scale.right) / 2)) y=\(q(y + 31)) font-size=\"12\" text-anchor=\"middle\">\(Markup.escape(title))</text>"
    }

    static func svgOpen(height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-label=\"\(Markup.escape(title))\"><title>\(Markup.escape(title))</title>"
    }

    /// The legend, entries flowing onto as many lines as they need; returns it and the first
    /// row's y.
    static func legend(_ entries: [(name: String, color: String, kind: String)]) -> (String, Int) {
        var out = ""
        var x = pad, y = 4
        for e in entries {
            let w = 20 + Int((Double(e.name.count) * 6.1).rounded(.up)) + 14
            if x > pad && x + w > width {
                x = pad
                y += 17
            }
            switch e.kind {
            case "dot":
                out += errorBar(Double(x), Double(x + 16), y: Double(y) + 6, color: e.color) + "<circle cx=\"\(x + 8)\" cy=\"\(y + 6)\" r=\"3.5\" fill=\"\(e.color)\"/>"
            default:
                out += "<rect x=\"\(x)\" y=\"\(y + 1)\" width=\"16\" height=\"10\" fill=\"\(e.color)\"/>"
                if e.kind == "bar-ci" { out += errorBar(Double(x + 6), Double(x + 16), y: Double(y) + 6, color: "#1b1b1b") }
            }
            out += "<text x=\"\(x + 20)\" y=\"\(y + 10)\" font-size=\"11\">\(Markup.escape(e.name))</text>"
            x += w
        }
        return (out, y + 26)
    }

    static func q(_ v: Int) -> String { "\"\(v)\"" }
    static func q(_ v: Double) -> String { "\"\(String(format: "%.1f", v))\"" }
    package static func number(_ v: Double) -> String { Figure.fixed(v, abs(v) >= 10 || v == v.rounded() ? 0 : 1) }
    package static func percent(_ v: Double) -> String { Figure.percent(v) }
}

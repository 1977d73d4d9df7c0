import Foundation

/// Charts drawn by the tool as inline SVG (no script, no network): every label escaped.
public enum SVGChart {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
        public var color: String
        /// 95% interval bounds per value (drawn as error bars), when the values are estimates.
        public var low: [Double?]
        public var high: [Double?]

        public init(name: String, values: [Double?], color: String, low: [Double?] = [], high: [Double?] = []) {
            self.name = name
            self.values = values
            self.color = color
            self.low = low
            self.high = high
        }
    }

    /// A label broken into lines of at most `width` characters at spaces (never cut).
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

    /// Horizontal grouped bars: one group per label (wrapped, whole), one bar per series, error
    /// bars where a series has intervals, an axis title with the unit and a base line under it.
    public static func bars(title: String, labels: [String], series: [Series], axis: String = "", base: String = "") -> String {
        let labelWidth = 250, barWidth = 400, top = 34, lineHeight = 11
        let wrappedLabels = labels.map { wrapped($0, 40) }
        let heights = wrappedLabels.map { max(8 * series.count + 8, $0.count * lineHeight + 6) }
        let chartHeight = heights.reduce(0, +)
        let height = top + chartHeight + 44
        let maximum = max(1e-9, series.flatMap { s in s.values.compactMap { $0 } + s.high.compactMap { $0 } }.filter(\.isFinite).max() ?? 1)
        var out = svgOpen(width: labelWidth + barWidth + 70, height: height, title: title)
        out += legend(series, x: labelWidth)
        var y = top
        for (i, lines) in wrappedLabels.enumerated() {
            let rowHeight = heights[i]
            let first = y + rowHeight / 2 - (lines.count - 1) * lineHeight / 2 + 3
            out += "<text x=\"\(labelWidth - 6)\" y=\(q(first)) text-anchor=\"end\" font-size=\"10\">"
                + lines.enumerated().map { "<tspan x=\"\(labelWidth - 6)\" dy=\"\($0.offset == 0 ? 0 : lineHeight)\">\(Markup.escape($0.element))</tspan>" }.joined() + "</text>"
            let offset = (rowHeight - 8 * series.count) / 2
            for (s, serie) in series.enumerated() {
                guard i < serie.values.count, let value = serie.values[i], value.isFinite else { continue }
                func x(_ v: Double) -> Double { Double(labelWidth) + max(0, min(v, maximum)) / maximum * Double(barWidth) }
                let by = y + offset + s * 8
                out += "<rect x=\"\(labelWidth)\" y=\(q(by)) width=\(q(x(value) - Double(labelWidth))) height=\"7\" fill=\"\(serie.color)\"><title>\(Markup.escape("\(labels[i]): \(serie.name) \(number(value))"))</title></rect>"
                var end = x(value)
                if i < serie.low.count, i < serie.high.count, let low = serie.low[i], let high = serie.high[i] {
                    out += "<line x1=\(q(x(low))) y1=\(q(Double(by) + 3.5)) x2=\(q(x(high))) y2=\(q(Double(by) + 3.5)) stroke=\"#222\" stroke-width=\"1\"/>"
                        + "<line x1=\(q(x(low))) y1=\(q(by)) x2=\(q(x(low))) y2=\(q(by + 7)) stroke=\"#222\"/><line x1=\(q(x(high))) y1=\(q(by)) x2=\(q(x(high))) y2=\(q(by + 7)) stroke=\"#222\"/>"
                    end = max(end, x(high))
                }
                out += "<text x=\(q(end + 4)) y=\(q(by + 6)) font-size=\"8\">\(number(value))</text>"
            }
            y += rowHeight
        }
        out += "<line x1=\"\(labelWidth)\" y1=\(q(y + 2)) x2=\"\(labelWidth + barWidth)\" y2=\(q(y + 2)) stroke=\"#888\"/>"
        for tick in 0...4 {
            let v = maximum * Double(tick) / 4
            let tx = Double(labelWidth) + Double(tick) / 4 * Double(barWidth)
            out += "<text x=\(q(tx)) y=\(q(y + 13)) font-size=\"8\" text-anchor=\"middle\">\(number(v))</text>"
        }
        if !axis.isEmpty { out += "<text x=\"\(labelWidth + barWidth / 2)\" y=\(q(y + 26)) font-size=\"10\" text-anchor=\"middle\">\(Markup.escape(axis))</text>" }
        if !base.isEmpty { out += "<text x=\"4\" y=\(q(y + 40)) font-size=\"9\" fill=\"#555\">\(Markup.escape(base))</text>" }
        return out + "</svg>"
    }

    /// Points with their 95% intervals on a 0-100% axis, one row per label and series.
    public static func intervals(title: String, labels: [String], series: [(name: String, color: String, points: [(p: Double, low: Double, high: Double)?])]) -> String {
        let rowHeight = 9 * series.count + 8
        let labelWidth = 230, axisWidth = 420, top = 40
        let height = top + rowHeight * labels.count + 10
        var out = svgOpen(width: labelWidth + axisWidth + 30, height: height, title: title)
        out += legend(series.map { Series(name: $0.name, values: [], color: $0.color) }, x: labelWidth)
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = Double(labelWidth) + Double(tick) / 100 * Double(axisWidth)
            out += "<line x1=\(q(x)) y1=\"\(top - 4)\" x2=\(q(x)) y2=\"\(height - 8)\" stroke=\"#ddd\"/><text x=\(q(x)) y=\"\(top - 6)\" font-size=\"8\" text-anchor=\"middle\">\(tick)%</text>"
        }
        for (i, label) in labels.enumerated() {
            let y = top + i * rowHeight
            out += "<text x=\"\(labelWidth - 6)\" y=\(q(y + rowHeight / 2 + 3)) text-anchor=\"end\" font-size=\"10\">\(Markup.escape(shorten(label, 38)))</text>"
            for (s, serie) in series.enumerated() {
                guard i < serie.points.count, let point = serie.points[i] else { continue }
                let cy = y + 6 + s * 9
                func x(_ v: Double) -> Double { Double(labelWidth) + min(1, max(0, v)) * Double(axisWidth) }
                out += "<line x1=\(q(x(point.low))) y1=\(q(cy)) x2=\(q(x(point.high))) y2=\(q(cy)) stroke=\"\(serie.color)\" stroke-width=\"2\"/>"
                out += "<circle cx=\(q(x(point.p))) cy=\(q(cy)) r=\"3\" fill=\"\(serie.color)\"><title>\(Markup.escape("\(label), \(serie.name): \(percent(point.p)) (\(percent(point.low)) to \(percent(point.high)))"))</title></circle>"
            }
        }
        return out + "</svg>"
    }

    static func svgOpen(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-label=\"\(Markup.escape(title))\"><title>\(Markup.escape(title))</title>"
    }

    static func legend(_ series: [Series], x: Int) -> String {
        var out = ""
        var offset = x
        for s in series {
            out += "<rect x=\"\(offset)\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(s.color)\"/><text x=\"\(offset + 14)\" y=\"15\" font-size=\"10\">\(Markup.escape(s.name))</text>"
            offset += 24 + 6 * s.name.count
        }
        return out
    }

    static func q(_ v: Int) -> String { "\"\(v)\"" }
    static func q(_ v: Double) -> String { "\"\(String(format: "%.1f", v))\"" }
    static func shorten(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }
    public static func number(_ v: Double) -> String { Figure.fixed(v, abs(v) >= 10 || v == v.rounded() ? 0 : 1) }
    public static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
}

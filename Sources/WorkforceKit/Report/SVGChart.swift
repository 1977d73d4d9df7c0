import Foundation

/// Charts drawn by the tool as inline SVG (no script, no network): every label escaped.
public enum SVGChart {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
        public var color: String

        public init(name: String, values: [Double?], color: String) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    /// Horizontal grouped bars: one group per label, one bar per series.
    public static func bars(title: String, labels: [String], series: [Series]) -> String {
        let rowHeight = 8 * series.count + 8
        let labelWidth = 230, barWidth = 420, top = 34
        let height = top + rowHeight * labels.count + 10
        let maximum = max(1e-9, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        var out = svgOpen(width: labelWidth + barWidth + 70, height: height, title: title)
        out += legend(series, x: labelWidth)
        for (i, label) in labels.enumerated() {
            let y = top + i * rowHeight
            out += "<text x=\"\(labelWidth - 6)\" y=\(q(y + rowHeight / 2 + 3)) text-anchor=\"end\" font-size=\"10\">\(Markup.escape(shorten(label, 38)))</text>"
            for (s, serie) in series.enumerated() {
                guard i < serie.values.count, let value = serie.values[i] else { continue }
                let width = max(0, value) / maximum * Double(barWidth)
                let by = y + 4 + s * 8
                out += "<rect x=\"\(labelWidth)\" y=\(q(by)) width=\(q(width)) height=\"7\" fill=\"\(serie.color)\"><title>\(Markup.escape("\(label): \(serie.name) \(number(value))"))</title></rect>"
                out += "<text x=\(q(Double(labelWidth) + width + 4)) y=\(q(by + 6)) font-size=\"8\">\(number(value))</text>"
            }
        }
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
    public static func number(_ v: Double) -> String { Int(exactly: v).map(String.init) ?? String(format: "%.1f", v) }
    public static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
}

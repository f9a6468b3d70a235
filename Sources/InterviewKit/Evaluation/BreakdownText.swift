/// The readable breakdown of an evaluation that `evaluate` prints and the shell's verdicts use.
public enum BreakdownText {
    public static func render(_ evaluation: Evaluation, title: String? = nil, palette: Palette = .plain) -> String {
        var lines: [String] = []
        let heading = title.map { "\(evaluation.question) · \($0)" } ?? evaluation.question
        lines.append(palette.bold("\(heading): \(format(evaluation.score))/100"))
        lines.append("")
        for component in evaluation.components {
            let name = component.name.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let points = "\(format(component.points))/\(format(component.maxPoints))".padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(points) \(palette.dim(component.detail))")
        }
        if !evaluation.flags.isEmpty {
            lines.append("")
            lines.append(palette.bold("Red flags"))
            for flag in evaluation.flags {
                let quote = flag.evidence.first.map { " — \"\(excerpt($0.text))\"" } ?? ""
                lines.append("  \(palette.bad("⚑")) \(flag.label) \(palette.dim("(−\(format(flag.penalty)))"))\(palette.dim(quote))")
                lines.append("      \(flag.correction)")
            }
        }
        if !evaluation.concepts.found.isEmpty {
            lines.append("")
            lines.append(palette.bold(evaluation.focus.isEmpty ? "Covered" : "Covered (what was asked first)"))
            let asked = Set(evaluation.focus)
            let ordered = evaluation.concepts.found.filter { asked.isEmpty || asked.contains($0.id) } + evaluation.concepts.found.filter { !asked.isEmpty && !asked.contains($0.id) }
            for concept in ordered {
                let quote = concept.evidence.first.map { " — \"\(excerpt($0.text))\"" } ?? ""
                let match = concept.evidence.first.flatMap { evidence in evidence.similarity.map { " ≈ \(evidence.phrase) \(String(format: "%.2f", $0))" } } ?? ""
                let credit = concept.credit < 0.75 ? palette.dim(" (credited \(Int((concept.credit * 100).rounded()))%: say more about it)") : ""
                lines.append("  \(palette.good("✓")) \(concept.label)\(palette.dim(quote + match))\(credit)")
            }
        }
        if !evaluation.concepts.negated.isEmpty {
            lines.append("")
            lines.append(palette.bold("Rejected (no credit)"))
            for concept in evaluation.concepts.negated {
                let quote = concept.evidence.first.map { " — \"\(excerpt($0.text))\"" } ?? ""
                lines.append("  \(palette.warn("⊘")) \(concept.label)\(palette.dim(quote))")
            }
        }
        if !evaluation.concepts.missed.isEmpty {
            lines.append("")
            lines.append(palette.bold("Missed"))
            for concept in evaluation.concepts.missed.sorted(by: { $0.pointsLost > $1.pointsLost }) {
                lines.append("  \(palette.bad("✗")) \(concept.label) \(palette.dim("(−\(format(concept.pointsLost)))"))")
                lines.append("      \(concept.tip)")
            }
        }
        if !evaluation.stages.isEmpty {
            lines.append("")
            lines.append(palette.bold("Structure") + "  " + structureLine(evaluation.stages, palette: palette))
        }
        var delivery = "\(evaluation.words) words, \(evaluation.sentences) sentences, \(evaluation.delivery.fillerCount) fillers, \(evaluation.delivery.hedgeCount) hedges"
        if let wpm = evaluation.delivery.wordsPerMinute { delivery += ", \(format(wpm)) words/min" }
        lines.append(palette.bold("Delivery") + "   " + delivery)
        for note in evaluation.notes {
            lines.append(palette.warn("note: ") + note)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `root cause ✓ → fix ✓ → monitor ✗ → iterate ↺`
    public static func structureLine(_ stages: [StageResult], palette: Palette = .plain) -> String {
        stages.map { stage in
            switch stage.status {
            case .present: "\(stage.label) \(palette.good("✓"))"
            case .missing: "\(stage.label) \(palette.bad("✗"))"
            case .outOfOrder: "\(stage.label) \(palette.warn("↺ out of order"))"
            }
        }.joined(separator: " → ")
    }

    public static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A quote of the answer on one line, without the controls a terminal acts on (C0 and C1
    /// controls, which every escape sequence starts with, DEL and bidirectional overrides).
    public static func excerpt(_ text: String, limit: Int = 70) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var visible = String.UnicodeScalarView()
        visible.append(contentsOf: flat.unicodeScalars.filter { !isTerminalControl($0) })
        let quoted = String(visible)
        return quoted.count > limit ? String(quoted.prefix(limit)) + "…" : quoted
    }

    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

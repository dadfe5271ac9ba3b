package dev.debrief.scoring.debrief;

import dev.debrief.kit.text.Markdown;

import java.util.Locale;

/** A debrief as Markdown for people and as an SVG radar of the dimensions. */
public final class DebriefRenderer {

    private DebriefRenderer() {
    }

    public static String markdown(Debrief d) {
        StringBuilder md = new StringBuilder();
        md.append("# Debrief of session ").append(d.sessionId()).append("\n\n");
        md.append("**Recommendation: ").append(d.recommendation()).append("** (overall ")
                .append(fmt(d.overall())).append(" of 4)\n\n");
        md.append(Markdown.quote(d.decisionRule())).append("\n\n");
        if (d.oneThingToChange() != null) {
            md.append("## The one thing to change\n\n").append(point(d.oneThingToChange())).append("\n");
        }
        md.append("## Strengths\n\n");
        d.strengths().forEach(p -> md.append(point(p)));
        if (d.strengths().isEmpty()) {
            md.append("- none at level 3 or above\n");
        }
        md.append("\n## Concerns\n\n");
        d.concerns().forEach(p -> md.append(point(p)));
        if (d.concerns().isEmpty()) {
            md.append("- none at level 2 or below\n");
        }
        md.append("\n## Rounds\n\n");
        for (Debrief.Round r : d.rounds()) {
            md.append("### Round ").append(r.roundPosition()).append(" (").append(Markdown.inline(r.rubric())).append(" v")
                    .append(r.rubricVersion()).append("): ").append(fmt(r.overall())).append("\n\n");
            md.append("| dimension | panel level | by scorer |\n|---|---|---|\n");
            for (Debrief.Dimension dim : r.dimensions()) {
                md.append("| ").append(Markdown.inline(dim.name())).append(" | ").append(fmt(dim.level())).append(" | ")
                        .append(Markdown.inline(dim.byScorer())).append(" |\n");
            }
            if (!r.coachRecommendations().isEmpty()) {
                md.append("\nCoaches: ").append(Markdown.inline(r.coachRecommendations())).append("\n");
            }
            md.append("\n");
        }
        md.append("## Dissent\n\n");
        d.dissent().forEach(x -> md.append("- Round ").append(x.roundPosition()).append(": ").append(Markdown.inline(x.note())).append("\n"));
        if (d.dissent().isEmpty()) {
            md.append("- none\n");
        }
        return md.toString();
    }

    private static String point(Debrief.Point p) {
        // every part may be a person's words: the answer quoted as evidence, a firm's rubric, a scorer's feedback
        return "- " + Markdown.inline(p.evidence()) + " — " + Markdown.inline(p.dimension()) + " (round "
                + p.roundPosition() + ", level " + fmt(p.level()) + ")"
                + (p.feedback() == null ? "" : ": " + Markdown.inline(p.feedback())) + "\n";
    }

    /**
     * Radar charts of the mean panel level per dimension, one per rubric with at most {@link RadarLayout#MAX_AXES}
     * axes, rings at levels 1–4, each axis labelled with the dimension's name and level ({@link RadarLayout}).
     */
    public static String radarSvg(Debrief d) {
        RadarLayout.Layout layout = RadarLayout.of(d);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Verdana, sans-serif\">%n",
                layout.width(), layout.height(), layout.width(), layout.height()));
        svg.append("<title>Debrief radar: ").append(d.recommendation()).append(", overall ").append(fmt(d.overall()))
                .append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"34\" font-size=\"20\" font-weight=\"bold\" "
                + "text-anchor=\"middle\">%s · %s of 4</text>%n", layout.width() / 2, d.recommendation(), fmt(d.overall())));
        for (RadarLayout.Chart chart : layout.charts()) {
            chart(svg, chart);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void chart(StringBuilder svg, RadarLayout.Chart c) {
        int n = Math.max(c.axes().size(), 1);
        double r = RadarLayout.RADIUS;
        svg.append("<g>\n");
        svg.append(String.format(Locale.ROOT, "<line x1=\"16\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>%n",
                c.top(), c.width() - 16, c.top()));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"16\" font-weight=\"bold\" "
                + "text-anchor=\"middle\" fill=\"#111827\">%s</text>%n", c.width() / 2, c.top() + 24, escape(c.title())));
        for (int ring = 1; ring <= 4; ring++) {
            String stroke = ring == 4 ? "#9ca3af" : "#e5e7eb";
            if (n < 3) { // one or two axes make no polygon: rings as circles
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" stroke=\"%s\"/>%n",
                        c.cx(), c.cy(), r * ring / 4, stroke));
            } else {
                svg.append("<polygon fill=\"none\" stroke=\"").append(stroke).append("\" points=\"")
                        .append(polygon(n, c.cx(), c.cy(), r * ring / 4)).append("\"/>\n");
            }
        }
        StringBuilder points = new StringBuilder();
        for (RadarLayout.Axis a : c.axes()) {
            double x = c.cx() + Math.cos(a.angle()) * r;
            double y = c.cy() + Math.sin(a.angle()) * r;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d1d5db\"/>%n",
                    c.cx(), c.cy(), x, y));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", c.cx() + Math.cos(a.angle()) * r * a.level() / 4,
                    c.cy() + Math.sin(a.angle()) * r * a.level() / 4));
        }
        if (c.axes().size() >= 3) {
            svg.append("<polygon fill=\"#3b82f6\" fill-opacity=\"0.3\" stroke=\"#1d4ed8\" stroke-width=\"2\" points=\"")
                    .append(points.toString().trim()).append("\"/>\n");
        }
        for (RadarLayout.Axis a : c.axes()) {
            double x = c.cx() + Math.cos(a.angle()) * r * a.level() / 4;
            double y = c.cy() + Math.sin(a.angle()) * r * a.level() / 4;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1d4ed8\"/>%n", x, y));
        }
        // the ring levels beside the first axis, haloed in white so the shape's edges and dots don't hide them
        for (int ring = 1; ring <= 4; ring++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#6b7280\" "
                    + "text-anchor=\"end\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">%d</text>%n",
                    c.cx() - 5, c.cy() - r * ring / 4 + 12, ring));
        }
        for (RadarLayout.Axis a : c.axes()) {
            label(svg, a);
        }
        svg.append("</g>\n");
    }

    private static void label(StringBuilder svg, RadarLayout.Axis a) {
        RadarLayout.Box b = a.label();
        double x = switch (a.anchor()) {
            case "start" -> b.x();
            case "end" -> b.x() + b.width();
            default -> b.x() + b.width() / 2;
        };
        svg.append("<text font-size=\"").append(fmt0(RadarLayout.FONT)).append("\" text-anchor=\"").append(a.anchor())
                .append("\" fill=\"#111827\"><title>").append(escape(a.name())).append("</title>");
        for (int i = 0; i < a.lines().size(); i++) {
            boolean level = i == a.lines().size() - 1;
            // baseline of line i: the line's top plus the font's ascent (about 0.8 em) within a LINE-high row
            svg.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" y=\"%.1f\"%s>%s</tspan>", x,
                    b.y() + i * RadarLayout.LINE + RadarLayout.FONT * 0.95,
                    level ? " fill=\"#1d4ed8\" font-weight=\"bold\"" : "", escape(a.lines().get(i))));
        }
        svg.append("</text>\n");
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String polygon(int n, double cx, double cy, double r) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx + Math.cos(angle) * r, cy + Math.sin(angle) * r));
        }
        return p.toString().trim();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

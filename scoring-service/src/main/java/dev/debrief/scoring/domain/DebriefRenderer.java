package dev.debrief.scoring.domain;

import dev.debrief.kit.text.Markdown;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /** A radar: one axis per dimension (mean panel level across rounds), rings at levels 1–4. */
    public static String radarSvg(Debrief d) {
        Map<String, double[]> axes = new LinkedHashMap<>();
        for (Debrief.Round r : d.rounds()) {
            for (Debrief.Dimension dim : r.dimensions()) {
                double[] acc = axes.computeIfAbsent(dim.name(), k -> new double[2]);
                acc[0] += dim.level();
                acc[1]++;
            }
        }
        int width = 780;
        int height = 520;
        double cx = width / 2.0;
        double cy = height / 2.0 + 10;
        double radius = 160;
        int n = Math.max(axes.size(), 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\">\n");
        svg.append("<title>Debrief radar: ").append(d.recommendation()).append(", overall ").append(fmt(d.overall()))
                .append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        for (int ring = 1; ring <= 4; ring++) {
            svg.append("<polygon fill=\"none\" stroke=\"#ddd\" points=\"").append(polygon(n, cx, cy, radius * ring / 4))
                    .append("\"/>\n");
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#999\">%d</text>%n",
                    cx + 3, cy - radius * ring / 4 - 2, ring));
        }
        StringBuilder points = new StringBuilder();
        int i = 0;
        for (var axis : axes.entrySet()) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            double level = axis.getValue()[0] / axis.getValue()[1];
            double x = cx + Math.cos(angle) * radius;
            double y = cy + Math.sin(angle) * radius;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\"/>%n",
                    cx, cy, x, y));
            double lx = cx + Math.cos(angle) * (radius + 12);
            double ly = cy + Math.sin(angle) * (radius + 12) + 4;
            String anchor = Math.cos(angle) > 0.3 ? "start" : Math.cos(angle) < -0.3 ? "end" : "middle";
            ly += Math.sin(angle) > 0.9 ? 10 : Math.sin(angle) < -0.9 ? -4 : 0;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" text-anchor=\"%s\">%s (%s)</text>%n",
                    lx, ly, anchor, escape(axis.getKey()), fmt(level)));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx + Math.cos(angle) * radius * level / 4,
                    cy + Math.sin(angle) * radius * level / 4));
            i++;
        }
        svg.append("<polygon fill=\"#3b82f6\" fill-opacity=\"0.35\" stroke=\"#1d4ed8\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim()).append("\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"26\" font-size=\"17\" font-weight=\"bold\" text-anchor=\"middle\">%s · %s of 4</text>%n",
                cx, d.recommendation(), fmt(d.overall())));
        return svg.append("</svg>\n").toString();
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

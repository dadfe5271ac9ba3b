package dev.debrief.scoring.debrief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a debrief's radar charts put things, before any SVG is written: one chart per rubric, at most
 * {@link #MAX_AXES} axes each (a rubric with more is split into balanced charts), each axis labelled with the
 * dimension's name wrapped to short lines and its level. Label boxes are measured with a conservative estimate of
 * the glyphs' widths and pushed outward along their axis until none overlaps another or the rings; each chart's
 * frame then grows to hold every box, so nothing is clipped.
 */
public final class RadarLayout {

    public static final int MAX_AXES = 8;
    static final double FONT = 13;
    static final double LINE = 16;
    static final int WRAP = 20;
    static final int MAX_LINES = 3;
    static final double RADIUS = 120;
    static final double GAP = 14;
    static final double TITLE = 34;
    static final double MARGIN = 16;
    static final double WIDTH = 680;

    /** A label's box: {@code x, y} its top-left corner. */
    public record Box(double x, double y, double width, double height) {

        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        /** Does the box reach into the circle around the chart's centre? */
        boolean entersCircle(double cx, double cy, double r) {
            double nx = Math.max(x, Math.min(cx, x + width));
            double ny = Math.max(y, Math.min(cy, y + height));
            return (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < r * r;
        }
    }

    /** One axis: the full name, its wrapped lines, the level (mean panel level), its angle and label box. */
    public record Axis(String name, List<String> lines, double level, double angle, Box label, String anchor) {
    }

    /** One chart: its title, frame (top-left and size, in the whole picture's coordinates), centre and axes. */
    public record Chart(String title, double top, double width, double height, double cx, double cy, List<Axis> axes) {
    }

    public record Layout(double width, double height, List<Chart> charts) {
    }

    private RadarLayout() {
    }

    /** The charts of a debrief, one (or more, when over {@link #MAX_AXES} dimensions) per rubric, stacked. */
    public static Layout of(Debrief d) {
        Map<String, Map<String, double[]>> byRubric = new LinkedHashMap<>();
        for (Debrief.Round r : d.rounds()) {
            Map<String, double[]> axes = byRubric.computeIfAbsent(r.rubric(), k -> new LinkedHashMap<>());
            for (Debrief.Dimension dim : r.dimensions()) {
                double[] acc = axes.computeIfAbsent(label(dim), k -> new double[2]);
                acc[0] += dim.level();
                acc[1]++;
            }
        }
        List<Chart> charts = new ArrayList<>();
        double top = 56; // below the picture's heading
        for (var rubric : byRubric.entrySet()) {
            List<Map.Entry<String, double[]>> all = new ArrayList<>(rubric.getValue().entrySet());
            int parts = Math.max(1, (all.size() + MAX_AXES - 1) / MAX_AXES);
            int per = (all.size() + parts - 1) / parts;
            for (int p = 0; p < parts; p++) {
                List<Map.Entry<String, double[]>> slice = all.subList(Math.min(all.size(), p * per),
                        Math.min(all.size(), (p + 1) * per));
                String title = humanise(rubric.getKey()) + (parts > 1 ? " (" + (p + 1) + " of " + parts + ")" : "");
                Chart chart = chart(title, top, slice);
                charts.add(chart);
                top += chart.height() + MARGIN;
            }
        }
        double width = charts.stream().mapToDouble(Chart::width).max().orElse(WIDTH);
        return new Layout(width, Math.max(top, 120), List.copyOf(charts));
    }

    private static Chart chart(String title, double top, List<Map.Entry<String, double[]>> entries) {
        int n = Math.max(entries.size(), 1);
        // placed around a centre at (0, 0) first, then the frame is fitted around rings and labels
        List<Axis> axes = new ArrayList<>();
        List<Box> placed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            List<String> lines = new ArrayList<>(wrap(entries.get(i).getKey()));
            double level = entries.get(i).getValue()[0] / entries.get(i).getValue()[1];
            lines.add(String.format(Locale.ROOT, "%.1f of 4", level));
            double w = lines.stream().mapToDouble(RadarLayout::textWidth).max().orElse(0);
            double h = lines.size() * LINE;
            Box box = null;
            for (double r = RADIUS + GAP; r < RADIUS + GAP + 400; r += 4) {
                box = box(Math.cos(angle) * r, Math.sin(angle) * r, angle, w, h);
                Box candidate = box;
                if (!box.entersCircle(0, 0, RADIUS + 4) && placed.stream().noneMatch(candidate::overlaps)) {
                    break;
                }
            }
            placed.add(box);
            String anchor = Math.cos(angle) > 0.3 ? "start" : Math.cos(angle) < -0.3 ? "end" : "middle";
            axes.add(new Axis(entries.get(i).getKey(), List.copyOf(lines), level, angle, box, anchor));
        }
        double minX = -RADIUS;
        double maxX = RADIUS;
        double minY = -RADIUS;
        double maxY = RADIUS;
        for (Box b : placed) {
            minX = Math.min(minX, b.x());
            maxX = Math.max(maxX, b.x() + b.width());
            minY = Math.min(minY, b.y());
            maxY = Math.max(maxY, b.y() + b.height());
        }
        double width = Math.max(WIDTH, maxX - minX + 2 * MARGIN);
        double cx = width / 2 - (minX + maxX) / 2; // the content's bounding box centred in the frame
        double cy = top + TITLE + MARGIN - minY;
        double height = TITLE + MARGIN + (maxY - minY) + MARGIN;
        List<Axis> moved = new ArrayList<>();
        for (Axis a : axes) {
            Box b = a.label();
            moved.add(new Axis(a.name(), a.lines(), a.level(), a.angle(),
                    new Box(b.x() + cx, b.y() + cy, b.width(), b.height()), a.anchor()));
        }
        return new Chart(title, top, width, height, cx, cy, List.copyOf(moved));
    }

    /** The box touches its anchor point on the side that faces the centre (text-anchor start/middle/end). */
    private static Box box(double ax, double ay, double angle, double w, double h) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double x = cos > 0.3 ? ax : cos < -0.3 ? ax - w : ax - w / 2;
        double y = ay - h * (1 - sin) / 2;
        return new Box(x, y, w, h);
    }

    /** A dimension's human name; a bare slug (no name in the rubric) reads as words. */
    static String label(Debrief.Dimension dim) {
        String name = dim.name() == null || dim.name().isBlank() ? dim.key() : dim.name();
        return name.equals(dim.key()) ? humanise(name) : name;
    }

    static String humanise(String slug) {
        if (slug == null || slug.isBlank()) {
            return "Rubric";
        }
        if (!slug.matches("[a-z0-9]+([-_][a-z0-9]+)*")) {
            return slug;
        }
        String words = slug.replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Words to lines of at most {@link #WRAP} characters, at most {@link #MAX_LINES} of them (then an ellipsis). */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            while (word.length() > WRAP) { // a very long word is cut, not allowed to run wide
                flush(lines, line);
                lines.add(word.substring(0, WRAP - 1) + "-");
                word = word.substring(WRAP - 1);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > WRAP) {
                flush(lines, line);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        flush(lines, line);
        if (lines.size() > MAX_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
            String last = kept.get(MAX_LINES - 1);
            kept.set(MAX_LINES - 1, (last.length() > WRAP - 1 ? last.substring(0, WRAP - 1) : last) + "\u2026");
            return kept;
        }
        return lines;
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    /**
     * A width no narrower than a sans-serif face draws the text at {@link #FONT} px: per-glyph advances rounded up
     * from DejaVu Sans (Debian's default), which is wider than Helvetica or Arial.
     */
    static double textWidth(String text) {
        double em = 0;
        for (char c : text.toCharArray()) {
            if ("ijlI.,:;'|!() ".indexOf(c) >= 0) {
                em += 0.36;
            } else if ("ftr-".indexOf(c) >= 0) {
                em += 0.45;
            } else if ("mwMW".indexOf(c) >= 0) {
                em += 1.0;
            } else if (Character.isUpperCase(c)) {
                em += 0.78;
            } else {
                em += 0.66;
            }
        }
        return em * FONT;
    }
}

package dev.debrief.kit.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes user text for the Markdown documents the services write, so what a person typed shows as
 * text: no HTML ({@code <img onerror>}), no links ({@code [x](javascript:…)}), no emphasis or code, no
 * broken tables ({@code |}), and no headings or list items started by the text itself.
 */
public final class Markdown {

    private static final Pattern LINE_START = Pattern.compile("^(\\s*)(\\d*)([#=+-]|(?<=\\d)[.)])", Pattern.MULTILINE);
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {
    }

    /** Text inside one line (a heading, a list item, a table cell): line breaks become spaces. */
    public static String inline(Object value) {
        if (value == null) {
            return "";
        }
        return escape(String.valueOf(value).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
    }

    /** A paragraph that keeps its lines. */
    public static String block(Object value) {
        if (value == null) {
            return "";
        }
        return escape(String.valueOf(value).replace("\r\n", "\n").replace('\r', '\n'));
    }

    /** A block quote of several lines. */
    public static String quote(Object value) {
        return "> " + block(value).replace("\n", "\n> ");
    }

    /** A fenced code block whose fence is longer than any run of backticks in the code, so it cannot be closed early. */
    public static String code(String language, String code) {
        String text = code == null ? "" : code;
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + (language == null ? "" : language) + "\n" + text + "\n" + fence + "\n";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        // what would start a heading, a list or a setext underline only at the start of a line
        return LINE_START.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "\\" + m.group(3)));
    }
}

package dev.debrief.question.index;

import java.util.List;

/**
 * What a list or search asks for, already validated. Values inside one field are alternatives (OR); fields
 * combine (AND). {@code text} is the web-search query, or null.
 */
public record QuestionFilter(
        List<String> categories,
        List<String> roles,
        List<String> levels,
        List<String> companies,
        List<String> roundTypes,
        List<String> competencies,
        List<String> tags,
        List<String> difficulties,
        List<String> answerFormats,
        List<String> rubrics,
        List<String> statuses,
        String scope,
        String text) {

    /** Whose questions a caller sees: the public catalog and their firm's; drafts only where they may edit. */
    public record Visibility(String tenant, boolean editsPublic, boolean editsFirm) {
    }
}

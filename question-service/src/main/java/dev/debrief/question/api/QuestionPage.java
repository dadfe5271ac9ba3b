package dev.debrief.question.api;

import dev.debrief.question.persistence.QuestionRow;

import java.util.List;
import java.util.Map;

/** One page of a list or search, the total it is a page of, and the facet counts of the whole result. */
public record QuestionPage(List<QuestionRow> items, int page, int size, long total, String sort,
        Map<String, Map<String, Long>> facets) {
}

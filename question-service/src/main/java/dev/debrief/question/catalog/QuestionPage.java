package dev.debrief.question.catalog;

import dev.debrief.question.index.QuestionRow;

import java.util.List;
import java.util.Map;

/** One page of a list or search, the total it is a page of, and the facet counts of the whole result. */
public record QuestionPage(List<QuestionRow> items, int page, int size, long total, String sort,
        Map<String, Map<String, Long>> facets) {
}

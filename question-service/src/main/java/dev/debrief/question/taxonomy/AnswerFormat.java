package dev.debrief.question.taxonomy;

/** How a candidate answers: prose, a structured metric list, or a query. */
public enum AnswerFormat {
    FREE_TEXT, STRUCTURED_METRICS, SQL
}

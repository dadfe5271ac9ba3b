package dev.debrief.question.taxonomy;

/** What a question practises. */
public enum Category {
    METRIC_DESIGN, EXPERIMENT_EVALUATION, DATA_PRODUCT_SCOPING, SQL, SYSTEM_DESIGN, BEHAVIORAL, LEADERSHIP, CULTURE_FIT, PRODUCT_STRATEGY, TECHNICAL_DEPTH
}

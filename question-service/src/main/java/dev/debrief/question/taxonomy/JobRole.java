package dev.debrief.question.taxonomy;

/** The role a candidate interviews for. */
public enum JobRole {
    DATA_PM, ENGINEERING_MANAGER, PRODUCT_MANAGER, DATA_SCIENTIST, SOFTWARE_ENGINEER
}

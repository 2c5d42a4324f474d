package org.deskcrm.model.deal;

/** A weighted lead-scoring rule: when a deal matches it, its weight is added to the score (0–100). */
public record ScoringRule(Long id, String name, ScoringAttribute attribute, ScoringOperator operator, String operand,
                          int weight, boolean active, int order, long version) {

    public static ScoringRule draft(String name, ScoringAttribute attribute, ScoringOperator operator, String operand,
                                    int weight, int order) {
        return new ScoringRule(null, name, attribute, operator, operand, weight, true, order, 0);
    }
}

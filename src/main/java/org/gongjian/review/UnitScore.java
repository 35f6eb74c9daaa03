package org.gongjian.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gongjian.system.Mechanism;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A unit's score and grade, as {@code bpmn/unit-score.dmn} decides them from the figures of a quarter, or from the
 * quarters of a year and the community secretary's annual assessment. The street committee changes weights and
 * thresholds there, not here: this class only hands the figures over and reads back what the decisions said.
 */
@Component
public class UnitScore {

    /** The figures {@code unit-score} reads, each a number, 0 when there was nothing to count. */
    public static final List<String> FIGURES = List.of(
            "commitmentsMade", "commitmentsKept", "commitmentsMissed", "commitmentsCancelled",
            "activitiesVerified", "participantsCheckedIn",
            "remindersSent", "escalationsLevel1", "escalationsLevel2", "tasksDue", "tasksDoneBeforeReminder",
            "daysLate",
            "delegationsByLeader",
            "ratingsCount", "ratingsMean",
            "meetingsInvited", "meetingsAttendedByLeader", "meetingsAttendedByDeputy", "meetingsAbsent",
            "resolutionsOwned", "resolutionsDoneOnTime", "resolutionsLate", "resolutionsCarriedOver",
            "fundsCommitted", "fundsPaid", "fundsConfirmed", "fundsDaysOverdue",
            "rectificationsOpen");

    /** The figures that may have a fraction; the others count things. */
    static final Set<String> MEASURES = Set.of("ratingsMean", "daysLate", "fundsCommitted", "fundsPaid",
            "fundsConfirmed", "fundsDaysOverdue");

    /** The grade table, for any score on the 0–100 scale. */
    static final String GRADE_DECISION = "unit-grade";
    /** The rows of {@code unit-score} and {@code unit-score-annual} that carry the total rather than a part. */
    static final String TOTAL = "unit-score-total";
    static final String ANNUAL_TOTAL = "unit-score-annual-total";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * One line of how the DMN reached a score: the decision that gave the points (for the secretary's annual
     * assessment, the input {@code annualAssessment}), its name as the DMN writes it, the points on the 0–100 scale
     * and the part's weight. {@code points} is null for a part not counted this period (nothing was due: no
     * meeting held, no funds due), whose weight then takes no share; a deduction has negative points and no weight.
     */
    public record Part(String decisionId, String name, BigDecimal points, BigDecimal weight) {}

    /** A score 0–100 with one decimal, its grade (优秀, 良好, 合格, 不合格) and the parts that made it. */
    public record Score(BigDecimal score, String grade, List<Part> parts) {}

    private final BiFunction<String, VariableMap, DmnDecisionResult> evaluate;

    @Autowired
    UnitScore(DecisionService decisions) {
        this((key, variables) -> Mechanism.unchecked(() ->
                decisions.evaluateDecisionByKey(key).variables(variables).evaluate()));
    }

    /** For a test that evaluates the DMN file with a standalone DMN engine. */
    UnitScore(BiFunction<String, VariableMap, DmnDecisionResult> evaluate) {
        this.evaluate = evaluate;
    }

    /** The quarter's score from the unit's figures: every name of {@link #FIGURES} must be there, others are left. */
    public Score quarter(Map<String, ? extends Number> figures) {
        VariableMap variables = Variables.createVariables();
        for (String name : FIGURES) {
            Number value = figures.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the figure '" + name + "' is missing");
            }
            variables.putValue(name, figure(name, value));
        }
        return score(ReviewProcess.SCORE_DECISION, TOTAL, variables);
    }

    /**
     * The year's score from the quarterly scores there are (at most four, none if the agreement began after the
     * last quarter was reviewed) and the community secretary's annual assessment, null while there is none yet.
     */
    public Score annual(List<BigDecimal> quarterScores, BigDecimal annualAssessment) {
        if (quarterScores == null) {
            throw new IllegalArgumentException("the quarterly scores are missing (an empty list if there are none)");
        }
        if (quarterScores.size() > 4) {
            throw new IllegalArgumentException("a year has four quarters, not " + quarterScores.size());
        }
        if (quarterScores.isEmpty() && annualAssessment == null) {
            throw new IllegalArgumentException("a year's score needs a quarterly score or the annual assessment");
        }
        List<Double> quarters = new ArrayList<>();
        for (BigDecimal quarter : quarterScores) {
            quarters.add(onScale("a quarterly score", quarter).doubleValue());
        }
        VariableMap variables = Variables.createVariables()
                .putValue("quarterScores", quarters)
                .putValue("annualAssessment", annualAssessment == null ? null
                        : onScale("the annual assessment", annualAssessment).doubleValue());
        return score(ReviewProcess.ANNUAL_SCORE_DECISION, ANNUAL_TOTAL, variables);
    }

    /** The grade of a score on the 0–100 scale, such as the one the secretary assessed. */
    public String grade(BigDecimal score) {
        DmnDecisionResult result = evaluate.apply(GRADE_DECISION, Variables.createVariables()
                .putValue("score", onScale("the score", score).doubleValue()));
        String grade = result.isEmpty() ? null : (String) result.getSingleResult().get("grade");
        if (grade == null) {
            throw new IllegalStateException("bpmn/unit-score.dmn: " + GRADE_DECISION + " gives no grade for " + score);
        }
        return grade;
    }

    private Score score(String decision, String totalRow, VariableMap variables) {
        List<Part> parts = new ArrayList<>();
        BigDecimal total = null;
        for (DmnDecisionResultEntries row : evaluate.apply(decision, variables)) {
            // an empty cell (a deduction's weight) leaves its entry out of the row
            String part = (String) row.get("part");
            if (totalRow.equals(part)) {
                total = number(row.get("points"));
            } else {
                parts.add(new Part(part, (String) row.get("name"), number(row.get("points")),
                        number(row.get("weight"))));
            }
        }
        if (total == null) {
            throw new IllegalStateException("bpmn/unit-score.dmn: " + decision + " gives no total; do the weights of "
                    + "the parts that count add up to more than 0?");
        }
        BigDecimal score = total.setScale(1, RoundingMode.HALF_UP);
        return new Score(score, grade(score), List.copyOf(parts));
    }

    /** Whole numbers go to the engine as longs, the rest as doubles: FEEL reads both as numbers. */
    private static Object figure(String name, Number value) {
        BigDecimal number;
        try {
            number = value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the figure '" + name + "' is not a number: " + value);
        }
        if (number.signum() < 0) {
            throw new IllegalArgumentException("the figure '" + name + "' is negative: " + value);
        }
        boolean whole = number.stripTrailingZeros().scale() <= 0;
        if (!whole && !MEASURES.contains(name)) {
            throw new IllegalArgumentException("the figure '" + name + "' counts things, so it cannot be " + value);
        }
        if (whole && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return number.longValueExact();
        }
        return number.doubleValue();
    }

    private static BigDecimal onScale(String what, BigDecimal score) {
        if (score == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(what + " must be from 0 to 100, not " + score.toPlainString());
        }
        return score;
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}

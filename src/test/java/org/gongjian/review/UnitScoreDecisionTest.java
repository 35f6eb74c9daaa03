package org.gongjian.review;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.gongjian.review.UnitScore.Part;
import org.gongjian.review.UnitScore.Score;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code bpmn/unit-score.dmn} as the street committee wrote it, read from the classpath by a standalone DMN engine:
 * every part's table just below, at and just above each threshold, the weighted total, the grade, and the year. An
 * empty expected value is a part not counted.
 */
class UnitScoreDecisionTest {

    static DmnEngine dmn;
    static Map<String, DmnDecision> decisions;
    static UnitScore unitScore;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = UnitScoreDecisionTest.class.getResourceAsStream("/bpmn/unit-score.dmn")) {
            assertThat(in).as("bpmn/unit-score.dmn on the classpath").isNotNull();
            decisions = dmn.parseDecisions(in).stream().collect(Collectors.toMap(DmnDecision::getKey, d -> d));
        }
        unitScore = new UnitScore((key, variables) -> dmn.evaluateDecision(decisions.get(key), variables));
    }

    private static Double points(String decision, Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return dmn.evaluateDecision(decisions.get(decision), variables).getSingleResult().getSingleEntry();
    }

    @ParameterizedTest(name = "made {0}, kept {1}, missed {2} -> {3}")
    @CsvSource({
            "0, 0, 0, 0",          // no commitments: 0, not excused
            "100, 100, 0, 100",
            "100, 96, 0, 100",
            "100, 95, 0, 100",
            "20, 19, 0, 100",      // 0.95 from a fraction
            "100, 95, 1, 90",      // as many kept, but one missed
            "100, 94, 0, 80",
            "100, 86, 0, 80",
            "100, 85, 0, 80",
            "7, 6, 1, 80",
            "100, 84, 0, 65",
            "100, 71, 0, 65",
            "100, 70, 0, 65",
            "100, 69, 0, 40",
            "100, 51, 0, 40",
            "100, 50, 0, 40",
            "100, 49, 0, 20",
            "100, 31, 0, 20",
            "100, 30, 0, 20",
            "100, 29, 0, 0",
            "3, 0, 3, 0",
    })
    void fulfilment(long made, long kept, long missed, Double expected) {
        assertThat(points("unit-score-fulfilment", "commitmentsMade", made, "commitmentsKept", kept,
                "commitmentsMissed", missed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "verified {0}, check-ins {1} -> {2}")
    @CsvSource({
            "0, 0, 0",
            "0, 50, 0",            // people checked in, but no activity verified
            "10, 301, 100",
            "10, 300, 100",
            "10, 299, 80",
            "10, 151, 80",
            "10, 150, 80",
            "10, 149, 60",
            "10, 51, 60",
            "10, 50, 60",
            "10, 49, 40",
            "1, 0, 40",
    })
    void activities(long verified, long participants, Double expected) {
        assertThat(points("unit-score-activities", "activitiesVerified", verified, "participantsCheckedIn",
                participants)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ratings, mean {1}, {2} activities -> {3}")
    @CsvSource({
            "0, 0, 3, ",           // activities nobody rated: not counted
            "0, 0, 0, 0",          // nothing to rate: 0
            "4, 5.0, 2, 70",       // fewer than five ratings: at most 70
            "4, 4.01, 2, 70",
            "4, 4.0, 2, 70",
            "4, 3.99, 2, 55",
            "4, 3.0, 2, 55",
            "4, 2.99, 2, 30",
            "5, 4.51, 2, 100",
            "5, 4.5, 2, 100",
            "5, 4.49, 2, 85",
            "6, 4.01, 2, 85",
            "5, 4.0, 2, 85",
            "5, 3.99, 2, 70",
            "5, 3.51, 2, 70",
            "5, 3.5, 2, 70",
            "5, 3.49, 2, 55",
            "5, 3.0, 2, 55",
            "5, 2.99, 2, 30",
            "5, 2.0, 2, 30",
            "5, 1.99, 2, 0",
    })
    void satisfaction(long count, double mean, long activities, Double expected) {
        assertThat(points("unit-score-satisfaction", "ratingsCount", count, "ratingsMean", mean,
                "activitiesVerified", activities)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} due, {1} before the reminder, escalations {2}+{3}, {4} days late -> {5}")
    @CsvSource({
            "0, 0, 0, 0, 0, ",     // nothing due, nothing escalated: not counted
            "0, 0, 1, 0, 0, 25",   // only escalations: counted as if one task was due
            "0, 0, 2, 0, 0, 0",
            "10, 10, 0, 0, 0, 100",
            "10, 9, 0, 0, 0, 100",
            "10, 8, 0, 0, 0, 100",
            "10, 7, 0, 0, 0, 85",
            "10, 0, 0, 0, 9, 85",
            "10, 0, 0, 0, 10, 85",
            "10, 0, 0, 0, 11, 70",
            "10, 0, 1, 0, 0, 70",
            "10, 0, 2, 0, 29, 70",
            "10, 0, 2, 0, 30, 70",
            "10, 0, 2, 0, 31, 50",
            "10, 0, 3, 0, 0, 50",
            "10, 0, 1, 1, 0, 25",  // a level-2 escalation bars 70 and 50
            "10, 0, 4, 0, 69, 50",
            "10, 0, 5, 0, 70, 50",
            "10, 0, 5, 0, 71, 25",
            "10, 0, 6, 0, 0, 25",
            "10, 0, 9, 0, 149, 25",
            "10, 0, 10, 0, 150, 25",
            "10, 0, 5, 5, 150, 25",
            "10, 0, 10, 0, 151, 0",
            "10, 0, 11, 0, 0, 0",
            "10, 0, 0, 0, 151, 0",
    })
    void timeliness(long due, long beforeReminder, long level1, long level2, long daysLate, Double expected) {
        assertThat(points("unit-score-timeliness", "tasksDue", due, "tasksDoneBeforeReminder", beforeReminder,
                "escalationsLevel1", level1, "escalationsLevel2", level2, "daysLate", daysLate)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invited {0}, leader {1}, absent {2} -> {3}")
    @CsvSource({
            "0, 0, 0, ",           // no meeting held: not counted
            "2, 2, 0, 100",
            "3, 2, 0, 80",
            "4, 3, 0, 80",
            "2, 1, 0, 80",
            "3, 1, 0, 60",         // always there, mostly by a deputy
            "4, 0, 0, 60",
            "4, 2, 1, 30",
            "3, 1, 1, 30",
            "4, 0, 2, 0",
            "2, 1, 1, 0",
            "1, 0, 1, 0",
    })
    void attendance(long invited, long leader, long absent, Double expected) {
        assertThat(points("unit-score-attendance", "meetingsInvited", invited, "meetingsAttendedByLeader", leader,
                "meetingsAbsent", absent)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "owned {0}, on time {1}, carried over {2} -> {3}")
    @CsvSource({
            "0, 0, 0, ",           // no resolution given to the unit: not counted
            "10, 10, 0, 100",
            "20, 19, 0, 100",
            "10, 9, 0, 100",
            "10, 9, 1, 85",
            "20, 17, 0, 70",
            "20, 15, 0, 70",
            "10, 7, 0, 70",
            "10, 6, 0, 50",
            "20, 11, 0, 50",
            "10, 5, 0, 50",
            "10, 4, 0, 25",
            "10, 0, 0, 25",
            "10, 4, 1, 0",
    })
    void resolutions(long owned, long onTime, long carried, Double expected) {
        assertThat(points("unit-score-resolutions", "resolutionsOwned", owned, "resolutionsDoneOnTime", onTime,
                "resolutionsCarriedOver", carried)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "committed {0}, paid {1}, {2} days overdue -> {3}")
    @CsvSource({
            "0, 0, 0, ",           // nothing due this period: not counted
            "0, 100, 0, ",
            "1000, 1200, 0, 100",
            "1000, 1000, 0, 100",
            "1000, 1000, 1, 90",
            "1000, 1000, 7, 90",
            "1000, 1000, 7.5, 75",  // days may have a fraction
            "1000, 1000, 8, 75",
            "1000, 999.99, 0, 60",
            "1000, 800.01, 0, 60",
            "1000, 800, 0, 60",
            "1000, 799.99, 0, 40",
            "1000, 500, 0, 40",
            "1000, 499.99, 0, 20",
            "1000, 0.01, 0, 20",
            "1000, 0, 0, 0",
    })
    void funds(double committed, double paid, double overdue, Double expected) {
        assertThat(points("unit-score-funds", "fundsCommitted", committed, "fundsPaid", paid, "fundsDaysOverdue",
                overdue)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} open -> -{1}")
    @CsvSource({"0, 0", "1, 5", "2, 10", "3, 20", "7, 20"})
    void openRectificationsAreDeducted(long open, double expected) {
        assertThat(points("unit-score-rectifications", "rectificationsOpen", open)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} delegations -> -{1}")
    @CsvSource({"0, 0", "1, 3", "2, 6", "3, 10", "5, 10"})
    void delegationsByTheLeaderAreDeducted(long delegations, double expected) {
        assertThat(points("unit-score-delegations", "delegationsByLeader", delegations)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 不合格", "59.9, 不合格", "60, 合格", "60.1, 合格", "79.9, 合格", "80, 良好", "80.1, 良好",
            "89.9, 良好", "90, 优秀", "90.1, 优秀", "100, 优秀",
    })
    void grade(String score, String grade) {
        assertThat(unitScore.grade(new BigDecimal(score))).isEqualTo(grade);
    }

    @Test
    void aGradeIsForAScoreOnTheScale() {
        assertThatThrownBy(() -> unitScore.grade(new BigDecimal("100.1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 100").hasMessageContaining("100.1");
        assertThatThrownBy(() -> unitScore.grade(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> unitScore.grade(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A unit that did everything asked of it in a quarter. */
    static Map<String, Number> exemplary() {
        Map<String, Number> figures = new HashMap<>();
        UnitScore.FIGURES.forEach(name -> figures.put(name, 0));
        figures.putAll(Map.of("commitmentsMade", 4, "commitmentsKept", 4, "activitiesVerified", 4,
                "participantsCheckedIn", 160, "tasksDue", 10, "tasksDoneBeforeReminder", 10, "remindersSent", 0));
        figures.putAll(Map.of("ratingsCount", 20, "ratingsMean", 4.7, "meetingsInvited", 1,
                "meetingsAttendedByLeader", 1, "resolutionsOwned", 2, "resolutionsDoneOnTime", 2));
        figures.putAll(Map.of("fundsCommitted", new BigDecimal("5000.00"), "fundsPaid", new BigDecimal("5000.00"),
                "fundsConfirmed", new BigDecimal("5000.00")));
        return figures;
    }

    private static Part part(Score score, String decision) {
        return score.parts().stream().filter(p -> p.decisionId().equals(decision)).findFirst().orElseThrow();
    }

    @Test
    void aUnitThatDidEverythingScoresHundredAndTheDmnSaysHow() {
        Score score = unitScore.quarter(exemplary());

        assertThat(score.score()).isEqualByComparingTo("100");
        assertThat(score.score().scale()).isEqualTo(1);
        assertThat(score.grade()).isEqualTo("优秀");
        assertThat(score.parts()).extracting(Part::decisionId).containsExactly("unit-score-fulfilment",
                "unit-score-activities", "unit-score-satisfaction", "unit-score-timeliness", "unit-score-attendance",
                "unit-score-resolutions", "unit-score-funds", "unit-score-rectifications", "unit-score-delegations");
        assertThat(part(score, "unit-score-fulfilment").name()).isEqualTo("履约 Fulfilment of commitments");
        assertThat(score.parts().stream().map(Part::weight).filter(w -> w != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).as("the weights add up to 100").isEqualByComparingTo("100");
        assertThat(part(score, "unit-score-rectifications").weight()).as("a deduction has no weight").isNull();
    }

    @Test
    void aUnitWithNoCommitmentsIsGradedOnWhatItDidNotExcused() {
        Map<String, Number> figures = new HashMap<>();
        UnitScore.FIGURES.forEach(name -> figures.put(name, 0));
        // it submitted its (empty) commitments in time and its leader came to the quarter's meeting
        figures.putAll(Map.of("tasksDue", 2, "tasksDoneBeforeReminder", 2, "meetingsInvited", 1,
                "meetingsAttendedByLeader", 1));

        Score score = unitScore.quarter(figures);

        assertThat(part(score, "unit-score-fulfilment").points()).isEqualByComparingTo("0");
        assertThat(part(score, "unit-score-fulfilment").weight()).isEqualByComparingTo("30");
        assertThat(part(score, "unit-score-activities").points()).isEqualByComparingTo("0");
        assertThat(part(score, "unit-score-satisfaction").points()).isEqualByComparingTo("0");
        assertThat(part(score, "unit-score-timeliness").points()).isEqualByComparingTo("100");
        assertThat(part(score, "unit-score-attendance").points()).isEqualByComparingTo("100");
        assertThat(part(score, "unit-score-resolutions").points()).as("nothing owned: not counted").isNull();
        assertThat(part(score, "unit-score-funds").points()).as("nothing due: not counted").isNull();
        // (15 × 100 + 10 × 100) / (30 + 10 + 15 + 15 + 10) = 31.25, rounded half up
        assertThat(score.score()).isEqualByComparingTo("31.3");
        assertThat(score.grade()).isEqualTo("不合格");
    }

    @Test
    void aUnitWithNothingAtAllScoresZero() {
        Map<String, Number> figures = new HashMap<>();
        UnitScore.FIGURES.forEach(name -> figures.put(name, 0));

        Score score = unitScore.quarter(figures);

        assertThat(score.score()).isEqualByComparingTo("0");
        assertThat(score.grade()).isEqualTo("不合格");
    }

    @Test
    void deductionsComeOffTheTotalAndTheScoreStaysOnTheScale() {
        Map<String, Number> figures = exemplary();
        figures.put("rectificationsOpen", 1);
        figures.put("delegationsByLeader", 1);
        Score score = unitScore.quarter(figures);
        assertThat(score.score()).isEqualByComparingTo("92");
        assertThat(part(score, "unit-score-rectifications").points()).isEqualByComparingTo("-5");
        assertThat(part(score, "unit-score-delegations").points()).isEqualByComparingTo("-3");

        figures.put("rectificationsOpen", 2);
        figures.put("delegationsByLeader", 2);
        assertThat(unitScore.quarter(figures)).satisfies(s -> {
            assertThat(s.score()).isEqualByComparingTo("84");
            assertThat(s.grade()).isEqualTo("良好");
        });

        Map<String, Number> nothing = new HashMap<>();
        UnitScore.FIGURES.forEach(name -> nothing.put(name, 0));
        nothing.put("rectificationsOpen", 3);
        nothing.put("delegationsByLeader", 3);
        assertThat(unitScore.quarter(nothing).score()).as("not below 0").isEqualByComparingTo("0");
    }

    static final List<String> figureNames = UnitScore.FIGURES;

    @ParameterizedTest
    @FieldSource("figureNames")
    void aMissingFigureIsAnErrorNamingIt(String name) {
        Map<String, Number> figures = exemplary();
        figures.remove(name);
        assertThatThrownBy(() -> unitScore.quarter(figures)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void aNegativeFigureIsAnError() {
        Map<String, Number> figures = exemplary();
        figures.put("daysLate", -1);
        assertThatThrownBy(() -> unitScore.quarter(figures)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'daysLate'");
        figures.put("daysLate", Double.NaN);
        assertThatThrownBy(() -> unitScore.quarter(figures)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'daysLate'");
    }

    @Test
    void aCountHasNoFraction() {
        Map<String, Number> figures = exemplary();
        figures.put("tasksDue", 2.5);
        assertThatThrownBy(() -> unitScore.quarter(figures)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tasksDue'");
        figures.put("tasksDue", new BigDecimal("10.00"));
        figures.put("daysLate", 0.5);
        figures.put("fundsDaysOverdue", 1.5);
        // timeliness 85 (late, never escalated), funds 90: (10000 - 15 × 15 - 10 × 10) / 100 = 96.75, half up
        assertThat(unitScore.quarter(figures).score()).as("measures may have one").isEqualByComparingTo("96.8");
    }

    /**
     * The total is a separate literal expression from the rows that show how it was reached: whatever the figures,
     * the weighted mean of the rows that count, less the deductions, must be the total.
     */
    @Test
    void theTotalIsTheWeightedMeanOfThePartsShownLessTheDeductions() {
        Random random = new Random(12);
        for (int i = 0; i < 300; i++) {
            Map<String, Number> figures = new HashMap<>();
            UnitScore.FIGURES.forEach(name -> figures.put(name, random.nextInt(4) == 0 ? 0 : random.nextInt(25)));
            figures.put("ratingsMean", random.nextInt(41) / 10.0 + 1);
            figures.put("fundsPaid", random.nextInt(12000) / 10.0);
            figures.put("fundsCommitted", random.nextInt(3) == 0 ? 0 : 1000);

            Score score = unitScore.quarter(figures);

            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            BigDecimal deductions = BigDecimal.ZERO;
            for (Part part : score.parts()) {
                if (part.weight() == null) {
                    deductions = deductions.add(part.points());
                } else if (part.points() != null) {
                    weighted = weighted.add(part.points().multiply(part.weight()));
                    weights = weights.add(part.weight());
                }
            }
            BigDecimal expected = weighted.divide(weights, MathContext.DECIMAL128).add(deductions)
                    .max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
            assertThat(score.score()).as("figures %s, parts %s", figures, score.parts()).isEqualByComparingTo(expected);
            assertThat(score.grade()).isEqualTo(unitScore.grade(score.score()));
        }
    }

    @Test
    void theYearIsSeventyPerCentTheQuartersAndThirtyTheAssessment() {
        Score year = unitScore.annual(List.of(new BigDecimal("80"), new BigDecimal("90"), new BigDecimal("70"),
                new BigDecimal("100")), new BigDecimal("60"));
        // 0.7 × 85 + 0.3 × 60
        assertThat(year.score()).isEqualByComparingTo("77.5");
        assertThat(year.grade()).isEqualTo("合格");
        assertThat(year.parts()).extracting(Part::decisionId, Part::points, Part::weight).containsExactly(
                tuple("unit-score-quarters", new BigDecimal("85.0"), new BigDecimal("70.0")),
                tuple("annualAssessment", new BigDecimal("60.0"), new BigDecimal("30.0")));
    }

    @Test
    void theYearCountsTheQuartersThereAreAndRoundsHalfUp() {
        // 0.7 × 81 + 0.3 × 78.5 = 80.25
        assertThat(unitScore.annual(List.of(new BigDecimal("81")), new BigDecimal("78.5")).score())
                .isEqualByComparingTo("80.3");
        assertThat(unitScore.annual(List.of(new BigDecimal("80"), new BigDecimal("90")), new BigDecimal("85")).score())
                .isEqualByComparingTo("85");
    }

    @Test
    void aPartOfTheYearNotThereYetTakesNoShare() {
        Score quartersOnly = unitScore.annual(List.of(new BigDecimal("90"), new BigDecimal("95")), null);
        assertThat(quartersOnly.score()).isEqualByComparingTo("92.5");
        assertThat(quartersOnly.grade()).isEqualTo("优秀");
        assertThat(quartersOnly.parts().get(1).points()).isNull();

        Score assessmentOnly = unitScore.annual(List.of(), new BigDecimal("75"));
        assertThat(assessmentOnly.score()).isEqualByComparingTo("75");
        assertThat(assessmentOnly.grade()).isEqualTo("合格");
    }

    @Test
    void aYearNeedsSomethingToCombine() {
        assertThatThrownBy(() -> unitScore.annual(List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> unitScore.annual(null, BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> unitScore.annual(Arrays.asList(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.TEN), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four");
        assertThatThrownBy(() -> unitScore.annual(List.of(new BigDecimal("101")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
    }
}

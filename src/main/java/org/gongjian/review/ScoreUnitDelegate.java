package org.gongjian.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.identity.Groups;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;

/**
 * Computes the unit's figures for the period from what the processes recorded, stores them with the records they
 * count, and scores them with {@code bpmn/unit-score.dmn}; a year's score combines its quarters' results. Then asks
 * the community's resident representatives, as they are now, for their ratings.
 */
@Component("scoreUnitDelegate")
class ScoreUnitDelegate implements JavaDelegate {

    private final Reviews reviews;
    private final ReviewFigures figures;
    private final UnitScore score;

    ScoreUnitDelegate(Reviews reviews, ReviewFigures figures, UnitScore score) {
        this.reviews = reviews;
        this.figures = figures;
        this.score = score;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Reviews.Review review = reviews.get(((Number) execution.getVariable(REVIEW_ID)).longValue());
        scoreFromRecord(review);

        Map<String, String> representatives = new LinkedHashMap<>();
        for (User person : execution.getProcessEngineServices().getIdentityService().createUserQuery()
                .memberOfGroup(Groups.residents(review.communityId())).orderByUserId().asc().list()) {
            representatives.put(person.getId(), (person.getFirstName() + " " + person.getLastName()).trim());
        }
        reviews.askRatings(review.id(), representatives);
        execution.setVariable(REPRESENTATIVES, new ArrayList<>(representatives.keySet()));
        execution.setVariable(RATINGS_COLLECTED, false);
    }

    /** The figures counted again from the record as it is now, stored in place of any earlier ones, and scored. */
    void scoreFromRecord(Reviews.Review review) {
        ReviewFigures.Figures counted = figures.compute(review.unitId(), review.communityId(), review.periodStart(),
                review.periodEnd());
        figures.store(review.id(), counted);
        UnitScore.Score result = review.annual()
                ? score.annual(quarterScores(review), null)
                : score.quarter(counted.values());
        reviews.scored(review.id(), result.score(), result.grade());
    }

    /**
     * The year's quarters as computed from the record, each quarter the unit was reviewed for: the quarters' own
     * reviews start in the same job as the year's and may not have been scored yet, so they are scored here the same
     * way rather than read from them.
     */
    private List<BigDecimal> quarterScores(Reviews.Review year) {
        List<BigDecimal> scores = new ArrayList<>();
        for (Reviews.Review quarter : reviews.quartersOf(year.unitId(), year.period())) {
            scores.add(quarter.computedScore() != null ? quarter.computedScore()
                    : score.quarter(figures.compute(quarter.unitId(), quarter.communityId(), quarter.periodStart(),
                            quarter.periodEnd()).values()).score());
        }
        return scores;
    }
}

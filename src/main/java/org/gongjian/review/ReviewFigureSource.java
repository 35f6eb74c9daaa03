package org.gongjian.review;

import java.util.List;

/**
 * The figures of a review as the pages show them: each with its value and the records it counts. The stored figures
 * ({@code ReviewFigures.of(reviewId)}) answer it through a small adapter; until there is one, the pages say the
 * figures are not available.
 */
public interface ReviewFigureSource {

    List<ShownFigure> figuresOf(long reviewId);

    /** A figure by name, its value as shown, and the records behind it. */
    record ShownFigure(String name, String value, List<ShownTrace> traces) {}

    /** One record a figure counts: its kind (activity, meeting, agreement...), its id, and a label to show. */
    record ShownTrace(String kind, String ref, String label) {}
}

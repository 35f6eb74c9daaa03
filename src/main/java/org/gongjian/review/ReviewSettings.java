package org.gongjian.review;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the review a sub-district may tune.
 *
 * @param assessmentMargin how far, in points, the community secretary's assessment may differ from the computed score
 *                         without a written reason
 */
@ConfigurationProperties("gongjian.review")
public record ReviewSettings(@DefaultValue("10") BigDecimal assessmentMargin) {
}

package org.gongjian.review;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the review a sub-district may tune.
 *
 * @param assessmentMargin how far, in points, the community secretary's assessment may differ from the computed score
 *                         without a written reason
 * @param rectificationBelow a final score below this opens a rectification, as a 不合格 grade always does
 */
@ConfigurationProperties("gongjian.review")
public record ReviewSettings(@DefaultValue("10") BigDecimal assessmentMargin,
                             @DefaultValue("60") BigDecimal rectificationBelow) {
}

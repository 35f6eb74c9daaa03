package org.gongjian.funds;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of money a sub-district may tune.
 *
 * @param maxAmount the largest amount one transfer may carry, in yuan: a typing slip of three zeros is
 *                  refused, not paid
 */
@ConfigurationProperties("gongjian.funds")
public record FundsSettings(@DefaultValue("1000000.00") BigDecimal maxAmount) {
}

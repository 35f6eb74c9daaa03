package org.gongjian.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListsAtSizeTest {

    @Test
    void theLoggedParametersGoIntoTheStatementQuotedByType() {
        assertThat(ListsAtSize.withParameters("SELECT * FROM t WHERE a = ? AND b < ? AND c = ? AND d IS ? LIMIT ?",
                "it's(String), 2027-01-31 00:00:01.0(Timestamp), (x)(String), null, 15(Integer)"))
                .isEqualTo("SELECT * FROM t WHERE a = 'it''s' AND b < '2027-01-31 00:00:01.0' AND c = '(x)' AND d IS NULL LIMIT 15");
    }

    @Test
    void placeholdersAndParametersMustMatchInNumber() {
        assertThatThrownBy(() -> ListsAtSize.withParameters("SELECT ? , ?", "1(Integer)"))
                .hasMessageContaining("more placeholders than parameters");
        assertThatThrownBy(() -> ListsAtSize.withParameters("SELECT ?", "1(Integer), 2(Integer)"))
                .hasMessageContaining("fewer placeholders than parameters");
        assertThat(ListsAtSize.withParameters("SELECT 1", "")).isEqualTo("SELECT 1");
    }
}

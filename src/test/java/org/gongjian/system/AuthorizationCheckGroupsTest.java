package org.gongjian.system;

import javax.sql.DataSource;

import org.gongjian.GongjianTest;
import org.gongjian.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@GongjianTest
class AuthorizationCheckGroupsTest {

    @Autowired DataSource dataSource;

    @Test
    void theAuthorizationTableHasAnIndexOnTheUserOnceTheEngineStarted() throws Exception {
        assertThat(TestDatabase.indexes(dataSource, "ACT_RU_AUTHORIZATION")).contains(AuthorizationCheckGroups.USER_INDEX.toLowerCase());
    }

    @Test
    void postgresFindsAPersonsAuthorizationsThroughTheUserIndex() throws Exception {
        assumeTrue(TestDatabase.postgres(), "a plan of PostgreSQL's");
        String plan = TestDatabase.postgresPlan(dataSource, """
                SELECT * FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
                  AND (A.USER_ID_ IN ('lihua', '*') OR A.GROUP_ID_ IN ('street-committee'))""");
        assertThat(plan).contains(AuthorizationCheckGroups.USER_INDEX.toLowerCase());
    }
}

package org.gongjian.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("ACT_RU_AUTHORIZATION", "act_ru_authorization")) {
                try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, true)) {
                    while (indexes.next()) {
                        names.add(String.valueOf(indexes.getString("INDEX_NAME")).toLowerCase());
                    }
                }
            }
        }
        assertThat(names).contains(AuthorizationCheckGroups.USER_INDEX.toLowerCase());
    }

    @Test
    void postgresFindsAPersonsAuthorizationsThroughTheUserIndex() throws Exception {
        assumeTrue(TestDatabase.postgres(), "a plan of PostgreSQL's");
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // the table of a test database is small enough to read whole; the question is whether the index serves
                statement.execute("SET LOCAL enable_seqscan = off");
                try (ResultSet rows = statement.executeQuery("""
                        EXPLAIN SELECT * FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
                          AND (A.USER_ID_ IN ('lihua', '*') OR A.GROUP_ID_ IN ('street-committee'))""")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(plan.toString().toLowerCase()).contains(AuthorizationCheckGroups.USER_INDEX.toLowerCase());
    }
}

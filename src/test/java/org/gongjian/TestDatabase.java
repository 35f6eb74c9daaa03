package org.gongjian;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The suite runs twice (see pom.xml): with {@code -Dgongjian.test.db=h2} on a fresh in-memory
 * H2 per context, and with {@code postgres} on the real PostgreSQL that .ci/run starts.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("gongjian.test.db", "h2"));
    }

    /** The names of a table's indexes, in lower case (H2 keeps names in upper case, PostgreSQL in lower). */
    public static List<String> indexes(DataSource dataSource, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String spelled : List.of(table.toUpperCase(), table.toLowerCase())) {
                try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, spelled, false, true)) {
                    while (indexes.next()) {
                        String name = indexes.getString("INDEX_NAME");
                        if (name != null) {
                            names.add(name.toLowerCase());
                        }
                    }
                }
            }
        }
        return names;
    }

    /**
     * The plan PostgreSQL chooses for a query, in lower case, with sequential scans off: a test database's
     * tables are small enough to read whole, and the question is whether an index serves the query.
     */
    public static String postgresPlan(DataSource dataSource, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SET LOCAL enable_seqscan = off");
                try (ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return plan.toString().toLowerCase();
    }

    static String[] profiles(String... base) {
        List<String> profiles = new ArrayList<>(List.of(base));
        if (postgres()) {
            profiles.add("postgres");
        }
        profiles.add("test");
        profiles.add(postgres() ? "test-postgres" : "test-h2");
        return profiles.toArray(String[]::new);
    }

    /** The demo world on the suite's database. */
    public static class Demo implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return profiles("demo");
        }
    }

    /** A production set-up (no demo profile) on the suite's database. */
    public static class Production implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return profiles();
        }
    }
}

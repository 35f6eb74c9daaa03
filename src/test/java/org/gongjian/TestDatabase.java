package org.gongjian;

import java.util.ArrayList;
import java.util.List;

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

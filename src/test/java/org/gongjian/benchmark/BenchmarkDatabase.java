package org.gongjian.benchmark;

/**
 * The benchmark's database: {@code gongjian_pgbench} on the PostgreSQL the suite uses, which .ci/run
 * creates fresh. The application's tables and pgbench's live side by side in it, and no other test's
 * jobs are there for the benchmark's job executor to run.
 */
final class BenchmarkDatabase {

    /** Another database with GONGJIAN_BENCHMARK_DB, so that a run can go on beside .ci/run's. */
    static final String NAME = System.getenv().getOrDefault("GONGJIAN_BENCHMARK_DB", "gongjian_pgbench");

    private BenchmarkDatabase() {
    }

    /** The suite's PostgreSQL URL with the benchmark's database in it. */
    static String url() {
        String suite = System.getenv().getOrDefault("GONGJIAN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/gongjian_test");
        int path = suite.indexOf('/', "jdbc:postgresql://".length());
        int query = suite.indexOf('?', path);
        return suite.substring(0, path + 1) + NAME + (query < 0 ? "" : suite.substring(query));
    }
}

package org.gongjian.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit: PostgreSQL's pgbench (its default TPC-B-like transaction) against the
 * same server the application uses, in a database of its own so that its tables never meet
 * Gongjian's. pgbench comes with Debian's postgresql-15 package, in PostgreSQL's bin folder.
 */
final class Pgbench {

    static final Path BINARY = Path.of("/usr/lib/postgresql/15/bin/pgbench");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    Pgbench(String jdbcUrl, String database, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** Creates pgbench's tables at the given scale (10: a million accounts, a few seconds). */
    void initialise(int scale) {
        run(List.of("-i", "-q", "-s", String.valueOf(scale)));
    }

    /** Transactions per second with that many clients (and as many threads) for that many seconds. */
    double tps(int clients, int seconds) {
        String out = run(List.of("-n", "-c", String.valueOf(clients), "-j", String.valueOf(clients), "-T", String.valueOf(seconds)));
        Matcher tps = TPS.matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    private String run(List<String> arguments) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's postgresql-15 package");
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-h", host, "-p", String.valueOf(port), "-U", user));
        command.addAll(arguments);
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench " + arguments + " failed (does the database '" + database
                        + "' exist? .ci/run creates it):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("pgbench cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pgbench ran", e);
        }
    }
}

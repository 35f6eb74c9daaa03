package org.gongjian.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster: the packaged jar in a JVM of its own, on a port of its own, its output in
 * {@code target/cluster-<name>.log}.
 */
public final class ClusterNode {

    private final String name;
    private final Path jar;
    private final Path log;
    private final List<String> arguments;
    final int port;
    private Process process;

    public ClusterNode(String name, Path jar, List<String> arguments) throws IOException {
        this.name = name;
        this.jar = jar;
        this.port = freePort();
        this.log = Path.of("target", "cluster-" + name + ".log");
        Files.deleteIfExists(log);
        this.arguments = arguments;
    }

    public String name() {
        return name;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port, "--gongjian.node-name=" + name,
                "--gongjian.base-url=" + base()));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        // appended: a restarted node keeps its first life's log
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until the node answers ready (database and engine up), failing with its log if it dies or takes too long. */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " stopped with exit code " + process.exitValue() + ":\n" + tail(80));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("node " + name + " not ready within " + timeout + ":\n" + tail(80));
    }

    /** The CPU time the node's JVM has used so far (user and system, all its threads). */
    public Duration cpu() {
        return process == null ? Duration.ZERO : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** kill -9: the JVM ends at once, in the middle of whatever it does. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A normal stop, then a hard one if it hangs. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- " + log + " (last " + lines + " lines) ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "---- no log at " + log + ": " + e.getMessage();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

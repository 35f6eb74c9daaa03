package org.gongjian.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lists people open, at the size the quarter start left: a person's Tasklist filters through
 * {@code /engine-rest/filter/{id}/list} as Tasklist asks for them (HAL, the first 15 by creation),
 * the public board of a community and the agreement list of the street committee. p50 and p95 of
 * sequential requests after a warm-up; and for the slowest filter the query plans PostgreSQL chose for
 * the engine's own statements, caught from MyBatis' log during one request and explained with their
 * parameters.
 */
final class ListsAtSize {

    /**
     * One list: who opens it, and either the Tasklist filter or the page; whether it is timed with the
     * engine's own narrowing of the person's groups as well (seconds a request at a city's size).
     */
    record Listing(String name, String user, String path, String filterKey, boolean withTheEnginesNarrowing) {

        Listing(String name, String user, String path, String filterKey) {
            this(name, user, path, filterKey, filterKey != null);
        }
    }

    record Timing(String name, int requests, double p50Millis, double p95Millis, int rows) {}

    static final String STREET_COMMITTEE = "lihua";
    /** The benchmark's own filter: overdue tasks "assigned to me or offered to my groups", Gongjian's one filter before. */
    static final String OVERDUE_AS_ONE = "benchmark-overdue-as-one";   // 新华街道党工委 in the demo world
    private static final String PASSWORD = "demo";
    private static final int WARM_UP = 5;
    /** Camunda's mappers log their statements under the mapper's namespace (MyBatis, through slf4j). */
    private static final String MAPPERS = "org.camunda.bpm.engine.impl.persistence.entity";
    private static final Pattern PARAMETER = Pattern.compile("(null)(?:, |$)|(.*?)\\((\\w+)\\)(?:, |$)");

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ListsAtSize(ProcessEngine engine, JdbcTemplate jdbc, String base) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.base = base;
    }

    /**
     * The lists of one community of the city: its staff, one of its units' liaisons, and the street
     * committee's. The overdue tasks as Gongjian showed them before "我的逾期" and "逾期" were two
     * filters, in one filter "assigned to me or offered to my groups", are timed beside them as the
     * baseline of the same run (a filter the benchmark saves, {@link #OVERDUE_AS_ONE}).
     */
    List<Listing> of(String communityId, String unitId) {
        saveTheOverdueFilterAsOne();
        String staff = communityId + "-staff";
        return List.of(
                new Listing("filter-my-groups-staff", staff, null, "my-groups"),
                new Listing("filter-my-groups-liaison", unitId + "-liaison", null, "my-groups"),
                new Listing("filter-my-overdue-staff", staff, null, "my-overdue", false),
                new Listing("filter-overdue-staff", staff, null, "overdue", false),
                new Listing("filter-overdue-as-one-staff", staff, null, OVERDUE_AS_ONE, false),
                new Listing("filter-my-overdue-street-committee", STREET_COMMITTEE, null, "my-overdue", false),
                new Listing("filter-overdue-street-committee", STREET_COMMITTEE, null, "overdue"),
                new Listing("filter-overdue-as-one-street-committee", STREET_COMMITTEE, null, OVERDUE_AS_ONE, false),
                new Listing("filter-all-overdue-street-committee", STREET_COMMITTEE, null, "all-overdue"),
                new Listing("board", null, "/board/" + communityId, null),
                new Listing("agreement-list", STREET_COMMITTEE, "/agreements", null));
    }

    private void saveTheOverdueFilterAsOne() {
        boolean saved = engine.getFilterService().createFilterQuery().list().stream()
                .anyMatch(f -> f.getProperties() != null && OVERDUE_AS_ONE.equals(f.getProperties().get("gongjianFilter")));
        if (saved) {
            return;
        }
        Filter filter = engine.getFilterService().newTaskFilter("逾期（基准） Overdue as one filter (benchmark)");
        filter.setProperties(new LinkedHashMap<>(Map.of("gongjianFilter", OVERDUE_AS_ONE)));
        filter.setQuery(engine.getTaskService().createTaskQuery()
                .or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .endOr()
                .dueBeforeExpression("${now()}"));
        String id = engine.getFilterService().saveFilter(filter).getId();
        Authorization everyone = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(id);
        everyone.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(everyone);
    }

    Timing time(Listing list, int requests) throws Exception {
        HttpClient client = list.filterKey() == null && list.user() != null ? loggedIn(list.user()) : http;
        // made once, outside the timing: finding the filter's id is the harness's work, not the list's
        HttpRequest request = request(list);
        double[] millis = new double[requests];
        int rows = 0;
        for (int i = -WARM_UP; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            double took = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(list.name() + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                millis[i] = took;
            }
            if (list.filterKey() != null) {
                rows = countOf(response.body());
            }
        }
        Arrays.sort(millis);
        return new Timing(list.name(), requests, percentile(millis, 0.50), percentile(millis, 0.95), rows);
    }

    /**
     * The same timing with the engine's own authorization manager, which narrows a person's groups to
     * those holding any authorization by reading them all, once per command; Gongjian's is put back after.
     */
    Timing timeWithTheEnginesGroupNarrowing(Listing listing, int requests) throws Exception {
        Map<Class<?>, SessionFactory> factories =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories();
        SessionFactory gongjians = factories.get(AuthorizationManager.class);
        factories.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
        try {
            return time(listing, requests);
        } finally {
            factories.put(AuthorizationManager.class, gongjians);
        }
    }

    /**
     * The plans of the statements the engine runs for one request of the filter, slowest first: each
     * statement as MyBatis logged it, its parameters put in, under {@code EXPLAIN (ANALYZE, BUFFERS)}.
     */
    List<Map<String, Object>> plans(Listing list) throws Exception {
        HttpRequest request = request(list);
        Logger mappers = (Logger) LoggerFactory.getLogger(MAPPERS);
        Level before = mappers.getLevel();
        ListAppender<ILoggingEvent> caught = new ListAppender<>();
        caught.start();
        mappers.addAppender(caught);
        mappers.setLevel(Level.DEBUG);
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } finally {
            mappers.setLevel(before);
            mappers.detachAppender(caught);
        }
        List<Map<String, Object>> plans = new ArrayList<>();
        String sql = null;
        for (ILoggingEvent event : caught.list) {
            String message = event.getFormattedMessage();
            if (message.startsWith("==>  Preparing: ")) {
                sql = message.substring("==>  Preparing: ".length());
            } else if (message.startsWith("==> Parameters: ") && sql != null) {
                String statement = withParameters(sql, message.substring("==> Parameters: ".length()));
                sql = null;
                if (!statement.trim().toUpperCase().startsWith("SELECT")) {
                    continue;
                }
                List<String> plan = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + statement, String.class);
                Map<String, Object> explained = new LinkedHashMap<>();
                explained.put("statement", event.getLoggerName().substring(MAPPERS.length() + 1));
                explained.put("millis", executionMillis(plan));
                explained.put("plan", plan);
                plans.add(explained);
            }
        }
        plans.sort(Comparator.comparingDouble((Map<String, Object> p) -> (Double) p.get("millis")).reversed());
        return plans;
    }

    private HttpRequest request(Listing list) {
        if (list.filterKey() != null) {
            return HttpRequest.newBuilder(URI.create(base + "/engine-rest/filter/" + filterId(list.filterKey())
                            + "/list?firstResult=0&maxResults=15"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (list.user() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/hal+json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}"))
                    .build();
        }
        return HttpRequest.newBuilder(URI.create(base + list.path())).GET().build();
    }

    /** A client with a session of Gongjian's own login (the page's CSRF field, then the form). */
    private HttpClient loggedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF field");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + PASSWORD
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(user + " could not log in: " + login.statusCode() + " " + location);
        }
        return client;
    }

    private String filterId(String key) {
        return engine.getFilterService().createFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null && key.equals(f.getProperties().get("gongjianFilter")))
                .map(Filter::getId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Tasklist filter " + key));
    }

    /** The total a HAL task list gives beside its first page. */
    private static int countOf(String halList) {
        Matcher count = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(halList);
        return count.find() ? Integer.parseInt(count.group(1)) : -1;
    }

    /** The statement with each {@code ?} replaced by its logged value, quoted as its type needs. */
    static String withParameters(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        Matcher m = PARAMETER.matcher(parameters);
        int at = 0;
        while (at < parameters.length() && m.find(at) && m.start() == at) {
            values.add(m.group(1) != null ? "NULL" : switch (m.group(3)) {
                case "Integer", "Long", "Short", "Boolean", "BigDecimal", "Double" -> m.group(2);
                default -> "'" + m.group(2).replace("'", "''") + "'";
            });
            at = m.end();
        }
        if (at < parameters.length()) {
            throw new IllegalStateException("cannot read the parameters from " + parameters.substring(at));
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                if (next >= values.size()) {
                    throw new IllegalStateException("more placeholders than parameters in " + sql + " / " + parameters);
                }
                out.append(values.get(next++));
            } else {
                out.append(c);
            }
        }
        if (next != values.size()) {
            throw new IllegalStateException("fewer placeholders than parameters in " + sql + " / " + parameters);
        }
        return out.toString();
    }

    private static double executionMillis(List<String> plan) {
        for (String line : plan) {
            Matcher m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return -1;
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, index)] * 100) / 100.0;
    }
}

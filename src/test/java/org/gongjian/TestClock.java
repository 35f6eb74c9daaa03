package org.gongjian;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.gongjian.system.EngineClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests' one hand on the time. As an extension ({@code @ExtendWith(TestClock.class)}) it puts
 * each test on the day its world lives in, whatever today's real date is: before the test,
 * Gongjian's rules and the engine (one {@link EngineClock}) read {@link #TODAY} and run on from
 * there; after it, the real time again. The fixed dates the tests submit (the 2027 term, its first
 * quarter, 2027-01-16...) lie after this day, so the rules that refuse dates before today accept them
 * next year as they do now. {@link #at} sets the clock where a story needs it.
 */
public final class TestClock implements BeforeEachCallback, AfterEachCallback {

    /** 10:00 on 2 December 2026 in Shanghai: a month before the 2027 term the tests' agreements have. */
    public static final Instant TODAY = Instant.parse("2026-12-02T02:00:00Z");

    /** The same time as the application's {@code EngineClock} bean. */
    private static final EngineClock CLOCK = new EngineClock(ZoneId.of("Asia/Shanghai"));

    @Override
    public void beforeEach(ExtensionContext context) {
        CLOCK.offset(Duration.between(Instant.now(), TODAY).toMillis());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }

    /** Gongjian's and the engine's now. */
    public static Instant now() {
        return CLOCK.instant();
    }

    /** Stops the clock at the instant (both Gongjian and the engine). */
    public static void at(Instant instant) {
        CLOCK.set(instant);
    }

    /** Back to the real time. */
    public static void reset() {
        CLOCK.reset();
    }
}

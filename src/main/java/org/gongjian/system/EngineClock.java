package org.gongjian.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Gongjian and the engine: timers, due dates and Gongjian's own rules all read
 * the same time, so that the demo clock and the tests move both at once. The engine's clock is
 * read here and nowhere else; a move to Operaton changes this class only.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Sets the time of Gongjian and the engine (demo clock, tests). */
    public void set(Instant instant) {
        ClockUtil.setCurrentTime(java.util.Date.from(instant));
    }

    /** Moves Gongjian and the engine by an offset from the real time (demo clock). */
    public void offset(long millis) {
        ClockUtil.offset(millis);
    }

    /** Back to the real time. */
    public void reset() {
        ClockUtil.reset();
    }
}

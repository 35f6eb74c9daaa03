package org.gongjian.review;

/**
 * An objection the rules refuse, with the field at fault (or null) and a sentence for the person, in Chinese with
 * English. Nothing was stored.
 */
public class ObjectionRefusedException extends RuntimeException {

    /** Bad input the person can correct; the notice not open; too many objections from one phone or network. */
    public enum Reason { INVALID, CLOSED, TOO_MANY }

    private final Reason reason;
    private final String field;
    private final boolean tooLong;

    ObjectionRefusedException(Reason reason, String field, String message) {
        this(reason, field, message, false);
    }

    ObjectionRefusedException(Reason reason, String field, String message, boolean tooLong) {
        super(message);
        this.reason = reason;
        this.field = field;
        this.tooLong = tooLong;
    }

    /** The field's value is longer than allowed: the page does not carry it back. */
    public boolean tooLong() {
        return tooLong;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}

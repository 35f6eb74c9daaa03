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

    ObjectionRefusedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}

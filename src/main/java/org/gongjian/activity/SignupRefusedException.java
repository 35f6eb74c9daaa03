package org.gongjian.activity;

/**
 * A sign-up, check-in or rating that the rules refuse, with the field at fault (or null) and a
 * message for the person, in Chinese with English. Nothing was changed.
 */
public class SignupRefusedException extends RuntimeException {

    /** Why: bad input (the person can correct it), or a rule of the activity (full, closed, duplicate, too early...). */
    public enum Reason { INVALID, FULL, DUPLICATE, CLOSED, NOT_OPEN, WRONG_DAY, NOT_SIGNED_UP, TOO_MANY, ALREADY_RATED, ALREADY_CHECKED_IN }

    private final Reason reason;
    private final String field;

    public SignupRefusedException(Reason reason, String field, String message) {
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

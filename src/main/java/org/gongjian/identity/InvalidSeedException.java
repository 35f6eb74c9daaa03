package org.gongjian.identity;

/** The seed file says something that cannot be loaded; the message names what. */
public class InvalidSeedException extends RuntimeException {

    public InvalidSeedException(String message) {
        super("seeds/world.yaml: " + message);
    }
}

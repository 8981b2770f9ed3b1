package org.aniprep.model;

/** A model that cannot be found, fetched, verified or opened; the message says which and why. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

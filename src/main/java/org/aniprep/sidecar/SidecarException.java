package org.aniprep.sidecar;

/** A sidecar that cannot be read or written; the message names the file. */
public class SidecarException extends RuntimeException {
    public SidecarException(String message, Throwable cause) {
        super(message, cause);
    }

    public SidecarException(String message) {
        super(message);
    }
}

package org.aniprep.detect;

/** The cascade file is missing or is not a cascade OpenCV can load; the message names the file. */
public class CascadeException extends RuntimeException {
    public CascadeException(String message) {
        super(message);
    }
}

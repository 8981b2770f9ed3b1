package org.aniprep.model;

/** A model that cannot be found, fetched, verified or opened; the message says which and why. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why, in one short line: a failed download's reason, else the message's first line. */
    public static String firstLine(ModelException e) {
        if (e instanceof HubDownloader.DownloadFailed d) {
            return d.reason();
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

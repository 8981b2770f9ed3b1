package org.aniprep.image;

import java.io.IOException;

/** An image file that cannot be used; the message says why in words a user understands. */
public class ImageLoadException extends IOException {
    public ImageLoadException(String message) {
        super(message);
    }

    public ImageLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

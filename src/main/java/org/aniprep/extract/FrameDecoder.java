package org.aniprep.extract;

import java.io.IOException;

/** Decodes one video and yields only the frames the selection keeps (mpdecimate or key frames). */
public interface FrameDecoder extends AutoCloseable {
    VideoInfo info();

    /** The next selected frame, or null at the end of the video. */
    DecodedFrame next() throws IOException;

    /** Frames decoded so far, kept or not (drives the progress bar). */
    long decodedFrames();

    @Override
    void close() throws IOException;
}

package org.aniprep.console;

/** This build's version, as {@code aniprep --version} and run folders record it. */
public final class AniprepVersion {
    public static final String NAME = "0.1.0";

    private AniprepVersion() {
    }
}

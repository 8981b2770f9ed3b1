package org.aniprep.extract;

/** Hardware decoding: {@code auto} tries CUDA and falls back to the CPU with one info line. */
public enum Hwaccel {
    AUTO, NONE, CUDA
}

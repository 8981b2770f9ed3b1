package org.aniprep.dataset.metadata;

/** Something the seed's keys are made from that an image lacks (summarised once per run, not per image). */
public enum MissingSection { SIDECAR, CLASSIFY, DETECT, TAG }

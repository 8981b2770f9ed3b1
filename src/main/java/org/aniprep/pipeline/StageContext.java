package org.aniprep.pipeline;

import org.aniprep.console.Problems;

/**
 * What a stage gets besides its options: where to report bad inputs (one line each; the run goes
 * on). The folders it writes are locked before {@link Stage#run} is called.
 */
public record StageContext(Problems problems) {
}

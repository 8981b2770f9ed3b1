package org.aniprep.demo.art;

/** The hair silhouettes the demo can draw; each reads differently at thumbnail size. */
public enum HairStyle {
    /** Chin-length bob with ends curling in. */
    BOB,
    /** Straight hair down to the waist. */
    LONG,
    /** Short back hair with two long tails tied high on the sides. */
    TWINTAILS,
    /** Short, spiky (a boy's cut). */
    SPIKY
}

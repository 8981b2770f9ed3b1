package org.aniprep.demo.art;

/** What a demo character wears. */
public enum Outfit {
    /** Sailor blouse with a coloured collar and bow, pleated skirt. */
    SAILOR,
    /** Dark one-piece dress with a white round collar. */
    DRESS,
    /** Boys' school uniform: standing collar, buttons, trousers. */
    GAKURAN
}

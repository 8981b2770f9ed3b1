package org.aniprep.demo.art;

import java.awt.Color;
import java.util.List;

/**
 * How one demo character looks (colours: {@code top} and {@code bottom} of the outfit, {@code
 * accent} for bows, clips and buttons): hair shape and colour, eyes, skin and outfit. The cast is small
 * and deliberately distinct (hair colour and silhouette), as real shows design them, so the
 * character stages have something to tell apart.
 */
public record CharacterDesign(String name, HairStyle hair, Color hairColor, Color eyeColor, Color skin,
                              Color top, Color bottom, Color accent, Outfit outfit) {

    public static final CharacterDesign AKANE = new CharacterDesign("akane", HairStyle.BOB,
            new Color(0xd8, 0x3a, 0x3a), new Color(0x2f, 0x8f, 0x5a), new Color(0xff, 0xe4, 0xd2),
            Color.WHITE, new Color(0x2d, 0x3a, 0x66), new Color(0xe0, 0x3c, 0x4a), Outfit.SAILOR);
    public static final CharacterDesign KURO = new CharacterDesign("kuro", HairStyle.LONG,
            new Color(0x2b, 0x2a, 0x3a), new Color(0x8a, 0x3c, 0xc8), new Color(0xfc, 0xe6, 0xda),
            new Color(0x35, 0x3b, 0x52), new Color(0x35, 0x3b, 0x52), new Color(0xf2, 0xf2, 0xf2), Outfit.DRESS);
    public static final CharacterDesign KIIRO = new CharacterDesign("kiiro", HairStyle.TWINTAILS,
            new Color(0xf6, 0xd0, 0x5a), new Color(0x2c, 0x7c, 0xe0), new Color(0xff, 0xe8, 0xd8),
            new Color(0xff, 0xff, 0xff), new Color(0xf0, 0x6c, 0x9a), new Color(0x4a, 0x9a, 0xf0), Outfit.SAILOR);
    public static final CharacterDesign AOI = new CharacterDesign("aoi", HairStyle.SPIKY,
            new Color(0x3a, 0x6e, 0xc8), new Color(0xd8, 0x8a, 0x22), new Color(0xf8, 0xdc, 0xc6),
            new Color(0x23, 0x2a, 0x38), new Color(0x23, 0x2a, 0x38), new Color(0xe8, 0xc0, 0x3a), Outfit.GAKURAN);

    public static List<CharacterDesign> cast() {
        return List.of(AKANE, KURO, KIIRO, AOI);
    }
}

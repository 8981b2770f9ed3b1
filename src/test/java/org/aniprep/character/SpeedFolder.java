package org.aniprep.character;

import java.nio.file.Path;

/**
 * Builds the folder of docs/classify.md's "classify alone" timing: {@code DIR/frames} with 80 scenes of
 * the shared sprites (true face boxes in detect sections) and {@code DIR/refs} with one sprite each of
 * Eileen and Lucy. Argument: DIR.
 */
public final class SpeedFolder {
    private SpeedFolder() {
    }

    public static void main(String[] args) throws Exception {
        ClassifyFixture fx = new ClassifyFixture(Path.of(args[0]));
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(80, 7, CastScenes.SPRITES.stream().map(CastScenes.Sprite::file).toList())) {
            fx.frame(s, "f" + i++, true);
        }
        fx.ref("Eileen", "eileen_happy.png");
        fx.ref("Lucy", "lucy_happy.png");
        ClassifyFixture.clearEnvironment();
    }
}

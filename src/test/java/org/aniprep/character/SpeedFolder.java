package org.aniprep.character;
import java.nio.file.*;
public final class SpeedFolder {
  public static void main(String[] a) throws Exception {
    ClassifyFixture fx = new ClassifyFixture(Path.of(a[0]));
    int i = 0;
    for (CastScenes.Scene s : fx.cast.scenes(80, 7, CastScenes.SPRITES.stream().map(CastScenes.Sprite::file).toList())) fx.frame(s, "f" + i++, true);
    fx.ref("Eileen", "eileen_happy.png"); fx.ref("Lucy", "lucy_happy.png");
  }
}

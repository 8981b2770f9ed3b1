package org.aniprep.character;

import org.aniprep.demo.art.CharacterDesign;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The held-out look-alike sets of issue 19, as faces with their true names and their references:
 * <ul>
 *   <li>{@code real}: references Eileen and Lucy (one sprite each); scenes of all five sprites and of
 *       painter characters with Eileen's or Lucy's hair and eye colours and other hairstyles/outfits;</li>
 *   <li>{@code cast}: references for the four demo characters (a close-up card each); scenes of them
 *       and of their look-alikes (same colours, the other three hairstyles);</li>
 *   <li>{@code both}: as {@code cast}, and one look-alike of each also has a reference (two references
 *       of one palette: each must keep its own name).</li>
 * </ul>
 * Faces are signed with box jitter, as OfflineAccuracyReport does.
 */
final class LookAlikeSets {
    record Face(String who, float[] vector, String scene, CastScenes.Scene image, FaceBox box) {
    }

    record Ref(String who, float[] vector, CastScenes.Scene image, FaceBox box) {
    }

    record Set(String name, long seed, List<Ref> refs, List<Face> faces) {
        boolean referenced(String who) {
            return refs.stream().anyMatch(r -> r.who().equals(who));
        }
    }

    static final double JITTER = 0.12;

    private LookAlikeSets() {
    }

    static Set real(CastScenes cast, int n, long seed) {
        List<Ref> refs = new ArrayList<>();
        for (String f : List.of("eileen_happy.png", "lucy_happy.png")) {
            CastScenes.Scene s = cast.sprite(f);
            refs.add(ref(s));
        }
        List<Object> figures = new ArrayList<>(CastScenes.SPRITES);
        LookAlikeScenes.realPairLookAlikes().forEach(d -> figures.add(new LookAlikeScenes.Drawn(d)));
        return new Set("real", seed, refs, faces(LookAlikeScenes.scenes(cast, figures, n, seed, "real"), seed));
    }

    static Set cast(CastScenes cast, int n, long seed, boolean both) {
        List<Ref> refs = new ArrayList<>();
        List<Object> figures = new ArrayList<>();
        for (CharacterDesign c : CharacterDesign.cast()) {
            refs.add(ref(c));
            figures.add(new LookAlikeScenes.Drawn(c));
            List<CharacterDesign> alikes = LookAlikeScenes.castLookAlikes(c);
            alikes.forEach(d -> figures.add(new LookAlikeScenes.Drawn(d)));
            if (both) {
                refs.add(ref(alikes.get((int) (Math.floorMod(seed, 3)))));
            }
        }
        String name = both ? "both" : "cast";
        return new Set(name, seed, refs, faces(LookAlikeScenes.scenes(cast, figures, n, seed, name), seed));
    }

    private static Ref ref(CharacterDesign c) {
        return ref(LookAlikeScenes.reference(c));
    }

    private static Ref ref(CastScenes.Scene s) {
        CastScenes.Face f = s.faces().get(0);
        return new Ref(f.who(), OfflineSignature.of(s.image(), f.box()).vector(), s, f.box());
    }

    private static List<Face> faces(List<CastScenes.Scene> scenes, long seed) {
        Random rnd = new Random(seed ^ 0x5eed);
        List<Face> out = new ArrayList<>();
        for (CastScenes.Scene s : scenes) {
            for (CastScenes.Face f : s.faces()) {
                FaceBox b = OfflineAccuracyReport.jittered(f.box(), JITTER, rnd, s.image().width(), s.image().height());
                out.add(new Face(f.who(), OfflineSignature.of(s.image(), b).vector(), s.name(), s, b));
            }
        }
        return out;
    }
}

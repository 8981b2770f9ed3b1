package org.aniprep.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A list of shots that becomes a video: {@link #script} says what it will contain, {@link #record} paints it. */
public final class Storyboard {
    private final List<Shot> shots = new ArrayList<>();

    public Storyboard add(Shot shot) {
        shots.add(shot);
        return this;
    }

    public List<Shot> shots() {
        return List.copyOf(shots);
    }

    public int frameCount() {
        return shots.stream().mapToInt(Shot::frames).sum();
    }

    public ClipScript script(ClipRecorder.Settings settings) {
        List<ClipScript.Span> spans = new ArrayList<>();
        List<String> pictures = new ArrayList<>();
        for (Shot shot : shots) {
            spans.add(new ClipScript.Span(shot.name(), pictures.size(), shot.frames()));
            for (int i = 0; i < shot.frames(); i++) {
                pictures.add(shot.pictureAt().apply(i).key());
            }
        }
        return new ClipScript(settings.fps(), settings.width(), settings.height(), spans, pictures);
    }

    /** Paints every frame (a held picture only once) and encodes the clip atomically to {@code target}. */
    public ClipScript record(Path target, ClipRecorder.Settings settings) throws IOException {
        return record(target, settings, () -> { });
    }

    /** As {@link #record(Path, ClipRecorder.Settings)}, calling {@code onFrame} after each frame (progress). */
    public ClipScript record(Path target, ClipRecorder.Settings settings, Runnable onFrame) throws IOException {
        if (shots.isEmpty()) {
            throw new IllegalStateException("storyboard has no shots");
        }
        BufferedImage canvas = new BufferedImage(settings.width(), settings.height(), BufferedImage.TYPE_3BYTE_BGR);
        String shown = null;
        try (ClipRecorder rec = ClipRecorder.open(target, settings)) {
            for (Shot shot : shots) {
                for (int i = 0; i < shot.frames(); i++) {
                    Shot.Picture picture = shot.pictureAt().apply(i);
                    if (!picture.key().equals(shown)) {
                        paint(canvas, picture.painter());
                        shown = picture.key();
                    }
                    rec.add(canvas);
                    onFrame.run();
                }
            }
            rec.finish();
        }
        return script(settings);
    }

    /** Paints one picture on a fresh black canvas with the rendering hints every picture gets. */
    public static void paint(BufferedImage canvas, Painter painter) {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            painter.paint(g, canvas.getWidth(), canvas.getHeight());
        } finally {
            g.dispose();
        }
    }
}

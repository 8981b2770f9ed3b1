package org.aniprep.demo.art;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flat-coloured anime backgrounds, drawn for a frame of any size and any width (a width larger
 * than the frame makes a strip to pan across). Shapes are laid out in units of 1/720 of the
 * height, so a background looks the same at every resolution; layouts come from a fixed seed.
 */
public final class Backgrounds {
    /** The backgrounds the demo can draw. */
    public enum Kind { SKY, ROOM, STREET }

    private static final double REF_HEIGHT = 720;
    private static final int MAX_CACHED = 8;
    private static final Map<CacheKey, BufferedImage> CACHE = new ConcurrentHashMap<>();

    private record CacheKey(Kind kind, int width, int height) {
    }

    private Backgrounds() {
    }

    /**
     * Paints the background {@code width} × {@code height} pixels from the graphics origin. A
     * background is drawn once per size and then copied: a shot repaints it for every new picture.
     */
    public static void paint(Graphics2D g, Kind kind, int width, int height) {
        CacheKey key = new CacheKey(kind, width, height);
        BufferedImage img = CACHE.get(key);
        if (img == null) {
            img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D b = img.createGraphics();
            b.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            b.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            b.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            draw(b, kind, width, height);
            b.dispose();
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            CACHE.put(key, img);
        }
        g.drawImage(img, 0, 0, null);
    }

    private static void draw(Graphics2D g, Kind kind, double width, double height) {
        Graphics2D b = (Graphics2D) g.create();
        try {
            double s = height / REF_HEIGHT;
            b.scale(s, s);
            double w = width / s;
            switch (kind) {
                case SKY -> sky(b, w);
                case ROOM -> room(b, w);
                case STREET -> street(b, w);
            }
        } finally {
            b.dispose();
        }
    }

    private static void skyGradient(Graphics2D g, double w, double horizon) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x3d, 0x86, 0xe0), 0, (float) horizon, new Color(0xc8, 0xe6, 0xff)));
        g.fill(new Rectangle2D.Double(0, 0, w, horizon));
    }

    private static void clouds(Graphics2D g, double w, double maxY, long seed) {
        Random rnd = new Random(seed);
        for (double x = rnd.nextDouble() * 200; x < w; x += 280 + rnd.nextDouble() * 260) {
            double y = 60 + rnd.nextDouble() * (maxY - 140);
            double size = 50 + rnd.nextDouble() * 40;
            Area cloud = new Area();
            for (int k = 0; k < 5; k++) {
                double cx = x + (k - 2) * size * 0.55;
                double r = size * (k == 2 ? 0.9 : k % 2 == 1 ? 0.7 : 0.5);
                cloud.add(new Area(Ink.ellipse(cx, y - r * 0.3, r * 1.5, r * 1.3)));
            }
            cloud.add(new Area(new Rectangle2D.Double(x - size * 1.1, y - size * 0.2, size * 2.2, size * 0.5)));
            g.setColor(Color.WHITE);
            g.fill(cloud);
            Area shade = new Area(cloud);
            shade.intersect(new Area(new Rectangle2D.Double(x - size * 2, y + size * 0.05, size * 4, size)));
            g.setColor(new Color(0xd6, 0xe4, 0xf6));
            g.fill(shade);
        }
    }

    private static void sky(Graphics2D g, double w) {
        double horizon = 520;
        skyGradient(g, w, horizon);
        clouds(g, w, horizon - 80, 7);
        Path2D hills = new Path2D.Double();
        hills.moveTo(0, horizon);
        for (double x = 0; x <= w + 200; x += 200) {
            hills.quadTo(x + 100, horizon - 70 - 40 * Math.sin(x / 330.0), x + 200, horizon - 10);
        }
        hills.lineTo(w + 200, REF_HEIGHT);
        hills.lineTo(0, REF_HEIGHT);
        hills.closePath();
        Ink.fill(g, hills, new Color(0x6c, 0xb0, 0x6a));
        Ink.fill(g, new Rectangle2D.Double(0, horizon + 10, w, REF_HEIGHT - horizon), new Color(0x8c, 0xcc, 0x6c));
        Random rnd = new Random(11);
        g.setColor(new Color(0x74, 0xb4, 0x58));
        for (double x = 0; x < w; x += 40 + rnd.nextDouble() * 60) {
            double y = horizon + 40 + rnd.nextDouble() * 150;
            g.fill(Ink.polygon(x, y, x + 6, y - 14, x + 12, y));
        }
    }

    private static void room(Graphics2D g, double w) {
        double floorY = 520;
        Ink.fill(g, new Rectangle2D.Double(0, 0, w, floorY), new Color(0xf3, 0xe3, 0xc8));
        Ink.fill(g, new Rectangle2D.Double(0, floorY - 70, w, 70), new Color(0xd9, 0xbf, 0x98));
        Ink.outline(g, new Rectangle2D.Double(-5, floorY - 70, w + 10, 70), 3);
        Ink.fill(g, new Rectangle2D.Double(0, floorY, w, REF_HEIGHT - floorY), new Color(0xb9, 0x83, 0x55));
        g.setColor(new Color(0x9c, 0x6a, 0x42));
        for (double y = floorY + 30; y < REF_HEIGHT; y += 45) {
            g.fill(new Rectangle2D.Double(0, y, w, 4));
        }
        for (double x = 0; x < w; x += 1280) {
            window(g, x + 300);
            shelf(g, x + 860);
        }
        Ink.outline(g, new Rectangle2D.Double(-5, -5, w + 10, floorY + 5), 3);
    }

    private static void window(Graphics2D g, double x) {
        Rectangle2D glass = new Rectangle2D.Double(x, 90, 340, 260);
        Graphics2D v = (Graphics2D) g.create();
        v.clip(glass);
        v.translate(x, 90);
        skyGradient(v, 340, 260);
        clouds(v, 340, 200, (long) x);
        v.dispose();
        Ink.outline(g, glass, 10, new Color(0xf8, 0xf8, 0xf4));
        Ink.outline(g, new Rectangle2D.Double(x - 6, 84, 352, 272), 3);
        Ink.fill(g, new Rectangle2D.Double(x + 167, 90, 6, 260), new Color(0xf8, 0xf8, 0xf4));
        Color curtain = new Color(0x8a, 0xb8, 0x9a);
        for (int side = 0; side < 2; side++) {
            double cx = side == 0 ? x - 50 : x + 340;
            Path2D c = new Path2D.Double();
            c.moveTo(cx, 70);
            c.lineTo(cx + 60, 70);
            c.quadTo(cx + 30 + (side == 0 ? 20 : -20), 250, cx + 60, 390);
            c.lineTo(cx, 390);
            c.closePath();
            Ink.cel(g, c, curtain, 3);
        }
        Ink.cel(g, new Rectangle2D.Double(x - 70, 60, 480, 12), new Color(0x8a, 0x6a, 0x4a), 3);
    }

    private static void shelf(Graphics2D g, double x) {
        Color wood = new Color(0xa0, 0x6c, 0x40);
        Ink.cel(g, new Rectangle2D.Double(x, 130, 260, 380), wood, 3);
        Random rnd = new Random((long) x);
        Color[] spines = {new Color(0xd0, 0x50, 0x50), new Color(0x50, 0x80, 0xc8), new Color(0xe8, 0xc0, 0x50),
            new Color(0x60, 0xa0, 0x70), new Color(0x90, 0x60, 0xb0)};
        for (int row = 0; row < 4; row++) {
            double y = 150 + row * 90;
            Ink.fill(g, new Rectangle2D.Double(x + 12, y, 236, 74), Ink.shade(wood, 0.6));
            for (double bx = x + 16; bx < x + 236; ) {
                double bw = 14 + rnd.nextDouble() * 16;
                double bh = 50 + rnd.nextDouble() * 22;
                Ink.cel(g, new Rectangle2D.Double(bx, y + 74 - bh, bw, bh), spines[rnd.nextInt(spines.length)], 2);
                bx += bw + 2;
            }
        }
    }

    private static void street(Graphics2D g, double w) {
        double ground = 470;
        skyGradient(g, w, ground);
        clouds(g, w, 220, 23);
        Random rnd = new Random(5);
        Color[] walls = {new Color(0xe8, 0xd8, 0xc0), new Color(0xc8, 0xd4, 0xe0), new Color(0xf0, 0xc8, 0xa8),
            new Color(0xd8, 0xd0, 0xd8), new Color(0xb8, 0xc8, 0xb0)};
        for (double x = -40; x < w; ) {
            double bw = 180 + rnd.nextDouble() * 160;
            double top = 90 + rnd.nextDouble() * 200;
            Color wall = walls[rnd.nextInt(walls.length)];
            Ink.fill(g, new Rectangle2D.Double(x, top, bw, ground - top), wall);
            Ink.fill(g, new Rectangle2D.Double(x + bw * 0.7, top, bw * 0.3, ground - top), Ink.shadow(wall));
            Ink.outline(g, new Rectangle2D.Double(x, top, bw, ground - top), 3);
            for (double wy = top + 30; wy < ground - 70; wy += 60) {
                for (double wx = x + 20; wx < x + bw - 40; wx += 50) {
                    Ink.cel(g, new Rectangle2D.Double(wx, wy, 26, 34), new Color(0x9c, 0xc4, 0xe8), 2);
                }
            }
            x += bw + 6;
        }
        Ink.fill(g, new Rectangle2D.Double(0, ground, w, 60), new Color(0xc8, 0xc0, 0xb4));
        Ink.outline(g, new Rectangle2D.Double(-5, ground, w + 10, 60), 3);
        Ink.fill(g, new Rectangle2D.Double(0, ground + 60, w, REF_HEIGHT - ground - 60), new Color(0x6a, 0x6c, 0x74));
        g.setColor(Color.WHITE);
        for (double x = 0; x < w; x += 160) {
            g.fill(new Rectangle2D.Double(x, 640, 90, 10));
        }
        Path2D wires = new Path2D.Double();
        Color pole = new Color(0x7a, 0x70, 0x68);
        for (double x = 200; x < w + 600; x += 600) {
            Ink.cel(g, new Rectangle2D.Double(x - 9, 40, 18, ground + 30 - 40), pole, 3);
            Ink.cel(g, new Rectangle2D.Double(x - 50, 80, 100, 10), pole, 2);
            for (int k = 0; k < 3; k++) {
                wires.moveTo(x - 40 + k * 40, 86);
                wires.quadTo(x + 260 + k * 40, 150, x + 560 + k * 40, 86);
            }
        }
        Ink.outline(g, wires, 2);
    }
}

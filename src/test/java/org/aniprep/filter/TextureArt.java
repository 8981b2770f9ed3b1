package org.aniprep.filter;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Random;

/**
 * Textures a text detector reads as lines: book spines on shelves (bands and labels), sign-like
 * patterns (tiles, bricks, slats, lattices, stripes with gaps), building fronts with rows of windows.
 */
final class TextureArt {
    private TextureArt() {
    }

    private static Color colour(Random rnd, float minBright) {
        return Color.getHSBColor(rnd.nextFloat(), 0.2f + 0.7f * rnd.nextFloat(), minBright + (1 - minBright) * rnd.nextFloat());
    }

    /** Shelves of books seen from the front: spines of random widths with bands and small labels. */
    static void spines(Graphics2D g, Random rnd, int w, int h) {
        g.setColor(colour(rnd, 0.1f).darker());
        g.fillRect(0, 0, w, h);
        int shelves = 2 + rnd.nextInt(3);
        int shelfH = h / shelves;
        for (int s = 0; s < shelves; s++) {
            int y0 = s * shelfH + shelfH / 12;
            int x = rnd.nextInt(20);
            while (x < w) {
                int bw = 18 + rnd.nextInt(45);
                int bh = (int) (shelfH * (0.7 + 0.25 * rnd.nextDouble()));
                int top = s * shelfH + shelfH - shelfH / 12 - bh;
                Color c = colour(rnd, 0.2f);
                g.setColor(c);
                g.fillRect(x, top, bw - 2, bh);
                g.setColor(rnd.nextBoolean() ? c.brighter().brighter() : c.darker().darker());
                int bands = rnd.nextInt(4);
                for (int b = 0; b < bands; b++) {
                    g.fillRect(x, top + 6 + rnd.nextInt(Math.max(1, bh - 12)), bw - 2, 3 + rnd.nextInt(5));
                }
                if (rnd.nextBoolean()) {
                    // a label: short dark marks in a row, like letters seen from afar
                    int ly = top + bh / 3;
                    for (int m = 0; m < 3 + rnd.nextInt(5); m++) {
                        g.fillRect(x + bw / 2 - 3, ly + m * 9, 6, 5);
                    }
                }
                x += bw;
            }
            g.setColor(new Color(0x5a, 0x3c, 0x22));
            g.fillRect(0, s * shelfH + shelfH - shelfH / 12, w, shelfH / 12);
            g.fillRect(0, y0 - shelfH / 12, w, shelfH / 24);
        }
    }

    /** A sign-like texture filling the frame. */
    static void texture(Graphics2D g, Random rnd, int w, int h) {
        Color a = colour(rnd, 0.3f);
        Color b = rnd.nextBoolean() ? a.darker().darker() : colour(rnd, 0.1f);
        // a shaded, mottled surface (a flat one would be rejected as uniform, which is not what is tested here)
        g.setPaint(new java.awt.GradientPaint(0, 0, a, w * 0.3f, h, a.darker()));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(a.getRed(), a.getGreen(), a.getBlue(), 40).brighter());
            g.fillOval(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(80), 20 + rnd.nextInt(80));
        }
        g.setColor(b);
        switch (rnd.nextInt(5)) {
            case 0 -> { // bricks
                int bh = 16 + rnd.nextInt(24);
                int bw = bh * (2 + rnd.nextInt(3));
                for (int y = 0, row = 0; y < h; y += bh, row++) {
                    g.fillRect(0, y, w, 3);
                    for (int x = (row % 2) * bw / 2; x < w; x += bw) {
                        g.fillRect(x, y, 3, bh);
                    }
                }
            }
            case 1 -> { // slats with gaps, like a shutter or a bench
                int sh = 10 + rnd.nextInt(20);
                for (int y = 0; y < h; y += sh * 2) {
                    for (int x = rnd.nextInt(40); x < w; x += 60 + rnd.nextInt(200)) {
                        g.fillRect(x, y, 40 + rnd.nextInt(160), sh);
                    }
                }
            }
            case 2 -> { // tiles
                int t = 20 + rnd.nextInt(40);
                g.setStroke(new BasicStroke(2 + rnd.nextInt(3)));
                for (int y = 0; y < h; y += t) {
                    g.drawLine(0, y, w, y);
                }
                for (int x = 0; x < w; x += t) {
                    g.drawLine(x, 0, x, h);
                }
            }
            case 3 -> { // a board of small plaques in rows (a notice board, a menu seen from afar)
                int rows = 6 + rnd.nextInt(8);
                for (int r = 0; r < rows; r++) {
                    int y = h * r / rows + 8;
                    for (int x = 20 + rnd.nextInt(30); x < w - 40; x += 14 + rnd.nextInt(30)) {
                        g.fillRect(x, y, 6 + rnd.nextInt(14), 8 + rnd.nextInt(8));
                    }
                }
            }
            default -> { // a lattice of diagonal bars
                g.setStroke(new BasicStroke(4 + rnd.nextInt(8)));
                int step = 30 + rnd.nextInt(40);
                for (int x = -h; x < w; x += step) {
                    g.drawLine(x, 0, x + h, h);
                    g.drawLine(x + h, 0, x, h);
                }
            }
        }
    }

    /** Building fronts across {@code w}: walls, rows of windows (some lit), floor bands, shop signs without writing. */
    static void facade(Graphics2D g, Random rnd, int w, int h) {
        g.setColor(Color.getHSBColor(0.55f + 0.1f * rnd.nextFloat(), 0.3f, 0.9f));
        g.fillRect(0, 0, w, h);
        int x = 0;
        while (x < w) {
            int bw = 200 + rnd.nextInt(300);
            int top = (int) (h * (0.05 + 0.3 * rnd.nextDouble()));
            Color wall = colour(rnd, 0.3f);
            g.setColor(wall);
            g.fillRect(x, top, bw, h - top);
            int ww = 16 + rnd.nextInt(30);
            int wh = 10 + rnd.nextInt(30);
            int gapX = ww / 2 + rnd.nextInt(ww);
            int gapY = wh / 2 + rnd.nextInt(wh);
            for (int y = top + gapY; y < h - wh - 40; y += wh + gapY) {
                for (int wx = x + gapX; wx < x + bw - ww; wx += ww + gapX) {
                    g.setColor(rnd.nextInt(4) == 0 ? new Color(0xff, 0xe8, 0x9a) : wall.darker().darker());
                    g.fillRect(wx, y, ww, wh);
                }
                if (rnd.nextInt(3) == 0) {
                    g.setColor(wall.brighter());
                    g.fillRect(x, y + wh + gapY / 3, bw, 3);
                }
            }
            if (rnd.nextBoolean()) {
                g.setColor(colour(rnd, 0.5f));
                g.fillRect(x + bw / 6, h - 70, bw * 2 / 3, 22);
            }
            x += bw + rnd.nextInt(20);
        }
    }
}

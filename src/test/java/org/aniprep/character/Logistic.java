package org.aniprep.character;

import java.util.List;

/** Logistic regression by Newton's method (iteratively reweighted least squares), for the report tools' refits. */
final class Logistic {
    private Logistic() {
    }

    /** Weights for rows {@code x} (column 0 the constant 1, not penalised) and labels {@code y}, with L2 penalty {@code l2}. */
    static double[] fit(List<double[]> x, List<Boolean> y, double l2) {
        int nf = x.get(0).length;
        double[] w = new double[nf];
        for (int it = 0; it < 100; it++) {
            double[] g = new double[nf];
            double[][] h = new double[nf][nf];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = x.get(i);
                double p = 1 / (1 + Math.exp(-z(w, xi)));
                double r = (y.get(i) ? 1 : 0) - p;
                for (int k = 0; k < nf; k++) {
                    g[k] += r * xi[k];
                    for (int l = 0; l < nf; l++) {
                        h[k][l] += p * (1 - p) * xi[k] * xi[l];
                    }
                }
            }
            for (int k = 1; k < nf; k++) {
                g[k] -= l2 * w[k];
                h[k][k] += l2;
            }
            double[] step = solve(h, g);
            double largest = 0;
            for (int k = 0; k < nf; k++) {
                w[k] += step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (largest < 1e-7) {
                break;
            }
        }
        return w;
    }

    static double z(double[] w, double[] x) {
        double z = 0;
        for (int k = 0; k < w.length; k++) {
            z += w[k] * x[k];
        }
        return z;
    }

    /** Solves {@code a·s = b} by Gauss–Jordan elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            if (m[c][c] == 0) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return s;
    }
}

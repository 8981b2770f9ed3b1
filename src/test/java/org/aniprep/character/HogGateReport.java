package org.aniprep.character;
import java.util.*;
/** Issue 19 experiment: colour within tc, then a gate on the head-region HOG alone (docs/classify.md; not shipped alone, one part of ShapeCheck). */
public final class HogGateReport {
  record F(String who, float[] c, float[] s) {}
  record R(String who, float[] c, float[] s) {}
  static float[] sil(CastScenes.Scene s, FaceBox b) { return Hog.of(s.image(), b, 0.5, 0.6, 0.3); }
  static List<F> bench(CastScenes cast, long seed, List<R> refs) {
    for (String f : List.of("eileen_happy.png", "lucy_happy.png")) { CastScenes.Scene s = cast.sprite(f); FaceBox b = s.faces().get(0).box(); refs.add(new R(s.faces().get(0).who(), OfflineSignature.of(s.image(), b).vector(), sil(s, b))); }
    Random rnd = new Random(seed ^ 0x5eed); List<F> out = new ArrayList<>();
    for (CastScenes.Scene s : cast.scenes(120, seed, List.of("eileen_vhappy.png", "eileen_concerned.png", "lucy_mad.png", "eileen_happy.png", "lucy_happy.png")))
      for (CastScenes.Face f : s.faces()) { FaceBox b = OfflineAccuracyReport.jittered(f.box(), 0.12, rnd, s.image().width(), s.image().height()); out.add(new F(f.who(), OfflineSignature.of(s.image(), b).vector(), sil(s, b))); }
    for (String c : List.of("concert1.png", "concert3.png")) { CastScenes.Scene s = cast.concert(c); for (CastScenes.Face f : s.faces()) out.add(new F(f.who(), OfflineSignature.of(s.image(), f.box()).vector(), sil(s, f.box()))); }
    return out;
  }
  static String label(F f, List<R> refs, double tc, double ts) {
    R best=null; double bd=9;
    for (R r : refs) { double d = OfflineSignature.distance(r.c(), f.c()); if (d<bd){bd=d;best=r;} }
    if (bd > tc) return "unknown";
    double ds = 9; for (R r : refs) if (r.who().equals(best.who())) ds = Math.min(ds, Hog.distance(r.s(), 0, f.s(), 0));
    return ds <= ts ? best.who() : "uncertain";
  }
  public static void main(String[] a) {
    CastScenes cast = new CastScenes();
    List<R> brefs = new ArrayList<>(); List<F> bench = bench(cast, 11, brefs);
    List<List<R>> lrefs = new ArrayList<>(); List<List<F>> lfaces = new ArrayList<>();
    for (long seed : new long[]{1,2}) for (LookAlikeSets.Set set : List.of(LookAlikeSets.real(cast, 60, seed), LookAlikeSets.cast(cast, 60, seed, false), LookAlikeSets.cast(cast, 60, seed, true))) {
      List<R> rs = new ArrayList<>(); for (LookAlikeSets.Ref r : set.refs()) rs.add(new R(r.who(), r.vector(), sil(r.image(), r.box())));
      List<F> fs = new ArrayList<>(); for (LookAlikeSets.Face f : set.faces()) fs.add(new F(f.who(), f.vector(), sil(f.image(), f.box())));
      lrefs.add(rs); lfaces.add(fs);
    }
    for (double tc : new double[]{0.14, 0.16, 0.18}) for (double ts : new double[]{0.12, 0.15, 0.18, 0.21, 0.25, 0.3, 9}) {
      int right=0; for (F f : bench) { String g = label(f, brefs, tc, ts); boolean ref = f.who().equals("Eileen")||f.who().equals("Lucy"); if (ref ? g.equals(f.who()) : !g.equals("Eileen") && !g.equals("Lucy")) right++; }
      int wrong=0, named=0, refd=0, unc=0;
      for (int k=0;k<lfaces.size();k++) { Set<String> names = new HashSet<>(); lrefs.get(k).forEach(r->names.add(r.who()));
        for (F f : lfaces.get(k)) { String g = label(f, lrefs.get(k), tc, ts); if (names.contains(f.who())) refd++; if (g.equals("uncertain")) unc++; else if (!g.equals("unknown")) { if (g.equals(f.who())) named++; else wrong++; } } }
      System.out.printf("tc %.2f ts %.2f: bench %.3f | lookalike sets: wrong %d, own named %d/%d, uncertain %d%n", tc, ts, right/(double)bench.size(), wrong, named, refd, unc);
    }
  }
}

package org.aniprep.character;
import java.util.*;
public final class ShapeSplitReport {
  static double CUT = 0.2, DELTA = 0.05; static double TC = 0.16;
  /** average-linkage agglomerative clustering on a distance matrix; returns labels */
  static int[] agglo(double[][] d, double cut) {
    int n = d.length; List<List<Integer>> cl = new ArrayList<>(); for (int i=0;i<n;i++) cl.add(new ArrayList<>(List.of(i)));
    while (cl.size() > 1) { double best=9; int bi=-1,bj=-1;
      for (int i=0;i<cl.size();i++) for (int j=i+1;j<cl.size();j++) { double s=0; for (int x: cl.get(i)) for (int y: cl.get(j)) s+=d[x][y]; s/= cl.get(i).size()*cl.get(j).size(); if (s<best){best=s;bi=i;bj=j;} }
      if (best > cut) break; cl.get(bi).addAll(cl.remove(bj)); }
    int[] lab = new int[n]; for (int c=0;c<cl.size();c++) for (int x: cl.get(c)) lab[x]=c; return lab;
  }
  static Map<ShapeGateReport.F, String> run(List<ShapeGateReport.F> faces, List<ShapeGateReport.R> refs) {
    Map<ShapeGateReport.F, String> out = new HashMap<>(); Map<String, List<ShapeGateReport.F>> cand = new HashMap<>();
    for (ShapeGateReport.F f : faces) { ShapeGateReport.R best=null; double bd=9; for (ShapeGateReport.R r : refs) { double d = OfflineSignature.distance(r.c(), f.c()); if (d<bd){bd=d;best=r;} }
      if (bd > TC) out.put(f, "unknown"); else cand.computeIfAbsent(best.who(), k->new ArrayList<>()).add(f); }
    cand.forEach((who, fs) -> {
      int n = fs.size(); double[][] d = new double[n][n];
      for (int i=0;i<n;i++) for (int j=i+1;j<n;j++) d[i][j]=d[j][i]=Silhouette.aligned(fs.get(i).s(), fs.get(j).s());
      int[] lab = agglo(d, CUT);
      Map<Integer, List<Double>> toRef = new HashMap<>();
      double[] ds = new double[n];
      for (int i=0;i<n;i++) { double m=9; for (ShapeGateReport.R r : refs) if (r.who().equals(who)) m=Math.min(m, Silhouette.aligned(r.s(), fs.get(i).s())); ds[i]=m; toRef.computeIfAbsent(lab[i], k->new ArrayList<>()).add(m); }
      Map<Integer, Double> med = new HashMap<>(); toRef.forEach((k,v)->{ Collections.sort(v); med.put(k, v.get(v.size()/2)); });
      int bestC = -1; int bestSize = 0; double bm = 9; for (var e : med.entrySet()) if (e.getValue() < bm) { bm = e.getValue(); bestC = e.getKey(); }
      for (int i=0;i<n;i++) out.put(fs.get(i), lab[i]==bestC || med.get(lab[i]) - bm <= DELTA ? who : "uncertain");
    });
    return out;
  }
  public static void main(String[] a) {
    CastScenes cast = new CastScenes();
    List<ShapeGateReport.R> brefs = new ArrayList<>(); List<ShapeGateReport.F> bench = ShapeGateReport.bench(cast, 11, brefs);
    List<List<ShapeGateReport.R>> lrefs = new ArrayList<>(); List<List<ShapeGateReport.F>> lfaces = new ArrayList<>();
    for (long seed : new long[]{1,2}) for (LookAlikeSets.Set set : List.of(LookAlikeSets.real(cast, 60, seed), LookAlikeSets.cast(cast, 60, seed, false), LookAlikeSets.cast(cast, 60, seed, true))) {
      List<ShapeGateReport.R> rs = new ArrayList<>(); for (LookAlikeSets.Ref r : set.refs()) rs.add(new ShapeGateReport.R(r.who(), r.vector(), ShapeGateReport.sil(r.image(), r.box())));
      List<ShapeGateReport.F> fs = new ArrayList<>(); for (LookAlikeSets.Face f : set.faces()) fs.add(new ShapeGateReport.F(f.who(), f.vector(), ShapeGateReport.sil(f.image(), f.box())));
      lrefs.add(rs); lfaces.add(fs);
    }
    for (double tc : new double[]{0.14, 0.16}) for (double cut : new double[]{0.15, 0.2, 0.25, 0.3}) for (double delta : new double[]{0.0, 0.03, 0.06}) {
      TC=tc; CUT=cut; DELTA=delta;
      Map<ShapeGateReport.F,String> bl = run(bench, brefs);
      int right=0; for (ShapeGateReport.F f : bench) { String g = bl.get(f); boolean ref = f.who().equals("Eileen")||f.who().equals("Lucy"); if (ref ? g.equals(f.who()) : !g.equals("Eileen") && !g.equals("Lucy")) right++; }
      int wrong=0, named=0, refd=0, unc=0;
      for (int k=0;k<lfaces.size();k++) { Set<String> names = new HashSet<>(); lrefs.get(k).forEach(r->names.add(r.who())); Map<ShapeGateReport.F,String> l = run(lfaces.get(k), lrefs.get(k));
        for (ShapeGateReport.F f : lfaces.get(k)) { String g = l.get(f); if (names.contains(f.who())) refd++; if (g.equals("uncertain")) unc++; else if (!g.equals("unknown")) { if (g.equals(f.who())) named++; else wrong++; } } }
      System.out.printf("tc %.2f cut %.2f delta %.2f: bench %.3f | lookalike sets: wrong %d, own named %d/%d, uncertain %d%n", tc, cut, delta, right/(double)bench.size(), wrong, named, refd, unc);
    }
  }
}

package org.aniprep.report;

import org.aniprep.console.Problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code page.jte} shows, top to bottom: the layout's header with {@code nav}, summary lines, a
 * legend, count tables, the pager, sections, a training tree, the pager again, and failed inputs.
 */
public record Page(String title, List<Link> nav, List<String> summary, List<Swatch> legend, List<Counts> tables,
                   List<Section> sections, TreeNode tree, Pager pager, List<Problems.Problem> failures) {
    /** The report pages a header links to when they sit beside the page. */
    static final List<String> REPORTS = List.of("dedup.html", "filter.html", "detect.html", "classify.html", "dataset.html");

    public static Builder titled(String title) {
        return new Builder(title);
    }

    /** Links to the other stage reports in the folder of {@code file} (and a run's report.html above it). */
    public static List<Link> nav(Path file) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<Link> links = new ArrayList<>();
        for (Path up = dir; up != null && links.isEmpty() && up.getNameCount() > dir.getNameCount() - 3; up = up.getParent()) {
            Path run = up.resolve("report.html");
            if (!run.equals(file.toAbsolutePath().normalize()) && Files.isRegularFile(run)) {
                links.add(new Link(Links.relative(dir, run), "run"));
            }
        }
        for (String name : REPORTS) {
            if (!dir.resolve(name).equals(file.toAbsolutePath().normalize()) && Files.isRegularFile(dir.resolve(name))) {
                links.add(new Link(Links.encode(name), name.replace(".html", "")));
            }
        }
        return links;
    }

    public static final class Builder {
        private final String title;
        private List<Link> nav = List.of();
        private final List<String> summary = new ArrayList<>();
        private final List<Swatch> legend = new ArrayList<>();
        private final List<Counts> tables = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private TreeNode tree;
        private Pager pager = Pager.none();
        private final List<Problems.Problem> failures = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder nav(List<Link> links) {
            nav = List.copyOf(links);
            return this;
        }

        public Builder line(String text) {
            summary.add(text);
            return this;
        }

        public Builder legend(String kind, String label) {
            legend.add(new Swatch(kind, label));
            return this;
        }

        public Builder table(Counts table) {
            tables.add(table);
            return this;
        }

        public Builder section(Section section) {
            sections.add(section);
            return this;
        }

        public Builder sections(List<Section> all) {
            sections.addAll(all);
            return this;
        }

        public Builder tree(TreeNode root) {
            tree = root;
            return this;
        }

        public Builder pager(Pager p) {
            pager = p;
            return this;
        }

        public Builder failures(List<Problems.Problem> list) {
            failures.addAll(list);
            return this;
        }

        public Page build() {
            return new Page(title, nav, List.copyOf(summary), List.copyOf(legend), List.copyOf(tables),
                    List.copyOf(sections), tree, pager, List.copyOf(failures));
        }
    }
}

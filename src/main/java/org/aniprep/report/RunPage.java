package org.aniprep.report;

import org.aniprep.console.Problems;

import java.util.List;

/** What {@code run.jte} shows: the stage table, count tables, sample sections, the tree, every failed input and the links into the review app. */
public record RunPage(String title, List<Link> nav, List<String> summary, List<StageRow> stages, List<Counts> tables,
                      List<Section> sections, TreeNode tree, List<Problems.Problem> failures, ReviewLinks review) {
    /** One stage in the table; {@code models}: the models it ran, one line each; {@code report} links to its own page, or null. */
    public record StageRow(String name, String status, String seconds, String counts, List<String> models, String note, int failures,
                           Link report) {
    }
}

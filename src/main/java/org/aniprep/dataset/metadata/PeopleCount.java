package org.aniprep.dataset.metadata;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of people the tagger saw, from Danbooru's count tags, as the seed counts them:
 * girls = the largest k of {@code 1girl}, {@code 2girls} ... {@code 5girls}, {@code 6+girls} (= 6)
 * present, boys likewise, people = girls + boys, and 6 or more is {@code "many"}.
 */
final class PeopleCount {
    static final String MANY = "many";
    private static final int MANY_FROM = 6;
    private static final Pattern COUNT_TAG = Pattern.compile("([1-6])(\\+?)[ _]?(girl|boy)s?");

    private PeopleCount() {
    }

    /** The count as text ({@code "0"} when no count tag is present). */
    static String fromTags(List<String> tags) {
        int girls = 0;
        int boys = 0;
        for (String t : tags) {
            Matcher m = COUNT_TAG.matcher(t.strip());
            if (!m.matches() || !plausible(m)) {
                continue;
            }
            int k = Integer.parseInt(m.group(1));
            if (m.group(3).equals("girl")) {
                girls = Math.max(girls, k);
            } else {
                boys = Math.max(boys, k);
            }
        }
        int people = girls + boys;
        return people >= MANY_FROM ? MANY : Integer.toString(people);
    }

    /** {@code 1girl}, {@code 2girls}..{@code 5girls}, {@code 6+girls}; not {@code 1girls} or {@code 3+girls}. */
    private static boolean plausible(Matcher m) {
        int k = Integer.parseInt(m.group(1));
        boolean plus = !m.group(2).isEmpty();
        boolean plural = m.group(0).strip().endsWith("s");
        return k == 6 ? plus && plural : !plus && plural == (k > 1);
    }

    static Optional<String> fromTagsIfAny(List<String> tags) {
        return tags == null ? Optional.empty() : Optional.of(fromTags(tags));
    }
}

package org.aniprep.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a video's file name says about it: the series name, the season and the episode number.
 * Understands fansub names ({@code [Group] Show - 04 [1080p].mkv}), {@code Show S2E04.mkv},
 * {@code Show EP04.mp4}, {@code Show Episode 4.mp4}, a trailing number ({@code show_04.mp4}), a season
 * before the number ({@code Show S2 - 04}, {@code Show Season 2 - 04}, {@code Show 2nd Season - 04}) and,
 * when the name has no other number, BD releases' bracketed one ({@code [Group] Show [09][1080p].mkv}).
 * Bracketed groups and release tokens (1080p, x264, 10bit, v2 ...) never count as episode numbers.
 */
public record EpisodeName(String series, Integer season, Integer episode) {
    private static final Pattern BRACKETS = Pattern.compile("[\\[(【][^\\])】]*[\\])】]");
    private static final Pattern RELEASE_TOKENS = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(\\d{3,4}p|[xh][ .]?26[45]|hevc|avc|aac|flac|\\d{1,2}bit|web[ -]?dl|webrip|bd(rip)?|"
                    + "blu[ -]?ray|dvd(rip)?|hdtv|\\d{3,4}x\\d{3,4})(?![\\p{L}\\p{N}])");
    private static final Pattern SEASON_EPISODE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])S(\\d{1,2})[ ._-]?E(\\d{1,4})(?!\\d)");
    private static final Pattern DASH_NUMBER = Pattern.compile("\\s[-–]\\s*(\\d{1,4})(?:v\\d)?(?!\\d)");
    private static final Pattern EP_WORD = Pattern.compile("(?i)(?<![\\p{L}])(?:episode|ep|e|第)[ ._-]?(\\d{1,4})(?:v\\d)?(?!\\d)");
    private static final Pattern TRAILING = Pattern.compile("(?<![\\p{L}])(\\d{1,4})(?:v\\d)?[\\s._-]*$");
    /** A season named just before the episode number: "S2 - 04", "Season 2 - 04", "2nd Season - 04". */
    private static final Pattern SEASON_BEFORE = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(?:S(\\d{1,2})|Season[ ._-]?(\\d{1,2})|(\\d{1,2})(?:st|nd|rd|th)[ ._-]?Season)[\\s._-]*$");
    /** BD releases put the episode in brackets of its own: "[VCB-Studio] Toradora! [09][Ma10p_1080p]". */
    private static final Pattern BRACKETED_EPISODE = Pattern.compile("[\\[(【]\\s*(\\d{1,3})(?:v\\d)?\\s*[\\])】]");

    public static EpisodeName parse(String fileName) {
        String stem = fileName.replaceFirst("\\.[^.]+$", "");
        String text = BRACKETS.matcher(stem).replaceAll(" ");
        text = RELEASE_TOKENS.matcher(text).replaceAll(" ").replace('_', ' ').replace('.', ' ').replaceAll("\\s+", " ").strip();
        for (Pattern p : new Pattern[]{SEASON_EPISODE, DASH_NUMBER, EP_WORD, TRAILING}) {
            MatchResult m = lastMatch(p, text);
            if (m != null) {
                int episode = Integer.parseInt(m.group(p == SEASON_EPISODE ? 2 : 1));
                String head = text.substring(0, m.start());
                if (p == SEASON_EPISODE) {
                    return new EpisodeName(seriesName(head), Integer.valueOf(m.group(1)), episode);
                }
                return withSeasonFrom(head, episode);
            }
        }
        MatchResult bracketed = lastMatch(BRACKETED_EPISODE, stem);
        if (bracketed != null) {
            return withSeasonFrom(text, Integer.parseInt(bracketed.group(1)));
        }
        return new EpisodeName(seriesName(text), null, null);
    }

    /** The series and season from the text before the episode number. */
    private static EpisodeName withSeasonFrom(String head, int episode) {
        MatchResult s = lastMatch(SEASON_BEFORE, head);
        if (s == null) {
            return new EpisodeName(seriesName(head), null, episode);
        }
        String number = s.group(1) != null ? s.group(1) : s.group(2) != null ? s.group(2) : s.group(3);
        return new EpisodeName(seriesName(head.substring(0, s.start())), Integer.valueOf(number), episode);
    }

    public OptionalInt episodeNumber() {
        return episode == null ? OptionalInt.empty() : OptionalInt.of(episode);
    }

    public Optional<String> seriesName() {
        return series.isEmpty() ? Optional.empty() : Optional.of(series);
    }

    private static MatchResult lastMatch(Pattern p, String text) {
        Matcher m = p.matcher(text);
        MatchResult last = null;
        while (m.find()) {
            last = m.toMatchResult();
        }
        return last;
    }

    /** Series part of the name as a prefix: separators trimmed, whitespace runs → '_', unsafe characters dropped. */
    private static String seriesName(String head) {
        String s = head.strip();
        s = s.replaceAll("[\\s._-]+$", "").replaceAll("^[\\s._-]+", "");
        s = s.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").strip().replaceAll("\\s+", "_");
        return s.toLowerCase(Locale.ROOT).equals("episode") ? "" : s;
    }
}

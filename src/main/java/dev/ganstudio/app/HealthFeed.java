package dev.ganstudio.app;

import dev.ganstudio.core.metrics.HealthCleared;
import dev.ganstudio.core.metrics.HealthWarning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's health warnings as the training panel shows them: every warning of the run is kept (for the banner's
 * tooltip), and the banner shows the ones raised in the last {@link #RECENT_EPOCHS} epochs that still hold, so a
 * warning about a problem that has since passed does not stay in front of the user. The engine says when a condition
 * clears; an older one that has not cleared is named as still holding. Plain Java, used on the FX thread.
 */
public final class HealthFeed {
    static final int RECENT_EPOCHS = 2;
    private final List<HealthWarning> all = new ArrayList<>();
    private final List<HealthCleared> clears = new ArrayList<>();
    private int currentEpoch;

    public void clear() {
        all.clear();
        clears.clear();
        currentEpoch = 0;
    }

    /** The engine found a condition warned about earlier no longer holding. */
    public void cleared(HealthCleared c) {
        clears.add(c);
        currentEpoch = Math.max(currentEpoch, c.epoch());
    }

    /** Where {@code w}'s condition was found cleared, or null while it holds (a later warning of its kind starts anew). */
    private HealthCleared clearedAfter(HealthWarning w) {
        for (HealthCleared c : clears) if (c.kind().equals(w.kind()) && c.step() >= w.step()) return c;
        return null;
    }

    public void add(HealthWarning w) {
        all.add(w);
        currentEpoch = Math.max(currentEpoch, w.epoch());
    }

    /** An epoch finished (1-based): warnings older than the recent window leave the banner. */
    public void epochDone(int epoch) {
        currentEpoch = Math.max(currentEpoch, epoch + 1);
    }

    public List<HealthWarning> all() { return List.copyOf(all); }

    /** The banner's text: the recent warnings with their suggestions, newest first; empty when there are none. */
    public String banner() {
        StringBuilder sb = new StringBuilder();
        for (int i = all.size() - 1; i >= 0; i--) {
            HealthWarning w = all.get(i);
            if (!recent(w) || clearedAfter(w) != null) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append("⚠ ").append(describe(w));
        }
        return sb.toString();
    }

    /**
     * One line about the warnings that are not in the banner ("" when the banner shows some, or there are none): how
     * many, and either which still hold (the engine reports a condition once, when it starts, and says when it clears)
     * or that all have cleared.
     */
    public String olderSummary() {
        if (all.isEmpty() || all.stream().anyMatch(w -> recent(w) && clearedAfter(w) == null)) return "";
        Map<String, Integer> holding = new LinkedHashMap<>(); // kind -> epoch of its oldest warning that has not cleared
        for (HealthWarning w : all) if (clearedAfter(w) == null) holding.putIfAbsent(w.kind(), w.epoch());
        if (holding.isEmpty()) {
            HealthWarning w = all.get(all.size() - 1);
            return String.format(Locale.ROOT, "Health: all clear now — %d earlier warning%s, each cleared (latest: %s at epoch %d, cleared at "
                    + "epoch %d) — hover to read", all.size(), all.size() == 1 ? "" : "s", w.kind(), w.epoch(), clearedAfter(w).epoch());
        }
        return String.format(Locale.ROOT, "Health: no new warning in the last %d epochs; %d earlier, still holding: %s — hover to read",
                RECENT_EPOCHS, all.size(), holding.entrySet().stream().map(e -> e.getKey() + " (since epoch " + e.getValue() + ")")
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    private boolean recent(HealthWarning w) { return w.epoch() > currentEpoch - RECENT_EPOCHS; }

    /** Every warning of the run, oldest first, one paragraph each. */
    public String history() {
        StringBuilder sb = new StringBuilder();
        for (HealthWarning w : all) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(describe(w));
            HealthCleared c = clearedAfter(w);
            if (c != null) sb.append(String.format(Locale.ROOT, " — cleared at epoch %d, step %d.", c.epoch(), c.step()));
        }
        return sb.toString();
    }

    static String describe(HealthWarning w) {
        return String.format(Locale.ROOT, "[epoch %d, step %d] %s Try: %s", w.epoch(), w.step(), w.message(), w.suggestion());
    }
}

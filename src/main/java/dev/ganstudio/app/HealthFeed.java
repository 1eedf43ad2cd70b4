package dev.ganstudio.app;

import dev.ganstudio.core.metrics.HealthWarning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine's health warnings as the training panel shows them: every warning of the run is kept (for the banner's
 * tooltip), and the banner shows the ones raised in the last {@link #RECENT_EPOCHS} epochs, so a warning about a
 * problem that has since passed does not stay in front of the user forever. Plain Java, used on the FX thread.
 */
public final class HealthFeed {
    static final int RECENT_EPOCHS = 2;
    private final List<HealthWarning> all = new ArrayList<>();
    private int currentEpoch;

    public void clear() {
        all.clear();
        currentEpoch = 0;
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
            if (!recent(w)) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append("⚠ ").append(describe(w));
        }
        return sb.toString();
    }

    /**
     * One line about the warnings that have left the banner ("" when there are none): how many, and the latest. The
     * engine reports a condition once, when it starts, so an older warning may still hold (e.g. a collapse that never
     * recovered); the line says so instead of declaring the run healthy.
     */
    public String olderSummary() {
        if (all.isEmpty() || all.stream().anyMatch(this::recent)) return "";
        HealthWarning w = all.get(all.size() - 1);
        return String.format(Locale.ROOT, "Health: no new warning in the last %d epochs; %d earlier (latest: %s at epoch %d, it may still hold"
                + " — watch the metrics) — hover to read", RECENT_EPOCHS, all.size(), w.kind(), w.epoch());
    }

    private boolean recent(HealthWarning w) { return w.epoch() > currentEpoch - RECENT_EPOCHS; }

    /** Every warning of the run, oldest first, one paragraph each. */
    public String history() {
        StringBuilder sb = new StringBuilder();
        for (HealthWarning w : all) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(describe(w));
        }
        return sb.toString();
    }

    static String describe(HealthWarning w) {
        return String.format(Locale.ROOT, "[epoch %d, step %d] %s Try: %s", w.epoch(), w.step(), w.message(), w.suggestion());
    }
}

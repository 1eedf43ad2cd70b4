package dev.ganstudio.app;

import dev.ganstudio.core.metrics.HealthCleared;
import dev.ganstudio.core.metrics.HealthWarning;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthFeedTest {
    private static HealthWarning warning(String kind, int epoch) {
        return new HealthWarning(kind, kind + " seen.", "do something.", epoch * 10L, epoch);
    }

    @Test
    void bannerShowsRecentWarningsNewestFirstAndHistoryKeepsAll() {
        HealthFeed feed = new HealthFeed();
        assertEquals("", feed.banner());
        assertEquals("", feed.olderSummary());
        feed.add(warning(HealthWarning.DISCRIMINATOR_WINS, 1));
        feed.epochDone(1);
        feed.add(warning(HealthWarning.COLLAPSE, 2));
        String banner = feed.banner();
        assertTrue(banner.startsWith("⚠ [epoch 2, step 20] collapse seen. Try: do something."), banner);
        assertTrue(banner.contains("discriminator-wins"), banner);

        feed.epochDone(2);
        feed.epochDone(3);
        assertEquals("", feed.banner(), "warnings older than two epochs leave the banner");
        assertEquals(2, feed.all().size());
        // a condition is reported once, when it starts: older warnings that have not cleared still hold
        assertTrue(feed.olderSummary().contains("2 earlier, still holding: discriminator-wins (since epoch 1), collapse (since epoch 2)"),
                feed.olderSummary());
        assertTrue(feed.history().indexOf("discriminator-wins") < feed.history().indexOf("collapse"));

        feed.cleared(new HealthCleared(HealthWarning.DISCRIMINATOR_WINS, 35, 4));
        assertTrue(feed.olderSummary().contains("still holding: collapse (since epoch 2)"), feed.olderSummary());
        assertFalse(feed.olderSummary().contains("discriminator-wins"), feed.olderSummary());
        assertTrue(feed.history().contains("discriminator-wins seen. Try: do something. — cleared at epoch 4, step 35."), feed.history());
        feed.cleared(new HealthCleared(HealthWarning.COLLAPSE, 45, 5));
        assertTrue(feed.olderSummary().startsWith("Health: all clear now — 2 earlier warnings, each cleared (latest: collapse at epoch 2, cleared at epoch 5)"),
                feed.olderSummary());

        // a recent warning that has cleared leaves the banner at once; a new one of its kind starts anew
        feed.add(warning(HealthWarning.COLLAPSE, 6));
        assertTrue(feed.banner().contains("[epoch 6"), feed.banner());
        assertEquals("", feed.olderSummary());
        feed.cleared(new HealthCleared(HealthWarning.COLLAPSE, 61, 6));
        assertEquals("", feed.banner());
        assertTrue(feed.olderSummary().startsWith("Health: all clear now — 3 earlier warnings"), feed.olderSummary());

        feed.clear();
        assertEquals("", feed.history());
        assertEquals("", feed.olderSummary());
    }
}
